//! What the report points out: blind spots and hidden strengths (self against others), the
//! highest and lowest rated cards, and where the groups agree or differ. All of it is read
//! from the shown card results, so it can show nothing they do not.

use super::CardResult;
use super::tally::round2;

/// The most cards any one list names: a summary, not a second table.
const MAX_LISTED: usize = 5;
/// Self and others a point apart or more: a blind spot or a hidden strength.
const SELF_GAP: f64 = 1.0;
/// Group means within half a point of each other: agreement.
const AGREEMENT_RANGE: f64 = 0.5;
/// Group means a point apart or more: disagreement.
const DISAGREEMENT_RANGE: f64 = 1.0;

pub(super) struct Highlights {
    pub blind_spots: Vec<String>,
    pub hidden_strengths: Vec<String>,
    pub highest: Vec<String>,
    pub lowest: Vec<String>,
    pub agreement: Vec<String>,
    pub disagreement: Vec<String>,
}

impl Highlights {
    pub(super) fn of(cards: &[CardResult]) -> Highlights {
        let (highest, lowest) = extremes(cards);
        let (agreement, disagreement) = group_ranges(cards);
        Highlights {
            blind_spots: self_gaps(cards, |own, others| own - others),
            hidden_strengths: self_gaps(cards, |own, others| others - own),
            highest,
            lowest,
            agreement,
            disagreement,
        }
    }
}

/// Cards (in card order) where `gap(own, others mean)` is at least [`SELF_GAP`].
fn self_gaps(cards: &[CardResult], gap: impl Fn(f64, f64) -> f64) -> Vec<String> {
    cards
        .iter()
        .filter(|card| {
            let (Some(own), Some(others)) = (card.own, card.others) else {
                return false;
            };
            round2(gap(f64::from(own.score()), others.mean)) >= SELF_GAP
        })
        .map(|card| card.card.clone())
        .collect()
}

/// The highest and the lowest rated cards by the others' mean; ties in card order. Each
/// list takes at most half the rated cards, and the lowest leaves out the highest, so a card
/// is never both.
fn extremes(cards: &[CardResult]) -> (Vec<String>, Vec<String>) {
    let mut rated: Vec<(&str, f64)> = cards
        .iter()
        .filter_map(|card| Some((card.card.as_str(), card.others?.mean)))
        .collect();
    let limit = MAX_LISTED.min(rated.len() / 2);
    rated.sort_by(|a, b| b.1.total_cmp(&a.1));
    let highest: Vec<&str> = rated.iter().take(limit).map(|(card, _)| *card).collect();
    rated.retain(|(card, _)| !highest.contains(card));
    rated.sort_by(|a, b| a.1.total_cmp(&b.1));
    let lowest = rated.iter().take(limit).map(|(card, _)| card.to_string());
    (
        highest.iter().map(|card| card.to_string()).collect(),
        lowest.collect(),
    )
}

/// Agreement (smallest range first) and disagreement (largest first) over the cards that at
/// least two groups scored; the range is that of the shown group means.
fn group_ranges(cards: &[CardResult]) -> (Vec<String>, Vec<String>) {
    let mut ranges: Vec<(&str, f64)> = cards
        .iter()
        .filter_map(|card| Some((card.card.as_str(), range_of_groups(card)?)))
        .collect();
    ranges.sort_by(|a, b| a.1.total_cmp(&b.1));
    let agreement = listed(ranges.iter().filter(|(_, range)| *range <= AGREEMENT_RANGE));
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    let disagreement = listed(
        ranges
            .iter()
            .filter(|(_, range)| *range >= DISAGREEMENT_RANGE),
    );
    (agreement, disagreement)
}

fn range_of_groups(card: &CardResult) -> Option<f64> {
    let means: Vec<f64> = card
        .groups
        .iter()
        .filter_map(|(_, score)| Some(score.as_ref()?.mean))
        .collect();
    if means.len() < 2 {
        return None;
    }
    let max = means.iter().copied().fold(f64::MIN, f64::max);
    let min = means.iter().copied().fold(f64::MAX, f64::min);
    Some(round2(max - min))
}

fn listed<'a>(cards: impl Iterator<Item = &'a (&'a str, f64)>) -> Vec<String> {
    cards
        .take(MAX_LISTED)
        .map(|(card, _)| card.to_string())
        .collect()
}
