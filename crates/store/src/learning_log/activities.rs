//! Activities: the log read whole or one at a time, added, changed and deleted; Leidraad's own
//! suggestions confirmed (a row with its source) or dismissed (a row with its source that is
//! not in the log, so it is not offered again).

use std::collections::HashMap;

use leidraad_domain::accounts::PersonId;
use sqlx::{AssertSqlSafe, Row};

use super::lines::restamp;
use super::{ACTIVITY_COLUMNS, ActivityRecord, Change, LogTheme, activity_from};
use crate::{Store, StoreError};

/// An activity as checked by the domain, ready to store.
#[derive(Debug, Clone, Copy)]
pub struct ActivityFields<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    /// `YYYY-MM-DD`.
    pub happened_on: &'a str,
    pub minutes: i64,
    pub points: i64,
    pub framework_id: &'a str,
    pub domains: &'a [String],
    pub cards: &'a [String],
    /// Plan themes, each once; any that is not the person's refuses the whole change.
    pub themes: &'a [i64],
    pub learned: &'a str,
    pub differently: &'a str,
}

impl Store {
    /// The person's log, newest first, each activity with its cards, themes and files.
    pub async fn activities_of(&self, person: PersonId) -> Result<Vec<ActivityRecord>, StoreError> {
        self.load_activities(person, None).await
    }

    /// One activity of the person's log.
    pub async fn activity(
        &self,
        person: PersonId,
        id: i64,
    ) -> Result<Option<ActivityRecord>, StoreError> {
        Ok(self.load_activities(person, Some(id)).await?.pop())
    }

    /// Four reads, whatever the log's length: the activities, their cards, their themes and
    /// their files.
    async fn load_activities(
        &self,
        person: PersonId,
        only: Option<i64>,
    ) -> Result<Vec<ActivityRecord>, StoreError> {
        let filter = if only.is_some() { "AND a.id = $2" } else { "" };
        let bind = |sql: String| {
            let query = sqlx::query(AssertSqlSafe(sql)).bind(person.get());
            match only {
                Some(id) => query.bind(id),
                None => query,
            }
        };
        let columns = ACTIVITY_COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let rows = bind(format!(
            "SELECT {columns} FROM activities a WHERE a.person_id = $1 AND a.confirmed = 1 \
             {filter} ORDER BY a.happened_on DESC, a.id DESC"
        ))
        .fetch_all(self.reader())
        .await?;
        let mut records = rows
            .iter()
            .map(activity_from)
            .collect::<Result<Vec<_>, _>>()?;
        if records.is_empty() {
            return Ok(records);
        }
        let index: HashMap<i64, usize> =
            records.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let cards = bind(format!(
            "SELECT c.activity_id, c.card_id FROM activity_cards c \
             JOIN activities a ON a.id = c.activity_id \
             WHERE a.person_id = $1 AND a.confirmed = 1 {filter} \
             ORDER BY c.activity_id, c.position"
        ))
        .fetch_all(self.reader())
        .await?;
        for row in &cards {
            if let Some(&i) = index.get(&row.try_get::<i64, _>("activity_id")?) {
                records[i].cards.push(row.try_get("card_id")?);
            }
        }
        let themes = bind(format!(
            "SELECT t.activity_id, t.theme_id, p.title FROM activity_themes t \
             JOIN activities a ON a.id = t.activity_id JOIN plan_themes p ON p.id = t.theme_id \
             WHERE a.person_id = $1 AND a.confirmed = 1 {filter} \
             ORDER BY t.activity_id, t.theme_id"
        ))
        .fetch_all(self.reader())
        .await?;
        for row in &themes {
            if let Some(&i) = index.get(&row.try_get::<i64, _>("activity_id")?) {
                records[i]
                    .themes
                    .push((row.try_get("theme_id")?, row.try_get("title")?));
            }
        }
        for file in self.evidence_of(person).await? {
            if let Some(&i) = file.activity_id.and_then(|id| index.get(&id)) {
                records[i].evidence.push(file);
            }
        }
        Ok(records)
    }

    /// Adds an activity to the log; with a `source`, the confirmed entry of that thing in
    /// Leidraad ([`Change::AlreadyLogged`] when it was confirmed or dismissed before).
    pub async fn add_activity(
        &self,
        person: PersonId,
        fields: ActivityFields<'_>,
        source: Option<(&str, i64)>,
        now: i64,
    ) -> Result<Change<i64>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let row = sqlx::query(
            "INSERT INTO activities (person_id, kind, title, happened_on, minutes, points, \
                 framework_id, domains, learned, differently, source_kind, source_id, \
                 confirmed, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $13) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(person.get())
        .bind(fields.kind)
        .bind(fields.title)
        .bind(fields.happened_on)
        .bind(fields.minutes)
        .bind(fields.points)
        .bind(fields.framework_id)
        .bind(fields.domains.join(" "))
        .bind(fields.learned)
        .bind(fields.differently)
        .bind(source.map(|(kind, _)| kind))
        .bind(source.map(|(_, id)| id))
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(Change::AlreadyLogged);
        };
        let id: i64 = row.try_get("id")?;
        if !attach(&mut tx, person, id, fields).await? {
            return Ok(Change::ThemeUnknown);
        }
        restamp(&mut tx, person).await?;
        tx.commit().await?;
        Ok(Change::Done(id))
    }

    /// Changes an activity of the log, its cards and themes with it.
    pub async fn update_activity(
        &self,
        person: PersonId,
        id: i64,
        fields: ActivityFields<'_>,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let updated = sqlx::query(
            "UPDATE activities SET kind = $3, title = $4, happened_on = $5, minutes = $6, \
                 points = $7, framework_id = $8, domains = $9, learned = $10, \
                 differently = $11, updated_at = $12 \
             WHERE id = $1 AND person_id = $2 AND confirmed = 1",
        )
        .bind(id)
        .bind(person.get())
        .bind(fields.kind)
        .bind(fields.title)
        .bind(fields.happened_on)
        .bind(fields.minutes)
        .bind(fields.points)
        .bind(fields.framework_id)
        .bind(fields.domains.join(" "))
        .bind(fields.learned)
        .bind(fields.differently)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if updated.rows_affected() == 0 {
            return Ok(Change::NotFound);
        }
        for statement in [
            "DELETE FROM activity_cards WHERE activity_id = $1",
            "DELETE FROM activity_themes WHERE activity_id = $1",
        ] {
            sqlx::query(statement).bind(id).execute(&mut *tx).await?;
        }
        if !attach(&mut tx, person, id, fields).await? {
            return Ok(Change::ThemeUnknown);
        }
        restamp(&mut tx, person).await?;
        tx.commit().await?;
        Ok(Change::Done(()))
    }

    /// Deletes an activity and its files. An entry from Leidraad stays behind as dismissed,
    /// so it is not suggested again. `Ok(false)`: no such activity of this person.
    pub async fn delete_activity(&self, person: PersonId, id: i64) -> Result<bool, StoreError> {
        let mut tx = self.writer().begin().await?;
        let mut done = 0;
        for statement in [
            "DELETE FROM evidence_files WHERE activity_id = $1 AND person_id = $2",
            "DELETE FROM activity_cards WHERE activity_id = \
                 (SELECT id FROM activities WHERE id = $1 AND person_id = $2)",
            "DELETE FROM activity_themes WHERE activity_id = \
                 (SELECT id FROM activities WHERE id = $1 AND person_id = $2)",
            "DELETE FROM activities WHERE id = $1 AND person_id = $2 AND confirmed = 1 \
                 AND source_kind IS NULL",
            "UPDATE activities SET confirmed = 0 WHERE id = $1 AND person_id = $2 \
                 AND confirmed = 1 AND source_kind IS NOT NULL",
        ] {
            let result = sqlx::query(statement)
                .bind(id)
                .bind(person.get())
                .execute(&mut *tx)
                .await?;
            if statement.starts_with("DELETE FROM activities") || statement.starts_with("UPDATE") {
                done += result.rows_affected();
            }
        }
        if done == 1 {
            restamp(&mut tx, person).await?;
        }
        tx.commit().await?;
        Ok(done == 1)
    }

    /// Dismisses a suggestion from Leidraad: remembered, never in the log.
    pub async fn dismiss_suggestion(
        &self,
        person: PersonId,
        source: (&str, i64),
        framework_id: &str,
        happened_on: &str,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "INSERT INTO activities (person_id, kind, title, happened_on, minutes, points, \
                 framework_id, domains, learned, differently, source_kind, source_id, \
                 confirmed, created_at, updated_at) \
             VALUES ($1, $2, '', $3, 0, 0, $4, '', '', '', $2, $5, 0, $6, $6) \
             ON CONFLICT DO NOTHING",
        )
        .bind(person.get())
        .bind(source.0)
        .bind(happened_on)
        .bind(framework_id)
        .bind(source.1)
        .bind(now)
        .execute(self.writer())
        .await?;
        Ok(if result.rows_affected() == 1 {
            Change::Done(())
        } else {
            Change::AlreadyLogged
        })
    }

    /// The themes of the person's plans, newest school year first: what an activity may serve.
    pub async fn log_themes(&self, person: PersonId) -> Result<Vec<LogTheme>, StoreError> {
        let rows = sqlx::query(
            "SELECT t.id, t.title, p.school_year FROM plan_themes t \
             JOIN development_plans p ON p.id = t.plan_id WHERE p.person_id = $1 \
             ORDER BY p.school_year DESC, t.position",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(LogTheme {
                    id: row.try_get("id")?,
                    title: row.try_get("title")?,
                    school_year: row.try_get("school_year")?,
                })
            })
            .collect()
    }
}

/// Writes an activity's cards and themes; `Ok(false)` when a theme is not the person's (the
/// caller drops the transaction, so nothing of the change stays).
async fn attach(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person: PersonId,
    id: i64,
    fields: ActivityFields<'_>,
) -> Result<bool, StoreError> {
    for (position, card) in fields.cards.iter().enumerate() {
        sqlx::query(
            "INSERT INTO activity_cards (activity_id, card_id, position) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(card)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .execute(&mut **tx)
        .await?;
    }
    let themes: std::collections::BTreeSet<i64> = fields.themes.iter().copied().collect();
    for theme in themes {
        // Only a theme of one of the person's own plans.
        let result = sqlx::query(
            "INSERT INTO activity_themes (activity_id, theme_id) \
             SELECT $1, t.id FROM plan_themes t JOIN development_plans p ON p.id = t.plan_id \
             WHERE t.id = $2 AND p.person_id = $3",
        )
        .bind(id)
        .bind(theme)
        .bind(person.get())
        .execute(&mut **tx)
        .await?;
        if result.rows_affected() != 1 {
            return Ok(false);
        }
    }
    Ok(true)
}
