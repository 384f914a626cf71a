//! The content model built from a deck's parsed files, checked as it is built: ids valid and
//! unique across the deck, every text in both languages, every card in a known domain, every
//! domain with cards.

use std::collections::{HashMap, HashSet};

use super::problems::Problems;
use super::{CARDS_FILE, DIALOGUE_CARDS_FILE, FRAMEWORK_FILE};
use crate::content::raw::{
    RawCard, RawDialogueCard, RawDomain, RawDomainKind, RawFramework, RawLocalized,
};
use crate::content::{Card, DialogueCard, Domain, DomainKind, Framework, Localized};

const MAX_OWN_CARDS_PER_DOMAIN: u8 = 10;
const MAX_ID_LEN: usize = 64;

pub(super) struct DeckPaths {
    framework: String,
    cards: String,
    dialogue: String,
}

impl DeckPaths {
    pub(super) fn new(deck: &str) -> Self {
        DeckPaths {
            framework: format!("{deck}/{FRAMEWORK_FILE}"),
            cards: format!("{deck}/{CARDS_FILE}"),
            dialogue: format!("{deck}/{DIALOGUE_CARDS_FILE}"),
        }
    }
}

/// Ids are unique across a deck's domains, cards and dialogue cards, so that one id names one
/// thing in URLs and in stored answers.
#[derive(Default)]
pub(crate) struct IdRegistry(HashSet<String>);

impl IdRegistry {
    pub(crate) fn claim(&mut self, file: &str, id: &str, problems: &mut Problems) {
        if !is_valid_id(id) {
            problems.item(
                file,
                id,
                format!("invalid id: use 1 to {MAX_ID_LEN} lowercase letters, digits and '-', starting with a letter or digit"),
            );
        } else if !self.0.insert(id.to_owned()) {
            problems.item(file, id, "duplicate id");
        }
    }
}

fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    first_ok
        && id.len() <= MAX_ID_LEN
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(crate) fn localized(
    file: &str,
    item: &str,
    field: &str,
    raw: RawLocalized,
    problems: &mut Problems,
) -> Localized {
    let mut take = |text: Option<String>, language: &str| match text.map(|t| t.trim().to_owned()) {
        None => {
            problems.item(
                file,
                item,
                format!("{field}: missing translation `{language}`"),
            );
            String::new()
        }
        Some(t) if t.is_empty() => {
            problems.item(file, item, format!("{field}: empty text in `{language}`"));
            String::new()
        }
        Some(t) => t,
    };
    let nl = take(raw.nl, "nl");
    let en = take(raw.en, "en");
    Localized { nl, en }
}

pub(super) fn build_framework(
    paths: &DeckPaths,
    raw: RawFramework,
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Framework {
    let file = &paths.framework;
    ids.claim(file, &raw.id, problems);
    if raw.version.trim().is_empty() {
        problems.item(file, &raw.id, "version: empty");
    }
    if raw.own_cards_per_domain > MAX_OWN_CARDS_PER_DOMAIN {
        problems.item(
            file,
            &raw.id,
            format!("own_cards_per_domain: at most {MAX_OWN_CARDS_PER_DOMAIN}"),
        );
    }
    if raw.domains.is_empty() {
        problems.item(
            file,
            &raw.id,
            "no domains: a deck needs at least one [[domains]]",
        );
    }
    let domains = raw
        .domains
        .into_iter()
        .map(|d| build_domain(file, d, problems, ids))
        .collect();
    Framework {
        title: localized(file, &raw.id, "title", raw.title, problems),
        description: localized(file, &raw.id, "description", raw.description, problems),
        id: raw.id,
        version: raw.version.trim().to_owned(),
        own_cards_per_domain: raw.own_cards_per_domain,
        domains,
        cards: Vec::new(),
        dialogue_cards: Vec::new(),
        fingerprint: String::new(),
        card_index: HashMap::new(),
        dialogue_index: HashMap::new(),
    }
}

fn build_domain(
    file: &str,
    raw: RawDomain,
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Domain {
    ids.claim(file, &raw.id, problems);
    let title = localized(file, &raw.id, "title", raw.title, problems);
    let heading = match raw.heading {
        Some(heading) => localized(file, &raw.id, "heading", heading, problems),
        None => title.clone(),
    };
    Domain {
        kind: match raw.kind {
            RawDomainKind::Practice => DomainKind::Practice,
            RawDomainKind::Quality => DomainKind::Quality,
        },
        id: raw.id,
        title,
        heading,
    }
}

pub(super) fn build_cards(
    paths: &DeckPaths,
    raw: Vec<RawCard>,
    domains: &[Domain],
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Vec<Card> {
    let file = &paths.cards;
    raw.into_iter()
        .map(|card| {
            ids.claim(file, &card.id, problems);
            if !domains.iter().any(|d| d.id == card.domain) {
                problems.item(file, &card.id, format!("unknown domain `{}`", card.domain));
            }
            Card {
                text: localized(file, &card.id, "text", card.text, problems),
                id: card.id,
                domain: card.domain,
            }
        })
        .collect()
}

pub(super) fn build_dialogue_cards(
    paths: &DeckPaths,
    raw: Vec<RawDialogueCard>,
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Vec<DialogueCard> {
    let file = &paths.dialogue;
    raw.into_iter()
        .map(|card| {
            ids.claim(file, &card.id, problems);
            DialogueCard {
                question: localized(file, &card.id, "question", card.question, problems),
                follow_up: card
                    .follow_up
                    .map(|f| localized(file, &card.id, "follow_up", f, problems)),
                id: card.id,
            }
        })
        .collect()
}

pub(super) fn check_every_domain_has_cards(
    paths: &DeckPaths,
    domains: &[Domain],
    cards: &[Card],
    problems: &mut Problems,
) {
    for domain in domains {
        if !cards.iter().any(|c| c.domain == domain.id) {
            problems.item(&paths.framework, &domain.id, "domain has no cards");
        }
    }
}
