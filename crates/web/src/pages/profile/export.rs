//! One's own data as a download: everything as JSON, one table as CSV for Excel, or every
//! table as a sheet of one XLSX workbook. The tables use the words and times people read
//! (roles by name, times on the Amsterdam clock); the JSON keeps the stored values.

use std::borrow::Cow;

use axum::extract::{Path, State};
use axum::response::Response;
use leidraad_domain::local_time::LocalDateTime;
use leidraad_store::accounts::PersonalData;

use super::super::download::{CSV, Cell, Table, XLSX, csv_of, download};
use super::super::workbook::workbook;
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::me;

/// Everything about oneself as JSON.
pub async fn get_export_json(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let data = me::export(&state, &viewer).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|_| AppError::Internal)?;
    Ok(download(
        body,
        "application/json",
        "leidraad-mijn-gegevens.json",
    ))
}

/// The tables, by the CSV file name each one downloads as.
const TABLES: [&str; 4] = [
    "lidmaatschappen.csv",
    "sessies.csv",
    "tokens.csv",
    "logboek.csv",
];

/// One table of one's own data as CSV: memberships, sessions, tokens or the audit events.
pub async fn get_export_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(table): Path<String>,
) -> Result<Response, AppError> {
    let index = TABLES
        .iter()
        .position(|t| *t == table)
        .ok_or(AppError::NotFound)?;
    let data = me::export(&state, &viewer).await?;
    let csv = csv_of(&tables(tr, &data).swap_remove(index));
    Ok(download(
        csv.into_bytes(),
        CSV,
        &format!("leidraad-{table}"),
    ))
}

/// Every table of one's own data, a sheet each.
pub async fn get_export_xlsx(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let data = me::export(&state, &viewer).await?;
    let book = workbook(&tables(tr, &data))?;
    Ok(download(book, XLSX, "leidraad-mijn-gegevens.xlsx"))
}

fn when(tr: Tr, at: i64) -> Cell<'static> {
    Cell::plain(LocalDateTime::amsterdam(at).format(tr.lang))
}

/// The message `{prefix}-{code}`, or the code itself when a newer code has no words yet.
fn words(tr: Tr, prefix: &str, code: &str) -> String {
    tr.try_t(&format!("{prefix}-{code}"))
        .map_or_else(|| code.to_owned(), Cow::into_owned)
}

/// The tables in the order of [`TABLES`].
fn tables<'a>(tr: Tr, data: &'a PersonalData) -> Vec<Table<'a>> {
    let column = |key: &str, width: f64| (tr.t(key), width);
    let memberships = Table {
        name: tr.t("download-sheet-memberships"),
        columns: vec![
            column("download-col-organisation", 32.0),
            column("download-col-roles", 28.0),
            column("download-col-schools", 40.0),
        ],
        rows: data
            .memberships
            .iter()
            .map(|m| {
                let roles: Vec<String> =
                    m.roles.iter().map(|code| words(tr, "role", code)).collect();
                vec![
                    Cell::plain(m.organisation.as_str()),
                    Cell::plain(roles.join(", ")),
                    Cell::plain(m.schools.join(", ")),
                ]
            })
            .collect(),
    };
    let sessions = Table {
        name: tr.t("download-sheet-sessions"),
        columns: vec![
            column("download-col-signed-in", 24.0),
            column("download-col-last-seen", 24.0),
            column("download-col-browser", 60.0),
        ],
        rows: data
            .sessions
            .iter()
            .map(|s| {
                vec![
                    when(tr, s.created_at),
                    when(tr, s.last_seen_at),
                    Cell::plain(s.user_agent.as_str()),
                ]
            })
            .collect(),
    };
    let tokens = Table {
        name: tr.t("download-sheet-tokens"),
        columns: vec![
            column("download-col-token-name", 28.0),
            column("download-col-created", 24.0),
            column("download-col-last-used", 24.0),
        ],
        rows: data
            .api_tokens
            .iter()
            .map(|t| {
                vec![
                    Cell::plain(t.name.as_str()),
                    when(tr, t.created_at),
                    t.last_used_at.map_or(Cell::plain(""), |at| when(tr, at)),
                ]
            })
            .collect(),
    };
    let audit = Table {
        name: tr.t("download-sheet-audit"),
        columns: vec![
            column("download-col-when", 24.0),
            column("download-col-event", 32.0),
            column("download-col-outcome", 20.0),
            column("download-col-detail", 40.0),
        ],
        rows: data
            .audit_events
            .iter()
            .map(|e| {
                vec![
                    when(tr, e.at),
                    Cell::plain(words(tr, "audit-event", &e.event)),
                    Cell::plain(words(tr, "audit-outcome", &e.outcome)),
                    Cell::plain(e.detail.as_str()),
                ]
            })
            .collect(),
    };
    vec![memberships, sessions, tokens, audit]
}
