//! A plan's themes as the pages show them, to its owner and to whom it is shared with.

use leidraad_domain::Framework;
use leidraad_domain::development::Day;
use leidraad_store::plans::ThemeRecord;

use crate::AppState;
use crate::i18n::Tr;

pub struct CardView {
    pub id: String,
    pub domain_number: usize,
    pub text: String,
}

pub struct ActionView {
    pub id: i64,
    pub text: String,
    pub due: String,
    pub done: bool,
}

pub struct MomentView {
    pub id: i64,
    pub due: String,
    pub note: String,
}

pub struct ThemeView {
    pub id: i64,
    pub position: i64,
    pub title: String,
    pub status: String,
    pub status_label: String,
    /// Where it came from, in words, and a link to it where there is a page.
    pub source: String,
    pub source_href: String,
    pub cards: Vec<CardView>,
    pub goal: String,
    pub monitoring: String,
    pub review: String,
    pub actions: Vec<ActionView>,
    pub moments: Vec<MomentView>,
    /// "2 of 5 done".
    pub progress: String,
}

/// A stored day in the page's language ("" stays "").
pub fn day_words(tr: Tr, stored: &str) -> String {
    Day::parse(stored).map_or(String::new(), |day| day.format(tr.lang))
}

/// A card of the standard as a chip: its domain's colour number and its text.
pub fn card_view(tr: Tr, framework: Option<&Framework>, id: &str) -> CardView {
    let found = framework.and_then(|f| {
        let card = f.card(id)?;
        let number = f.domains.iter().position(|d| d.id == card.domain)? + 1;
        Some((number, tr.pick(&card.text).to_owned()))
    });
    let (domain_number, text) = found.unwrap_or((1, id.to_owned()));
    CardView {
        id: id.to_owned(),
        domain_number,
        text,
    }
}

pub fn theme_view(state: &AppState, tr: Tr, framework_id: &str, theme: &ThemeRecord) -> ThemeView {
    let framework = state.library.framework(framework_id);
    let done = theme.actions.iter().filter(|a| a.done).count();
    ThemeView {
        id: theme.id,
        position: theme.position,
        title: theme.title.clone(),
        status: theme.status.clone(),
        status_label: tr.t(&format!("plan-status-{}", theme.status)).into_owned(),
        source: source_words(state, tr, theme),
        source_href: source_href(theme),
        cards: theme
            .cards
            .iter()
            .map(|id| card_view(tr, framework, id))
            .collect(),
        goal: theme.goal.clone(),
        monitoring: theme.monitoring.clone(),
        review: theme.review.clone(),
        actions: theme
            .actions
            .iter()
            .map(|a| ActionView {
                id: a.id,
                text: a.text.clone(),
                due: day_words(tr, &a.due_on),
                done: a.done,
            })
            .collect(),
        moments: theme
            .reviews
            .iter()
            .map(|m| MomentView {
                id: m.id,
                due: day_words(tr, &m.due_on),
                note: m.note.clone(),
            })
            .collect(),
        progress: tr.t2(
            "plan-actions-done",
            ("done", done),
            ("count", theme.actions.len()),
        ),
    }
}

fn source_words(state: &AppState, tr: Tr, theme: &ThemeRecord) -> String {
    let kind = tr
        .t(&format!("plan-source-{}", theme.source_kind))
        .into_owned();
    // A card source shows its card among the theme's cards; a scan's statement is nowhere
    // else on the page, so it is quoted here.
    let statement = (theme.source_kind == "scan-gap")
        .then(|| {
            state
                .library
                .space_scans
                .iter()
                .find_map(|s| s.statement(&theme.source_item))
        })
        .flatten();
    match statement {
        Some(statement) => format!("{kind}: “{}”", tr.pick(&statement.text)),
        None => kind,
    }
}

fn source_href(theme: &ThemeRecord) -> String {
    match (theme.source_kind.as_str(), theme.source_id) {
        ("focus-card", Some(id)) => format!("/reflecties/{id}"),
        ("blind-spot", Some(id)) => format!("/feedback/{id}/rapport"),
        ("scan-gap", Some(id)) => format!("/teamscans/{id}/resultaten"),
        ("carried-over", Some(id)) => format!("/ontwikkelplan/thema/{id}"),
        _ => String::new(),
    }
}
