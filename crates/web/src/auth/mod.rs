//! Who is asking: a signed-in person (session cookie) or a script (API token), resolved once
//! per request by [`authenticate`], which also guards every state-changing request against
//! cross-site forgery. Handlers take [`SignedIn`] and ask [`Viewer::may`]; they never look at
//! roles themselves.

mod csrf;
mod session_cookie;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{PersonId, Secret};

use crate::AppState;
use crate::error::AppError;

pub use crate::cookie::SessionCookie;
pub use csrf::CSRF_FIELD;
pub use leidraad_app::Viewer;
use leidraad_app::{Credential, Identity, identify};
pub use session_cookie::{ClientAddress, user_agent};

tokio::task_local! {
    /// The viewer of the request being served, so that every page's layout (the account menu,
    /// the CSRF field of each form) is right without threading it through every handler.
    static CURRENT_VIEWER: Option<Arc<Viewer>>;
}

/// The viewer of the request being served, if any (see [`CURRENT_VIEWER`]).
pub fn current_viewer() -> Option<Arc<Viewer>> {
    CURRENT_VIEWER.try_with(Clone::clone).ok().flatten()
}

/// Starts a session for `person` (a fresh id at every sign-in) and puts its cookie on
/// `headers`: the browser's half of signing in.
pub async fn start_session(
    state: &AppState,
    person: PersonId,
    user_agent: &str,
    headers: &mut HeaderMap,
) -> Result<(), AppError> {
    let secret = leidraad_app::accounts::start_session(state, person, user_agent).await?;
    state.session_cookie.set(headers, &secret);
    Ok(())
}

/// How the request identified itself.
enum Credentials {
    None,
    Bearer(Option<Secret>),
    Cookie(Secret),
}

fn credentials(headers: &HeaderMap, cookie: &SessionCookie) -> Credentials {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .and_then(|v| Secret::parse(v.trim()));
        return Credentials::Bearer(token);
    }
    match cookie.read(headers) {
        Some(secret) => Credentials::Cookie(secret),
        None => Credentials::None,
    }
}

/// Middleware: resolves the viewer, refuses forged state changes, and runs the rest of the
/// request with the viewer in reach of every extractor and template.
pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    // A rater's link routes look at no session and no API token: whoever answers through a
    // link is only its holder (the policy's `Rater`), signed in or not; so do a dialogue
    // participant's (the policy's `Participant`). Only the origin check
    // applies; the link's own credentials are the handlers' (`crate::rater_link`).
    let path = request.uri().path();
    if crate::rater_link::is_link_path(path) || crate::pages::dialogue::is_participant_path(path) {
        if let Err(error) = csrf::guard(&mut request, None).await {
            return error.into_response();
        }
        return CURRENT_VIEWER.scope(None, next.run(request)).await;
    }
    let now = state.clock.now();
    let (viewer, clear_cookie) = match resolve(&state, request.headers(), now).await {
        Ok(resolved) => resolved,
        Err(response) => return response,
    };
    if let Err(error) = csrf::guard(&mut request, viewer.as_deref()).await {
        return error.into_response();
    }
    if let Some(viewer) = &viewer {
        request.extensions_mut().insert(viewer.clone());
    } else if clear_cookie {
        request.extensions_mut().insert(SessionEnded);
    }
    let mut response = CURRENT_VIEWER.scope(viewer, next.run(request)).await;
    // A cookie for an ended session is removed from the browser, unless the request itself
    // started a new session (signing in over the old cookie): that cookie must stand.
    if clear_cookie && !state.session_cookie.is_set_by(response.headers()) {
        state.session_cookie.clear(response.headers_mut());
    }
    response
}

async fn resolve(
    state: &AppState,
    headers: &HeaderMap,
    now: i64,
) -> Result<(Option<Arc<Viewer>>, bool), Response> {
    let credential = match credentials(headers, &state.session_cookie) {
        Credentials::None => return Ok((None, false)),
        Credentials::Bearer(None) => return Err(AppError::Unauthorized.into_response()),
        Credentials::Bearer(Some(token)) => Credential::ApiToken(token),
        Credentials::Cookie(secret) => Credential::Session(secret),
    };
    match identify(state, &credential, now).await {
        Ok(Identity::Known(viewer)) => Ok((Some(viewer), false)),
        // A cookie for a session that has ended is removed from the browser.
        Ok(Identity::EndedSession) => Ok((None, true)),
        Ok(Identity::UnknownToken) => Err(AppError::Unauthorized.into_response()),
        Err(error) => Err(AppError::from(error).into_response()),
    }
}

/// Marks a request that presented the cookie of a session that has ended, so that it is
/// told apart from one that presented nothing: a page's autosave then learns that the
/// person must sign in again, not that the connection failed.
#[derive(Debug, Clone, Copy)]
pub struct SessionEnded;

/// Whether the request presented the cookie of an ended session.
pub fn session_ended(parts: &Parts) -> bool {
    parts.extensions.get::<SessionEnded>().is_some()
}

/// A handler argument: the signed-in viewer. Without one, a page redirects to the sign-in
/// page (and back afterwards); the API answers 401.
pub struct SignedIn(pub Arc<Viewer>);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        if let Some(viewer) = parts.extensions.get::<Arc<Viewer>>() {
            return Ok(SignedIn(viewer.clone()));
        }
        if parts.uri.path().starts_with("/api/") {
            let error = if session_ended(parts) {
                AppError::SessionEnded
            } else {
                AppError::Unauthorized
            };
            return Err(error.into_response());
        }
        // Back to the page after signing in; a form post cannot be repeated by a link.
        let back = if parts.method == axum::http::Method::GET {
            parts.uri.path_and_query().map_or("/", |p| p.as_str())
        } else {
            "/"
        };
        let mut target = format!("/inloggen?terug={}", crate::links::encode_query(back));
        // Someone whose session ended is told why they must sign in again.
        if session_ended(parts) {
            target.push_str("&melding=sessie-verlopen");
        }
        Err(Redirect::to(&target).into_response())
    }
}

/// A handler argument: the viewer if there is one.
pub struct MaybeSignedIn(pub Option<Arc<Viewer>>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeSignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeSignedIn(
            parts.extensions.get::<Arc<Viewer>>().cloned(),
        ))
    }
}
