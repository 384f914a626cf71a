//! Self-reflections: the moments, their answers, own cards, focus cards and shares.
//!
//! Every change takes the author's id and filters on it (and on the reflection being
//! unfinished), so a reflection of someone else, or a finished one, is simply not changed. Who
//! may *read* a reflection is the policy's call in the web layer, with
//! [`Store::reflection_viewers`].

use leidraad_domain::accounts::{OrganisationId, PersonId};
use leidraad_domain::reflection::Pile;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{Store, StoreError};

mod full;
mod moments;

pub use full::{FullReflection, Share};
pub use moments::Moments;

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnCardRecord {
    pub id: i64,
    pub domain_id: String,
    pub text: String,
    pub created_at: i64,
}

impl OwnCardRecord {
    /// The key answers and focus cards use for this card.
    pub fn key(&self) -> String {
        own_card_key(self.id)
    }
}

pub fn own_card_key(id: i64) -> String {
    format!("eigen-{id}")
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

fn answer_from(row: &AnyRow) -> Result<AnswerRecord, StoreError> {
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

    /// Finished reflections others shared with `viewer`, newest first, with the author's name.
    pub async fn reflections_shared_with(
        &self,
        viewer: PersonId,
    ) -> Result<Vec<(ReflectionRecord, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.id, r.person_id, r.organisation_id, r.framework_id, r.content_fingerprint, \
                 r.domains, r.started_at, r.updated_at, r.finished_at, r.prefilled_from, \
                 p.name AS author \
             FROM reflection_shares s JOIN reflections r ON r.id = s.reflection_id \
             JOIN people p ON p.id = r.person_id \
             WHERE s.viewer_id = $1 ORDER BY r.finished_at DESC, r.id DESC",
        )
        .bind(viewer.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((reflection_from(row)?, row.try_get("author")?)))
            .collect()
    }

    /// The people a reflection is shared with.
    pub async fn reflection_viewers(&self, id: i64) -> Result<Vec<PersonId>, StoreError> {
        let rows = sqlx::query(
            "SELECT viewer_id FROM reflection_shares WHERE reflection_id = $1 ORDER BY shared_at, viewer_id",
        )
        .bind(id)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok(PersonId(row.try_get("viewer_id")?)))
            .collect()
    }

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
            .save(crate::answer_queue::AnswerRow {
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

    pub async fn own_cards(&self, reflection: i64) -> Result<Vec<OwnCardRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, domain_id, text, created_at FROM own_cards WHERE reflection_id = $1 \
             ORDER BY id",
        )
        .bind(reflection)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(OwnCardRecord {
                    id: row.try_get("id")?,
                    domain_id: row.try_get("domain_id")?,
                    text: row.try_get("text")?,
                    created_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Adds an own card to a domain, refusing a card beyond `max_per_domain`.
    pub async fn add_own_card(
        &self,
        person: PersonId,
        reflection: i64,
        domain: &str,
        text: &str,
        max_per_domain: usize,
        now: i64,
    ) -> Result<Change<OwnCardRecord>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let open = sqlx::query(
            "SELECT id FROM reflections WHERE id = $1 AND person_id = $2 AND finished_at IS NULL",
        )
        .bind(reflection)
        .bind(person.get())
        .fetch_optional(&mut *tx)
        .await?;
        if open.is_none() {
            drop(tx);
            return self.why_unchanged(person, reflection).await;
        }
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM own_cards WHERE reflection_id = $1 AND domain_id = $2",
        )
        .bind(reflection)
        .bind(domain)
        .fetch_one(&mut *tx)
        .await?;
        let count: i64 = row.try_get("n")?;
        if usize::try_from(count).unwrap_or(usize::MAX) >= max_per_domain {
            return Ok(Change::TooManyOwnCards);
        }
        let row = sqlx::query(
            "INSERT INTO own_cards (reflection_id, domain_id, text, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(reflection)
        .bind(domain)
        .bind(text)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        tx.commit().await?;
        Ok(Change::Done(OwnCardRecord {
            id,
            domain_id: domain.to_owned(),
            text: text.to_owned(),
            created_at: now,
        }))
    }

    pub async fn update_own_card(
        &self,
        person: PersonId,
        reflection: i64,
        card: i64,
        text: &str,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "UPDATE own_cards SET text = $1 WHERE id = $2 AND reflection_id = \
             (SELECT id FROM reflections WHERE id = $3 AND person_id = $4 AND finished_at IS NULL)",
        )
        .bind(text)
        .bind(card)
        .bind(reflection)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.why_unchanged(person, reflection).await
    }

    /// Removes an own card with its answer and its place among the focus cards.
    pub async fn delete_own_card(
        &self,
        person: PersonId,
        reflection: i64,
        card: i64,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let result = sqlx::query(
            "DELETE FROM own_cards WHERE id = $1 AND reflection_id = \
             (SELECT id FROM reflections WHERE id = $2 AND person_id = $3 AND finished_at IS NULL)",
        )
        .bind(card)
        .bind(reflection)
        .bind(person.get())
        .execute(&mut *tx)
        .await?;
        if result.rows_affected() != 1 {
            drop(tx);
            return self.why_unchanged(person, reflection).await;
        }
        for statement in [
            "DELETE FROM reflection_answers WHERE reflection_id = $1 AND card_id = $2",
            "DELETE FROM focus_cards WHERE reflection_id = $1 AND card_id = $2",
        ] {
            sqlx::query(statement)
                .bind(reflection)
                .bind(own_card_key(card))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(Change::Done(()))
    }

    pub async fn focus_cards(&self, reflection: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT card_id FROM focus_cards WHERE reflection_id = $1 ORDER BY position",
        )
        .bind(reflection)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| row.try_get("card_id").map_err(StoreError::from))
            .collect()
    }

    /// Replaces the focus cards. The rule (at most three, from the growth points) is the
    /// domain's; this only stores the outcome. Focus cards may change after finishing: they
    /// are the plan for the year, not part of the moment's answers.
    pub async fn set_focus_cards(
        &self,
        person: PersonId,
        reflection: i64,
        cards: &[String],
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let owned = sqlx::query("SELECT id FROM reflections WHERE id = $1 AND person_id = $2")
            .bind(reflection)
            .bind(person.get())
            .fetch_optional(&mut *tx)
            .await?;
        if owned.is_none() {
            return Ok(Change::NotFound);
        }
        sqlx::query("DELETE FROM focus_cards WHERE reflection_id = $1")
            .bind(reflection)
            .execute(&mut *tx)
            .await?;
        for (position, card) in cards.iter().enumerate() {
            sqlx::query(
                "INSERT INTO focus_cards (reflection_id, card_id, position) VALUES ($1, $2, $3)",
            )
            .bind(reflection)
            .bind(card)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Change::Done(()))
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

    /// Shares a finished reflection with a named person.
    pub async fn share_reflection(
        &self,
        person: PersonId,
        reflection: i64,
        viewer: PersonId,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(
            "INSERT INTO reflection_shares (reflection_id, viewer_id, shared_at) \
             SELECT id, $3, $4 FROM reflections \
             WHERE id = $1 AND person_id = $2 AND finished_at IS NOT NULL AND $3 <> $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(reflection)
        .bind(person.get())
        .bind(viewer.get())
        .bind(now)
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        let row =
            sqlx::query("SELECT finished_at FROM reflections WHERE id = $1 AND person_id = $2")
                .bind(reflection)
                .bind(person.get())
                .fetch_optional(self.writer())
                .await?;
        Ok(match row {
            None => Change::NotFound,
            Some(row) if row.try_get::<Option<i64>, _>("finished_at")?.is_none() => {
                // Only a finished reflection is shared; an open one is still being written.
                Change::Finished
            }
            Some(_) => Change::Done(()),
        })
    }

    /// Withdraws a share. `Ok(false)`: it was not shared with that person.
    pub async fn unshare_reflection(
        &self,
        person: PersonId,
        reflection: i64,
        viewer: PersonId,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "DELETE FROM reflection_shares WHERE viewer_id = $1 AND reflection_id = \
             (SELECT id FROM reflections WHERE id = $2 AND person_id = $3)",
        )
        .bind(viewer.get())
        .bind(reflection)
        .bind(person.get())
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected() == 1)
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
        let answer = answer_from(row)?;
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
