//! The actions of a theme (with a due day, ticked off when done) and its review moments
//! (a day to look again, and what was seen then).

use leidraad_domain::accounts::PersonId;
use sqlx::{AssertSqlSafe, Row};

use super::Change;
use super::themes::owned_theme;
use crate::{Store, StoreError};

/// The two kinds of item a theme lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Action,
    ReviewMoment,
}

impl ItemKind {
    fn table(self) -> &'static str {
        match self {
            ItemKind::Action => "plan_theme_actions",
            ItemKind::ReviewMoment => "plan_theme_reviews",
        }
    }
}

/// A change to an item; `None` keeps what is stored. `done` is for actions only.
#[derive(Debug, Clone, Copy, Default)]
pub struct ItemFields<'a> {
    /// An action's text or a review moment's note.
    pub text: Option<&'a str>,
    pub due_on: Option<&'a str>,
    pub done: Option<bool>,
}

impl Store {
    /// Adds an action or a review moment to the owner's theme; `Full` past `most`.
    pub async fn add_theme_item(
        &self,
        person: PersonId,
        theme: i64,
        kind: ItemKind,
        fields: ItemFields<'_>,
        most: usize,
        now: i64,
    ) -> Result<Change<i64>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(_) = owned_theme(&mut tx, person, theme).await? else {
            return Ok(Change::NotFound);
        };
        let table = kind.table();
        let count: i64 = sqlx::query(AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM {table} WHERE theme_id = $1"
        )))
        .bind(theme)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
        if usize::try_from(count).unwrap_or(usize::MAX) >= most {
            return Ok(Change::Full);
        }
        let text = fields.text.unwrap_or_default();
        let due_on = fields.due_on.unwrap_or_default();
        let row = match kind {
            ItemKind::Action => sqlx::query(
                "INSERT INTO plan_theme_actions (theme_id, text, due_on, done, created_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(theme)
            .bind(text)
            .bind(due_on)
            .bind(i64::from(fields.done.unwrap_or(false)))
            .bind(now),
            ItemKind::ReviewMoment => sqlx::query(
                "INSERT INTO plan_theme_reviews (theme_id, note, due_on, created_at) \
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(theme)
            .bind(text)
            .bind(due_on)
            .bind(now),
        }
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        sqlx::query("UPDATE plan_themes SET updated_at = $2 WHERE id = $1")
            .bind(theme)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Change::Done(id))
    }

    /// Changes an item of the owner's theme.
    pub async fn update_theme_item(
        &self,
        person: PersonId,
        theme: i64,
        kind: ItemKind,
        item: i64,
        fields: ItemFields<'_>,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(_) = owned_theme(&mut tx, person, theme).await? else {
            return Ok(Change::NotFound);
        };
        let result = match kind {
            ItemKind::Action => sqlx::query(
                "UPDATE plan_theme_actions SET text = COALESCE($3, text), \
                     due_on = COALESCE($4, due_on), done = COALESCE($5, done) \
                 WHERE id = $1 AND theme_id = $2",
            )
            .bind(item)
            .bind(theme)
            .bind(fields.text)
            .bind(fields.due_on)
            .bind(fields.done.map(i64::from)),
            ItemKind::ReviewMoment => sqlx::query(
                "UPDATE plan_theme_reviews SET note = COALESCE($3, note), \
                     due_on = COALESCE($4, due_on) WHERE id = $1 AND theme_id = $2",
            )
            .bind(item)
            .bind(theme)
            .bind(fields.text)
            .bind(fields.due_on),
        }
        .execute(&mut *tx)
        .await?;
        if result.rows_affected() != 1 {
            return Ok(Change::NotFound);
        }
        sqlx::query("UPDATE plan_themes SET updated_at = $2 WHERE id = $1")
            .bind(theme)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Change::Done(()))
    }

    /// Deletes an item of the owner's theme.
    pub async fn delete_theme_item(
        &self,
        person: PersonId,
        theme: i64,
        kind: ItemKind,
        item: i64,
    ) -> Result<Change<()>, StoreError> {
        let table = kind.table();
        let result = sqlx::query(AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE id = $1 AND theme_id = $2 AND theme_id IN ( \
                 SELECT t.id FROM plan_themes t JOIN development_plans p ON p.id = t.plan_id \
                 WHERE p.person_id = $3)"
        )))
        .bind(item)
        .bind(theme)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        Ok(if result.rows_affected() == 1 {
            Change::Done(())
        } else {
            Change::NotFound
        })
    }
}
