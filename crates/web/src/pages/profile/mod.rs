//! The profile: one's name and password, sessions, API tokens, one's own data as download,
//! and deleting the account.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{Action, Target};
use leidraad_store::accounts::{ApiTokenRecord, SessionRecord};
use serde::Deserialize;

use super::download::{csv_table, download};
use super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::accounts;
use leidraad_app::me;

#[derive(Template)]
#[template(path = "profile.html")]
pub struct ProfilePage {
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
pub struct ProfileQuery {
    #[serde(default)]
    melding: String,
}

async fn profile_page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<ProfilePage, AppError> {
    // Sessions and tokens in one statement.
    let (sessions, tokens) = leidraad_app::directory::sessions_and_tokens(state, viewer).await?;
    Ok(ProfilePage {
        page: PageContext::new(tr, "/profiel", Section::Other),
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

pub async fn get_profile(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Query(query): Query<ProfileQuery>,
) -> Result<Response, AppError> {
    let mut page = profile_page(&state, tr, &viewer).await?;
    if let Some(key) = notice_key(&query.melding) {
        page.notice = tr.t(key).into_owned();
    }
    render(&page)
}

fn notice_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "naam" => "notice-name-saved",
        "wachtwoord" => "notice-password-changed",
        "sessie" => "notice-session-ended",
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
    let mut page = profile_page(state, tr, viewer).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    let mut response = render(&page)?;
    *response.status_mut() = status;
    response.extensions_mut().insert(OwnErrorBody);
    Ok(response)
}

pub async fn post_name(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    match me::rename(&state, &viewer, form.get("name")).await {
        Ok(()) => Ok(Redirect::to("/profiel?melding=naam").into_response()),
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
    Ok(Redirect::to("/profiel?melding=wachtwoord").into_response())
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
        "/profiel?melding=sessie"
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
    let mut page = profile_page(&state, tr, &viewer).await?;
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
    Ok(Redirect::to("/profiel?melding=token").into_response())
}

/// Everything about oneself as JSON.
pub async fn get_export_json(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let data = me::export(&state, &viewer).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|_| AppError::Internal)?;
    Ok(download(
        body,
        "application/json",
        "leidraad-mijn-gegevens.json",
    ))
}

/// One table of one's own data as CSV: memberships, sessions, tokens or the audit events.
pub async fn get_export_csv(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(table): Path<String>,
) -> Result<Response, AppError> {
    let data = me::export(&state, &viewer).await?;
    let csv = match table.as_str() {
        "lidmaatschappen.csv" => csv_table(
            &["organisation_id", "organisation", "roles", "schools"],
            data.memberships.iter().map(|m| {
                vec![
                    m.organisation_id.to_string(),
                    m.organisation.clone(),
                    m.roles.join(" "),
                    m.schools.join("; "),
                ]
            }),
        ),
        "sessies.csv" => csv_table(
            &["id", "created_at", "last_seen_at", "user_agent"],
            data.sessions.iter().map(|s| {
                vec![
                    s.id.to_string(),
                    s.created_at.to_string(),
                    s.last_seen_at.to_string(),
                    s.user_agent.clone(),
                ]
            }),
        ),
        "tokens.csv" => csv_table(
            &["id", "name", "created_at", "last_used_at"],
            data.api_tokens.iter().map(|t| {
                vec![
                    t.id.to_string(),
                    t.name.clone(),
                    t.created_at.to_string(),
                    t.last_used_at.map(|v| v.to_string()).unwrap_or_default(),
                ]
            }),
        ),
        "logboek.csv" => csv_table(
            &["at", "event", "outcome", "detail"],
            data.audit_events.iter().map(|e| {
                vec![
                    e.at.to_string(),
                    e.event.clone(),
                    e.outcome.clone(),
                    e.detail.clone(),
                ]
            }),
        ),
        _ => return Err(AppError::NotFound),
    };
    Ok(download(
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        &format!("leidraad-{table}"),
    ))
}

/// Deletes the account after the password is confirmed. The last admin of an organisation
/// must first hand the role to someone else.
pub async fn post_delete_account(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    viewer.may(Action::DeleteOwnAccount, &Target::owned_by(viewer.person))?;
    if !accounts::confirms_password(&state, viewer.person, form.get("current_password")).await? {
        return again(
            &state,
            tr,
            &viewer,
            "current-password-wrong",
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    if let Err(error) = me::erase(&state, &viewer).await.map_err(AppError::from) {
        if let AppError::Conflict { code } = error {
            return again(&state, tr, &viewer, code, StatusCode::CONFLICT).await;
        }
        return Err(error);
    }
    let mut response = Redirect::to("/inloggen?melding=account-verwijderd").into_response();
    state.session_cookie.clear(response.headers_mut());
    Ok(response)
}
