//! Evidence files, bytes and all, in the database (BLOB on SQLite, BYTEA on PostgreSQL), so
//! that several instances and one backup hold them. Lists never read the bytes; only a
//! download does, after the app has decided who may.

use leidraad_domain::accounts::PersonId;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};

use super::Change;
use super::lines::restamp;
use crate::{Backend, Store, StoreError};

/// A kept file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EvidenceRecord {
    pub id: i64,
    #[serde(skip)]
    pub person_id: PersonId,
    pub activity_id: Option<i64>,
    pub filename: String,
    /// What the bytes were recognised as.
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: i64,
}

/// A file as checked by the domain, ready to store.
#[derive(Debug, Clone, Copy)]
pub struct NewEvidence<'a> {
    pub activity_id: Option<i64>,
    pub filename: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

const EVIDENCE_COLUMNS: &str =
    "id, person_id, activity_id, filename, content_type, size_bytes, created_at";

fn evidence_from(row: &AnyRow) -> Result<EvidenceRecord, StoreError> {
    Ok(EvidenceRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        activity_id: row.try_get("activity_id")?,
        filename: row.try_get("filename")?,
        content_type: row.try_get("content_type")?,
        size_bytes: row.try_get("size_bytes")?,
        created_at: row.try_get("created_at")?,
    })
}

impl Store {
    /// Keeps a file, when it fits in the person's `quota` beside their other files and its
    /// activity (if any) is theirs. Uploads of one person are taken one at a time (on
    /// PostgreSQL by a lock on their row; SQLite has one writer), so two at once cannot both
    /// slip under the quota.
    pub async fn add_evidence(
        &self,
        person: PersonId,
        file: NewEvidence<'_>,
        quota: i64,
        now: i64,
    ) -> Result<Change<EvidenceRecord>, StoreError> {
        let mut tx = self.writer().begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT id FROM people WHERE id = $1 FOR UPDATE")
                .bind(person.get())
                .execute(&mut *tx)
                .await?;
        }
        if let Some(activity) = file.activity_id {
            let mine = sqlx::query(
                "SELECT id FROM activities WHERE id = $1 AND person_id = $2 AND confirmed = 1",
            )
            .bind(activity)
            .bind(person.get())
            .fetch_optional(&mut *tx)
            .await?;
            if mine.is_none() {
                return Ok(Change::NotFound);
            }
        }
        let used: i64 = sqlx::query(
            "SELECT CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) AS used \
             FROM evidence_files WHERE person_id = $1",
        )
        .bind(person.get())
        .fetch_one(&mut *tx)
        .await?
        .try_get("used")?;
        let size = i64::try_from(file.bytes.len()).unwrap_or(i64::MAX);
        if used.saturating_add(size) > quota {
            return Ok(Change::QuotaFull);
        }
        let row = sqlx::query(
            "INSERT INTO evidence_files (person_id, activity_id, filename, content_type, \
                 size_bytes, content, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             RETURNING id, person_id, activity_id, filename, content_type, size_bytes, created_at",
        )
        .bind(person.get())
        .bind(file.activity_id)
        .bind(file.filename)
        .bind(file.content_type)
        .bind(size)
        .bind(file.bytes.to_vec())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let record = evidence_from(&row)?;
        restamp(&mut tx, person).await?;
        tx.commit().await?;
        Ok(Change::Done(record))
    }

    /// The person's files, oldest first, without their bytes.
    pub async fn evidence_of(&self, person: PersonId) -> Result<Vec<EvidenceRecord>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {EVIDENCE_COLUMNS} FROM evidence_files WHERE person_id = $1 \
             ORDER BY created_at, id"
        )))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(evidence_from).collect()
    }

    /// A file's record, and whether its owner shares any of their development plans with
    /// `viewer`: what the policy needs to decide who may download it, in one read.
    pub async fn evidence_access(
        &self,
        id: i64,
        viewer: PersonId,
    ) -> Result<Option<(EvidenceRecord, bool)>, StoreError> {
        let row = sqlx::query(
            "SELECT e.id, e.person_id, e.activity_id, e.filename, e.content_type, \
                 e.size_bytes, e.created_at, \
                 (SELECT COUNT(*) FROM development_plan_shares s \
                  JOIN development_plans p ON p.id = s.plan_id \
                  WHERE p.person_id = e.person_id AND s.viewer_id = $2) AS shares \
             FROM evidence_files e WHERE e.id = $1",
        )
        .bind(id)
        .bind(viewer.get())
        .fetch_optional(self.reader())
        .await?;
        row.map(|row| Ok((evidence_from(&row)?, row.try_get::<i64, _>("shares")? > 0)))
            .transpose()
    }

    /// A file's bytes.
    pub async fn evidence_content(&self, id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT content FROM evidence_files WHERE id = $1")
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        row.map(|row| Ok(row.try_get("content")?)).transpose()
    }

    /// Deletes one of the person's files. `Ok(false)`: no such file of theirs.
    pub async fn delete_evidence(&self, person: PersonId, id: i64) -> Result<bool, StoreError> {
        let mut tx = self.writer().begin().await?;
        let result = sqlx::query("DELETE FROM evidence_files WHERE id = $1 AND person_id = $2")
            .bind(id)
            .bind(person.get())
            .execute(&mut *tx)
            .await?;
        let deleted = result.rows_affected() == 1;
        if deleted {
            restamp(&mut tx, person).await?;
        }
        tx.commit().await?;
        Ok(deleted)
    }
}
