//! The owner's estimate of how the team will answer, one statement at a time and autosaved,
//! while the scan is not yet released.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::Change;
use crate::{Store, StoreError};

impl Store {
    /// Saves (or, with an empty answer, takes back) the owner's estimate of one statement.
    pub async fn save_scan_estimate(
        &self,
        owner: PersonId,
        scan: i64,
        statement: &str,
        answer: &str,
    ) -> Result<Change<()>, StoreError> {
        if answer.is_empty() {
            sqlx::query(
                "DELETE FROM space_scan_estimates WHERE scan_id = $1 AND statement_id = $2 \
                 AND EXISTS (SELECT 1 FROM space_scans s WHERE s.id = $1 AND s.person_id = $3 \
                     AND s.state <> 'vrijgegeven')",
            )
            .bind(scan)
            .bind(statement)
            .bind(owner.get())
            .execute(self.writer())
            .await?;
        } else {
            sqlx::query(
                "INSERT INTO space_scan_estimates (scan_id, statement_id, answer) \
                 SELECT s.id, $2, $3 FROM space_scans s WHERE s.id = $1 AND s.person_id = $4 \
                     AND s.state <> 'vrijgegeven' \
                 ON CONFLICT (scan_id, statement_id) DO UPDATE SET answer = excluded.answer",
            )
            .bind(scan)
            .bind(statement)
            .bind(answer)
            .bind(owner.get())
            .execute(self.writer())
            .await?;
        }
        // A write that landed or not, the refusal (if any) is the same question.
        self.owner_may_change(owner, scan).await
    }

    /// The estimate so far, by statement.
    pub async fn scan_estimate(&self, scan: i64) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT statement_id, answer FROM space_scan_estimates WHERE scan_id = $1 \
             ORDER BY statement_id",
        )
        .bind(scan)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("statement_id")?, row.try_get("answer")?)))
            .collect()
    }

    /// `Done` when `owner` has the scan and it is not released yet.
    async fn owner_may_change(&self, owner: PersonId, scan: i64) -> Result<Change<()>, StoreError> {
        let row = sqlx::query("SELECT person_id, state FROM space_scans WHERE id = $1")
            .bind(scan)
            .fetch_optional(self.writer())
            .await?;
        let Some(row) = row else {
            return Ok(Change::NotFound);
        };
        if row.try_get::<i64, _>("person_id")? != owner.get() {
            return Ok(Change::NotFound);
        }
        Ok(if row.try_get::<String, _>("state")? == "vrijgegeven" {
            Change::WrongState
        } else {
            Change::Done(())
        })
    }
}
