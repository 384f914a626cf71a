//! The register cycle and the progress in it.

use axum::Json;
use axum::extract::State;
use leidraad_app::learning_log::{self as logic, CycleProgress};
use leidraad_domain::development::DevelopmentError;
use serde::Serialize;
use utoipa::ToSchema;

use super::input::CycleBody;
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct YearPointsItem {
    /// The first day of this year of the cycle.
    pub from: String,
    pub points: u32,
}

/// The cycle and where the caller stands in it today.
#[derive(Serialize, ToSchema)]
pub struct CycleItem {
    /// The first day of the cycle, `YYYY-MM-DD`.
    pub start: String,
    /// The first day after it (four years on).
    pub end: String,
    pub target: u32,
    /// Points of activities in the cycle so far.
    pub points: u32,
    pub still_needed: u32,
    pub days_left: i64,
    /// The pace so far will not reach the target by the end (never in the first 91 days).
    pub behind: bool,
    pub per_year: Vec<YearPointsItem>,
}

fn cycle_item(c: &CycleProgress) -> CycleItem {
    let p = &c.progress;
    CycleItem {
        start: c.cycle.start.to_string(),
        end: c.cycle.end().to_string(),
        target: c.cycle.target,
        points: p.points,
        still_needed: p.still_needed,
        days_left: p.days_left,
        behind: p.behind,
        per_year: p
            .per_year
            .iter()
            .map(|y| YearPointsItem {
                from: y.from.to_string(),
                points: y.points,
            })
            .collect(),
    }
}

/// The caller's register cycle with their progress; 404 until they set one.
#[utoipa::path(get, path = "/api/v1/learning-log/cycle", tag = "learning-log", responses(
    (status = 200, body = CycleItem),
    (status = 404, description = "no cycle set yet", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn get_cycle(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<CycleItem>, AppError> {
    let cycle = logic::cycle_progress(&state, &viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(cycle_item(&cycle)))
}

/// Sets (or moves) the caller's cycle; answers it with the progress.
#[utoipa::path(put, path = "/api/v1/learning-log/cycle", tag = "learning-log", request_body = CycleBody, responses(
    (status = 200, body = CycleItem),
    (status = 400, description = "a day that is no date (`date-invalid`) or a target out of range (`cycle-target-invalid`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_cycle(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<CycleBody>,
) -> Result<Json<CycleItem>, AppError> {
    if body.start.trim() != body.start {
        return Err(AppError::BadRequest {
            code: DevelopmentError::DateInvalid.code(),
        });
    }
    let target = body.target.map(|t| t.to_string()).unwrap_or_default();
    logic::set_cycle(&state, &viewer, &body.start, &target).await?;
    let cycle = logic::cycle_progress(&state, &viewer)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(cycle_item(&cycle)))
}
