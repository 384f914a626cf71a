//! Two moments side by side: per domain the score before and after, and the cards that
//! moved.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::super::super::{PageContext, Section, render};
use super::super::{domain_title, score_text};
use super::{date, pile_label};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections as logic;

#[derive(Template)]
#[template(path = "reflection_compare.html")]
pub struct ComparePage {
    page: PageContext,
    earlier: (i64, String),
    later: (i64, String),
    rows: Vec<(usize, String, String, String, String)>,
    moves: Vec<(String, String, String, String)>,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    a: i64,
    b: i64,
}

pub async fn get_comparison(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Query(query): Query<CompareQuery>,
) -> Result<Response, AppError> {
    let compared = logic::comparison(&state, &viewer, query.a, query.b).await?;
    let (earlier, later) = (&compared.earlier.record, &compared.later.record);
    let framework = logic::framework_of(&state, later)?;
    let text_of = |key: &str| compared.card_text(framework, tr.lang, key).to_owned();
    let rows = compared
        .comparison
        .domains
        .iter()
        .map(|d| {
            let (number, title) = domain_title(tr, framework, &d.domain);
            let change = match d.delta() {
                Some(delta) if delta > 0.0 => format!("+{}", score_text(tr, Some(delta))),
                Some(delta) => score_text(tr, Some(delta)),
                None => "–".to_owned(),
            };
            (
                number,
                title,
                score_text(tr, d.before),
                score_text(tr, d.after),
                change,
            )
        })
        .collect();
    let moves = compared
        .comparison
        .moves
        .iter()
        .map(|m| {
            let (_, title) = domain_title(tr, framework, &m.domain);
            (
                title,
                text_of(&m.card),
                pile_label(tr, m.before).into_owned(),
                pile_label(tr, m.after).into_owned(),
            )
        })
        .collect();
    render(&ComparePage {
        page: PageContext::new(tr, "/reflecties/vergelijk", Section::Other),
        earlier: (earlier.id, date(tr, earlier.started_at)),
        later: (later.id, date(tr, later.started_at)),
        rows,
        moves,
    })
}
