//! Live dialogues (dialoogsessies): a facilitator runs a conversation with the cards while the
//! room takes part on their phones. This module holds what is decided, not what is stored:
//! the formats and their phases, the join code, the deck a dialogue draws from, drawing
//! without repetition, what people may type, and the events a dialogue is made of
//! ([`event`]) with the state they add up to ([`state`]).

pub mod event;
pub mod state;
#[cfg(test)]
mod tests;

use crate::space_scan::SpaceScan;
use crate::text::{self, TextKind};
use crate::{Framework, Language};

pub use event::{Audience, ContributionView, Event, PickTally, PickedBy, TimerState};
pub use state::{DialogueState, Moderation, Participant, Pick, ShownCard, tally};

/// How long a display name may be.
pub const MAX_NAME_CHARS: usize = 40;
/// How long a contribution may be: a thought, a question, an insight, not an essay.
pub const MAX_CONTRIBUTION_CHARS: usize = 600;
/// How long a private note or a take-away may be.
pub const MAX_NOTE_CHARS: usize = 4_000;
/// How many cards one participant picks in Kies je kaart, at most.
pub const MAX_PICKS: usize = 3;
/// A join code stops working after this long without anything happening in the dialogue.
pub const IDLE_SECONDS: i64 = 48 * 60 * 60;
/// The longest turn or phase a timer runs.
pub const MAX_TIMER_MINUTES: u32 = 60;

/// The way a dialogue is run (werkvorm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Trek een kaart: a random card each round, one speaker at a time, a timer per turn.
    Draw,
    /// Kies je kaart: each participant picks one to three cards; then the group sees the picks.
    Pick,
    /// Intervisie: a case bringer, and phases from the case to what they take away.
    Intervision,
    /// Vrij gesprek: the facilitator chooses the cards.
    Free,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Draw,
        Format::Pick,
        Format::Intervision,
        Format::Free,
    ];

    /// The stable code in forms, URLs and the store.
    pub fn code(self) -> &'static str {
        match self {
            Format::Draw => "trek-een-kaart",
            Format::Pick => "kies-je-kaart",
            Format::Intervision => "intervisie",
            Format::Free => "vrij-gesprek",
        }
    }

    pub fn parse(code: &str) -> Result<Format, DialogueError> {
        Format::ALL
            .into_iter()
            .find(|f| f.code() == code)
            .ok_or(DialogueError::FormatUnknown)
    }

    /// The first phase, for the formats that have phases.
    pub fn first_phase(self) -> Option<Phase> {
        (self == Format::Intervision).then_some(Phase::Case)
    }

    /// The minutes a turn or phase lasts unless the facilitator says otherwise.
    pub fn default_minutes(self) -> u32 {
        match self {
            Format::Draw => 3,
            Format::Pick => 5,
            Format::Intervision => Phase::Case.default_minutes(),
            Format::Free => 5,
        }
    }
}

/// A phase of an intervision, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// The bringer tells their case.
    Case,
    /// Clarifying questions, no advice yet.
    Questions,
    /// Exploring the case with the cards.
    Exploring,
    /// Advice or reflection, as the bringer asked.
    Advice,
    /// What the bringer takes away.
    TakeAway,
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Case,
        Phase::Questions,
        Phase::Exploring,
        Phase::Advice,
        Phase::TakeAway,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Phase::Case => "casus",
            Phase::Questions => "vragen",
            Phase::Exploring => "verkennen",
            Phase::Advice => "advies",
            Phase::TakeAway => "opbrengst",
        }
    }

    pub fn next(self) -> Option<Phase> {
        let at = Phase::ALL.iter().position(|p| *p == self)?;
        Phase::ALL.get(at + 1).copied()
    }

    /// 1-based, for "fase 2 van 5".
    pub fn number(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0) + 1
    }

    pub fn default_minutes(self) -> u32 {
        match self {
            Phase::Case => 10,
            Phase::Questions => 10,
            Phase::Exploring => 15,
            Phase::Advice => 10,
            Phase::TakeAway => 5,
        }
    }
}

/// Why input for a dialogue was refused. Each has a stable problem code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DialogueError {
    #[error("unknown format")]
    FormatUnknown,
    #[error("a join code is six digits")]
    CodeInvalid,
    #[error("a display name is 1–40 characters on one line")]
    NameInvalid,
    #[error("a contribution is 1–600 characters without control characters")]
    ContributionInvalid,
    #[error("a note is at most 4 000 characters without control characters")]
    NoteInvalid,
    #[error("the deck is empty")]
    DeckEmpty,
    #[error("a deck part is unknown")]
    DeckPartUnknown,
    #[error("a card is not in this dialogue's deck")]
    CardNotInDeck,
    #[error("one to three cards are picked")]
    PicksInvalid,
    #[error("a timer runs 1 to 60 minutes")]
    MinutesInvalid,
    #[error("a title is 1–80 characters on one line")]
    TitleInvalid,
}

impl DialogueError {
    pub fn code(self) -> &'static str {
        match self {
            DialogueError::FormatUnknown => "dialogue-format-unknown",
            DialogueError::CodeInvalid => "dialogue-code-invalid",
            DialogueError::NameInvalid => "dialogue-name-invalid",
            DialogueError::ContributionInvalid => "dialogue-contribution-invalid",
            DialogueError::NoteInvalid => "dialogue-note-invalid",
            DialogueError::DeckEmpty => "dialogue-deck-empty",
            DialogueError::DeckPartUnknown => "dialogue-deck-part-unknown",
            DialogueError::CardNotInDeck => "dialogue-card-not-in-deck",
            DialogueError::PicksInvalid => "dialogue-picks-invalid",
            DialogueError::MinutesInvalid => "dialogue-minutes-invalid",
            DialogueError::TitleInvalid => "dialogue-title-invalid",
        }
    }
}

/// The six digits people type to join. Spaces people put in to read it aloud are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JoinCode(String);

impl JoinCode {
    pub fn parse(input: &str) -> Result<JoinCode, DialogueError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(JoinCode(digits))
        } else {
            Err(DialogueError::CodeInvalid)
        }
    }

    /// The code for a random number (any `u32`; only the last six digits count).
    pub fn from_random(random: u32) -> JoinCode {
        JoinCode(format!("{:06}", random % 1_000_000))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "123 456": easier to read from the back of a hall.
    pub fn spaced(&self) -> String {
        format!("{} {}", &self.0[..3], &self.0[3..])
    }
}

/// What a participant is called in the room: typed on joining, or the member's own name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(input: &str) -> Result<DisplayName, DialogueError> {
        match text::clean(input, MAX_NAME_CHARS, TextKind::Name) {
            Ok(name) if !name.is_empty() => Ok(DisplayName(name)),
            _ => Err(DialogueError::NameInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A thought, a question or an insight added to the dialogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionText(String);

impl ContributionText {
    pub fn parse(input: &str) -> Result<ContributionText, DialogueError> {
        match text::clean(input, MAX_CONTRIBUTION_CHARS, TextKind::Paragraphs) {
            Ok(text) if !text.is_empty() => Ok(ContributionText(text)),
            _ => Err(DialogueError::ContributionInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A private note of a participant, or a bringer's take-away. May be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteText(String);

impl NoteText {
    pub fn parse(input: &str) -> Result<NoteText, DialogueError> {
        text::clean(input, MAX_NOTE_CHARS, TextKind::Paragraphs)
            .map(NoteText)
            .map_err(|_| DialogueError::NoteInvalid)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The title a facilitator gives a dialogue ("Teamoverleg 12 maart").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueTitle(String);

impl DialogueTitle {
    pub fn parse(input: &str) -> Result<DialogueTitle, DialogueError> {
        match text::clean(input, 80, TextKind::Name) {
            Ok(title) if !title.is_empty() => Ok(DialogueTitle(title)),
            _ => Err(DialogueError::TitleInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Minutes for a turn or a phase.
pub fn parse_minutes(input: &str) -> Result<u32, DialogueError> {
    match input.trim().parse::<u32>() {
        Ok(m) if (1..=MAX_TIMER_MINUTES).contains(&m) => Ok(m),
        _ => Err(DialogueError::MinutesInvalid),
    }
}

/// A part a deck is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckPart {
    /// The framework's dialogue cards.
    DialogueCards,
    /// The indicator cards of one domain.
    Domain(String),
    /// The facilitator's own focus cards.
    Focus,
}

impl DeckPart {
    /// `dialoogkaarten`, `focus`, or `domein:<id>` as a form sends it.
    pub fn parse(framework: &Framework, code: &str) -> Result<DeckPart, DialogueError> {
        match code {
            "dialoogkaarten" => Ok(DeckPart::DialogueCards),
            "focus" => Ok(DeckPart::Focus),
            _ => code
                .strip_prefix("domein:")
                .filter(|id| framework.domain(id).is_some())
                .map(|id| DeckPart::Domain(id.to_owned()))
                .ok_or(DialogueError::DeckPartUnknown),
        }
    }
}

/// The card ids of a deck made of `parts`, in the framework's order, each once. `focus` are
/// the facilitator's focus cards (ids of the framework's cards; own cards are left out: their
/// text is private to the reflection).
pub fn build_deck(
    framework: &Framework,
    parts: &[DeckPart],
    focus: &[String],
) -> Result<Vec<String>, DialogueError> {
    let mut deck: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !deck.iter().any(|c| c == id) {
            deck.push(id.to_owned());
        }
    };
    for part in parts {
        match part {
            DeckPart::DialogueCards => framework.dialogue_cards.iter().for_each(|c| add(&c.id)),
            DeckPart::Domain(domain) => framework.cards_of(domain).for_each(|c| add(&c.id)),
            DeckPart::Focus => focus
                .iter()
                .filter(|id| framework.card(id).is_some())
                .for_each(|id| add(id)),
        }
    }
    if deck.is_empty() {
        return Err(DialogueError::DeckEmpty);
    }
    Ok(deck)
}

/// The card a random draw gives: one of the deck's cards not `shown` yet, chosen by `roll`
/// (any number; the caller brings the randomness). None once every card has been shown.
pub fn draw<'a>(deck: &'a [String], shown: &[String], roll: u64) -> Option<&'a str> {
    let left: Vec<&String> = deck.iter().filter(|c| !shown.contains(c)).collect();
    if left.is_empty() {
        return None;
    }
    let at = usize::try_from(roll % left.len() as u64).unwrap_or(0);
    Some(left[at].as_str())
}

/// The words on a card of the deck, whether a dialogue card (its question and follow-up) or
/// an indicator card ("Ik …").
pub fn card_text(framework: &Framework, id: &str, language: Language) -> Option<CardText> {
    if let Some(card) = framework.dialogue_card(id) {
        return Some(CardText {
            text: card.question.get(language).to_owned(),
            follow_up: card.follow_up.as_ref().map(|f| f.get(language).to_owned()),
            domain: None,
        });
    }
    framework.card(id).map(|card| CardText {
        text: card.text.get(language).to_owned(),
        follow_up: None,
        domain: framework
            .domain(&card.domain)
            .map(|d| d.title.get(language).to_owned()),
    })
}

/// A team scan's statement as a card of a deck (a dialogue about the scan's largest gaps):
/// `<questionnaire>/<statement>`. No card of a framework has a `/` in its id.
pub fn statement_card(scan: &SpaceScan, statement: &str) -> String {
    format!("{}/{statement}", scan.id)
}

/// [`card_text`], and also for a statement card of one of `scans` (see [`statement_card`]):
/// the statement, under its section's title.
pub fn deck_card_text(
    framework: &Framework,
    scans: &[SpaceScan],
    id: &str,
    language: Language,
) -> Option<CardText> {
    let Some((scan, statement)) = id.split_once('/') else {
        return card_text(framework, id, language);
    };
    let scan = scans.iter().find(|s| s.id == scan)?;
    let statement = scan.statement(statement)?;
    Some(CardText {
        text: statement.text.get(language).to_owned(),
        follow_up: None,
        domain: scan
            .section(&statement.section)
            .map(|section| section.title.get(language).to_owned()),
    })
}

/// See [`card_text`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CardText {
    pub text: String,
    pub follow_up: Option<String>,
    /// The domain of an indicator card; none for a dialogue card.
    pub domain: Option<String>,
}
