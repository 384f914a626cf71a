//! Leidraad over HTTP: pages rendered on the server, a JSON API, and the middleware around
//! them. Handlers parse input into domain types at the edge and ask the store for data; they
//! hold no rules of their own.

mod api;
mod assets;
mod auth;
pub mod content_source;
mod cookie;
mod error;
mod form;
mod i18n;
mod language;
mod links;
mod middleware;
mod page_cache;
mod pages;
mod routes;
mod server;
mod state;

use std::future::Future;

use axum::Router;
use tokio::net::TcpListener;

pub use content_source::{embedded_content, read_content_dir};
// What a caller needs to build an AppState; the use cases themselves are reached through
// `leidraad_app`.
pub use leidraad_app::{Clock, Mailer, Settings};
pub use server::ServeOptions;
pub use state::AppState;

/// Every route that carries an organisation id, page or API, with its method: the isolation
/// tests call each of them as an outsider.
pub fn organisation_route_table() -> Vec<(axum::http::Method, &'static str)> {
    pages::organisation::routes()
        .into_iter()
        .chain(api::organisation_routes())
        .map(|(method, path, _)| (method, path))
        .collect()
}

/// Every route that reads or changes one reflection (`{id}`), page or API, with its method:
/// the privacy test calls each of them as someone the reflection is not shared with.
pub fn reflection_route_table() -> Vec<(axum::http::Method, &'static str)> {
    pages::reflection::routes()
        .into_iter()
        .chain(api::reflections::routes())
        .map(|(method, path, _)| (method, path))
        .filter(|(_, path)| path.contains("{id}"))
        .collect()
}

/// Every route of the app, with its middleware.
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .merge(pages::router(state.clone()))
        .merge(api::router(state.clone()))
        .merge(assets::router())
        .merge(health_router());
    middleware::wrap(routes, state)
}

fn health_router() -> Router<AppState> {
    use axum::routing::get;
    Router::new()
        .route("/healthz", get(get_healthz))
        .route("/readyz", get(get_readyz))
}

/// The process is up. Does no work: the benchmark uses it as the ceiling.
async fn get_healthz() -> &'static str {
    "ok"
}

/// The database answers.
async fn get_readyz(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> (axum::http::StatusCode, &'static str) {
    match state.store.ping().await {
        Ok(()) => (axum::http::StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check failed");
            (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "database unavailable",
            )
        }
    }
}

/// Serves with the default [`ServeOptions`] until `shutdown` completes, then lets requests in
/// flight finish within the grace period.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with_options(listener, state, ServeOptions::default(), shutdown).await
}

/// Serves until `shutdown` completes, with these limits on connections (see `server.rs`).
pub async fn serve_with_options(
    listener: TcpListener,
    state: AppState,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mail_worker = state.mailer.start(state.store.clone(), state.clock.clone());
    let served = server::serve(listener, router(state), options, shutdown).await;
    // A mail being sent now is sent again by the next run: its claim goes stale.
    mail_worker.abort();
    served
}
