//! What the log page reads on every visit, kept small: the log's stamp with the cycle and the
//! bytes used (one statement), and, only when a kept rendering is out of date, the lines of
//! the list (one statement, without the reflections, cards, themes or file records).

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::CycleRecord;
use crate::{Store, StoreError};

/// The log's state apart from its activities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogHead {
    /// Replaced by every change to the log (migration 0011); `None` for a log not changed
    /// since, which is not kept rendered.
    pub stamp: Option<i64>,
    pub cycle: Option<CycleRecord>,
    /// Bytes the person's evidence files take.
    pub used_bytes: i64,
}

/// One activity as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub id: i64,
    pub kind: String,
    /// Empty for an entry from Leidraad that was never renamed.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub happened_on: String,
    pub minutes: i64,
    pub points: i64,
    /// It came from Leidraad (a suggestion confirmed).
    pub from_leidraad: bool,
    /// Evidence files attached to it.
    pub files: i64,
}

impl Store {
    pub async fn log_head(&self, person: PersonId) -> Result<LogHead, StoreError> {
        // The person's own row always exists for a signed-in viewer; the LEFT JOINs keep it
        // one row whatever else is missing.
        let row = sqlx::query(
            "SELECT s.stamp, c.starts_on, c.target, c.updated_at, \
                 (SELECT CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM evidence_files \
                  WHERE person_id = p.id) AS used \
             FROM people p LEFT JOIN log_stamps s ON s.person_id = p.id \
             LEFT JOIN register_cycles c ON c.person_id = p.id WHERE p.id = $1",
        )
        .bind(person.get())
        .fetch_optional(self.reader())
        .await?;
        let Some(row) = row else {
            return Ok(LogHead {
                stamp: None,
                cycle: None,
                used_bytes: 0,
            });
        };
        let starts_on: Option<String> = row.try_get("starts_on")?;
        let cycle = match starts_on {
            Some(starts_on) => Some(CycleRecord {
                starts_on,
                target: row.try_get("target")?,
                updated_at: row.try_get("updated_at")?,
            }),
            None => None,
        };
        Ok(LogHead {
            stamp: row.try_get("stamp")?,
            cycle,
            used_bytes: row.try_get("used")?,
        })
    }

    /// The person's log as the list shows it, newest first.
    pub async fn log_lines(&self, person: PersonId) -> Result<Vec<LogLine>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.kind, a.title, a.happened_on, a.minutes, a.points, \
                 CAST(CASE WHEN a.source_kind IS NULL THEN 0 ELSE 1 END AS BIGINT) AS from_leidraad, \
                 (SELECT COUNT(*) FROM evidence_files e WHERE e.activity_id = a.id) AS files \
             FROM activities a WHERE a.person_id = $1 AND a.confirmed = 1 \
             ORDER BY a.happened_on DESC, a.id DESC",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(LogLine {
                    id: row.try_get("id")?,
                    kind: row.try_get("kind")?,
                    title: row.try_get("title")?,
                    happened_on: row.try_get("happened_on")?,
                    minutes: row.try_get("minutes")?,
                    points: row.try_get("points")?,
                    from_leidraad: row.try_get::<i64, _>("from_leidraad")? == 1,
                    files: row.try_get("files")?,
                })
            })
            .collect()
    }
}

/// Gives the person's log a new stamp; called inside every change's transaction.
pub(super) async fn restamp(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person: PersonId,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO log_stamps (person_id, stamp) VALUES ($1, $2) \
         ON CONFLICT (person_id) DO UPDATE SET stamp = excluded.stamp",
    )
    .bind(person.get())
    .bind(fastrand::i64(..))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
