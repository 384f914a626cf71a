//! Shares: a plan shown to people its owner names (a coach, a board member), and withdrawn.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{Change, PlanRecord, plan_from};
use crate::{Store, StoreError};

impl Store {
    /// The people a plan is shared with, with their names, in the order shared.
    pub async fn plan_viewers(&self, plan: i64) -> Result<Vec<(PersonId, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.viewer_id, p.name FROM development_plan_shares s \
             JOIN people p ON p.id = s.viewer_id \
             WHERE s.plan_id = $1 ORDER BY s.shared_at, s.viewer_id",
        )
        .bind(plan)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((PersonId(row.try_get("viewer_id")?), row.try_get("name")?)))
            .collect()
    }

    /// Plans others shared with `viewer`, newest school year first, with the owner's name.
    pub async fn plans_shared_with(
        &self,
        viewer: PersonId,
    ) -> Result<Vec<(PlanRecord, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.id, d.person_id, d.school_year, d.framework_id, d.created_at, \
                 d.updated_at, p.name AS owner \
             FROM development_plan_shares s JOIN development_plans d ON d.id = s.plan_id \
             JOIN people p ON p.id = d.person_id \
             WHERE s.viewer_id = $1 ORDER BY d.school_year DESC, p.name, d.id",
        )
        .bind(viewer.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((plan_from(row)?, row.try_get("owner")?)))
            .collect()
    }

    /// Shares the owner's plan with a named person (again: nothing changes).
    pub async fn share_plan(
        &self,
        person: PersonId,
        plan: i64,
        viewer: PersonId,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        sqlx::query(
            "INSERT INTO development_plan_shares (plan_id, viewer_id, shared_at) \
             SELECT id, $3, $4 FROM development_plans WHERE id = $1 AND person_id = $2 \
                 AND $3 <> $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(plan)
        .bind(person.get())
        .bind(viewer.get())
        .bind(now)
        .execute(self.writer())
        .await?;
        let owned =
            sqlx::query("SELECT id FROM development_plans WHERE id = $1 AND person_id = $2")
                .bind(plan)
                .bind(person.get())
                .fetch_optional(self.writer())
                .await?;
        Ok(match owned {
            Some(_) => Change::Done(()),
            None => Change::NotFound,
        })
    }

    /// Withdraws a share. `Ok(false)`: it was not shared with that person.
    pub async fn unshare_plan(
        &self,
        person: PersonId,
        plan: i64,
        viewer: PersonId,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "DELETE FROM development_plan_shares WHERE viewer_id = $1 AND plan_id = \
             (SELECT id FROM development_plans WHERE id = $2 AND person_id = $3)",
        )
        .bind(viewer.get())
        .bind(plan)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected() == 1)
    }
}
