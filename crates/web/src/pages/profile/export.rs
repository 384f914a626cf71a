//! One's own data as a download: everything as JSON, or one table as CSV.

use axum::extract::{Path, State};
use axum::response::Response;

use super::super::download::{csv_table, download};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
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

/// One table of one's own data as CSV: memberships, sessions, tokens or the audit events.
pub async fn get_export_csv(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(table): Path<String>,
) -> Result<Response, AppError> {
    let data = me::export(&state, &viewer).await?;
    let csv = match table.as_str() {
        "lidmaatschappen.csv" => csv_table(
            &["organisation_id", "organisation", "roles", "schools"],
            data.memberships.iter().map(|m| {
                vec![
                    m.organisation_id.to_string(),
                    m.organisation.clone(),
                    m.roles.join(" "),
                    m.schools.join("; "),
                ]
            }),
        ),
        "sessies.csv" => csv_table(
            &["id", "created_at", "last_seen_at", "user_agent"],
            data.sessions.iter().map(|s| {
                vec![
                    s.id.to_string(),
                    s.created_at.to_string(),
                    s.last_seen_at.to_string(),
                    s.user_agent.clone(),
                ]
            }),
        ),
        "tokens.csv" => csv_table(
            &["id", "name", "created_at", "last_used_at"],
            data.api_tokens.iter().map(|t| {
                vec![
                    t.id.to_string(),
                    t.name.clone(),
                    t.created_at.to_string(),
                    t.last_used_at.map(|v| v.to_string()).unwrap_or_default(),
                ]
            }),
        ),
        "logboek.csv" => csv_table(
            &["at", "event", "outcome", "detail"],
            data.audit_events.iter().map(|e| {
                vec![
                    e.at.to_string(),
                    e.event.clone(),
                    e.outcome.clone(),
                    e.detail.clone(),
                ]
            }),
        ),
        _ => return Err(AppError::NotFound),
    };
    Ok(download(
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        &format!("leidraad-{table}"),
    ))
}
