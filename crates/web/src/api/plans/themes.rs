//! One theme: reading it, changing its title, status or cards, saving its free texts one at a
//! time (over the text the writer saw), deleting it, and carrying it into the next year.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use leidraad_app::plans::{self as logic, ThemeUpdate};
use leidraad_domain::development::PlanField;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::{self, PlanThemeStatus, card_ids};
use super::years::created;
use super::{PlanTheme, theme_body, year_of};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

/// A theme with the school year of its plan.
#[derive(Serialize, ToSchema)]
pub struct PlanThemeDetail {
    #[schema(example = "2026-2027")]
    pub year: String,
    #[serde(flatten)]
    pub theme: PlanTheme,
}

/// One of the caller's themes.
#[utoipa::path(get, path = "/api/v1/plan-themes/{id}", tag = "plans", params(("id" = i64, Path)), responses((status = 200, body = PlanThemeDetail)))]
pub async fn get_plan_theme(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<PlanThemeDetail>, AppError> {
    let (plan, theme) = logic::own_theme_of(&state, &viewer, id).await?;
    Ok(Json(PlanThemeDetail {
        year: year_of(plan.school_year)?.to_string(),
        theme: theme_body(&theme),
    }))
}

/// A change to a theme; what is left out (or null) stays as it is.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanThemeChange {
    #[serde(default)]
    #[schema(schema_with = input::title_change)]
    pub title: Option<String>,
    #[serde(default)]
    #[schema(nullable)]
    pub status: Option<PlanThemeStatus>,
    #[serde(default)]
    #[schema(schema_with = input::cards_change)]
    pub cards: Option<Vec<String>>,
}

/// Changes a theme's title, status or cards.
#[utoipa::path(patch, path = "/api/v1/plan-themes/{id}", tag = "plans", params(("id" = i64, Path)), request_body = PlanThemeChange, responses(
    (status = 204, description = "Changed."),
    (status = 400, description = "a title the rules refuse (`plan-title-invalid`), a card that is not one of the plan's standard (`plan-card-unknown`) or more than nine (`plan-too-many-cards`); nothing is changed", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn patch_plan_theme(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PlanThemeChange>,
) -> Result<StatusCode, AppError> {
    let update = ThemeUpdate {
        title: body.title,
        status: body.status.map(|s| s.code().to_owned()),
        cards: body.cards.map(card_ids).transpose()?,
    };
    logic::update_theme(&state, &viewer, id, &update).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a theme with its actions and review moments; its place in the plan is free again.
#[utoipa::path(delete, path = "/api/v1/plan-themes/{id}", tag = "plans", params(("id" = i64, Path)), responses((status = 204, description = "Deleted.")))]
pub async fn delete_plan_theme(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::delete_theme(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The goal or "how will I know", as typed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanGoalBody {
    #[schema(schema_with = input::goal)]
    pub text: String,
    #[serde(default)]
    #[schema(schema_with = input::goal_base)]
    pub base: Option<String>,
}

/// The year-end review, as typed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanReviewBody {
    #[schema(schema_with = input::review)]
    pub text: String,
    #[serde(default)]
    #[schema(schema_with = input::review_base)]
    pub base: Option<String>,
}

async fn save(
    state: &AppState,
    viewer: &leidraad_app::Viewer,
    id: i64,
    field: PlanField,
    text: &str,
    base: Option<&str>,
) -> Result<StatusCode, AppError> {
    logic::save_text(state, viewer, id, field.code(), base, text).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Saves a theme's goal in the leader's own words (the page's autosave uses it too).
#[utoipa::path(put, path = "/api/v1/plan-themes/{id}/texts/goal", tag = "plans", params(("id" = i64, Path)), request_body = PlanGoalBody, responses(
    (status = 204, description = "Saved."),
    (status = 409, description = "the stored goal is no longer `base`: it was changed elsewhere (`plan-text-changed`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_plan_goal(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PlanGoalBody>,
) -> Result<StatusCode, AppError> {
    let base = body.base.as_deref();
    save(&state, &viewer, id, PlanField::Goal, &body.text, base).await
}

/// Saves "how will I know": what monitoring the goal looks like.
#[utoipa::path(put, path = "/api/v1/plan-themes/{id}/texts/monitoring", tag = "plans", params(("id" = i64, Path)), request_body = PlanGoalBody, responses(
    (status = 204, description = "Saved."),
    (status = 409, description = "the stored text is no longer `base`: it was changed elsewhere (`plan-text-changed`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_plan_monitoring(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PlanGoalBody>,
) -> Result<StatusCode, AppError> {
    let base = body.base.as_deref();
    save(&state, &viewer, id, PlanField::Monitoring, &body.text, base).await
}

/// Saves the review at the end of the school year.
#[utoipa::path(put, path = "/api/v1/plan-themes/{id}/texts/review", tag = "plans", params(("id" = i64, Path)), request_body = PlanReviewBody, responses(
    (status = 204, description = "Saved."),
    (status = 409, description = "the stored review is no longer `base`: it was changed elsewhere (`plan-text-changed`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_plan_review(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<PlanReviewBody>,
) -> Result<StatusCode, AppError> {
    let base = body.base.as_deref();
    save(&state, &viewer, id, PlanField::Review, &body.text, base).await
}

/// Carries a theme into the plan of the next school year (made when it is the first): its
/// title, goal, "how will I know" and cards, as a new theme that links back to it. Its
/// actions, review moments and review stay with their year.
#[utoipa::path(post, path = "/api/v1/plan-themes/{id}/carry-over", tag = "plans", params(("id" = i64, Path)), responses(
    (status = 201, body = super::years::PlanThemeCreated, headers(("Location" = String, description = "`/api/v1/plan-themes/{id}` of the new theme"))),
    (status = 409, description = "the theme is carried over already (`plan-theme-carried`), or the next year's plan holds three themes (`plan-too-many-themes`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_plan_carry_over(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let new = logic::carry_over(&state, &viewer, id).await?;
    let (plan, _) = logic::own_theme_of(&state, &viewer, new).await?;
    Ok(created(new, year_of(plan.school_year)?.to_string()))
}
