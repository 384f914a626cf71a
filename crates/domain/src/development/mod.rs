//! Growing as a leader after the insight: a development plan per school year (at most three
//! themes, because the standard asks for no more than two or three subjects a year), and the
//! rules its typed parts are checked by. The learning log, the register cycle and the
//! portfolio build on the same days and school years.

mod activity;
mod cycle;
mod day;
mod evidence;
mod theme;

pub use activity::{
    Activity, ActivityForm, ActivityKind, ActivitySource, MAX_ACTIVITY_CARDS, MAX_HOURS,
    MAX_POINTS, check_minutes, check_touched, format_hours, parse_activity_title, parse_hours,
    parse_points, parse_reflection_text,
};
pub use cycle::{
    CYCLE_YEARS, DEFAULT_TARGET, MAX_TARGET, Progress, QUIET_DAYS, RegisterCycle, YearPoints,
    parse_target,
};
pub use day::{Day, SchoolYear};
pub use evidence::{
    CheckedEvidence, EvidenceType, MAX_FILE_BYTES, MAX_PERSON_BYTES, check_evidence, check_quota,
    check_size, clean_filename, sniff,
};
pub use theme::{
    MAX_ACTIONS, MAX_CARDS, MAX_REVIEW_MOMENTS, MAX_THEMES, PlanField, ThemeSource, ThemeStatus,
    check_cards, may_add_theme, parse_action, parse_field, parse_title, title_from,
};

/// Why typed input for a plan was refused; [`DevelopmentError::code`] is its problem code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DevelopmentError {
    #[error("a plan has at most three themes a year")]
    TooManyThemes,
    #[error("a theme needs a title of 1 to 120 characters on one line")]
    TitleInvalid,
    #[error("the text is too long or holds control characters")]
    TextInvalid,
    #[error("an action needs 1 to 300 characters on one line")]
    ActionInvalid,
    #[error("a date is written as YYYY-MM-DD")]
    DateInvalid,
    #[error("a school year is written as 2026-2027")]
    SchoolYearInvalid,
    #[error("the card is not in the plan's framework")]
    CardUnknown,
    #[error("a theme names at most nine cards")]
    TooManyCards,
    #[error("there is no such status")]
    StatusUnknown,
    #[error("there is no such field")]
    FieldUnknown,
    #[error("a theme has at most 20 actions")]
    TooManyActions,
    #[error("a theme has at most 12 review moments")]
    TooManyReviewMoments,
    #[error("there is no such kind of activity")]
    ActivityKindUnknown,
    #[error("an activity needs a title of 1 to 160 characters on one line")]
    ActivityTitleInvalid,
    #[error("hours are a number from 0 to 1000, like 1,5")]
    ActivityHoursInvalid,
    #[error("register points are a whole number from 0 to 100")]
    ActivityPointsInvalid,
    #[error("the reflection is too long or holds control characters")]
    ActivityTextInvalid,
    #[error("the card is not in the standard")]
    ActivityCardUnknown,
    #[error("the domain is not in the standard")]
    ActivityDomainUnknown,
    #[error("an activity names at most 20 cards")]
    ActivityTooManyCards,
    #[error("a target is a whole number of points from 1 to 1000")]
    CycleTargetInvalid,
    #[error("only PDF, images and Office documents are kept")]
    EvidenceTypeRefused,
    #[error("a file is at most 10 MB")]
    EvidenceTooLarge,
    #[error("your files take up to 200 MB together")]
    EvidenceQuotaFull,
}

impl DevelopmentError {
    pub fn code(self) -> &'static str {
        match self {
            DevelopmentError::TooManyThemes => "plan-too-many-themes",
            DevelopmentError::TitleInvalid => "plan-title-invalid",
            DevelopmentError::TextInvalid => "plan-text-invalid",
            DevelopmentError::ActionInvalid => "plan-action-invalid",
            DevelopmentError::DateInvalid => "date-invalid",
            DevelopmentError::SchoolYearInvalid => "school-year-invalid",
            DevelopmentError::CardUnknown => "plan-card-unknown",
            DevelopmentError::TooManyCards => "plan-too-many-cards",
            DevelopmentError::StatusUnknown => "plan-status-unknown",
            DevelopmentError::FieldUnknown => "plan-field-unknown",
            DevelopmentError::TooManyActions => "plan-too-many-actions",
            DevelopmentError::TooManyReviewMoments => "plan-too-many-reviews",
            DevelopmentError::ActivityKindUnknown => "activity-kind-unknown",
            DevelopmentError::ActivityTitleInvalid => "activity-title-invalid",
            DevelopmentError::ActivityHoursInvalid => "activity-hours-invalid",
            DevelopmentError::ActivityPointsInvalid => "activity-points-invalid",
            DevelopmentError::ActivityTextInvalid => "activity-text-invalid",
            DevelopmentError::ActivityCardUnknown => "activity-card-unknown",
            DevelopmentError::ActivityDomainUnknown => "activity-domain-unknown",
            DevelopmentError::ActivityTooManyCards => "activity-too-many-cards",
            DevelopmentError::CycleTargetInvalid => "cycle-target-invalid",
            DevelopmentError::EvidenceTypeRefused => "evidence-type-refused",
            DevelopmentError::EvidenceTooLarge => "evidence-too-large",
            DevelopmentError::EvidenceQuotaFull => "evidence-quota-full",
        }
    }
}

#[cfg(test)]
mod log_tests;
#[cfg(test)]
mod tests;
