//! The learning log (activiteitenlog): a leader's activities with what they touched and
//! learned, Leidraad's own activities offered to confirm, the register cycle with its
//! progress, and evidence files. All of it is its owner's (`ManageOwnDevelopment`); evidence
//! is also shown to whom the owner shares a development plan with
//! (`ViewSharedDevelopmentPlan`).

mod activities;
mod cycle;
mod evidence;
mod suggestions;

pub use activities::{
    LogHead, activities, activity, add_activity, delete_activity, log_head, log_lines, points_of,
    themes, update_activity,
};
pub use cycle::{CycleProgress, cycle_progress, set_cycle};
pub use evidence::{Download, delete_evidence, download, evidence_list, upload};
pub use leidraad_store::learning_log::{ActivityRecord, EvidenceRecord, LogLine, LogTheme};
pub use suggestions::{Suggestion, confirm, dismiss, suggestions};

use leidraad_domain::Framework;
use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::development::DevelopmentError;
use leidraad_store::learning_log::Change;

use crate::{App, Error, Viewer};

/// A store outcome as a use case's answer.
fn settle<T>(change: Change<T>) -> Result<T, Error> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(Error::NotFound),
        Change::ThemeUnknown => Err(Error::BadRequest {
            code: "activity-theme-unknown",
        }),
        Change::AlreadyLogged => Err(Error::Conflict {
            code: "activity-already-logged",
        }),
        Change::QuotaFull => Err(Error::Conflict {
            code: DevelopmentError::EvidenceQuotaFull.code(),
        }),
    }
}

/// Everyone keeps their own log; the policy says so once.
fn may_keep_log(viewer: &Viewer) -> Result<(), Error> {
    viewer.may(
        Action::ManageOwnDevelopment,
        &Target::owned_by(viewer.person),
    )
}

/// The standard activities are checked against.
fn framework<'a>(state: &'a App, id: Option<&str>) -> Result<&'a Framework, Error> {
    id.and_then(|id| state.library.framework(id))
        .or_else(|| state.library.default_framework())
        .ok_or(Error::Internal)
}
