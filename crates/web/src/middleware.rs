//! The middleware every request passes, outermost first:
//! 1. request log (one line per request, span named after the route, never the query string:
//!    it may hold what people typed);
//! 2. security headers (on a rater's link routes: no `Referer` at all, nothing kept);
//! 3. error rendering (every 4xx/5xx becomes a page or a JSON problem in the user's language);
//! 4. panic catching (a panic becomes a 500, never a dropped connection or a trace);
//! 5. a time limit per request.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue, Response, StatusCode, header};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::AppState;
use crate::error::{OwnErrorBody, Problem, problem_json};
use crate::i18n::Tr;
use crate::language::negotiate;
use crate::pages::problem_page;

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub fn wrap(routes: Router<AppState>, state: AppState) -> Router {
    let security_headers = ServiceBuilder::new()
        .layer(header_layer(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        // A page that carries a secret in its address (reset links) sets its own, stricter one.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(header_layer(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(header_layer(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        // Nothing is kept in a browser's or proxy's cache unless a route says it may be (the
        // fingerprinted assets do): personal pages, API answers and pages with a secret in
        // their address are never stored, now or in any route added later.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        // Over HTTPS the browser is told never to try plain HTTP again.
        .layer(tower::util::option_layer(
            state
                .settings
                .secure_cookies()
                .then(|| header_layer(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000")),
        ));
    routes
        .fallback(fallback)
        .layer(
            ServiceBuilder::new()
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(request_span)
                        .on_request(())
                        .on_response(log_response),
                )
                .layer(security_headers)
                .layer(from_fn(link_privacy))
                .layer(from_fn(render_errors))
                .layer(CatchPanicLayer::custom(|_| {
                    tracing::error!("a handler panicked");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(30),
                ))
                .layer(from_fn_with_state(state.clone(), crate::auth::authenticate)),
        )
        .with_state(state)
}

fn header_layer(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
}

fn request_span(request: &Request) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", MatchedPath::as_str);
    tracing::info_span!("request", method = %request.method(), route = %route)
}

fn log_response(response: &Response<Body>, latency: Duration, _span: &Span) {
    tracing::info!(
        status = response.status().as_u16(),
        latency_us = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX),
        "served"
    );
}

async fn fallback() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// A rater's link routes and a dialogue participant's (their error pages too) tell the browser
/// to send no `Referer` from them, since they carry the token in their address, and to keep
/// nothing.
async fn link_privacy(request: Request, next: Next) -> Response<Body> {
    let path = request.uri().path();
    let is_link =
        crate::rater_link::is_link_path(path) || crate::pages::dialogue::is_participant_path(path);
    let mut response = next.run(request).await;
    if is_link {
        let headers = response.headers_mut();
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Gives every error status a body in the user's language: a page, or under `/api` a problem
/// object. Responses that already carry one (a JSON problem) pass unchanged.
async fn render_errors(request: Request, next: Next) -> Response<Body> {
    let tr = Tr::new(negotiate(request.headers()));
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let already_rendered = response.extensions().get::<OwnErrorBody>().is_some()
        || response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v == "application/problem+json");
    if already_rendered {
        return response;
    }
    let problem = response
        .extensions()
        .get::<Problem>()
        .copied()
        .unwrap_or_else(|| Problem::for_status(status));
    let mut rendered = if is_api {
        problem_json(problem, tr)
    } else {
        problem_page(problem, tr)
    };
    // Headers that belong to the answer, not to its body.
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(value) = response.headers().get(&name) {
            rendered.headers_mut().insert(name, value.clone());
        }
    }
    for cookie in response.headers().get_all(header::SET_COOKIE) {
        rendered
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    rendered
}
