use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, HeaderValue, header};
use leidraad_domain::accounts::Secret;

/// The session cookie. Over HTTPS it is `__Host-leidraad_session`: Secure, bound to this
/// exact host, path `/`. On plain-HTTP localhost (development, tests) browsers refuse both
/// the prefix and Secure, so it is `leidraad_session` there. Always HttpOnly and
/// SameSite=Lax.
#[derive(Debug, Clone, Copy)]
pub struct SessionCookie {
    secure: bool,
    max_age: i64,
}

impl SessionCookie {
    pub fn new(secure: bool, max_age: i64) -> SessionCookie {
        SessionCookie { secure, max_age }
    }

    pub fn name(self) -> &'static str {
        if self.secure {
            "__Host-leidraad_session"
        } else {
            "leidraad_session"
        }
    }

    pub fn read(self, headers: &HeaderMap) -> Option<Secret> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == self.name())
            .and_then(|(_, value)| Secret::parse(value))
    }

    pub fn set(self, headers: &mut HeaderMap, secret: &Secret) {
        self.append(headers, secret.expose(), self.max_age);
    }

    pub fn clear(self, headers: &mut HeaderMap) {
        self.append(headers, "", 0);
    }

    fn append(self, headers: &mut HeaderMap, value: &str, max_age: i64) {
        let secure = if self.secure { "; Secure" } else { "" };
        let cookie = format!(
            "{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
            self.name()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
}

/// A handler argument: the client's address, for the per-address sign-in throttle. Behind a
/// reverse proxy every request comes from the proxy, so `--trust-forwarded-for` reads the
/// first `X-Forwarded-For` address instead.
pub struct ClientAddress(pub Option<IpAddr>);

impl axum::extract::FromRequestParts<crate::AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        let forwarded = state
            .settings
            .trust_forwarded_for
            .then(|| parts.headers.get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse().ok());
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        Ok(ClientAddress(forwarded.or(peer)))
    }
}

/// The browser's description of itself, shortened, so a person can tell their sessions apart.
pub fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}
