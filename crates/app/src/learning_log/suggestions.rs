//! Leidraad's own activities in the log: a finished reflection, a released 360° round, an
//! ended dialogue one facilitated or joined under one's own name, and a released team scan
//! are offered as entries; their owner confirms them into the log or dismisses them, and
//! either way they are not offered again.

use leidraad_domain::development::{ActivityKind, Day};
use leidraad_store::learning_log::{ActivityFields, LogSource};

use super::{framework, may_keep_log, settle};
use crate::{App, Error, Viewer};

/// Titles of Leidraad's things can be long (a scan's, a dialogue's); the log keeps this much.
const TITLE_CHARS: usize = 160;

/// Something the person did in Leidraad that may go in their log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: ActivityKind,
    pub id: i64,
    /// The thing's own name, empty when it has none (a reflection): the page names it by kind.
    pub title: String,
    pub day: Day,
    /// Domains of the standard it covered, where it says.
    pub domains: Vec<String>,
}

/// What is still to confirm or dismiss, newest first.
pub(super) async fn pending(state: &App, viewer: &Viewer) -> Result<Vec<Suggestion>, Error> {
    let mut open = state
        .store
        .unlogged_sources(viewer.person)
        .await?
        .iter()
        .filter_map(|source| suggestion(state, source).transpose())
        .collect::<Result<Vec<_>, _>>()?;
    open.sort_by_key(|s| std::cmp::Reverse((s.day, s.id)));
    Ok(open)
}

/// A thing done in Leidraad as an entry to offer, with the domains it covered: a
/// reflection's own choice (all of its standard's when it made none), the domains of a
/// round's cards; `None` for a kind the log does not know.
fn suggestion(state: &App, source: &LogSource) -> Result<Option<Suggestion>, Error> {
    let Ok(kind) = ActivityKind::parse(&source.kind) else {
        return Ok(None);
    };
    let domains = match kind {
        ActivityKind::Reflection if source.items.is_empty() => {
            framework(state, Some(&source.framework_id))?
                .domains
                .iter()
                .map(|d| d.id.clone())
                .collect()
        }
        ActivityKind::Reflection => source.items.clone(),
        ActivityKind::FeedbackRound => {
            let framework = framework(state, Some(&source.framework_id))?;
            framework
                .domains
                .iter()
                .filter(|d| {
                    source
                        .items
                        .iter()
                        .any(|c| framework.card(c).is_some_and(|c| c.domain == d.id))
                })
                .map(|d| d.id.clone())
                .collect()
        }
        _ => Vec::new(),
    };
    Ok(Some(Suggestion {
        kind,
        id: source.id,
        title: source.title.chars().take(TITLE_CHARS).collect(),
        day: Day::today(source.at),
        domains,
    }))
}

/// The suggestions waiting for the person.
pub async fn suggestions(state: &App, viewer: &Viewer) -> Result<Vec<Suggestion>, Error> {
    may_keep_log(viewer)?;
    pending(state, viewer).await
}

/// The suggestion `kind`/`id`, if it is one of the person's and still waiting.
async fn waiting(state: &App, viewer: &Viewer, kind: &str, id: i64) -> Result<Suggestion, Error> {
    may_keep_log(viewer)?;
    let kind = ActivityKind::parse(kind).map_err(|_| Error::NotFound)?;
    pending(state, viewer)
        .await?
        .into_iter()
        .find(|s| s.kind == kind && s.id == id)
        .ok_or(Error::NotFound)
}

/// Puts a suggestion in the log, as an informal activity of that day; the leader adds hours,
/// cards and what they learned afterwards. Returns the new activity's id.
pub async fn confirm(state: &App, viewer: &Viewer, kind: &str, id: i64) -> Result<i64, Error> {
    let suggestion = waiting(state, viewer, kind, id).await?;
    let framework = framework(state, None)?;
    let day = suggestion.day.to_string();
    let fields = ActivityFields {
        kind: suggestion.kind.code(),
        title: &suggestion.title,
        happened_on: &day,
        minutes: 0,
        points: 0,
        framework_id: &framework.id,
        domains: &suggestion.domains,
        cards: &[],
        themes: &[],
        learned: "",
        differently: "",
    };
    let source = Some((suggestion.kind.code(), suggestion.id));
    settle(
        state
            .store
            .add_activity(viewer.person, fields, source, state.clock.now())
            .await?,
    )
}

/// Sets a suggestion aside for good.
pub async fn dismiss(state: &App, viewer: &Viewer, kind: &str, id: i64) -> Result<(), Error> {
    let suggestion = waiting(state, viewer, kind, id).await?;
    let framework = framework(state, None)?;
    settle(
        state
            .store
            .dismiss_suggestion(
                viewer.person,
                (suggestion.kind.code(), suggestion.id),
                &framework.id,
                &suggestion.day.to_string(),
                state.clock.now(),
            )
            .await?,
    )
}
