//! `/teamscans/{id}/inschatting`: the owner answers the statements as they expect their team
//! to, on the same scale (with "weet ik niet"). Without script the form posts whole; with it,
//! every choice saves at once through the API (`rating.js`).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans as logic;
use leidraad_domain::space_scan::SpaceScan;
use leidraad_store::space_scans::ScanState;

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::feedback::RatingCard;
use crate::pages::{PageContext, Section, render};

#[derive(Template)]
#[template(path = "teamscan_estimate.html")]
pub struct EstimatePage {
    page: PageContext,
    id: i64,
    title: String,
    sections: Vec<(String, Vec<RatingCard>)>,
    options: Vec<(String, String)>,
    closed: bool,
}

/// The statements by section, as cards to rate; `chosen` gives a statement's saved answer.
pub fn statement_cards(
    tr: Tr,
    scan: &SpaceScan,
    chosen: impl Fn(&str) -> String,
    save_url: impl Fn(&str) -> String,
) -> Vec<(String, Vec<RatingCard>)> {
    scan.sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let cards = scan
                .statements_of(&section.id)
                .enumerate()
                .map(|(position, statement)| RatingCard {
                    id: statement.id.clone(),
                    domain_number: index % 9 + 1,
                    position: position + 1,
                    text: tr.pick(&statement.text).to_owned(),
                    chosen: chosen(&statement.id),
                    save_url: save_url(&statement.id),
                })
                .collect();
            (tr.pick(&section.title).to_owned(), cards)
        })
        .collect()
}

/// The scale's answers as (code, label).
pub fn scale_options(tr: Tr, scan: &SpaceScan) -> Vec<(String, String)> {
    scan.scale
        .iter()
        .map(|label| {
            (
                label.answer.code().to_owned(),
                tr.pick(&label.label).to_owned(),
            )
        })
        .collect()
}

pub async fn get_estimate(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let overview = logic::overview(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &overview.record)?;
    let estimate = logic::estimate_of(&state, &viewer, id).await?;
    let chosen = |statement: &str| {
        estimate
            .ratings
            .get(statement)
            .map_or(String::new(), |answer| answer.code().to_owned())
    };
    let save_url = |statement: &str| format!("/api/v1/scans/{id}/estimate/{statement}");
    render(&EstimatePage {
        page: PageContext::new(tr, format!("/teamscans/{id}/inschatting"), Section::Other),
        id,
        title: overview.record.title.clone(),
        sections: statement_cards(tr, scan, chosen, save_url),
        options: scale_options(tr, scan),
        closed: overview.record.state == ScanState::Released,
    })
}

/// Saves every statement of the form at once: the page's way without script. A field left
/// empty is left as it was.
pub async fn post_estimate(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let overview = logic::overview(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &overview.record)?;
    let chosen: Vec<(&str, &str)> = scan
        .statements
        .iter()
        .map(|s| (s.id.as_str(), form.get(&format!("card-{}", s.id))))
        .filter(|(_, answer)| !answer.is_empty())
        .collect();
    // Checked whole first, so a bad answer saves nothing.
    leidraad_domain::space_scan::Estimate::parse(scan, &chosen)
        .map_err(|e| AppError::BadRequest { code: e.code() })?;
    for (statement, answer) in chosen {
        logic::save_estimate(&state, &viewer, id, statement, answer).await?;
    }
    Ok(Redirect::to(&format!("/teamscans/{id}")).into_response())
}
