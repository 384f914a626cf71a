//! The answers on one card (or pooled over several) as counts per point of the scale, so
//! pooling is adding and no rating is ever kept beside the group it came from.

use super::Score;
use crate::rating::{RaterAnswer, Rating};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Tally {
    /// How many chose each point, lowest first.
    per_point: [usize; 4],
    cannot_judge: usize,
}

impl Tally {
    pub(super) fn add(&mut self, answer: RaterAnswer) {
        match answer {
            RaterAnswer::Rated(rating) => self.per_point[index(rating)] += 1,
            RaterAnswer::CannotJudge => self.cannot_judge += 1,
        }
    }

    /// The number of ratings: "cannot judge" is not one.
    pub(super) fn ratings(&self) -> usize {
        self.per_point.iter().sum()
    }

    pub(super) fn pool(tallies: impl IntoIterator<Item = Tally>) -> Tally {
        tallies.into_iter().fold(Tally::default(), |mut sum, t| {
            for (total, count) in sum.per_point.iter_mut().zip(t.per_point) {
                *total += count;
            }
            sum.cannot_judge += t.cannot_judge;
            sum
        })
    }

    /// Mean and population standard deviation; `None` without ratings. Whether the score
    /// may be shown is the caller's question.
    pub(super) fn score(&self) -> Option<Score> {
        let answers = self.ratings();
        if answers == 0 {
            return None;
        }
        let n = answers as f64;
        let points = || Rating::ALL.iter().zip(self.per_point);
        let sum: f64 = points()
            .map(|(r, count)| f64::from(r.score()) * count as f64)
            .sum();
        let mean = sum / n;
        let variance: f64 = points()
            .map(|(r, count)| (f64::from(r.score()) - mean).powi(2) * count as f64)
            .sum::<f64>()
            / n;
        Some(Score {
            mean: round2(mean),
            spread: round2(variance.sqrt()),
            answers,
            cannot_judge: self.cannot_judge,
        })
    }
}

fn index(rating: Rating) -> usize {
    usize::from(rating.score() - Rating::MIN_SCORE)
}

/// To 2 decimals, as figures are shown (and compared, so a shown 3.00 against a shown 4.00
/// is a point apart).
pub(super) fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
