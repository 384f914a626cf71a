//! The session cookie: the browser's only half of a signed-in session.

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

    /// Whether `headers` (a response's) already set or clear this cookie.
    pub fn is_set_by(self, headers: &HeaderMap) -> bool {
        let prefix = format!("{}=", self.name());
        headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.starts_with(&prefix))
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
