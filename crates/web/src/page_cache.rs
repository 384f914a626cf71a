//! Answers that depend only on the content and the language — the standard, card pages, the
//! dialogue cards, the print sheets, the framework JSON — are built once and then served from
//! memory. The content cannot change while the server runs, so nothing ever needs evicting,
//! and only successful answers to known paths are kept, which bounds the cache by the number
//! of pages times the number of languages.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leidraad_domain::Language;

use crate::language::negotiate;
use leidraad_app::Viewer;

/// Larger bodies are served but not kept; no page of ours comes near this.
const MAX_CACHED_BODY: usize = 1 << 20;
/// The only query strings a cacheable page understands; any other query bypasses the cache.
const CACHEABLE_QUERIES: [&str; 1] = ["lege=nee"];

#[derive(Clone, Default)]
pub struct PageCache {
    entries: Arc<RwLock<HashMap<(Language, String), CachedAnswer>>>,
}

#[derive(Clone)]
struct CachedAnswer {
    headers: HeaderMap,
    body: Bytes,
}

impl PageCache {
    fn get(&self, key: &(Language, String)) -> Option<CachedAnswer> {
        self.entries.read().ok()?.get(key).cloned()
    }

    fn insert(&self, key: (Language, String), answer: CachedAnswer) {
        if let Ok(mut entries) = self.entries.write() {
            entries.insert(key, answer);
        }
    }
}

fn cache_key(request: &Request) -> Option<(Language, String)> {
    let uri = request.uri();
    let key = match uri.query() {
        None | Some("") => uri.path().to_owned(),
        Some(query) if CACHEABLE_QUERIES.contains(&query) => format!("{}?{query}", uri.path()),
        Some(_) => return None,
    };
    Some((negotiate(request.headers()), key))
}

/// Route middleware: serves a kept answer, or runs the handler and keeps a successful one.
pub async fn serve_cached(
    State(pages): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    // A signed-in person's pages carry their own menu and form tokens: never shared.
    let signed_in = request
        .extensions()
        .get::<std::sync::Arc<Viewer>>()
        .is_some();
    // Only GET is answered from memory: any other method goes to the router, which answers
    // 405 where the page does not take it.
    let is_get = request.method() == axum::http::Method::GET;
    let Some(key) = cache_key(&request).filter(|_| !signed_in && is_get) else {
        return next.run(request).await;
    };
    if let Some(answer) = pages.get(&key) {
        return respond(answer);
    }
    let response = next.run(request).await;
    // Only a successful answer whose size is known to fit is kept; anything else passes
    // through untouched, so a large or streamed body is never cut off.
    let fits = response
        .body()
        .size_hint()
        .upper()
        .is_some_and(|size| size <= MAX_CACHED_BODY as u64);
    if response.status() != StatusCode::OK || !fits {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_CACHED_BODY).await else {
        tracing::error!("a cacheable answer could not be read");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut headers = HeaderMap::new();
    for name in [header::CONTENT_TYPE, header::VARY, header::CACHE_CONTROL] {
        if let Some(value) = parts.headers.get(&name) {
            headers.insert(name, value.clone());
        }
    }
    pages.insert(
        key,
        CachedAnswer {
            headers,
            body: body.clone(),
        },
    );
    Response::from_parts(parts, Body::from(body))
}

fn respond(answer: CachedAnswer) -> Response {
    let mut response = Response::new(Body::from(answer.body));
    *response.headers_mut() = answer.headers;
    response
}
