//! The portfolio of one register cycle (`/portfolio`): a print view, a real PDF made on the
//! server, a ZIP of the PDF with every evidence file, and JSON. Only its owner reads it; every
//! file is an attachment that is never cached.

mod document;
mod export;
mod pdf;

use askama::Template;
use axum::extract::State;
use axum::http::Method;
use axum::response::Response;
use axum::routing::{MethodRouter, get};
use leidraad_app::portfolio as logic;

use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};
pub use document::Block;
pub(crate) use export::{as_json as portfolio_json, pdf_response as portfolio_pdf};

/// The routes ([`crate::routes::Reach::Plan`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/portfolio", get(get_view)),
        (M::GET, "/portfolio.pdf", get(export::get_pdf)),
        (M::GET, "/portfolio.zip", get(export::get_zip)),
        (M::GET, "/portfolio.json", get(export::get_json)),
    ]
}

#[derive(Template)]
#[template(path = "portfolio.html")]
pub struct PortfolioPage {
    page: PageContext,
    blocks: Vec<Block>,
}

/// The print view: the same blocks as the PDF, laid out for the screen and the printer.
pub async fn get_view(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let portfolio = logic::portfolio(&state, &viewer).await?;
    render(&PortfolioPage {
        page: PageContext::new(tr, "/portfolio", Section::Other),
        blocks: document::blocks(&state, tr, &portfolio),
    })
}
