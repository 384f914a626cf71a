//! The team scan on professional space: a leader (or a board member, across schools) starts a
//! scan, shares it through a shared link with a QR code or personal links by mail, gives their
//! estimate, follows how many answered (never who), and releases it once enough have; then
//! everyone with the scan reads the stored results. Respondents answer through their token
//! link without an account. A board member of the scan's organisation may give an estimate
//! of their own, which the results show beside the team's view too.
//!
//! The rules of what may be shown are the domain's (`space_scan::compute_results`, through the
//! `anonymity` module), applied once at release; every page, export and API response after
//! that reads the stored snapshot.

mod board;
mod body;
mod estimate;
mod invite;
mod release;
mod respond;
mod start;

pub(crate) use board::forget_board_estimates;
pub use board::{
    BoardEstimateView, BoardScan, board_estimate_of, board_scans, save_board_estimate,
};
pub use estimate::{estimate_of, save_estimate};
pub use invite::{MAX_INVITATIONS, invite, replace_share_link};
pub use release::{Comparison, ScanResultsView, release, results};
pub use respond::{
    RespondentForm, SavedItem, ScanSubmission, open_mailed, open_personal, open_shared,
    respondent_form, save_item, start_over, submit,
};
pub use start::{ScanOverview, StartScanRequest, delete, overview, scans_of, start};

use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::space_scan::{ScanError, SpaceScan};
use leidraad_store::space_scans::{Change, ScanRecord};

use crate::{App, Error, Viewer};

impl From<ScanError> for Error {
    fn from(error: ScanError) -> Error {
        Error::BadRequest { code: error.code() }
    }
}

/// A store outcome as a use case's answer.
pub(crate) fn settle<T>(change: Change<T>) -> Result<T, Error> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(Error::NotFound),
        Change::WrongState => Err(Error::Conflict {
            code: "scan-closed",
        }),
        Change::AlreadySubmitted => Err(Error::Conflict {
            code: "scan-already-answered",
        }),
        Change::ResponsesChanged => Err(Error::Conflict {
            code: "scan-text-changed",
        }),
    }
}

/// The viewer's own scan; someone else's is as unknown as one that does not exist.
pub(crate) async fn own_scan(state: &App, viewer: &Viewer, id: i64) -> Result<ScanRecord, Error> {
    let record = state.store.scan(id).await?.ok_or(Error::NotFound)?;
    viewer
        .may(
            Action::ManageOwnSpaceScan,
            &Target::owned_by(record.person_id),
        )
        .map_err(|_| Error::NotFound)?;
    Ok(record)
}

/// A scan someone else owns in an organisation where the viewer is a board member: theirs to
/// estimate. Anyone else, the owner too, finds it as unknown as one that does not exist.
pub(crate) async fn board_scan(state: &App, viewer: &Viewer, id: i64) -> Result<ScanRecord, Error> {
    let record = state.store.scan(id).await?.ok_or(Error::NotFound)?;
    if record.person_id == viewer.person {
        return Err(Error::NotFound);
    }
    viewer
        .may(
            Action::ViewBoardOverview,
            &Target::organisation(record.organisation_id),
        )
        .map_err(|_| Error::NotFound)?;
    Ok(record)
}

/// The questionnaire a scan asks.
pub fn questionnaire<'a>(state: &'a App, record: &ScanRecord) -> Result<&'a SpaceScan, Error> {
    state
        .library
        .space_scan(&record.questionnaire_id)
        .ok_or(Error::Internal)
}
