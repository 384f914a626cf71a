//! A person's moments and the ones shared with them, in one statement: what the reflection
//! overview and `GET /api/v1/reflections` list, with how far each own moment has come.

use std::collections::HashMap;

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{ReflectionRecord, reflection_from};
use crate::{Store, StoreError};

/// The reflections a person sees listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moments {
    /// Their own, oldest first, as [`Store::reflections_of`] gives them.
    pub own: Vec<ReflectionRecord>,
    /// Shared with them, newest first, with the author's name, as
    /// [`Store::reflections_shared_with`] gives them.
    pub shared: Vec<(ReflectionRecord, String)>,
    /// Per own moment (by id), how far it has come.
    pub progress: HashMap<i64, MomentProgress>,
}

/// How far a moment has come: the timeline shows "12 of 80 sorted".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MomentProgress {
    /// Cards laid on a pile, own cards included.
    pub sorted: i64,
    pub own_cards: i64,
}

/// `o` own, `s` shared; each kind in its own query's order (a shared reflection is always
/// finished, so its negated finish time is never NULL).
const MOMENTS: &str = "\
    SELECT 'o' AS kind, r.started_at AS sort_a, r.id AS sort_b, \
        r.id, r.person_id, r.organisation_id, r.framework_id, r.content_fingerprint, \
        r.domains, r.started_at, r.updated_at, r.finished_at, r.prefilled_from, \
        CAST(NULL AS TEXT) AS author, \
        (SELECT COUNT(*) FROM reflection_answers a \
            WHERE a.reflection_id = r.id AND a.pile IS NOT NULL) AS sorted, \
        (SELECT COUNT(*) FROM own_cards c WHERE c.reflection_id = r.id) AS own_cards \
    FROM reflections r WHERE r.person_id = $1 \
    UNION ALL \
    SELECT 's', -r.finished_at, -r.id, \
        r.id, r.person_id, r.organisation_id, r.framework_id, r.content_fingerprint, \
        r.domains, r.started_at, r.updated_at, r.finished_at, r.prefilled_from, p.name, \
        CAST(NULL AS BIGINT), CAST(NULL AS BIGINT) \
    FROM reflection_shares s JOIN reflections r ON r.id = s.reflection_id \
    JOIN people p ON p.id = r.person_id \
    WHERE s.viewer_id = $1 \
    ORDER BY 1, 2, 3";

impl Store {
    /// A person's own reflections and those shared with them, in one statement.
    pub async fn moments(&self, person: PersonId) -> Result<Moments, StoreError> {
        let rows = sqlx::query(MOMENTS)
            .bind(person.get())
            .fetch_all(self.reader())
            .await?;
        let mut moments = Moments {
            own: Vec::new(),
            shared: Vec::new(),
            progress: HashMap::new(),
        };
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            let reflection = reflection_from(row)?;
            match kind.as_str() {
                "o" => {
                    let progress = MomentProgress {
                        sorted: row.try_get("sorted")?,
                        own_cards: row.try_get("own_cards")?,
                    };
                    moments.progress.insert(reflection.id, progress);
                    moments.own.push(reflection);
                }
                "s" => moments.shared.push((reflection, row.try_get("author")?)),
                _ => return Err(StoreError::Corrupt("moment kind")),
            }
        }
        Ok(moments)
    }
}
