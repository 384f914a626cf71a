//! A reflection with everything its pages show, in one statement: the reflection and its
//! author's name, its answers, own cards, focus cards and shares, and for its author the
//! other moments. The profile page used to read these one after another, in eight to ten
//! statements; on PostgreSQL each was a round trip (and two more for the pool's pings).
//!
//! The statement answers one row, each list in it aggregated into JSON text by the database
//! (in the order its own query had), so the driver decodes seven values rather than a row per
//! answer. That matters as much as the round trips: sqlx copies every value of every row,
//! turns it into an `Any` value, and on SQLite hands each row from the connection's thread to
//! the request's, so a page of 80 answers cost thousands of allocations and as many thread
//! switches. Only the JSON functions' names differ between the backends.

use leidraad_domain::accounts::{OrganisationId, PersonId};
use leidraad_domain::reflection::Pile;
use serde::de::DeserializeOwned;
use sqlx::Row;

use super::{AnswerRecord, OwnCardRecord, ReflectionRecord};
use crate::{Backend, Store, StoreError};

/// A reflection as its pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullReflection {
    pub record: ReflectionRecord,
    pub author_name: String,
    /// By card id, as [`Store::answers`] orders them.
    pub answers: Vec<AnswerRecord>,
    /// In the order they were made.
    pub own_cards: Vec<OwnCardRecord>,
    /// In the author's order.
    pub focus_cards: Vec<String>,
    /// The people it is shared with, in the order of sharing.
    pub shares: Vec<Share>,
    /// The author's other reflections, oldest first; only when the reader is the author.
    pub others: Vec<ReflectionRecord>,
}

/// Someone a reflection is shared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub viewer: PersonId,
    /// Name and address, only when the reader is the author; empty otherwise.
    pub name: String,
    pub email: String,
}

impl FullReflection {
    /// The people it is shared with, as [`Store::reflection_viewers`] gives them.
    pub fn viewers(&self) -> Vec<PersonId> {
        self.shares.iter().map(|share| share.viewer).collect()
    }
}

/// The statement, for a backend's names of "JSON array of values" and "JSON array of rows",
/// and the order of each list inside its aggregate. SQLite leaves the orders out: an ordered
/// aggregate costs it a temporary table per list, a third of the statement's time, so the
/// lists are sorted after reading instead, by the same keys. `$1` the reflection, `$2` the
/// reader. `reflections` holds the reflection asked for, and the author's other ones when
/// the reader is the author.
macro_rules! full_reflection {
    ($array:literal, $aggregate:literal, $reflections:literal, $answers:literal,
     $own_cards:literal, $focus_cards:literal, $shares:literal) => {
        concat!(
            "SELECT (SELECT p.name FROM reflections r JOIN people p ON p.id = r.person_id \
                 WHERE r.id = $1) AS author, ",
            "(SELECT CAST(",
            $aggregate,
            "(",
            $array,
            "(o.id, o.person_id, o.organisation_id, \
                 o.framework_id, o.content_fingerprint, o.domains, o.started_at, o.updated_at, \
                 o.finished_at, o.prefilled_from)",
            $reflections,
            ") AS TEXT) \
             FROM reflections o \
             WHERE o.person_id = (SELECT person_id FROM reflections WHERE id = $1) \
                 AND (o.id = $1 OR o.person_id = $2)) AS reflections, ",
            "(SELECT CAST(",
            $aggregate,
            "(",
            $array,
            "(a.card_id, a.pile, a.note, a.evidence, \
                 a.starred, a.updated_at)",
            $answers,
            ") AS TEXT) \
             FROM reflection_answers a WHERE a.reflection_id = $1) AS answers, ",
            "(SELECT CAST(",
            $aggregate,
            "(",
            $array,
            "(c.id, c.domain_id, c.text, \
                 c.created_at)",
            $own_cards,
            ") AS TEXT) \
             FROM own_cards c WHERE c.reflection_id = $1) AS own_cards, ",
            "(SELECT CAST(",
            $aggregate,
            "(",
            $array,
            "(f.card_id, f.position)",
            $focus_cards,
            ") AS TEXT) \
             FROM focus_cards f WHERE f.reflection_id = $1) AS focus_cards, ",
            "(SELECT CAST(",
            $aggregate,
            "(",
            $array,
            "(s.viewer_id, p.name, p.email, \
                 s.shared_at)",
            $shares,
            ") AS TEXT) \
             FROM reflection_shares s JOIN people p ON p.id = s.viewer_id \
             WHERE s.reflection_id = $1) AS shares"
        )
    };
}

const SQLITE: &str = full_reflection!("json_array", "json_group_array", "", "", "", "", "");
const POSTGRES: &str = full_reflection!(
    "json_build_array",
    "json_agg",
    " ORDER BY o.started_at, o.id",
    " ORDER BY a.card_id",
    " ORDER BY c.id",
    " ORDER BY f.position",
    " ORDER BY s.shared_at, s.viewer_id"
);

/// A reflection row as the statement lists it.
type ReflectionValues = (
    i64,
    i64,
    Option<i64>,
    String,
    String,
    String,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
);

fn reflection_from(values: ReflectionValues) -> ReflectionRecord {
    let (
        id,
        person,
        organisation,
        framework_id,
        content_fingerprint,
        domains,
        started_at,
        updated_at,
        finished_at,
        prefilled_from,
    ) = values;
    ReflectionRecord {
        id,
        person_id: PersonId(person),
        organisation_id: organisation.map(OrganisationId),
        framework_id,
        content_fingerprint,
        domains: domains
            .split(',')
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect(),
        started_at,
        updated_at,
        finished_at,
        prefilled_from,
    }
}

/// An answer as the statement lists it: card, pile, note, evidence, starred, updated.
type AnswerValues = (String, Option<i64>, String, String, i64, i64);

fn answer_from(values: AnswerValues) -> Result<AnswerRecord, StoreError> {
    let (card_id, pile, note, evidence, starred, updated_at) = values;
    Ok(AnswerRecord {
        card_id,
        pile: pile
            .map(Pile::from_score)
            .transpose()
            .map_err(|_| StoreError::Corrupt("pile"))?,
        note,
        evidence,
        starred: starred == 1,
        updated_at,
    })
}

/// A JSON list the database built; an empty aggregate is NULL on PostgreSQL.
fn list<T: DeserializeOwned>(json: Option<String>) -> Result<Vec<T>, StoreError> {
    match json {
        None => Ok(Vec::new()),
        Some(json) => {
            serde_json::from_str(&json).map_err(|_| StoreError::Corrupt("reflection list"))
        }
    }
}

impl Store {
    /// Reflection `id` with everything its pages show, read for `reader` in one statement:
    /// the author sees the names of the people it is shared with and their own other
    /// moments; anyone else only who it is shared with (for the policy). Who may read it at
    /// all is the caller's to ask. `None` when there is no such reflection.
    pub async fn full_reflection(
        &self,
        id: i64,
        reader: PersonId,
    ) -> Result<Option<FullReflection>, StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => SQLITE,
            Backend::Postgres => POSTGRES,
        };
        let row = sqlx::query(sql)
            .bind(id)
            .bind(reader.get())
            .fetch_one(self.reader())
            .await?;
        let Some(author_name) = row.try_get::<Option<String>, _>("author")? else {
            return Ok(None);
        };
        let mut reflections = list::<ReflectionValues>(row.try_get("reflections")?)?;
        // Every sort key is a whole number but a card id, which PostgreSQL orders by its
        // collation and SQLite (BINARY) by its bytes, as Rust does: answers are sorted here on
        // SQLite only.
        reflections.sort_by_key(|r| (r.6, r.0));
        let mut record = None;
        let mut others = Vec::new();
        for values in reflections {
            let reflection = reflection_from(values);
            if reflection.id == id {
                record = Some(reflection);
            } else {
                others.push(reflection);
            }
        }
        let Some(record) = record else {
            return Ok(None);
        };
        let mut answers: Vec<AnswerValues> = list(row.try_get("answers")?)?;
        if self.backend == Backend::Sqlite {
            answers.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let answers = answers
            .into_iter()
            .map(answer_from)
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut own_cards: Vec<(i64, String, String, i64)> = list(row.try_get("own_cards")?)?;
        own_cards.sort_by_key(|c| c.0);
        let own_cards = own_cards
            .into_iter()
            .map(|(id, domain_id, text, created_at)| OwnCardRecord {
                id,
                domain_id,
                text,
                created_at,
            })
            .collect();
        let mut focus_cards: Vec<(String, i64)> = list(row.try_get("focus_cards")?)?;
        focus_cards.sort_by_key(|f| f.1);
        let focus_cards = focus_cards.into_iter().map(|(card, _)| card).collect();
        let mut shares: Vec<(i64, String, String, i64)> = list(row.try_get("shares")?)?;
        shares.sort_by_key(|s| (s.3, s.0));
        let mut shares: Vec<Share> = shares
            .into_iter()
            .map(|(viewer, name, email, _)| Share {
                viewer: PersonId(viewer),
                name,
                email,
            })
            .collect();
        if record.person_id != reader {
            for share in &mut shares {
                share.name.clear();
                share.email.clear();
            }
            others.clear();
        }
        Ok(Some(FullReflection {
            record,
            author_name,
            answers,
            own_cards,
            focus_cards,
            shares,
            others,
        }))
    }
}
