//! Shares: a finished reflection shown to people its author names, and withdrawn again.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{Change, ReflectionRecord, reflection_from};
use crate::{Store, StoreError};

impl Store {
    /// Finished reflections others shared with `viewer`, newest first, with the author's name.
    pub async fn reflections_shared_with(
        &self,
        viewer: PersonId,
    ) -> Result<Vec<(ReflectionRecord, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.id, r.person_id, r.organisation_id, r.framework_id, r.content_fingerprint, \
                 r.domains, r.started_at, r.updated_at, r.finished_at, r.prefilled_from, \
                 p.name AS author \
             FROM reflection_shares s JOIN reflections r ON r.id = s.reflection_id \
             JOIN people p ON p.id = r.person_id \
             WHERE s.viewer_id = $1 ORDER BY r.finished_at DESC, r.id DESC",
        )
        .bind(viewer.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((reflection_from(row)?, row.try_get("author")?)))
            .collect()
    }

    /// The people a reflection is shared with.
    pub async fn reflection_viewers(&self, id: i64) -> Result<Vec<PersonId>, StoreError> {
        let rows = sqlx::query(
            "SELECT viewer_id FROM reflection_shares WHERE reflection_id = $1 ORDER BY shared_at, viewer_id",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok(PersonId(row.try_get("viewer_id")?)))
            .collect()
    }

    /// Shares a finished reflection with a named person.
    pub async fn share_reflection(
        &self,
        person: PersonId,
        reflection: i64,
        viewer: PersonId,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "INSERT INTO reflection_shares (reflection_id, viewer_id, shared_at) \
             SELECT id, $3, $4 FROM reflections \
             WHERE id = $1 AND person_id = $2 AND finished_at IS NOT NULL AND $3 <> $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(reflection)
        .bind(person.get())
        .bind(viewer.get())
        .bind(now)
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        let row =
            sqlx::query("SELECT finished_at FROM reflections WHERE id = $1 AND person_id = $2")
                .bind(reflection)
                .bind(person.get())
                .fetch_optional(self.writer())
                .await?;
        Ok(match row {
            None => Change::NotFound,
            Some(row) if row.try_get::<Option<i64>, _>("finished_at")?.is_none() => {
                // Only a finished reflection is shared; an open one is still being written.
                Change::Finished
            }
            Some(_) => Change::Done(()),
        })
    }

    /// Withdraws a share. `Ok(false)`: it was not shared with that person.
    pub async fn unshare_reflection(
        &self,
        person: PersonId,
        reflection: i64,
        viewer: PersonId,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "DELETE FROM reflection_shares WHERE viewer_id = $1 AND reflection_id = \
             (SELECT id FROM reflections WHERE id = $2 AND person_id = $3)",
        )
        .bind(viewer.get())
        .bind(reflection)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected() == 1)
    }
}
