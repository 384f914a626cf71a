use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{ApiTokenRecord, SessionRecord, api_token_from, session_from};
use crate::{Store, StoreError};

macro_rules! session_columns {
    () => {
        "id, person_id, csrf_token, created_at, last_seen_at, user_agent"
    };
}

impl Store {
    pub async fn create_session(
        &self,
        id_digest: &str,
        person: PersonId,
        csrf_token: &str,
        user_agent: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO sessions (id_digest, person_id, csrf_token, created_at, last_seen_at, user_agent) \
             VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
        )
        .bind(id_digest)
        .bind(person.get())
        .bind(csrf_token)
        .bind(now)
        .bind(user_agent)
        .fetch_one(self.writer())
        .await?;
        Ok(row.try_get("id")?)
    }

    pub async fn session_by_digest(
        &self,
        id_digest: &str,
    ) -> Result<Option<SessionRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions WHERE id_digest = $1"
        ))
        .bind(id_digest)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(session_from).transpose()
    }

    pub async fn touch_session(&self, id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1")
            .bind(now)
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// The person's sessions, most recently used first.
    pub async fn sessions_of(&self, person: PersonId) -> Result<Vec<SessionRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions WHERE person_id = $1 ORDER BY last_seen_at DESC, id DESC"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(session_from).collect()
    }

    /// The person's sessions, as [`Store::sessions_of`] gives them, and API tokens, as
    /// [`Store::api_tokens_of`] gives them, in one statement: what the profile page lists.
    pub async fn sessions_and_tokens(
        &self,
        person: PersonId,
    ) -> Result<(Vec<SessionRecord>, Vec<ApiTokenRecord>), StoreError> {
        let rows = sqlx::query(
            "SELECT 's' AS kind, -last_seen_at AS sort_a, -id AS sort_b, id, person_id, \
                 created_at, last_seen_at AS used_at, csrf_token AS secret, user_agent AS label \
             FROM sessions WHERE person_id = $1 \
             UNION ALL \
             SELECT 't', -created_at, -id, id, person_id, created_at, last_used_at, \
                 CAST(NULL AS TEXT), name \
             FROM api_tokens WHERE person_id = $1 \
             ORDER BY 1, 2, 3",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        let mut sessions = Vec::new();
        let mut tokens = Vec::new();
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            match kind.as_str() {
                "s" => sessions.push(SessionRecord {
                    id: row.try_get("id")?,
                    person_id: PersonId(row.try_get("person_id")?),
                    csrf_token: row.try_get("secret")?,
                    created_at: row.try_get("created_at")?,
                    last_seen_at: row.try_get("used_at")?,
                    user_agent: row.try_get("label")?,
                }),
                "t" => tokens.push(ApiTokenRecord {
                    id: row.try_get("id")?,
                    name: row.try_get("label")?,
                    created_at: row.try_get("created_at")?,
                    last_used_at: row.try_get("used_at")?,
                }),
                _ => return Err(StoreError::Corrupt("session or token kind")),
            }
        }
        Ok((sessions, tokens))
    }

    /// Ends one of the person's own sessions; another person's id ends nothing.
    pub async fn end_session(&self, person: PersonId, id: i64) -> Result<bool, StoreError> {
        let result = sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND id = $2")
            .bind(person.get())
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Deletes sessions that ended on their own: idle since before `idle_before` or started
    /// before `started_before`.
    pub async fn purge_sessions(
        &self,
        idle_before: i64,
        started_before: i64,
    ) -> Result<u64, StoreError> {
        let result = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(idle_before)
            .bind(started_before)
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected())
    }

    pub async fn create_api_token(
        &self,
        person: PersonId,
        name: &str,
        token_digest: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO api_tokens (person_id, name, token_digest, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(person.get())
        .bind(name)
        .bind(token_digest)
        .bind(now)
        .fetch_one(self.writer())
        .await?;
        Ok(row.try_get("id")?)
    }

    pub async fn api_tokens_of(&self, person: PersonId) -> Result<Vec<ApiTokenRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE person_id = $1 \
             ORDER BY created_at DESC, id DESC",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(api_token_from).collect()
    }

    pub async fn revoke_api_token(&self, person: PersonId, id: i64) -> Result<bool, StoreError> {
        let result = sqlx::query("DELETE FROM api_tokens WHERE person_id = $1 AND id = $2")
            .bind(person.get())
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// The owner of a token, noting its use (at most once a minute, to spare the writer).
    pub async fn use_api_token(
        &self,
        token_digest: &str,
        now: i64,
    ) -> Result<Option<PersonId>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, person_id, last_used_at FROM api_tokens WHERE token_digest = $1",
        )
        .bind(token_digest)
        .fetch_optional(self.reader())
        .await?
        else {
            return Ok(None);
        };
        let last_used_at: Option<i64> = row.try_get("last_used_at")?;
        if last_used_at.is_none_or(|at| at + 60 <= now) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(now)
                .bind(row.try_get::<i64, _>("id")?)
                .execute(self.writer())
                .await?;
        }
        Ok(Some(PersonId(row.try_get("person_id")?)))
    }

    pub async fn create_password_reset(
        &self,
        token_digest: &str,
        person: PersonId,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO password_resets (token_digest, person_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_digest)
        .bind(person.get())
        .bind(now)
        .bind(expires_at)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// The person a reset link is for, while it is unused and unexpired.
    pub async fn password_reset(
        &self,
        token_digest: &str,
        now: i64,
    ) -> Result<Option<PersonId>, StoreError> {
        let row = sqlx::query(
            "SELECT person_id FROM password_resets WHERE token_digest = $1 AND expires_at > $2",
        )
        .bind(token_digest)
        .bind(now)
        .fetch_optional(self.reader())
        .await?;
        Ok(row
            .map(|row| row.try_get("person_id").map(PersonId))
            .transpose()?)
    }

    /// Uses a reset link: sets the new password, which kills this and every other reset link
    /// and every session. `Ok(None)`: the link was already used or has expired.
    pub async fn complete_password_reset(
        &self,
        token_digest: &str,
        password_hash: &str,
        now: i64,
    ) -> Result<Option<PersonId>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(row) = sqlx::query(
            "DELETE FROM password_resets WHERE token_digest = $1 AND expires_at > $2 \
             RETURNING person_id",
        )
        .bind(token_digest)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(None);
        };
        let person: i64 = row.try_get("person_id")?;
        sqlx::query("UPDATE people SET password_hash = $1, password_changed_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now)
            .bind(person)
            .execute(&mut *tx)
            .await?;
        for statement in [
            "DELETE FROM password_resets WHERE person_id = $1",
            "DELETE FROM sessions WHERE person_id = $1",
        ] {
            sqlx::query(statement)
                .bind(person)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(PersonId(person)))
    }

    /// How many reset links were asked for this person since `since`, to keep a stranger
    /// from flooding someone's inbox.
    pub async fn count_password_resets(
        &self,
        person: PersonId,
        since: i64,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM password_resets WHERE person_id = $1 AND created_at >= $2",
        )
        .bind(person.get())
        .bind(since)
        .fetch_one(self.reader())
        .await?;
        Ok(row.try_get("n")?)
    }

    pub async fn record_sign_in_failure(
        &self,
        key_digests: &[&str],
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer().begin().await?;
        for key in key_digests {
            sqlx::query("INSERT INTO sign_in_failures (key_digest, at) VALUES ($1, $2)")
                .bind(*key)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The times of the failures under `key_digest` since `since`.
    pub async fn sign_in_failures(
        &self,
        key_digest: &str,
        since: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT at FROM sign_in_failures WHERE key_digest = $1 AND at > $2 ORDER BY at",
        )
        .bind(key_digest)
        .bind(since)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| row.try_get("at").map_err(StoreError::from))
            .collect()
    }

    /// Forgets failures under `key_digest` (after a successful sign-in or a reset), and any
    /// failure older than `before`.
    pub async fn clear_sign_in_failures(
        &self,
        key_digest: &str,
        before: i64,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sign_in_failures WHERE key_digest = $1 OR at <= $2")
            .bind(key_digest)
            .bind(before)
            .execute(self.writer())
            .await?;
        Ok(())
    }
}
