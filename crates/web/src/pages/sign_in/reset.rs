//! A forgotten password: ask for a link, then set a new password with it.

use super::*;

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
