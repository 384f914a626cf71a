//! What participants add: contributions (an anonymous one is stored without its author),
//! their picks in Kies je kaart, and the copies of a dialogue that members keep in their
//! portfolio.

use leidraad_domain::accounts::PersonId;
use leidraad_domain::dialogue::{ContributionView, Event, Phase, Pick};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::events::append;
use super::{DialogueRecord, Outcome, StoredEvent, dialogue_columns, dialogue_from};
use crate::{Store, StoreError};

/// A dialogue kept in a member's portfolio.
#[derive(Debug, Clone)]
pub struct SavedDialogue {
    pub dialogue: DialogueRecord,
    pub note: String,
    pub saved_at: i64,
}

fn phase_of(code: Option<String>) -> Option<Phase> {
    code.and_then(|code| Phase::ALL.into_iter().find(|p| p.code() == code))
}

fn contribution_from(row: &AnyRow) -> Result<(ContributionView, String), StoreError> {
    Ok((
        ContributionView {
            id: row.try_get("id")?,
            card: row.try_get("card_id")?,
            phase: phase_of(row.try_get("phase")?),
            text: row.try_get("body")?,
            name: row.try_get("name")?,
        },
        row.try_get("status")?,
    ))
}

impl Store {
    /// Adds a participant's contribution, waiting for the facilitator, with its `submitted`
    /// event. `anonymous`: stored without the participant and their name.
    pub async fn add_contribution(
        &self,
        participant: i64,
        anonymous: bool,
        card: Option<&str>,
        phase: Option<Phase>,
        text: &str,
        now: i64,
    ) -> Result<Outcome<StoredEvent>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let row = sqlx::query(
            "SELECT p.dialogue_id, p.name, d.ended_at FROM dialogue_participants p \
             JOIN dialogues d ON d.id = p.dialogue_id WHERE p.id = $1 AND p.removed = 0",
        )
        .bind(participant)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(Outcome::NotFound);
        };
        if row.try_get::<Option<i64>, _>("ended_at")?.is_some() {
            return Ok(Outcome::Ended);
        }
        let dialogue: i64 = row.try_get("dialogue_id")?;
        let name: Option<String> = if anonymous {
            None
        } else {
            row.try_get("name")?
        };
        let author = name.as_ref().map(|_| participant);
        let row = sqlx::query(
            "INSERT INTO dialogue_contributions \
                 (dialogue_id, participant_id, name, card_id, phase, body, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'wacht', $7) RETURNING id",
        )
        .bind(dialogue)
        .bind(author)
        .bind(name.as_deref())
        .bind(card)
        .bind(phase.map(Phase::code))
        .bind(text)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let event = Event::Submitted {
            contribution: ContributionView {
                id: row.try_get("id")?,
                card: card.map(str::to_owned),
                phase,
                text: text.to_owned(),
                name,
            },
        };
        let stored = append(&mut tx, self.backend, dialogue, &event, now).await?;
        tx.commit().await?;
        Ok(Outcome::Done(stored))
    }

    /// One contribution of `dialogue`.
    pub async fn contribution(
        &self,
        dialogue: i64,
        id: i64,
    ) -> Result<Option<ContributionView>, StoreError> {
        let row = sqlx::query(
            "SELECT id, card_id, phase, body, name, status FROM dialogue_contributions \
             WHERE dialogue_id = $1 AND id = $2",
        )
        .bind(dialogue)
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        Ok(row
            .as_ref()
            .map(contribution_from)
            .transpose()?
            .map(|c| c.0))
    }

    /// The contributions of `dialogue` that were shown to the room, in the order they came in.
    pub async fn shown_contributions(
        &self,
        dialogue: i64,
    ) -> Result<Vec<ContributionView>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, card_id, phase, body, name, status FROM dialogue_contributions \
             WHERE dialogue_id = $1 AND status = 'getoond' ORDER BY id",
        )
        .bind(dialogue)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| contribution_from(row).map(|c| c.0))
            .collect()
    }

    /// Removes a contribution for good, before the summary is shared: its row and the text in
    /// its events go, and a `hidden` event takes it off every screen.
    pub async fn remove_contribution(
        &self,
        dialogue: i64,
        facilitator: PersonId,
        id: i64,
        now: i64,
    ) -> Result<Outcome<StoredEvent>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let removed = sqlx::query(
            "DELETE FROM dialogue_contributions WHERE id = $1 AND dialogue_id = \
             (SELECT id FROM dialogues WHERE id = $2 AND person_id = $3)",
        )
        .bind(id)
        .bind(dialogue)
        .bind(facilitator.get())
        .execute(&mut *tx)
        .await?;
        if removed.rows_affected() != 1 {
            return Ok(Outcome::NotFound);
        }
        sqlx::query("DELETE FROM dialogue_events WHERE dialogue_id = $1 AND contribution_id = $2")
            .bind(dialogue)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let event = Event::Hidden { contribution: id };
        let stored = append(&mut tx, self.backend, dialogue, &event, now).await?;
        // The hidden event names the contribution only by its number: it stays, so a screen
        // that catches up takes the text away too.
        sqlx::query(
            "UPDATE dialogue_events SET contribution_id = NULL WHERE dialogue_id = $1 AND seq = $2",
        )
        .bind(dialogue)
        .bind(stored.seq)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Outcome::Done(stored))
    }

    /// Replaces a participant's picks while the dialogue runs, with the facilitator's
    /// `picked` count. The caller has checked the cards against the deck and the rule.
    pub async fn set_picks(
        &self,
        participant: i64,
        picks: &[(String, Option<String>)],
        now: i64,
    ) -> Result<Outcome<StoredEvent>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let row = sqlx::query(
            "SELECT p.dialogue_id, d.ended_at FROM dialogue_participants p \
             JOIN dialogues d ON d.id = p.dialogue_id WHERE p.id = $1 AND p.removed = 0",
        )
        .bind(participant)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(Outcome::NotFound);
        };
        if row.try_get::<Option<i64>, _>("ended_at")?.is_some() {
            return Ok(Outcome::Ended);
        }
        let dialogue: i64 = row.try_get("dialogue_id")?;
        sqlx::query("DELETE FROM dialogue_picks WHERE participant_id = $1")
            .bind(participant)
            .execute(&mut *tx)
            .await?;
        for (position, (card, colleague)) in picks.iter().enumerate() {
            sqlx::query(
                "INSERT INTO dialogue_picks (participant_id, card_id, colleague, position) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(participant)
            .bind(card)
            .bind(colleague.as_deref())
            .bind(i64::try_from(position).unwrap_or(0))
            .execute(&mut *tx)
            .await?;
        }
        let row = sqlx::query(
            "SELECT COUNT(DISTINCT k.participant_id) AS n FROM dialogue_picks k \
             JOIN dialogue_participants p ON p.id = k.participant_id \
             WHERE p.dialogue_id = $1 AND p.removed = 0",
        )
        .bind(dialogue)
        .fetch_one(&mut *tx)
        .await?;
        let count: i64 = row.try_get("n")?;
        let event = Event::Picked {
            participants: u32::try_from(count).unwrap_or(u32::MAX),
        };
        let stored = append(&mut tx, self.backend, dialogue, &event, now).await?;
        tx.commit().await?;
        Ok(Outcome::Done(stored))
    }

    /// Every pick of `dialogue` by participants who were not removed.
    pub async fn picks(&self, dialogue: i64) -> Result<Vec<(i64, Pick)>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.id, p.name, k.card_id, k.colleague FROM dialogue_picks k \
             JOIN dialogue_participants p ON p.id = k.participant_id \
             WHERE p.dialogue_id = $1 AND p.removed = 0 ORDER BY p.id, k.position",
        )
        .bind(dialogue)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    row.try_get("id")?,
                    Pick {
                        name: row.try_get("name")?,
                        card: row.try_get("card_id")?,
                        colleague: row.try_get("colleague")?,
                    },
                ))
            })
            .collect()
    }

    /// Keeps `dialogue` in `person`'s portfolio with their note (again: the note is replaced).
    pub async fn save_dialogue(
        &self,
        person: PersonId,
        dialogue: i64,
        note: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO dialogue_saves (person_id, dialogue_id, note, saved_at) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (person_id, dialogue_id) DO UPDATE SET note = excluded.note",
        )
        .bind(person.get())
        .bind(dialogue)
        .bind(note)
        .bind(now)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// Takes a dialogue out of `person`'s portfolio.
    pub async fn unsave_dialogue(&self, person: PersonId, dialogue: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM dialogue_saves WHERE person_id = $1 AND dialogue_id = $2")
            .bind(person.get())
            .bind(dialogue)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// The dialogues `person` keeps, newest first.
    pub async fn saved_dialogues(
        &self,
        person: PersonId,
    ) -> Result<Vec<SavedDialogue>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT s.note, s.saved_at, ",
            dialogue_columns!("d."),
            " FROM dialogue_saves s JOIN dialogues d ON d.id = s.dialogue_id \
             WHERE s.person_id = $1 ORDER BY s.saved_at DESC, d.id DESC"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(SavedDialogue {
                    dialogue: dialogue_from(row)?,
                    note: row.try_get("note")?,
                    saved_at: row.try_get("saved_at")?,
                })
            })
            .collect()
    }
}
