//! Two moments in one chart: per domain the score before and after as two shapes of one radar
//! (or two bars each, below three domains), the same figures as a table, and the cards that
//! moved.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::super::super::{PageContext, Section, render};
use super::super::score_text;
use super::chart::{Chart, Series};
use super::{date_time, pile_label};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections as logic;

/// One domain's row: number, name, score before, after, and the change.
pub struct CompareRow<'a> {
    pub number: usize,
    pub title: &'a str,
    pub before: String,
    pub after: String,
    pub change: String,
}

#[derive(Template)]
#[template(path = "reflection_compare.html")]
pub struct ComparePage<'a> {
    page: PageContext,
    /// Each moment's id and when it began.
    earlier: (i64, String),
    later: (i64, String),
    chart: Chart<'a>,
    rows: Vec<CompareRow<'a>>,
    moves: Vec<(&'a str, &'a str, String, String)>,
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
    let titled = |id: &str| {
        framework
            .domains
            .iter()
            .enumerate()
            .find(|(_, d)| d.id == id)
            .map_or((0, ""), |(i, d)| (i + 1, tr.pick(&d.title)))
    };
    let domains = &compared.comparison.domains;
    let rows: Vec<CompareRow> = domains
        .iter()
        .map(|d| {
            let (number, title) = titled(&d.domain);
            let change = match d.delta() {
                Some(delta) if delta > 0.0 => format!("+{}", score_text(tr, Some(delta))),
                Some(delta) => score_text(tr, Some(delta)),
                None => "–".to_owned(),
            };
            CompareRow {
                number,
                title,
                before: score_text(tr, d.before),
                after: score_text(tr, d.after),
                change,
            }
        })
        .collect();
    let earlier_when = date_time(tr, earlier.started_at);
    let later_when = date_time(tr, later.started_at);
    let before: Vec<Option<f64>> = domains.iter().map(|d| d.before).collect();
    let after: Vec<Option<f64>> = domains.iter().map(|d| d.after).collect();
    let named: Vec<(usize, &str)> = rows.iter().map(|r| (r.number, r.title)).collect();
    let chart = Chart::new(
        &named,
        &[
            Series {
                modifier: "chart--earlier",
                label: &earlier_when,
                means: &before,
            },
            Series {
                modifier: "chart--later",
                label: &later_when,
                means: &after,
            },
        ],
        |m| score_text(tr, m),
    );
    let moves = compared
        .comparison
        .moves
        .iter()
        .map(|m| {
            (
                titled(&m.domain).1,
                compared.card_text(framework, tr.lang, &m.card),
                pile_label(tr, m.before).into_owned(),
                pile_label(tr, m.after).into_owned(),
            )
        })
        .collect();
    render(&ComparePage {
        page: PageContext::new(tr, "/reflecties/vergelijk", Section::Other),
        earlier: (earlier.id, earlier_when.clone()),
        later: (later.id, later_when.clone()),
        chart,
        rows,
        moves,
    })
}
