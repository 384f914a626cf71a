//! The one rating scale of the whole product (DESIGN.md, "One rating scale everywhere"): how
//! often a behaviour shows.
//!
//! | score | code | nl | en |
//! | --- | --- | --- | --- |
//! | 1 | `nog-niet` | nog niet | not yet |
//! | 2 | `soms` | soms | sometimes |
//! | 3 | `vaak` | vaak | often |
//! | 4 | `vanzelfsprekend` | vanzelfsprekend | second nature |
//!
//! There is no neutral middle. A self-reflection presents the scale as four piles
//! ([`crate::reflection::Pile`] is this [`Rating`]). A rater in a feedback round or a
//! respondent may also answer "kan ik niet beoordelen" ([`RaterAnswer::CannotJudge`]): that is
//! not a fifth point on the scale, it counts for no score and is never averaged in.
//!
//! Values arrive as a number (`3`) or as a code (`vaak`), from forms, JSON and the database,
//! and are parsed once, here. Each value has a stable code (in URLs, forms and the API) and a
//! label key in the locales ([`Rating::label_key`], [`RaterAnswer::label_key`]).

use std::fmt;
use std::str::FromStr;

/// The prefix of every label key of the scale in the locales: `pile-{code}`. (The keys were
/// named for the card sort, the scale's first use; they are the scale's labels everywhere.)
pub const LABEL_KEY_PREFIX: &str = "pile-";

/// One point on the scale, 1–4. Ordered by score: `NotYet < Sometimes < Often < SecondNature`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    NotYet = 1,
    Sometimes = 2,
    Often = 3,
    SecondNature = 4,
}

impl Rating {
    /// Every point, lowest first.
    pub const ALL: [Rating; 4] = [
        Rating::NotYet,
        Rating::Sometimes,
        Rating::Often,
        Rating::SecondNature,
    ];
    /// The lowest score.
    pub const MIN_SCORE: u8 = 1;
    /// The highest score.
    pub const MAX_SCORE: u8 = 4;

    /// 1–4, the score the point counts for.
    pub const fn score(self) -> u8 {
        self as u8
    }

    /// The stable code: in forms, URLs and the API.
    pub const fn code(self) -> &'static str {
        match self {
            Rating::NotYet => "nog-niet",
            Rating::Sometimes => "soms",
            Rating::Often => "vaak",
            Rating::SecondNature => "vanzelfsprekend",
        }
    }

    /// The key of its label in the locales (`pile-{code}`).
    pub const fn label_key(self) -> &'static str {
        match self {
            Rating::NotYet => "pile-nog-niet",
            Rating::Sometimes => "pile-soms",
            Rating::Often => "pile-vaak",
            Rating::SecondNature => "pile-vanzelfsprekend",
        }
    }

    /// The point with this score; anything but 1–4 is refused.
    pub fn from_score(score: i64) -> Result<Rating, RatingError> {
        match score {
            1 => Ok(Rating::NotYet),
            2 => Ok(Rating::Sometimes),
            3 => Ok(Rating::Often),
            4 => Ok(Rating::SecondNature),
            _ => Err(RatingError),
        }
    }

    /// The point with this code, exactly (no case folding, no spaces).
    pub fn from_code(code: &str) -> Result<Rating, RatingError> {
        Rating::ALL
            .into_iter()
            .find(|rating| rating.code() == code)
            .ok_or(RatingError)
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A score (`"3"`) or a code (`"vaak"`), surrounding spaces ignored.
impl FromStr for Rating {
    type Err = RatingError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        match s.parse::<i64>() {
            Ok(score) => Rating::from_score(score),
            Err(_) => Rating::from_code(s),
        }
    }
}

impl TryFrom<i64> for Rating {
    type Error = RatingError;

    fn try_from(score: i64) -> Result<Self, Self::Error> {
        Rating::from_score(score)
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.score()
    }
}

impl From<Rating> for i64 {
    fn from(rating: Rating) -> i64 {
        i64::from(rating.score())
    }
}

/// A rating that is not 1–4 or one of the four codes (or, for a [`RaterAnswer`], "cannot
/// judge").
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a rating is 1 (nog niet), 2 (soms), 3 (vaak) or 4 (vanzelfsprekend)")]
pub struct RatingError;

impl RatingError {
    /// The stable problem code. It is `pile-invalid` because the card sort was the first to
    /// refuse a rating and clients and the locales already know that code.
    pub fn code(self) -> &'static str {
        "pile-invalid"
    }
}

/// What a rater or respondent answers for one card: a point on the scale, or "kan ik niet
/// beoordelen". Only raters and respondents may answer [`RaterAnswer::CannotJudge`]; a
/// self-reflection uses [`Rating`] alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RaterAnswer {
    Rated(Rating),
    CannotJudge,
}

impl RaterAnswer {
    /// Every answer in the order a form offers them: the scale, then "cannot judge".
    pub const ALL: [RaterAnswer; 5] = [
        RaterAnswer::Rated(Rating::NotYet),
        RaterAnswer::Rated(Rating::Sometimes),
        RaterAnswer::Rated(Rating::Often),
        RaterAnswer::Rated(Rating::SecondNature),
        RaterAnswer::CannotJudge,
    ];
    /// The code of [`RaterAnswer::CannotJudge`].
    pub const CANNOT_JUDGE_CODE: &'static str = "kan-niet-beoordelen";
    /// How [`RaterAnswer::CannotJudge`] is stored in an integer column (the ratings are
    /// stored as their score, 1–4). Never accepted from a form or the API: see
    /// [`RaterAnswer::from_stored`].
    pub const CANNOT_JUDGE_STORED: i64 = 0;

    /// The rating, if the rater gave one.
    pub const fn rating(self) -> Option<Rating> {
        match self {
            RaterAnswer::Rated(rating) => Some(rating),
            RaterAnswer::CannotJudge => None,
        }
    }

    /// The score, if any: "cannot judge" counts for none and must be left out of every mean.
    pub const fn score(self) -> Option<u8> {
        match self {
            RaterAnswer::Rated(rating) => Some(rating.score()),
            RaterAnswer::CannotJudge => None,
        }
    }

    /// The stable code: a rating's code, or `kan-niet-beoordelen`.
    pub const fn code(self) -> &'static str {
        match self {
            RaterAnswer::Rated(rating) => rating.code(),
            RaterAnswer::CannotJudge => RaterAnswer::CANNOT_JUDGE_CODE,
        }
    }

    /// The key of its label in the locales (`pile-{code}`).
    pub const fn label_key(self) -> &'static str {
        match self {
            RaterAnswer::Rated(rating) => rating.label_key(),
            RaterAnswer::CannotJudge => "pile-kan-niet-beoordelen",
        }
    }

    /// The answer with this code, exactly.
    pub fn from_code(code: &str) -> Result<RaterAnswer, RatingError> {
        RaterAnswer::ALL
            .into_iter()
            .find(|answer| answer.code() == code)
            .ok_or(RatingError)
    }

    /// The integer an answer is stored as: the score, or
    /// [`CANNOT_JUDGE_STORED`](RaterAnswer::CANNOT_JUDGE_STORED).
    pub fn to_stored(self) -> i64 {
        self.score()
            .map_or(RaterAnswer::CANNOT_JUDGE_STORED, i64::from)
    }

    /// The answer stored as this integer: 1–4, or 0 for "cannot judge". Only for values read
    /// back from the database; input from people goes through [`FromStr`], where 0 is
    /// refused like any other number outside the scale.
    pub fn from_stored(stored: i64) -> Result<RaterAnswer, RatingError> {
        if stored == RaterAnswer::CANNOT_JUDGE_STORED {
            Ok(RaterAnswer::CannotJudge)
        } else {
            Rating::from_score(stored).map(RaterAnswer::Rated)
        }
    }
}

impl From<Rating> for RaterAnswer {
    fn from(rating: Rating) -> RaterAnswer {
        RaterAnswer::Rated(rating)
    }
}

impl fmt::Display for RaterAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A score 1–4, a rating's code or `kan-niet-beoordelen`, surrounding spaces ignored.
impl FromStr for RaterAnswer {
    type Err = RatingError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s == RaterAnswer::CANNOT_JUDGE_CODE {
            return Ok(RaterAnswer::CannotJudge);
        }
        s.parse::<Rating>().map(RaterAnswer::Rated)
    }
}

#[cfg(test)]
mod tests;
