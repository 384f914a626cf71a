//! The leader's self-rating: their own answer (1–4) to the round's cards, set beside the
//! raters' in the report. It may change until the round is released, and may start as a
//! copy of a self-reflection's piles.

use leidraad_domain::accounts::PersonId;
use sqlx::{Any, AssertSqlSafe, Row, Transaction};

use super::{Change, RoundState, split_list};
use crate::group_commit::{MAX_GROUP, MultiRowStatement};
use crate::{Store, StoreError};

/// Self answers into a round: `$1` the round, then card and answer a row.
static SELF_ANSWERS: MultiRowStatement = MultiRowStatement::new(1, 2, |values| {
    format!(
        "INSERT INTO feedback_self_answers (round_id, card_id, answer) \
         SELECT $1, v.column1, v.column2 FROM (VALUES {values}) AS v \
         WHERE v.column1 IS NOT NULL \
         ON CONFLICT (round_id, card_id) DO UPDATE SET answer = excluded.answer"
    )
});

impl Store {
    /// The leader's answers by card id.
    pub async fn self_answers(&self, round: i64) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT card_id, answer FROM feedback_self_answers WHERE round_id = $1 \
             ORDER BY card_id",
        )
        .bind(round)
        .fetch_all(self.reader())
        .await?;
        let mut answers = rows
            .iter()
            .map(|row| Ok((row.try_get("card_id")?, row.try_get("answer")?)))
            .collect::<Result<Vec<(String, i64)>, StoreError>>()?;
        // One order on both databases: PostgreSQL's follows its collation.
        answers.sort();
        Ok(answers)
    }

    /// Sets (1–4) or clears the leader's answer to a card, until the round is released.
    pub async fn save_self_answer(
        &self,
        round: i64,
        owner: PersonId,
        card: &str,
        answer: Option<i64>,
    ) -> Result<Change<()>, StoreError> {
        let query = match answer {
            Some(answer) => sqlx::query(
                "INSERT INTO feedback_self_answers (round_id, card_id, answer) \
                 SELECT id, $3, $4 FROM feedback_rounds \
                 WHERE id = $1 AND person_id = $2 AND state <> 'gesloten' \
                 ON CONFLICT (round_id, card_id) DO UPDATE SET answer = excluded.answer",
            )
            .bind(round)
            .bind(owner.get())
            .bind(card)
            .bind(answer),
            None => sqlx::query(
                "DELETE FROM feedback_self_answers WHERE card_id = $3 AND round_id = \
                 (SELECT id FROM feedback_rounds \
                     WHERE id = $1 AND person_id = $2 AND state <> 'gesloten')",
            )
            .bind(round)
            .bind(owner.get())
            .bind(card),
        };
        if query.execute(self.writer()).await?.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.self_rating_refusal(round, owner).await
    }

    /// Copies the piles of one of the leader's reflections into the self-rating, for the
    /// round's cards that were sorted there; other answers stay. How many were copied.
    pub async fn copy_self_from_reflection(
        &self,
        round: i64,
        owner: PersonId,
        reflection: i64,
    ) -> Result<Change<usize>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let cards = sqlx::query(
            "SELECT cards FROM feedback_rounds \
             WHERE id = $1 AND person_id = $2 AND state <> 'gesloten'",
        )
        .bind(round)
        .bind(owner.get())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(cards) = cards else {
            drop(tx);
            let why = self.self_rating_refusal(round, owner).await?;
            // Only a race ends in `Done` here; then nothing was copied.
            return Ok(why.map(|()| 0));
        };
        let cards = split_list(&cards.try_get::<String, _>("cards")?);
        let piles = sqlx::query(
            "SELECT a.card_id, a.pile FROM reflections f \
             LEFT JOIN reflection_answers a ON a.reflection_id = f.id AND a.pile IS NOT NULL \
             WHERE f.id = $1 AND f.person_id = $2",
        )
        .bind(reflection)
        .bind(owner.get())
        .fetch_all(&mut *tx)
        .await?;
        if piles.is_empty() {
            return Ok(Change::NotFound);
        }
        let mut copied: Vec<(String, i64)> = Vec::new();
        for row in &piles {
            let card: Option<String> = row.try_get("card_id")?;
            let pile: Option<i64> = row.try_get("pile")?;
            if let (Some(card), Some(pile)) = (card, pile)
                && cards.contains(&card)
            {
                copied.push((card, pile));
            }
        }
        write_self_answers(&mut tx, round, &copied).await?;
        tx.commit().await?;
        Ok(Change::Done(copied.len()))
    }

    /// Why a self-rating change touched nothing: not their round, or released; `Done` when
    /// neither (a cleared answer that was not there).
    async fn self_rating_refusal(
        &self,
        round: i64,
        owner: PersonId,
    ) -> Result<Change<()>, StoreError> {
        Ok(match self.owned_round_state(round, owner).await? {
            None => Change::NotFound,
            Some(RoundState::Closed) => Change::WrongState,
            Some(_) => Change::Done(()),
        })
    }
}

/// Writes (card, answer) rows into round `round` with [`SELF_ANSWERS`]: one statement per
/// run of up to [`MAX_GROUP`] rows, so a deck is one statement.
async fn write_self_answers(
    tx: &mut Transaction<'_, Any>,
    round: i64,
    rows: &[(String, i64)],
) -> Result<(), StoreError> {
    for run in rows.chunks(MAX_GROUP) {
        let (sql, padding) = SELF_ANSWERS.for_run(run.len())?;
        let mut query = sqlx::query(AssertSqlSafe(sql)).bind(round);
        for (key, value) in run {
            query = query.bind(key.as_str()).bind(*value);
        }
        for _ in 0..padding {
            query = query.bind(None::<&str>).bind(None::<i64>);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}
