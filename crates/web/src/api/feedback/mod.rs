//! The leader's 360° feedback in the API: rounds, groups, raters, the preview, sending,
//! reminders, closing, the self-rating and the released report. A round is its leader's alone;
//! the coach they name reads it while it waits for approval and approves or sends it back;
//! whom they share the report with reads the report. Everyone else gets 404, as for a round
//! that does not exist. The leader learns per group how many answered, never who: no rater in
//! any answer carries an "answered" flag.

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
mod running;
mod setup;

pub use input::RatingValue;
pub use report::*;
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
    /// The leader's name, on reports shared with the caller.
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
        to_approve: overview.to_approve.iter().map(item).collect(),
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
    Json(body): Json<NewRoundBody>,
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

/// A group as its leader plans and follows it.
#[derive(Serialize, ToSchema)]
pub struct GroupItem {
    pub id: i64,
    /// `team`, `collegas`, `bestuur` or `eigen`.
    pub kind: String,
    /// The name of an own group; null for the others.
    pub label: Option<String>,
    /// Answers the group needs before the report shows it.
    pub threshold: usize,
    /// Answers the group needs before the report shows its comments.
    pub comment_threshold: usize,
    /// A board shown from one answer on; its raters are told so before they answer.
    pub identifiable: bool,
    /// How many raters are in the group.
    pub invited: usize,
    /// How many of them answered: a count, never who.
    pub answered: usize,
    /// What the report would show if everyone answered: `shown` (also if two do not),
    /// `lost-if-two-missing`, `lost-if-one-missing`, `never-shown` (fewer raters than the
    /// threshold) or `identifiable`.
    pub outlook: String,
    /// Invite at least this many for the group to survive two missing answers.
    pub recommended: usize,
    /// Whether its comments would be shown if everyone answered.
    pub comments_shown_if_all: bool,
}

/// A rater in the leader's list. There is deliberately no "answered": the leader learns how
/// many of a group answered, never who.
#[derive(Serialize, ToSchema)]
pub struct RaterItem {
    pub id: i64,
    pub group: i64,
    /// The address the link is mailed to; null for a copy link the leader hands out.
    pub email: Option<String>,
    pub name: String,
    /// When the invitation was mailed; null before the round was sent, and for copy links.
    pub invited_at: Option<i64>,
}

/// Two groups each at risk on their own that would be shown together: `POST …/merge`.
#[derive(Serialize, ToSchema)]
pub struct MergeSuggestion {
    pub into: i64,
    pub from: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RoundDetail {
    #[serde(flatten)]
    pub summary: RoundItem,
    pub framework_id: String,
    pub request: String,
    /// The closing day in Amsterdam, `YYYY-MM-DD`, as `PATCH` takes it.
    pub closes_on: String,
    /// The coach asked to approve the rater list before it goes out.
    pub coach_email: Option<String>,
    /// The coach's note when they sent the list back; empty otherwise.
    pub coach_note: String,
    /// The card ids asked about, in the deck's order.
    pub card_ids: Vec<String>,
    pub groups: Vec<GroupItem>,
    pub raters: Vec<RaterItem>,
    pub merge_suggestions: Vec<MergeSuggestion>,
    /// How many cards the leader has rated themself.
    pub self_rated: usize,
}

/// One round with its groups, raters and the preview of what the report would show. Its
/// leader reads it; so does the coach they asked, while it waits for their approval.
#[utoipa::path(get, path = "/api/v1/feedback/{id}", tag = "feedback", params(("id" = i64, Path)), responses((status = 200, body = RoundDetail)))]
pub async fn get_round(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<RoundDetail>, AppError> {
    let round = match logic::leader_round(&state, &viewer, id).await {
        Err(leidraad_app::Error::NotFound) => logic::for_coach(&state, &viewer, id).await?,
        other => other?,
    };
    Ok(Json(detail(round)))
}

fn detail(round: LeaderRound) -> RoundDetail {
    let groups = round.groups.iter().map(|(g, settings)| {
        let preview = round.preview.groups.iter().find(|p| p.key == g.id);
        let answered = round.progress.iter().find(|(group, _, _)| *group == g.id);
        GroupItem {
            id: g.id,
            kind: g.kind.clone(),
            label: g.label.clone(),
            threshold: settings.threshold(),
            comment_threshold: settings.comment_threshold(),
            identifiable: settings.identifiable,
            invited: round.invited_in(g.id),
            answered: answered.map_or(0, |(_, _, answered)| *answered),
            outlook: preview.map_or("", |p| p.outlook.code()).to_owned(),
            recommended: preview.map_or(0, |p| p.recommended),
            comments_shown_if_all: preview.is_some_and(|p| p.comments_shown_if_all),
        }
    });
    let raters = round.links.iter().map(|link| RaterItem {
        id: link.id,
        group: link.group_id,
        email: link.email.clone(),
        name: link.name.clone(),
        invited_at: link.invited_at,
    });
    let merges = round.preview.merge_suggestions.iter();
    let record = &round.record;
    RoundDetail {
        summary: item(record),
        framework_id: record.framework_id.clone(),
        request: record.request.clone(),
        closes_on: day(record.closes_at),
        coach_email: round.coach_email.clone(),
        coach_note: record.coach_note.clone(),
        card_ids: record.cards.clone(),
        groups: groups.collect(),
        raters: raters.collect(),
        merge_suggestions: merges
            .map(|(into, from)| MergeSuggestion {
                into: *into,
                from: *from,
            })
            .collect(),
        self_rated: round.self_answers.len(),
    }
}

/// "YYYY-MM-DD" of a moment, in Amsterdam.
fn day(at: i64) -> String {
    let local = LocalDateTime::amsterdam(at);
    format!("{:04}-{:02}-{:02}", local.year, local.month, local.day)
}

/// The parts of a concept round's setup to change; a part left out keeps what is stored.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundChange {
    #[serde(default)]
    #[schema(schema_with = input::request_text)]
    pub request: Option<String>,
    #[serde(default)]
    #[schema(schema_with = input::closing_day)]
    pub closes_on: Option<String>,
    /// A colleague's address to approve the rater list before it goes out; `null` or an empty
    /// string: no approval asked.
    #[serde(default, deserialize_with = "input::present")]
    #[schema(value_type = Option<String>, format = Email)]
    pub coach_email: Option<Option<String>>,
}

#[utoipa::path(patch, path = "/api/v1/feedback/{id}", tag = "feedback", params(("id" = i64, Path)), request_body = RoundChange, responses((status = 204), (status = 400, description = "a request, closing day or address the rules refuse (`feedback-request-invalid`, `feedback-date-invalid`, `feedback-date-past`, `feedback-date-too-far`, `email-invalid`), no colleague with the coach's address (`feedback-coach-unknown`), or the caller's own (`feedback-coach-self`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round is not a concept any more (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn patch_round(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<RoundChange>,
) -> Result<StatusCode, AppError> {
    let round = logic::leader_round(&state, &viewer, id).await?;
    let record = &round.record;
    let closes_on = body.closes_on.unwrap_or_else(|| day(record.closes_at));
    let coach = match body.coach_email {
        Some(coach) => coach.unwrap_or_default(),
        None => round.coach_email.clone().unwrap_or_default(),
    };
    let request = body.request.as_deref().unwrap_or(&record.request);
    logic::update_round(&state, &viewer, id, request, &closes_on, &coach).await?;
    Ok(StatusCode::NO_CONTENT)
}
