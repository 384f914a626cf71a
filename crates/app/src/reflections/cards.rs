//! Which cards lie in a reflection, and where its answers put them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use leidraad_domain::reflection::{Pile, Placed, Profile, SortedCard};
use leidraad_domain::{Domain, Framework, Language};
use leidraad_store::reflections::{AnswerRecord, FullReflection, OwnCardRecord, ReflectionRecord};

/// One card of a reflection: a framework card or an own card.
#[derive(Debug, Clone)]
pub struct ScopeCard {
    pub key: String,
    pub domain: String,
    pub text: String,
    pub own: bool,
}

/// The cards in the reflection's domains, in the framework's order, each domain's own cards
/// after its printed ones.
pub fn scope_cards(
    language: Language,
    framework: &Framework,
    record: &ReflectionRecord,
    own_cards: &[OwnCardRecord],
) -> Vec<ScopeCard> {
    let mut cards = Vec::with_capacity(framework.cards.len() + own_cards.len());
    for domain in framework
        .domains
        .iter()
        .filter(|d| record.domains.contains(&d.id))
    {
        cards.extend(framework.cards_of(&domain.id).map(|card| ScopeCard {
            key: card.id.clone(),
            domain: domain.id.clone(),
            text: card.text.get(language).to_owned(),
            own: false,
        }));
        cards.extend(
            own_cards
                .iter()
                .filter(|c| c.domain_id == domain.id)
                .map(|c| ScopeCard {
                    key: c.key(),
                    domain: domain.id.clone(),
                    text: c.text.clone(),
                    own: true,
                }),
        );
    }
    cards
}

/// Every card in scope with its answer, unsorted ones included.
pub fn sorted_cards(scope: &[ScopeCard], answers: &[AnswerRecord]) -> Vec<SortedCard> {
    let by_card: HashMap<&str, &AnswerRecord> =
        answers.iter().map(|a| (a.card_id.as_str(), a)).collect();
    scope
        .iter()
        .map(|card| {
            let answer = by_card.get(card.key.as_str());
            SortedCard {
                card: card.key.clone(),
                domain: card.domain.clone(),
                pile: answer.and_then(|a| a.pile),
                starred: answer.is_some_and(|a| a.starred),
            }
        })
        .collect()
}

/// The reflection's profile, over its domains in the framework's order.
pub fn profile<C: Placed + Clone>(record: &ReflectionRecord, cards: &[C]) -> Profile<C> {
    let domains: Vec<&str> = record.domains.iter().map(String::as_str).collect();
    Profile::of(&domains, cards)
}

/// The reflection's cards with their answers, as the domain's rules take them.
pub fn profile_cards(framework: &Framework, full: &FullReflection) -> Vec<SortedCard> {
    let scope = scope_cards(
        Language::default(),
        framework,
        &full.record,
        &full.own_cards,
    );
    sorted_cards(&scope, &full.answers)
}

/// One card of a reflection with its answer, borrowed from the framework and the reflection
/// as read: a page lists some eighty of them, none copied.
#[derive(Debug, Clone)]
pub struct CardInReflection<'a> {
    /// A framework card's id, or an own card's key.
    pub key: Cow<'a, str>,
    pub domain: &'a Domain,
    /// The domain's 1-based place in the framework (for its colour).
    pub domain_number: usize,
    /// The card's 1-based place in its domain, as printed on the paper card; 0 for an own
    /// card, which has none.
    pub number: usize,
    /// In the language asked for; an own card as written.
    pub text: &'a str,
    pub own: bool,
    pub answer: Option<&'a AnswerRecord>,
    /// One of the reflection's focus cards.
    pub focus: bool,
}

impl CardInReflection<'_> {
    pub fn note(&self) -> &str {
        self.answer.map_or("", |a| a.note.as_str())
    }

    pub fn evidence(&self) -> &str {
        self.answer.map_or("", |a| a.evidence.as_str())
    }
}

impl Placed for CardInReflection<'_> {
    fn domain(&self) -> &str {
        &self.domain.id
    }

    fn pile(&self) -> Option<Pile> {
        self.answer.and_then(|a| a.pile)
    }

    fn starred(&self) -> bool {
        self.answer.is_some_and(|a| a.starred)
    }
}

/// The cards in the reflection's domains with their answers, in the framework's order, each
/// domain's own cards after its printed ones: as [`scope_cards`] and [`sorted_cards`], without
/// a copy of any text.
pub fn cards_in<'a>(
    language: Language,
    framework: &'a Framework,
    full: &'a FullReflection,
) -> Vec<CardInReflection<'a>> {
    let answers: HashMap<&str, &AnswerRecord, BuildHasherDefault<Fnv>> = full
        .answers
        .iter()
        .map(|a| (a.card_id.as_str(), a))
        .collect();
    let answer = |key: &str| answers.get(key).copied();
    let focus = |key: &str| full.focus_cards.iter().any(|f| f == key);
    let mut cards = Vec::with_capacity(framework.cards.len() + full.own_cards.len());
    for (index, domain) in framework.domains.iter().enumerate() {
        if !full.record.domains.contains(&domain.id) {
            continue;
        }
        for (place, card) in framework.cards_of(&domain.id).enumerate() {
            cards.push(CardInReflection {
                key: Cow::Borrowed(card.id.as_str()),
                domain,
                domain_number: index + 1,
                number: place + 1,
                text: card.text.get(language),
                own: false,
                answer: answer(&card.id),
                focus: focus(&card.id),
            });
        }
        for own in full.own_cards.iter().filter(|c| c.domain_id == domain.id) {
            let key = own.key();
            cards.push(CardInReflection {
                domain,
                domain_number: index + 1,
                number: 0,
                text: &own.text,
                own: true,
                answer: answer(&key),
                focus: focus(&key),
                key: Cow::Owned(key),
            });
        }
    }
    cards
}

/// FNV-1a, for looking up a page's answers by card key. SipHash, the standard map's hash,
/// resists keys chosen to collide, which buys nothing here: the keys are the reflection's
/// own cards, checked on every save, some eighty of them. A binary search over the sorted
/// keys cost as much as the rest of [`cards_in`] together.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
