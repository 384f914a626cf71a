//! Answering a team scan in the API, with the respondent's link: opening a shared link, the
//! questionnaire with the draft, saving one answer at a time, and submitting (a whole
//! response in one request, if need be).
//!
//! No credential at all is 401; a token that is presented but unknown is 404 and counts as a
//! guess: after ten in a minute from one address every request from there waits (429 with
//! `Retry-After`).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leidraad_app::space_scans::{self as logic, RespondentForm, SavedItem, ScanSubmission};
use serde::Serialize;
use utoipa::ToSchema;

use super::input::{
    ScanAnswerBody, ScanOpenText, ScanRoleBody, ScanRoleValue, ScanSubmitBody, ScanTextBody,
};
use super::questionnaire::{
    self, ScanOpenQuestion, ScanRole, ScanScaleLabel, ScanSection, ScanStatement,
};
use super::{ScanSaved, closing_day};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::ClientAddress;
use crate::error::AppError;
use crate::scan_link::{ScanCredential, ScanWriter};

#[derive(Serialize, ToSchema)]
pub struct ScanLinkCreated {
    /// The new link's token: the credential of every `/api/v1/respondent` operation. It is
    /// answered once; only a hash of it is stored.
    pub token: String,
}

/// Opens a unit's shared link as a browser does, for an API client: a respondent link of its
/// own, which answers once.
#[utoipa::path(post, path = "/api/v1/scan-links/{token}", tag = "scan-links", params(("token" = String, Path, description = "The shared link's token: the last part of its address")), responses(
    (status = 201, body = ScanLinkCreated),
    (status = 409, description = "the scan takes no more answers (`scan-closed`)", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_scan_link(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (token, _) = logic::open_shared(&state, &token, None, address).await?;
    Ok((StatusCode::CREATED, Json(ScanLinkCreated { token })).into_response())
}

/// The questionnaire of a link, with its draft.
#[derive(Serialize, ToSchema)]
pub struct ScanRespondentForm {
    /// `open`: answers are taken; `submitted`: this link has answered (its answers are not
    /// shown again); `closed`: the scan closed before this link answered.
    #[schema(example = "open")]
    pub status: &'static str,
    pub title: String,
    /// Who asked: the scan's owner.
    pub asked_by: String,
    /// The school or team the link answers for.
    pub unit: String,
    /// The last day to answer (`YYYY-MM-DD`, Amsterdam): the link works until the end of it.
    pub closes_on: String,
    /// The results show anything only from this many answers on, and each statement and
    /// each school or team only where this many rated it.
    pub threshold: i64,
    pub sections: Vec<ScanSection>,
    pub statements: Vec<ScanStatement>,
    pub scale: Vec<ScanScaleLabel>,
    pub roles: Vec<ScanRole>,
    pub open_questions: Vec<ScanOpenQuestion>,
    pub draft: ScanDraft,
}

/// What the link has saved so far; empty once it has answered.
#[derive(Serialize, ToSchema, Default)]
pub struct ScanDraft {
    /// Statement id → answer code.
    pub ratings: BTreeMap<String, String>,
    /// Role id → `nu`, `willen` or `beide`.
    pub roles: BTreeMap<String, String>,
    /// Open question id → text.
    pub open: BTreeMap<String, String>,
    /// The name of the role under "Anders"; empty for none.
    pub other_role: String,
}

/// The questionnaire of the link: the scan, the promise of its threshold, every statement,
/// role and open question, and the draft.
#[utoipa::path(get, path = "/api/v1/respondent", tag = "respondent", responses(
    (status = 200, body = ScanRespondentForm),
    (status = 404, description = "The link is not known (or no longer: its scan was released or deleted).", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn get_respondent(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    credential: ScanCredential,
) -> Result<Json<ScanRespondentForm>, AppError> {
    let form = logic::respondent_form(&state, credential.token(), address).await?;
    let scan = logic::questionnaire(&state, &form.scan)?;
    let status = if form.link.answered {
        "submitted"
    } else if form.is_open(state.clock.now()) {
        "open"
    } else {
        "closed"
    };
    Ok(Json(ScanRespondentForm {
        status,
        title: form.scan.title.clone(),
        asked_by: form.owner_name.clone(),
        unit: form.unit.label.clone(),
        closes_on: closing_day(form.scan.closes_at),
        threshold: form.scan.threshold,
        sections: questionnaire::sections(scan),
        statements: questionnaire::statements(scan),
        scale: questionnaire::scale(scan),
        roles: questionnaire::roles(scan),
        open_questions: questionnaire::open_questions(scan),
        draft: if form.link.answered {
            ScanDraft::default()
        } else {
            draft(&form)
        },
    }))
}

fn draft(form: &RespondentForm) -> ScanDraft {
    let draft = &form.draft;
    ScanDraft {
        ratings: draft.ratings.iter().cloned().collect(),
        roles: draft
            .roles
            .iter()
            .filter(|(_, now, like)| *now || *like)
            .map(|(id, now, like)| (id.clone(), ScanRoleValue::code_of(*now, *like).to_owned()))
            .collect(),
        open: draft.open.iter().cloned().collect(),
        other_role: draft.other_role.clone(),
    }
}

const REFUSED_ON_LINK: &str = "The link has answered (`scan-already-answered`) or the scan \
    takes no more answers (`scan-closed`): nothing was saved.";

async fn save(
    state: &AppState,
    address: Option<std::net::IpAddr>,
    credential: &ScanCredential,
    item: &SavedItem<'_>,
) -> Result<Json<ScanSaved>, AppError> {
    logic::save_item(state, credential.token(), address, item).await?;
    Ok(Json(ScanSaved { saved: true }))
}

/// Saves (or with an empty answer takes back) the answer to one statement; the page's
/// autosave uses this.
#[utoipa::path(put, path = "/api/v1/respondent/answers/{statement}", tag = "respondent", params(("statement" = String, Path, description = "A statement id of the scan")), request_body = ScanAnswerBody, responses(
    (status = 200, body = ScanSaved),
    (status = 400, description = "a statement the scan does not have (`scan-statement-unknown`) or an answer off the scale (`scan-answer-invalid`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = REFUSED_ON_LINK, body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_rating(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ScanWriter(credential): ScanWriter,
    Path(statement): Path<String>,
    JsonBody(body): JsonBody<ScanAnswerBody>,
) -> Result<Json<ScanSaved>, AppError> {
    let item = SavedItem::Rating {
        statement: &statement,
        answer: body.text(),
    };
    save(&state, address, &credential, &item).await
}

/// Saves whether the respondent fulfils a role now and would like to.
#[utoipa::path(put, path = "/api/v1/respondent/roles/{role}", tag = "respondent", params(("role" = String, Path, description = "A role id of the scan")), request_body = ScanRoleBody, responses(
    (status = 200, body = ScanSaved),
    (status = 400, description = "a role the scan does not have (`scan-role-unknown`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = REFUSED_ON_LINK, body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_role(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ScanWriter(credential): ScanWriter,
    Path(role): Path<String>,
    JsonBody(body): JsonBody<ScanRoleBody>,
) -> Result<Json<ScanSaved>, AppError> {
    let (now, would_like) = body.ticks();
    let item = SavedItem::Role {
        role: &role,
        now,
        would_like,
    };
    save(&state, address, &credential, &item).await
}

/// Saves (or with an empty text takes back) the answer to an open question.
#[utoipa::path(put, path = "/api/v1/respondent/open/{question}", tag = "respondent", params(("question" = String, Path, description = "An open question id of the scan")), request_body = ScanTextBody, responses(
    (status = 200, body = ScanSaved),
    (status = 400, description = "a question the scan does not have (`scan-open-question-unknown`) or a text the rules refuse (`scan-open-answer-invalid`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "The text is no longer `base`: it was changed elsewhere meanwhile (`scan-text-changed`); or the link has answered (`scan-already-answered`) or the scan takes no more answers (`scan-closed`). Nothing was saved.", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_open_answer(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ScanWriter(credential): ScanWriter,
    Path(question): Path<String>,
    JsonBody(body): JsonBody<ScanTextBody>,
) -> Result<Json<ScanSaved>, AppError> {
    let item = SavedItem::Open {
        question: &question,
        text: &body.text,
        base: body.base.as_deref(),
    };
    save(&state, address, &credential, &item).await
}

/// Saves (or with an empty text takes back) the name of the role under "Anders".
#[utoipa::path(put, path = "/api/v1/respondent/other-role", tag = "respondent", request_body = ScanTextBody, responses(
    (status = 200, body = ScanSaved),
    (status = 400, description = "a name the rules refuse (`scan-open-answer-invalid`); nothing is saved", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 404, description = "The link is not known (or no longer: its scan was released or deleted).", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "The name is no longer `base`: it was changed elsewhere meanwhile (`scan-text-changed`); or the link has answered (`scan-already-answered`) or the scan takes no more answers (`scan-closed`). Nothing was saved.", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn put_other_role(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ScanWriter(credential): ScanWriter,
    JsonBody(body): JsonBody<ScanTextBody>,
) -> Result<Json<ScanSaved>, AppError> {
    let item = SavedItem::OtherRole {
        name: &body.text,
        base: body.base.as_deref(),
    };
    save(&state, address, &credential, &item).await
}

#[derive(Serialize, ToSchema)]
pub struct ScanSubmitted {
    #[schema(example = "submitted")]
    pub status: &'static str,
}

/// Submits the link's answers: the draft, or with a body the whole response in one request.
/// They become an anonymous response that keeps nothing of the link; the link can then
/// neither show nor change them. A second submit is refused.
#[utoipa::path(post, path = "/api/v1/respondent/submit", tag = "respondent", request_body(content = Option<ScanSubmitBody>, description = "Optional (no body, or null): the whole response at once."), responses(
    (status = 200, body = ScanSubmitted),
    (status = 400, description = "no statement answered (`scan-response-empty`), or a statement, role or question the scan does not have or an answer or text the rules refuse (`scan-statement-unknown`, `scan-role-unknown`, `scan-open-question-unknown`, `scan-answer-invalid`, `scan-open-answer-invalid`); nothing is submitted", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 404, description = "The link is not known (or no longer: its scan was released or deleted).", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "The link has answered already (`scan-already-answered`) or the scan takes no more answers (`scan-closed`): nothing changed.", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 429, description = "Too many unknown links from this address in a minute: try again after `Retry-After` seconds.", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    ScanWriter(credential): ScanWriter,
    body: Option<JsonBody<Option<ScanSubmitBody>>>,
) -> Result<Json<ScanSubmitted>, AppError> {
    let body = body.and_then(|JsonBody(body)| body).unwrap_or_default();
    let submission = submission(&body);
    logic::submit(&state, credential.token(), address, &submission).await?;
    Ok(Json(ScanSubmitted {
        status: "submitted",
    }))
}

/// The body's items, each checked by the app as it submits.
fn submission(body: &ScanSubmitBody) -> ScanSubmission<'_> {
    let mut items = Vec::new();
    for (statement, answer) in &body.ratings {
        items.push(SavedItem::Rating {
            statement,
            answer: &answer.0,
        });
    }
    for (role, value) in &body.roles {
        let (now, would_like) = value.ticks();
        items.push(SavedItem::Role {
            role,
            now,
            would_like,
        });
    }
    for (question, ScanOpenText(text)) in &body.open {
        items.push(SavedItem::Open {
            question,
            text,
            base: None,
        });
    }
    if let Some(ScanOpenText(name)) = &body.other_role {
        items.push(SavedItem::OtherRole { name, base: None });
    }
    ScanSubmission { items }
}
