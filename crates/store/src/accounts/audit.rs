use leidraad_domain::accounts::{OrganisationId, PersonId};
use serde::Serialize;
use sqlx::Row;

use crate::{Store, StoreError};

/// A security event to record. `event` and `outcome` are stable codes (`sign-in`,
/// `succeeded`); `detail` holds codes only, never personal content.
#[derive(Debug, Clone)]
pub struct NewAuditEvent<'a> {
    pub at: i64,
    pub organisation: Option<OrganisationId>,
    pub actor: Option<PersonId>,
    pub subject: Option<PersonId>,
    pub event: &'a str,
    pub outcome: &'a str,
    pub detail: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub organisation_id: Option<i64>,
    pub actor_name: Option<String>,
    pub subject_name: Option<String>,
    pub event: String,
    pub outcome: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutgoingMail {
    pub id: i64,
    pub recipient: String,
    pub kind: String,
    pub subject: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub outbox_file: Option<String>,
    pub failure: Option<String>,
}

macro_rules! audit_query {
    () => {
        "SELECT e.id, e.at, e.organisation_id, a.name AS actor_name, \
     s.name AS subject_name, e.event, e.outcome, e.detail FROM audit_events e \
     LEFT JOIN people a ON a.id = e.actor_id LEFT JOIN people s ON s.id = e.subject_id"
    };
}

fn audit_entry_from(row: &sqlx::any::AnyRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        organisation_id: row.try_get("organisation_id")?,
        actor_name: row.try_get("actor_name")?,
        subject_name: row.try_get("subject_name")?,
        event: row.try_get("event")?,
        outcome: row.try_get("outcome")?,
        detail: row.try_get("detail")?,
    })
}

impl Store {
    pub async fn record_audit_event(&self, event: NewAuditEvent<'_>) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_events (at, organisation_id, actor_id, subject_id, event, outcome, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(event.at)
        .bind(event.organisation.map(OrganisationId::get))
        .bind(event.actor.map(PersonId::get))
        .bind(event.subject.map(PersonId::get))
        .bind(event.event)
        .bind(event.outcome)
        .bind(event.detail)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The organisation's audit log, newest first, at most `limit` entries.
    pub async fn audit_log(
        &self,
        organisation: OrganisationId,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(concat!(
            audit_query!(),
            " WHERE e.organisation_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT $2"
        ))
        .bind(organisation.get())
        .bind(limit)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(audit_entry_from).collect()
    }

    /// The events a person took part in, as actor or subject, for their own data export.
    pub async fn audit_events_of(&self, person: PersonId) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(concat!(
            audit_query!(),
            " WHERE e.actor_id = $1 OR e.subject_id = $1 ORDER BY e.at, e.id"
        ))
        .bind(person.get())
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(audit_entry_from).collect()
    }

    /// Notes a mail before it goes out, so that a failure is never silent.
    pub async fn record_outgoing_mail(
        &self,
        organisation: Option<OrganisationId>,
        recipient_key: &str,
        kind: &str,
        subject: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO outgoing_mail (organisation_id, recipient_key, kind, subject, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(organisation.map(OrganisationId::get))
        .bind(recipient_key)
        .bind(kind)
        .bind(subject)
        .bind(now)
        .fetch_one(&self.writer)
        .await?;
        Ok(row.try_get("id")?)
    }

    /// What became of a mail: sent at `sent_at`, written to `outbox_file`, or failed.
    pub async fn settle_outgoing_mail(
        &self,
        id: i64,
        sent_at: Option<i64>,
        outbox_file: Option<&str>,
        failure: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outgoing_mail SET sent_at = $1, outbox_file = $2, failure = $3 WHERE id = $4",
        )
        .bind(sent_at)
        .bind(outbox_file)
        .bind(failure)
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The organisation's mail, newest first.
    pub async fn outgoing_mail(
        &self,
        organisation: OrganisationId,
        limit: i64,
    ) -> Result<Vec<OutgoingMail>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, recipient_key, kind, subject, created_at, sent_at, outbox_file, failure \
             FROM outgoing_mail WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(organisation.get())
        .bind(limit)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OutgoingMail {
                    id: row.try_get("id")?,
                    recipient: row.try_get("recipient_key")?,
                    kind: row.try_get("kind")?,
                    subject: row.try_get("subject")?,
                    created_at: row.try_get("created_at")?,
                    sent_at: row.try_get("sent_at")?,
                    outbox_file: row.try_get("outbox_file")?,
                    failure: row.try_get("failure")?,
                })
            })
            .collect()
    }
}
