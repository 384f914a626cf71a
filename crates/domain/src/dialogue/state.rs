//! Where a dialogue stands: the sum of its events. The facilitator's screen, a participant's
//! screen after a reload and the summary are all this fold over the stored events, so a
//! screen that catches up from the stream ends where a fresh page begins.

use super::Phase;
use super::event::{ContributionView, Event, PickTally, PickedBy, TimerState};

/// Someone in the dialogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: i64,
    /// None for someone who joined anonymously.
    pub name: Option<String>,
    pub present: bool,
}

/// A card that was on the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownCard {
    pub card: String,
    pub round: u32,
    pub speaker: Option<String>,
}

/// Where a contribution stands with the facilitator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderation {
    Waiting,
    Shown,
    Hidden,
}

/// One participant's pick of one card (Kies je kaart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub name: Option<String>,
    pub card: String,
    pub colleague: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DialogueState {
    /// The sequence number of the last event applied.
    pub seq: i64,
    pub participants: Vec<Participant>,
    pub locked: bool,
    pub cards: Vec<ShownCard>,
    pub timer: Option<TimerState>,
    pub phase: Option<Phase>,
    /// The case bringer of an intervision (a participant).
    pub bringer: Option<i64>,
    pub contributions: Vec<(ContributionView, Moderation)>,
    /// Whether the room's screens show the contributions.
    pub visible: bool,
    pub picked: u32,
    pub picks: Option<Vec<PickTally>>,
    pub ended: bool,
    pub shared: bool,
}

impl DialogueState {
    /// The state after `events`, in order of their sequence numbers.
    pub fn of<'a>(events: impl IntoIterator<Item = (i64, &'a Event)>) -> DialogueState {
        let mut state = DialogueState {
            visible: true,
            ..DialogueState::default()
        };
        for (seq, event) in events {
            state.apply(seq, event);
        }
        state
    }

    pub fn apply(&mut self, seq: i64, event: &Event) {
        self.seq = seq;
        match event {
            Event::Joined { participant, name } => self.participants.push(Participant {
                id: *participant,
                name: name.clone(),
                present: true,
            }),
            Event::Removed { participant } => self
                .participants
                .iter_mut()
                .filter(|p| p.id == *participant)
                .for_each(|p| p.present = false),
            Event::Locked { locked } => self.locked = *locked,
            Event::Card {
                card,
                round,
                speaker,
            } => self.cards.push(ShownCard {
                card: card.clone(),
                round: *round,
                speaker: speaker.clone(),
            }),
            Event::Timer { timer } => self.timer = Some(*timer),
            Event::Phase { phase, bringer } => {
                self.phase = Some(*phase);
                self.bringer = *bringer;
            }
            Event::Submitted { contribution } => self.upsert(contribution, Moderation::Waiting),
            Event::Shown { contribution } => self.upsert(contribution, Moderation::Shown),
            Event::Hidden { contribution } => self
                .contributions
                .iter_mut()
                .filter(|(c, _)| c.id == *contribution)
                .for_each(|(_, m)| *m = Moderation::Hidden),
            Event::Visibility { visible } => self.visible = *visible,
            Event::Picked { participants } => self.picked = *participants,
            Event::Picks { tallies } => self.picks = Some(tallies.clone()),
            Event::Ended => self.ended = true,
            Event::Shared => self.shared = true,
        }
    }

    fn upsert(&mut self, contribution: &ContributionView, moderation: Moderation) {
        match self
            .contributions
            .iter_mut()
            .find(|(c, _)| c.id == contribution.id)
        {
            Some(entry) => *entry = (contribution.clone(), moderation),
            None => self.contributions.push((contribution.clone(), moderation)),
        }
    }

    /// The case bringer's name, if they gave one.
    pub fn bringer_name(&self) -> Option<&str> {
        let bringer = self.bringer?;
        self.participants
            .iter()
            .find(|p| p.id == bringer)
            .and_then(|p| p.name.as_deref())
    }

    pub fn current_card(&self) -> Option<&ShownCard> {
        self.cards.last()
    }

    /// The ids of the cards shown so far, for drawing without repetition.
    pub fn shown_cards(&self) -> Vec<String> {
        self.cards.iter().map(|c| c.card.clone()).collect()
    }

    pub fn present(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| p.present)
    }

    pub fn is_present(&self, participant: i64) -> bool {
        self.present().any(|p| p.id == participant)
    }

    /// Whose turn the next round is in Trek een kaart: the named participants present take
    /// turns in the order they joined.
    pub fn next_speaker(&self) -> Option<String> {
        let named: Vec<&String> = self.present().filter_map(|p| p.name.as_ref()).collect();
        if named.is_empty() {
            return None;
        }
        Some(named[self.cards.len() % named.len()].clone())
    }

    /// The contributions the room sees: shown, and only while the facilitator shows them.
    pub fn room_contributions(&self) -> impl Iterator<Item = &ContributionView> {
        self.contributions
            .iter()
            .filter(|(_, m)| *m == Moderation::Shown)
            .map(|(c, _)| c)
    }

    pub fn waiting(&self) -> impl Iterator<Item = &ContributionView> {
        self.contributions
            .iter()
            .filter(|(_, m)| *m == Moderation::Waiting)
            .map(|(c, _)| c)
    }
}

/// The picks of a dialogue per card, most picked first (ties in deck order). With
/// `anonymous`, only the counts: not who picked, nor for whom.
pub fn tally(deck: &[String], picks: &[Pick], anonymous: bool) -> Vec<PickTally> {
    let mut tallies: Vec<PickTally> = deck
        .iter()
        .filter_map(|card| {
            let of_card: Vec<&Pick> = picks.iter().filter(|p| &p.card == card).collect();
            (!of_card.is_empty()).then(|| PickTally {
                card: card.clone(),
                count: u32::try_from(of_card.len()).unwrap_or(u32::MAX),
                by: if anonymous {
                    Vec::new()
                } else {
                    of_card
                        .iter()
                        .map(|p| PickedBy {
                            name: p.name.clone(),
                            colleague: p.colleague.clone(),
                        })
                        .collect()
                },
            })
        })
        .collect();
    // A stable sort keeps the deck's order among equal counts.
    tallies.sort_by_key(|t| std::cmp::Reverse(t.count));
    tallies
}
