//! Live dialogues: the facilitator's dialogue, its participants, its events, contributions,
//! picks, notes and the copies kept in portfolios. Each change that the room must see writes
//! its event in the same transaction (see [`events`]), so a stored change always has its
//! numbered event, and an event never describes a change that was rolled back.
//!
//! The facilitator's changes filter on their person id; a participant's on their own row
//! (found by the digest of their token), and only while they are not removed and the dialogue
//! runs.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

mod contributions;
mod events;
mod participants;
mod retention;

pub use contributions::SavedDialogue;
pub use events::{DialogueListener, Notice, StoredEvent};
pub use participants::{CodeReading, ParticipantRecord};

/// What a change to a dialogue came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T> {
    Done(T),
    /// No such dialogue (participant, contribution) that this caller may change.
    NotFound,
    /// The dialogue has ended.
    Ended,
    /// The room is locked: no one new joins.
    Locked,
}

/// A dialogue as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueRecord {
    pub id: i64,
    pub person_id: i64,
    pub framework_id: String,
    pub format: String,
    pub title: String,
    pub deck: Vec<String>,
    pub join_code: Option<String>,
    pub allow_anonymous: bool,
    pub anonymous_picks: bool,
    pub minutes: u32,
    pub locked: bool,
    pub last_seq: i64,
    pub created_at: i64,
    pub active_at: i64,
    pub ended_at: Option<i64>,
}

/// A new dialogue; see [`Store::create_dialogue`].
#[derive(Debug, Clone)]
pub struct NewDialogue<'a> {
    pub person: PersonId,
    pub framework_id: &'a str,
    pub format: &'a str,
    pub title: &'a str,
    pub deck: &'a [String],
    pub join_code: &'a str,
    pub allow_anonymous: bool,
    pub anonymous_picks: bool,
    pub minutes: u32,
    pub now: i64,
}

macro_rules! dialogue_columns {
    ($prefix:literal) => {
        concat!(
            $prefix,
            "id AS dialogue_id, ",
            $prefix,
            "person_id AS facilitator_id, ",
            $prefix,
            "framework_id, ",
            $prefix,
            "format, ",
            $prefix,
            "title, ",
            $prefix,
            "deck, ",
            $prefix,
            "join_code, ",
            $prefix,
            "allow_anonymous, ",
            $prefix,
            "anonymous_picks, ",
            $prefix,
            "minutes, ",
            $prefix,
            "locked, ",
            $prefix,
            "last_seq, ",
            $prefix,
            "created_at, ",
            $prefix,
            "active_at, ",
            $prefix,
            "ended_at"
        )
    };
}
pub(crate) use dialogue_columns;

pub(crate) fn dialogue_from(row: &AnyRow) -> Result<DialogueRecord, StoreError> {
    let deck: String = row.try_get("deck")?;
    let minutes: i64 = row.try_get("minutes")?;
    Ok(DialogueRecord {
        id: row.try_get("dialogue_id")?,
        person_id: row.try_get("facilitator_id")?,
        framework_id: row.try_get("framework_id")?,
        format: row.try_get("format")?,
        title: row.try_get("title")?,
        deck: deck
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        join_code: row.try_get("join_code")?,
        allow_anonymous: row.try_get::<i64, _>("allow_anonymous")? == 1,
        anonymous_picks: row.try_get::<i64, _>("anonymous_picks")? == 1,
        minutes: u32::try_from(minutes).map_err(|_| StoreError::Corrupt("dialogues.minutes"))?,
        locked: row.try_get::<i64, _>("locked")? == 1,
        last_seq: row.try_get("last_seq")?,
        created_at: row.try_get("created_at")?,
        active_at: row.try_get("active_at")?,
        ended_at: row.try_get("ended_at")?,
    })
}

impl Store {
    /// Stores a new dialogue. [`StoreError::Conflict`]: the join code is taken by a running
    /// dialogue (the caller draws another).
    pub async fn create_dialogue(&self, new: &NewDialogue<'_>) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO dialogues (person_id, framework_id, format, title, deck, join_code, \
                 allow_anonymous, anonymous_picks, minutes, created_at, active_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(new.person.get())
        .bind(new.framework_id)
        .bind(new.format)
        .bind(new.title)
        .bind(new.deck.join(","))
        .bind(new.join_code)
        .bind(i64::from(new.allow_anonymous))
        .bind(i64::from(new.anonymous_picks))
        .bind(i64::from(new.minutes))
        .bind(new.now)
        .fetch_one(self.writer())
        .await
        .map_err(StoreError::from_insert)?;
        Ok(row.try_get("id")?)
    }

    /// A dialogue by id, whoever asks: the caller decides who may see it.
    pub async fn dialogue(&self, id: i64) -> Result<Option<DialogueRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            dialogue_columns!(""),
            " FROM dialogues WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(dialogue_from).transpose()
    }

    /// The dialogues `person` facilitates or facilitated, newest first.
    pub async fn dialogues_of(&self, person: PersonId) -> Result<Vec<DialogueRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            dialogue_columns!(""),
            " FROM dialogues WHERE person_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(dialogue_from).collect()
    }
}
