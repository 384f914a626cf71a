//! The HTML pages. Handlers gather view models (plain, already-localised values) and render an
//! askama template; templates only lay out what they are given and ask `page.tr` for words.

mod content;
pub mod dialogue;
mod download;
pub mod feedback;
mod language_switch;
pub(crate) mod learning_log;
pub mod organisation;
mod plan;
mod portfolio;
pub(crate) use portfolio::{portfolio_json, portfolio_pdf};
mod profile;
pub(crate) mod rater;
pub mod reflection;
mod search;
mod sign_in;
pub(crate) mod space_scan;
mod start;
mod start_sections;
mod workbook;

pub use start::START_PATH;

use askama::Template;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};

use crate::assets;
use crate::error::{AppError, OwnErrorBody, Problem};
use crate::i18n::Tr;
use crate::routes::{Reach, Route, cached_rows, rows};

/// Every page, as rows of the route table (see [`crate::routes`]).
pub fn routes() -> Vec<Route> {
    use Method as M;
    // Pages that depend only on the content and the language: built once, then from memory.
    let content = cached_rows(vec![
        (M::GET, "/", get(content::get_home)),
        (M::GET, "/kaders", get(content::get_frameworks)),
        (M::GET, "/standaard", get(content::get_standard)),
        (M::GET, "/dialoogkaarten", get(content::get_dialogue_deck)),
        (M::GET, "/afdrukken", get(content::get_print)),
        (M::GET, "/kaders/{framework}", get(content::get_standard)),
        (
            M::GET,
            "/kaders/{framework}/kaarten/{card}",
            get(content::get_card),
        ),
        (
            M::GET,
            "/kaders/{framework}/dialoogkaarten",
            get(content::get_dialogue_deck),
        ),
        (
            M::GET,
            "/kaders/{framework}/dialoogkaarten/{card}",
            get(content::get_dialogue_card),
        ),
        (
            M::GET,
            "/kaders/{framework}/afdrukken",
            get(content::get_print),
        ),
    ]);
    let public = rows(
        Reach::Public,
        vec![
            (
                M::GET,
                "/kaders/{framework}/dialoogkaarten/trek",
                get(content::get_draw_dialogue_card),
            ),
            (M::GET, "/zoeken", get(search::get_search)),
            (M::POST, "/taal", post(language_switch::post_language)),
            (M::GET, "/installatie", get(sign_in::get_setup)),
            (M::POST, "/installatie", post(sign_in::post_setup)),
            (M::GET, "/inloggen", get(sign_in::get_sign_in)),
            (M::POST, "/inloggen", post(sign_in::post_sign_in)),
            (M::GET, "/wachtwoord-vergeten", get(sign_in::get_forgot)),
            (M::POST, "/wachtwoord-vergeten", post(sign_in::post_forgot)),
            (
                M::GET,
                "/wachtwoord-herstellen/{token}",
                get(sign_in::get_reset),
            ),
            (
                M::POST,
                "/wachtwoord-herstellen/{token}",
                post(sign_in::post_reset),
            ),
            (M::GET, "/uitnodiging/{token}", get(sign_in::get_invitation)),
            (
                M::POST,
                "/uitnodiging/{token}",
                post(sign_in::post_invitation),
            ),
            // The account page's old addresses: a permanent redirect needs nobody signed in.
            (M::GET, "/profiel", get(profile::redirect_old_path)),
            (M::POST, "/profiel", post(profile::redirect_old_path)),
            (M::GET, "/profiel/{*rest}", get(profile::redirect_old_path)),
            (
                M::POST,
                "/profiel/{*rest}",
                post(profile::redirect_old_path),
            ),
        ],
    );
    let personal = rows(
        Reach::Personal,
        vec![
            (M::POST, "/uitloggen", post(sign_in::post_sign_out)),
            (M::GET, start::START_PATH, get(start::get_start)),
            (M::GET, "/account", get(profile::get_account)),
            (M::POST, "/account/naam", post(profile::post_name)),
            (M::POST, "/account/wachtwoord", post(profile::post_password)),
            (
                M::POST,
                "/account/sessies/{id}/beeindigen",
                post(profile::post_end_session),
            ),
            (M::POST, "/account/tokens", post(profile::post_create_token)),
            (
                M::POST,
                "/account/tokens/{id}/intrekken",
                post(profile::post_revoke_token),
            ),
            (
                M::GET,
                "/account/gegevens.json",
                get(profile::get_export_json),
            ),
            (
                M::GET,
                "/account/gegevens.xlsx",
                get(profile::get_export_xlsx),
            ),
            (
                M::GET,
                "/account/gegevens/{table}",
                get(profile::get_export_csv),
            ),
            (
                M::GET,
                "/account/verwijderen",
                get(profile::get_delete_account),
            ),
            (
                M::POST,
                "/account/verwijderen",
                post(profile::post_delete_account),
            ),
            (
                M::GET,
                "/organisaties",
                get(organisation::get_organisations),
            ),
        ],
    );
    content
        .chain(public)
        .chain(personal)
        .chain(rows(Reach::Organisation, organisation::routes()))
        .chain(rows(Reach::Personal, learning_log::routes()))
        .chain(rows(Reach::Reflection, reflection::routes()))
        .chain(rows(Reach::Feedback, feedback::routes()))
        .chain(rows(Reach::Link, rater::routes()))
        .chain(rows(Reach::Link, space_scan::respondent_routes()))
        .chain(rows(Reach::Scan, space_scan::routes()))
        .chain(rows(Reach::Plan, plan::routes()))
        .chain(rows(Reach::Plan, portfolio::routes()))
        .chain(rows(Reach::Dialogue, dialogue::facilitator_routes()))
        .chain(rows(Reach::Participant, dialogue::participant_routes()))
        .chain(rows(Reach::Public, dialogue::join_routes()))
        .collect()
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
    /// The signed-in person, for the account menu and the forms' CSRF field.
    pub viewer: Option<std::sync::Arc<crate::auth::Viewer>>,
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
            viewer: crate::auth::current_viewer(),
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

    pub fn signed_in(&self) -> bool {
        self.viewer.is_some()
    }

    pub fn viewer_name(&self) -> &str {
        self.viewer.as_ref().map_or("", |v| v.name.as_str())
    }

    /// The hidden field every POST form carries; empty when not signed in (the origin check
    /// alone guards those forms).
    pub fn csrf_field(&self) -> String {
        match self.viewer.as_ref().and_then(|v| v.csrf_token()) {
            Some(token) => format!(
                r#"<input type="hidden" name="{}" value="{token}">"#,
                crate::auth::CSRF_FIELD
            ),
            None => String::new(),
        }
    }

    /// A date and time on the Amsterdam clock, in the page's language.
    pub fn when(&self, unix_seconds: &i64) -> String {
        leidraad_domain::local_time::LocalDateTime::amsterdam(*unix_seconds).format(self.tr.lang)
    }

    pub fn other_language_code(&self) -> &'static str {
        self.tr.other().code()
    }

    pub fn other_language_name(&self) -> &'static str {
        self.tr.other().endonym()
    }
}

pub use crate::links::encode_query;

/// The QR code of a link (a dialogue's join link, a team scan's shared link), as an SVG of at
/// least `size` pixels to put straight in the page.
pub fn qr_svg(url: &str, size: u32) -> String {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(size, size)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
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

/// A page shown again with what went wrong (a form refused, a step not confirmed), under
/// `status`; the error middleware leaves its body alone.
pub fn render_refused(template: &impl Template, status: StatusCode) -> Result<Response, AppError> {
    let mut response = render(template)?;
    *response.status_mut() = status;
    response.extensions_mut().insert(OwnErrorBody);
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
            title: problem.title(tr),
            message: problem.message(tr),
            page,
        }
    }
}

/// The error page, in the request's language.
pub fn problem_page(problem: Problem, tr: Tr) -> Response {
    let page = ErrorPage::new(tr, problem);
    match askama::Template::render(&page) {
        Ok(html) => (problem.status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "rendering the error page failed");
            (problem.status, tr.t("problem-internal")).into_response()
        }
    }
}
