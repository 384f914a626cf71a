//! The summary of a dialogue: the cards discussed in order, what the room added to each (only
//! what the facilitator showed, and never what they removed), and the picks. The facilitator
//! reads it at any time; participants once it is shared; members who kept it, in their
//! portfolio.

use leidraad_domain::dialogue::{ContributionView, Format, Phase, PickTally};
use leidraad_store::dialogues::DialogueRecord;

use super::facilitate::fold;
use crate::{App, Error, Viewer};

pub struct SummaryCard {
    pub card: String,
    pub round: u32,
    pub speaker: Option<String>,
    pub contributions: Vec<ContributionView>,
}

pub struct Summary {
    pub record: DialogueRecord,
    pub format: Format,
    pub cards: Vec<SummaryCard>,
    /// Contributions to an intervision's phases, or made before any card was on the table.
    pub loose: Vec<ContributionView>,
    pub phases: Vec<(Phase, Vec<ContributionView>)>,
    pub picks: Option<Vec<PickTally>>,
    pub shared: bool,
    /// The reader's own note: a participant's, or the one kept with a saved copy.
    pub note: Option<String>,
    /// A participant who joined signed in may keep it in their portfolio.
    pub may_keep: bool,
}

async fn build(
    state: &App,
    record: DialogueRecord,
    note: Option<String>,
) -> Result<Summary, Error> {
    let room = fold(state, record.id, true).await?;
    let format = Format::parse(&record.format).map_err(|_| Error::Internal)?;
    let mut contributions = state.store.shown_contributions(record.id).await?;
    let mut cards = Vec::new();
    for shown in &room.cards {
        // A card shown twice gathers its contributions once, at its first showing.
        let (of_card, rest): (Vec<_>, Vec<_>) = contributions
            .into_iter()
            .partition(|c| c.card.as_deref() == Some(shown.card.as_str()) && c.phase.is_none());
        contributions = rest;
        cards.push(SummaryCard {
            card: shown.card.clone(),
            round: shown.round,
            speaker: shown.speaker.clone(),
            contributions: of_card,
        });
    }
    let phases = Phase::ALL
        .into_iter()
        .filter(|_| format == Format::Intervision)
        .map(|phase| {
            let of_phase: Vec<ContributionView> = contributions
                .iter()
                .filter(|c| c.phase == Some(phase))
                .cloned()
                .collect();
            (phase, of_phase)
        })
        .collect();
    let loose = contributions
        .into_iter()
        .filter(|c| c.phase.is_none())
        .collect();
    Ok(Summary {
        record,
        format,
        cards,
        loose,
        phases,
        picks: room.picks.clone(),
        shared: room.shared,
        note,
        may_keep: false,
    })
}

pub async fn summary_for_facilitator(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<Summary, Error> {
    let record = state
        .store
        .dialogue(id)
        .await?
        .filter(|d| d.person_id == viewer.person.get())
        .ok_or(Error::NotFound)?;
    build(state, record, None).await
}

/// A participant's summary: once the facilitator shared it.
pub async fn summary_for_participant(state: &App, token: &str) -> Result<Summary, Error> {
    let view = super::participant_view(state, token).await?;
    if !view.state.shared {
        return Err(Error::Conflict {
            code: "dialogue-not-shared",
        });
    }
    let may_keep = view.participant.person_id.is_some();
    let mut summary = build(state, view.record, Some(view.participant.note)).await?;
    summary.may_keep = may_keep;
    Ok(summary)
}

/// A copy kept in `viewer`'s portfolio.
pub async fn summary_saved(state: &App, viewer: &Viewer, id: i64) -> Result<Summary, Error> {
    let saved = state
        .store
        .saved_dialogues(viewer.person)
        .await?
        .into_iter()
        .find(|s| s.dialogue.id == id)
        .ok_or(Error::NotFound)?;
    build(state, saved.dialogue, Some(saved.note)).await
}

/// Keeps a dialogue one facilitated in one's portfolio, with a note.
pub async fn keep_facilitated(
    state: &App,
    viewer: &Viewer,
    id: i64,
    note: &str,
) -> Result<(), Error> {
    let note = leidraad_domain::dialogue::NoteText::parse(note)?;
    summary_for_facilitator(state, viewer, id).await?;
    state
        .store
        .save_dialogue(viewer.person, id, note.as_str(), state.clock.now())
        .await?;
    Ok(())
}

/// Takes a kept dialogue out of one's portfolio (it is then deleted with the others once its
/// retention period is over).
pub async fn forget(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    state.store.unsave_dialogue(viewer.person, id).await?;
    Ok(())
}

/// Whether `viewer` keeps dialogue `id`.
pub async fn is_kept(state: &App, viewer: &Viewer, id: i64) -> Result<bool, Error> {
    Ok(state
        .store
        .saved_dialogues(viewer.person)
        .await?
        .iter()
        .any(|s| s.dialogue.id == id))
}
