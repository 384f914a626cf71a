//! Reflections in the JSON API: start one, save answers as they are given (the page's
//! autosave uses the same endpoint), own cards, focus cards, finishing, the profile, the
//! comparison of two moments, and sharing. Only the author writes; a person it is shared with
//! reads; everyone else gets 404.

use crate::api::JsonBody;
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

mod answers;
mod cards;
mod results;

pub use answers::*;
pub use cards::*;
pub use results::*;

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
    /// Start even though a reflection of the caller on this framework is still open; without
    /// it that gets 409 `reflection-open-exists`.
    #[serde(default)]
    pub confirm: bool,
}

impl NewReflectionBody {
    /// What the use case needs from the body.
    pub fn request(&self) -> logic::NewReflectionRequest<'_> {
        logic::NewReflectionRequest {
            organisation: OrganisationId(self.organisation),
            framework: self.framework.as_deref(),
            domains: &self.domains,
            prefill_from: self.prefill_from,
            confirmed: self.confirm,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

#[utoipa::path(post, path = "/api/v1/reflections", tag = "reflections", request_body = NewReflectionBody, responses((status = 201, body = Created), (status = 400, description = "an unknown framework or domain (`framework-unknown`, `domain-unknown`), or `prefill_from` that is not one of the caller's reflections (`prefill-unknown`)", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 403, description = "the caller's roles in the organisation do not include reflecting (`forbidden`), or a cross-site request", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 404, description = "the caller is not a member of `organisation`", body = super::ProblemSchema, content_type = "application/problem+json"), (status = 409, description = "a reflection of the caller on this framework is still open (`reflection-open-exists`); send `\"confirm\": true` to start another anyway", body = super::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_reflection(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<NewReflectionBody>,
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
