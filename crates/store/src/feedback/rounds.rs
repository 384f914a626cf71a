//! Rounds: made as a concept, set up, moved through their states by a compare-and-set, and
//! listed for their leader, for their coach and for the schedule that closes them.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{
    Change, NewRound, RoundRecord, RoundState, RoundSummary, round_columns, round_from, state_in,
};
use crate::{Store, StoreError};

/// Who may move a round from one state to another: (the owner, the coach). Closing is not
/// here: it is [`Store::release`], which stores the report and deletes the raw answers in
/// the same transaction. Whether a round needs its coach's approval at all is the app's
/// policy.
fn movers(from: RoundState, to: RoundState) -> (bool, bool) {
    use RoundState::{AwaitingApproval, Concept, Open};
    match (from, to) {
        (Concept, AwaitingApproval | Open) => (true, false),
        (AwaitingApproval, Open) => (false, true),
        // The coach sends it back with a note; the leader withdraws it to change it.
        (AwaitingApproval, Concept) => (true, true),
        _ => (false, false),
    }
}

impl Store {
    /// Starts a round as a concept; its id.
    pub async fn create_round(&self, new: &NewRound<'_>) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO feedback_rounds (person_id, organisation_id, framework_id, \
                 content_fingerprint, cards, request, closes_at, coach_id, state, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'concept', $9) RETURNING id",
        )
        .bind(new.person.get())
        .bind(new.organisation.map(|o| o.get()))
        .bind(new.framework_id)
        .bind(new.content_fingerprint)
        .bind(new.cards.join(","))
        .bind(new.request)
        .bind(new.closes_at)
        .bind(new.coach.map(PersonId::get))
        .bind(new.now)
        .fetch_one(self.writer())
        .await?;
        Ok(row.try_get("id")?)
    }

    /// Any round by id. Who may see it is the policy's call in the app layer.
    pub async fn round(&self, id: i64) -> Result<Option<RoundRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            round_columns!(),
            " FROM feedback_rounds r WHERE r.id = $1"
        ))
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(round_from).transpose()
    }

    /// A leader's rounds, newest first, each with how many were invited and answered.
    pub async fn rounds_of(&self, person: PersonId) -> Result<Vec<RoundSummary>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            round_columns!(),
            ", (SELECT COUNT(*) FROM feedback_links l WHERE l.round_id = r.id) AS invited, \
             (SELECT COUNT(*) FROM feedback_links l \
                 WHERE l.round_id = r.id AND l.answered = 1) AS answered \
             FROM feedback_rounds r WHERE r.person_id = $1 ORDER BY r.created_at DESC, r.id DESC"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(RoundSummary {
                    round: round_from(row)?,
                    invited: row.try_get("invited")?,
                    answered: row.try_get("answered")?,
                })
            })
            .collect()
    }

    /// The rounds waiting for `coach` to approve their raters, oldest first.
    pub async fn rounds_for_coach(&self, coach: PersonId) -> Result<Vec<RoundRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            round_columns!(),
            " FROM feedback_rounds r WHERE r.coach_id = $1 AND r.state = 'ter-goedkeuring' \
             ORDER BY r.created_at, r.id"
        ))
        .bind(coach.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(round_from).collect()
    }

    /// Open rounds whose closing moment has come: the schedule releases them.
    pub async fn rounds_due(&self, now: i64) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT id FROM feedback_rounds WHERE state = 'open' AND closes_at <= $1 \
             ORDER BY closes_at, id",
        )
        .bind(now)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| row.try_get("id").map_err(StoreError::from))
            .collect()
    }

    /// Changes the request, the closing moment and the coach, only while a concept: once
    /// invitations are out (or a coach is looking), the raters were asked what they were asked.
    pub async fn update_round_setup(
        &self,
        round: i64,
        owner: PersonId,
        request: &str,
        closes_at: i64,
        coach: Option<PersonId>,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "UPDATE feedback_rounds SET request = $1, closes_at = $2, coach_id = $3 \
             WHERE id = $4 AND person_id = $5 AND state = 'concept'",
        )
        .bind(request)
        .bind(closes_at)
        .bind(coach.map(PersonId::get))
        .bind(round)
        .bind(owner.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.why_round_unchanged(round, owner, &[RoundState::Concept])
            .await
    }

    /// Moves a round from `from` to `to`, if it still is in `from` (a compare-and-set: of two
    /// clicks at once, one wins) and `actor` may make that move (see [`movers`]): the owner
    /// submits a concept or opens it, the coach approves, either sends it back to concept.
    /// `note` replaces the coach's note (the reason for sending it back). Opening dates it.
    pub async fn set_state(
        &self,
        round: i64,
        actor: PersonId,
        from: RoundState,
        to: RoundState,
        note: Option<&str>,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let (owner_may, coach_may) = movers(from, to);
        let result = sqlx::query(
            "UPDATE feedback_rounds SET state = $1, coach_note = COALESCE($2, coach_note), \
                 opened_at = CASE WHEN $1 = 'open' THEN $3 ELSE opened_at END \
             WHERE id = $4 AND state = $5 \
                 AND ((person_id = $6 AND $7 = 1) OR (coach_id = $6 AND $8 = 1))",
        )
        .bind(to.code())
        .bind(note)
        .bind(now)
        .bind(round)
        .bind(from.code())
        .bind(actor.get())
        .bind(i64::from(owner_may))
        .bind(i64::from(coach_may))
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        let row = sqlx::query(
            "SELECT state FROM feedback_rounds WHERE id = $1 AND (person_id = $2 OR coach_id = $2)",
        )
        .bind(round)
        .bind(actor.get())
        .fetch_optional(self.writer())
        .await?;
        Ok(match row {
            None => Change::NotFound,
            Some(_) => Change::WrongState,
        })
    }

    /// Why a leader's change touched nothing: no such round of theirs, or one in a state the
    /// change is not made in (`allowed` lists those it is; in one of them, the group or link
    /// it aimed at is what is missing).
    pub(super) async fn why_round_unchanged<T>(
        &self,
        round: i64,
        owner: PersonId,
        allowed: &[RoundState],
    ) -> Result<Change<T>, StoreError> {
        Ok(match self.owned_round_state(round, owner).await? {
            None => Change::NotFound,
            Some(state) if allowed.contains(&state) => Change::NotFound,
            Some(_) => Change::WrongState,
        })
    }

    /// The state of `owner`'s round `round`, if it is theirs. Read through the writer, so it
    /// sees what a change just saw.
    pub(super) async fn owned_round_state(
        &self,
        round: i64,
        owner: PersonId,
    ) -> Result<Option<RoundState>, StoreError> {
        let row = sqlx::query("SELECT state FROM feedback_rounds WHERE id = $1 AND person_id = $2")
            .bind(round)
            .bind(owner.get())
            .fetch_optional(self.writer())
            .await?;
        row.map(|row| state_in(&row, "state")).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RoundState::{AwaitingApproval, Closed, Concept, Open};

    #[test]
    fn only_the_coach_approves_and_nobody_closes_through_a_state_change() {
        assert_eq!(movers(Concept, AwaitingApproval), (true, false));
        assert_eq!(movers(AwaitingApproval, Open), (false, true));
        assert_eq!(movers(AwaitingApproval, Concept), (true, true));
        for from in [Concept, AwaitingApproval, Open, Closed] {
            assert_eq!(movers(from, Closed), (false, false), "{from:?}");
            assert_eq!(movers(Closed, from), (false, false), "{from:?}");
        }
        assert_eq!(movers(Open, Concept), (false, false));
    }

    #[test]
    fn a_state_is_stored_as_its_code() {
        for state in [Concept, AwaitingApproval, Open, Closed] {
            assert_eq!(RoundState::from_code(state.code()), Some(state));
        }
        assert_eq!(RoundState::from_code("dicht"), None);
    }
}
