//! What the account pages, the API and the command line share: signing in with the
//! throttle, hashing off the async threads, invitations, member changes with their guards,
//! and the audit log. Every decision about who may do what is the policy's; this module only
//! carries it out.

mod entry;
mod members;
mod reset;
mod sign_in;

pub use crate::organisations::{
    AddOrganisationError, AddedOrganisation, NewOrganisation, add_organisation,
};
pub use entry::*;
pub use members::*;
pub use reset::*;
pub use sign_in::*;

use leidraad_domain::accounts::{OrganisationId, PersonId, Secret};
use leidraad_store::accounts::NewAuditEvent;

use crate::{App, Error};

/// Records a security event. `detail` carries codes only.
pub async fn audit(
    state: &App,
    organisation: Option<OrganisationId>,
    actor: Option<PersonId>,
    subject: Option<PersonId>,
    event: &str,
    outcome: &str,
    detail: &str,
) -> Result<(), Error> {
    state
        .store
        .record_audit_event(NewAuditEvent {
            at: state.clock.now(),
            organisation,
            actor,
            subject,
            event,
            outcome,
            detail,
        })
        .await?;
    tracing::info!(
        event,
        outcome,
        organisation = organisation.map(|o| o.get()),
        "audit"
    );
    Ok(())
}

/// The address links in mail start with: the configured public URL, never a request header,
/// so nobody can make Leidraad mail a link to a host of their choosing. `leidraad serve`
/// always sets it (from `--public-url`, or from the address it is bound to).
pub fn link_base(state: &App) -> Result<String, Error> {
    match &state.settings.public_url {
        Some(url) => Ok(url.trim_end_matches('/').to_owned()),
        None => {
            tracing::error!("no public URL is configured: mail with a link cannot be sent");
            Err(Error::Internal)
        }
    }
}

/// Parses a secret from a link; a malformed one is as unknown as a wrong one.
pub fn secret_from_link(text: &str) -> Result<Secret, Error> {
    Secret::parse(text).ok_or(Error::NotFound)
}

/// The organisations a person belongs to.
pub(crate) async fn organisations_of(
    state: &App,
    person: PersonId,
) -> Result<Vec<OrganisationId>, Error> {
    Ok(state
        .store
        .memberships_of(person)
        .await?
        .iter()
        .map(|m| m.organisation.organisation_id())
        .collect())
}
