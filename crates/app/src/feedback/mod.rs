//! The 360° feedback use cases: a leader sets up a round (cards, request, groups, raters),
//! sends it (through a coach's approval when asked), follows how many answered, reminds,
//! closes it and reads the report; raters answer through their token link. The anonymity rules
//! live in the domain (`anonymity`, `feedback`); the report is computed once, at release, and
//! every reader after that reads the stored snapshot.

mod answer;
mod approval;
mod raters;
mod release;
mod report;
mod round;
mod send;
mod setup;

pub use answer::{
    RaterForm, RaterSubmission, open_link, rater_form, save_comment, save_rating, submit,
};
pub use approval::{approve, for_coach, send_back};
pub use raters::{MAX_RATERS, RaterRequest, add_rater_list, add_raters, remove_rater};
pub use release::{close, release_due, release_round};
pub use report::{
    ReleasedReport, ReleasedSnapshot, add_focus_from_report, released_report, released_snapshot,
    share_report, unshare_report,
};
pub use round::{LeaderRound, RoundOverview, finished_reflections, leader_round, overview};
pub use send::{remind, send};
pub use setup::{
    GroupRequest, NewRoundRequest, ScopeChoice, add_group, merge_groups, remove_group,
    save_self_rating, self_rating_from_reflection, start_round, update_round,
};

use leidraad_store::feedback::Change;

use crate::Error;

/// A store outcome as a use case's answer.
pub(crate) fn settle<T>(change: Change<T>) -> Result<T, Error> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(Error::NotFound),
        Change::WrongState => Err(Error::Conflict {
            code: "feedback-round-state",
        }),
        Change::AlreadySubmitted => Err(Error::Conflict {
            code: "feedback-already-submitted",
        }),
        // Only a release answers this, and it handles it itself.
        Change::ResponsesChanged => Err(Error::Internal),
    }
}
