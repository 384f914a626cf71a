//! The rater's token link as browsers and API clients hold it once `/b/{token}` has been
//! opened: a cookie of its own (`leidraad_link`), or `Authorization: Bearer <token>` from an
//! API client. A rater has no account, so nothing of a session is looked at on these routes
//! (see [`is_link_path`] and the `authenticate` middleware): a signed-in member who answers
//! through a link is a link holder like anyone else.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use leidraad_app::feedback::RaterForm;
use leidraad_domain::accounts::digest_of;
use leidraad_store::feedback::RoundState;

use crate::error::AppError;

pub const LINK_COOKIE: &str = "leidraad_link";
/// The name of the general comment where a domain's id would stand: in the API's paths and
/// bodies and in the page's form fields. No domain of a framework is called this.
pub const GENERAL_COMMENT: &str = "algemeen";
/// A page's script sends the link's form token in this header, as with a session.
pub(crate) const CSRF_HEADER: &str = "x-csrf-token";
/// The longest credential read: a token is 64 hex digits; anything much longer is not one,
/// and is not worth hashing.
pub(crate) const MAX_TOKEN_CHARS: usize = 128;

/// The routes of [`crate::routes::Reach::Link`]: the link itself, the rater's pages and the
/// rater's API. The route table's own test holds every `Link` route to these prefixes.
pub fn is_link_path(path: &str) -> bool {
    crate::scan_link::is_respondent_path(path)
        || path.starts_with("/b/")
        || path == "/beoordelen"
        || path.starts_with("/beoordelen/")
        || path == "/api/v1/rater"
        || path.starts_with("/api/v1/rater/")
}

/// The token in the request's `leidraad_link` cookie, if it sent one.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    named_cookie(headers, LINK_COOKIE)
}

/// The value of the cookie `name`, if the request sent it (cut to a token's length at most).
pub fn named_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.chars().take(MAX_TOKEN_CHARS).collect())
}

/// Puts the link's cookie on a response: HttpOnly (no script reads it), SameSite=Lax (no
/// other site's form or script sends it), Secure over HTTPS, and living `max_age` seconds,
/// which the caller keeps within the round's closing.
pub fn set_cookie(headers: &mut HeaderMap, token: &str, max_age: i64, secure: bool) {
    set_named_cookie(headers, LINK_COOKIE, token, max_age, secure);
}

/// [`set_cookie`] for a cookie of another name.
pub fn set_named_cookie(
    headers: &mut HeaderMap,
    name: &str,
    token: &str,
    max_age: i64,
    secure: bool,
) {
    let secure = if secure { "; Secure" } else { "" };
    let cookie =
        format!("{name}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.append(header::SET_COOKIE, value);
    }
}

/// Removes a cookie whose link is not known (any more).
pub fn clear_cookie(headers: &mut HeaderMap, secure: bool) {
    set_cookie(headers, "", 0, secure);
}

/// The form token of a link's pages: derived from the link's token, so only who holds the
/// link can know it, and no table needs to keep it.
pub fn csrf_token(token: &str) -> String {
    digest_of(&format!("leidraad-link-form:{token}"))
}

/// Where the page's script keeps typed comments on the device until the server has them
/// (`localStorage`, under this prefix): named after the link without giving it away.
pub fn draft_prefix(token: &str) -> String {
    let name = digest_of(&format!("leidraad-link-draft:{token}"));
    format!("leidraad-concept:beoordeling-{}:", &name[..16])
}

/// Whether `presented` is the form token of `token`, compared in constant time.
pub fn csrf_matches(token: &str, presented: &str) -> bool {
    let expected = csrf_token(token);
    expected.len() == presented.len()
        && expected
            .bytes()
            .zip(presented.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Where a link stands, which decides what its holder sees: the form, thanks, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The round is open and the link has not submitted: the form.
    Open,
    /// The link has submitted: thanks, and never the answers.
    Submitted,
    /// The round has closed (and its report is released) before this link submitted.
    Closed,
    /// The leader has not started the round yet (or their coach has not approved it).
    NotYetOpen,
}

impl Standing {
    pub fn of(form: &RaterForm) -> Standing {
        if form.link.answered {
            return Standing::Submitted;
        }
        match form.round.state {
            RoundState::Open => Standing::Open,
            RoundState::Closed => Standing::Closed,
            RoundState::Concept | RoundState::AwaitingApproval => Standing::NotYetOpen,
        }
    }

    /// The stable code in the API.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Open => "open",
            Standing::Submitted => "submitted",
            Standing::Closed => "closed",
            Standing::NotYetOpen => "not-open",
        }
    }
}

/// The domain a comment is on ("" for the general comment), from its name in a path, body
/// or form field.
pub fn comment_domain(name: &str) -> &str {
    if name == GENERAL_COMMENT { "" } else { name }
}

/// How an API request presented its link.
pub enum LinkCredential {
    /// The cookie, from the form page's script: a change must also carry the form token.
    Cookie(String),
    /// `Authorization: Bearer <token>`: an API client; browsers never add it by themselves.
    Bearer(String),
}

impl LinkCredential {
    pub fn token(&self) -> &str {
        match self {
            LinkCredential::Cookie(token) | LinkCredential::Bearer(token) => token,
        }
    }
}

/// The token a request presents: from `Authorization: Bearer <token>` (`true`: an API
/// client) or else from the cookie `cookie` (`false`: a page's script). Without either, 401.
/// Shared by the rater's and the team-scan respondent's extractors.
pub(crate) fn presented_token(parts: &Parts, cookie: &str) -> Result<(String, bool), AppError> {
    if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|v| v.trim().chars().take(MAX_TOKEN_CHARS).collect());
        return token.map(|t| (t, true)).ok_or(AppError::Unauthorized);
    }
    named_cookie(&parts.headers, cookie)
        .filter(|token| !token.is_empty())
        .map(|t| (t, false))
        .ok_or(AppError::Unauthorized)
}

/// A change sent with the cookie must carry the page's form token in `X-CSRF-Token`. The
/// middleware has already refused a request another site's page sent (`Sec-Fetch-Site`,
/// `Origin`); the token also covers a browser that sends neither.
pub(crate) fn check_form_header(parts: &Parts, token: &str) -> Result<(), AppError> {
    let presented = parts
        .headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if csrf_matches(token, presented) {
        Ok(())
    } else {
        Err(AppError::CrossSite)
    }
}

/// A handler argument of the rater's API: the link, from the bearer header or the cookie.
/// Without either the answer is 401; a token that is presented but unknown is the handler's
/// 404 (and counts as a guess).
impl<S: Send + Sync> FromRequestParts<S> for LinkCredential {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(match presented_token(parts, LINK_COOKIE)? {
            (token, true) => LinkCredential::Bearer(token),
            (token, false) => LinkCredential::Cookie(token),
        })
    }
}

/// A handler argument of the rater's API operations that change something: the link, and
/// for the cookie also the form token (see [`check_form_header`]).
pub struct LinkWriter(pub LinkCredential);

impl<S: Send + Sync> FromRequestParts<S> for LinkWriter {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let credential = LinkCredential::from_request_parts(parts, state).await?;
        if let LinkCredential::Cookie(token) = &credential {
            check_form_header(parts, token)?;
        }
        Ok(LinkWriter(credential))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_rater_routes_are_link_paths() {
        for path in [
            "/b/abc",
            "/beoordelen",
            "/beoordelen/inleveren",
            "/api/v1/rater",
            "/api/v1/rater/answers/visie-01",
        ] {
            assert!(is_link_path(path), "{path}");
        }
        for path in [
            "/",
            "/beoordelenx",
            "/api/v1/raters",
            "/feedback/1",
            "/bestuur",
        ] {
            assert!(!is_link_path(path), "{path}");
        }
    }

    #[test]
    fn the_form_token_belongs_to_its_link() {
        let token = "a".repeat(64);
        assert!(csrf_matches(&token, &csrf_token(&token)));
        assert!(!csrf_matches(&token, &csrf_token(&"b".repeat(64))));
        assert!(!csrf_matches(&token, ""));
    }

    #[test]
    fn the_cookie_is_read_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("leidraad_lang=en; leidraad_link=abc; x=y"),
        );
        assert_eq!(cookie_token(&headers).as_deref(), Some("abc"));
        let mut set = HeaderMap::new();
        set_cookie(&mut set, "abc", 60, true);
        let cookie = set[header::SET_COOKIE].to_str().unwrap();
        assert_eq!(
            cookie,
            "leidraad_link=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure"
        );
    }
}
