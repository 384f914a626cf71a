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
mod log_cache;
mod middleware;
mod page_cache;
mod pages;
mod rater_link;
mod report_cache;
mod routes;
mod scan_link;
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

pub use routes::Reach;

/// Every route of the app, page or API, with its method and who it is for: the tests walk
/// it (anonymous callers, outsiders, every role, whom a reflection is not shared with).
pub fn route_table() -> Vec<(axum::http::Method, &'static str, Reach)> {
    routes::table()
        .into_iter()
        .map(|route| (route.method, route.path, route.reach))
        .collect()
}

/// The routes of [`route_table`] that carry an organisation id.
pub fn organisation_route_table() -> Vec<(axum::http::Method, &'static str)> {
    of_reach(Reach::Organisation).collect()
}

/// The routes of [`route_table`] that read or change one reflection (`{id}`).
pub fn reflection_route_table() -> Vec<(axum::http::Method, &'static str)> {
    of_reach(Reach::Reflection)
        .filter(|(_, path)| path.contains("{id}"))
        .collect()
}

fn of_reach(reach: Reach) -> impl Iterator<Item = (axum::http::Method, &'static str)> {
    route_table()
        .into_iter()
        .filter(move |(_, _, r)| *r == reach)
        .map(|(method, path, _)| (method, path))
}

/// Every route of the app, with its middleware.
pub fn router(state: AppState) -> Router {
    let routes = routes::router(&state);
    middleware::wrap(routes, state)
}

fn health_routes() -> Vec<(
    axum::http::Method,
    &'static str,
    axum::routing::MethodRouter<AppState>,
)> {
    use axum::http::Method;
    use axum::routing::get;
    vec![
        (Method::GET, "/healthz", get(get_healthz)),
        (Method::GET, "/readyz", get(get_readyz)),
    ]
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
