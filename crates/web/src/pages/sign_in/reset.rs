//! A forgotten password: ask for a link, then set a new password with it.

use leidraad_domain::accounts::Email;

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
    let path = format!("/wachtwoord-herstellen/{token}");
    let Ok(secret) = accounts::secret_from_link(&token) else {
        return reset_link_closed(tr, &path, false);
    };
    match accounts::check_reset_link(&state, &secret).await {
        Ok(()) => {}
        Err(leidraad_app::Error::Conflict { .. }) => return reset_link_closed(tr, &path, true),
        Err(error) => return Err(error.into()),
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
    let path = format!("/wachtwoord-herstellen/{token}");
    let Ok(secret) = accounts::secret_from_link(&token) else {
        return reset_link_closed(tr, &path, false);
    };
    let changed = accounts::complete_reset(&state, &secret, &new_password(&form), address).await;
    match changed {
        Ok(_) => {}
        Err(leidraad_app::Error::Conflict { .. }) => return reset_link_closed(tr, &path, true),
        Err(leidraad_app::Error::BadRequest { code }) => {
            let page = ResetPage {
                page: PageContext::new(tr, "/wachtwoord-herstellen", Section::Other),
                action: format!("/wachtwoord-herstellen/{token}"),
                error: message(tr, code),
            };
            return again(&page, StatusCode::BAD_REQUEST).map(without_referrer);
        }
        Err(error) => return Err(error.into()),
    }
    Ok(without_referrer(
        Redirect::to("/inloggen?melding=wachtwoord-gewijzigd").into_response(),
    ))
}
