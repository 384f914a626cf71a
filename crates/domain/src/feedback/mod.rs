//! 360° feedback (feedbackronde): a leader asks groups of raters (their team, colleagues, the
//! board, a group of their own) to rate the cards of a framework, and sees a report once the
//! round is closed. Everything here is pure: the settings of a group, the texts people type,
//! the closing date, what a planned round will be able to show ([`preview`]) and the report
//! itself ([`compute_report`]).
//!
//! Anonymity is the product: raters answer honestly only when no answer can be traced back.
//! Every decision to show a figure or a comment goes through [`GroupSettings::may_show`] and
//! [`GroupSettings::may_show_comments`], which go through [`crate::anonymity`]; nothing here
//! compares counts with thresholds by itself.

mod preview;
mod report;
#[cfg(test)]
mod tests;

pub use preview::{GroupPreview, Outlook, PlannedGroup, Preview, preview};
pub use report::{
    CardResult, CommentBlock, DomainResult, GroupResult, Report, ReportInput, ResponseInput, Score,
    compute_report,
};

use serde::{Deserialize, Serialize};

use crate::anonymity::{AnonymityRules, Threshold, ThresholdError};
use crate::local_time;
use crate::text::{self, TextKind};

/// Longest label of an own group ("Ouders", "MR"): it is a column heading.
pub const MAX_LABEL_CHARS: usize = 60;
/// Longest personal request: a few paragraphs, read before rating.
pub const MAX_REQUEST_CHARS: usize = 1000;
/// Longest comment of a rater, as long as a note beside a card.
pub const MAX_COMMENT_CHARS: usize = 2000;
/// Longest name of an invitee on the leader's own list.
pub const MAX_NAME_CHARS: usize = 100;
/// How far ahead a round may close: a round open for longer than a school year is forgotten.
pub const MAX_DAYS_AHEAD: i64 = 365;

/// Who a group of raters is, relative to the leader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupKind {
    #[serde(rename = "team")]
    Team,
    #[serde(rename = "collegas")]
    Colleagues,
    #[serde(rename = "bestuur")]
    Board,
    /// A group the leader names (parents, the participation council, …).
    #[serde(rename = "eigen")]
    Own,
}

impl GroupKind {
    /// Every kind, in the order a form offers them.
    pub const ALL: [GroupKind; 4] = [
        GroupKind::Team,
        GroupKind::Colleagues,
        GroupKind::Board,
        GroupKind::Own,
    ];

    /// The stable code: in forms, the database and the API.
    pub fn code(self) -> &'static str {
        match self {
            GroupKind::Team => "team",
            GroupKind::Colleagues => "collegas",
            GroupKind::Board => "bestuur",
            GroupKind::Own => "eigen",
        }
    }

    /// The kind with this code, exactly.
    pub fn from_code(code: &str) -> Result<GroupKind, FeedbackError> {
        GroupKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
            .ok_or(FeedbackError::KindInvalid)
    }

    /// The key of its name in the locales (`feedback-group-{code}`).
    pub fn label_key(self) -> &'static str {
        match self {
            GroupKind::Team => "feedback-group-team",
            GroupKind::Colleagues => "feedback-group-collegas",
            GroupKind::Board => "feedback-group-bestuur",
            GroupKind::Own => "feedback-group-eigen",
        }
    }
}

/// A group's settings, validated: only [`GroupSettings::new`] makes one, so its thresholds
/// are always ones the anonymity rules allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSettings {
    pub kind: GroupKind,
    /// The name of an [`GroupKind::Own`] group; `None` for the others, which the locales name.
    pub label: Option<String>,
    rules: AnonymityRules,
    /// Shown from one answer on, with everyone's knowledge: a board of one or two rates as
    /// the employer, not anonymously. Only for [`GroupKind::Board`].
    pub identifiable: bool,
}

impl GroupSettings {
    /// Settings for a group of `kind`. The thresholds are checked even for an identifiable
    /// group, so that a setting that would be refused for an anonymous group is never stored
    /// (and never silently applies should the group stop being identifiable).
    /// `comment_threshold` `None` is the group threshold.
    pub fn new(
        kind: GroupKind,
        label: Option<&str>,
        threshold: usize,
        comment_threshold: Option<usize>,
        identifiable: bool,
    ) -> Result<GroupSettings, FeedbackError> {
        let group = Threshold::new(threshold)?;
        let comments = Threshold::new(comment_threshold.unwrap_or(threshold))?;
        let rules = AnonymityRules::new(group, comments)?;
        if identifiable && kind != GroupKind::Board {
            return Err(FeedbackError::IdentifiableNotBoard);
        }
        Ok(GroupSettings {
            kind,
            label: group_label(kind, label)?,
            rules,
            identifiable,
        })
    }

    pub fn rules(&self) -> AnonymityRules {
        self.rules
    }

    pub fn threshold(&self) -> usize {
        self.rules.group().get()
    }

    pub fn comment_threshold(&self) -> usize {
        self.rules.comments().get()
    }

    /// Whether figures resting on `count` people (respondents, or ratings of one card) may be
    /// shown: an identifiable group from one on, any other by its threshold.
    pub fn may_show(&self, count: usize) -> bool {
        if self.identifiable {
            count >= 1
        } else {
            self.rules.may_show_group(count)
        }
    }

    /// Whether the comments of a group in which `respondents` people answered may be shown.
    pub fn may_show_comments(&self, respondents: usize) -> bool {
        if self.identifiable {
            respondents >= 1
        } else {
            self.rules.may_show_comments(respondents)
        }
    }
}

/// An own group must be named (its raters are told who they rate with); the others are named
/// by the locales, so a label given for them is dropped rather than shown.
fn group_label(kind: GroupKind, label: Option<&str>) -> Result<Option<String>, FeedbackError> {
    if kind != GroupKind::Own {
        return Ok(None);
    }
    let label = label.ok_or(FeedbackError::LabelInvalid)?;
    let label = text::clean(label, MAX_LABEL_CHARS, TextKind::Name)
        .map_err(|_| FeedbackError::LabelInvalid)?;
    if label.is_empty() {
        return Err(FeedbackError::LabelInvalid);
    }
    Ok(Some(label))
}

/// The leader's personal request to the raters ("waar wil je vooral op letten?"): 1 to
/// [`MAX_REQUEST_CHARS`] characters, over several lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestText(String);

impl RequestText {
    pub fn parse(input: &str) -> Result<RequestText, FeedbackError> {
        let text = text::clean(input, MAX_REQUEST_CHARS, TextKind::Paragraphs)
            .map_err(|_| FeedbackError::RequestInvalid)?;
        if text.is_empty() {
            return Err(FeedbackError::RequestInvalid);
        }
        Ok(RequestText(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A rater's comment, general or on a domain: up to [`MAX_COMMENT_CHARS`] characters, over
/// several lines. Empty means no comment; the report leaves it out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommentText(String);

impl CommentText {
    pub fn parse(input: &str) -> Result<CommentText, FeedbackError> {
        text::clean(input, MAX_COMMENT_CHARS, TextKind::Paragraphs)
            .map(CommentText)
            .map_err(|_| FeedbackError::CommentInvalid)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The name of an invitee on the leader's own list (so they know whom they asked): up to
/// [`MAX_NAME_CHARS`] characters on one line; may be empty. Never in a report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RaterName(String);

impl RaterName {
    pub fn parse(input: &str) -> Result<RaterName, FeedbackError> {
        text::clean(input, MAX_NAME_CHARS, TextKind::Name)
            .map(RaterName)
            .map_err(|_| FeedbackError::NameInvalid)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Which cards a round asks about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardScope {
    /// Every card of the framework.
    Standard,
    /// The cards of these domains (domain ids).
    Domains(Vec<String>),
    /// These cards (card ids), e.g. the leader's focus cards.
    Focus(Vec<String>),
}

/// The end of the closing day, 23:59:59 on the Amsterdam clock, as Unix seconds, from a
/// date typed as `YYYY-MM-DD`. A round may close today (at the end of it) but not on a day
/// already over in Amsterdam, nor more than [`MAX_DAYS_AHEAD`] days ahead.
pub fn closing_moment(date: &str, now_unix: i64) -> Result<i64, FeedbackError> {
    let day = local_time::parse_date(date.trim()).ok_or(FeedbackError::DateInvalid)?;
    let today = local_time::amsterdam_day(now_unix);
    // Civil days are 24 hours apart whatever the clocks do, so this counts days exactly.
    let days_ahead = day.duration_since(today).as_hours() / 24;
    if days_ahead < 0 {
        return Err(FeedbackError::DateInPast);
    }
    if days_ahead > MAX_DAYS_AHEAD {
        return Err(FeedbackError::DateTooFar);
    }
    local_time::end_of_amsterdam_day(day).ok_or(FeedbackError::DateInvalid)
}

/// Why a setting or a typed value of a round was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    #[error(transparent)]
    Threshold(#[from] ThresholdError),
    #[error("only a board group may be identifiable")]
    IdentifiableNotBoard,
    #[error("there is no such kind of group")]
    KindInvalid,
    #[error("an own group needs a name of 1 to 60 characters on one line")]
    LabelInvalid,
    #[error("the request needs 1 to 1000 characters without control characters")]
    RequestInvalid,
    #[error("a comment has at most 2000 characters without control characters")]
    CommentInvalid,
    #[error("a name has at most 100 characters on one line")]
    NameInvalid,
    #[error("the closing date is not a date (YYYY-MM-DD)")]
    DateInvalid,
    #[error("the closing date has passed")]
    DateInPast,
    #[error("the closing date is more than a year ahead")]
    DateTooFar,
}

impl FeedbackError {
    /// Every refusal, so the web layer can check that each code has a translation.
    pub const ALL: [FeedbackError; 11] = [
        FeedbackError::Threshold(ThresholdError::BelowMinimum),
        FeedbackError::Threshold(ThresholdError::CommentsBelowGroup),
        FeedbackError::IdentifiableNotBoard,
        FeedbackError::KindInvalid,
        FeedbackError::LabelInvalid,
        FeedbackError::RequestInvalid,
        FeedbackError::CommentInvalid,
        FeedbackError::NameInvalid,
        FeedbackError::DateInvalid,
        FeedbackError::DateInPast,
        FeedbackError::DateTooFar,
    ];

    /// A stable code, for problem objects and form errors.
    pub fn code(&self) -> &'static str {
        match self {
            FeedbackError::Threshold(error) => error.code(),
            FeedbackError::IdentifiableNotBoard => "feedback-identifiable-not-board",
            FeedbackError::KindInvalid => "feedback-group-kind-invalid",
            FeedbackError::LabelInvalid => "feedback-label-invalid",
            FeedbackError::RequestInvalid => "feedback-request-invalid",
            FeedbackError::CommentInvalid => "feedback-comment-invalid",
            FeedbackError::NameInvalid => "feedback-name-invalid",
            FeedbackError::DateInvalid => "feedback-date-invalid",
            FeedbackError::DateInPast => "feedback-date-past",
            FeedbackError::DateTooFar => "feedback-date-too-far",
        }
    }
}
