//! `/teamscans/{id}/inschatting`: the owner answers the statements as they expect their team
//! to, on the same scale (with "weet ik niet"). Without script the form posts whole; with it,
//! every choice saves at once through the API (`rating.js`). A board member's estimate
//! (`board.rs`) is the same page with other words around it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans as logic;
use leidraad_domain::space_scan::{Estimate, SpaceScan};
use leidraad_store::space_scans::ScanState;

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::feedback::RatingCard;
use crate::pages::{PageContext, Section, render};

/// An estimate's page: the statements as rating cards, and the words around them.
#[derive(Template)]
#[template(path = "teamscan_estimate.html")]
pub struct EstimatePage {
    pub page: PageContext,
    /// The breadcrumb: where it leads, and its words.
    pub back: (String, String),
    pub heading: String,
    pub leads: Vec<String>,
    /// Why the estimate can no longer change; empty while it can.
    pub notice: String,
    /// Where the whole form posts without script.
    pub action: String,
    pub sections: Vec<(String, Vec<RatingCard>)>,
    pub options: Vec<(String, String)>,
    /// Read-only: the choices are shown, not offered.
    pub closed: bool,
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
    let closed = overview.record.state == ScanState::Released;
    render(&EstimatePage {
        page: PageContext::new(tr, format!("/teamscans/{id}/inschatting"), Section::Other),
        back: (format!("/teamscans/{id}"), overview.record.title.clone()),
        heading: tr.t("scan-estimate-title").into_owned(),
        leads: vec![tr.t("scan-estimate-page-lead").into_owned()],
        notice: if closed {
            tr.t("scan-estimate-closed").into_owned()
        } else {
            String::new()
        },
        action: format!("/teamscans/{id}/inschatting"),
        sections: statement_cards(tr, scan, chosen, save_url),
        options: scale_options(tr, scan),
        closed,
    })
}

/// The answers of a whole posted estimate form, checked together so that a bad one saves
/// nothing. A field left empty is left as it was.
pub fn posted_estimate<'a>(
    scan: &'a SpaceScan,
    form: &'a FormFields,
) -> Result<Vec<(&'a str, &'a str)>, AppError> {
    let chosen: Vec<(&str, &str)> = scan
        .statements
        .iter()
        .map(|s| (s.id.as_str(), form.get(&format!("card-{}", s.id))))
        .filter(|(_, answer)| !answer.is_empty())
        .collect();
    Estimate::parse(scan, &chosen).map_err(|e| AppError::BadRequest { code: e.code() })?;
    Ok(chosen)
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
    for (statement, answer) in posted_estimate(scan, &form)? {
        logic::save_estimate(&state, &viewer, id, statement, answer).await?;
    }
    Ok(Redirect::to(&format!("/teamscans/{id}")).into_response())
}
