//! A team-scan respondent's token as browsers and API clients hold it: a cookie of its own
//! (`leidraad_scan`, left by `/s/{token}` or `/t/{token}` so the token leaves the address
//! bar), or `Authorization: Bearer <token>` from an API client. Like a rater, a respondent
//! has no account, so these routes are link routes ([`crate::routes::Reach::Link`]): nothing
//! of a session is looked at, every answer is `no-store` and `no-referrer`.
//!
//! The cookie outlives the scan's closing by a year on purpose: a browser that answered
//! through the staff room's shared link keeps its own (answered) link, and so cannot answer
//! a second time through the same shared link.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::error::AppError;
use crate::rater_link::{check_form_header, named_cookie, presented_token, set_named_cookie};

pub const SCAN_COOKIE: &str = "leidraad_scan";
/// How long past the closing a browser keeps its link: long enough that the same browser
/// cannot answer again through the same shared link, short enough to be forgotten.
pub const KEEP_AFTER_CLOSING: i64 = 365 * 86_400;

/// The respondent's routes: the shared and mailed links, the questionnaire, its API.
pub fn is_respondent_path(path: &str) -> bool {
    path.starts_with("/s/")
        || path.starts_with("/t/")
        || path == "/vragenlijst"
        || path.starts_with("/vragenlijst/")
        || path == "/api/v1/respondent"
        || path.starts_with("/api/v1/respondent/")
        || path.starts_with("/api/v1/scan-links/")
}

/// The token in the request's `leidraad_scan` cookie, if it sent one.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    named_cookie(headers, SCAN_COOKIE).filter(|token| !token.is_empty())
}

/// Puts the respondent's cookie on a response, living `max_age` seconds.
pub fn set_cookie(headers: &mut HeaderMap, token: &str, max_age: i64, secure: bool) {
    set_named_cookie(headers, SCAN_COOKIE, token, max_age, secure);
}

/// Removes a cookie whose link is not known (any more).
pub fn clear_cookie(headers: &mut HeaderMap, secure: bool) {
    set_cookie(headers, "", 0, secure);
}

/// How an API request presented the respondent's link.
pub enum ScanCredential {
    /// The cookie, from the questionnaire's script: a change must also carry the form token.
    Cookie(String),
    /// `Authorization: Bearer <token>`: an API client.
    Bearer(String),
}

impl ScanCredential {
    pub fn token(&self) -> &str {
        match self {
            ScanCredential::Cookie(token) | ScanCredential::Bearer(token) => token,
        }
    }
}

/// Without a bearer header or the cookie the answer is 401; an unknown token is the
/// handler's 404 (counted as a guess).
impl<S: Send + Sync> FromRequestParts<S> for ScanCredential {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(match presented_token(parts, SCAN_COOKIE)? {
            (token, true) => ScanCredential::Bearer(token),
            (token, false) => ScanCredential::Cookie(token),
        })
    }
}

/// The credential of an operation that changes something: with the cookie, the page's form
/// token in `X-CSRF-Token` too (derived from the token, as a rater's is).
pub struct ScanWriter(pub ScanCredential);

impl<S: Send + Sync> FromRequestParts<S> for ScanWriter {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let credential = ScanCredential::from_request_parts(parts, state).await?;
        if let ScanCredential::Cookie(token) = &credential {
            check_form_header(parts, token)?;
        }
        Ok(ScanWriter(credential))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_respondent_routes_are_link_paths() {
        for path in ["/s/abc", "/t/abc", "/vragenlijst", "/vragenlijst/inleveren"] {
            assert!(is_respondent_path(path), "{path}");
            assert!(crate::rater_link::is_link_path(path), "{path}");
        }
        for path in ["/teamscans", "/sitemap", "/taal", "/api/v1/scans/1"] {
            assert!(!is_respondent_path(path), "{path}");
        }
    }
}
