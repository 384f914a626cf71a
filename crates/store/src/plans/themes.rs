//! The themes of a plan: at most three, each with its cards, in the order they were added.

use leidraad_domain::accounts::PersonId;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

use super::{ActionRecord, Change, PlanRecord, ReviewRecord, ThemeRecord};
use crate::{Store, StoreError};

/// A new theme, checked by the domain.
#[derive(Debug, Clone)]
pub struct NewTheme<'a> {
    pub title: &'a str,
    pub goal: &'a str,
    pub monitoring: &'a str,
    pub status: &'a str,
    pub source_kind: &'a str,
    pub source_id: Option<i64>,
    pub source_item: &'a str,
    pub cards: &'a [String],
}

/// The parts of a theme a change sets; `None` keeps what is stored.
#[derive(Debug, Clone, Default)]
pub struct ThemeFields<'a> {
    pub title: Option<&'a str>,
    pub status: Option<&'a str>,
    pub cards: Option<&'a [String]>,
}

/// The most themes the schema holds; the domain's `MAX_THEMES` is the rule, this its mirror.
const POSITIONS: [i64; 3] = [1, 2, 3];

fn theme_from(row: &AnyRow) -> Result<ThemeRecord, StoreError> {
    Ok(ThemeRecord {
        id: row.try_get("id")?,
        plan_id: row.try_get("plan_id")?,
        position: row.try_get("position")?,
        title: row.try_get("title")?,
        goal: row.try_get("goal")?,
        monitoring: row.try_get("monitoring")?,
        review: row.try_get("review")?,
        status: row.try_get("status")?,
        source_kind: row.try_get("source_kind")?,
        source_id: row.try_get("source_id")?,
        source_item: row.try_get("source_item")?,
        cards: Vec::new(),
        actions: Vec::new(),
        reviews: Vec::new(),
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

const THEME_COLUMNS: &str = "t.id, t.plan_id, t.position, t.title, t.goal, t.monitoring, \
     t.review, t.status, t.source_kind, t.source_id, t.source_item, t.created_at, t.updated_at";

impl Store {
    /// The themes of a plan, with their cards, actions and review moments.
    pub(super) async fn themes_of(&self, plan: i64) -> Result<Vec<ThemeRecord>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {THEME_COLUMNS} FROM plan_themes t WHERE t.plan_id = $1 ORDER BY t.position"
        )))
        .bind(plan)
        .fetch_all(self.reader())
        .await?;
        let mut themes = rows.iter().map(theme_from).collect::<Result<Vec<_>, _>>()?;
        self.fill_themes(plan, &mut themes).await?;
        Ok(themes)
    }

    async fn fill_themes(&self, plan: i64, themes: &mut [ThemeRecord]) -> Result<(), StoreError> {
        let of_plan = "theme_id IN (SELECT id FROM plan_themes WHERE plan_id = $1)";
        let cards = sqlx::query(AssertSqlSafe(format!(
            "SELECT theme_id, card_id FROM plan_theme_cards WHERE {of_plan} \
             ORDER BY theme_id, position"
        )))
        .bind(plan)
        .fetch_all(self.reader())
        .await?;
        let actions = sqlx::query(AssertSqlSafe(format!(
            "SELECT theme_id, id, text, due_on, done FROM plan_theme_actions WHERE {of_plan} \
             ORDER BY theme_id, CASE WHEN due_on = '' THEN 1 ELSE 0 END, due_on, id"
        )))
        .bind(plan)
        .fetch_all(self.reader())
        .await?;
        let reviews = sqlx::query(AssertSqlSafe(format!(
            "SELECT theme_id, id, due_on, note FROM plan_theme_reviews WHERE {of_plan} \
             ORDER BY theme_id, due_on, id"
        )))
        .bind(plan)
        .fetch_all(self.reader())
        .await?;
        for theme in themes.iter_mut() {
            let mine = |row: &&AnyRow| row.try_get::<i64, _>("theme_id").ok() == Some(theme.id);
            for row in cards.iter().filter(mine) {
                theme.cards.push(row.try_get("card_id")?);
            }
            for row in actions.iter().filter(mine) {
                theme.actions.push(ActionRecord {
                    id: row.try_get("id")?,
                    text: row.try_get("text")?,
                    due_on: row.try_get("due_on")?,
                    done: row.try_get::<i64, _>("done")? == 1,
                });
            }
            for row in reviews.iter().filter(mine) {
                theme.reviews.push(ReviewRecord {
                    id: row.try_get("id")?,
                    due_on: row.try_get("due_on")?,
                    note: row.try_get("note")?,
                });
            }
        }
        Ok(())
    }

    /// A theme with the plan it is in.
    pub async fn theme(&self, id: i64) -> Result<Option<(PlanRecord, ThemeRecord)>, StoreError> {
        let row = sqlx::query("SELECT plan_id FROM plan_themes WHERE id = $1")
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let Some(full) = self.full_plan(row.try_get("plan_id")?).await? else {
            return Ok(None);
        };
        let theme = full.themes.into_iter().find(|t| t.id == id);
        Ok(theme.map(|theme| (full.plan, theme)))
    }

    /// Adds a theme in the first free place of the owner's plan. `Full` when three are there:
    /// the domain refuses a fourth before this, and the unique place holds the line against
    /// two adds at once.
    pub async fn add_theme(
        &self,
        person: PersonId,
        plan: i64,
        theme: &NewTheme<'_>,
        now: i64,
    ) -> Result<Change<i64>, StoreError> {
        // Two adds at once may pick the same place; the one that loses tries once more.
        match self.try_add_theme(person, plan, theme, now).await {
            Err(StoreError::Conflict) => self.try_add_theme(person, plan, theme, now).await,
            other => other,
        }
        .map_err(|error| match error {
            StoreError::Conflict => StoreError::Corrupt("plan_themes position"),
            other => other,
        })
    }

    async fn try_add_theme(
        &self,
        person: PersonId,
        plan: i64,
        theme: &NewTheme<'_>,
        now: i64,
    ) -> Result<Change<i64>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let taken = sqlx::query(
            "SELECT t.position FROM development_plans p \
             LEFT JOIN plan_themes t ON t.plan_id = p.id \
             WHERE p.id = $1 AND p.person_id = $2",
        )
        .bind(plan)
        .bind(person.get())
        .fetch_all(&mut *tx)
        .await?;
        if taken.is_empty() {
            return Ok(Change::NotFound);
        }
        let taken: Vec<Option<i64>> = taken
            .iter()
            .map(|row| row.try_get("position"))
            .collect::<Result<_, _>>()?;
        let Some(position) = POSITIONS.into_iter().find(|p| !taken.contains(&Some(*p))) else {
            return Ok(Change::Full);
        };
        let row = sqlx::query(
            "INSERT INTO plan_themes (plan_id, position, title, goal, monitoring, review, status, \
                 source_kind, source_id, source_item, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, '', $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(plan)
        .bind(position)
        .bind(theme.title)
        .bind(theme.goal)
        .bind(theme.monitoring)
        .bind(theme.status)
        .bind(theme.source_kind)
        .bind(theme.source_id)
        .bind(theme.source_item)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::from_insert)?;
        let id: i64 = row.try_get("id")?;
        write_cards(&mut tx, id, theme.cards).await?;
        tx.commit().await.map_err(StoreError::from_insert)?;
        self.touch_plan(plan, now).await?;
        Ok(Change::Done(id))
    }

    /// Changes a theme's title, status or cards.
    pub async fn update_theme(
        &self,
        person: PersonId,
        theme: i64,
        fields: &ThemeFields<'_>,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(plan) = owned_theme(&mut tx, person, theme).await? else {
            return Ok(Change::NotFound);
        };
        sqlx::query(
            "UPDATE plan_themes SET title = COALESCE($2, title), status = COALESCE($3, status), \
                 updated_at = $4 WHERE id = $1",
        )
        .bind(theme)
        .bind(fields.title)
        .bind(fields.status)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if let Some(cards) = fields.cards {
            sqlx::query("DELETE FROM plan_theme_cards WHERE theme_id = $1")
                .bind(theme)
                .execute(&mut *tx)
                .await?;
            write_cards(&mut tx, theme, cards).await?;
        }
        tx.commit().await?;
        self.touch_plan(plan, now).await?;
        Ok(Change::Done(()))
    }

    /// Saves one free text of a theme (`goal`, `monitoring` or `review`, named by the domain's
    /// field code). With `base`, only when the stored text is still `base`: an autosave never
    /// overwrites what was written elsewhere since its page was read.
    pub async fn save_theme_text(
        &self,
        person: PersonId,
        theme: i64,
        field: &str,
        base: Option<&str>,
        text: &str,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let column = match field {
            "goal" => "goal",
            "monitoring" => "monitoring",
            "review" => "review",
            _ => return Ok(Change::NotFound),
        };
        let result = sqlx::query(AssertSqlSafe(format!(
            "UPDATE plan_themes SET {column} = $1, updated_at = $2 \
             WHERE id = $3 AND (CAST($4 AS TEXT) IS NULL OR {column} = $4 OR {column} = $1) \
                 AND plan_id IN (SELECT id FROM development_plans WHERE person_id = $5)"
        )))
        .bind(text)
        .bind(now)
        .bind(theme)
        .bind(base)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT t.{column} AS text FROM plan_themes t JOIN development_plans p \
                 ON p.id = t.plan_id WHERE t.id = $1 AND p.person_id = $2"
        )))
        .bind(theme)
        .bind(person.get())
        .fetch_optional(self.writer())
        .await?;
        Ok(match row {
            None => Change::NotFound,
            Some(row) => Change::TextChanged(row.try_get("text")?),
        })
    }

    /// Deletes a theme with everything in it; its place is free again.
    pub async fn delete_theme(
        &self,
        person: PersonId,
        theme: i64,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(plan) = owned_theme(&mut tx, person, theme).await? else {
            return Ok(Change::NotFound);
        };
        sqlx::query("DELETE FROM plan_themes WHERE id = $1")
            .bind(theme)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.touch_plan(plan, now).await?;
        Ok(Change::Done(()))
    }
}

/// The plan of the owner's theme, in the transaction; `None` for someone else's or none.
pub(super) async fn owned_theme(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person: PersonId,
    theme: i64,
) -> Result<Option<i64>, StoreError> {
    let row = sqlx::query(
        "SELECT t.plan_id FROM plan_themes t JOIN development_plans p ON p.id = t.plan_id \
         WHERE t.id = $1 AND p.person_id = $2",
    )
    .bind(theme)
    .bind(person.get())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| row.try_get("plan_id").map_err(StoreError::from))
        .transpose()
}

async fn write_cards(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    theme: i64,
    cards: &[String],
) -> Result<(), StoreError> {
    for (position, card) in cards.iter().enumerate() {
        sqlx::query(
            "INSERT INTO plan_theme_cards (theme_id, card_id, position) VALUES ($1, $2, $3)",
        )
        .bind(theme)
        .bind(card)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
