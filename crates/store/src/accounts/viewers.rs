//! Who is asking, in one statement: the credential (a session or an API token), the person
//! behind it and everything the policy needs about them (memberships, roles, schools). Every
//! request of a person whose viewer is not cached starts with this read, so it is one round
//! trip instead of four (credential, person, memberships, schools).
//!
//! The statement is a `UNION ALL` of three row kinds over the same columns, which reads the
//! same on SQLite and PostgreSQL: `p` the person with the credential, `m` a membership, `s` a
//! school membership. Columns that a kind does not use are typed NULLs, so PostgreSQL can
//! match the branches.

use std::collections::HashMap;

use leidraad_domain::accounts::{PersonId, SchoolId};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{MembershipRecord, Organisation, SessionRecord, roles_in};
use crate::{Store, StoreError};

/// A person as the policy and the page layout need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewerRecord {
    pub person: PersonId,
    pub name: String,
    pub email: String,
    /// Ordered by organisation name, then id, as [`Store::memberships_of`] orders them.
    pub memberships: Vec<MembershipRecord>,
}

/// An API token as its use needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiTokenUse {
    pub id: i64,
    pub last_used_at: Option<i64>,
}

/// The rows of a viewer, for any credential. `who` holds at most one row: the person, the
/// credential's id, its two times and text (csrf token, user agent). Sorted by kind, then the
/// sort columns (`o.name, o.id` for memberships, `s.id` for schools).
macro_rules! viewer_query {
    ($who:expr) => {
        concat!(
            "WITH who AS (",
            $who,
            ") \
             SELECT 'p' AS kind, CAST(NULL AS TEXT) AS sort_text, \
                 CAST(NULL AS BIGINT) AS sort_id, \
                 w.person_id AS n1, w.credential AS n2, w.began AS n3, w.used AS n4, \
                 p.name AS t1, p.email AS t2, w.secret AS t3, w.agent AS t4 \
             FROM who w JOIN people p ON p.id = w.person_id \
             UNION ALL \
             SELECT 'm', o.name, o.id, \
                 o.id, o.created_at, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
                 o.name, m.roles, CAST(NULL AS TEXT), CAST(NULL AS TEXT) \
             FROM who w JOIN memberships m ON m.person_id = w.person_id \
             JOIN organisations o ON o.id = m.organisation_id \
             UNION ALL \
             SELECT 's', CAST(NULL AS TEXT), sc.id, \
                 sc.organisation_id, sc.id, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
                 CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), \
                 CAST(NULL AS TEXT) \
             FROM who w JOIN school_members sm ON sm.person_id = w.person_id \
             JOIN schools sc ON sc.id = sm.school_id \
             ORDER BY 1, 2, 3"
        )
    };
}

/// The person row of a viewer query, with the rest decoded into a [`ViewerRecord`].
struct Decoded<'r> {
    person_row: &'r AnyRow,
    viewer: ViewerRecord,
}

fn decode(rows: &[AnyRow]) -> Result<Option<Decoded<'_>>, StoreError> {
    let mut person_row = None;
    let mut memberships = Vec::new();
    let mut schools: HashMap<i64, Vec<SchoolId>> = HashMap::new();
    for row in rows {
        let kind: String = row.try_get("kind")?;
        match kind.as_str() {
            "p" => person_row = Some(row),
            "m" => memberships.push(MembershipRecord {
                organisation: Organisation {
                    id: row.try_get("n1")?,
                    name: row.try_get("t1")?,
                    created_at: row.try_get("n2")?,
                },
                roles: roles_in(row, "t2")?,
                schools: Vec::new(),
            }),
            "s" => schools
                .entry(row.try_get("n1")?)
                .or_default()
                .push(SchoolId(row.try_get("n2")?)),
            _ => return Err(StoreError::Corrupt("viewer row kind")),
        }
    }
    let Some(person_row) = person_row else {
        return Ok(None);
    };
    for membership in &mut memberships {
        membership.schools = schools
            .remove(&membership.organisation.id)
            .unwrap_or_default();
    }
    Ok(Some(Decoded {
        person_row,
        viewer: ViewerRecord {
            person: PersonId(person_row.try_get("n1")?),
            name: person_row.try_get("t1")?,
            email: person_row.try_get("t2")?,
            memberships,
        },
    }))
}

impl Store {
    /// A person with their memberships; `None` when the account is gone.
    pub async fn viewer(&self, person: PersonId) -> Result<Option<ViewerRecord>, StoreError> {
        let rows = sqlx::query(viewer_query!(
            "SELECT id AS person_id, CAST(NULL AS BIGINT) AS credential, \
                 CAST(NULL AS BIGINT) AS began, CAST(NULL AS BIGINT) AS used, \
                 CAST(NULL AS TEXT) AS secret, CAST(NULL AS TEXT) AS agent \
             FROM people WHERE id = $1"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        Ok(decode(&rows)?.map(|decoded| decoded.viewer))
    }

    /// The session behind a cookie's digest with its person, as [`Store::session_by_digest`]
    /// and [`Store::viewer`] would give them, in one statement. Whether the session is still
    /// alive is the caller's to decide.
    pub async fn viewer_by_session(
        &self,
        id_digest: &str,
    ) -> Result<Option<(SessionRecord, ViewerRecord)>, StoreError> {
        let rows = sqlx::query(viewer_query!(
            "SELECT person_id, id AS credential, created_at AS began, last_seen_at AS used, \
                 csrf_token AS secret, user_agent AS agent \
             FROM sessions WHERE id_digest = $1"
        ))
        .bind(id_digest)
        .fetch_all(self.reader())
        .await?;
        let Some(Decoded { person_row, viewer }) = decode(&rows)? else {
            return Ok(None);
        };
        let session = SessionRecord {
            id: person_row.try_get("n2")?,
            person_id: viewer.person,
            csrf_token: person_row.try_get("t3")?,
            created_at: person_row.try_get("n3")?,
            last_seen_at: person_row.try_get("n4")?,
            user_agent: person_row.try_get("t4")?,
        };
        Ok(Some((session, viewer)))
    }

    /// The owner of an API token with everything the policy needs, in one statement. Unlike
    /// [`Store::use_api_token`] this writes nothing: the caller notes the use with
    /// [`Store::note_api_token_use`] when `last_used_at` is stale.
    pub async fn viewer_by_api_token(
        &self,
        token_digest: &str,
    ) -> Result<Option<(ApiTokenUse, ViewerRecord)>, StoreError> {
        let rows = sqlx::query(viewer_query!(
            "SELECT person_id, id AS credential, CAST(NULL AS BIGINT) AS began, \
                 last_used_at AS used, CAST(NULL AS TEXT) AS secret, \
                 CAST(NULL AS TEXT) AS agent \
             FROM api_tokens WHERE token_digest = $1"
        ))
        .bind(token_digest)
        .fetch_all(self.reader())
        .await?;
        let Some(Decoded { person_row, viewer }) = decode(&rows)? else {
            return Ok(None);
        };
        let token = ApiTokenUse {
            id: person_row.try_get("n2")?,
            last_used_at: person_row.try_get("n4")?,
        };
        Ok(Some((token, viewer)))
    }

    /// Notes that a token was used at `now`.
    pub async fn note_api_token_use(&self, id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
