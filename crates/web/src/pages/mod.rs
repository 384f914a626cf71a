//! The HTML pages. Handlers gather view models (plain, already-localised values) and render an
//! askama template; templates only lay out what they are given and ask `page.tr` for words.

mod content;
pub use content::{card_url, dialogue_card_url};
mod language_switch;
mod search;

use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware::from_fn_with_state;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};

use crate::AppState;
use crate::assets;
use crate::error::{AppError, Problem};
use crate::i18n::Tr;
use crate::page_cache::serve_cached;

pub fn router(state: AppState) -> Router<AppState> {
    // Pages that depend only on the content and the language: built once, then from memory.
    let content_pages = Router::new()
        .route("/", get(content::get_home))
        .route("/kaders", get(content::get_frameworks))
        .route("/standaard", get(content::get_standard))
        .route("/dialoogkaarten", get(content::get_dialogue_deck))
        .route("/afdrukken", get(content::get_print))
        .route("/kaders/{framework}", get(content::get_standard))
        .route("/kaders/{framework}/kaarten/{card}", get(content::get_card))
        .route(
            "/kaders/{framework}/dialoogkaarten",
            get(content::get_dialogue_deck),
        )
        .route(
            "/kaders/{framework}/dialoogkaarten/{card}",
            get(content::get_dialogue_card),
        )
        .route("/kaders/{framework}/afdrukken", get(content::get_print))
        .route_layer(from_fn_with_state(state, serve_cached));
    Router::new()
        .merge(content_pages)
        .route(
            "/kaders/{framework}/dialoogkaarten/trek",
            get(content::get_draw_dialogue_card),
        )
        .route("/zoeken", get(search::get_search))
        .route("/taal", post(language_switch::post_language))
}

/// Which part of the site a page belongs to, for the navigation's `aria-current`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Standard,
    Dialogue,
    Search,
    Print,
    Other,
}

/// What the layout needs on every page.
pub struct PageContext {
    pub tr: Tr,
    /// Path and query of this page, where the language switch returns to.
    pub path: String,
    pub section: Section,
    /// The search box's text.
    pub query: String,
}

impl PageContext {
    pub fn new(tr: Tr, path: impl Into<String>, section: Section) -> Self {
        PageContext {
            tr,
            path: path.into(),
            section,
            query: String::new(),
        }
    }

    pub fn css_url(&self) -> &'static str {
        assets::css_url()
    }

    pub fn js_url(&self) -> &'static str {
        assets::js_url()
    }

    /// `aria-current="page"` for the navigation link of this page's section.
    pub fn current(&self, section: &str) -> &'static str {
        let this = match self.section {
            Section::Home => "home",
            Section::Standard => "standard",
            Section::Dialogue => "dialogue",
            Section::Search => "search",
            Section::Print => "print",
            Section::Other => "",
        };
        if this == section { "page" } else { "false" }
    }

    pub fn other_language_code(&self) -> &'static str {
        self.tr.other().code()
    }

    pub fn other_language_name(&self) -> &'static str {
        self.tr.other().endonym()
    }
}

/// Renders a template as an HTML response that varies by language.
pub fn render(template: &impl Template) -> Result<Response, AppError> {
    let html = template.render()?;
    let mut response = Html(html).into_response();
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: PageContext,
    pub status: u16,
    pub title: String,
    pub message: String,
}

impl ErrorPage {
    pub fn new(tr: Tr, problem: Problem) -> Self {
        let page = PageContext::new(tr, "/", Section::Other);
        ErrorPage {
            status: problem.status.as_u16(),
            title: tr
                .t(&format!("problem-{}-title", problem.code))
                .into_owned(),
            message: tr.t(&format!("problem-{}", problem.code)).into_owned(),
            page,
        }
    }
}
