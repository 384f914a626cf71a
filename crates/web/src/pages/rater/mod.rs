//! The rater's pages, reached through a token link without an account: the link itself
//! (`/b/{token}`, exchanged for a cookie so the token leaves the address bar), the promise of
//! who sees what, the form, and the thanks.
//!
//! Nothing of a session is looked at here (the `authenticate` middleware skips these routes),
//! so a signed-in member who opens a link is only its holder, and the header offers no
//! account. Every answer carries `Referrer-Policy: no-referrer` and `Cache-Control: no-store`
//! (the `link_privacy` middleware).

mod form;
mod save;
mod status;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use leidraad_app::feedback::{self as logic, RaterForm};
use leidraad_domain::Language;

use crate::AppState;
use crate::auth::ClientAddress;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::language::LANGUAGE_COOKIE;
use crate::pages::{PageContext, Section, render_refused};
use crate::rater_link::{self, Standing};

/// Where the form lives once the token has left the address bar.
const FORM_PATH: &str = "/beoordelen";

/// The rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/b/{token}", get(get_link)),
        (Method::GET, FORM_PATH, get(form::get_form)),
        (Method::POST, FORM_PATH, post(save::post_form)),
        (
            Method::POST,
            "/beoordelen/inleveren",
            post(save::post_submit),
        ),
    ]
}

/// `/b/{token}`: checks the link and trades it for the cookie, then sends the browser on to
/// the form, so the token leaves the address bar (and the history's latest entry). A link
/// whose round is not open shows why right here: it has nothing left to protect.
async fn get_link(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(switched) = switch_language(query.as_deref(), &format!("/b/{token}")) {
        return Ok(switched);
    }
    let form = logic::rater_form(&state, &token, address).await?;
    if form.round.state != leidraad_store::feedback::RoundState::Open {
        let path = format!("/b/{token}");
        let prefix = rater_link::draft_prefix(&token);
        return status::page(tr, &form, Standing::of(&form), &path, prefix);
    }
    // The cookie lives until the round closes at the latest.
    let max_age = (form.round.closes_at - state.clock.now()).max(1);
    let mut response = Redirect::to(FORM_PATH).into_response();
    rater_link::set_cookie(
        response.headers_mut(),
        &token,
        max_age,
        state.settings.secure_cookies(),
    );
    Ok(response)
}

/// The link behind the request's cookie, with its form; `Err` is the answer to give instead:
/// the friendly "open your link again" without a (known) cookie, or 429 after many guesses.
async fn link_form(
    state: &AppState,
    tr: Tr,
    headers: &HeaderMap,
    address: Option<std::net::IpAddr>,
) -> Result<(String, RaterForm), Response> {
    let Some(token) = rater_link::cookie_token(headers) else {
        return Err(lost_link(state, tr));
    };
    match logic::rater_form(state, &token, address).await {
        Ok(form) => Ok((token, form)),
        Err(leidraad_app::Error::NotFound) => Err(lost_link(state, tr)),
        Err(error) => Err(AppError::from(error).into_response()),
    }
}

/// 404 for a browser that comes without its link (or with one that is gone): say how to get
/// back, and drop a cookie that leads nowhere.
fn lost_link(state: &AppState, tr: Tr) -> Response {
    let page = status::StatusPage::new(
        PageContext::new(tr, FORM_PATH, Section::Other),
        tr.t("rater-lost-title").into_owned(),
        vec![
            tr.t("rater-lost-text").into_owned(),
            tr.t("rater-lost-help").into_owned(),
        ],
    );
    let mut response = match render_refused(&page, StatusCode::NOT_FOUND) {
        Ok(response) => response,
        Err(error) => return error.into_response(),
    };
    rater_link::clear_cookie(response.headers_mut(), state.settings.secure_cookies());
    response
}

/// `?taal=en` on a rater's page: remembers the language and shows the same page again. The
/// site's language switch posts with a session's form token, which these pages, holding no
/// session, cannot give; a link is the rater's way.
pub(crate) fn switch_language(query: Option<&str>, back: &str) -> Option<Response> {
    let wanted = form_urlencoded::parse(query?.as_bytes())
        .find(|(name, _)| name == "taal")
        .and_then(|(_, value)| value.parse::<Language>().ok())?;
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        wanted.code()
    );
    let mut response = Redirect::to(back).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Some(response)
}

/// Renders a rater's page (their layout is `rater_base.html`) with `status`; a refusal keeps
/// its own body past the error middleware.
fn render_page(template: &impl Template, status: StatusCode) -> Result<Response, AppError> {
    if status == StatusCode::OK {
        crate::pages::render(template)
    } else {
        render_refused(template, status)
    }
}
