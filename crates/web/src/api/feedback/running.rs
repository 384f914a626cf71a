//! A round on its way: sending it (to the coach first, when one is named), the coach's
//! approval or note, reminders, closing, and the leader's own rating of the cards.

use super::input::RatingValue;
use super::*;

#[derive(Serialize, ToSchema)]
pub struct SentBody {
    /// `open` (the invitations went out) or `ter-goedkeuring` (the coach was asked first).
    pub state: String,
}

/// Sends a concept round: to the coach when one is named, else the invitations go out. Groups
/// without raters are dropped first.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/send", tag = "feedback", params(("id" = i64, Path)), responses((status = 200, body = SentBody), (status = 400, description = "the round has no raters yet (`feedback-raters-none`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round was sent already (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_send(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<SentBody>, AppError> {
    let now = logic::send(&state, &viewer, id).await?;
    Ok(Json(SentBody {
        state: now.code().to_owned(),
    }))
}

/// The coach approves the rater list of a round waiting for them: it opens and the
/// invitations go out. Only the coach the leader named may; for anyone else the round does
/// not exist.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/approve", tag = "feedback", params(("id" = i64, Path)), responses((status = 204)))]
pub async fn post_approve(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::approve(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendBackBody {
    /// What the leader should change; they read it on the round.
    #[schema(schema_with = input::request_text)]
    pub note: String,
}

/// The coach sends the rater list back to the leader with a note; the round is a concept
/// again.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/send-back", tag = "feedback", params(("id" = i64, Path)), request_body = SendBackBody, responses((status = 204), (status = 400, description = "a note the rules refuse (`feedback-request-invalid`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_send_back(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<SendBackBody>,
) -> Result<StatusCode, AppError> {
    logic::send_back(&state, &viewer, id, &body.note).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct Reminded {
    /// How many raters were mailed: those with an address who have not answered. Who they are
    /// is never said.
    pub reminded: usize,
}

/// Mails a reminder, with a fresh link, to every rater with an address who has not answered.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/remind", tag = "feedback", params(("id" = i64, Path)), responses((status = 200, body = Reminded), (status = 409, description = "the round is not open (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_remind(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<Reminded>, AppError> {
    let reminded = logic::remind(&state, &viewer, id).await?;
    Ok(Json(Reminded { reminded }))
}

/// Closes an open round before its date; its report is computed once, stored and released
/// (`GET …/report`), and the raw answers are deleted.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/close", tag = "feedback", params(("id" = i64, Path)), responses((status = 204), (status = 409, description = "the round is not open (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_close(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::close(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfRatingBody {
    /// The leader's rating of the card; `null`, an empty string or left out clears it.
    #[serde(default)]
    pub answer: Option<RatingValue>,
}

/// The leader's own rating of one card of the round, until the report is released. The
/// self-rating page's script saves every choice here.
#[utoipa::path(put, path = "/api/v1/feedback/{id}/zelf/{card}", tag = "feedback", params(("id" = i64, Path), ("card" = String, Path)), request_body = SelfRatingBody, responses((status = 200, body = Saved), (status = 400, description = "a rating other than 1–4 or its code (`pile-invalid`), or a card the round does not ask about (`card-unknown`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round is closed (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn put_self_rating(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
    JsonBody(body): JsonBody<SelfRatingBody>,
) -> Result<Json<Saved>, AppError> {
    let rating = match &body.answer {
        Some(value) => value.rating()?,
        None => None,
    };
    logic::save_self_rating(&state, &viewer, id, &card, rating).await?;
    Ok(Json(Saved { saved: true }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FromReflectionBody {
    /// One of the caller's finished reflections on the round's framework.
    #[serde(deserialize_with = "crate::api::input::whole")]
    pub reflection: i64,
}

/// Takes the piles of one of the leader's finished reflections as their self-rating.
#[utoipa::path(post, path = "/api/v1/feedback/{id}/self-from-reflection", tag = "feedback", params(("id" = i64, Path)), request_body = FromReflectionBody, responses((status = 204), (status = 400, description = "not a finished reflection of the caller on the round's framework (`feedback-reflection-unusable`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the round is closed (`feedback-round-state`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_self_from_reflection(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<FromReflectionBody>,
) -> Result<StatusCode, AppError> {
    logic::self_rating_from_reflection(&state, &viewer, id, body.reflection).await?;
    Ok(StatusCode::NO_CONTENT)
}
