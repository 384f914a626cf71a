use axum::Form;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::Language;
use serde::Deserialize;

use crate::error::AppError;
use crate::language::LANGUAGE_COOKIE;

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    terug: String,
}

/// Remembers the chosen language for a year and returns to the page the switch was on.
pub async fn post_language(Form(form): Form<LanguageForm>) -> Result<Response, AppError> {
    let language: Language = form.lang.parse().map_err(|_| AppError::BadRequest {
        code: "unknown-language",
    })?;
    let back = safe_return_path(&form.terug).ok_or(AppError::BadRequest {
        code: "bad-return-path",
    })?;
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        language.code()
    );
    let mut response = Redirect::to(back).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("a cookie of ASCII letters"),
    );
    Ok(response)
}

/// Only paths on this site: `/…`, never `//host` or `/\host`, which browsers treat as another
/// origin. An empty value returns home.
pub fn safe_return_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return Some("/");
    }
    let on_this_site = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && path.len() <= 2048
        && !path.chars().any(|c| c.is_control());
    on_this_site.then_some(path)
}

#[cfg(test)]
mod tests {
    use super::safe_return_path;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(safe_return_path("/kaders/x?q=1"), Some("/kaders/x?q=1"));
        assert_eq!(safe_return_path(""), Some("/"));
        assert_eq!(safe_return_path("//evil.example"), None);
        assert_eq!(safe_return_path("/\\evil.example"), None);
        assert_eq!(safe_return_path("https://evil.example"), None);
        assert_eq!(safe_return_path("/a\r\nSet-Cookie: x"), None);
    }
}
