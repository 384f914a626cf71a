//! Finishing a reflection, and choosing its focus cards.

use leidraad_domain::reflection::check_focus;
use leidraad_store::reflections::ReflectionRecord;

use super::{framework_of, load_own, open_own, profile_cards, settle};
use crate::App;
use crate::Error;
use crate::Viewer;

/// What finishing would leave as it is: how many of the reflection's cards are sorted.
pub struct FinishPreview {
    pub record: ReflectionRecord,
    pub sorted: usize,
    /// Every card in scope, own cards included.
    pub total: usize,
}

/// What the page that asks "finish now?" says: finishing cannot be undone, so the person sees
/// first how many cards would stay unsorted.
pub async fn finish_preview(state: &App, viewer: &Viewer, id: i64) -> Result<FinishPreview, Error> {
    let full = load_own(state, viewer, id).await?;
    let cards = profile_cards(framework_of(state, &full.record)?, &full);
    Ok(FinishPreview {
        sorted: cards.iter().filter(|c| c.pile.is_some()).count(),
        total: cards.len(),
        record: full.record,
    })
}

/// Finishes one's own reflection: dated, and read-only from now on.
pub async fn finish(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    open_own(state, viewer, id).await?;
    settle(
        state
            .store
            .finish_reflection(viewer.person, id, state.clock.now())
            .await?,
    )
}

/// Adds a focus card after checking the domain's rule.
pub async fn add_focus(state: &App, viewer: &Viewer, id: i64, card: &str) -> Result<(), Error> {
    let full = load_own(state, viewer, id).await?;
    let cards = profile_cards(framework_of(state, &full.record)?, &full);
    let mut chosen = full.focus_cards;
    check_focus(&chosen, card, &cards).map_err(|e| Error::Conflict { code: e.code() })?;
    chosen.push(card.to_owned());
    settle(
        state
            .store
            .set_focus_cards(viewer.person, id, &chosen)
            .await?,
    )
}

pub async fn remove_focus(state: &App, viewer: &Viewer, id: i64, card: &str) -> Result<(), Error> {
    let mut chosen = load_own(state, viewer, id).await?.focus_cards;
    let before = chosen.len();
    chosen.retain(|c| c != card);
    if chosen.len() == before {
        return Err(Error::NotFound);
    }
    settle(
        state
            .store
            .set_focus_cards(viewer.person, id, &chosen)
            .await?,
    )
}
