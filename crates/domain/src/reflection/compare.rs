//! Two moments of one person side by side: per domain the change in mean score, per card the
//! move between piles.

use super::{Pile, Profile, SortedCard};

#[derive(Debug, Clone, PartialEq)]
pub struct DomainChange {
    pub domain: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl DomainChange {
    /// After minus before, when both moments scored the domain.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// A card that lies on another pile now (or was sorted in only one of the two moments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardMove {
    pub card: String,
    pub domain: String,
    pub before: Option<Pile>,
    pub after: Option<Pile>,
}

impl CardMove {
    /// Up (+), down (−) or unknown (a side unsorted).
    pub fn steps(&self) -> Option<i8> {
        Some(self.after?.score() as i8 - self.before?.score() as i8)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub domains: Vec<DomainChange>,
    /// Only the cards that moved, in the later moment's order, then cards only the earlier
    /// moment had.
    pub moves: Vec<CardMove>,
}

impl Comparison {
    pub fn between(
        domain_order: &[&str],
        earlier: &[SortedCard],
        later: &[SortedCard],
    ) -> Comparison {
        let before = Profile::of(domain_order, earlier);
        let after = Profile::of(domain_order, later);
        let domains = domain_order
            .iter()
            .map(|domain| DomainChange {
                domain: (*domain).to_owned(),
                before: before.domain(domain).and_then(|d| d.mean),
                after: after.domain(domain).and_then(|d| d.mean),
            })
            .collect();
        let pile_in = |cards: &[SortedCard], id: &str| {
            cards.iter().find(|c| c.card == id).and_then(|c| c.pile)
        };
        let mut moves: Vec<CardMove> = later
            .iter()
            .map(|card| CardMove {
                card: card.card.clone(),
                domain: card.domain.clone(),
                before: pile_in(earlier, &card.card),
                after: card.pile,
            })
            .filter(|m| m.before != m.after)
            .collect();
        moves.extend(
            earlier
                .iter()
                .filter(|card| !later.iter().any(|l| l.card == card.card))
                .filter(|card| card.pile.is_some())
                .map(|card| CardMove {
                    card: card.card.clone(),
                    domain: card.domain.clone(),
                    before: card.pile,
                    after: None,
                }),
        );
        moves.retain(|m| domain_order.contains(&m.domain.as_str()));
        Comparison { domains, moves }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, pile: Option<u8>) -> SortedCard {
        SortedCard {
            card: id.into(),
            domain: "a".into(),
            pile: pile.map(|p| Pile::from_score(i64::from(p)).unwrap()),
            starred: false,
        }
    }

    #[test]
    fn the_comparison_shows_score_changes_and_only_the_cards_that_moved() {
        let earlier = [
            card("a1", Some(1)),
            card("a2", Some(2)),
            card("a3", Some(3)),
            card("old", Some(2)),
        ];
        let later = [
            card("a1", Some(3)),
            card("a2", Some(2)),
            card("a3", None),
            card("new", Some(4)),
        ];
        let comparison = Comparison::between(&["a"], &earlier, &later);
        let change = &comparison.domains[0];
        assert_eq!(change.before, Some(2.0));
        assert_eq!(change.after, Some(3.0));
        assert_eq!(change.delta(), Some(1.0));
        let moves: Vec<_> = comparison
            .moves
            .iter()
            .map(|m| (m.card.as_str(), m.steps()))
            .collect();
        assert_eq!(
            moves,
            [("a1", Some(2)), ("a3", None), ("new", None), ("old", None)]
        );
    }
}
