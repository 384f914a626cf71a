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

fn insert_audit_event<'q>(
    event: &NewAuditEvent<'q>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
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
}

impl Store {
    pub async fn record_audit_event(&self, event: NewAuditEvent<'_>) -> Result<(), StoreError> {
        insert_audit_event(&event).execute(self.writer()).await?;
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
        .fetch_all(self.reader())
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
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(audit_entry_from).collect()
    }

    /// Records a try by `actor` and returns when that actor tried the same event since
    /// `since`, this try included, oldest first: for limits on how often one person may try
    /// something (sharing by e-mail address). Tries by one actor are put in a strict order
    /// (on SQLite by the single writer connection, on PostgreSQL by a lock on the actor held
    /// until commit), so of tries sent at the same moment each sees exactly the ones before
    /// it: a burst can neither slip past a limit nor use up more than the limit's allowance.
    pub async fn record_counted_try(
        &self,
        actor: PersonId,
        event: NewAuditEvent<'_>,
        since: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let event = NewAuditEvent {
            actor: Some(actor),
            ..event
        };
        let mut tx = self.writer().begin().await?;
        if self.backend == crate::Backend::Postgres {
            sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock($1)) AS locked")
                .bind(actor.get())
                .execute(&mut *tx)
                .await?;
        }
        insert_audit_event(&event).execute(&mut *tx).await?;
        let rows = sqlx::query(
            "SELECT at FROM audit_events WHERE actor_id = $1 AND event = $2 AND at > $3 ORDER BY at",
        )
        .bind(actor.get())
        .bind(event.event)
        .bind(since)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        rows.iter()
            .map(|row| row.try_get("at").map_err(StoreError::from))
            .collect()
    }

    /// Puts a mail in the queue: recorded before anything is tried, so it is never lost and
    /// never silent. The worker sends or files it after the request has been answered.
    pub async fn enqueue_mail(&self, mail: NewMail<'_>) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO outgoing_mail (organisation_id, recipient_key, recipient, kind, subject, \
                 body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(mail.organisation.map(OrganisationId::get))
        .bind(mail.recipient_key)
        .bind(mail.recipient)
        .bind(mail.kind)
        .bind(mail.subject)
        .bind(mail.body)
        .bind(mail.now)
        .fetch_one(self.writer())
        .await?;
        Ok(row.try_get("id")?)
    }

    /// Takes the oldest waiting mail for sending. A mail claimed before `stale_before` whose
    /// sender never settled it (the process died) is taken again. Two workers never get the
    /// same mail.
    pub async fn claim_mail(
        &self,
        now: i64,
        stale_before: i64,
    ) -> Result<Option<QueuedMail>, StoreError> {
        let row = sqlx::query(
            "UPDATE outgoing_mail SET claimed_at = $1 \
             WHERE id = (SELECT id FROM outgoing_mail \
                 WHERE body IS NOT NULL AND (claimed_at IS NULL OR claimed_at < $2) \
                 ORDER BY id LIMIT 1) \
             AND body IS NOT NULL AND (claimed_at IS NULL OR claimed_at < $2) \
             RETURNING id, recipient, subject, body, created_at",
        )
        .bind(now)
        .bind(stale_before)
        .fetch_optional(self.writer())
        .await?;
        row.map(|row| {
            Ok(QueuedMail {
                id: row.try_get("id")?,
                recipient: row.try_get("recipient")?,
                subject: row.try_get("subject")?,
                body: row.try_get("body")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .transpose()
    }

    /// Notes why a mail could be neither sent nor filed, and keeps it (body and claim) for a
    /// later try, when its claim has gone stale.
    pub async fn retry_mail_later(&self, id: i64, failure: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE outgoing_mail SET failure = $1 WHERE id = $2")
            .bind(failure)
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// How many mails wait to be sent or filed.
    pub async fn waiting_mail(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM outgoing_mail WHERE body IS NOT NULL")
            .fetch_one(self.writer())
            .await?;
        Ok(row.try_get("n")?)
    }

    /// What became of a mail: sent at `sent_at`, written to `outbox_file`, or failed. Its body
    /// is forgotten: a link in it is for its recipient only.
    pub async fn settle_outgoing_mail(
        &self,
        id: i64,
        sent_at: Option<i64>,
        outbox_file: Option<&str>,
        failure: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outgoing_mail SET sent_at = $1, outbox_file = $2, failure = $3, \
                 body = NULL, claimed_at = NULL WHERE id = $4",
        )
        .bind(sent_at)
        .bind(outbox_file)
        .bind(failure)
        .bind(id)
        .execute(self.writer())
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
        .fetch_all(self.reader())
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

/// A mail to queue.
pub struct NewMail<'a> {
    pub organisation: Option<OrganisationId>,
    /// The recipient's lookup key, for erasure and the outbox page.
    pub recipient_key: &'a str,
    /// The address as written, to send to.
    pub recipient: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub now: i64,
}

/// A mail taken from the queue for sending.
#[derive(Debug, Clone)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
}
