//! The profile of one reflection: per domain the spread over the piles and the mean score,
//! the strengths and the growth points, and the rule for focus cards.

use super::{Pile, Placed, SortedCard};

/// Per domain: how many cards lie on each pile, how many are not sorted yet, and the mean
/// score (1–4) of the sorted ones.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainProfile {
    pub domain: String,
    /// Cards on nog niet, soms, vaak, vanzelfsprekend.
    pub counts: [usize; 4],
    pub unsorted: usize,
    pub mean: Option<f64>,
}

impl DomainProfile {
    pub fn sorted(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn count(&self, pile: Pile) -> usize {
        self.counts[usize::from(pile.score() - 1)]
    }

    /// The mean with one decimal, as people read it ("2,7" is the page's business).
    pub fn mean_rounded(&self) -> Option<f64> {
        self.mean.map(|m| (m * 10.0).round() / 10.0)
    }
}

/// A reflection's profile, domains in the framework's order. The cards are [`SortedCard`]s,
/// or any other [`Placed`] view of them (a reference costs no copy).
#[derive(Debug, Clone, PartialEq)]
pub struct Profile<C = SortedCard> {
    pub domains: Vec<DomainProfile>,
    /// Cards on vanzelfsprekend, in the order given.
    pub strengths: Vec<C>,
    /// Cards on nog niet, or starred.
    pub growth_points: Vec<C>,
}

impl<C: Placed + Clone> Profile<C> {
    /// The profile of `cards` over the domains in `domain_order`; cards of other domains are
    /// left out, domains without cards get an empty row.
    pub fn of(domain_order: &[&str], cards: &[C]) -> Profile<C> {
        let domains = domain_order
            .iter()
            .map(|domain| domain_profile(domain, cards))
            .collect();
        let in_scope = |card: &&C| domain_order.contains(&card.domain());
        Profile {
            domains,
            strengths: cards
                .iter()
                .filter(in_scope)
                .filter(|c| c.is_strength())
                .cloned()
                .collect(),
            growth_points: cards
                .iter()
                .filter(in_scope)
                .filter(|c| c.is_growth_point())
                .cloned()
                .collect(),
        }
    }
}

impl<C> Profile<C> {
    pub fn domain(&self, id: &str) -> Option<&DomainProfile> {
        self.domains.iter().find(|d| d.domain == id)
    }

    /// Sorted cards out of all cards in scope.
    pub fn progress(&self) -> (usize, usize) {
        let sorted = self.domains.iter().map(DomainProfile::sorted).sum();
        let unsorted: usize = self.domains.iter().map(|d| d.unsorted).sum();
        (sorted, sorted + unsorted)
    }
}

fn domain_profile(domain: &str, cards: &[impl Placed]) -> DomainProfile {
    let mut counts = [0usize; 4];
    let mut unsorted = 0;
    for card in cards.iter().filter(|c| c.domain() == domain) {
        match card.pile() {
            Some(pile) => counts[usize::from(pile.score() - 1)] += 1,
            None => unsorted += 1,
        }
    }
    let sorted: usize = counts.iter().sum();
    let total: usize = counts
        .iter()
        .zip(1..)
        .map(|(count, score)| count * score)
        .sum();
    DomainProfile {
        domain: domain.to_owned(),
        counts,
        unsorted,
        mean: (sorted > 0).then(|| total as f64 / sorted as f64),
    }
}

/// No more than two or three themes a year (the professional-space seed): three focus cards.
pub const MAX_FOCUS_CARDS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FocusError {
    #[error("at most three focus cards")]
    TooMany,
    #[error("a focus card is chosen from the growth points")]
    NotAGrowthPoint,
    #[error("this card is already a focus card")]
    AlreadyChosen,
}

impl FocusError {
    pub fn code(self) -> &'static str {
        match self {
            FocusError::TooMany => "focus-too-many",
            FocusError::NotAGrowthPoint => "focus-not-a-growth-point",
            FocusError::AlreadyChosen => "focus-already-chosen",
        }
    }
}

/// Whether `candidate` may join the focus cards `chosen`.
pub fn check_focus(
    chosen: &[String],
    candidate: &str,
    cards: &[SortedCard],
) -> Result<(), FocusError> {
    if chosen.iter().any(|c| c == candidate) {
        return Err(FocusError::AlreadyChosen);
    }
    let growth_point = cards
        .iter()
        .any(|c| c.card == candidate && c.is_growth_point());
    if !growth_point {
        return Err(FocusError::NotAGrowthPoint);
    }
    check_focus_room(chosen, candidate)
}

/// Whether `candidate` may join the focus cards `chosen` when it comes from others' view (a
/// blind spot in a 360° report): any card, as long as it is new and there is room.
pub fn check_focus_room(chosen: &[String], candidate: &str) -> Result<(), FocusError> {
    if chosen.iter().any(|c| c == candidate) {
        return Err(FocusError::AlreadyChosen);
    }
    if chosen.len() >= MAX_FOCUS_CARDS {
        return Err(FocusError::TooMany);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn card(id: &str, domain: &str, pile: Option<u8>, starred: bool) -> SortedCard {
        SortedCard {
            card: id.into(),
            domain: domain.into(),
            pile: pile.map(|p| Pile::from_score(i64::from(p)).unwrap()),
            starred,
        }
    }

    #[test]
    fn a_domain_counts_its_piles_and_means_its_sorted_cards() {
        let cards = [
            card("a1", "a", Some(1), false),
            card("a2", "a", Some(4), false),
            card("a3", "a", Some(4), true),
            card("a4", "a", None, false),
            card("b1", "b", Some(2), false),
        ];
        let profile = Profile::of(&["a", "b", "c"], &cards);
        let a = profile.domain("a").unwrap();
        assert_eq!(a.counts, [1, 0, 0, 2]);
        assert_eq!(a.unsorted, 1);
        assert_eq!(a.mean, Some(3.0));
        assert_eq!(profile.domain("b").unwrap().mean, Some(2.0));
        assert_eq!(
            profile.domain("c").unwrap().mean,
            None,
            "no cards, no score"
        );
        assert_eq!(profile.progress(), (4, 5));
        let strengths: Vec<_> = profile.strengths.iter().map(|c| c.card.as_str()).collect();
        assert_eq!(strengths, ["a2", "a3"]);
        let growth: Vec<_> = profile
            .growth_points
            .iter()
            .map(|c| c.card.as_str())
            .collect();
        assert_eq!(growth, ["a1", "a3"], "nog niet, or starred");
    }

    #[test]
    fn cards_outside_the_chosen_domains_are_left_out() {
        let cards = [
            card("a1", "a", Some(1), false),
            card("z1", "z", Some(1), true),
        ];
        let profile = Profile::of(&["a"], &cards);
        assert_eq!(profile.domains.len(), 1);
        assert_eq!(profile.growth_points.len(), 1);
    }

    #[test]
    fn means_round_to_one_decimal() {
        let cards = [
            card("a1", "a", Some(1), false),
            card("a2", "a", Some(2), false),
            card("a3", "a", Some(2), false),
        ];
        let profile = Profile::of(&["a"], &cards);
        assert_eq!(profile.domains[0].mean_rounded(), Some(1.7));
    }

    #[test]
    fn three_focus_cards_from_the_growth_points_and_no_more() {
        let cards: Vec<_> = (1..=5)
            .map(|i| card(&format!("a{i}"), "a", Some(1), false))
            .chain([card("s", "a", Some(4), false)])
            .collect();
        let mut chosen: Vec<String> = Vec::new();
        for id in ["a1", "a2", "a3"] {
            check_focus(&chosen, id, &cards).unwrap();
            chosen.push(id.into());
        }
        assert_eq!(check_focus(&chosen, "a4", &cards), Err(FocusError::TooMany));
        assert_eq!(
            check_focus(&chosen, "a1", &cards),
            Err(FocusError::AlreadyChosen)
        );
        assert_eq!(
            check_focus(&[], "s", &cards),
            Err(FocusError::NotAGrowthPoint)
        );
        assert_eq!(
            check_focus(&[], "nope", &cards),
            Err(FocusError::NotAGrowthPoint)
        );
    }
}
