//! The live streams: server-sent events, one per screen. Each event goes out with its number
//! as the event id; a browser that reconnects sends the last one it saw as `Last-Event-ID`
//! and gets exactly what came after (see the app's `Follower`). The first connection names
//! the number the page was rendered at (`?na=`), so nothing between rendering and connecting
//! is lost either.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use leidraad_app::dialogues::{self as logic, Follower, Step};
use serde::Deserialize;

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;

/// A comment goes out after this long without an event, so that no proxy or phone takes
/// the quiet connection for a dead one.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

#[derive(Debug, Deserialize)]
pub struct After {
    #[serde(default)]
    na: Option<String>,
}

/// The number to continue after: `Last-Event-ID` when the browser reconnects, else `?na=`.
fn after(headers: &HeaderMap, query: &After) -> i64 {
    headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .or(query.na.as_deref())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|n| *n >= 0)
        .unwrap_or(0)
}

pub async fn get_facilitator(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<After>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let follower =
        logic::follow_as_facilitator(&state, &viewer, id, after(&headers, &query)).await?;
    Ok(event_stream(follower))
}

pub async fn get_participant(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<After>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let follower = logic::follow_as_participant(&state, &token, after(&headers, &query)).await?;
    Ok(event_stream(follower))
}

/// The stream as an HTTP answer: `text/event-stream`, never stored, never buffered by a proxy.
fn event_stream(follower: Follower) -> Response {
    // The first line asks the browser to reconnect within two seconds when the line drops.
    let first = futures_util::stream::once(async { Ok(Bytes::from_static(b"retry: 2000\n\n")) });
    let events = futures_util::stream::unfold(follower, |mut follower| async move {
        let bytes = match follower.next(KEEP_ALIVE).await {
            Ok(Some(Step::Event(event))) => {
                Bytes::from(format!("id: {}\ndata: {}\n\n", event.seq, event.body))
            }
            Ok(Some(Step::Idle)) => Bytes::from_static(b": \n\n"),
            Ok(None) => return None,
            Err(error) => {
                tracing::warn!(error = %leidraad_app::error_chain(&error), "a dialogue stream stopped");
                return None;
            }
        };
        Some((Ok::<_, Infallible>(bytes), follower))
    });
    use futures_util::StreamExt;
    let mut response = Body::from_stream(first.chain(events)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}
