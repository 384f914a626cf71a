//! Self-reflections: the moments themselves here, and by what they hold: answers, own
//! cards, focus cards and shares, each in a module of its own.
//!
//! Every change takes the author's id and filters on it (and on the reflection being
//! unfinished), so a reflection of someone else, or a finished one, is simply not changed. Who
//! may *read* a reflection is the policy's call in the app layer, with
//! [`Store::reflection_viewers`].

use leidraad_domain::accounts::{OrganisationId, PersonId};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError};

pub(crate) mod answers;
mod focus;
mod full;
mod moments;
mod own_cards;
mod shares;

pub use answers::{AnswerFields, AnswerRecord, AnswerUpdate};
pub use full::{FullReflection, Share};
pub use moments::{MomentProgress, Moments};
pub use own_cards::{OwnCardRecord, own_card_key};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionRecord {
    pub id: i64,
    #[serde(skip)]
    pub person_id: PersonId,
    #[serde(skip)]
    pub organisation_id: Option<OrganisationId>,
    pub framework_id: String,
    pub content_fingerprint: String,
    pub domains: Vec<String>,
    pub started_at: i64,
    pub updated_at: i64,
    pub finished_at: Option<i64>,
    pub prefilled_from: Option<i64>,
}

/// A new reflection. With `prefill_from`, the answers and own cards of that earlier
/// reflection (of the same person) are copied in.
#[derive(Debug, Clone)]
pub struct NewReflection<'a> {
    pub person: PersonId,
    pub organisation: Option<OrganisationId>,
    pub framework_id: &'a str,
    pub content_fingerprint: &'a str,
    pub domains: &'a [String],
    pub now: i64,
    pub prefill_from: Option<i64>,
}

/// What became of a change to a reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<T> {
    Done(T),
    /// No reflection of this person with that id.
    NotFound,
    /// The reflection is finished and read-only.
    Finished,
    /// The domain already holds the most own cards allowed.
    TooManyOwnCards,
}

macro_rules! reflection_columns {
    () => {
        "id, person_id, organisation_id, framework_id, content_fingerprint, domains, \
         started_at, updated_at, finished_at, prefilled_from"
    };
}

fn reflection_from(row: &AnyRow) -> Result<ReflectionRecord, StoreError> {
    let domains: String = row.try_get("domains")?;
    Ok(ReflectionRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        organisation_id: row
            .try_get::<Option<i64>, _>("organisation_id")?
            .map(OrganisationId),
        framework_id: row.try_get("framework_id")?,
        content_fingerprint: row.try_get("content_fingerprint")?,
        domains: domains
            .split(',')
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect(),
        started_at: row.try_get("started_at")?,
        updated_at: row.try_get("updated_at")?,
        finished_at: row.try_get("finished_at")?,
        prefilled_from: row.try_get("prefilled_from")?,
    })
}

impl Store {
    /// Starts a reflection. `Ok(None)`: `prefill_from` is not an earlier reflection of the
    /// same person on the same framework.
    pub async fn create_reflection(
        &self,
        new: NewReflection<'_>,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.writer().begin().await?;
        if let Some(source) = new.prefill_from {
            let owned = sqlx::query(
                "SELECT id FROM reflections WHERE id = $1 AND person_id = $2 AND framework_id = $3",
            )
            .bind(source)
            .bind(new.person.get())
            .bind(new.framework_id)
            .fetch_optional(&mut *tx)
            .await?;
            if owned.is_none() {
                return Ok(None);
            }
        }
        let row = sqlx::query(
            "INSERT INTO reflections (person_id, organisation_id, framework_id, \
                 content_fingerprint, domains, started_at, updated_at, prefilled_from) \
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
        )
        .bind(new.person.get())
        .bind(new.organisation.map(OrganisationId::get))
        .bind(new.framework_id)
        .bind(new.content_fingerprint)
        .bind(new.domains.join(","))
        .bind(new.now)
        .bind(new.prefill_from)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        if let Some(source) = new.prefill_from {
            copy_reflection(&mut tx, source, id, new.now).await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    }

    pub async fn reflection(&self, id: i64) -> Result<Option<ReflectionRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            reflection_columns!(),
            " FROM reflections WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(reflection_from).transpose()
    }

    /// A person's reflections, oldest first: their timeline.
    pub async fn reflections_of(
        &self,
        person: PersonId,
    ) -> Result<Vec<ReflectionRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            reflection_columns!(),
            " FROM reflections WHERE person_id = $1 ORDER BY started_at, id"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(reflection_from).collect()
    }

    /// Dates the reflection and makes it read-only.
    pub async fn finish_reflection(
        &self,
        person: PersonId,
        reflection: i64,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "UPDATE reflections SET finished_at = $1, updated_at = $1 \
             WHERE id = $2 AND person_id = $3 AND finished_at IS NULL",
        )
        .bind(now)
        .bind(reflection)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.why_unchanged(person, reflection).await
    }

    /// Why a change touched nothing: no such reflection of this person, or a finished one.
    async fn why_unchanged<T>(
        &self,
        person: PersonId,
        reflection: i64,
    ) -> Result<Change<T>, StoreError> {
        let row =
            sqlx::query("SELECT finished_at FROM reflections WHERE id = $1 AND person_id = $2")
                .bind(reflection)
                .bind(person.get())
                .fetch_optional(self.writer())
                .await?;
        match row {
            None => Ok(Change::NotFound),
            Some(row) if row.try_get::<Option<i64>, _>("finished_at")?.is_some() => {
                Ok(Change::Finished)
            }
            Some(_) => Ok(Change::NotFound),
        }
    }
}

/// Copies own cards (under new ids) and answers (re-keyed to those ids) into a new reflection.
async fn copy_reflection(
    tx: &mut Transaction<'_, Any>,
    source: i64,
    target: i64,
    now: i64,
) -> Result<(), StoreError> {
    let own = sqlx::query(
        "SELECT id, domain_id, text FROM own_cards WHERE reflection_id = $1 ORDER BY id",
    )
    .bind(source)
    .fetch_all(&mut **tx)
    .await?;
    let mut renamed = Vec::new();
    for row in &own {
        let old: i64 = row.try_get("id")?;
        let new = sqlx::query(
            "INSERT INTO own_cards (reflection_id, domain_id, text, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(target)
        .bind(row.try_get::<String, _>("domain_id")?)
        .bind(row.try_get::<String, _>("text")?)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        renamed.push((own_card_key(old), own_card_key(new.try_get("id")?)));
    }
    let answers = sqlx::query(
        "SELECT card_id, pile, note, evidence, starred, updated_at FROM reflection_answers \
         WHERE reflection_id = $1",
    )
    .bind(source)
    .fetch_all(&mut **tx)
    .await?;
    for row in &answers {
        let answer = answers::answer_from(row)?;
        let card = renamed
            .iter()
            .find(|(old, _)| *old == answer.card_id)
            .map_or(answer.card_id.clone(), |(_, new)| new.clone());
        sqlx::query(
            "INSERT INTO reflection_answers \
                 (reflection_id, card_id, pile, note, evidence, starred, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(target)
        .bind(card)
        .bind(answer.pile.map(|p| i64::from(p.score())))
        .bind(answer.note)
        .bind(answer.evidence)
        .bind(i64::from(answer.starred))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
