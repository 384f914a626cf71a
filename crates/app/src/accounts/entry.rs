//! Getting an account or getting back in: the first account of a fresh installation, a new
//! password through a reset link, and accepting an invitation, as a new person or as someone
//! who already has an account.

use std::net::IpAddr;

use leidraad_domain::accounts::{
    Email, OrganisationId, OrganisationName, Password, PersonId, PersonName, Secret,
};
use leidraad_store::accounts::{Invitation, NewAuditEvent, NewPerson};
use leidraad_store::{Store, StoreError};

use super::{account_throttle_key, address_throttle_key, audit, hash};
use crate::{App, Error, Viewer};

/// A new password as typed twice.
pub struct NewPassword<'a> {
    pub password: &'a str,
    pub again: &'a str,
}

impl NewPassword<'_> {
    /// The password, checked by the domain's rules (not the email address, long enough …)
    /// and against its repetition.
    pub fn parse(&self, email: Option<&Email>) -> Result<Password, Error> {
        let password = Password::parse(self.password, email)
            .map_err(|e| Error::BadRequest { code: e.code() })?;
        if self.password != self.again {
            return Err(Error::BadRequest {
                code: "password-mismatch",
            });
        }
        Ok(password)
    }
}

/// Whether the installation has its first account; before that, only setup is open.
pub async fn is_set_up(state: &App) -> Result<bool, Error> {
    Ok(state.store.count_people().await? > 0)
}

/// What setting up a fresh installation asks for.
pub struct Setup<'a> {
    pub organisation: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub password: NewPassword<'a>,
}

/// Makes the first organisation with its first admin. Runs once: afterwards it answers
/// `NotFound`, as if setup did not exist.
pub async fn set_up(state: &App, setup: &Setup<'_>) -> Result<(OrganisationId, PersonId), Error> {
    set_up_in(&state.store, setup, state.clock.now(), "").await
}

/// [`set_up`] for the command line, which has a store and no running app; `via` goes into the
/// audit entry's detail (`cli`).
pub async fn set_up_in(
    store: &Store,
    setup: &Setup<'_>,
    now: i64,
    via: &str,
) -> Result<(OrganisationId, PersonId), Error> {
    if store.count_people().await? > 0 {
        return Err(Error::NotFound);
    }
    let bad = |code| Error::BadRequest { code };
    let organisation = OrganisationName::parse(setup.organisation).map_err(|e| bad(e.code()))?;
    let email = Email::parse(setup.email).map_err(|e| bad(e.code()))?;
    let name = PersonName::parse(setup.name).map_err(|e| bad(e.code()))?;
    let password = setup.password.parse(Some(&email))?;
    let hash = hash(password).await?;
    let person = NewPerson {
        email: email.as_str(),
        email_key: &email.lookup_key(),
        name: name.as_str(),
        password_hash: hash.as_str(),
        now,
    };
    let created = store
        .create_first_organisation(organisation.as_str(), person)
        .await?;
    let (organisation, person) = created.ok_or(Error::NotFound)?;
    store
        .record_audit_event(NewAuditEvent {
            at: now,
            organisation: Some(organisation),
            actor: Some(person),
            subject: None,
            event: "setup",
            outcome: "succeeded",
            detail: via,
        })
        .await?;
    tracing::info!(event = "setup", outcome = "succeeded", "audit");
    Ok((organisation, person))
}

fn reset_link_closed() -> Error {
    Error::Conflict {
        code: "reset-link-closed",
    }
}

/// Whether a reset link can still be used: `Conflict` when it was used or has expired.
pub async fn check_reset_link(state: &App, secret: &Secret) -> Result<(), Error> {
    let open = state
        .store
        .password_reset(&secret.digest(), state.clock.now())
        .await?;
    open.map(|_| ()).ok_or_else(reset_link_closed)
}

/// Sets a new password through a reset link, once. Every session of the person ends, and
/// proving the address lifts the sign-in throttle on the account and on the address the
/// request came from: the real person is never locked out by someone guessing.
pub async fn complete_reset(
    state: &App,
    secret: &Secret,
    password: &NewPassword<'_>,
    address: Option<IpAddr>,
) -> Result<PersonId, Error> {
    let now = state.clock.now();
    let person = state
        .store
        .password_reset(&secret.digest(), now)
        .await?
        .ok_or_else(reset_link_closed)?;
    let email = state
        .store
        .person(person)
        .await?
        .and_then(|p| Email::parse(&p.email).ok());
    let password = password.parse(email.as_ref())?;
    let hash = hash(password).await?;
    let person = state
        .store
        .complete_password_reset(&secret.digest(), hash.as_str(), now)
        .await?
        .ok_or_else(reset_link_closed)?;
    state.forget_identities();
    let forget = state.settings.throttle.forget_before(now);
    if let Some(email) = email {
        let key = account_throttle_key(&email.lookup_key());
        state.store.clear_sign_in_failures(&key, forget).await?;
    }
    let key = address_throttle_key(address);
    state.store.clear_sign_in_failures(&key, forget).await?;
    audit(
        state,
        None,
        Some(person),
        Some(person),
        "password-reset",
        "succeeded",
        "",
    )
    .await?;
    Ok(person)
}

/// An invitation that can still be accepted.
pub struct OpenInvitation {
    pub invitation: Invitation,
    /// Someone already has an account with the invited address: they sign in and join.
    pub existing_account: bool,
}

fn invitation_closed() -> Error {
    Error::Conflict {
        code: "invitation-closed",
    }
}

/// The invitation behind a link: `NotFound` for an unknown link, `Conflict` for one that was
/// used, revoked or has expired.
pub async fn open_invitation(state: &App, secret: &Secret) -> Result<OpenInvitation, Error> {
    let invitation = state
        .store
        .invitation_by_token(&secret.digest())
        .await?
        .ok_or(Error::NotFound)?;
    if !invitation.is_open(state.clock.now()) {
        return Err(invitation_closed());
    }
    let existing_account = state
        .store
        .person_by_email(&invitation.email)
        .await?
        .is_some();
    Ok(OpenInvitation {
        invitation,
        existing_account,
    })
}

/// Why an invitation link no longer works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    Accepted,
    Revoked,
    Expired,
}

/// An invitation that can no longer be accepted, for the page that says so.
pub struct ClosedInvitation {
    pub organisation: String,
    /// Who sent it, to ask for a new one; `None` when that account is gone.
    pub invited_by: Option<String>,
    pub why: Closed,
}

/// What became of the invitation behind a link: `NotFound` for an unknown link, `None` while
/// it can still be accepted.
pub async fn closed_invitation(
    state: &App,
    secret: &Secret,
) -> Result<Option<ClosedInvitation>, Error> {
    let invitation = state
        .store
        .invitation_by_token(&secret.digest())
        .await?
        .ok_or(Error::NotFound)?;
    let why = if invitation.accepted_at.is_some() {
        Closed::Accepted
    } else if invitation.revoked_at.is_some() {
        Closed::Revoked
    } else if !invitation.is_open(state.clock.now()) {
        Closed::Expired
    } else {
        return Ok(None);
    };
    Ok(Some(ClosedInvitation {
        organisation: invitation.organisation_name,
        invited_by: invitation.invited_by_name,
        why,
    }))
}

/// Whether `viewer` is the person the invitation is addressed to.
pub fn is_invitee(viewer: &Viewer, invitation: &Invitation) -> bool {
    viewer.email.to_lowercase() == invitation.email
}

/// An existing account joins: only when signed in as the invited address.
pub async fn accept_invitation_as(
    state: &App,
    secret: &Secret,
    viewer: &Viewer,
) -> Result<OrganisationId, Error> {
    let open = open_invitation(state, secret).await?;
    if !is_invitee(viewer, &open.invitation) {
        return Err(Error::Conflict {
            code: "invitation-sign-in-first",
        });
    }
    let organisation = state
        .store
        .accept_invitation_as_person(&secret.digest(), viewer.person, state.clock.now())
        .await?
        .ok_or_else(invitation_closed)?;
    state.forget_identities();
    let roles = open.invitation.roles.to_codes();
    let person = Some(viewer.person);
    audit(
        state,
        Some(organisation),
        person,
        None,
        "invitation",
        "accepted",
        &roles,
    )
    .await?;
    Ok(organisation)
}

/// A new person accepts, with their name and a password.
pub async fn accept_invitation_as_new(
    state: &App,
    secret: &Secret,
    name: &str,
    password: &NewPassword<'_>,
) -> Result<(OrganisationId, PersonId), Error> {
    let open = open_invitation(state, secret).await?;
    if open.existing_account {
        return Err(Error::Conflict {
            code: "invitation-sign-in-first",
        });
    }
    let email = Email::parse(&open.invitation.email).map_err(|_| Error::Internal)?;
    let name = PersonName::parse(name).map_err(|e| Error::BadRequest { code: e.code() })?;
    let password = password.parse(Some(&email))?;
    let hash = hash(password).await?;
    let accepted = state
        .store
        .accept_invitation_as_new_person(
            &secret.digest(),
            NewPerson {
                email: email.as_str(),
                email_key: &email.lookup_key(),
                name: name.as_str(),
                password_hash: hash.as_str(),
                now: state.clock.now(),
            },
        )
        .await;
    state.forget_identities();
    let (organisation, person) = match accepted {
        Ok(Some(accepted)) => accepted,
        Ok(None) => return Err(invitation_closed()),
        Err(StoreError::Conflict) => {
            return Err(Error::Conflict {
                code: "email-taken",
            });
        }
        Err(error) => return Err(error.into()),
    };
    let roles = open.invitation.roles.to_codes();
    let actor = Some(person);
    audit(
        state,
        Some(organisation),
        actor,
        None,
        "invitation",
        "accepted",
        &roles,
    )
    .await?;
    Ok((organisation, person))
}
