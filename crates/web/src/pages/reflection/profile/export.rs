//! A reflection as a download: its cards as CSV for Excel, its cards and domain scores as an
//! XLSX workbook, everything as JSON.

use std::borrow::Cow;

use axum::extract::{Path, State};
use axum::response::Response;
use leidraad_domain::Framework;
use leidraad_domain::local_time::LocalDateTime;
use leidraad_domain::reflection::Placed;

use super::super::super::download::{CSV, Cell, Table, XLSX, csv_of, download};
use super::super::super::workbook::workbook;
use super::super::score_text;
use super::pile_label;
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, CardInReflection, Loaded};
use leidraad_store::reflections::ReflectionRecord;

/// "ja" or "nee", as a person reads a yes-or-no column.
fn yes_no(tr: Tr, yes: bool) -> Cow<'static, str> {
    tr.t(if yes { "download-yes" } else { "download-no" })
}

/// Every card: domain, text, pile, star, focus, note, evidence, and the card's code last
/// (for matching moments in a spreadsheet).
fn cards_table<'a>(tr: Tr, cards: &'a [CardInReflection<'a>]) -> Table<'a> {
    let column = |key: &str, width: f64| (tr.t(key), width);
    Table {
        name: tr.t("download-sheet-cards"),
        columns: vec![
            column("download-col-domain", 28.0),
            column("download-col-card", 60.0),
            column("download-col-pile", 16.0),
            column("download-col-starred", 12.0),
            column("download-col-focus", 10.0),
            column("download-col-note", 48.0),
            column("download-col-evidence", 40.0),
            column("download-col-code", 14.0),
        ],
        rows: cards
            .iter()
            .map(|card| {
                vec![
                    Cell::plain(tr.pick(&card.domain.title)),
                    Cell::plain(card.text),
                    Cell::plain(pile_label(tr, card.pile())),
                    Cell::plain(yes_no(tr, card.starred())),
                    Cell::plain(yes_no(tr, card.focus)),
                    Cell::plain(card.note()),
                    Cell::plain(card.evidence()),
                    Cell::plain(card.key.as_ref()),
                ]
            })
            .collect(),
    }
}

/// Per domain: the cards on each pile, those not sorted yet, and the mean score.
fn domains_table<'a>(
    tr: Tr,
    framework: &'a Framework,
    record: &ReflectionRecord,
    cards: &[CardInReflection],
) -> Table<'a> {
    let placed: Vec<&CardInReflection> = cards.iter().collect();
    let profile = logic::profile(record, &placed);
    let count = |n: usize| Cell::Number(n as f64, n.to_string());
    let mut columns = vec![(tr.t("download-col-domain"), 36.0)];
    columns.extend(
        leidraad_domain::reflection::Pile::ALL
            .iter()
            .map(|pile| (pile_label(tr, Some(*pile)), 14.0)),
    );
    columns.push((pile_label(tr, None), 18.0));
    columns.push((tr.t("download-col-score"), 10.0));
    Table {
        name: tr.t("download-sheet-domains"),
        columns,
        rows: profile
            .domains
            .iter()
            .map(|d| {
                let title = framework
                    .domain(&d.domain)
                    .map_or("", |d| tr.pick(&d.title));
                let mut row = vec![Cell::plain(title)];
                row.extend(d.counts.iter().map(|n| count(*n)));
                row.push(count(d.unsorted));
                row.push(match d.mean_rounded() {
                    Some(mean) => Cell::Number(mean, score_text(tr, Some(mean))),
                    None => Cell::plain(""),
                });
                row
            })
            .collect(),
    }
}

/// "leidraad-zelfreflectie-2026-12-01-12": what it is, the day it began, and its number, so two
/// moments of one day download under two names.
fn file_name(tr: Tr, record: &ReflectionRecord, extension: &str) -> String {
    let day = LocalDateTime::amsterdam(record.started_at);
    format!(
        "{}-{}-{:02}-{:02}-{}.{extension}",
        tr.t("download-file-reflection"),
        day.year,
        day.month,
        day.day,
        record.id
    )
}

/// Every card of the reflection as CSV for Excel.
pub async fn get_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let framework = logic::framework_of(&state, &full.record)?;
    let cards = logic::cards_in(tr.lang, framework, &full);
    let csv = csv_of(&cards_table(tr, &cards));
    Ok(download(
        csv.into_bytes(),
        CSV,
        &file_name(tr, &full.record, "csv"),
    ))
}

/// The cards and the scores per domain, a sheet each.
pub async fn get_xlsx(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let framework = logic::framework_of(&state, &full.record)?;
    let cards = logic::cards_in(tr.lang, framework, &full);
    let book = workbook(&[
        cards_table(tr, &cards),
        domains_table(tr, framework, &full.record, &cards),
    ])?;
    Ok(download(book, XLSX, &file_name(tr, &full.record, "xlsx")))
}

pub async fn get_json(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let document = serde_json::json!({
        "reflection": full.record,
        "answers": full.answers,
        "own_cards": full.own_cards,
        "focus_cards": full.focus_cards,
    });
    let body = serde_json::to_vec_pretty(&document).map_err(|_| AppError::Internal)?;
    Ok(download(
        body,
        "application/json",
        &file_name(tr, &full.record, "json"),
    ))
}
