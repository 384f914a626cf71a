//! Cross-site request forgery, refused twice over for every state-changing request:
//!
//! 1. The browser's own word on where the request came from: `Sec-Fetch-Site` must be
//!    `same-origin` (or `none`, typed by the person), and an `Origin`, when sent, must be this
//!    host. Every current browser sends one or both; scripts send neither and pass.
//! 2. A signed-in browser session must also present the session's token, in the form field
//!    [`CSRF_FIELD`] or the `X-CSRF-Token` header. API tokens need none: a browser never
//!    attaches them on its own.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};

use super::Viewer;
use crate::error::AppError;

pub const CSRF_FIELD: &str = "csrf_token";
const CSRF_HEADER: &str = "x-csrf-token";
/// Our forms are small; a larger form body is refused before it is read.
const MAX_FORM_BYTES: usize = 64 * 1024;

pub async fn guard(request: &mut Request, viewer: Option<&Viewer>) -> Result<(), AppError> {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return Ok(());
    }
    if !same_origin(request.headers()) {
        return Err(AppError::CrossSite);
    }
    let Some(expected) = viewer.and_then(Viewer::csrf_token) else {
        return Ok(());
    };
    let presented = match header_token(request.headers()) {
        Some(token) => Some(token),
        None if is_multipart(request.headers()) => query_token(request.uri()),
        None => form_token(request).await?,
    };
    match presented {
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(AppError::CrossSite),
    }
}

/// `Sec-Fetch-Site` decides when present: every current browser sends it, and it stays
/// truthful where `Origin` does not (a page with `Referrer-Policy: no-referrer`, such as the
/// reset page, makes the browser send `Origin: null`). Without it, `Origin` must name this
/// host; without either, the request is not from a browser.
fn same_origin(headers: &HeaderMap) -> bool {
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if let Some(site) = site {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    origin_host.is_some() && origin_host == host
}

fn header_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// A file upload's form (multipart, megabytes) carries the token in its action's query
/// instead: this guard reads no such body. Request lines are never logged (see the README's
/// logging), and the token is the session's, bound to its cookie.
fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

fn query_token(uri: &axum::http::Uri) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(name, _)| name == CSRF_FIELD)
        .map(|(_, value)| value.into_owned())
}

/// Reads the token from a urlencoded form body and puts the body back for the handler.
async fn form_token(request: &mut Request) -> Result<Option<String>, AppError> {
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok(None);
    }
    let body = std::mem::replace(request.body_mut(), Body::empty());
    let bytes = to_bytes(body, MAX_FORM_BYTES)
        .await
        .map_err(|_| AppError::TooLarge)?;
    let token = form_urlencoded::parse(&bytes)
        .find(|(name, _)| name == CSRF_FIELD)
        .map(|(_, value)| value.into_owned());
    *request.body_mut() = Body::from(bytes);
    Ok(token)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap()))
            .collect()
    }

    #[test]
    fn same_origin_requests_and_scripts_pass() {
        assert!(same_origin(&headers(&[])));
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(same_origin(&headers(&[
            ("origin", "http://localhost:8080"),
            ("host", "localhost:8080")
        ])));
        // A no-referrer page: the browser hides the origin but still says same-origin.
        assert!(same_origin(&headers(&[
            ("origin", "null"),
            ("sec-fetch-site", "same-origin"),
            ("host", "localhost:8080")
        ])));
    }

    #[test]
    fn cross_site_requests_are_refused() {
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!same_origin(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "leidraad.example")
        ])));
        assert!(!same_origin(&headers(&[("origin", "null"), ("host", "a")])));
        assert!(!same_origin(&headers(&[
            ("origin", "http://a"),
            ("sec-fetch-site", "cross-site"),
            ("host", "a")
        ])));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
