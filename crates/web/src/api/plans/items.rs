//! A theme's actions (a text, a day it is due, ticked off when done) and review moments (a
//! day to look again, and what was seen then): added, changed and deleted one at a time.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leidraad_app::plans::{self as logic, ItemRequest};
use leidraad_domain::development::DevelopmentError;
use leidraad_store::plans::ItemKind;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::{self, present};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

#[derive(Serialize, ToSchema)]
pub struct PlanItemCreated {
    pub id: i64,
}

fn created(id: i64) -> Response {
    (StatusCode::CREATED, Json(PlanItemCreated { id })).into_response()
}

/// A day as the API takes it: `YYYY-MM-DD`; the empty text, which the use case reads as "no
/// day", is no date here (`null` says that).
fn day(day: String) -> Result<String, AppError> {
    if day.trim().is_empty() {
        return Err(AppError::BadRequest {
            code: DevelopmentError::DateInvalid.code(),
        });
    }
    Ok(day)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanActionBody {
    #[schema(schema_with = input::action)]
    pub text: String,
    #[serde(default)]
    #[schema(schema_with = input::optional_due_on)]
    pub due_on: Option<String>,
}

/// Adds an action to a theme.
#[utoipa::path(post, path = "/api/v1/plan-themes/{id}/actions", tag = "plans", params(("id" = i64, Path)), request_body = NewPlanActionBody, responses(
    (status = 201, body = PlanItemCreated),
    (status = 400, description = "a text the rules refuse (`plan-action-invalid`) or a day that is no date (`date-invalid`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the theme has 20 actions (`plan-too-many-actions`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_plan_action(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<NewPlanActionBody>,
) -> Result<Response, AppError> {
    let request = ItemRequest {
        text: Some(body.text),
        due_on: body.due_on.map(day).transpose()?,
        done: None,
    };
    let item = logic::add_item(&state, &viewer, id, ItemKind::Action, &request).await?;
    Ok(created(item))
}

/// A change to an action; what is left out stays as it is.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanActionChange {
    #[serde(default)]
    #[schema(schema_with = input::action_change)]
    pub text: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(schema_with = input::optional_due_on_change)]
    pub due_on: Option<Option<String>>,
    /// Ticked off; null or left out keeps it.
    #[serde(default)]
    #[schema(nullable)]
    pub done: Option<bool>,
}

/// Changes an action: its text, its day, or whether it is done.
#[utoipa::path(patch, path = "/api/v1/plan-themes/{id}/actions/{action}", tag = "plans", params(("id" = i64, Path), ("action" = i64, Path)), request_body = PlanActionChange, responses(
    (status = 204, description = "Changed."),
    (status = 400, description = "a text the rules refuse (`plan-action-invalid`) or a day that is no date (`date-invalid`); nothing is changed", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn patch_plan_action(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, action)): Path<(i64, i64)>,
    JsonBody(body): JsonBody<PlanActionChange>,
) -> Result<StatusCode, AppError> {
    let due_on = match body.due_on {
        None => None,
        Some(None) => Some(String::new()),
        Some(Some(text)) => Some(day(text)?),
    };
    let request = ItemRequest {
        text: body.text,
        due_on,
        done: body.done,
    };
    logic::update_item(&state, &viewer, id, ItemKind::Action, action, &request).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes an action.
#[utoipa::path(delete, path = "/api/v1/plan-themes/{id}/actions/{action}", tag = "plans", params(("id" = i64, Path), ("action" = i64, Path)), responses((status = 204, description = "Deleted.")))]
pub async fn delete_plan_action(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, action)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::delete_item(&state, &viewer, id, ItemKind::Action, action).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanReviewMomentBody {
    #[schema(schema_with = input::due_on)]
    pub due_on: String,
    /// What to look at then, or what was seen; left out for nothing yet.
    #[serde(default)]
    #[schema(schema_with = input::review)]
    pub note: String,
}

/// Adds a review moment to a theme: a day to look again at how it goes.
#[utoipa::path(post, path = "/api/v1/plan-themes/{id}/review-moments", tag = "plans", params(("id" = i64, Path)), request_body = NewPlanReviewMomentBody, responses(
    (status = 201, body = PlanItemCreated),
    (status = 400, description = "a day that is no date (`date-invalid`) or a note the rules refuse (`plan-text-invalid`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the theme has 12 review moments (`plan-too-many-reviews`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_plan_review_moment(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<NewPlanReviewMomentBody>,
) -> Result<Response, AppError> {
    let request = ItemRequest {
        text: Some(body.note),
        due_on: Some(day(body.due_on)?),
        done: None,
    };
    let item = logic::add_item(&state, &viewer, id, ItemKind::ReviewMoment, &request).await?;
    Ok(created(item))
}

/// A change to a review moment; what is left out (or null) stays as it is.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanReviewMomentChange {
    #[serde(default)]
    #[schema(schema_with = input::due_on_change)]
    pub due_on: Option<String>,
    #[serde(default)]
    #[schema(schema_with = input::review_change)]
    pub note: Option<String>,
}

/// Changes a review moment's day or note.
#[utoipa::path(patch, path = "/api/v1/plan-themes/{id}/review-moments/{moment}", tag = "plans", params(("id" = i64, Path), ("moment" = i64, Path)), request_body = PlanReviewMomentChange, responses(
    (status = 204, description = "Changed."),
    (status = 400, description = "a day that is no date (`date-invalid`) or a note the rules refuse (`plan-text-invalid`); nothing is changed", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn patch_plan_review_moment(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, moment)): Path<(i64, i64)>,
    JsonBody(body): JsonBody<PlanReviewMomentChange>,
) -> Result<StatusCode, AppError> {
    let request = ItemRequest {
        text: body.note,
        due_on: body.due_on.map(day).transpose()?,
        done: None,
    };
    logic::update_item(
        &state,
        &viewer,
        id,
        ItemKind::ReviewMoment,
        moment,
        &request,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes a review moment.
#[utoipa::path(delete, path = "/api/v1/plan-themes/{id}/review-moments/{moment}", tag = "plans", params(("id" = i64, Path), ("moment" = i64, Path)), responses((status = 204, description = "Deleted.")))]
pub async fn delete_plan_review_moment(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, moment)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::delete_item(&state, &viewer, id, ItemKind::ReviewMoment, moment).await?;
    Ok(StatusCode::NO_CONTENT)
}
