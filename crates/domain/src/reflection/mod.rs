//! Self-reflection (zelfreflectie): a person sorts the cards of a framework onto four piles,
//! with notes, evidence and stars, adds cards of their own, and sees a profile. Everything
//! here is pure: the rules for what may be stored, the profile, focus cards, the comparison of
//! two moments and the radar chart's geometry.

mod compare;
mod profile;
mod radar;

use crate::text::{self, TextError, TextKind};

pub use compare::{CardMove, Comparison, DomainChange};
pub use profile::{
    DomainProfile, FocusError, MAX_FOCUS_CARDS, Profile, check_focus, check_focus_room,
};
pub use radar::{
    Anchor, ChartKind, MIN_RADAR_DOMAINS, RadarFrame, RadarLabel, RadarPoint, bar_percent,
};

/// A card sort is the product's one rating scale presented as four piles: a pile is a
/// [`Rating`](crate::rating::Rating), and its error the scale's.
pub use crate::rating::{Rating as Pile, RatingError as PileError};

/// Longest note or evidence text, in characters: a paragraph, not an essay.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Longest own card: about as long as the longest printed card.
pub const MAX_OWN_CARD_CHARS: usize = 300;

/// Free text typed beside a card (a note, or evidence as text or a link).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardText(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CardTextError {
    #[error("the text is longer than allowed")]
    TooLong,
    #[error("the text holds control characters")]
    ControlCharacters,
    #[error("an own card needs a text")]
    Empty,
}

impl CardTextError {
    pub fn code(self) -> &'static str {
        match self {
            CardTextError::TooLong => "text-too-long",
            CardTextError::ControlCharacters => "text-invalid",
            CardTextError::Empty => "own-card-empty",
        }
    }
}

impl CardText {
    /// A note or evidence: may be empty; trimmed; line breaks kept, other control characters
    /// refused.
    pub fn note(input: &str) -> Result<CardText, CardTextError> {
        CardText::parse(input, MAX_NOTE_CHARS)
    }

    /// The text of an own card: 1 to [`MAX_OWN_CARD_CHARS`] characters.
    pub fn own_card(input: &str) -> Result<CardText, CardTextError> {
        let text = CardText::parse(input, MAX_OWN_CARD_CHARS)?;
        if text.0.is_empty() {
            return Err(CardTextError::Empty);
        }
        Ok(text)
    }

    fn parse(input: &str, max: usize) -> Result<CardText, CardTextError> {
        match text::clean(input, max, TextKind::Paragraphs) {
            Ok(text) => Ok(CardText(text)),
            Err(TextError::TooLong) => Err(CardTextError::TooLong),
            Err(TextError::ControlCharacters) => Err(CardTextError::ControlCharacters),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One card as it lies in a reflection: which card, in which domain, on which pile (if
/// sorted yet), and whether the person starred it ("wil ik aan werken").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedCard {
    /// A framework card id (`visie-01`) or an own card's key (`eigen-12`).
    pub card: String,
    pub domain: String,
    pub pile: Option<Pile>,
    pub starred: bool,
}

impl SortedCard {
    /// A growth point: on "nog niet", or starred.
    pub fn is_growth_point(&self) -> bool {
        Placed::is_growth_point(self)
    }

    pub fn is_strength(&self) -> bool {
        Placed::is_strength(self)
    }
}

/// What the profile's rules look at in a card: its domain, its pile and its star. A
/// [`SortedCard`] has them, and so may a page's view of a card borrowed from what it read,
/// which then needs no copy per card to get its profile.
pub trait Placed {
    fn domain(&self) -> &str;
    fn pile(&self) -> Option<Pile>;
    fn starred(&self) -> bool;

    /// A growth point: on "nog niet", or starred.
    fn is_growth_point(&self) -> bool {
        self.pile() == Some(Pile::NotYet) || self.starred()
    }

    fn is_strength(&self) -> bool {
        self.pile() == Some(Pile::SecondNature)
    }
}

impl Placed for SortedCard {
    fn domain(&self) -> &str {
        &self.domain
    }

    fn pile(&self) -> Option<Pile> {
        self.pile
    }

    fn starred(&self) -> bool {
        self.starred
    }
}

impl<T: Placed + ?Sized> Placed for &T {
    fn domain(&self) -> &str {
        (**self).domain()
    }

    fn pile(&self) -> Option<Pile> {
        (**self).pile()
    }

    fn starred(&self) -> bool {
        (**self).starred()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn piles_parse_from_scores_and_codes_and_nothing_else() {
        assert_eq!("1".parse::<Pile>(), Ok(Pile::NotYet));
        assert_eq!(" vaak ".parse::<Pile>(), Ok(Pile::Often));
        assert_eq!("vanzelfsprekend".parse::<Pile>(), Ok(Pile::SecondNature));
        for bad in ["0", "5", "-1", "", "altijd", "3.5"] {
            assert_eq!(bad.parse::<Pile>(), Err(PileError), "{bad}");
        }
        assert_eq!(Pile::from_score(5), Err(PileError));
        assert_eq!(Pile::Sometimes.score(), 2);
    }

    #[test]
    fn notes_are_trimmed_bounded_and_free_of_control_characters() {
        assert_eq!(CardText::note("  ja\r\nnee ").unwrap().as_str(), "ja\nnee");
        assert!(CardText::note("").unwrap().is_empty());
        assert_eq!(
            CardText::note(&"a".repeat(MAX_NOTE_CHARS + 1)),
            Err(CardTextError::TooLong)
        );
        assert_eq!(
            CardText::note("a\u{0}b"),
            Err(CardTextError::ControlCharacters)
        );
        assert_eq!(CardText::own_card("   "), Err(CardTextError::Empty));
        assert_eq!(
            CardText::own_card(&"é".repeat(MAX_OWN_CARD_CHARS))
                .unwrap()
                .as_str()
                .chars()
                .count(),
            MAX_OWN_CARD_CHARS
        );
    }
}
