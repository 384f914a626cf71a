//! The owner's estimate: the statements, answered as they expect the team to answer them.
//! Autosaved one statement at a time until the scan is released; the results put it beside
//! the team's answers.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use leidraad_app::space_scans as logic;
use serde::Serialize;
use utoipa::ToSchema;

use super::ScanSaved;
use super::input::ScanAnswerBody;
use super::questionnaire::{self, ScanScaleLabel, ScanSection, ScanStatement};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

/// The estimate with the questionnaire it answers.
#[derive(Serialize, ToSchema)]
pub struct ScanEstimate {
    pub sections: Vec<ScanSection>,
    /// Every statement of the scan, in the order it is asked.
    pub statements: Vec<ScanStatement>,
    pub scale: Vec<ScanScaleLabel>,
    /// Statement id → the estimated answer's code, for the statements estimated so far.
    pub answers: BTreeMap<String, String>,
}

/// The owner's estimate so far, with the statements to estimate.
#[utoipa::path(get, path = "/api/v1/scans/{id}/estimate", tag = "scans", params(("id" = i64, Path)), responses((status = 200, body = ScanEstimate)))]
pub async fn get_estimate(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ScanEstimate>, AppError> {
    let overview = logic::overview(&state, &viewer, id).await?;
    let estimate = logic::estimate_of(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &overview.record)?;
    Ok(Json(ScanEstimate {
        sections: questionnaire::sections(scan),
        statements: questionnaire::statements(scan),
        scale: questionnaire::scale(scan),
        answers: estimate
            .ratings
            .iter()
            .map(|(statement, answer)| (statement.clone(), answer.code().to_owned()))
            .collect(),
    }))
}

/// Saves (or with an empty answer takes back) the estimate of one statement.
#[utoipa::path(put, path = "/api/v1/scans/{id}/estimate/{statement}", tag = "scans", params(("id" = i64, Path), ("statement" = String, Path, description = "A statement id of the scan")), request_body = ScanAnswerBody, responses(
    (status = 200, body = ScanSaved),
    (status = 400, description = "a statement the scan does not have (`scan-statement-unknown`) or an answer off the scale (`scan-answer-invalid`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the results are released: the estimate is part of them (`scan-closed`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_estimate(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, statement)): Path<(i64, String)>,
    JsonBody(body): JsonBody<ScanAnswerBody>,
) -> Result<Json<ScanSaved>, AppError> {
    logic::save_estimate(&state, &viewer, id, &statement, body.text()).await?;
    Ok(Json(ScanSaved { saved: true }))
}
