//! How a teacher answers a statement of the team scan: how much they agree, on four points
//! with no neutral middle, or "weet ik niet". And which way a statement points: whether
//! agreeing means more room or less, so a result is read the right way without a statement
//! having to be phrased as a double negative.
//!
//! | score | code | nl | en |
//! | --- | --- | --- | --- |
//! | 1 | `helemaal-oneens` | helemaal oneens | strongly disagree |
//! | 2 | `oneens` | oneens | disagree |
//! | 3 | `eens` | eens | agree |
//! | 4 | `helemaal-eens` | helemaal eens | strongly agree |
//! | – | `weet-ik-niet` | weet ik niet | don't know |
//!
//! The labels are content (the scan's `[[scale]]`); the codes and scores are fixed here, and
//! the loader checks that the content lists exactly these answers in this order. "Weet ik niet"
//! is not a fifth point: it counts for no score and is never averaged in.

use std::fmt;
use std::str::FromStr;

/// One point of agreement, 1–4, ordered by score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Agreement {
    StronglyDisagree = 1,
    Disagree = 2,
    Agree = 3,
    StronglyAgree = 4,
}

impl Agreement {
    /// Every point, lowest first.
    pub const ALL: [Agreement; 4] = [
        Agreement::StronglyDisagree,
        Agreement::Disagree,
        Agreement::Agree,
        Agreement::StronglyAgree,
    ];

    /// 1–4.
    pub const fn score(self) -> u8 {
        self as u8
    }

    pub const fn code(self) -> &'static str {
        match self {
            Agreement::StronglyDisagree => "helemaal-oneens",
            Agreement::Disagree => "oneens",
            Agreement::Agree => "eens",
            Agreement::StronglyAgree => "helemaal-eens",
        }
    }

    /// How much room this answer reports, 1 (least) – 4 (most): the score itself for a
    /// statement where agreeing means more room, mirrored for one where it means less.
    pub const fn room(self, direction: Direction) -> u8 {
        match direction {
            Direction::More => self.score(),
            Direction::Less => 5 - self.score(),
        }
    }

    pub fn from_score(score: i64) -> Result<Agreement, ScanAnswerError> {
        Agreement::ALL
            .into_iter()
            .find(|a| i64::from(a.score()) == score)
            .ok_or(ScanAnswerError)
    }
}

/// A teacher's (or the leader's estimated) answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScanAnswer {
    Agreement(Agreement),
    DontKnow,
}

impl ScanAnswer {
    /// Every answer in the order a form offers them: the scale, then "weet ik niet".
    pub const ALL: [ScanAnswer; 5] = [
        ScanAnswer::Agreement(Agreement::StronglyDisagree),
        ScanAnswer::Agreement(Agreement::Disagree),
        ScanAnswer::Agreement(Agreement::Agree),
        ScanAnswer::Agreement(Agreement::StronglyAgree),
        ScanAnswer::DontKnow,
    ];
    pub const DONT_KNOW_CODE: &'static str = "weet-ik-niet";

    pub const fn code(self) -> &'static str {
        match self {
            ScanAnswer::Agreement(a) => a.code(),
            ScanAnswer::DontKnow => ScanAnswer::DONT_KNOW_CODE,
        }
    }

    pub const fn agreement(self) -> Option<Agreement> {
        match self {
            ScanAnswer::Agreement(a) => Some(a),
            ScanAnswer::DontKnow => None,
        }
    }

    /// The room this answer reports (see [`Agreement::room`]); none for "weet ik niet".
    pub const fn room(self, direction: Direction) -> Option<u8> {
        match self {
            ScanAnswer::Agreement(a) => Some(a.room(direction)),
            ScanAnswer::DontKnow => None,
        }
    }

    /// The answer with this code, exactly (no case folding, no spaces).
    pub fn from_code(code: &str) -> Result<ScanAnswer, ScanAnswerError> {
        ScanAnswer::ALL
            .into_iter()
            .find(|a| a.code() == code)
            .ok_or(ScanAnswerError)
    }
}

impl fmt::Display for ScanAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A score (`"3"`) or a code (`"eens"`, `"weet-ik-niet"`), surrounding spaces ignored.
impl FromStr for ScanAnswer {
    type Err = ScanAnswerError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        match s.parse::<i64>() {
            Ok(score) => Agreement::from_score(score).map(ScanAnswer::Agreement),
            Err(_) => ScanAnswer::from_code(s),
        }
    }
}

/// An answer that is not 1–4, one of the codes, or "weet ik niet".
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an answer is 1 (helemaal oneens) to 4 (helemaal eens), or weet-ik-niet")]
pub struct ScanAnswerError;

impl ScanAnswerError {
    /// The stable problem code.
    pub fn code(self) -> &'static str {
        "scan-answer-invalid"
    }
}

/// Which way a statement points: agreeing with it means more room (`more`: "Ik kan zelf
/// bepalen hoe ik mijn lessen inricht") or less (`less`: "Voor bijna alles moet ik toestemming
/// vragen").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    More,
    Less,
}

impl Direction {
    pub const fn code(self) -> &'static str {
        match self {
            Direction::More => "more",
            Direction::Less => "less",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_from_scores_and_codes_and_nothing_else() {
        assert_eq!("3".parse(), Ok(ScanAnswer::Agreement(Agreement::Agree)));
        assert_eq!(
            " helemaal-eens ".parse(),
            Ok(ScanAnswer::Agreement(Agreement::StronglyAgree))
        );
        assert_eq!("weet-ik-niet".parse(), Ok(ScanAnswer::DontKnow));
        for bad in ["0", "5", "-1", "Eens", "neutraal", "", "weet ik niet"] {
            assert_eq!(bad.parse::<ScanAnswer>(), Err(ScanAnswerError), "{bad}");
        }
        for answer in ScanAnswer::ALL {
            assert_eq!(answer.code().parse(), Ok(answer));
        }
    }

    #[test]
    fn room_mirrors_agreement_for_statements_that_mean_less_room() {
        let scores: Vec<u8> = Agreement::ALL
            .iter()
            .map(|a| a.room(Direction::More))
            .collect();
        assert_eq!(scores, [1, 2, 3, 4]);
        let mirrored: Vec<u8> = Agreement::ALL
            .iter()
            .map(|a| a.room(Direction::Less))
            .collect();
        assert_eq!(mirrored, [4, 3, 2, 1]);
        assert_eq!(ScanAnswer::DontKnow.room(Direction::Less), None);
        assert_eq!(ScanAnswer::DontKnow.agreement(), None);
    }
}
