//! Evidence files: uploaded by their owner (judged by their bytes), listed, deleted, and
//! downloaded by the owner and by whom the owner shares a development plan with.

use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::development::{EvidenceType, MAX_PERSON_BYTES, check_evidence};
use leidraad_store::learning_log::{EvidenceRecord, NewEvidence};

use super::{may_keep_log, settle};
use crate::{App, Error, Viewer};

/// A file to hand out.
#[derive(Debug, Clone)]
pub struct Download {
    pub filename: String,
    /// What the bytes were recognised as at upload.
    pub kind: EvidenceType,
    pub bytes: Vec<u8>,
}

/// Keeps a file, for one of the person's activities or none. Too large, of a refused type,
/// or over the person's quota: refused, and nothing is kept.
pub async fn upload(
    state: &App,
    viewer: &Viewer,
    activity: Option<i64>,
    sent_name: &str,
    bytes: &[u8],
) -> Result<EvidenceRecord, Error> {
    may_keep_log(viewer)?;
    let checked = check_evidence(sent_name, bytes)?;
    let file = NewEvidence {
        activity_id: activity,
        filename: &checked.filename,
        content_type: checked.kind.content_type(),
        bytes,
    };
    let quota = i64::try_from(MAX_PERSON_BYTES).unwrap_or(i64::MAX);
    settle(
        state
            .store
            .add_evidence(viewer.person, file, quota, state.clock.now())
            .await?,
    )
}

/// The person's files, oldest first.
pub async fn evidence_list(state: &App, viewer: &Viewer) -> Result<Vec<EvidenceRecord>, Error> {
    may_keep_log(viewer)?;
    Ok(state.store.evidence_of(viewer.person).await?)
}

/// Deletes one of the person's files.
pub async fn delete_evidence(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    may_keep_log(viewer)?;
    if state.store.delete_evidence(viewer.person, id).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// A file for its owner, or for someone the owner shares any development plan with; to
/// anyone else it does not exist.
pub async fn download(state: &App, viewer: &Viewer, id: i64) -> Result<Download, Error> {
    let (record, shared) = state
        .store
        .evidence_access(id, viewer.person)
        .await?
        .ok_or(Error::NotFound)?;
    let owner = record.person_id;
    if owner == viewer.person {
        viewer.may(Action::ManageOwnDevelopment, &Target::owned_by(owner))?;
    } else {
        let viewers = if shared {
            vec![viewer.person]
        } else {
            Vec::new()
        };
        viewer
            .may(
                Action::ViewSharedDevelopmentPlan,
                &Target::shared_with(owner, &viewers),
            )
            .map_err(|_| Error::NotFound)?;
    }
    let kind = EvidenceType::from_content_type(&record.content_type).ok_or(Error::Internal)?;
    let bytes = state
        .store
        .evidence_content(id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Download {
        filename: record.filename,
        kind,
        bytes,
    })
}
