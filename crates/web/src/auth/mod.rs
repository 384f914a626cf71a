//! Who is asking: a signed-in person (session cookie) or a script (API token), resolved once
//! per request by [`authenticate`], which also guards every state-changing request against
//! cross-site forgery. Handlers take [`SignedIn`] and ask [`Viewer::may`]; they never look at
//! roles themselves.

mod cache;
mod csrf;
mod secrets;
mod session_cookie;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{
    Action, Actor, DenyReason, Membership, OrganisationId, PersonId, Secret, Target, decide,
};
use leidraad_store::accounts::MembershipRecord;

use crate::AppState;
use crate::error::AppError;

pub use cache::ViewerCache;
pub use csrf::CSRF_FIELD;
pub use secrets::{new_salt, new_secret};
pub use session_cookie::{ClientAddress, SessionCookie, user_agent};

tokio::task_local! {
    /// The viewer of the request being served, so that every page's layout (the account menu,
    /// the CSRF field of each form) is right without threading it through every handler.
    static CURRENT_VIEWER: Option<Arc<Viewer>>;
}

/// The person behind a request and everything the policy needs about them.
#[derive(Debug)]
pub struct Viewer {
    pub person: PersonId,
    pub name: String,
    pub email: String,
    pub actor: Actor,
    pub memberships: Vec<MembershipRecord>,
    /// The browser session, when signed in by cookie; `None` for an API token.
    pub session: Option<SessionInfo>,
}

#[derive(Debug, Clone)]
pub struct SessionInfo {
    pub id: i64,
    pub csrf_token: String,
}

impl Viewer {
    /// Asks the policy. A denial that must not reveal the target becomes 404, exactly as if
    /// the target did not exist; a member without the right role gets 403.
    pub fn may(&self, action: Action, target: &Target<'_>) -> Result<(), AppError> {
        decide(&self.actor, action, target)
            .into_result()
            .map_err(denial)
    }

    pub fn allowed(&self, action: Action, target: &Target<'_>) -> bool {
        decide(&self.actor, action, target).is_allowed()
    }

    /// The person's membership in `organisation`, or 404 when there is none.
    pub fn membership(&self, organisation: OrganisationId) -> Result<&MembershipRecord, AppError> {
        self.memberships
            .iter()
            .find(|m| m.organisation.organisation_id() == organisation)
            .ok_or(AppError::NotFound)
    }

    pub fn csrf_token(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.csrf_token.as_str())
    }

    /// The viewer of the request being served, if any (see [`CURRENT_VIEWER`]).
    pub fn current() -> Option<Arc<Viewer>> {
        CURRENT_VIEWER.try_with(Clone::clone).ok().flatten()
    }
}

fn denial(reason: DenyReason) -> AppError {
    if reason.hides_existence() {
        AppError::NotFound
    } else {
        AppError::Forbidden
    }
}

pub fn actor_of(person: PersonId, memberships: &[MembershipRecord]) -> Actor {
    memberships.iter().fold(Actor::new(person), |actor, m| {
        actor.with_membership(
            Membership::new(m.organisation.organisation_id(), m.roles)
                .in_schools(m.schools.iter().copied()),
        )
    })
}

/// Loads everything the policy needs about a person; `None` when the account is gone.
pub async fn load_viewer(
    state: &AppState,
    person: PersonId,
    session: Option<SessionInfo>,
) -> Result<Option<Viewer>, AppError> {
    let Some(record) = state.store.person(person).await? else {
        return Ok(None);
    };
    let memberships = state.store.memberships_of(person).await?;
    Ok(Some(Viewer {
        person,
        name: record.name,
        email: record.email,
        actor: actor_of(person, &memberships),
        memberships,
        session,
    }))
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
    }
    let changes_state = !matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    let leaves_viewers_alone = cache::leaves_viewers_alone(request.uri().path());
    let mut response = CURRENT_VIEWER.scope(viewer, next.run(request)).await;
    let succeeded = response.status().is_success() || response.status().is_redirection();
    if changes_state && succeeded && !leaves_viewers_alone {
        state.viewers.forget_all();
        state.reflection_shapes.forget_all();
    }
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
    let unauthorized = || AppError::Unauthorized.into_response();
    match credentials(headers, &state.session_cookie) {
        Credentials::None => Ok((None, false)),
        Credentials::Bearer(None) => Err(unauthorized()),
        Credentials::Bearer(Some(token)) => {
            let key = format!("token:{}", token.digest());
            if let Some(viewer) = state.viewers.get(&key, now, state.settings.session) {
                return Ok((Some(viewer), false));
            }
            let person = state
                .store
                .use_api_token(&token.digest(), now)
                .await
                .map_err(|e| AppError::from(e).into_response())?
                .ok_or_else(unauthorized)?;
            let viewer = load_viewer(state, person, None)
                .await
                .map_err(IntoResponse::into_response)?
                .ok_or_else(unauthorized)?;
            let viewer = Arc::new(viewer);
            state.viewers.put(key, viewer.clone(), now, None);
            Ok((Some(viewer), false))
        }
        Credentials::Cookie(secret) => {
            let key = format!("session:{}", secret.digest());
            if let Some(viewer) = state.viewers.get(&key, now, state.settings.session) {
                return Ok((Some(viewer), false));
            }
            let viewer = session_viewer(state, &secret, now)
                .await
                .map_err(IntoResponse::into_response)?;
            // A cookie for a session that has ended is removed from the browser.
            let Some((viewer, session)) = viewer else {
                return Ok((None, true));
            };
            let viewer = Arc::new(viewer);
            state.viewers.put(key, viewer.clone(), now, Some(session));
            Ok((Some(viewer), false))
        }
    }
}

/// The viewer behind a live session, with the session's start and last request.
async fn session_viewer(
    state: &AppState,
    secret: &Secret,
    now: i64,
) -> Result<Option<(Viewer, (i64, i64))>, AppError> {
    let Some(session) = state.store.session_by_digest(&secret.digest()).await? else {
        return Ok(None);
    };
    let lifetime = state.settings.session;
    if !lifetime.is_alive(session.created_at, session.last_seen_at, now) {
        state
            .store
            .end_session(session.person_id, session.id)
            .await?;
        return Ok(None);
    }
    let mut last_seen = session.last_seen_at;
    if last_seen + lifetime.touch_interval() <= now {
        state.store.touch_session(session.id, now).await?;
        last_seen = now;
    }
    let info = SessionInfo {
        id: session.id,
        csrf_token: session.csrf_token,
    };
    let viewer = load_viewer(state, session.person_id, Some(info)).await?;
    Ok(viewer.map(|viewer| (viewer, (session.created_at, last_seen))))
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
            return Err(AppError::Unauthorized.into_response());
        }
        // Back to the page after signing in; a form post cannot be repeated by a link.
        let back = if parts.method == axum::http::Method::GET {
            parts.uri.path_and_query().map_or("/", |p| p.as_str())
        } else {
            "/"
        };
        let target = format!("/inloggen?terug={}", crate::pages::encode_query(back));
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
