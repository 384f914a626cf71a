//! Getting in and out: the setup page of a fresh installation, sign-in, sign-out, a
//! forgotten password and the reset link, and accepting an invitation.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{Email, OrganisationName, Password, PersonName};
use leidraad_store::StoreError;
use leidraad_store::accounts::NewPerson;
use serde::Deserialize;

use super::language_switch::safe_return_path;
use super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{ClientAddress, MaybeSignedIn, SignedIn, user_agent};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::accounts::{self, SignIn};

/// A form shown again with what went wrong, keeping what was typed (never a password).
fn again(template: &impl Template, status: StatusCode) -> Result<Response, AppError> {
    let mut response = render(template)?;
    *response.status_mut() = status;
    response.extensions_mut().insert(OwnErrorBody);
    Ok(response)
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
    if state.store.count_people().await? > 0 {
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
    if state.store.count_people().await? > 0 {
        return Err(AppError::NotFound);
    }
    let mut page = SetupPage {
        page: PageContext::new(tr, "/installatie", Section::Other),
        organisation: form.get("organisation").trim().to_owned(),
        name: form.get("name").trim().to_owned(),
        email: form.get("email").trim().to_owned(),
        error: String::new(),
    };
    let parsed = parse_new_account(&form, Some(&page.organisation));
    let (email, name, password) = match parsed {
        Ok(parsed) => parsed,
        Err(code) => {
            page.error = message(tr, code);
            return again(&page, StatusCode::BAD_REQUEST);
        }
    };
    let hash = accounts::hash(password).await?;
    let now = state.clock.now();
    let created = state
        .store
        .create_first_organisation(
            &page.organisation,
            NewPerson {
                email: email.as_str(),
                email_key: &email.lookup_key(),
                name: name.as_str(),
                password_hash: hash.as_str(),
                now,
            },
        )
        .await?;
    let Some((organisation, person)) = created else {
        return Err(AppError::NotFound);
    };
    accounts::audit(
        &state,
        Some(organisation),
        Some(person),
        None,
        "setup",
        "succeeded",
        "",
    )
    .await?;
    let mut response = Redirect::to(&format!("/organisaties/{organisation}")).into_response();
    crate::auth::start_session(
        &state,
        person,
        &user_agent(&headers),
        response.headers_mut(),
    )
    .await?;
    Ok(response)
}

/// Email, name and password of a new account, with the organisation name when one is asked.
fn parse_new_account(
    form: &FormFields,
    organisation: Option<&str>,
) -> Result<(Email, PersonName, Password), &'static str> {
    if let Some(organisation) = organisation {
        OrganisationName::parse(organisation).map_err(|e| e.code())?;
    }
    let email = Email::parse(form.get("email")).map_err(|e| e.code())?;
    let name = PersonName::parse(form.get("name")).map_err(|e| e.code())?;
    let password = new_password(form, Some(&email))?;
    Ok((email, name, password))
}

/// The new password and its repetition.
fn new_password(form: &FormFields, email: Option<&Email>) -> Result<Password, &'static str> {
    let password = Password::parse(form.get("password"), email).map_err(|e| e.code())?;
    if form.get("password") != form.get("password_again") {
        return Err("password-mismatch");
    }
    Ok(password)
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
    if state.store.count_people().await? == 0 {
        return Ok(Redirect::to("/installatie").into_response());
    }
    let back = safe_return_path(&query.terug).unwrap_or("/").to_owned();
    if viewer.is_some() {
        return Ok(Redirect::to(&back).into_response());
    }
    let notice = match query.melding.as_str() {
        "wachtwoord-gewijzigd" => tr.t("notice-password-reset").into_owned(),
        "uitgelogd" => tr.t("notice-signed-out").into_owned(),
        "account-verwijderd" => tr.t("notice-account-deleted").into_owned(),
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
    let back = safe_return_path(form.get("terug"))
        .unwrap_or("/")
        .to_owned();
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

#[derive(Template)]
#[template(path = "forgot_password.html")]
pub struct ForgotPage {
    page: PageContext,
    sent: bool,
    email: String,
    error: String,
}

pub async fn get_forgot(tr: Tr) -> Result<Response, AppError> {
    render(&ForgotPage {
        page: PageContext::new(tr, "/wachtwoord-vergeten", Section::Other),
        sent: false,
        email: String::new(),
        error: String::new(),
    })
}

/// The same answer whether or not the email has an account.
pub async fn post_forgot(
    State(state): State<AppState>,
    tr: Tr,
    form: FormFields,
) -> Result<Response, AppError> {
    let email = form.get("email").trim().to_owned();
    let mut page = ForgotPage {
        page: PageContext::new(tr, "/wachtwoord-vergeten", Section::Other),
        sent: true,
        email: email.clone(),
        error: String::new(),
    };
    if let Err(error) = Email::parse(&email) {
        page.sent = false;
        page.error = message(tr, error.code());
        return again(&page, StatusCode::BAD_REQUEST);
    }
    accounts::request_password_reset(&state, &email, tr.lang);
    render(&page)
}

#[derive(Template)]
#[template(path = "reset_password.html")]
pub struct ResetPage {
    page: PageContext,
    action: String,
    error: String,
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

pub async fn get_reset(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let secret = accounts::secret_from_link(&token)?;
    if state
        .store
        .password_reset(&secret.digest(), state.clock.now())
        .await?
        .is_none()
    {
        return Err(AppError::Conflict {
            code: "reset-link-closed",
        });
    }
    render(&ResetPage {
        page: PageContext::new(tr, "/wachtwoord-herstellen", Section::Other),
        action: format!("/wachtwoord-herstellen/{token}"),
        error: String::new(),
    })
    .map(without_referrer)
}

pub async fn post_reset(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    Path(token): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let secret = accounts::secret_from_link(&token)?;
    let now = state.clock.now();
    let Some(person) = state.store.password_reset(&secret.digest(), now).await? else {
        return Err(AppError::Conflict {
            code: "reset-link-closed",
        });
    };
    let email = state
        .store
        .person(person)
        .await?
        .and_then(|p| Email::parse(&p.email).ok());
    let password = match new_password(&form, email.as_ref()) {
        Ok(password) => password,
        Err(code) => {
            let page = ResetPage {
                page: PageContext::new(tr, "/wachtwoord-herstellen", Section::Other),
                action: format!("/wachtwoord-herstellen/{token}"),
                error: message(tr, code),
            };
            return again(&page, StatusCode::BAD_REQUEST).map(without_referrer);
        }
    };
    let hash = accounts::hash(password).await?;
    let Some(person) = state
        .store
        .complete_password_reset(&secret.digest(), hash.as_str(), now)
        .await?
    else {
        return Err(AppError::Conflict {
            code: "reset-link-closed",
        });
    };
    state.forget_identities();
    // Proving the email lifts the throttle on the account and on the address it came from:
    // the real person is never locked out by someone guessing their password.
    let forget = state.settings.throttle.forget_before(now);
    if let Some(email) = email {
        let key = accounts::account_throttle_key(&email.lookup_key());
        state.store.clear_sign_in_failures(&key, forget).await?;
    }
    let key = accounts::address_throttle_key(address);
    state.store.clear_sign_in_failures(&key, forget).await?;
    accounts::audit(
        &state,
        None,
        Some(person),
        Some(person),
        "password-reset",
        "succeeded",
        "",
    )
    .await?;
    Ok(without_referrer(
        Redirect::to("/inloggen?melding=wachtwoord-gewijzigd").into_response(),
    ))
}

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    page: PageContext,
    action: String,
    organisation: String,
    email: String,
    roles: Vec<String>,
    /// An account with this email exists: sign in (as that person) and join.
    existing_account: bool,
    signed_in_as_invitee: bool,
    name: String,
    error: String,
}

async fn open_invitation(
    state: &AppState,
    token: &str,
) -> Result<
    (
        leidraad_domain::accounts::Secret,
        leidraad_store::accounts::Invitation,
    ),
    AppError,
> {
    let secret = accounts::secret_from_link(token)?;
    let invitation = state
        .store
        .invitation_by_token(&secret.digest())
        .await?
        .ok_or(AppError::NotFound)?;
    if !invitation.is_open(state.clock.now()) {
        return Err(AppError::Conflict {
            code: "invitation-closed",
        });
    }
    Ok((secret, invitation))
}

async fn invitation_page(
    state: &AppState,
    tr: Tr,
    token: &str,
    viewer: Option<&crate::auth::Viewer>,
    invitation: &leidraad_store::accounts::Invitation,
) -> Result<InvitationPage, AppError> {
    let existing_account = state
        .store
        .person_by_email(&invitation.email)
        .await?
        .is_some();
    let signed_in_as_invitee = viewer.is_some_and(|v| v.email.to_lowercase() == invitation.email);
    Ok(InvitationPage {
        page: PageContext::new(tr, format!("/uitnodiging/{token}"), Section::Other),
        action: format!("/uitnodiging/{token}"),
        organisation: invitation.organisation_name.clone(),
        email: invitation.email.clone(),
        roles: invitation
            .roles
            .iter()
            .map(|r| tr.t(&format!("role-{}", r.code())).into_owned())
            .collect(),
        existing_account,
        signed_in_as_invitee,
        name: String::new(),
        error: String::new(),
    })
}

pub async fn get_invitation(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (_, invitation) = open_invitation(&state, &token).await?;
    let page = invitation_page(&state, tr, &token, viewer.as_deref(), &invitation).await?;
    render(&page).map(without_referrer)
}

pub async fn post_invitation(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let (secret, invitation) = open_invitation(&state, &token).await?;
    let now = state.clock.now();
    let mut page = invitation_page(&state, tr, &token, viewer.as_deref(), &invitation).await?;
    if page.existing_account {
        let Some(viewer) = viewer.filter(|_| page.signed_in_as_invitee) else {
            page.error = message(tr, "invitation-sign-in-first");
            return again(&page, StatusCode::CONFLICT);
        };
        let organisation = state
            .store
            .accept_invitation_as_person(&secret.digest(), viewer.person, now)
            .await?
            .ok_or(AppError::Conflict {
                code: "invitation-closed",
            })?;
        state.forget_identities();
        accounts::audit(
            &state,
            Some(organisation),
            Some(viewer.person),
            None,
            "invitation",
            "accepted",
            &invitation.roles.to_codes(),
        )
        .await?;
        return Ok(Redirect::to(&format!("/organisaties/{organisation}")).into_response());
    }
    page.name = form.get("name").trim().to_owned();
    let email = Email::parse(&invitation.email).map_err(|_| AppError::Internal)?;
    let parsed = PersonName::parse(form.get("name"))
        .map_err(|e| e.code())
        .and_then(|name| new_password(&form, Some(&email)).map(|p| (name, p)));
    let (name, password) = match parsed {
        Ok(parsed) => parsed,
        Err(code) => {
            page.error = message(tr, code);
            return again(&page, StatusCode::BAD_REQUEST).map(without_referrer);
        }
    };
    let hash = accounts::hash(password).await?;
    let accepted = state
        .store
        .accept_invitation_as_new_person(
            &secret.digest(),
            NewPerson {
                email: email.as_str(),
                email_key: &email.lookup_key(),
                name: name.as_str(),
                password_hash: hash.as_str(),
                now,
            },
        )
        .await;
    state.forget_identities();
    let (organisation, person) = match accepted {
        Ok(Some(accepted)) => accepted,
        Ok(None) => {
            return Err(AppError::Conflict {
                code: "invitation-closed",
            });
        }
        Err(StoreError::Conflict) => {
            return Err(AppError::Conflict {
                code: "email-taken",
            });
        }
        Err(error) => return Err(error.into()),
    };
    accounts::audit(
        &state,
        Some(organisation),
        Some(person),
        None,
        "invitation",
        "accepted",
        &invitation.roles.to_codes(),
    )
    .await?;
    let mut response = Redirect::to(&format!("/organisaties/{organisation}")).into_response();
    crate::auth::start_session(
        &state,
        person,
        &user_agent(&headers),
        response.headers_mut(),
    )
    .await?;
    Ok(response)
}
