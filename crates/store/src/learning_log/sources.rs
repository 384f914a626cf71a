//! What the person did in Leidraad that their log has not taken in yet: finished reflections,
//! closed 360° rounds, ended dialogues they facilitated or joined under their own name (not
//! anonymously, and not removed by the facilitator), released team scans. One read, since the
//! log page asks on every visit.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use crate::{Store, StoreError};

/// A thing in Leidraad that may become an entry in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogSource {
    /// The activity kind's code: `reflection`, `feedback-round`, `dialogue` or `team-scan`.
    pub kind: String,
    pub id: i64,
    /// The thing's own name; empty for a reflection or a round.
    pub title: String,
    /// When it was finished, closed, ended or released.
    pub at: i64,
    /// The standard it used; empty for a dialogue or a scan.
    pub framework_id: String,
    /// The domains a reflection covered, or the cards a round asked about.
    pub items: Vec<String>,
}

impl Store {
    /// The person's finished things that were neither confirmed into the log nor dismissed,
    /// oldest first.
    pub async fn unlogged_sources(&self, person: PersonId) -> Result<Vec<LogSource>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, id, title, at, framework_id, items FROM ( \
                 SELECT 'reflection' AS kind, id, '' AS title, finished_at AS at, \
                     framework_id, domains AS items FROM reflections \
                 WHERE person_id = $1 AND finished_at IS NOT NULL \
                 UNION ALL \
                 SELECT 'feedback-round', id, '', closed_at, framework_id, cards \
                 FROM feedback_rounds \
                 WHERE person_id = $1 AND state = 'gesloten' AND closed_at IS NOT NULL \
                 UNION ALL \
                 SELECT 'dialogue', id, title, ended_at, '', '' FROM dialogues \
                 WHERE person_id = $1 AND ended_at IS NOT NULL \
                 UNION ALL \
                 SELECT 'dialogue', id, title, ended_at, '', '' FROM dialogues \
                 WHERE ended_at IS NOT NULL AND person_id <> $1 AND id IN ( \
                     SELECT dialogue_id FROM dialogue_participants \
                     WHERE person_id = $1 AND removed = 0) \
                 UNION ALL \
                 SELECT 'team-scan', id, title, released_at, '', '' FROM space_scans \
                 WHERE person_id = $1 AND released_at IS NOT NULL \
             ) done WHERE NOT EXISTS (SELECT 1 FROM activities a \
                 WHERE a.person_id = $1 AND a.source_kind = done.kind AND a.source_id = done.id) \
             ORDER BY at, kind, id",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                let items: String = row.try_get("items")?;
                Ok(LogSource {
                    kind: row.try_get("kind")?,
                    id: row.try_get("id")?,
                    title: row.try_get("title")?,
                    at: row.try_get("at")?,
                    framework_id: row.try_get("framework_id")?,
                    items: items
                        .split(',')
                        .filter(|item| !item.is_empty())
                        .map(str::to_owned)
                        .collect(),
                })
            })
            .collect()
    }
}
