//! Who is asking: the viewer behind a session cookie or an API token, from the viewer cache
//! when it holds them and is fresh, or else from the store (one statement, and a second at
//! most once a minute to note that the session or token is in use).

use std::sync::Arc;

use leidraad_domain::accounts::Secret;

use crate::{App, Error, SessionInfo, Viewer};

/// What a request presented.
pub enum Credential {
    /// A browser session's cookie.
    Session(Secret),
    /// A bearer token of the API.
    ApiToken(Secret),
}

/// Who that turned out to be.
pub enum Identity {
    Known(Arc<Viewer>),
    /// A session cookie of a session that has ended (or never was): the browser may drop it.
    EndedSession,
    /// An API token that is unknown or revoked.
    UnknownToken,
}

/// Resolves a credential at `now`.
pub async fn identify(app: &App, credential: &Credential, now: i64) -> Result<Identity, Error> {
    match credential {
        Credential::ApiToken(token) => {
            let key = format!("token:{}", token.digest());
            if let Some(viewer) = app.viewers.get(&key, now, app.settings.session) {
                return Ok(Identity::Known(viewer));
            }
            let Some(viewer) = token_viewer(app, token, now).await? else {
                return Ok(Identity::UnknownToken);
            };
            let viewer = Arc::new(viewer);
            app.viewers.put(key, viewer.clone(), now, None);
            Ok(Identity::Known(viewer))
        }
        Credential::Session(secret) => {
            let key = format!("session:{}", secret.digest());
            if let Some(viewer) = app.viewers.get(&key, now, app.settings.session) {
                return Ok(Identity::Known(viewer));
            }
            let Some((viewer, session)) = session_viewer(app, secret, now).await? else {
                return Ok(Identity::EndedSession);
            };
            let viewer = Arc::new(viewer);
            app.viewers.put(key, viewer.clone(), now, Some(session));
            Ok(Identity::Known(viewer))
        }
    }
}

async fn token_viewer(app: &App, token: &Secret, now: i64) -> Result<Option<Viewer>, Error> {
    let Some((token, record)) = app.store.viewer_by_api_token(&token.digest()).await? else {
        return Ok(None);
    };
    if token.last_used_at.is_none_or(|at| at + 60 <= now) {
        app.store.note_api_token_use(token.id, now).await?;
    }
    Ok(Some(Viewer::from_record(record, None)))
}

/// The viewer behind a live session, with the session's start and last request. A session
/// past its lifetime is ended here.
async fn session_viewer(
    app: &App,
    secret: &Secret,
    now: i64,
) -> Result<Option<(Viewer, (i64, i64))>, Error> {
    let Some((session, record)) = app.store.viewer_by_session(&secret.digest()).await? else {
        return Ok(None);
    };
    let lifetime = app.settings.session;
    if !lifetime.is_alive(session.created_at, session.last_seen_at, now) {
        app.store.end_session(session.person_id, session.id).await?;
        return Ok(None);
    }
    let mut last_seen = session.last_seen_at;
    if last_seen + lifetime.touch_interval() <= now {
        app.store.touch_session(session.id, now).await?;
        last_seen = now;
    }
    let info = SessionInfo {
        id: session.id,
        csrf_token: session.csrf_token,
    };
    let viewer = Viewer::from_record(record, Some(info));
    Ok(Some((viewer, (session.created_at, last_seen))))
}
