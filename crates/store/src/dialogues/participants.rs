//! Participants: whoever joined with the code. They hold a token (its digest is stored); a
//! signed-in member who joins is recorded as themselves, for saving the summary later.

use leidraad_domain::accounts::PersonId;
use leidraad_domain::dialogue::Event;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::events::append;
use super::{DialogueRecord, Outcome, StoredEvent, dialogue_columns, dialogue_from};
use crate::{Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRecord {
    pub id: i64,
    pub dialogue_id: i64,
    /// None for someone who joined anonymously.
    pub name: Option<String>,
    pub person_id: Option<i64>,
    pub removed: bool,
    pub note: String,
}

/// See [`Store::dialogue_by_code`].
#[derive(Debug, Clone)]
pub struct CodeReading {
    pub found: Option<DialogueRecord>,
    /// Unknown codes tried under the guess key in the window.
    pub guesses: usize,
}

fn participant_from(row: &AnyRow) -> Result<ParticipantRecord, StoreError> {
    Ok(ParticipantRecord {
        id: row.try_get("participant_id")?,
        dialogue_id: row.try_get("dialogue_id")?,
        name: row.try_get("name")?,
        person_id: row.try_get("person_id")?,
        removed: row.try_get::<i64, _>("removed")? == 1,
        note: row.try_get("note")?,
    })
}

impl Store {
    /// The running dialogue with `code`, active after `idle_since`, and in the same read how
    /// many unknown codes were tried under `guess_key` after `since` (counted in
    /// `sign_in_failures`, as wrong links are).
    pub async fn dialogue_by_code(
        &self,
        code: &str,
        idle_since: i64,
        guess_key: &str,
        since: i64,
    ) -> Result<CodeReading, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT (SELECT COUNT(*) FROM sign_in_failures \
                 WHERE key_digest = $3 AND at > $4) AS guesses, ",
            dialogue_columns!("d."),
            " FROM (SELECT 1 AS one) AS one \
             LEFT JOIN dialogues d ON d.join_code = $1 AND d.ended_at IS NULL \
                 AND d.active_at > $2"
        ))
        .bind(code)
        .bind(idle_since)
        .bind(guess_key)
        .bind(since)
        .fetch_one(self.reader())
        .await?;
        let guesses: i64 = row.try_get("guesses")?;
        let id: Option<i64> = row.try_get("dialogue_id")?;
        Ok(CodeReading {
            found: id.map(|_| dialogue_from(&row)).transpose()?,
            guesses: usize::try_from(guesses).unwrap_or(usize::MAX),
        })
    }

    /// Adds a participant and their `joined` event, while the dialogue runs and is not locked.
    pub async fn join_dialogue(
        &self,
        dialogue: i64,
        token_digest: &str,
        name: Option<&str>,
        person: Option<PersonId>,
        now: i64,
    ) -> Result<Outcome<(i64, StoredEvent)>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let row = sqlx::query("SELECT ended_at, locked FROM dialogues WHERE id = $1")
            .bind(dialogue)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            return Ok(Outcome::NotFound);
        };
        if row.try_get::<Option<i64>, _>("ended_at")?.is_some() {
            return Ok(Outcome::Ended);
        }
        if row.try_get::<i64, _>("locked")? == 1 {
            return Ok(Outcome::Locked);
        }
        let row = sqlx::query(
            "INSERT INTO dialogue_participants (dialogue_id, token_digest, name, person_id, \
                 joined_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(dialogue)
        .bind(token_digest)
        .bind(name)
        .bind(person.map(PersonId::get))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(StoreError::from_insert)?;
        let participant: i64 = row.try_get("id")?;
        let event = Event::Joined {
            participant,
            name: name.map(str::to_owned),
        };
        let stored = append(&mut tx, self.backend, dialogue, &event, now).await?;
        tx.commit().await?;
        Ok(Outcome::Done((participant, stored)))
    }

    /// The participant holding the token with this digest, with their dialogue.
    pub async fn participant(
        &self,
        token_digest: &str,
    ) -> Result<Option<(ParticipantRecord, DialogueRecord)>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT p.id AS participant_id, p.name, p.person_id, p.removed, p.note, ",
            dialogue_columns!("d."),
            " FROM dialogue_participants p JOIN dialogues d ON d.id = p.dialogue_id \
             WHERE p.token_digest = $1"
        ))
        .bind(token_digest)
        .fetch_optional(self.reader())
        .await?;
        row.map(|row| Ok((participant_from(&row)?, dialogue_from(&row)?)))
            .transpose()
    }

    /// Everyone who joined `dialogue`, in the order they joined.
    pub async fn participants(&self, dialogue: i64) -> Result<Vec<ParticipantRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id AS participant_id, dialogue_id, name, person_id, removed, note \
             FROM dialogue_participants WHERE dialogue_id = $1 ORDER BY id",
        )
        .bind(dialogue)
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(participant_from).collect()
    }

    /// Keeps a participant's private note (a bringer's take-away too).
    pub async fn set_participant_note(
        &self,
        participant: i64,
        note: &str,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query("UPDATE dialogue_participants SET note = $2 WHERE id = $1")
            .bind(participant)
            .bind(note)
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }
}
