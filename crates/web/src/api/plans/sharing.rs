//! Sharing a plan by name (a coach, a board member) and withdrawing it, and the plans others
//! shared with the caller, read only.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use leidraad_app::plans as logic;
use leidraad_domain::accounts::PersonId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::{YearPath, YearPersonPath, school_year};
use super::{PlanTheme, theme_body, year_of};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanShareBody {
    /// The e-mail address of a colleague to share with (a coach, a board member).
    #[schema(schema_with = crate::api::input::email)]
    pub email: String,
}

/// Shares the caller's plan of `year` with a colleague, by e-mail address: someone in one of
/// the caller's organisations. They read it under `/api/v1/shared-plans` until it is withdrawn.
#[utoipa::path(post, path = "/api/v1/plans/{year}/shares", tag = "plans", params(YearPath), request_body = PlanShareBody, responses(
    (status = 204, description = "Shared (or it was already)."),
    (status = 400, description = "the year is not written as `2026-2027` (`school-year-invalid`), or no colleague (someone else in one of the caller's organisations) has that address (`share-person-unknown`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 404, description = "the caller has no plan for that year: it is made with its first theme", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "too many shares tried in the last hour (`too-many-attempts`)", body = crate::api::ProblemSchema, content_type = "application/problem+json", headers(("Retry-After" = i64, description = "seconds until the next try is counted")))
))]
pub async fn post_plan_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(path): Path<YearPath>,
    JsonBody(body): JsonBody<PlanShareBody>,
) -> Result<StatusCode, AppError> {
    let year = school_year(&path.year)?;
    logic::share(&state, &viewer, year, &body.email).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraws a share: the person gets 404 for the plan at once.
#[utoipa::path(delete, path = "/api/v1/plans/{year}/shares/{person}", tag = "plans", params(YearPersonPath), responses(
    (status = 204, description = "Withdrawn."),
    (status = 400, description = "the year is not written as `2026-2027` (`school-year-invalid`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn delete_plan_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(path): Path<YearPersonPath>,
) -> Result<StatusCode, AppError> {
    let year = school_year(&path.year)?;
    logic::unshare(&state, &viewer, year, PersonId(path.person)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A plan someone shared with the caller.
#[derive(Serialize, ToSchema)]
pub struct SharedPlanItem {
    pub id: i64,
    #[schema(example = "2026-2027")]
    pub year: String,
    /// The name of the plan's owner.
    pub owner: String,
    /// Unix seconds.
    pub updated_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SharedPlanList {
    pub plans: Vec<SharedPlanItem>,
}

/// The plans others shared with the caller by name.
#[utoipa::path(get, path = "/api/v1/shared-plans", tag = "shared-plans", responses((status = 200, body = SharedPlanList)))]
pub async fn list_shared_plans(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<SharedPlanList>, AppError> {
    let mut plans = Vec::new();
    for (plan, owner) in logic::shared_with(&state, &viewer).await? {
        plans.push(SharedPlanItem {
            id: plan.id,
            year: year_of(plan.school_year)?.to_string(),
            owner,
            updated_at: plan.updated_at,
        });
    }
    Ok(Json(SharedPlanList { plans }))
}

/// A plan shared with the caller, as its owner keeps it.
#[derive(Serialize, ToSchema)]
pub struct SharedPlanDetail {
    pub id: i64,
    #[schema(example = "2026-2027")]
    pub year: String,
    pub owner: String,
    pub themes: Vec<PlanTheme>,
}

/// A plan someone shared with the caller; 404 for anyone it is not shared with.
#[utoipa::path(get, path = "/api/v1/shared-plans/{id}", tag = "shared-plans", params(("id" = i64, Path)), responses((status = 200, body = SharedPlanDetail)))]
pub async fn get_shared_plan(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<SharedPlanDetail>, AppError> {
    let shared = logic::shared_plan(&state, &viewer, id).await?;
    Ok(Json(SharedPlanDetail {
        id: shared.plan.plan.id,
        year: shared.year.to_string(),
        owner: shared.owner_name,
        themes: shared.plan.themes.iter().map(theme_body).collect(),
    }))
}
