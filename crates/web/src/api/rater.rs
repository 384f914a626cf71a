//! Answering a 360° feedback round in the API, with the rater's token link: the form, saving
//! an answer or a comment, and submitting (a whole form in one request, if need be).

use axum::http::Method;
use axum::routing::MethodRouter;
use utoipa::OpenApi;

use crate::AppState;

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(paths(), components(schemas()))]
pub struct RaterApi;

/// The rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    Vec::new()
}
