//! Accounts: organisations, schools, people, memberships, invitations, sign-in sessions, API
//! tokens, reset links, the sign-in throttle, the audit log and outgoing mail.
//!
//! Every query that reads or changes an organisation's data takes the organisation id and
//! filters on it, so a row of another organisation is simply not found; the caller never
//! has to remember a second check.

mod audit;
mod export;
mod invitations;
mod organisations;
mod people;
mod sessions;
mod viewers;

use leidraad_domain::accounts::{OrganisationId, PersonId, RoleSet, SchoolId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::StoreError;

pub use audit::{AuditEntry, NewAuditEvent, NewMail, OutgoingMail, QueuedMail};
pub use export::{ExportedDialogue, PersonalData};
pub use people::Erased;
pub use viewers::{ApiTokenUse, ViewerRecord};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
}

impl Organisation {
    pub fn organisation_id(&self) -> OrganisationId {
        OrganisationId(self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct School {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub created_at: i64,
}

impl School {
    pub fn school_id(&self) -> SchoolId {
        SchoolId(self.id)
    }
}

/// A person's account. The password hash stays inside the store's callers; it is never
/// serialised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRecord {
    pub id: PersonId,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub password_changed_at: i64,
    pub created_at: i64,
}

/// A person's place in one organisation, as the policy needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRecord {
    pub organisation: Organisation,
    pub roles: RoleSet,
    pub schools: Vec<SchoolId>,
}

/// A member as the organisation's pages list them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub person_id: PersonId,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub schools: Vec<SchoolId>,
    pub joined_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: i64,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub school_id: Option<SchoolId>,
    pub email: String,
    pub roles: RoleSet,
    pub invited_by_name: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl Invitation {
    /// Open: neither accepted, revoked nor expired at `now`.
    pub fn is_open(&self, now: i64) -> bool {
        self.accepted_at.is_none() && self.revoked_at.is_none() && now < self.expires_at
    }
}

/// What a new invitation needs; the token's digest is all the store ever sees of the link.
#[derive(Debug, Clone)]
pub struct NewInvitation<'a> {
    pub organisation: OrganisationId,
    pub school: Option<SchoolId>,
    pub email: &'a str,
    pub roles: RoleSet,
    pub token_digest: &'a str,
    pub invited_by: PersonId,
    pub now: i64,
    pub expires_at: i64,
}

/// A new account: email as typed, its lookup key, name and password hash.
#[derive(Debug, Clone)]
pub struct NewPerson<'a> {
    pub email: &'a str,
    pub email_key: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub now: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionRecord {
    pub id: i64,
    #[serde(skip)]
    pub person_id: PersonId,
    #[serde(skip)]
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiTokenRecord {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

fn roles_in(row: &AnyRow, column: &str) -> Result<RoleSet, StoreError> {
    let text: String = row.try_get(column)?;
    RoleSet::parse_codes(&text).map_err(|_| StoreError::Corrupt("roles"))
}

fn organisation_from(row: &AnyRow) -> Result<Organisation, StoreError> {
    Ok(Organisation {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
    })
}

fn school_from(row: &AnyRow) -> Result<School, StoreError> {
    Ok(School {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
    })
}

fn person_from(row: &AnyRow) -> Result<PersonRecord, StoreError> {
    Ok(PersonRecord {
        id: PersonId(row.try_get("id")?),
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        password_hash: row.try_get("password_hash")?,
        password_changed_at: row.try_get("password_changed_at")?,
        created_at: row.try_get("created_at")?,
    })
}

fn session_from(row: &AnyRow) -> Result<SessionRecord, StoreError> {
    Ok(SessionRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        csrf_token: row.try_get("csrf_token")?,
        created_at: row.try_get("created_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
        user_agent: row.try_get("user_agent")?,
    })
}

fn api_token_from(row: &AnyRow) -> Result<ApiTokenRecord, StoreError> {
    Ok(ApiTokenRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}
