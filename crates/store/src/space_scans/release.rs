//! Closing and releasing a scan. Closing stops the answers (and, on PostgreSQL, waits for
//! every submission under way); the app then reads the responses, computes the results with
//! the domain's rules, and stores them: in that one transaction the scan is released and
//! every link, draft and response of it deleted, so the results are all that is left of the
//! answers (the owner's own estimate stays with the scan).

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{Change, ScanState};
use crate::{Store, StoreError};

/// A submitted response: the unit it came through, and its body as the app wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub unit_id: i64,
    pub body: String,
}

impl Store {
    /// Stops an owner's open scan taking answers. A scan closed already stays closed (a
    /// release that did not finish is tried again); a released one is `WrongState`.
    pub async fn close_scan(&self, owner: PersonId, scan: i64) -> Result<Change<()>, StoreError> {
        sqlx::query(
            "UPDATE space_scans SET state = 'gesloten' \
             WHERE id = $1 AND person_id = $2 AND state = 'open'",
        )
        .bind(scan)
        .bind(owner.get())
        .execute(self.writer())
        .await?;
        let row = sqlx::query("SELECT state FROM space_scans WHERE id = $1 AND person_id = $2")
            .bind(scan)
            .bind(owner.get())
            .fetch_optional(self.writer())
            .await?;
        Ok(match row {
            None => Change::NotFound,
            Some(row) if row.try_get::<String, _>("state")? == ScanState::Closed.code() => {
                Change::Done(())
            }
            Some(_) => Change::WrongState,
        })
    }

    /// How many responses a scan has: what its owner may know while it runs.
    pub async fn scan_response_count(&self, scan: i64) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM space_scan_responses WHERE scan_id = $1")
            .bind(scan)
            .fetch_one(self.reader())
            .await?;
        Ok(row.try_get("n")?)
    }

    /// Every response of a scan, in the order of their random ids (never of arrival). Read
    /// through the writer, so that it sees the close that came just before.
    pub async fn scan_responses(&self, scan: i64) -> Result<Vec<StoredResponse>, StoreError> {
        let rows = sqlx::query(
            "SELECT unit_id, body FROM space_scan_responses WHERE scan_id = $1 ORDER BY id",
        )
        .bind(scan)
        .fetch_all(self.writer())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(StoredResponse {
                    unit_id: row.try_get("unit_id")?,
                    body: row.try_get("body")?,
                })
            })
            .collect()
    }

    /// Stores the results of an owner's closed scan computed from `respondents` responses,
    /// releases it and deletes its links, drafts and responses. `ResponsesChanged` when the
    /// scan does not hold that many responses (nothing is stored then).
    pub async fn release_scan(
        &self,
        owner: PersonId,
        scan: i64,
        respondents: usize,
        snapshot: &str,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let released = sqlx::query(
            "UPDATE space_scans SET state = 'vrijgegeven', released_at = $3, respondents = $4 \
             WHERE id = $1 AND person_id = $2 AND state = 'gesloten'",
        )
        .bind(scan)
        .bind(owner.get())
        .bind(now)
        .bind(respondents as i64)
        .execute(&mut *tx)
        .await?;
        if released.rows_affected() != 1 {
            drop(tx);
            return Ok(match self.scan(scan).await? {
                Some(record) if record.person_id == owner => Change::WrongState,
                _ => Change::NotFound,
            });
        }
        let count: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM space_scan_responses WHERE scan_id = $1")
                .bind(scan)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
        if count != respondents as i64 {
            return Ok(Change::ResponsesChanged);
        }
        sqlx::query(
            "INSERT INTO space_scan_results (scan_id, released_at, snapshot) VALUES ($1, $2, $3)",
        )
        .bind(scan)
        .bind(now)
        .bind(snapshot)
        .execute(&mut *tx)
        .await?;
        for statement in [
            "DELETE FROM space_scan_responses WHERE scan_id = $1",
            "DELETE FROM space_scan_drafts WHERE link_id IN \
                 (SELECT id FROM space_scan_links WHERE scan_id = $1)",
            "DELETE FROM space_scan_links WHERE scan_id = $1",
        ] {
            sqlx::query(statement).bind(scan).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Change::Done(()))
    }

    /// The stored results of a released scan: when, and the snapshot.
    pub async fn scan_results(&self, scan: i64) -> Result<Option<(i64, String)>, StoreError> {
        let row =
            sqlx::query("SELECT released_at, snapshot FROM space_scan_results WHERE scan_id = $1")
                .bind(scan)
                .fetch_optional(self.reader())
                .await?;
        row.map(|row| Ok((row.try_get("released_at")?, row.try_get("snapshot")?)))
            .transpose()
    }
}
