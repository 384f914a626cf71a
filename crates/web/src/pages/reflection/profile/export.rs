//! A reflection as a download: every card as CSV, everything as JSON.

use axum::extract::{Path, State};
use axum::response::Response;

use super::super::super::download::{csv_table, download};
use super::page::profile_data;
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, Loaded};

/// Every card of the reflection as CSV: domain, card, text, pile (1–4), star, focus, note,
/// evidence.
pub async fn get_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let data = profile_data(&state, tr, &viewer, id).await?;
    let page = data.page(&state, tr, &viewer, true)?;
    let csv = csv_table(
        &[
            "domain", "card", "text", "pile", "starred", "focus", "note", "evidence",
        ],
        page.all_cards.iter().map(|card| {
            vec![
                card.domain_title.to_owned(),
                card.key.to_owned(),
                card.text.to_owned(),
                card.score.map(|s| s.to_string()).unwrap_or_default(),
                u8::from(card.starred).to_string(),
                u8::from(card.focus).to_string(),
                card.note.to_owned(),
                card.evidence.to_owned(),
            ]
        }),
    );
    Ok(download(
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        &format!("leidraad-reflectie-{id}.csv"),
    ))
}

pub async fn get_json(
    State(state): State<AppState>,
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
        &format!("leidraad-reflectie-{id}.json"),
    ))
}
