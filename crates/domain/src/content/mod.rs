//! The content model: frameworks (decks) with their domains, indicator cards and dialogue cards,
//! loaded from the TOML files under `content/` and validated as a whole.

mod load;
mod raw;

use std::collections::HashMap;
use std::fmt;

use crate::language::Language;
use crate::space_scan::SpaceScan;

pub use load::{ContentError, ContentErrors, SourceFile, load_library};
pub(crate) use load::{IdRegistry, Problems, localized, parse};
pub(crate) use raw::RawLocalized;

/// A text in every language Leidraad speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    pub nl: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Nl => &self.nl,
            Language::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DomainKind {
    /// A leadership practice (leiderschapspraktijk).
    Practice,
    /// A personal quality (persoonlijke kwaliteit).
    Quality,
}

impl DomainKind {
    pub fn code(self) -> &'static str {
        match self {
            DomainKind::Practice => "practice",
            DomainKind::Quality => "quality",
        }
    }
}

impl fmt::Display for DomainKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    pub id: String,
    pub kind: DomainKind,
    pub title: Localized,
    /// The heading as printed on the card set ("Leidinggeven aan …").
    pub heading: Localized,
}

/// An indicator card: one "Ik …" statement of a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: String,
    pub domain: String,
    pub text: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueCard {
    pub id: String,
    pub question: Localized,
    pub follow_up: Option<Localized>,
}

/// A deck: a professional standard with its domains and cards (kader).
#[derive(Debug, Clone)]
pub struct Framework {
    pub id: String,
    pub version: String,
    pub title: Localized,
    pub description: Localized,
    /// Blank cards per domain that a person may fill in with cards of their own.
    pub own_cards_per_domain: u8,
    pub domains: Vec<Domain>,
    pub cards: Vec<Card>,
    pub dialogue_cards: Vec<DialogueCard>,
    /// Changes whenever any of the deck's files changes; see [`crate::fingerprint`].
    pub fingerprint: String,
    card_index: HashMap<String, usize>,
    dialogue_index: HashMap<String, usize>,
}

impl Framework {
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.card_index.get(id).map(|&i| &self.cards[i])
    }

    pub fn dialogue_card(&self, id: &str) -> Option<&DialogueCard> {
        self.dialogue_index
            .get(id)
            .map(|&i| &self.dialogue_cards[i])
    }

    pub fn cards_of<'a>(&'a self, domain_id: &'a str) -> impl Iterator<Item = &'a Card> + 'a {
        self.cards.iter().filter(move |c| c.domain == domain_id)
    }

    /// The card before and after `id` in the deck's order, for "previous / next" navigation.
    pub fn neighbours(&self, id: &str) -> (Option<&Card>, Option<&Card>) {
        let Some(&i) = self.card_index.get(id) else {
            return (None, None);
        };
        let previous = i.checked_sub(1).map(|p| &self.cards[p]);
        (previous, self.cards.get(i + 1))
    }

    /// The 1-based position of a card within its domain, as printed on a paper card.
    pub fn position_in_domain(&self, card: &Card) -> usize {
        self.cards_of(&card.domain)
            .position(|c| c.id == card.id)
            .map_or(0, |p| p + 1)
    }

    pub fn dialogue_neighbours(&self, id: &str) -> (Option<&DialogueCard>, Option<&DialogueCard>) {
        let Some(&i) = self.dialogue_index.get(id) else {
            return (None, None);
        };
        let previous = i.checked_sub(1).map(|p| &self.dialogue_cards[p]);
        (previous, self.dialogue_cards.get(i + 1))
    }

    /// The dialogue card at `roll` (any number: it wraps), skipping `except` when the deck has
    /// more than one card, so "draw another" never shows the same card twice in a row.
    pub fn draw_dialogue_card(&self, roll: usize, except: Option<&str>) -> Option<&DialogueCard> {
        let deck: Vec<&DialogueCard> = self
            .dialogue_cards
            .iter()
            .filter(|c| self.dialogue_cards.len() < 2 || Some(c.id.as_str()) != except)
            .collect();
        if deck.is_empty() {
            return None;
        }
        Some(deck[roll % deck.len()])
    }
}

/// Every deck Leidraad knows, in a stable order (by folder name), and the questionnaires of
/// the team scan on professional space (also by folder name).
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub frameworks: Vec<Framework>,
    pub space_scans: Vec<SpaceScan>,
}

impl Library {
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// The deck shown when nobody chose one: the first.
    pub fn default_framework(&self) -> Option<&Framework> {
        self.frameworks.first()
    }

    pub fn space_scan(&self, id: &str) -> Option<&SpaceScan> {
        self.space_scans.iter().find(|s| s.id == id)
    }
}
