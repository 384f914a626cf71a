//! Own cards: statements a person adds to a domain beside the deck's cards, bounded per
//! domain. Their answers and focus places use the key [`own_card_key`] gives them.

use leidraad_domain::accounts::PersonId;
use serde::Serialize;
use sqlx::Row;

use super::Change;
use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnCardRecord {
    pub id: i64,
    pub domain_id: String,
    pub text: String,
    pub created_at: i64,
}

impl OwnCardRecord {
    /// The key answers and focus cards use for this card.
    pub fn key(&self) -> String {
        own_card_key(self.id)
    }
}

pub fn own_card_key(id: i64) -> String {
    format!("eigen-{id}")
}

impl Store {
    pub async fn own_cards(&self, reflection: i64) -> Result<Vec<OwnCardRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, domain_id, text, created_at FROM own_cards WHERE reflection_id = $1 \
             ORDER BY id",
        )
        .bind(reflection)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OwnCardRecord {
                    id: row.try_get("id")?,
                    domain_id: row.try_get("domain_id")?,
                    text: row.try_get("text")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Adds an own card to a domain, refusing a card beyond `max_per_domain`.
    pub async fn add_own_card(
        &self,
        person: PersonId,
        reflection: i64,
        domain: &str,
        text: &str,
        max_per_domain: usize,
        now: i64,
    ) -> Result<Change<OwnCardRecord>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let open = sqlx::query(
            "SELECT id FROM reflections WHERE id = $1 AND person_id = $2 AND finished_at IS NULL",
        )
        .bind(reflection)
        .bind(person.get())
        .fetch_optional(&mut *tx)
        .await?;
        if open.is_none() {
            drop(tx);
            return self.why_unchanged(person, reflection).await;
        }
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM own_cards WHERE reflection_id = $1 AND domain_id = $2",
        )
        .bind(reflection)
        .bind(domain)
        .fetch_one(&mut *tx)
        .await?;
        let count: i64 = row.try_get("n")?;
        if usize::try_from(count).unwrap_or(usize::MAX) >= max_per_domain {
            return Ok(Change::TooManyOwnCards);
        }
        let row = sqlx::query(
            "INSERT INTO own_cards (reflection_id, domain_id, text, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(reflection)
        .bind(domain)
        .bind(text)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        tx.commit().await?;
        Ok(Change::Done(OwnCardRecord {
            id,
            domain_id: domain.to_owned(),
            text: text.to_owned(),
            created_at: now,
        }))
    }

    pub async fn update_own_card(
        &self,
        person: PersonId,
        reflection: i64,
        card: i64,
        text: &str,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "UPDATE own_cards SET text = $1 WHERE id = $2 AND reflection_id = \
             (SELECT id FROM reflections WHERE id = $3 AND person_id = $4 AND finished_at IS NULL)",
        )
        .bind(text)
        .bind(card)
        .bind(reflection)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.why_unchanged(person, reflection).await
    }

    /// Removes an own card with its answer and its place among the focus cards.
    pub async fn delete_own_card(
        &self,
        person: PersonId,
        reflection: i64,
        card: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let result = sqlx::query(
            "DELETE FROM own_cards WHERE id = $1 AND reflection_id = \
             (SELECT id FROM reflections WHERE id = $2 AND person_id = $3 AND finished_at IS NULL)",
        )
        .bind(card)
        .bind(reflection)
        .bind(person.get())
        .execute(&mut *tx)
        .await?;
        if result.rows_affected() != 1 {
            drop(tx);
            return self.why_unchanged(person, reflection).await;
        }
        for statement in [
            "DELETE FROM reflection_answers WHERE reflection_id = $1 AND card_id = $2",
            "DELETE FROM focus_cards WHERE reflection_id = $1 AND card_id = $2",
        ] {
            sqlx::query(statement)
                .bind(reflection)
                .bind(own_card_key(card))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Change::Done(()))
    }
}
