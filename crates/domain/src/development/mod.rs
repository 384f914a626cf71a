//! Growing as a leader after the insight: a development plan per school year (at most three
//! themes, because the standard asks for no more than two or three subjects a year), and the
//! rules its typed parts are checked by. The learning log, the register cycle and the
//! portfolio build on the same days and school years.

mod day;
mod theme;

pub use day::{Day, SchoolYear};
pub use theme::{
    MAX_ACTIONS, MAX_CARDS, MAX_REVIEW_MOMENTS, MAX_THEMES, PlanField, ThemeSource, ThemeStatus,
    check_cards, may_add_theme, parse_action, parse_field, parse_title,
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
        }
    }
}

#[cfg(test)]
mod tests;
