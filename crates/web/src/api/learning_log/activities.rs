//! Activities and Leidraad's suggestions in the API.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leidraad_app::learning_log::{self as logic, ActivityRecord, Suggestion};
use leidraad_domain::development::{ActivityForm, DevelopmentError};
use serde::Serialize;
use utoipa::ToSchema;

use super::evidence::{EvidenceItem, evidence_item};
use super::input::ActivityBody;
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

/// What in Leidraad an activity came from.
#[derive(Serialize, ToSchema)]
pub struct ActivitySourceItem {
    /// `reflection`, `feedback-round`, `dialogue` or `team-scan`.
    pub kind: String,
    pub id: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityItem {
    pub id: i64,
    pub kind: String,
    /// Empty for an entry from Leidraad that has no name of its own.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub minutes: i64,
    pub points: i64,
    pub domains: Vec<String>,
    pub cards: Vec<String>,
    pub themes: Vec<i64>,
    pub learned: String,
    pub differently: String,
    pub source: Option<ActivitySourceItem>,
    pub evidence: Vec<EvidenceItem>,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityList {
    /// Newest first.
    pub activities: Vec<ActivityItem>,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityCreated {
    pub id: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SuggestionItem {
    /// `reflection`, `feedback-round`, `dialogue` or `team-scan`.
    pub kind: String,
    pub id: i64,
    pub title: String,
    pub date: String,
    pub domains: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SuggestionList {
    pub suggestions: Vec<SuggestionItem>,
}

fn item(record: ActivityRecord) -> ActivityItem {
    ActivityItem {
        id: record.id,
        kind: record.kind,
        title: record.title,
        date: record.happened_on,
        minutes: record.minutes,
        points: record.points,
        domains: record.domains,
        cards: record.cards,
        themes: record.themes.into_iter().map(|(id, _)| id).collect(),
        learned: record.learned,
        differently: record.differently,
        source: record
            .source
            .map(|(kind, id)| ActivitySourceItem { kind, id }),
        evidence: record.evidence.iter().map(evidence_item).collect(),
    }
}

fn suggestion_item(s: &Suggestion) -> SuggestionItem {
    SuggestionItem {
        kind: s.kind.code().to_owned(),
        id: s.id,
        title: s.title.clone(),
        date: s.day.to_string(),
        domains: s.domains.clone(),
    }
}

/// The body as the domain reads it. A day with white space around it is no `date`.
fn form_of(body: &ActivityBody) -> Result<(ActivityForm<'_>, String), AppError> {
    if body.date.trim() != body.date {
        return Err(AppError::BadRequest {
            code: DevelopmentError::DateInvalid.code(),
        });
    }
    let points = body.points.to_string();
    let form = ActivityForm {
        kind: &body.kind,
        title: &body.title,
        day: &body.date,
        hours: "",
        minutes: Some(body.minutes),
        points: "",
        domains: body.domains.iter().map(String::as_str).collect(),
        cards: body.cards.iter().map(String::as_str).collect(),
        learned: &body.learned,
        differently: &body.differently,
    };
    Ok((form, points))
}

const BAD_ACTIVITY: &str = "a field the rules refuse (`activity-kind-unknown`, `activity-title-invalid`, `date-invalid`, `activity-hours-invalid`, `activity-points-invalid`, `activity-text-invalid`, `activity-too-many-cards`), a card or domain that is not the standard's (`activity-card-unknown`, `activity-domain-unknown`) or a theme that is not the caller's (`activity-theme-unknown`); nothing is stored";

/// The caller's log, newest first.
#[utoipa::path(get, path = "/api/v1/learning-log/activities", tag = "learning-log", responses((status = 200, body = ActivityList)))]
pub async fn list_activities(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<ActivityList>, AppError> {
    let activities = logic::activities(&state, &viewer).await?;
    Ok(Json(ActivityList {
        activities: activities.into_iter().map(item).collect(),
    }))
}

/// Adds an activity to the caller's log.
#[utoipa::path(post, path = "/api/v1/learning-log/activities", tag = "learning-log", request_body = ActivityBody, responses(
    (status = 201, body = ActivityCreated),
    (status = 400, description = BAD_ACTIVITY, body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_activity(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<ActivityBody>,
) -> Result<Response, AppError> {
    let (mut form, points) = form_of(&body)?;
    form.points = &points;
    let id = logic::add_activity(&state, &viewer, &form, &body.themes).await?;
    Ok((StatusCode::CREATED, Json(ActivityCreated { id })).into_response())
}

/// One activity of the caller's log.
#[utoipa::path(get, path = "/api/v1/learning-log/activities/{id}", tag = "learning-log", params(("id" = i64, Path)), responses((status = 200, body = ActivityItem)))]
pub async fn get_activity(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ActivityItem>, AppError> {
    Ok(Json(item(logic::activity(&state, &viewer, id).await?)))
}

/// Changes an activity, whole. One from Leidraad keeps its kind.
#[utoipa::path(put, path = "/api/v1/learning-log/activities/{id}", tag = "learning-log", params(("id" = i64, Path)), request_body = ActivityBody, responses(
    (status = 204, description = "changed"),
    (status = 400, description = BAD_ACTIVITY, body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_activity(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ActivityBody>,
) -> Result<StatusCode, AppError> {
    let (mut form, points) = form_of(&body)?;
    form.points = &points;
    logic::update_activity(&state, &viewer, id, &form, &body.themes).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes an activity with its evidence files; one from Leidraad is not suggested again.
#[utoipa::path(delete, path = "/api/v1/learning-log/activities/{id}", tag = "learning-log", params(("id" = i64, Path)), responses((status = 204, description = "deleted")))]
pub async fn delete_activity(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::delete_activity(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What the caller did in Leidraad that waits to be confirmed or dismissed, newest first.
#[utoipa::path(get, path = "/api/v1/learning-log/suggestions", tag = "learning-log", responses((status = 200, body = SuggestionList)))]
pub async fn list_suggestions(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<SuggestionList>, AppError> {
    let suggestions = logic::suggestions(&state, &viewer).await?;
    Ok(Json(SuggestionList {
        suggestions: suggestions.iter().map(suggestion_item).collect(),
    }))
}

/// Puts a suggestion in the log; answers the new activity's id.
#[utoipa::path(post, path = "/api/v1/learning-log/suggestions/{kind}/{id}/confirm", tag = "learning-log", params(("kind" = String, Path, description = "`reflection`, `feedback-round`, `dialogue` or `team-scan`"), ("id" = i64, Path)), responses(
    (status = 201, body = ActivityCreated),
    (status = 404, description = "no such suggestion waiting for the caller", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_confirm(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((kind, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let id = logic::confirm(&state, &viewer, &kind, id).await?;
    Ok((StatusCode::CREATED, Json(ActivityCreated { id })).into_response())
}

/// Sets a suggestion aside for good.
#[utoipa::path(post, path = "/api/v1/learning-log/suggestions/{kind}/{id}/dismiss", tag = "learning-log", params(("kind" = String, Path, description = "`reflection`, `feedback-round`, `dialogue` or `team-scan`"), ("id" = i64, Path)), responses(
    (status = 204, description = "dismissed"),
    (status = 404, description = "no such suggestion waiting for the caller", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_dismiss(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((kind, id)): Path<(String, i64)>,
) -> Result<StatusCode, AppError> {
    logic::dismiss(&state, &viewer, &kind, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
