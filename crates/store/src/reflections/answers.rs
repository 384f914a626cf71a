//! A reflection's answers: one per card, written by the autosave through the group commit
//! (see [`upsert`]) and read back in card order.

use leidraad_domain::accounts::PersonId;
use leidraad_domain::reflection::Pile;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Change;
use crate::{Store, StoreError};

mod upsert;

pub(crate) use upsert::ReflectionAnswers;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerRecord {
    pub card_id: String,
    #[serde(serialize_with = "pile_score")]
    pub pile: Option<Pile>,
    pub note: String,
    pub evidence: String,
    pub starred: bool,
    pub updated_at: i64,
}

fn pile_score<S: serde::Serializer>(pile: &Option<Pile>, serializer: S) -> Result<S::Ok, S::Error> {
    match pile {
        Some(pile) => serializer.serialize_some(&pile.score()),
        None => serializer.serialize_none(),
    }
}

/// A change to one card's answer. Only the parts named in `fields` are written; the others
/// keep what is stored, so a save never erases text it did not mean to change (a page loaded
/// before another tab saved a note may still move the card to another pile).
#[derive(Debug, Clone)]
pub struct AnswerUpdate<'a> {
    pub card_id: &'a str,
    pub pile: Option<Pile>,
    pub note: &'a str,
    pub evidence: &'a str,
    pub starred: bool,
    pub fields: AnswerFields,
}

/// Which parts of an answer an update changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerFields {
    pub pile: bool,
    pub note: bool,
    pub evidence: bool,
    pub starred: bool,
}

impl AnswerFields {
    /// The whole answer: what `PUT` and the seeders write.
    pub const ALL: AnswerFields = AnswerFields {
        pile: true,
        note: true,
        evidence: true,
        starred: true,
    };
    pub const NONE: AnswerFields = AnswerFields {
        pile: false,
        note: false,
        evidence: false,
        starred: false,
    };
}

pub(super) fn answer_from(row: &AnyRow) -> Result<AnswerRecord, StoreError> {
    let pile: Option<i64> = row.try_get("pile")?;
    Ok(AnswerRecord {
        card_id: row.try_get("card_id")?,
        pile: pile
            .map(Pile::from_score)
            .transpose()
            .map_err(|_| StoreError::Corrupt("pile"))?,
        note: row.try_get("note")?,
        evidence: row.try_get("evidence")?,
        starred: row.try_get::<i64, _>("starred")? == 1,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    /// Saves one card's answer (the autosave path), committed together with whatever other
    /// answers wait at the same moment. Only the author's own, unfinished reflection is
    /// written.
    pub async fn save_answer(
        &self,
        person: PersonId,
        reflection: i64,
        answer: AnswerUpdate<'_>,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let written = self
            .answers
            .write(upsert::AnswerRow {
                person,
                reflection,
                card_id: answer.card_id.to_owned(),
                // A part the update leaves alone starts empty on a card answered for the
                // first time.
                pile: answer
                    .pile
                    .filter(|_| answer.fields.pile)
                    .map(|p| i64::from(p.score())),
                note: if answer.fields.note { answer.note } else { "" }.to_owned(),
                evidence: if answer.fields.evidence {
                    answer.evidence
                } else {
                    ""
                }
                .to_owned(),
                starred: i64::from(answer.starred && answer.fields.starred),
                fields: answer.fields,
                now,
            })
            .await?;
        if written {
            return Ok(Change::Done(()));
        }
        self.why_unchanged(person, reflection).await
    }

    pub async fn answers(&self, reflection: i64) -> Result<Vec<AnswerRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT card_id, pile, note, evidence, starred, updated_at FROM reflection_answers \
             WHERE reflection_id = $1 ORDER BY card_id",
        )
        .bind(reflection)
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(answer_from).collect()
    }
}
