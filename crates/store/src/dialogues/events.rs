//! A dialogue's events: numbered per dialogue, written in the transaction of the change they
//! describe, read back from any number on (a reconnecting phone's `Last-Event-ID`). On
//! PostgreSQL the same transaction notifies every instance (`LISTEN leidraad_dialogues`): the
//! notice is delivered only once the transaction commits, in the order of commits, which for
//! one dialogue is the order of its numbers (the row of the dialogue is locked while a number
//! is handed out).

use leidraad_domain::accounts::PersonId;
use leidraad_domain::dialogue::{Audience, Event};
use sqlx::postgres::PgListener;
use sqlx::{Any, Row, Transaction};

use super::Outcome;
use crate::{Backend, Store, StoreError};

/// The channel every instance listens on.
const CHANNEL: &str = "leidraad_dialogues";
/// PostgreSQL refuses a payload over 8000 bytes; a longer event is sent as its number only,
/// and read by each instance.
const MAX_INLINE_BODY: usize = 7_000;

/// One stored event, as it goes to screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub dialogue_id: i64,
    pub seq: i64,
    pub audience: Audience,
    /// The event as JSON.
    pub body: String,
}

impl StoredEvent {
    pub fn event(&self) -> Result<Event, StoreError> {
        serde_json::from_str(&self.body).map_err(|_| StoreError::Corrupt("dialogue_events.body"))
    }
}

/// Appends `event` to `dialogue` within `tx`: takes the next number, stores the event and,
/// on PostgreSQL, notifies the other instances. The caller has checked that the dialogue
/// exists and that the change is allowed.
pub(crate) async fn append(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    dialogue: i64,
    event: &Event,
    now: i64,
) -> Result<StoredEvent, StoreError> {
    let row = sqlx::query(
        "UPDATE dialogues SET last_seq = last_seq + 1, active_at = $2 WHERE id = $1 \
         RETURNING last_seq",
    )
    .bind(dialogue)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    let stored = StoredEvent {
        dialogue_id: dialogue,
        seq: row.try_get("last_seq")?,
        audience: event.audience(),
        body: serde_json::to_string(event).map_err(|_| StoreError::Corrupt("dialogue event"))?,
    };
    // On PostgreSQL the notice rides on the insert: one round trip, not two.
    let sql = match backend {
        Backend::Postgres => {
            "INSERT INTO dialogue_events (dialogue_id, seq, audience, contribution_id, body, at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING pg_notify($7, $8)"
        }
        Backend::Sqlite => {
            "INSERT INTO dialogue_events (dialogue_id, seq, audience, contribution_id, body, at) \
             VALUES ($1, $2, $3, $4, $5, $6)"
        }
    };
    let mut query = sqlx::query(sql)
        .bind(dialogue)
        .bind(stored.seq)
        .bind(stored.audience.code())
        .bind(event.contribution())
        .bind(stored.body.clone())
        .bind(now);
    if backend == Backend::Postgres {
        query = query.bind(CHANNEL).bind(payload(&stored));
    }
    query.execute(&mut **tx).await?;
    Ok(stored)
}

/// `dialogue seq audience body`, or `dialogue seq` when the body is too long to travel.
fn payload(event: &StoredEvent) -> String {
    if event.body.len() <= MAX_INLINE_BODY {
        format!(
            "{} {} {} {}",
            event.dialogue_id,
            event.seq,
            event.audience.code(),
            event.body
        )
    } else {
        format!("{} {}", event.dialogue_id, event.seq)
    }
}

fn event_from(row: &sqlx::any::AnyRow) -> Result<StoredEvent, StoreError> {
    let audience: String = row.try_get("audience")?;
    Ok(StoredEvent {
        dialogue_id: row.try_get("dialogue_id")?,
        seq: row.try_get("seq")?,
        audience: Audience::parse(&audience)
            .ok_or(StoreError::Corrupt("dialogue_events.audience"))?,
        body: row.try_get("body")?,
    })
}

impl Store {
    /// The events of `dialogue` after number `after`, in order; with `room_only`, without the
    /// facilitator's.
    pub async fn dialogue_events(
        &self,
        dialogue: i64,
        after: i64,
        room_only: bool,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT dialogue_id, seq, audience, body FROM dialogue_events \
             WHERE dialogue_id = $1 AND seq > $2 AND ($3 = 0 OR audience = 'room') ORDER BY seq",
        )
        .bind(dialogue)
        .bind(after)
        .bind(i64::from(room_only))
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(event_from).collect()
    }

    /// Records what the facilitator did, with what it changes besides the event: a locked
    /// room, an ended dialogue (its code is freed), a removed participant, a contribution
    /// shown or hidden. Only the dialogue's facilitator; after the end only sharing and
    /// hiding are still recorded.
    pub async fn record_dialogue_event(
        &self,
        dialogue: i64,
        facilitator: PersonId,
        event: &Event,
        now: i64,
    ) -> Result<Outcome<StoredEvent>, StoreError> {
        let outcome = self
            .record_dialogue_events(dialogue, facilitator, std::slice::from_ref(event), now)
            .await?;
        Ok(match outcome {
            Outcome::Done(mut events) => match events.pop() {
                Some(event) => Outcome::Done(event),
                None => Outcome::NotFound,
            },
            Outcome::NotFound => Outcome::NotFound,
            Outcome::Ended => Outcome::Ended,
            Outcome::Locked => Outcome::Locked,
        })
    }

    /// [`Store::record_dialogue_event`] for several events of one action (a card and the
    /// fresh timer of its turn), in one transaction: all of them or none.
    pub async fn record_dialogue_events(
        &self,
        dialogue: i64,
        facilitator: PersonId,
        events: &[Event],
        now: i64,
    ) -> Result<Outcome<Vec<StoredEvent>>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let row = sqlx::query("SELECT ended_at FROM dialogues WHERE id = $1 AND person_id = $2")
            .bind(dialogue)
            .bind(facilitator.get())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            return Ok(Outcome::NotFound);
        };
        let ended = row.try_get::<Option<i64>, _>("ended_at")?.is_some();
        let mut stored = Vec::with_capacity(events.len());
        for event in events {
            if ended && !matches!(event, Event::Shared | Event::Hidden { .. }) {
                return Ok(Outcome::Ended);
            }
            if !side_effect(&mut tx, dialogue, event, now).await? {
                return Ok(Outcome::NotFound);
            }
            stored.push(append(&mut tx, self.backend, dialogue, event, now).await?);
        }
        tx.commit().await?;
        Ok(Outcome::Done(stored))
    }

    /// Listens for the events every instance stores (PostgreSQL only: on SQLite one process
    /// has them all).
    pub async fn listen_dialogues(&self) -> Result<Option<DialogueListener>, StoreError> {
        if self.backend != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = PgListener::connect(&self.url).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(DialogueListener {
            listener,
            store: self.clone(),
        }))
    }
}

/// The change an event stands for beyond itself. False when there was nothing to change
/// (an unknown participant or contribution of this dialogue).
async fn side_effect(
    tx: &mut Transaction<'static, Any>,
    dialogue: i64,
    event: &Event,
    now: i64,
) -> Result<bool, StoreError> {
    let (sql, value): (&str, i64) = match event {
        Event::Locked { locked } => (
            "UPDATE dialogues SET locked = $2 WHERE id = $1",
            i64::from(*locked),
        ),
        Event::Ended => (
            "UPDATE dialogues SET ended_at = $2, join_code = NULL WHERE id = $1",
            now,
        ),
        Event::Removed { participant } => (
            "UPDATE dialogue_participants SET removed = 1 WHERE dialogue_id = $1 AND id = $2",
            *participant,
        ),
        Event::Shown { contribution } => (
            "UPDATE dialogue_contributions SET status = 'getoond' \
             WHERE dialogue_id = $1 AND id = $2",
            contribution.id,
        ),
        Event::Hidden { contribution } => (
            "UPDATE dialogue_contributions SET status = 'verborgen' \
             WHERE dialogue_id = $1 AND id = $2",
            *contribution,
        ),
        _ => return Ok(true),
    };
    let result = sqlx::query(sql)
        .bind(dialogue)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// What a listener hears.
#[derive(Debug)]
pub enum Notice {
    Event(StoredEvent),
    /// The connection to the database was lost and is being made again: notices sent in
    /// between are gone, so whoever follows a dialogue reads what they missed from the store.
    Lost,
}

/// See [`Store::listen_dialogues`].
pub struct DialogueListener {
    listener: PgListener,
    store: Store,
}

impl DialogueListener {
    /// The next notice. A payload that cannot be read is skipped.
    pub async fn next(&mut self) -> Result<Notice, StoreError> {
        loop {
            let Some(notification) = self.listener.try_recv().await? else {
                return Ok(Notice::Lost);
            };
            if let Some(event) = self.read(notification.payload()).await? {
                return Ok(Notice::Event(event));
            }
        }
    }

    async fn read(&self, payload: &str) -> Result<Option<StoredEvent>, StoreError> {
        let mut parts = payload.splitn(4, ' ');
        let (Some(dialogue), Some(seq)) = (parts.next(), parts.next()) else {
            return Ok(None);
        };
        let (Ok(dialogue_id), Ok(seq)) = (dialogue.parse::<i64>(), seq.parse::<i64>()) else {
            return Ok(None);
        };
        match (parts.next().and_then(Audience::parse), parts.next()) {
            (Some(audience), Some(body)) => Ok(Some(StoredEvent {
                dialogue_id,
                seq,
                audience,
                body: body.to_owned(),
            })),
            _ => Ok(self
                .store
                .dialogue_events(dialogue_id, seq - 1, false)
                .await?
                .into_iter()
                .find(|e| e.seq == seq)),
        }
    }
}
