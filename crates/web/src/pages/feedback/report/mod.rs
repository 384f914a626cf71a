//! `/feedback/{id}/rapport…`: the released report of a round, for its leader and for whom they
//! shared it with. The page, its print view and the CSV, XLSX and JSON downloads all read the
//! snapshot stored at release and only format it: no figure is computed here, and a group the
//! snapshot hides is named with "te weinig antwoorden" and nothing else, anywhere.
//!
//! - [`view`]: the snapshot in words and numbers of the page's language; [`highlights`]: its
//!   lists of differences;
//! - [`chart`]: the radar of self against others and the bars in the score tables;
//! - [`page`]: the page and its print view; [`actions`]: focus cards and sharing;
//! - [`export`]: the downloads.

mod actions;
mod chart;
mod export;
mod highlights;
mod page;
mod view;

pub use actions::{post_focus, post_share, post_unshare};
pub use export::{get_csv, get_json, get_xlsx};
pub use page::{get_print, get_report};

use std::collections::HashMap;

use leidraad_app::feedback::{self as logic, ReleasedReport};
use leidraad_domain::Framework;
use leidraad_domain::feedback::Report;

use super::group_name;
use crate::AppState;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Tr;

/// The released report of round `id` as `viewer` may read it, with its framework; "not found"
/// for anyone the leader did not share it with.
async fn load<'s>(
    state: &'s AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<(ReleasedReport, &'s Framework), AppError> {
    let released = logic::released_report(state, viewer, id).await?;
    let framework = state
        .library
        .framework(&released.record.framework_id)
        .ok_or(AppError::Internal)?;
    Ok((released, framework))
}

/// What the report names, looked up once: card texts, domain titles and numbers, group names.
pub struct Names<'a> {
    pub tr: Tr,
    pub framework: &'a Framework,
    groups: HashMap<i64, String>,
}

impl<'a> Names<'a> {
    pub fn new(tr: Tr, framework: &'a Framework, report: &Report) -> Names<'a> {
        let groups = report
            .groups
            .iter()
            .map(|g| (g.key, group_name(tr, g.kind.code(), g.label.as_deref())))
            .collect();
        Names {
            tr,
            framework,
            groups,
        }
    }

    /// A group's name, or "" for a key the report does not hold.
    pub fn group(&self, key: i64) -> &str {
        self.groups.get(&key).map_or("", String::as_str)
    }

    /// A card's text in the page's language; its id when the deck no longer has it.
    pub fn card<'s>(&self, id: &'s str) -> &'s str
    where
        'a: 's,
    {
        self.framework
            .card(id)
            .map_or(id, |card| self.tr.pick(&card.text))
    }

    /// A card's number within its domain, as on the paper card (0 when unknown).
    pub fn card_number(&self, id: &str) -> usize {
        self.framework
            .card(id)
            .map_or(0, |card| self.framework.position_in_domain(card))
    }

    /// A domain's 1-based number in the framework (for its colour) and its title.
    pub fn domain<'s>(&self, id: &'s str) -> (usize, &'s str)
    where
        'a: 's,
    {
        self.framework
            .domains
            .iter()
            .enumerate()
            .find(|(_, d)| d.id == id)
            .map_or((0, id), |(i, d)| (i + 1, self.tr.pick(&d.title)))
    }
}

/// `value` with `decimals` decimals, with a decimal comma in Dutch.
pub fn decimal(tr: Tr, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match tr.lang {
        leidraad_domain::Language::Nl => text.replace('.', ","),
        leidraad_domain::Language::En => text,
    }
}
