//! Getting in and out: the setup page of a fresh installation, sign-in, sign-out, a
//! forgotten password and the reset link, and accepting an invitation.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::language_switch::safe_return_path;
use super::{PageContext, START_PATH, Section, render};
use crate::AppState;
use crate::auth::{ClientAddress, MaybeSignedIn, SignedIn, user_agent};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::accounts::{self, SignIn};

mod closed;
mod invitation;
mod reset;

pub use closed::*;
pub use invitation::*;
pub use reset::*;

/// A form shown again with what went wrong, keeping what was typed (never a password).
fn again(template: &impl Template, status: StatusCode) -> Result<Response, AppError> {
    render_refused(template, status)
}

fn message(tr: Tr, code: &str) -> String {
    tr.t(&format!("problem-{code}")).into_owned()
}

#[derive(Template)]
#[template(path = "setup.html")]
pub struct SetupPage {
    page: PageContext,
    organisation: String,
    name: String,
    email: String,
    error: String,
}

pub async fn get_setup(State(state): State<AppState>, tr: Tr) -> Result<Response, AppError> {
    if accounts::is_set_up(&state).await? {
        return Ok(Redirect::to("/inloggen").into_response());
    }
    render(&SetupPage {
        page: PageContext::new(tr, "/installatie", Section::Other),
        organisation: String::new(),
        name: String::new(),
        email: String::new(),
        error: String::new(),
    })
}

pub async fn post_setup(
    State(state): State<AppState>,
    tr: Tr,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let page = SetupPage {
        page: PageContext::new(tr, "/installatie", Section::Other),
        organisation: form.get("organisation").trim().to_owned(),
        name: form.get("name").trim().to_owned(),
        email: form.get("email").trim().to_owned(),
        error: String::new(),
    };
    let setup = accounts::Setup {
        organisation: form.get("organisation"),
        name: form.get("name"),
        email: form.get("email"),
        password: new_password(&form),
    };
    let (_organisation, person) = match accounts::set_up(&state, &setup).await {
        Ok(created) => created,
        Err(leidraad_app::Error::BadRequest { code }) => {
            let page = SetupPage {
                error: message(tr, code),
                ..page
            };
            return again(&page, StatusCode::BAD_REQUEST);
        }
        Err(error) => return Err(error.into()),
    };
    let mut response = Redirect::to(&format!("{START_PATH}?melding=ingericht")).into_response();
    crate::auth::start_session(
        &state,
        person,
        &user_agent(&headers),
        response.headers_mut(),
    )
    .await?;
    Ok(response)
}

/// The new password and its repetition, as typed.
fn new_password(form: &FormFields) -> accounts::NewPassword<'_> {
    accounts::NewPassword {
        password: form.get("password"),
        again: form.get("password_again"),
    }
}

/// Where to go after signing in: the page asked for, or the start page. The home page counts
/// as no wish (a form posted from a lapsed session returns there), since it is the start page
/// a signed-in person needs.
fn return_path(asked: &str) -> String {
    match safe_return_path(asked) {
        Some(path) if path != "/" => path.to_owned(),
        _ => START_PATH.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInPage {
    page: PageContext,
    email: String,
    back: String,
    error: String,
    notice: String,
}

#[derive(Deserialize)]
pub struct SignInQuery {
    #[serde(default)]
    terug: String,
    #[serde(default)]
    melding: String,
}

pub async fn get_sign_in(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Query(query): Query<SignInQuery>,
) -> Result<Response, AppError> {
    if !accounts::is_set_up(&state).await? {
        return Ok(Redirect::to("/installatie").into_response());
    }
    let back = return_path(&query.terug);
    if viewer.is_some() {
        return Ok(Redirect::to(&back).into_response());
    }
    let notice = match query.melding.as_str() {
        "wachtwoord-gewijzigd" => tr.t("notice-password-reset").into_owned(),
        "uitgelogd" => tr.t("notice-signed-out").into_owned(),
        "account-verwijderd" => tr.t("notice-account-deleted").into_owned(),
        "sessie-verlopen" => tr.t("notice-session-ended").into_owned(),
        _ => String::new(),
    };
    render(&SignInPage {
        page: PageContext::new(tr, "/inloggen", Section::Other),
        email: String::new(),
        back,
        error: String::new(),
        notice,
    })
}

pub async fn post_sign_in(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let back = return_path(form.get("terug"));
    let mut page = SignInPage {
        page: PageContext::new(tr, "/inloggen", Section::Other),
        email: form.get("email").trim().to_owned(),
        back: back.clone(),
        error: String::new(),
        notice: String::new(),
    };
    match accounts::sign_in(&state, form.get("email"), form.get("password"), address).await? {
        SignIn::Accepted(person) => {
            let mut response = Redirect::to(&back).into_response();
            crate::auth::start_session(
                &state,
                person,
                &user_agent(&headers),
                response.headers_mut(),
            )
            .await?;
            Ok(response)
        }
        SignIn::Refused => {
            page.error = message(tr, "sign-in-refused");
            again(&page, StatusCode::UNAUTHORIZED)
        }
        SignIn::Throttled(seconds) => {
            let minutes = (seconds + 59) / 60;
            page.error = tr.t1("problem-sign-in-throttled", "minutes", minutes.to_string());
            let mut response = again(&page, StatusCode::TOO_MANY_REQUESTS)?;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            Ok(response)
        }
    }
}

/// Ends the session on the server and removes the cookie.
pub async fn post_sign_out(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    if let Some(session) = &viewer.session {
        leidraad_app::me::end_session(&state, &viewer, session.id).await?;
    }
    let mut response = Redirect::to("/inloggen?melding=uitgelogd").into_response();
    state.session_cookie.clear(response.headers_mut());
    Ok(response)
}

/// The reset page sends no Referer: the link in its address must not leak to anything the
/// page refers to.
fn without_referrer(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
