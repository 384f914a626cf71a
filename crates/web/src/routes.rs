//! Route tables: lists of (method, path, handler) from which routers are built, so that the
//! tests that must walk every route (isolation between organisations, the privacy of
//! reflections) walk exactly what is served.

use std::collections::BTreeMap;

use axum::Router;
use axum::http::Method;
use axum::routing::MethodRouter;

use crate::AppState;

/// A router with every row of `table`; rows for the same path become one route.
pub fn from_table(table: Vec<(Method, &'static str, MethodRouter<AppState>)>) -> Router<AppState> {
    let mut by_path: BTreeMap<&'static str, MethodRouter<AppState>> = BTreeMap::new();
    for (_, path, handler) in table {
        let merged = match by_path.remove(path) {
            Some(existing) => existing.merge(handler),
            None => handler,
        };
        by_path.insert(path, merged);
    }
    by_path
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
}
