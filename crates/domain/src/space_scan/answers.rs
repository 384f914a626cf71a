//! What one respondent sends, typed: a rating per statement, per teacher-leader role whether
//! they fulfil it now and would like to, and the open answers. The leader's (or a board
//! member's) estimate is the same ratings without roles or open answers. And the settings of a
//! scan: its anonymity threshold, which goes through [`crate::anonymity`] like every other.
//!
//! Everything is checked against the questionnaire it answers: a statement, role or open
//! question the scan does not have is refused with its own code, never dropped, so a form or
//! an API client that is out of date finds out.

use std::collections::BTreeMap;

use super::{ScanAnswer, ScanAnswerError, SpaceScan};
use crate::anonymity::{AnonymityRules, Threshold, ThresholdError};
use crate::text::{self, TextKind};

/// The threshold a scan gets when its leader does not choose one.
pub const DEFAULT_THRESHOLD: usize = 5;
/// Longest open answer, as long as a comment in a feedback round.
pub const MAX_OPEN_ANSWER_CHARS: usize = 2000;

/// A scan's settings, validated: only [`ScanSettings::new`] makes one. The threshold holds
/// for the figures and for the open answers alike: words give a writer away sooner than
/// numbers, so they never get a lower one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanSettings {
    rules: AnonymityRules,
}

impl ScanSettings {
    /// Settings with a threshold of `threshold` respondents: at least [`Threshold::MIN`].
    pub fn new(threshold: usize) -> Result<ScanSettings, ScanError> {
        let threshold = Threshold::new(threshold)?;
        let rules = AnonymityRules::new(threshold, threshold)?;
        Ok(ScanSettings { rules })
    }

    pub fn rules(&self) -> AnonymityRules {
        self.rules
    }

    pub fn threshold(&self) -> usize {
        self.rules.group().get()
    }
}

impl Default for ScanSettings {
    /// A threshold of [`DEFAULT_THRESHOLD`].
    fn default() -> ScanSettings {
        ScanSettings::new(DEFAULT_THRESHOLD).unwrap_or(ScanSettings {
            rules: AnonymityRules::DEFAULT,
        })
    }
}

/// Longest title of a scan, or name of a team in it.
pub const MAX_LABEL_CHARS: usize = 80;

/// A scan's title ("Teamscan voorjaar 2027") or a team's name in it: 1 to [`MAX_LABEL_CHARS`]
/// characters on one line.
pub fn parse_label(input: &str) -> Result<String, ScanError> {
    match text::clean(input, MAX_LABEL_CHARS, TextKind::Name) {
        Ok(label) if !label.is_empty() => Ok(label),
        _ => Err(ScanError::LabelInvalid),
    }
}

/// One role as a respondent answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoleAnswer {
    /// "Doe ik nu".
    pub now: bool,
    /// "Zou ik willen".
    pub would_like: bool,
}

/// An answer to an open question: trimmed, at most [`MAX_OPEN_ANSWER_CHARS`] characters over
/// several lines, never empty (an empty answer is no answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenAnswer(String);

impl OpenAnswer {
    /// `None` for text that is empty once trimmed.
    pub fn parse(input: &str) -> Result<Option<OpenAnswer>, ScanError> {
        let text = text::clean(input, MAX_OPEN_ANSWER_CHARS, TextKind::Paragraphs)
            .map_err(|_| ScanError::OpenAnswerInvalid)?;
        Ok((!text.is_empty()).then_some(OpenAnswer(text)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The ratings of one person, by statement id. A statement left out is not answered (a
/// draft, or a skipped statement): it counts nowhere, unlike "weet ik niet", which is counted
/// apart.
pub type Ratings = BTreeMap<String, ScanAnswer>;

/// One respondent's answers, checked against the scan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Response {
    pub ratings: Ratings,
    /// By role id; a role left out is answered "no" twice.
    pub roles: BTreeMap<String, RoleAnswer>,
    /// By open question id; empty answers are left out.
    pub open: BTreeMap<String, OpenAnswer>,
    /// The name of a role the questionnaire does not list, for "Anders": free text, so it is
    /// shown like an open answer, never beside the rest of the response.
    pub other_role: Option<OpenAnswer>,
}

/// A response as typed: statement id and answer (a score or a code, see [`ScanAnswer`]), role
/// id with its two ticks, open question id and text.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawResponse<'a> {
    pub ratings: &'a [(&'a str, &'a str)],
    pub roles: &'a [(&'a str, bool, bool)],
    pub open: &'a [(&'a str, &'a str)],
    /// The role named under "Anders"; empty for none.
    pub other_role: &'a str,
}

impl Response {
    pub fn parse(scan: &SpaceScan, raw: RawResponse<'_>) -> Result<Response, ScanError> {
        let ratings = parse_ratings(scan, raw.ratings)?;
        let mut roles = BTreeMap::new();
        for (id, now, would_like) in raw.roles {
            if scan.role(id).is_none() {
                return Err(ScanError::RoleUnknown);
            }
            let answer = RoleAnswer {
                now: *now,
                would_like: *would_like,
            };
            if roles.insert((*id).to_owned(), answer).is_some() {
                return Err(ScanError::AnsweredTwice);
            }
        }
        let mut open = BTreeMap::new();
        let mut seen = Vec::new();
        for (id, text) in raw.open {
            if scan.open_question(id).is_none() {
                return Err(ScanError::OpenQuestionUnknown);
            }
            if seen.contains(id) {
                return Err(ScanError::AnsweredTwice);
            }
            seen.push(*id);
            if let Some(answer) = OpenAnswer::parse(text)? {
                open.insert((*id).to_owned(), answer);
            }
        }
        Ok(Response {
            ratings,
            roles,
            open,
            other_role: OpenAnswer::parse(raw.other_role)?,
        })
    }
}

/// How the school leader (or a board member) expects the team to rate each statement. It has
/// no roles and no open answers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Estimate {
    pub ratings: Ratings,
}

impl Estimate {
    pub fn parse(scan: &SpaceScan, ratings: &[(&str, &str)]) -> Result<Estimate, ScanError> {
        Ok(Estimate {
            ratings: parse_ratings(scan, ratings)?,
        })
    }
}

fn parse_ratings(scan: &SpaceScan, raw: &[(&str, &str)]) -> Result<Ratings, ScanError> {
    let mut ratings = Ratings::new();
    for (id, answer) in raw {
        if scan.statement(id).is_none() {
            return Err(ScanError::StatementUnknown);
        }
        let answer: ScanAnswer = answer.parse()?;
        if ratings.insert((*id).to_owned(), answer).is_some() {
            return Err(ScanError::AnsweredTwice);
        }
    }
    Ok(ratings)
}

/// Why a setting or an answer of a scan was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    #[error(transparent)]
    Threshold(#[from] ThresholdError),
    #[error(transparent)]
    Answer(#[from] ScanAnswerError),
    #[error("the scan has no such statement")]
    StatementUnknown,
    #[error("the scan has no such role")]
    RoleUnknown,
    #[error("the scan has no such open question")]
    OpenQuestionUnknown,
    #[error("an open answer has at most 2000 characters without control characters")]
    OpenAnswerInvalid,
    #[error("a statement, role or open question is answered twice")]
    AnsweredTwice,
    #[error("a title or team name has 1 to 80 characters on one line")]
    LabelInvalid,
}

impl ScanError {
    /// Every refusal, so the web layer can check that each code has a translation.
    pub const ALL: [ScanError; 8] = [
        ScanError::Threshold(ThresholdError::BelowMinimum),
        ScanError::Answer(ScanAnswerError),
        ScanError::StatementUnknown,
        ScanError::RoleUnknown,
        ScanError::OpenQuestionUnknown,
        ScanError::OpenAnswerInvalid,
        ScanError::AnsweredTwice,
        ScanError::LabelInvalid,
    ];

    /// A stable code, for problem objects and form errors.
    pub fn code(&self) -> &'static str {
        match self {
            ScanError::Threshold(ThresholdError::BelowMinimum) => "scan-threshold-too-low",
            ScanError::Threshold(error) => error.code(),
            ScanError::Answer(error) => error.code(),
            ScanError::StatementUnknown => "scan-statement-unknown",
            ScanError::RoleUnknown => "scan-role-unknown",
            ScanError::OpenQuestionUnknown => "scan-open-question-unknown",
            ScanError::OpenAnswerInvalid => "scan-open-answer-invalid",
            ScanError::AnsweredTwice => "scan-answered-twice",
            ScanError::LabelInvalid => "scan-label-invalid",
        }
    }
}
