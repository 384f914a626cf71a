//! What happens in a dialogue, one event at a time. Every event is stored with a sequence
//! number of its dialogue, so a phone that lost its connection asks for what came after the
//! last number it saw and misses nothing. Some events are for the facilitator only (a
//! contribution waiting to be shown, how many have picked); the room never receives them.

use serde::{Deserialize, Serialize};

use super::Phase;

/// Who receives an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Everyone in the dialogue, facilitator included.
    Room,
    /// The facilitator's screen only.
    Facilitator,
}

impl Audience {
    pub fn code(self) -> &'static str {
        match self {
            Audience::Room => "room",
            Audience::Facilitator => "facilitator",
        }
    }

    pub fn parse(code: &str) -> Option<Audience> {
        match code {
            "room" => Some(Audience::Room),
            "facilitator" => Some(Audience::Facilitator),
            _ => None,
        }
    }
}

/// One thing that happened. Serialized as JSON with a `kind` field, which is also the name
/// the browser's script listens for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Event {
    /// Someone joined; no name when they joined anonymously.
    Joined {
        participant: i64,
        name: Option<String>,
    },
    /// The facilitator removed a participant.
    Removed { participant: i64 },
    /// The room was locked (no one new may join) or opened again.
    Locked { locked: bool },
    /// A card is on the table: drawn, chosen, or the next of the deck.
    Card {
        card: String,
        round: u32,
        /// Whose turn it is (Trek een kaart), when anyone named is present.
        speaker: Option<String>,
    },
    /// The timer was started, paused or reset.
    Timer { timer: TimerState },
    /// An intervision moved to a phase, or its case bringer (a participant) was named.
    Phase { phase: Phase, bringer: Option<i64> },
    /// A contribution came in and waits for the facilitator (facilitator only). It carries
    /// the author's name only when they gave it.
    Submitted { contribution: ContributionView },
    /// The facilitator showed a contribution to the room.
    Shown { contribution: ContributionView },
    /// The facilitator took a contribution back off the screens.
    Hidden { contribution: i64 },
    /// The facilitator shows or hides the contributions on every screen.
    Visibility { visible: bool },
    /// How many participants have picked their cards so far (facilitator only).
    Picked { participants: u32 },
    /// The picks, shown to the room.
    Picks { tallies: Vec<PickTally> },
    /// The dialogue has ended: the code no longer works.
    Ended,
    /// The facilitator shared the summary with the participants.
    Shared,
}

impl Event {
    pub fn audience(&self) -> Audience {
        match self {
            Event::Submitted { .. } | Event::Picked { .. } => Audience::Facilitator,
            _ => Audience::Room,
        }
    }

    /// The name of the event in the stream (`event:` of server-sent events).
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Joined { .. } => "joined",
            Event::Removed { .. } => "removed",
            Event::Locked { .. } => "locked",
            Event::Card { .. } => "card",
            Event::Timer { .. } => "timer",
            Event::Phase { .. } => "phase",
            Event::Submitted { .. } => "submitted",
            Event::Shown { .. } => "shown",
            Event::Hidden { .. } => "hidden",
            Event::Visibility { .. } => "visibility",
            Event::Picked { .. } => "picked",
            Event::Picks { .. } => "picks",
            Event::Ended => "ended",
            Event::Shared => "shared",
        }
    }

    /// The contribution an event carries the text of, so that removing the contribution can
    /// remove its text from the stored events too.
    pub fn contribution(&self) -> Option<i64> {
        match self {
            Event::Submitted { contribution } | Event::Shown { contribution } => {
                Some(contribution.id)
            }
            Event::Hidden { contribution } => Some(*contribution),
            _ => None,
        }
    }
}

/// A contribution as screens show it. `name` is there only when the author gave it: an
/// anonymous contribution is stored without its author, so no screen can know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionView {
    pub id: i64,
    pub card: Option<String>,
    pub phase: Option<Phase>,
    pub text: String,
    pub name: Option<String>,
}

/// A card as the picks show it: how often it was picked and, unless the picks are
/// anonymous, by whom (and for whom, when picked for a colleague).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickTally {
    pub card: String,
    pub count: u32,
    pub by: Vec<PickedBy>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickedBy {
    /// None for someone who joined anonymously.
    pub name: Option<String>,
    /// The colleague they see this card in, when they picked for one.
    pub colleague: Option<String>,
}

/// The timer of a turn or a phase. Times are milliseconds since the Unix epoch on the
/// server's clock; a screen counts down from `remaining_ms` at `at_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerState {
    pub duration_ms: i64,
    pub remaining_ms: i64,
    pub running: bool,
    pub at_ms: i64,
}

impl TimerState {
    /// A timer of `minutes`, reset and waiting.
    pub fn new(minutes: u32, now_ms: i64) -> TimerState {
        let duration_ms = i64::from(minutes) * 60_000;
        TimerState {
            duration_ms,
            remaining_ms: duration_ms,
            running: false,
            at_ms: now_ms,
        }
    }

    /// What is left at `now_ms` (never below zero).
    pub fn remaining_at(&self, now_ms: i64) -> i64 {
        if self.running {
            (self.remaining_ms - (now_ms - self.at_ms).max(0)).max(0)
        } else {
            self.remaining_ms
        }
    }

    pub fn start(&self, now_ms: i64) -> TimerState {
        let remaining = self.remaining_at(now_ms);
        TimerState {
            remaining_ms: if remaining == 0 {
                self.duration_ms
            } else {
                remaining
            },
            running: true,
            at_ms: now_ms,
            ..*self
        }
    }

    pub fn pause(&self, now_ms: i64) -> TimerState {
        TimerState {
            remaining_ms: self.remaining_at(now_ms),
            running: false,
            at_ms: now_ms,
            ..*self
        }
    }

    pub fn reset(&self, now_ms: i64) -> TimerState {
        TimerState {
            remaining_ms: self.duration_ms,
            running: false,
            at_ms: now_ms,
            ..*self
        }
    }
}
