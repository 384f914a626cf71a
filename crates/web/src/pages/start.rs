//! "Mijn Leidraad": the personal start page everyone lands on after signing in. It is a list
//! of sections (what is open, what comes next, what others shared, what one oversees, where
//! one belongs), each a list of items of one shape, so that feedback rounds, team scans and
//! dialogues join by adding items rather than templates.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::start_sections::sections;
use super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;

/// Where a person lands after signing in, setting up or joining when nothing else was asked.
pub const START_PATH: &str = "/mijn-leidraad";

/// One block of the page.
pub struct SectionView {
    /// The heading's id, for `aria-labelledby` and links to the block.
    pub id: &'static str,
    pub heading: String,
    /// A line under the heading; empty for none.
    pub lead: String,
    /// Beside the main column on a wide screen (what one oversees, where one belongs).
    pub side: bool,
    pub items: Vec<ItemView>,
}

/// One thing on the page: a reflection, a step, an organisation.
#[derive(Default)]
pub struct ItemView {
    /// A small line above the title, such as what kind of thing this is.
    pub eyebrow: String,
    pub title: String,
    pub text: String,
    /// Dates and such, quietly.
    pub meta: String,
    pub progress: Option<ProgressView>,
    /// Counts, as short phrases ("12 leden").
    pub facts: Vec<String>,
    pub links: Vec<LinkView>,
}

pub struct ProgressView {
    pub done: i64,
    pub total: i64,
    pub label: String,
}

pub struct LinkView {
    pub href: String,
    pub label: String,
    /// The one thing to do: drawn as a button.
    pub primary: bool,
}

impl LinkView {
    pub fn primary(href: impl Into<String>, label: impl Into<String>) -> LinkView {
        LinkView {
            href: href.into(),
            label: label.into(),
            primary: true,
        }
    }

    pub fn quiet(href: impl Into<String>, label: impl Into<String>) -> LinkView {
        LinkView {
            href: href.into(),
            label: label.into(),
            primary: false,
        }
    }
}

#[derive(Template)]
#[template(path = "start.html")]
pub struct StartPage {
    page: PageContext,
    greeting: String,
    notice: String,
    sections: Vec<SectionView>,
}

impl StartPage {
    fn column(&self, side: bool) -> Vec<&SectionView> {
        self.sections.iter().filter(|s| s.side == side).collect()
    }

    /// The sections of the main column: what waits for the person.
    pub fn main_sections(&self) -> Vec<&SectionView> {
        self.column(false)
    }

    /// The sections beside it.
    pub fn side_sections(&self) -> Vec<&SectionView> {
        self.column(true)
    }
}

#[derive(Deserialize)]
pub struct StartQuery {
    #[serde(default)]
    melding: String,
}

/// A notice after arriving: a new account, or having joined an organisation.
fn notice(tr: Tr, code: &str) -> String {
    let key = match code {
        "welkom" => "start-notice-welcome",
        "lid" => "start-notice-joined",
        "ingericht" => "start-notice-set-up",
        _ => return String::new(),
    };
    tr.t(key).into_owned()
}

pub async fn get_start(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Query(query): Query<StartQuery>,
) -> Result<Response, AppError> {
    let start = leidraad_app::start::start_page(&state, &viewer).await?;
    render(&StartPage {
        page: PageContext::new(tr, START_PATH, Section::Other),
        greeting: tr.t1("start-greeting", "name", viewer.name.as_str()),
        notice: notice(tr, &query.melding),
        sections: sections(&state, tr, &start),
    })
}

/// What the layout asks about the viewer beyond their name.
impl PageContext {
    /// Whether any of the viewer's roles allows a self-reflection: the menu offers
    /// "Zelfreflectie" only then, never as a way to an empty page.
    pub fn may_reflect(&self) -> bool {
        self.viewer
            .as_ref()
            .is_some_and(|viewer| leidraad_app::start::may_reflect(viewer))
    }

    /// Whether the viewer may start a team scan: the menu offers "Teamscan" only then.
    pub fn may_scan(&self) -> bool {
        self.viewer
            .as_ref()
            .is_some_and(|viewer| leidraad_app::start::may_scan(viewer))
    }
}
