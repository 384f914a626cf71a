//! `/teamscans/{id}/bestuur`: a board member's estimate of a scan someone else runs in their
//! organisation. The owner's estimate page with other words around it: the same cards, saved
//! one choice at a time through the API (`rating.js`), or posted whole without script. Once
//! the scan is closed for release the choices stay readable and can no longer change. Whoever
//! may not estimate it gets 404, as for a scan that does not exist.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans::{self as logic, BoardEstimateView};
use leidraad_store::space_scans::ScanState;

use super::estimate::{EstimatePage, posted_estimate, scale_options, statement_cards};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

pub async fn get_board_estimate(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = logic::board_estimate_of(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    let chosen = |statement: &str| {
        view.estimate
            .ratings
            .get(statement)
            .map_or(String::new(), |answer| answer.code().to_owned())
    };
    let save_url = |statement: &str| format!("/api/v1/scans/{id}/board-estimate/{statement}");
    let leader = view.leader.as_str();
    let open = view.record.state == ScanState::Open;
    let mut leads = vec![tr.t2(
        "scan-board-estimate-lead",
        ("leader", leader),
        ("schools", view.schools.join(", ")),
    )];
    // What will happen with it, while it still can change; afterwards the notice says.
    if open {
        leads.push(tr.t1("scan-board-estimate-privacy", "leader", leader));
    }
    render(&EstimatePage {
        page: PageContext::new(tr, format!("/teamscans/{id}/bestuur"), Section::Other),
        back: (
            "/teamscans".to_owned(),
            tr.t("scan-board-title").into_owned(),
        ),
        heading: tr.t1(
            "scan-board-estimate-title",
            "title",
            view.record.title.as_str(),
        ),
        leads,
        notice: notice(tr, &view),
        action: format!("/teamscans/{id}/bestuur"),
        sections: statement_cards(tr, scan, chosen, save_url),
        options: scale_options(tr, scan),
        closed: !open,
    })
}

/// Why the estimate can no longer change: the scan is being released, or was (and then
/// whether the leader sees it).
fn notice(tr: Tr, view: &BoardEstimateView) -> String {
    let leader = view.leader.as_str();
    match view.record.state {
        ScanState::Open => String::new(),
        ScanState::Closed => tr.t1("scan-board-estimate-closing", "leader", leader),
        ScanState::Released if view.estimate.ratings.is_empty() => {
            tr.t1("scan-board-estimate-none", "leader", leader)
        }
        ScanState::Released => tr.t1("scan-board-estimate-closed", "leader", leader),
    }
}

/// Saves every statement of the form at once: the page's way without script. A field left
/// empty is left as it was; the list of scans then shows how far the estimate got.
pub async fn post_board_estimate(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let view = logic::board_estimate_of(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    for (statement, answer) in posted_estimate(scan, &form)? {
        logic::save_board_estimate(&state, &viewer, id, statement, answer).await?;
    }
    Ok(Redirect::to("/teamscans").into_response())
}
