//! Focus cards: the at most three growth points a person picks as the plan for the year.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::Change;
use crate::{Store, StoreError};

impl Store {
    pub async fn focus_cards(&self, reflection: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT card_id FROM focus_cards WHERE reflection_id = $1 ORDER BY position",
        )
        .bind(reflection)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| row.try_get("card_id").map_err(StoreError::from))
            .collect()
    }

    /// Replaces the focus cards. The rule (at most three, from the growth points) is the
    /// domain's; this only stores the outcome. Focus cards may change after finishing: they
    /// are the plan for the year, not part of the moment's answers.
    pub async fn set_focus_cards(
        &self,
        person: PersonId,
        reflection: i64,
        cards: &[String],
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let owned = sqlx::query("SELECT id FROM reflections WHERE id = $1 AND person_id = $2")
            .bind(reflection)
            .bind(person.get())
            .fetch_optional(&mut *tx)
            .await?;
        if owned.is_none() {
            return Ok(Change::NotFound);
        }
        sqlx::query("DELETE FROM focus_cards WHERE reflection_id = $1")
            .bind(reflection)
            .execute(&mut *tx)
            .await?;
        for (position, card) in cards.iter().enumerate() {
            sqlx::query(
                "INSERT INTO focus_cards (reflection_id, card_id, position) VALUES ($1, $2, $3)",
            )
            .bind(reflection)
            .bind(card)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Change::Done(()))
    }
}
