//! The leader's 360° feedback in the API: rounds, groups, raters, the preview, sending,
//! reminders, closing, the self-rating and the released report. A round is its leader's alone;
//! the coach they name reads it while it waits for approval and approves or sends it back;
//! whom they share the report with reads the report. Everyone else gets 404, as for a round
//! that does not exist. The leader learns per group how many answered, never who: no rater in
//! any answer carries an "answered" flag.

use crate::api::JsonBody;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use leidraad_app::feedback::{self as logic, LeaderRound, NewRoundRequest, ScopeChoice};
use leidraad_domain::accounts::OrganisationId;
use leidraad_domain::local_time::LocalDateTime;
use leidraad_store::feedback::RoundRecord;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::api::reflections::{Created, Saved};
use crate::auth::SignedIn;
use crate::error::AppError;

mod input;
mod report;
mod round;
mod running;
mod setup;

pub use input::RatingValue;
pub use report::*;
pub use round::*;
pub use running::*;
pub use setup::*;

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(
        list_rounds,
        post_round,
        get_round,
        patch_round,
        post_group,
        delete_group,
        post_merge,
        post_raters,
        delete_rater,
        post_send,
        post_approve,
        post_send_back,
        post_remind,
        post_close,
        put_self_rating,
        post_self_from_reflection,
        get_report,
        post_report_share,
        delete_report_share,
        post_report_focus
    ),
    components(schemas(
        RoundItem,
        RoundList,
        NewRoundBody,
        RoundDetail,
        GroupItem,
        RaterItem,
        MergeSuggestion,
        RoundChange,
        NewGroupBody,
        MergeBody,
        NewRatersBody,
        RaterBody,
        AddedRaters,
        SentBody,
        SendBackBody,
        Reminded,
        RatingValue,
        SelfRatingBody,
        FromReflectionBody,
        ReportBody,
        ReportSnapshot,
        ReportGroup,
        ReportScore,
        GroupScore,
        ReportDomain,
        ReportCard,
        ReportComments,
        ReportViewer,
        ReportShareBody,
        ReportFocusBody,
        FocusAdded
    ))
)]
pub struct FeedbackApi;

/// The rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    let round = "/api/v1/feedback/{id}";
    vec![
        (M::GET, "/api/v1/feedback", get(list_rounds)),
        (M::POST, "/api/v1/feedback", post(post_round)),
        (M::GET, round, get(get_round)),
        (M::PATCH, round, patch(patch_round)),
        (M::POST, "/api/v1/feedback/{id}/groups", post(post_group)),
        (
            M::DELETE,
            "/api/v1/feedback/{id}/groups/{group}",
            delete(delete_group),
        ),
        (M::POST, "/api/v1/feedback/{id}/merge", post(post_merge)),
        (
            M::POST,
            "/api/v1/feedback/{id}/groups/{group}/raters",
            post(post_raters),
        ),
        (
            M::DELETE,
            "/api/v1/feedback/{id}/raters/{link}",
            delete(delete_rater),
        ),
        (M::POST, "/api/v1/feedback/{id}/send", post(post_send)),
        (M::POST, "/api/v1/feedback/{id}/approve", post(post_approve)),
        (
            M::POST,
            "/api/v1/feedback/{id}/send-back",
            post(post_send_back),
        ),
        (M::POST, "/api/v1/feedback/{id}/remind", post(post_remind)),
        (M::POST, "/api/v1/feedback/{id}/close", post(post_close)),
        (
            M::PUT,
            "/api/v1/feedback/{id}/zelf/{card}",
            put(put_self_rating),
        ),
        (
            M::POST,
            "/api/v1/feedback/{id}/self-from-reflection",
            post(post_self_from_reflection),
        ),
        (M::GET, "/api/v1/feedback/{id}/report", get(get_report)),
        (
            M::POST,
            "/api/v1/feedback/{id}/report/shares",
            post(post_report_share),
        ),
        (
            M::DELETE,
            "/api/v1/feedback/{id}/report/shares/{person}",
            delete(delete_report_share),
        ),
        (
            M::POST,
            "/api/v1/feedback/{id}/report/focus",
            post(post_report_focus),
        ),
    ]
}

/// A round in a list.
#[derive(Serialize, ToSchema)]
pub struct RoundItem {
    pub id: i64,
    /// `concept`, `ter-goedkeuring` (waiting for the coach), `open` or `gesloten` (closed,
    /// and its report released).
    pub state: String,
    pub closes_at: i64,
    pub created_at: i64,
    pub opened_at: Option<i64>,
    pub closed_at: Option<i64>,
    /// How many cards it asks about.
    pub cards: usize,
    /// On one's own rounds: how many raters there are, and how many of them answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invited: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answered: Option<i64>,
    /// The leader's name, on rounds to approve and reports shared with the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
}

fn item(record: &RoundRecord) -> RoundItem {
    RoundItem {
        id: record.id,
        state: record.state.code().to_owned(),
        closes_at: record.closes_at,
        created_at: record.created_at,
        opened_at: record.opened_at,
        closed_at: record.closed_at,
        cards: record.cards.len(),
        invited: None,
        answered: None,
        leader: None,
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoundList {
    /// The caller's own rounds, with how many answered (never who).
    pub rounds: Vec<RoundItem>,
    /// Rounds whose rater list the caller is asked to approve as coach.
    pub to_approve: Vec<RoundItem>,
    /// Released rounds whose report others shared with the caller.
    pub shared_with_me: Vec<RoundItem>,
}

/// Every round that concerns the caller. Rounds past their closing date are closed and
/// released first.
#[utoipa::path(get, path = "/api/v1/feedback", tag = "feedback", responses((status = 200, body = RoundList)))]
pub async fn list_rounds(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<RoundList>, AppError> {
    let overview = logic::overview(&state, &viewer).await?;
    let own = overview.own.iter().map(|summary| RoundItem {
        invited: Some(summary.invited),
        answered: Some(summary.answered),
        ..item(&summary.round)
    });
    let shared = overview.shared.iter().map(|(record, leader)| RoundItem {
        leader: Some(leader.clone()),
        ..item(record)
    });
    Ok(Json(RoundList {
        rounds: own.collect(),
        to_approve: overview
            .to_approve
            .iter()
            .map(|(record, leader)| RoundItem {
                leader: Some(leader.clone()),
                ..item(record)
            })
            .collect(),
        shared_with_me: shared.collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRoundBody {
    /// The organisation the round is held in; one where the caller leads a school.
    #[serde(deserialize_with = "crate::api::input::whole")]
    pub organisation: i64,
    #[serde(default)]
    #[schema(schema_with = input::scope)]
    pub scope: String,
    /// Domain ids, with scope `domeinen`.
    #[serde(default)]
    pub domains: Vec<String>,
    /// The personal request the raters read first.
    #[schema(schema_with = input::request_text)]
    pub request: String,
    #[schema(schema_with = input::closing_day)]
    pub closes_on: String,
}

/// Starts a round as a concept, with three empty groups (team, colleagues, board) ready for
/// raters.
#[utoipa::path(post, path = "/api/v1/feedback", tag = "feedback", request_body = NewRoundBody, responses((status = 201, body = Created), (status = 400, description = "an unknown scope (`feedback-scope-unknown`), no or an unknown domain (`feedback-domains-none`, `domain-unknown`), no focus cards to ask about (`feedback-focus-none`), a request the rules refuse (`feedback-request-invalid`), or a closing day that is no date, has passed or is more than a year ahead (`feedback-date-invalid`, `feedback-date-past`, `feedback-date-too-far`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 403, description = "the caller's roles in the organisation do not include starting a round (`forbidden`), or a cross-site request", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 404, description = "the caller is not a member of `organisation`", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_round(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<NewRoundBody>,
) -> Result<Response, AppError> {
    let request = NewRoundRequest {
        organisation: OrganisationId(body.organisation),
        scope: ScopeChoice::from_code(&body.scope, &body.domains)?,
        request: &body.request,
        closes_on: &body.closes_on,
    };
    let id = logic::start_round(&state, &viewer, &request).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}
