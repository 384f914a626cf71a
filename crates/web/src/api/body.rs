//! The API's request bodies. Every body the document describes is a JSON object, but serde's
//! derived structs also accept an array of their fields in order (`[3, "note"]`), which the
//! document does not allow and a client would only send by mistake. `JsonBody` refuses a body
//! whose top level is an array before serde sees it, and otherwise answers as axum's `Json`
//! would: 415 for a body that is not JSON, 413 for one that is too large, 400 for one that
//! does not parse or has the wrong shape.

use axum::body::Bytes;
use axum::extract::{FromRequest, OptionalFromRequest, Request};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

/// A JSON request body whose top level is not an array.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        if !is_json(request.headers()) {
            return Err(StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response());
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if is_array(&bytes) {
            return Err(StatusCode::BAD_REQUEST.into_response());
        }
        // Straight to serde: axum's `Json` tracks the path to every field in case one is
        // wrong, an allocation per key of an 80-answer form, for a message nobody reads (the
        // problem says `bad-request` either way).
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())
    }
}

/// Like axum's `Option<Json<T>>`: no content type means no body.
impl<S: Send + Sync, T: DeserializeOwned> OptionalFromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Option<Self>, Response> {
        if !request.headers().contains_key(header::CONTENT_TYPE) {
            return Ok(None);
        }
        <Self as FromRequest<S>>::from_request(request, state)
            .await
            .map(Some)
    }
}

/// `application/json` or a `+json` type, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype.len() > 5 && subtype[subtype.len() - 5..].eq_ignore_ascii_case("+json"))
}

fn is_array(bytes: &[u8]) -> bool {
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_types_are_told_from_others() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
            is_json(&headers)
        };
        assert!(with("application/json"));
        assert!(with("Application/JSON; charset=utf-8"));
        assert!(with("application/merge-patch+json"));
        assert!(!with("text/plain"));
        assert!(!with("application/x-www-form-urlencoded"));
        assert!(!with("application/+json"));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn only_a_top_level_array_is_refused_here() {
        assert!(is_array(b" \n[1, \"note\"]"));
        assert!(!is_array(b"{\"list\": [1]}"));
        assert!(!is_array(b"null"));
        assert!(!is_array(b""));
    }
}
