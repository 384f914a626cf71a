//! How long dialogues are kept: a code dies after 48 hours without anything happening, and an
//! ended dialogue is deleted after the retention period unless someone kept it.

use crate::{Store, StoreError};

impl Store {
    /// Ends every running dialogue with nothing happening since `idle_since`: its code is
    /// freed. Returns how many ended.
    pub async fn end_idle_dialogues(&self, idle_since: i64, now: i64) -> Result<u64, StoreError> {
        let result = sqlx::query(
            "UPDATE dialogues SET ended_at = $2, join_code = NULL \
             WHERE ended_at IS NULL AND active_at <= $1",
        )
        .bind(idle_since)
        .bind(now)
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected())
    }

    /// Deletes every dialogue that ended at or before `ended_before` and that no one saved,
    /// with its participants, events, contributions and picks. Returns how many went.
    pub async fn delete_old_dialogues(&self, ended_before: i64) -> Result<u64, StoreError> {
        let result = sqlx::query(
            "DELETE FROM dialogues WHERE ended_at IS NOT NULL AND ended_at <= $1 \
             AND NOT EXISTS (SELECT 1 FROM dialogue_saves s WHERE s.dialogue_id = dialogues.id)",
        )
        .bind(ended_before)
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected())
    }
}
