//! Answering a 360° feedback round in the API, with the rater's token link: the form, saving
//! an answer or a comment, and submitting (a whole form in one request, if need be).
//!
//! The credential is the link's token: `Authorization: Bearer <token>` from an API client, or
//! the `leidraad_link` cookie that `/b/{token}` leaves, from the form page's script (whose
//! changes also carry the page's `X-CSRF-Token`). No credential at all is 401; a token that is
//! presented but unknown is 404, like the page, and counts as a guess: after ten in a minute
//! from one address every request from there waits (429 with `Retry-After`).

use crate::api::JsonBody;
use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::Method;
use axum::routing::{MethodRouter, get, post, put};
use leidraad_app::feedback::{self as logic, RaterForm, RaterSubmission};
use leidraad_domain::RaterAnswer;
use leidraad_domain::feedback::CommentText;
use leidraad_domain::local_time::LocalDateTime;
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::api::content::LocalizedText;
use crate::auth::ClientAddress;
use crate::error::AppError;
use crate::rater_link::{GENERAL_COMMENT, LinkCredential, LinkWriter, Standing, comment_domain};

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(get_form, put_answer, put_comment, post_submit),
    components(schemas(
        RaterFormBody,
        RaterGroup,
        RaterDomain,
        RaterCard,
        AnswerValue,
        RaterAnswerBody,
        CommentBody,
        SubmitBody,
        CommentValue,
        RaterSaved,
        RaterSubmitted
    )),
    tags((name = "rater", description = "Answering a feedback round with a rater's personal \
        link, without an account. The credential is the link's token as a bearer token (or, \
        from the form page's script, the `leidraad_link` cookie with `X-CSRF-Token`)."))
)]
pub struct RaterApi;

/// The rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/api/v1/rater", get(get_form)),
        (Method::PUT, "/api/v1/rater/answers/{card}", put(put_answer)),
        (
            Method::PUT,
            "/api/v1/rater/comments/{domain}",
            put(put_comment),
        ),
        (Method::POST, "/api/v1/rater/submit", post(post_submit)),
    ]
}

/// The rater's form: what the link is for, the promise that goes with the group, the cards,
/// and the draft so far.
#[derive(Serialize, ToSchema)]
pub struct RaterFormBody {
    /// `open`: answers are taken; `submitted`: this link has submitted (its answers are not
    /// shown again); `closed`: the round closed before this link submitted; `not-open`: the
    /// round has not started yet.
    #[schema(example = "open")]
    pub status: &'static str,
    /// The name of the school leader the feedback is for.
    pub leader: String,
    /// Their request to the raters.
    pub request: String,
    /// The last day to answer (`YYYY-MM-DD`, Amsterdam): the link works until the end of it.
    #[schema(example = "2026-12-12")]
    pub closes_on: String,
    pub group: RaterGroup,
    /// The round's domains in the framework's order, each with its cards.
    pub domains: Vec<RaterDomain>,
    /// The draft: card id → answer code. Empty after submitting.
    pub answers: BTreeMap<String, String>,
    /// The draft's comments: domain id, or `algemeen` for the general one → text.
    pub comments: BTreeMap<String, String>,
}

/// The rater's group and what it promises: who sees the answers, and from how many on.
#[derive(Serialize, ToSchema)]
pub struct RaterGroup {
    /// `team`, `collegas`, `bestuur` or `eigen`.
    pub kind: String,
    /// The group's own name (only for `eigen`).
    pub label: Option<String>,
    /// The group's answers are shown only when at least this many of its raters answered;
    /// below that the whole group is left out of the report.
    pub threshold: usize,
    /// Comments are shown only from this many answers on.
    pub comment_threshold: usize,
    /// The leader made this (board) group identifiable: its answers and comments are shown
    /// from one rater on, so a single rater's answers can be told apart.
    pub identifiable: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RaterDomain {
    pub id: String,
    pub title: LocalizedText,
    pub cards: Vec<RaterCard>,
}

#[derive(Serialize, ToSchema)]
pub struct RaterCard {
    pub id: String,
    pub text: LocalizedText,
}

/// One card's answer: 1–4, a rating's code, `kan-niet-beoordelen`.
#[derive(Deserialize)]
#[serde(from = "crate::api::input::WholeOrText")]
pub enum AnswerValue {
    Score(i64),
    Code(String),
}

impl From<crate::api::input::WholeOrText> for AnswerValue {
    fn from(value: crate::api::input::WholeOrText) -> Self {
        match value {
            crate::api::input::WholeOrText::Whole(score) => AnswerValue::Score(score),
            crate::api::input::WholeOrText::Text(code) => AnswerValue::Code(code),
        }
    }
}

impl AnswerValue {
    fn parse(&self) -> Result<RaterAnswer, AppError> {
        let text = match self {
            AnswerValue::Score(score) => score.to_string(),
            AnswerValue::Code(code) => code.clone(),
        };
        text.parse::<RaterAnswer>()
            .map_err(|e| AppError::BadRequest { code: e.code() })
    }
}

impl utoipa::PartialSchema for AnswerValue {
    fn schema() -> RefOr<Schema> {
        let codes: Vec<&str> = RaterAnswer::ALL.iter().map(|a| a.code()).collect();
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(1))
                    .maximum(Some(4)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(codes))
                    .examples(["vaak"]),
            )
            .description(Some(
                "1 nog niet, 2 soms, 3 vaak, 4 vanzelfsprekend, a rating's code, or \
                 `kan-niet-beoordelen`.",
            ))
            .into()
    }
}

impl ToSchema for AnswerValue {}

/// The bodies here refuse fields they do not know, so a misspelt `answer` is a 400 and never
/// an answer taken back, and a misspelt `answers` never submits the draft as it is.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RaterAnswerBody {
    /// The answer; null or left out takes it back.
    #[serde(default)]
    pub answer: Option<AnswerValue>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentBody {
    /// At most 2000 characters after trimming; line breaks are kept, other control characters
    /// refused. Empty takes the comment back.
    #[schema(schema_with = crate::api::input::comment)]
    pub text: String,
}

/// A whole form at once; both parts may be left out. What it names replaces the draft's
/// answer or comment for the same card or domain; the rest of the draft is submitted as it is.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    /// Card id → answer.
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerValue>,
    /// Domain id, or `algemeen` for the general comment → text.
    #[serde(default)]
    pub comments: BTreeMap<String, CommentValue>,
}

/// A comment's text in a whole form, as a comment's `text`.
#[derive(Deserialize)]
#[serde(transparent)]
pub struct CommentValue(pub String);

impl utoipa::PartialSchema for CommentValue {
    fn schema() -> RefOr<Schema> {
        crate::api::input::comment().into()
    }
}

impl ToSchema for CommentValue {}

#[derive(Serialize, ToSchema)]
pub struct RaterSaved {
    pub saved: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RaterSubmitted {
    pub submitted: bool,
}

/// The form of the link: the round, the promise of the rater's group, the cards and the draft.
#[utoipa::path(get, path = "/api/v1/rater", tag = "rater", responses(
    (status = 200, body = RaterFormBody),
    (status = 404, description = "The link is not known (or no longer: its round was deleted).", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn get_form(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    credential: LinkCredential,
) -> Result<Json<RaterFormBody>, AppError> {
    let form = logic::rater_form(&state, credential.token(), address).await?;
    Ok(Json(form_body(&state, &form)?))
}

fn form_body(state: &AppState, form: &RaterForm) -> Result<RaterFormBody, AppError> {
    let framework = state
        .library
        .framework(&form.round.framework_id)
        .ok_or(AppError::Internal)?;
    let domains = framework
        .domains
        .iter()
        .filter_map(|domain| {
            let cards: Vec<RaterCard> = framework
                .cards_of(&domain.id)
                .filter(|c| form.round.cards.contains(&c.id))
                .map(|c| RaterCard {
                    id: c.id.clone(),
                    text: (&c.text).into(),
                })
                .collect();
            (!cards.is_empty()).then(|| RaterDomain {
                id: domain.id.clone(),
                title: (&domain.title).into(),
                cards,
            })
        })
        .collect();
    let identifiable = form.settings.identifiable;
    let day = LocalDateTime::amsterdam(form.round.closes_at);
    Ok(RaterFormBody {
        status: Standing::of(form).code(),
        leader: form.leader_name.clone(),
        request: form.round.request.clone(),
        closes_on: format!("{:04}-{:02}-{:02}", day.year, day.month, day.day),
        group: RaterGroup {
            kind: form.group_kind.clone(),
            label: form.group_label.clone(),
            threshold: if identifiable {
                1
            } else {
                form.settings.threshold()
            },
            comment_threshold: if identifiable {
                1
            } else {
                form.settings.comment_threshold()
            },
            identifiable,
        },
        domains,
        answers: draft_answers(form),
        comments: form
            .draft
            .comments
            .iter()
            .map(|(domain, text)| {
                let name = if domain.is_empty() {
                    GENERAL_COMMENT
                } else {
                    domain
                };
                (name.to_owned(), text.clone())
            })
            .collect(),
    })
}

fn draft_answers(form: &RaterForm) -> BTreeMap<String, String> {
    form.draft
        .answers
        .iter()
        .filter_map(|(card, stored)| {
            let answer = RaterAnswer::from_stored(*stored).ok()?;
            Some((card.clone(), answer.code().to_owned()))
        })
        .collect()
}

/// Saves (or with null takes back) the answer to one card; the page's autosave uses this.
#[utoipa::path(put, path = "/api/v1/rater/answers/{card}", tag = "rater", params(("card" = String, Path, description = "A card id of the round")), request_body = RaterAnswerBody, responses(
    (status = 200, body = RaterSaved),
    (status = 409, description = "The link has submitted (`feedback-already-submitted`) or the round is not open (`feedback-round-closed`): nothing was saved.", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_answer(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    LinkWriter(credential): LinkWriter,
    Path(card): Path<String>,
    JsonBody(body): JsonBody<RaterAnswerBody>,
) -> Result<Json<RaterSaved>, AppError> {
    let answer = body.answer.as_ref().map(AnswerValue::parse).transpose()?;
    logic::save_rating(&state, credential.token(), address, &card, answer).await?;
    Ok(Json(RaterSaved { saved: true }))
}

/// Saves the comment on one domain of the round, or (`algemeen`) the general comment.
#[utoipa::path(put, path = "/api/v1/rater/comments/{domain}", tag = "rater", params(("domain" = String, Path, description = "A domain id of the round, or `algemeen` for the general comment")), request_body = CommentBody, responses(
    (status = 200, body = RaterSaved),
    (status = 409, description = "The link has submitted (`feedback-already-submitted`) or the round is not open (`feedback-round-closed`): nothing was saved.", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_comment(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    LinkWriter(credential): LinkWriter,
    Path(domain): Path<String>,
    JsonBody(body): JsonBody<CommentBody>,
) -> Result<Json<RaterSaved>, AppError> {
    let domain = comment_domain(&domain);
    logic::save_comment(&state, credential.token(), address, domain, &body.text).await?;
    Ok(Json(RaterSaved { saved: true }))
}

/// Submits the link's answers: the draft, or with a body the whole form in one request. The
/// answers become an anonymous response that keeps nothing of the link; the link can then
/// neither show nor change them. A second submit is refused.
#[utoipa::path(post, path = "/api/v1/rater/submit", tag = "rater", request_body(content = Option<SubmitBody>, description = "Optional (no body, or null): the whole form at once."), responses(
    (status = 200, body = RaterSubmitted),
    (status = 404, description = "The link is not known (or no longer: its round was deleted).", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "The link has already submitted (`feedback-already-submitted`) or the round is not open (`feedback-round-closed`): nothing changed.", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    LinkWriter(credential): LinkWriter,
    body: Option<JsonBody<Option<SubmitBody>>>,
) -> Result<Json<RaterSubmitted>, AppError> {
    let body = body.and_then(|JsonBody(body)| body);
    let form = body.as_ref().map(submission).transpose()?;
    logic::submit(&state, credential.token(), address, form.as_ref()).await?;
    Ok(Json(RaterSubmitted { submitted: true }))
}

/// The body's answers and comments, each parsed, or the first refusal.
fn submission(body: &SubmitBody) -> Result<RaterSubmission, AppError> {
    let mut form = RaterSubmission::default();
    for (card, value) in &body.answers {
        form.answers.push((card.clone(), value.parse()?));
    }
    for (domain, CommentValue(text)) in &body.comments {
        let text = CommentText::parse(text).map_err(|e| AppError::BadRequest { code: e.code() })?;
        form.comments
            .push((comment_domain(domain).to_owned(), text));
    }
    Ok(form)
}
