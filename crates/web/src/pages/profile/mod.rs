//! "Mijn account": one's name and password, sessions, API tokens, one's own data as download,
//! and deleting the account. (The word "profiel" belongs to the result of a reflection; the
//! old `/profiel…` addresses answer with a permanent redirect here.)

use crate::pages::render_refused;
use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_store::accounts::{ApiTokenRecord, SessionRecord};
use serde::Deserialize;

use super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::me;

mod delete;
mod export;

pub use delete::*;
pub use export::*;

/// The account page's address.
pub const ACCOUNT_PATH: &str = "/account";

/// An old `/profiel…` address of the account pages, for links and bookmarks made before the
/// account page was renamed: the same place under `/account`, for good (308 keeps a form's
/// method and body).
pub async fn redirect_old_path(OriginalUri(uri): OriginalUri) -> Response {
    let rest = uri.path().strip_prefix("/profiel").unwrap_or_default();
    let mut target = format!("{ACCOUNT_PATH}{rest}");
    if let Some(query) = uri.query() {
        target.push('?');
        target.push_str(query);
    }
    Redirect::permanent(&target).into_response()
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    page: PageContext,
    name: String,
    email: String,
    sessions: Vec<SessionRecord>,
    current_session: i64,
    tokens: Vec<ApiTokenRecord>,
    /// A token just created: shown once, never again.
    new_token: String,
    notice: String,
    error: String,
}

#[derive(Deserialize)]
pub struct AccountQuery {
    #[serde(default)]
    melding: String,
}

async fn account_page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<AccountPage, AppError> {
    // Sessions and tokens in one statement.
    let (sessions, tokens) = leidraad_app::directory::sessions_and_tokens(state, viewer).await?;
    Ok(AccountPage {
        page: PageContext::new(tr, ACCOUNT_PATH, Section::Other),
        name: viewer.name.clone(),
        email: viewer.email.clone(),
        sessions: live_sessions(state, sessions),
        current_session: viewer.session.as_ref().map_or(-1, |s| s.id),
        tokens,
        new_token: String::new(),
        notice: String::new(),
        error: String::new(),
    })
}

/// The sessions that have not ended on their own (ended ones are swept at the next sign-in).
fn live_sessions(state: &AppState, sessions: Vec<SessionRecord>) -> Vec<SessionRecord> {
    let now = state.clock.now();
    let lifetime = state.settings.session;
    sessions
        .into_iter()
        .filter(|s| lifetime.is_alive(s.created_at, s.last_seen_at, now))
        .collect()
}

pub async fn get_account(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Query(query): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let mut page = account_page(&state, tr, &viewer).await?;
    if let Some(key) = notice_key(&query.melding) {
        page.notice = tr.t(key).into_owned();
    }
    render(&page)
}

fn notice_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "naam" => "notice-name-saved",
        "wachtwoord" => "notice-password-changed",
        "sessie" => "notice-other-session-ended",
        "token" => "notice-token-revoked",
        _ => return None,
    })
}

async fn again(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    code: &str,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut page = account_page(state, tr, viewer).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}

pub async fn post_name(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    match me::rename(&state, &viewer, form.get("name")).await {
        Ok(()) => Ok(Redirect::to("/account?melding=naam").into_response()),
        Err(leidraad_app::Error::BadRequest { code }) => {
            again(&state, tr, &viewer, code, StatusCode::BAD_REQUEST).await
        }
        Err(error) => Err(error.into()),
    }
}

/// A new password needs the current one; every other session ends with the old password.
pub async fn post_password(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let change = me::PasswordChange {
        current: form.get("current_password"),
        new: form.get("password"),
        again: form.get("password_again"),
    };
    match me::change_password(&state, &viewer, change).await {
        Ok(()) => {}
        Err(leidraad_app::Error::BadRequest { code }) => {
            return again(&state, tr, &viewer, code, StatusCode::BAD_REQUEST).await;
        }
        Err(error) => return Err(error.into()),
    }
    Ok(Redirect::to("/account?melding=wachtwoord").into_response())
}

pub async fn post_end_session(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    me::end_session(&state, &viewer, id).await?;
    let current = viewer.session.as_ref().is_some_and(|s| s.id == id);
    let target = if current {
        "/inloggen?melding=uitgelogd"
    } else {
        "/account?melding=sessie"
    };
    Ok(Redirect::to(target).into_response())
}

pub async fn post_create_token(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let token = match me::create_token(&state, &viewer, form.get("name")).await {
        Ok(token) => token,
        Err(leidraad_app::Error::BadRequest { code }) => {
            return again(&state, tr, &viewer, code, StatusCode::BAD_REQUEST).await;
        }
        Err(error) => return Err(error.into()),
    };
    let mut page = account_page(&state, tr, &viewer).await?;
    page.new_token = token.secret;
    let mut response = render(&page)?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

pub async fn post_revoke_token(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    me::revoke_token(&state, &viewer, id).await?;
    Ok(Redirect::to("/account?melding=token").into_response())
}
