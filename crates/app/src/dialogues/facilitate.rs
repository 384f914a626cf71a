//! The facilitator's screen and controls. Each control reads where the dialogue stands (the
//! fold of its events), decides the event(s) it comes to, and stores them through the bus.

use leidraad_domain::dialogue::{
    Audience, DialogueError, DialogueState, Event, Format, TimerState, draw, tally,
};
use leidraad_store::dialogues::{DialogueRecord, Outcome, StoredEvent};

use super::bus::Follower;
use super::settle;
use super::start::{done_events, random_u32};
use crate::{App, Error, Viewer};

/// What the facilitator's screen shows.
pub struct FacilitatorView {
    pub record: DialogueRecord,
    pub format: Format,
    pub state: DialogueState,
}

/// What a facilitator can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// The next card of the deck that was not shown yet.
    Next,
    /// A random card that was not shown yet.
    Draw,
    /// A card of the deck, by id.
    Choose(String),
    TimerStart,
    TimerPause,
    TimerReset,
    /// Show (true) or hide the contributions on every screen.
    Visibility(bool),
    NextPhase,
    /// Names the case bringer of an intervision.
    Bringer(i64),
    Lock(bool),
    Remove(i64),
    Show(i64),
    Hide(i64),
    /// Removes a contribution for good (also after the end, before sharing).
    Delete(i64),
    RevealPicks,
    End,
    Share,
}

/// The dialogue `id` if `viewer` facilitates it.
async fn own(state: &App, viewer: &Viewer, id: i64) -> Result<(DialogueRecord, Format), Error> {
    let record = state
        .store
        .dialogue(id)
        .await?
        .filter(|d| d.person_id == viewer.person.get())
        .ok_or(Error::NotFound)?;
    let format = Format::parse(&record.format).map_err(|_| Error::Internal)?;
    Ok((record, format))
}

/// The state after every event stored so far.
pub(crate) async fn fold(state: &App, id: i64, room_only: bool) -> Result<DialogueState, Error> {
    let events = state.store.dialogue_events(id, 0, room_only).await?;
    let parsed = events
        .iter()
        .map(|e| e.event().map(|event| (e.seq, event)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(DialogueState::of(parsed.iter().map(|(seq, e)| (*seq, e))))
}

pub async fn facilitator_view(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<FacilitatorView, Error> {
    let (record, format) = own(state, viewer, id).await?;
    Ok(FacilitatorView {
        state: fold(state, id, false).await?,
        record,
        format,
    })
}

/// The facilitator's stream: every event after `after`.
pub async fn follow_as_facilitator(
    state: &App,
    viewer: &Viewer,
    id: i64,
    after: i64,
) -> Result<Follower, Error> {
    own(state, viewer, id).await?;
    Ok(state
        .dialogues
        .follow(&state.store, id, after, Audience::Facilitator))
}

/// Does what the facilitator asked.
pub async fn control(state: &App, viewer: &Viewer, id: i64, control: Control) -> Result<(), Error> {
    let (record, format) = own(state, viewer, id).await?;
    if let Control::Delete(contribution) = control {
        let now = state.clock.now();
        let write = state
            .store
            .remove_contribution(id, viewer.person, contribution, now);
        settle(
            state
                .dialogues
                .store(&state.store, write, done_events)
                .await?,
        )?;
        return Ok(());
    }
    let current = fold(state, id, false).await?;
    let events = events_for(state, &record, format, &current, control).await?;
    let write = state
        .store
        .record_dialogue_events(id, viewer.person, &events, state.clock.now());
    let outcome: Outcome<Vec<StoredEvent>> = state
        .dialogues
        .store(&state.store, write, |outcome| match outcome {
            Outcome::Done(events) => events.clone(),
            _ => Vec::new(),
        })
        .await?;
    settle(outcome).map(|_| ())
}

/// The events a control comes to, from where the dialogue stands.
async fn events_for(
    state: &App,
    record: &DialogueRecord,
    format: Format,
    current: &DialogueState,
    control: Control,
) -> Result<Vec<Event>, Error> {
    if current.ended && !matches!(control, Control::Share | Control::Hide(_)) {
        return Err(Error::Conflict {
            code: "dialogue-ended",
        });
    }
    let now_ms = state.clock.now_ms();
    let timer = current
        .timer
        .unwrap_or_else(|| TimerState::new(record.minutes, now_ms));
    Ok(match control {
        Control::Next => {
            let shown = current.shown_cards();
            let next = record.deck.iter().find(|c| !shown.contains(c));
            card_events(record, format, current, next.map(String::as_str), now_ms)?
        }
        Control::Draw => {
            let shown = current.shown_cards();
            let card = draw(&record.deck, &shown, u64::from(random_u32()));
            card_events(record, format, current, card, now_ms)?
        }
        Control::Choose(card) => {
            if !record.deck.contains(&card) {
                return Err(DialogueError::CardNotInDeck.into());
            }
            card_events(record, format, current, Some(&card), now_ms)?
        }
        Control::TimerStart => vec![Event::Timer {
            timer: timer.start(now_ms),
        }],
        Control::TimerPause => vec![Event::Timer {
            timer: timer.pause(now_ms),
        }],
        Control::TimerReset => vec![Event::Timer {
            timer: timer.reset(now_ms),
        }],
        Control::Visibility(visible) => vec![Event::Visibility { visible }],
        Control::NextPhase => next_phase(current, now_ms)?,
        Control::Bringer(participant) => {
            let phase = current.phase.ok_or(Error::Conflict {
                code: "dialogue-no-phases",
            })?;
            if !current.is_present(participant) {
                return Err(Error::NotFound);
            }
            vec![Event::Phase {
                phase,
                bringer: Some(participant),
            }]
        }
        Control::Lock(locked) => vec![Event::Locked { locked }],
        Control::Remove(participant) => vec![Event::Removed { participant }],
        Control::Show(contribution) => {
            let view = state
                .store
                .contribution(record.id, contribution)
                .await?
                .ok_or(Error::NotFound)?;
            vec![Event::Shown { contribution: view }]
        }
        Control::Hide(contribution) => vec![Event::Hidden { contribution }],
        Control::RevealPicks => {
            if format != Format::Pick {
                return Err(Error::Conflict {
                    code: "dialogue-no-picks",
                });
            }
            let picks: Vec<_> = state
                .store
                .picks(record.id)
                .await?
                .into_iter()
                .map(|p| p.1)
                .collect();
            vec![Event::Picks {
                tallies: tally(&record.deck, &picks, record.anonymous_picks),
            }]
        }
        Control::End => vec![Event::Ended],
        Control::Share => {
            if !current.ended {
                return Err(Error::Conflict {
                    code: "dialogue-not-ended",
                });
            }
            vec![Event::Shared]
        }
        Control::Delete(_) => Vec::new(),
    })
}

/// A card on the table, and a fresh timer for the turn.
fn card_events(
    record: &DialogueRecord,
    format: Format,
    current: &DialogueState,
    card: Option<&str>,
    now_ms: i64,
) -> Result<Vec<Event>, Error> {
    let card = card.ok_or(Error::Conflict {
        code: "dialogue-deck-used-up",
    })?;
    let round = u32::try_from(current.cards.len() + 1).unwrap_or(u32::MAX);
    let speaker = (format == Format::Draw)
        .then(|| current.next_speaker())
        .flatten();
    let mut events = vec![Event::Card {
        card: card.to_owned(),
        round,
        speaker,
    }];
    if format != Format::Intervision {
        events.push(Event::Timer {
            timer: TimerState::new(record.minutes, now_ms),
        });
    }
    Ok(events)
}

fn next_phase(current: &DialogueState, now_ms: i64) -> Result<Vec<Event>, Error> {
    let phase = current.phase.ok_or(Error::Conflict {
        code: "dialogue-no-phases",
    })?;
    let next = phase.next().ok_or(Error::Conflict {
        code: "dialogue-last-phase",
    })?;
    Ok(vec![
        Event::Phase {
            phase: next,
            bringer: current.bringer,
        },
        Event::Timer {
            timer: TimerState::new(next.default_minutes(), now_ms),
        },
    ])
}
