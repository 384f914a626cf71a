//! Sharing a finished reflection with a colleague, and withdrawing a share.

use leidraad_domain::accounts::limits::{HOUR, SHARE_LIMIT};
use leidraad_domain::accounts::{Email, OrganisationId, PersonId};
use leidraad_store::accounts::NewAuditEvent;
use leidraad_store::reflections::{Change, ReflectionRecord};

use super::{open_own, settle};
use crate::App;
use crate::Error;
use crate::Viewer;

/// Shares a finished reflection with a colleague named by e-mail address. Only people who
/// share an organisation with the author can be found; any other address, with an account or
/// without, gets the same refusal, so sharing tells nobody who else uses Leidraad. Every try is
/// in the audit log and counts towards [`SHARE_LIMIT`] an hour.
pub async fn share(state: &App, viewer: &Viewer, id: i64, email: &str) -> Result<(), Error> {
    let record = open_own(state, viewer, id).await?;
    let now = state.clock.now();
    let wait = share_try(
        state,
        viewer,
        record.organisation_id,
        "reflection-share-try",
    )
    .await?;
    let audit = |event, outcome, subject, detail| {
        crate::accounts::audit(
            state,
            record.organisation_id,
            Some(viewer.person),
            subject,
            event,
            outcome,
            detail,
        )
    };
    let outcome = match wait {
        Some(retry_after) => Err(Error::TooManyAttempts { retry_after }),
        None => share_with_colleague(state, viewer, &record, email, now).await,
    };
    let (verdict, detail, subject) = match &outcome {
        Ok(person) => ("succeeded", "", Some(*person)),
        Err(error) => ("refused", error.code(), None),
    };
    audit("reflection-share", verdict, subject, detail).await?;
    outcome.map(|_| ())
}

/// Writes a try at sharing (of a reflection, of a report) to the audit log and counts the
/// person's tries of the last hour: `Some(seconds to wait)` past [`SHARE_LIMIT`]. The try is
/// written before it is counted, in one step that puts tries sent at the same moment in
/// order: none can slip past the limit, and the first ones still get through.
pub(crate) async fn share_try(
    state: &App,
    viewer: &Viewer,
    organisation: Option<OrganisationId>,
    event: &'static str,
) -> Result<Option<i64>, Error> {
    let now = state.clock.now();
    let tries = state
        .store
        .record_counted_try(
            viewer.person,
            NewAuditEvent {
                at: now,
                organisation,
                actor: Some(viewer.person),
                subject: None,
                event,
                outcome: "tried",
                detail: "",
            },
            now - HOUR,
        )
        .await?;
    tracing::info!(event, outcome = "tried", "audit");
    Ok((tries.len() > SHARE_LIMIT.0).then(|| SHARE_LIMIT.wait(&tries, now).unwrap_or(1)))
}

async fn share_with_colleague(
    state: &App,
    viewer: &Viewer,
    record: &ReflectionRecord,
    email: &str,
    now: i64,
) -> Result<PersonId, Error> {
    // Checked before the address is looked at, so this answer depends on nothing about it.
    if record.finished_at.is_none() {
        return Err(Error::Conflict {
            code: "reflection-not-finished",
        });
    }
    let email = Email::parse(email).map_err(|e| Error::BadRequest { code: e.code() })?;
    let person = state
        .store
        .colleague_by_email(&email.lookup_key(), viewer.person)
        .await?
        .ok_or(Error::BadRequest {
            code: "share-person-unknown",
        })?;
    let change = state
        .store
        .share_reflection(viewer.person, record.id, person, now)
        .await?;
    match change {
        Change::Finished => Err(Error::Conflict {
            code: "reflection-not-finished",
        }),
        other => settle(other).map(|()| person),
    }
}

/// Withdraws a share: the person gets "not found" again at once.
pub async fn unshare(state: &App, viewer: &Viewer, id: i64, person: PersonId) -> Result<(), Error> {
    open_own(state, viewer, id).await?;
    if !state
        .store
        .unshare_reflection(viewer.person, id, person)
        .await?
    {
        return Err(Error::NotFound);
    }
    Ok(())
}
