//! The leader's 360° feedback in the API: rounds, groups, raters, the preview, sending,
//! reminders, closing, the self-rating and the released report.

use axum::http::Method;
use axum::routing::MethodRouter;
use utoipa::OpenApi;

use crate::AppState;

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(paths(), components(schemas()))]
pub struct FeedbackApi;

/// The rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    Vec::new()
}
