//! `/meedoen`: joining a dialogue with its code, on a phone, without an account. The QR code
//! on the facilitator's screen leads here with the code filled in. A signed-in member joins
//! under their own name; anyone else types one, or joins anonymously where that is allowed.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::dialogues::{self as logic, JoinRequest};
use leidraad_domain::dialogue::Format;
use serde::Deserialize;

use super::{format_explanation, format_name};
use crate::AppState;
use crate::auth::{ClientAddress, MaybeSignedIn};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

#[derive(Debug, Deserialize)]
pub struct CodeQuery {
    #[serde(default)]
    code: Option<String>,
}

/// The dialogue a valid code opened, for the second step.
pub struct Found {
    pub title: String,
    pub format_name: String,
    pub format_explanation: String,
    pub allow_anonymous: bool,
}

#[derive(Template)]
#[template(path = "dialogue_join.html")]
pub struct JoinPage {
    page: PageContext,
    code: String,
    found: Option<Found>,
    name: String,
    error: String,
}

fn join_page(tr: Tr, code: &str) -> JoinPage {
    JoinPage {
        page: PageContext::new(tr, "/meedoen", Section::Other),
        code: code.to_owned(),
        found: None,
        name: String::new(),
        error: String::new(),
    }
}

fn found(tr: Tr, record: &leidraad_store::dialogues::DialogueRecord) -> Found {
    let format = Format::parse(&record.format).unwrap_or(Format::Free);
    Found {
        title: record.title.clone(),
        format_name: format_name(tr, format),
        format_explanation: format_explanation(tr, format),
        allow_anonymous: record.allow_anonymous,
    }
}

/// The first step again, with what was wrong with the code.
fn refused(tr: Tr, code: &str, error: AppError) -> Result<Response, AppError> {
    let (status, problem) = match error {
        AppError::NotFound => (StatusCode::NOT_FOUND, "dialogue-code-unknown"),
        other => other.into_refusal()?,
    };
    let mut page = join_page(tr, code);
    page.error = tr.t(&format!("problem-{problem}")).into_owned();
    render_refused(&page, status)
}

pub async fn get_join(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    Query(query): Query<CodeQuery>,
) -> Result<Response, AppError> {
    let Some(code) = query.code.filter(|c| !c.trim().is_empty()) else {
        return render(&join_page(tr, ""));
    };
    match logic::dialogue_for_code(&state, &code, address).await {
        Ok(record) => {
            let mut page = join_page(tr, code.trim());
            page.found = Some(found(tr, &record));
            render(&page)
        }
        Err(error) => refused(tr, &code, error.into()),
    }
}

pub async fn post_join(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    MaybeSignedIn(viewer): MaybeSignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let request = JoinRequest {
        code: form.get("code").to_owned(),
        name: form.get("name").to_owned(),
        anonymous: form.get("anoniem") == "ja",
    };
    // The first step posts only the code: show the second.
    if form.get("stap") == "code" {
        return match logic::dialogue_for_code(&state, &request.code, address).await {
            Ok(record) => {
                let mut page = join_page(tr, request.code.trim());
                page.found = Some(found(tr, &record));
                render(&page)
            }
            Err(error) => refused(tr, &request.code, error.into()),
        };
    }
    match logic::join(&state, &request, viewer.as_deref(), address).await {
        Ok(joined) => Ok(Redirect::to(&format!("/d/{}", joined.token.expose())).into_response()),
        Err(leidraad_app::Error::BadRequest { code })
            if code.starts_with("dialogue-name") || code == "dialogue-anonymous-not-allowed" =>
        {
            let record = logic::dialogue_for_code(&state, &request.code, address).await?;
            let mut page = join_page(tr, request.code.trim());
            page.found = Some(found(tr, &record));
            page.name = request.name.clone();
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            render_refused(&page, StatusCode::BAD_REQUEST)
        }
        Err(error) => refused(tr, &request.code, error.into()),
    }
}
