//! Which cards lie in a reflection, and where its answers put them.

use std::collections::HashMap;

use leidraad_domain::reflection::{Profile, SortedCard};
use leidraad_domain::{Framework, Language};
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
pub fn profile(record: &ReflectionRecord, cards: &[SortedCard]) -> Profile {
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
