//! The profile: one's name and password, sessions, API tokens, one's own data as download,
//! and deleting the account.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{
    Action, Email, LabelError, Password, PersonName, Role, Target, TokenName,
};
use leidraad_store::accounts::{ApiTokenRecord, SessionRecord};
use serde::Deserialize;

use super::download::{csv_table, download};
use super::{PageContext, Section, render};
use crate::AppState;
use crate::accounts;
use crate::auth::{SignedIn, Viewer, new_secret};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;

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
    Ok(ProfilePage {
        page: PageContext::new(tr, "/profiel", Section::Other),
        name: viewer.name.clone(),
        email: viewer.email.clone(),
        sessions: live_sessions(state, viewer).await?,
        current_session: viewer.session.as_ref().map_or(-1, |s| s.id),
        tokens: state.store.api_tokens_of(viewer.person).await?,
        new_token: String::new(),
        notice: String::new(),
        error: String::new(),
    })
}

/// The sessions that have not ended on their own (ended ones are swept at the next sign-in).
async fn live_sessions(state: &AppState, viewer: &Viewer) -> Result<Vec<SessionRecord>, AppError> {
    let now = state.clock.now();
    let lifetime = state.settings.session;
    Ok(state
        .store
        .sessions_of(viewer.person)
        .await?
        .into_iter()
        .filter(|s| lifetime.is_alive(s.created_at, s.last_seen_at, now))
        .collect())
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
    match PersonName::parse(form.get("name")) {
        Ok(name) => {
            state
                .store
                .rename_person(viewer.person, name.as_str())
                .await?;
            Ok(Redirect::to("/profiel?melding=naam").into_response())
        }
        Err(error) => again(&state, tr, &viewer, error.code(), StatusCode::BAD_REQUEST).await,
    }
}

/// A new password needs the current one; every other session ends with the old password.
pub async fn post_password(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
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
    let email = Email::parse(&viewer.email).ok();
    let password = match Password::parse(form.get("password"), email.as_ref()) {
        Ok(p) if form.get("password") == form.get("password_again") => p,
        Ok(_) => {
            return again(
                &state,
                tr,
                &viewer,
                "password-mismatch",
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
        Err(e) => return again(&state, tr, &viewer, e.code(), StatusCode::BAD_REQUEST).await,
    };
    let hash = accounts::hash(password).await?;
    let keep = viewer.session.as_ref().map(|s| s.id);
    state
        .store
        .change_password(viewer.person, hash.as_str(), state.clock.now(), keep)
        .await?;
    accounts::audit(
        &state,
        None,
        Some(viewer.person),
        Some(viewer.person),
        "password-change",
        "succeeded",
        "",
    )
    .await?;
    Ok(Redirect::to("/profiel?melding=wachtwoord").into_response())
}

pub async fn post_end_session(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    if !state.store.end_session(viewer.person, id).await? {
        return Err(AppError::NotFound);
    }
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
    viewer.may(Action::ManageOwnApiTokens, &Target::owned_by(viewer.person))?;
    let name = match token_name(form.get("name")) {
        Ok(name) => name,
        Err(code) => return again(&state, tr, &viewer, code, StatusCode::BAD_REQUEST).await,
    };
    let token = create_token(&state, &viewer, &name).await?;
    let mut page = profile_page(&state, tr, &viewer).await?;
    page.new_token = token;
    let mut response = render(&page)?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// A token's label, checked by [`TokenName`].
pub fn token_name(text: &str) -> Result<String, &'static str> {
    TokenName::parse(text)
        .map(|name| name.as_str().to_owned())
        .map_err(LabelError::code)
}

/// Creates a token and returns its secret, the only time anyone sees it.
pub async fn create_token(
    state: &AppState,
    viewer: &Viewer,
    name: &str,
) -> Result<String, AppError> {
    let secret = new_secret();
    state
        .store
        .create_api_token(viewer.person, name, &secret.digest(), state.clock.now())
        .await?;
    accounts::audit(
        state,
        None,
        Some(viewer.person),
        None,
        "api-token",
        "created",
        "",
    )
    .await?;
    Ok(secret.expose().to_owned())
}

pub async fn post_revoke_token(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    revoke_token(&state, &viewer, id).await?;
    Ok(Redirect::to("/profiel?melding=token").into_response())
}

/// Revokes one of the viewer's own tokens; another person's id is not found.
pub async fn revoke_token(state: &AppState, viewer: &Viewer, id: i64) -> Result<(), AppError> {
    if !state.store.revoke_api_token(viewer.person, id).await? {
        return Err(AppError::NotFound);
    }
    accounts::audit(
        state,
        None,
        Some(viewer.person),
        None,
        "api-token",
        "revoked",
        "",
    )
    .await
}

/// Everything about oneself as JSON.
pub async fn get_export_json(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let data = export(&state, &viewer).await?;
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
    let data = export(&state, &viewer).await?;
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

pub async fn export(
    state: &AppState,
    viewer: &Viewer,
) -> Result<leidraad_store::accounts::PersonalData, AppError> {
    viewer.may(Action::ExportOwnData, &Target::owned_by(viewer.person))?;
    let data = state
        .store
        .personal_data(viewer.person)
        .await?
        .ok_or(AppError::NotFound)?;
    accounts::audit(
        state,
        None,
        Some(viewer.person),
        Some(viewer.person),
        "export",
        "succeeded",
        "",
    )
    .await?;
    Ok(data)
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
    if let Err(error) = erase(&state, &viewer).await {
        if let AppError::Conflict { code } = error {
            return again(&state, tr, &viewer, code, StatusCode::CONFLICT).await;
        }
        return Err(error);
    }
    let mut response = Redirect::to("/inloggen?melding=account-verwijderd").into_response();
    state.session_cookie.clear(response.headers_mut());
    Ok(response)
}

pub async fn erase(state: &AppState, viewer: &Viewer) -> Result<(), AppError> {
    for membership in &viewer.memberships {
        let organisation = membership.organisation.organisation_id();
        if membership.roles.contains(Role::Admin)
            && state.store.count_admins(organisation).await? <= 1
        {
            return Err(AppError::Conflict { code: "last-admin" });
        }
    }
    let erased = state.store.erase_person(viewer.person).await?;
    state.mailer.discard(&erased.outbox_files).await;
    for organisation in erased.organisations {
        accounts::audit(
            state,
            Some(organisation),
            None,
            None,
            "erasure",
            "succeeded",
            "",
        )
        .await?;
    }
    Ok(())
}
