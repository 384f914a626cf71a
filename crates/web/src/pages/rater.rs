//! The rater's pages, reached through a token link without an account: the link itself
//! (`/b/{token}`, exchanged for a cookie so the token leaves the address bar), the promise of
//! who sees what, the form, and the thanks.

use axum::http::Method;
use axum::routing::MethodRouter;

use crate::AppState;

/// The rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    Vec::new()
}
