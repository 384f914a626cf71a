//! A reflection as a download: every card as CSV, everything as JSON.

use axum::extract::{Path, State};
use axum::response::Response;

use super::super::super::download::{csv_table, download};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, Loaded};
use leidraad_domain::reflection::Placed;

/// Every card of the reflection as CSV: domain, card, text, pile (1–4), star, focus, note,
/// evidence.
pub async fn get_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let framework = logic::framework_of(&state, &full.record)?;
    let cards = logic::cards_in(tr.lang, framework, &full);
    let csv = csv_table(
        &[
            "domain", "card", "text", "pile", "starred", "focus", "note", "evidence",
        ],
        cards.iter().map(|card| {
            vec![
                tr.pick(&card.domain.title).to_owned(),
                card.key.clone().into_owned(),
                card.text.to_owned(),
                card.pile()
                    .map(|p| p.score().to_string())
                    .unwrap_or_default(),
                u8::from(card.starred()).to_string(),
                u8::from(card.focus).to_string(),
                card.note().to_owned(),
                card.evidence().to_owned(),
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
