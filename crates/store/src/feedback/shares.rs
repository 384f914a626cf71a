//! Shares: a released round's report shown to people its leader names, and withdrawn again.
//! Only a closed round is shared: before release there is no report, only raw answers.

use leidraad_domain::accounts::PersonId;

use super::{Change, RoundRecord, RoundState, round_columns, round_from};
use crate::{Store, StoreError};

impl Store {
    /// Closed rounds others shared with `viewer`, the last closed first.
    pub async fn rounds_shared_with(
        &self,
        viewer: PersonId,
    ) -> Result<Vec<RoundRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            round_columns!(),
            " FROM feedback_shares s JOIN feedback_rounds r ON r.id = s.round_id \
             WHERE s.viewer_id = $1 AND r.state = 'gesloten' \
             ORDER BY r.closed_at DESC, r.id DESC"
        ))
        .bind(viewer.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(round_from).collect()
    }

    /// Shares a closed round with a named person (not the leader themselves). Sharing again
    /// is `Done` and keeps the first date.
    pub async fn share_round(
        &self,
        round: i64,
        owner: PersonId,
        viewer: PersonId,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "INSERT INTO feedback_shares (round_id, viewer_id, shared_at) \
             SELECT id, $3, $4 FROM feedback_rounds \
             WHERE id = $1 AND person_id = $2 AND state = 'gesloten' AND $3 <> $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(round)
        .bind(owner.get())
        .bind(viewer.get())
        .bind(now)
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        Ok(match self.owned_round_state(round, owner).await? {
            None => Change::NotFound,
            Some(RoundState::Closed) => Change::Done(()), // shared already, or with themselves
            Some(_) => Change::WrongState,
        })
    }

    /// Withdraws a share. `Ok(false)`: it was not shared with that person.
    pub async fn unshare_round(
        &self,
        round: i64,
        owner: PersonId,
        viewer: PersonId,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "DELETE FROM feedback_shares WHERE viewer_id = $1 AND round_id = \
             (SELECT id FROM feedback_rounds WHERE id = $2 AND person_id = $3)",
        )
        .bind(viewer.get())
        .bind(round)
        .bind(owner.get())
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected() == 1)
    }
}
