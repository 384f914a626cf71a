//! The rater's form as the bench fills it in: every card of the round answered, and comments,
//! in the body `POST /api/v1/rater/submit` takes (`{"answers": {card: answer}, "comments":
//! {domain or "algemeen": text}}`). The answers differ per rater but are fixed for a given
//! rater number, and each card leans to its own score, so the report of a round has cards
//! the groups agree and disagree on rather than 30 copies of one form.

use serde::Deserialize;
use serde_json::{Map, Value, json};

/// The rater API's name for "kan ik niet beoordelen".
pub const CANNOT_JUDGE: &str = "kan-niet-beoordelen";

/// The name of the general comment where a domain's id would stand.
const GENERAL_COMMENT: &str = "algemeen";

/// General comments, one per rater in turn.
const GENERAL_COMMENTS: [&str; 4] = [
    "Je bent zichtbaar in de school en neemt de tijd voor vragen.",
    "Ik zou graag vaker horen waarom een besluit zo genomen is.",
    "Fijne samenwerking; de koers is helder en je houdt vol.",
    "Soms gaat het snel: neem het team mee voordat iets vastligt.",
];

/// A domain's comment, for one domain in three per rater.
const DOMAIN_COMMENT: &str = "Hier zie ik je sterk in, vooral in het overleg met het team.";

/// The cards of a round per domain, in the form's order: what `GET /api/v1/rater` lists.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RaterForm {
    pub domains: Vec<FormDomain>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FormDomain {
    pub id: String,
    #[serde(deserialize_with = "card_ids")]
    pub cards: Vec<String>,
}

/// The form lists cards as objects with an id and their text; the bench keeps the id.
fn card_ids<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Card {
        id: String,
    }
    let cards = Vec::<Card>::deserialize(deserializer)?;
    Ok(cards.into_iter().map(|card| card.id).collect())
}

impl RaterForm {
    pub fn card_count(&self) -> usize {
        self.domains.iter().map(|domain| domain.cards.len()).sum()
    }

    /// Rater number `rater`'s whole form: an answer to every card, a general comment, and a
    /// comment on every third domain.
    pub fn submit_body(&self, rater: usize) -> String {
        let mut answers = Map::new();
        let mut comments = Map::new();
        comments.insert(
            GENERAL_COMMENT.to_owned(),
            json!(GENERAL_COMMENTS[rater % GENERAL_COMMENTS.len()]),
        );
        let mut card_number = 0;
        for (domain_number, domain) in self.domains.iter().enumerate() {
            for card in &domain.cards {
                answers.insert(card.clone(), answer(rater, card_number));
                card_number += 1;
            }
            if (domain_number + rater).is_multiple_of(3) {
                comments.insert(domain.id.clone(), json!(DOMAIN_COMMENT));
            }
        }
        json!({ "answers": answers, "comments": comments }).to_string()
    }
}

/// One answer: 1–4 around the card's own lean, or now and then "kan ik niet beoordelen".
fn answer(rater: usize, card: usize) -> Value {
    let noise = mix((rater as u64) << 32 | card as u64);
    if noise.is_multiple_of(20) {
        return json!(CANNOT_JUDGE);
    }
    let lean = 1 + mix(card as u64) % 4;
    let score = match (noise >> 8) % 4 {
        0 => lean.saturating_sub(1).max(1),
        3 => (lean + 1).min(4),
        _ => lean,
    };
    json!(score)
}

/// splitmix64's finaliser: a cheap, fixed scramble of a number.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two domains of three and two cards, as `GET /api/v1/rater` lists them.
    fn form() -> RaterForm {
        serde_json::from_str(
            r#"{"domains":[
                {"id":"visie","title":{"nl":"Visie"},"cards":[
                    {"id":"visie-01","text":{"nl":"a"}},{"id":"visie-02","text":{"nl":"b"}},
                    {"id":"visie-03","text":{"nl":"c"}}]},
                {"id":"sociaal","title":{"nl":"Sociaal"},"cards":[
                    {"id":"sociaal-01","text":{"nl":"d"}},{"id":"sociaal-02","text":{"nl":"e"}}]}
            ]}"#,
        )
        .unwrap()
    }

    fn body(rater: usize) -> Value {
        serde_json::from_str(&form().submit_body(rater)).unwrap()
    }

    #[test]
    fn the_form_keeps_the_card_ids_per_domain() {
        let form = form();
        assert_eq!(form.card_count(), 5);
        assert_eq!(form.domains[1].id, "sociaal");
        assert_eq!(form.domains[1].cards, ["sociaal-01", "sociaal-02"]);
    }

    #[test]
    fn every_card_is_answered_on_the_scale() {
        for rater in 0..50 {
            let body = body(rater);
            let answers = body["answers"].as_object().unwrap();
            assert_eq!(answers.len(), 5);
            for answer in answers.values() {
                let valid = answer
                    .as_u64()
                    .is_some_and(|score| (1..=4).contains(&score))
                    || answer == CANNOT_JUDGE;
                assert!(valid, "{answer}");
            }
        }
    }

    #[test]
    fn raters_differ_and_each_keeps_their_answers() {
        assert_eq!(body(3), body(3));
        let distinct: std::collections::HashSet<String> = (0..10)
            .map(|rater| body(rater)["answers"].to_string())
            .collect();
        assert!(distinct.len() > 5, "{distinct:?}");
    }

    #[test]
    fn over_many_raters_every_answer_occurs() {
        let mut seen = std::collections::HashSet::new();
        for rater in 0..200 {
            for answer in body(rater)["answers"].as_object().unwrap().values() {
                seen.insert(answer.to_string());
            }
        }
        for expected in ["1", "2", "3", "4", "\"kan-niet-beoordelen\""] {
            assert!(
                seen.contains(expected),
                "{expected} never answered: {seen:?}"
            );
        }
    }

    #[test]
    fn a_general_comment_always_and_a_domain_comment_in_turn() {
        let first = body(0);
        let comments = first["comments"].as_object().unwrap();
        assert!(comments.contains_key("algemeen"));
        assert!(comments.contains_key("visie"), "domain 0 with rater 0");
        assert!(!comments.contains_key("sociaal"));
        let second = body(2);
        assert!(
            second["comments"]
                .as_object()
                .unwrap()
                .contains_key("sociaal")
        );
    }
}
