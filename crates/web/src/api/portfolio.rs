//! The portfolio in the API: the file of one's register cycle as JSON, and as the same PDF the
//! pages offer. Only one's own; the rules of what it holds are the app's
//! (`leidraad_app::portfolio`), the words and the layout the pages' (`pages::portfolio`).

use axum::Json;
use axum::extract::State;
use axum::http::Method;
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;

#[derive(OpenApi)]
#[openapi(
    paths(get_portfolio, get_portfolio_pdf),
    components(schemas(PortfolioDocument)),
    tags((name = "portfolio", description = "One's portfolio for re-registration: the register \
        cycle ordered by the nine domains of the standard. Only its owner reaches it."))
)]
pub struct PortfolioApi;

/// The rows of the route table ([`crate::routes::Reach::Plan`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/api/v1/portfolio", get(get_portfolio)),
        (Method::GET, "/api/v1/portfolio/pdf", get(get_portfolio_pdf)),
    ]
}

/// The portfolio as data: the same as `portfolio.json` in the ZIP.
#[derive(Serialize, ToSchema)]
pub struct PortfolioDocument {
    pub owner: String,
    /// The first and last day it covers, `YYYY-MM-DD`.
    pub from: String,
    pub until: String,
    pub framework: String,
    pub total_points: i64,
    pub total_minutes: i64,
    /// The register cycle with its progress and points per year; null before one is set.
    #[schema(value_type = Option<Object>)]
    pub cycle: serde_json::Value,
    /// The nine domains in the standard's order and last what touches none (`domain` null),
    /// each with its activities, pile moves, 360° cards and plan themes.
    #[schema(value_type = Vec<Object>)]
    pub domains: serde_json::Value,
}

/// One's portfolio of the current register cycle (without a cycle: everything until today).
#[utoipa::path(get, path = "/api/v1/portfolio", tag = "portfolio", responses((status = 200, body = PortfolioDocument)))]
pub async fn get_portfolio(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<PortfolioDocument>, AppError> {
    let portfolio = leidraad_app::portfolio::portfolio(&state, &viewer).await?;
    let mut json = crate::pages::portfolio_json(&portfolio);
    let field = |key: &str| json[key].as_str().unwrap_or_default().to_owned();
    Ok(Json(PortfolioDocument {
        owner: field("owner"),
        from: field("from"),
        until: field("until"),
        framework: field("framework"),
        total_points: portfolio.total_points,
        total_minutes: portfolio.total_minutes,
        cycle: json["cycle"].take(),
        domains: json["domains"].take(),
    }))
}

/// The portfolio as a PDF, in the language of `Accept-Language`: an attachment, never cached.
#[utoipa::path(get, path = "/api/v1/portfolio/pdf", tag = "portfolio", responses(
    (status = 200, description = "the PDF", content((Vec<u8> = "application/pdf")))
))]
pub async fn get_portfolio_pdf(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let portfolio = leidraad_app::portfolio::portfolio(&state, &viewer).await?;
    Ok(crate::pages::portfolio_pdf(&state, tr, &portfolio))
}
