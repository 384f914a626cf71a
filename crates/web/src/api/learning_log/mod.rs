//! The learning log in the API: one's own activities, Leidraad's suggestions to confirm or
//! dismiss, the register cycle with its progress, and evidence files. All of it is the
//! caller's own; a file also downloads for whom its owner shares a development plan with.
//! Every rule is the app's and the domain's; these handlers only read the request and write
//! the answer.

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use utoipa::OpenApi;

use crate::AppState;

mod activities;
mod cycle;
mod evidence;
mod input;

use activities::*;
use cycle::*;
use evidence::*;
use input::*;

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(
        list_activities,
        post_activity,
        get_activity,
        put_activity,
        delete_activity,
        list_suggestions,
        post_confirm,
        post_dismiss,
        get_cycle,
        put_cycle,
        post_evidence,
        list_evidence,
        get_evidence,
        delete_evidence
    ),
    components(schemas(
        ActivityBody,
        ActivityItem,
        ActivityList,
        ActivityCreated,
        ActivitySourceItem,
        SuggestionItem,
        SuggestionList,
        CycleBody,
        CycleItem,
        YearPointsItem,
        EvidenceItem,
        EvidenceList
    )),
    tags((name = "learning-log", description = "One's own learning log: activities, \
        suggestions from Leidraad, the register cycle and evidence files. Only their owner \
        reaches them; an evidence file also downloads for whom they share a development plan \
        with."))
)]
pub struct LearningLogApi;

/// Personal rows of the route table ([`crate::routes::Reach::Personal`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    let upload = post(post_evidence).layer(DefaultBodyLimit::max(
        crate::pages::learning_log::UPLOAD_BODY_BYTES,
    ));
    vec![
        (
            M::GET,
            "/api/v1/learning-log/activities",
            get(list_activities),
        ),
        (
            M::POST,
            "/api/v1/learning-log/activities",
            post(post_activity),
        ),
        (
            M::GET,
            "/api/v1/learning-log/activities/{id}",
            get(get_activity),
        ),
        (
            M::PUT,
            "/api/v1/learning-log/activities/{id}",
            axum::routing::put(put_activity),
        ),
        (
            M::DELETE,
            "/api/v1/learning-log/activities/{id}",
            axum::routing::delete(delete_activity),
        ),
        (
            M::GET,
            "/api/v1/learning-log/suggestions",
            get(list_suggestions),
        ),
        (
            M::POST,
            "/api/v1/learning-log/suggestions/{kind}/{id}/confirm",
            post(post_confirm),
        ),
        (
            M::POST,
            "/api/v1/learning-log/suggestions/{kind}/{id}/dismiss",
            post(post_dismiss),
        ),
        (M::GET, "/api/v1/learning-log/cycle", get(get_cycle)),
        (
            M::PUT,
            "/api/v1/learning-log/cycle",
            axum::routing::put(put_cycle),
        ),
        (M::GET, "/api/v1/learning-log/evidence", get(list_evidence)),
        (M::POST, "/api/v1/learning-log/evidence", upload),
        (
            M::GET,
            "/api/v1/learning-log/evidence/{id}",
            get(get_evidence),
        ),
        (
            M::DELETE,
            "/api/v1/learning-log/evidence/{id}",
            axum::routing::delete(delete_evidence),
        ),
    ]
}
