//! Reflections in the JSON API: start one, save answers as they are given (the page's
//! autosave uses the same endpoint), own cards, focus cards, finishing, the profile, the
//! comparison of two moments, and sharing. Only the author writes; a person it is shared with
//! reads; everyone else gets 404.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::Method;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use leidraad_domain::accounts::OrganisationId;
use leidraad_store::reflections::{AnswerRecord, ReflectionRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, AnswerInput};

/// The reflection API as a table, one row per method: the router is built from it, and the
/// privacy test walks every row, so no route can escape it.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/api/v1/reflections", get(list_reflections)),
        (Method::POST, "/api/v1/reflections", post(post_reflection)),
        (Method::GET, "/api/v1/reflections/{id}", get(get_reflection)),
        (
            Method::PUT,
            "/api/v1/reflections/{id}/answers/{card}",
            put(put_answer),
        ),
        (
            Method::PATCH,
            "/api/v1/reflections/{id}/answers/{card}",
            patch(patch_answer),
        ),
        (
            Method::POST,
            "/api/v1/reflections/{id}/own-cards",
            post(post_own_card),
        ),
        (
            Method::DELETE,
            "/api/v1/reflections/{id}/own-cards/{card}",
            delete(delete_own_card),
        ),
        (
            Method::POST,
            "/api/v1/reflections/{id}/focus",
            post(post_focus),
        ),
        (
            Method::DELETE,
            "/api/v1/reflections/{id}/focus/{card}",
            delete(delete_focus),
        ),
        (
            Method::POST,
            "/api/v1/reflections/{id}/finish",
            post(post_finish),
        ),
        (
            Method::GET,
            "/api/v1/reflections/{id}/profile",
            get(get_profile),
        ),
        (
            Method::GET,
            "/api/v1/reflections/{id}/comparison/{other}",
            get(get_comparison),
        ),
        (
            Method::POST,
            "/api/v1/reflections/{id}/shares",
            post(post_share),
        ),
        (
            Method::DELETE,
            "/api/v1/reflections/{id}/shares/{person}",
            delete(delete_share),
        ),
    ]
}

#[derive(Serialize, ToSchema)]
pub struct ReflectionSummary {
    pub id: i64,
    pub framework_id: String,
    pub domains: Vec<String>,
    pub started_at: i64,
    pub finished_at: Option<i64>,
    /// The author's name, on reflections shared with the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

fn summary(record: &ReflectionRecord, author: Option<String>) -> ReflectionSummary {
    ReflectionSummary {
        id: record.id,
        framework_id: record.framework_id.clone(),
        domains: record.domains.clone(),
        started_at: record.started_at,
        finished_at: record.finished_at,
        author,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReflectionList {
    /// The caller's own reflections, oldest first.
    pub reflections: Vec<ReflectionSummary>,
    /// Finished reflections others shared with the caller.
    pub shared_with_me: Vec<ReflectionSummary>,
}

#[utoipa::path(get, path = "/api/v1/reflections", tag = "reflections", responses((status = 200, body = ReflectionList)))]
pub async fn list_reflections(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<ReflectionList>, AppError> {
    let moments = logic::moments(&state, &viewer).await?;
    Ok(Json(ReflectionList {
        reflections: moments.own.iter().map(|r| summary(r, None)).collect(),
        shared_with_me: moments
            .shared
            .into_iter()
            .map(|(r, author)| summary(&r, Some(author)))
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewReflectionBody {
    /// The organisation to reflect in; one where the caller may start a reflection.
    #[serde(deserialize_with = "super::input::whole")]
    pub organisation: i64,
    /// Defaults to the standard for school leaders.
    #[serde(default)]
    pub framework: Option<String>,
    /// Domain ids; empty or absent for the whole framework.
    #[serde(default)]
    pub domains: Vec<String>,
    /// An earlier reflection of the caller to start from.
    #[serde(default, deserialize_with = "super::input::optional_whole")]
    pub prefill_from: Option<i64>,
}

impl NewReflectionBody {
    /// What the use case needs from the body.
    pub fn request(&self) -> logic::NewReflectionRequest<'_> {
        logic::NewReflectionRequest {
            organisation: OrganisationId(self.organisation),
            framework: self.framework.as_deref(),
            domains: &self.domains,
            prefill_from: self.prefill_from,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

#[utoipa::path(post, path = "/api/v1/reflections", tag = "reflections", request_body = NewReflectionBody, responses((status = 201, body = Created), (status = 400, description = "an unknown framework or domain (`framework-unknown`, `domain-unknown`), or `prefill_from` that is not one of the caller's reflections (`prefill-unknown`)", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 403, description = "the caller's roles in the organisation do not include reflecting (`forbidden`), or a cross-site request", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 404, description = "the caller is not a member of `organisation`", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_reflection(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Json(body): Json<NewReflectionBody>,
) -> Result<Response, AppError> {
    let id = logic::start(&state, &viewer, &body.request()).await?;
    Ok((StatusCode::CREATED, Json(Created { id })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct CardState {
    pub key: String,
    pub domain: String,
    pub text: String,
    pub own: bool,
    /// 1 nog niet, 2 soms, 3 vaak, 4 vanzelfsprekend; null while unsorted.
    pub pile: Option<u8>,
    pub note: String,
    pub evidence: String,
    pub starred: bool,
    pub updated_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ReflectionDetail {
    #[serde(flatten)]
    pub summary: ReflectionSummary,
    pub cards: Vec<CardState>,
    pub focus_cards: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/reflections/{id}", tag = "reflections", params(("id" = i64, Path)), responses((status = 200, body = ReflectionDetail)))]
pub async fn get_reflection(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ReflectionDetail>, AppError> {
    // Everything in one statement; each card finds its answer in a map.
    let logic::Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let framework = logic::framework_of(&state, &full.record)?;
    let answers: HashMap<&str, &AnswerRecord> = full
        .answers
        .iter()
        .map(|a| (a.card_id.as_str(), a))
        .collect();
    let cards = logic::scope_cards(tr.lang, framework, &full.record, &full.own_cards)
        .into_iter()
        .map(|card| {
            let answer = answers.get(card.key.as_str()).copied();
            card_state(card, answer)
        })
        .collect();
    Ok(Json(ReflectionDetail {
        summary: summary(&full.record, None),
        cards,
        focus_cards: full.focus_cards,
    }))
}

fn card_state(card: logic::ScopeCard, answer: Option<&AnswerRecord>) -> CardState {
    CardState {
        pile: answer.and_then(|a| a.pile).map(|p| p.score()),
        note: answer.map(|a| a.note.clone()).unwrap_or_default(),
        evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
        starred: answer.is_some_and(|a| a.starred),
        updated_at: answer.map(|a| a.updated_at),
        key: card.key,
        domain: card.domain,
        text: card.text,
        own: card.own,
    }
}

/// A rating as JSON: 1–4, a pile's code, or null for "not sorted".
#[derive(Deserialize)]
#[serde(untagged)]
pub enum PileValue {
    Score(#[serde(deserialize_with = "super::input::whole")] i64),
    Code(String),
}

impl utoipa::PartialSchema for PileValue {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        super::input::pile().into()
    }
}

impl ToSchema for PileValue {}

#[derive(Deserialize, ToSchema)]
pub struct AnswerBody {
    #[serde(default)]
    pub pile: Option<PileValue>,
    #[serde(default)]
    #[schema(schema_with = super::input::note)]
    pub note: String,
    #[serde(default)]
    #[schema(schema_with = super::input::note)]
    pub evidence: String,
    #[serde(default)]
    pub starred: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Saved {
    pub saved: bool,
}

/// Saves one card's whole answer; the last write per card wins.
#[utoipa::path(put, path = "/api/v1/reflections/{id}/answers/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = String, Path)), request_body = AnswerBody, responses((status = 200, body = Saved), (status = 400, description = "a rating other than 1–4, a card not in this reflection, a text too long", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the reflection is finished", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn put_answer(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
    Json(body): Json<AnswerBody>,
) -> Result<Json<Saved>, AppError> {
    let pile = body.pile.as_ref().map(PileValue::text);
    logic::save_answer(
        &state,
        &viewer,
        id,
        &card,
        AnswerInput {
            pile: Some(pile.as_deref()),
            note: Some(&body.note),
            evidence: Some(&body.evidence),
            starred: Some(body.starred),
        },
    )
    .await?;
    Ok(Json(Saved { saved: true }))
}

impl PileValue {
    fn text(&self) -> String {
        match self {
            PileValue::Score(score) => score.to_string(),
            PileValue::Code(code) => code.clone(),
        }
    }
}

/// The parts of an answer to change; a part left out keeps what is stored.
#[derive(Deserialize, ToSchema)]
pub struct AnswerChange {
    /// 1–4, a pile's code, or null to unsort the card.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<PileValue>)]
    pub pile: Option<Option<PileValue>>,
    #[schema(schema_with = super::input::note_change)]
    pub note: Option<String>,
    #[schema(schema_with = super::input::note_change)]
    pub evidence: Option<String>,
    pub starred: Option<bool>,
}

/// Tells a field given as `null` (Some(None)) from one left out (None).
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Changes only the parts of one card's answer that the body names, so a page that was
/// loaded before another tab saved a note can still move the card without erasing that note.
/// The page's autosave uses this.
#[utoipa::path(patch, path = "/api/v1/reflections/{id}/answers/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = String, Path)), request_body = AnswerChange, responses((status = 200, body = Saved), (status = 400, description = "a rating other than 1–4, a card not in this reflection, a text too long", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the reflection is finished", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn patch_answer(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
    Json(body): Json<AnswerChange>,
) -> Result<Json<Saved>, AppError> {
    let pile = body.pile.as_ref().map(|p| p.as_ref().map(PileValue::text));
    logic::save_answer(
        &state,
        &viewer,
        id,
        &card,
        AnswerInput {
            pile: pile.as_ref().map(Option::as_deref),
            note: body.note.as_deref(),
            evidence: body.evidence.as_deref(),
            starred: body.starred,
        },
    )
    .await?;
    Ok(Json(Saved { saved: true }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewOwnCard {
    /// One of the reflection's domains.
    pub domain: String,
    #[schema(schema_with = super::input::own_card_text)]
    pub text: String,
}

/// An own card; answers and focus cards name it by its key, `eigen-{id}`.
#[derive(Serialize, ToSchema)]
pub struct OwnCardItem {
    pub id: i64,
    pub domain_id: String,
    pub text: String,
    pub created_at: i64,
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/own-cards", tag = "reflections", params(("id" = i64, Path)), request_body = NewOwnCard, responses((status = 201, description = "the new card", body = OwnCardItem), (status = 400, description = "a domain that is not in the reflection (`domain-not-in-reflection`), or a text the schema refuses", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the domain already has four own cards (`own-cards-full`), or the reflection is finished (`reflection-finished`)", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_own_card(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<NewOwnCard>,
) -> Result<Response, AppError> {
    let card = logic::add_own_card(&state, &viewer, id, &body.domain, &body.text).await?;
    let card = OwnCardItem {
        id: card.id,
        domain_id: card.domain_id,
        text: card.text,
        created_at: card.created_at,
    };
    Ok((StatusCode::CREATED, Json(card)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/reflections/{id}/own-cards/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = i64, Path)), responses((status = 204), (status = 409, description = "the reflection is finished (`reflection-finished`)", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_own_card(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    logic::delete_own_card(&state, &viewer, id, card).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct FocusBody {
    pub card: String,
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/focus", tag = "reflections", params(("id" = i64, Path)), request_body = FocusBody, responses((status = 204), (status = 409, description = "a fourth focus card, a card that is not a growth point of the reflection or is already chosen, or a finished reflection", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<FocusBody>,
) -> Result<StatusCode, AppError> {
    logic::add_focus(&state, &viewer, id, &body.card).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/reflections/{id}/focus/{card}", tag = "reflections", params(("id" = i64, Path), ("card" = String, Path)), responses((status = 204), (status = 409, description = "the reflection is finished (`reflection-finished`)", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
) -> Result<StatusCode, AppError> {
    logic::remove_focus(&state, &viewer, id, &card).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/finish", tag = "reflections", params(("id" = i64, Path)), responses((status = 204), (status = 409, description = "the reflection is finished already (`reflection-finished`)", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_finish(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::finish(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct DomainScore {
    pub domain: String,
    /// Cards on nog niet, soms, vaak, vanzelfsprekend.
    pub counts: [usize; 4],
    pub unsorted: usize,
    pub mean: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ProfileBody {
    pub domains: Vec<DomainScore>,
    pub strengths: Vec<String>,
    pub growth_points: Vec<String>,
    pub focus_cards: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/reflections/{id}/profile", tag = "reflections", params(("id" = i64, Path)), responses((status = 200, body = ProfileBody)))]
pub async fn get_profile(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ProfileBody>, AppError> {
    let logic::Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let framework = logic::framework_of(&state, &full.record)?;
    let scope = logic::scope_cards(tr.lang, framework, &full.record, &full.own_cards);
    let cards = logic::sorted_cards(&scope, &full.answers);
    let profile = logic::profile(&full.record, &cards);
    Ok(Json(ProfileBody {
        domains: profile
            .domains
            .iter()
            .map(|d| DomainScore {
                domain: d.domain.clone(),
                counts: d.counts,
                unsorted: d.unsorted,
                mean: d.mean_rounded(),
            })
            .collect(),
        strengths: profile.strengths.iter().map(|c| c.card.clone()).collect(),
        growth_points: profile
            .growth_points
            .iter()
            .map(|c| c.card.clone())
            .collect(),
        focus_cards: full.focus_cards,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct DomainChangeBody {
    pub domain: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct CardMoveBody {
    pub card: String,
    pub domain: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct ComparisonBody {
    pub earlier: i64,
    pub later: i64,
    pub domains: Vec<DomainChangeBody>,
    pub moves: Vec<CardMoveBody>,
}

/// Two of the caller's own moments: `{id}` against `{other}`, the earlier one first.
#[utoipa::path(get, path = "/api/v1/reflections/{id}/comparison/{other}", tag = "reflections", params(("id" = i64, Path), ("other" = i64, Path)), responses((status = 200, body = ComparisonBody), (status = 400, description = "the two reflections are of different frameworks (`compare-other-framework`)", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn get_comparison(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((id, other)): Path<(i64, i64)>,
) -> Result<Json<ComparisonBody>, AppError> {
    let (earlier, later, comparison) = logic::compare(&state, tr.lang, &viewer, id, other).await?;
    let round = |v: Option<f64>| v.map(|v| (v * 10.0).round() / 10.0);
    Ok(Json(ComparisonBody {
        earlier: earlier.id,
        later: later.id,
        domains: comparison
            .domains
            .iter()
            .map(|d| DomainChangeBody {
                domain: d.domain.clone(),
                before: round(d.before),
                after: round(d.after),
                change: round(d.delta()),
            })
            .collect(),
        moves: comparison
            .moves
            .iter()
            .map(|m| CardMoveBody {
                card: m.card.clone(),
                domain: m.domain.clone(),
                before: m.before.map(|p| p.score()),
                after: m.after.map(|p| p.score()),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ShareBody {
    /// The email of the person to share with (a board member, a coach).
    #[schema(schema_with = super::input::email)]
    pub email: String,
}

#[utoipa::path(post, path = "/api/v1/reflections/{id}/shares", tag = "reflections", params(("id" = i64, Path)), request_body = ShareBody, responses((status = 204), (status = 400, description = "no colleague (someone else in one of the author's organisations) with that e-mail address (`share-person-unknown`)", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "the reflection is not finished yet (`reflection-not-finished`)", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 429, description = "too many shares tried in the last hour (`too-many-attempts`)", body = super::ProblemSchema, content_type = "application/problem+json", headers(("Retry-After" = i64, description = "seconds until the next try is counted")))))]
pub async fn post_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<ShareBody>,
) -> Result<StatusCode, AppError> {
    logic::share(&state, &viewer, id, &body.email).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/reflections/{id}/shares/{person}", tag = "reflections", params(("id" = i64, Path), ("person" = i64, Path)), responses((status = 204)))]
pub async fn delete_share(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, person)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    let person = leidraad_domain::accounts::PersonId(person);
    logic::unshare(&state, &viewer, id, person).await?;
    Ok(StatusCode::NO_CONTENT)
}
