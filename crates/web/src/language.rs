//! Which language a request is answered in: the remembered choice (a cookie) first, then the
//! browser's `Accept-Language`, then Dutch.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;
use leidraad_domain::Language;

use crate::i18n::Tr;

pub const LANGUAGE_COOKIE: &str = "leidraad_lang";

pub fn negotiate(headers: &HeaderMap) -> Language {
    remembered(headers)
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or_default()
}

fn remembered(headers: &HeaderMap) -> Option<Language> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .and_then(|(_, value)| value.parse().ok())
}

/// Extracts the request's translations.
impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Tr::new(negotiate(&parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_cookie_wins_over_the_browser() {
        let h = headers(&[
            ("cookie", "a=b; leidraad_lang=en"),
            ("accept-language", "nl"),
        ]);
        assert_eq!(negotiate(&h), Language::En);
    }

    #[test]
    fn the_browser_is_followed_without_a_cookie_and_dutch_is_the_default() {
        assert_eq!(
            negotiate(&headers(&[("accept-language", "en-GB")])),
            Language::En
        );
        assert_eq!(
            negotiate(&headers(&[("accept-language", "fr")])),
            Language::Nl
        );
        assert_eq!(
            negotiate(&headers(&[("cookie", "leidraad_lang=xx")])),
            Language::Nl
        );
        assert_eq!(negotiate(&HeaderMap::new()), Language::Nl);
    }
}
