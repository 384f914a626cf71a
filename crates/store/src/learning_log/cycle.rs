//! The register cycle: one per person, its first day and the points aimed for.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CycleRecord {
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub target: i64,
    pub updated_at: i64,
}

impl Store {
    /// The person's cycle, if they set one.
    pub async fn register_cycle(
        &self,
        person: PersonId,
    ) -> Result<Option<CycleRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT starts_on, target, updated_at FROM register_cycles WHERE person_id = $1",
        )
        .bind(person.get())
        .fetch_optional(self.reader())
        .await?;
        row.map(|row| {
            Ok(CycleRecord {
                starts_on: row.try_get("starts_on")?,
                target: row.try_get("target")?,
                updated_at: row.try_get("updated_at")?,
            })
        })
        .transpose()
    }

    /// Sets (or moves) the person's cycle.
    pub async fn set_register_cycle(
        &self,
        person: PersonId,
        starts_on: &str,
        target: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO register_cycles (person_id, starts_on, target, updated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (person_id) DO UPDATE SET \
                 starts_on = excluded.starts_on, target = excluded.target, \
                 updated_at = excluded.updated_at",
        )
        .bind(person.get())
        .bind(starts_on)
        .bind(target)
        .bind(now)
        .execute(self.writer())
        .await?;
        Ok(())
    }
}
