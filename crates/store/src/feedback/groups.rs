//! Groups of raters: added, removed and merged while the round is a concept, so that the
//! anonymity preview the leader saw is the one the raters are invited under.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{Change, GroupRecord, NewGroup, RoundState, group_from};
use crate::{Store, StoreError};

const CONCEPT: &[RoundState] = &[RoundState::Concept];

impl Store {
    /// A round's groups in the leader's order.
    pub async fn groups_of(&self, round: i64) -> Result<Vec<GroupRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, round_id, kind, label, threshold, comment_threshold, identifiable, \
                 position \
             FROM feedback_groups WHERE round_id = $1 ORDER BY position, id",
        )
        .bind(round)
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(group_from).collect()
    }

    /// Adds a group after the others; its id.
    pub async fn add_group(
        &self,
        round: i64,
        owner: PersonId,
        group: &NewGroup<'_>,
    ) -> Result<Change<i64>, StoreError> {
        let row = sqlx::query(
            "INSERT INTO feedback_groups \
                 (round_id, kind, label, threshold, comment_threshold, identifiable, position) \
             SELECT r.id, $3, $4, $5, $6, $7, \
                 COALESCE((SELECT MAX(g.position) FROM feedback_groups g \
                     WHERE g.round_id = r.id), -1) + 1 \
             FROM feedback_rounds r \
             WHERE r.id = $1 AND r.person_id = $2 AND r.state = 'concept' \
             RETURNING id",
        )
        .bind(round)
        .bind(owner.get())
        .bind(group.kind)
        .bind(group.label)
        .bind(group.threshold)
        .bind(group.comment_threshold)
        .bind(i64::from(group.identifiable))
        .fetch_optional(self.writer())
        .await?;
        match row {
            Some(row) => Ok(Change::Done(row.try_get("id")?)),
            None => self.why_round_unchanged(round, owner, CONCEPT).await,
        }
    }

    /// Removes a group with its links.
    pub async fn remove_group(
        &self,
        round: i64,
        owner: PersonId,
        group: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "DELETE FROM feedback_groups WHERE id = $1 AND round_id = \
             (SELECT id FROM feedback_rounds WHERE id = $2 AND person_id = $3 AND state = 'concept')",
        )
        .bind(group)
        .bind(round)
        .bind(owner.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.why_round_unchanged(round, owner, CONCEPT).await
    }

    /// Moves the links of group `from` into group `into` and removes `from`: what the preview
    /// suggests when two groups would each be too small to be shown. `into` keeps its settings.
    pub async fn merge_groups(
        &self,
        round: i64,
        owner: PersonId,
        into: i64,
        from: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM feedback_groups g \
             JOIN feedback_rounds r ON r.id = g.round_id \
             WHERE r.id = $1 AND r.person_id = $2 AND r.state = 'concept' AND g.id IN ($3, $4)",
        )
        .bind(round)
        .bind(owner.get())
        .bind(into)
        .bind(from)
        .fetch_one(&mut *tx)
        .await?;
        if into == from || row.try_get::<i64, _>("n")? != 2 {
            drop(tx);
            return self.why_round_unchanged(round, owner, CONCEPT).await;
        }
        sqlx::query("UPDATE feedback_links SET group_id = $1 WHERE group_id = $2")
            .bind(into)
            .bind(from)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM feedback_groups WHERE id = $1")
            .bind(from)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Change::Done(()))
    }
}
