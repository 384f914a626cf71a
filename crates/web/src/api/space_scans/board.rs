//! A board member's estimate in the API: the scans others run in the organisations where the
//! caller is a board member, and the caller's own estimate of one of them, saved one
//! statement at a time while the scan is open. At release the owner's results show it beside
//! the team's view under the board member's name (`board_gaps` in `GET …/results`). Anyone
//! who is not a board member of the scan's organisation, and the owner, gets 404.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use leidraad_app::space_scans as logic;
use serde::Serialize;
use utoipa::ToSchema;

use super::input::ScanAnswerBody;
use super::questionnaire::{self, ScanScaleLabel, ScanSection, ScanStatement};
use super::{ScanSaved, closing_day};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

/// A scan someone else runs in an organisation where the caller is a board member.
#[derive(Serialize, ToSchema)]
pub struct ScanBoardItem {
    pub id: i64,
    pub title: String,
    /// `open` (the estimate can change), `gesloten` (being released) or `vrijgegeven`
    /// (released); from `gesloten` on the estimate is fixed.
    #[schema(example = "open")]
    pub state: String,
    /// The last day answers are taken (`YYYY-MM-DD`, Amsterdam).
    #[schema(example = "2027-03-31")]
    pub closes_on: String,
    /// The schools it asks, in the scan's order.
    pub schools: Vec<String>,
    /// How many answered so far (after release: how many the results count); never who.
    pub answered: i64,
    /// How many statements the caller's estimate answers, of `statements`.
    pub estimated: usize,
    pub statements: usize,
}

#[derive(Serialize, ToSchema)]
pub struct ScanBoardList {
    /// Newest first per organisation; empty for someone who is no board member.
    pub scans: Vec<ScanBoardItem>,
}

/// The caller's estimate of a scan, with the questionnaire it answers.
#[derive(Serialize, ToSchema)]
pub struct ScanBoardEstimate {
    pub id: i64,
    pub title: String,
    /// As in the list: the estimate changes only while `open`.
    #[schema(example = "open")]
    pub state: String,
    pub closes_on: String,
    /// The name of the scan's owner, whose team it is.
    pub leader: String,
    pub schools: Vec<String>,
    pub sections: Vec<ScanSection>,
    /// Every statement of the scan, in the order it is asked.
    pub statements: Vec<ScanStatement>,
    pub scale: Vec<ScanScaleLabel>,
    /// Statement id → the estimated answer's code, for the statements estimated so far.
    pub answers: BTreeMap<String, String>,
}

/// The scans the caller may estimate as a board member, with how far their estimate got.
#[utoipa::path(get, path = "/api/v1/scans/board", tag = "scans", responses((status = 200, body = ScanBoardList)))]
pub async fn list_board_scans(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<ScanBoardList>, AppError> {
    let scans = logic::board_scans(&state, &viewer)
        .await?
        .into_iter()
        .map(|scan| ScanBoardItem {
            id: scan.record.id,
            state: scan.record.state.code().to_owned(),
            closes_on: closing_day(scan.record.closes_at),
            title: scan.record.title,
            schools: scan.schools,
            answered: scan.answered,
            estimated: scan.estimated,
            statements: scan.statements,
        })
        .collect();
    Ok(Json(ScanBoardList { scans }))
}

/// The caller's estimate of a scan in their organisation so far, with the statements.
#[utoipa::path(get, path = "/api/v1/scans/{id}/board-estimate", tag = "scans", params(("id" = i64, Path)), responses((status = 200, body = ScanBoardEstimate)))]
pub async fn get_board_estimate(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ScanBoardEstimate>, AppError> {
    let view = logic::board_estimate_of(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    Ok(Json(ScanBoardEstimate {
        id,
        title: view.record.title.clone(),
        state: view.record.state.code().to_owned(),
        closes_on: closing_day(view.record.closes_at),
        leader: view.leader,
        schools: view.schools,
        sections: questionnaire::sections(scan),
        statements: questionnaire::statements(scan),
        scale: questionnaire::scale(scan),
        answers: view
            .estimate
            .ratings
            .iter()
            .map(|(statement, answer)| (statement.clone(), answer.code().to_owned()))
            .collect(),
    }))
}

/// Saves (or with an empty answer takes back) the caller's estimate of one statement.
#[utoipa::path(put, path = "/api/v1/scans/{id}/board-estimate/{statement}", tag = "scans", params(("id" = i64, Path), ("statement" = String, Path, description = "A statement id of the scan")), request_body = ScanAnswerBody, responses(
    (status = 200, body = ScanSaved),
    (status = 400, description = "a statement the scan does not have (`scan-statement-unknown`) or an answer off the scale (`scan-answer-invalid`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the scan is closed for release or released: the estimate is part of the results (`scan-board-estimate-closed`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_board_estimate(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, statement)): Path<(i64, String)>,
    JsonBody(body): JsonBody<ScanAnswerBody>,
) -> Result<Json<ScanSaved>, AppError> {
    logic::save_board_estimate(&state, &viewer, id, &statement, body.text()).await?;
    Ok(Json(ScanSaved { saved: true }))
}
