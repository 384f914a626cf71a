//! The learning log: a person's activities (with the cards and plan themes they touched), the
//! suggestions from Leidraad they confirmed or dismissed, their register cycle, and evidence
//! files with their bytes. Split by what they hold: activities here and in `activities.rs`,
//! `cycle.rs`, `evidence.rs`.
//!
//! Every query filters on the owner, so someone else's activity or file is simply not found.
//! Who may *read* a file besides its owner is the policy's call in the app layer, with the
//! one fact [`Store::evidence_access`] answers.

use leidraad_domain::accounts::PersonId;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

mod activities;
mod cycle;
mod evidence;
mod lines;
mod sources;

pub use activities::ActivityFields;
pub use cycle::CycleRecord;
pub use evidence::{EvidenceRecord, NewEvidence};
pub use lines::{LogHead, LogLine};
pub use sources::LogSource;

/// One activity in the log, with what it touched and its evidence (without the bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityRecord {
    pub id: i64,
    #[serde(skip)]
    pub person_id: PersonId,
    pub kind: String,
    /// Empty for an entry from Leidraad that was never renamed: the page names it by kind.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub happened_on: String,
    pub minutes: i64,
    pub points: i64,
    pub framework_id: String,
    pub domains: Vec<String>,
    pub cards: Vec<String>,
    /// The plan themes it served: id and title.
    pub themes: Vec<(i64, String)>,
    pub learned: String,
    pub differently: String,
    /// What in Leidraad it came from: kind and id.
    pub source: Option<(String, i64)>,
    pub evidence: Vec<EvidenceRecord>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A plan theme an activity may serve: id, title, and the school year its plan is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogTheme {
    pub id: i64,
    pub title: String,
    pub school_year: i64,
}

/// What became of a change to the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<T> {
    Done(T),
    /// No activity (or file) of this person with that id.
    NotFound,
    /// A theme that is not one of the person's own.
    ThemeUnknown,
    /// That Leidraad source is in the log already, or was dismissed.
    AlreadyLogged,
    /// The person's files would take more than their share.
    QuotaFull,
}

const ACTIVITY_COLUMNS: &str = "id, person_id, kind, title, happened_on, minutes, points, \
    framework_id, domains, learned, differently, source_kind, source_id, created_at, updated_at";

fn activity_from(row: &AnyRow) -> Result<ActivityRecord, StoreError> {
    let domains: String = row.try_get("domains")?;
    let source_kind: Option<String> = row.try_get("source_kind")?;
    let source_id: Option<i64> = row.try_get("source_id")?;
    Ok(ActivityRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        kind: row.try_get("kind")?,
        title: row.try_get("title")?,
        happened_on: row.try_get("happened_on")?,
        minutes: row.try_get("minutes")?,
        points: row.try_get("points")?,
        framework_id: row.try_get("framework_id")?,
        domains: domains.split_whitespace().map(str::to_owned).collect(),
        cards: Vec::new(),
        themes: Vec::new(),
        learned: row.try_get("learned")?,
        differently: row.try_get("differently")?,
        source: source_kind.zip(source_id),
        evidence: Vec::new(),
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// The learning log in a person's own data download: the cycle, every activity, and what
/// each file is (not its bytes, which are downloaded one by one from the log).
#[derive(Debug, Clone, Serialize)]
pub struct ExportedLearningLog {
    pub register_cycle: Option<CycleRecord>,
    pub activities: Vec<ActivityRecord>,
    pub evidence_files: Vec<EvidenceRecord>,
}

impl Store {
    pub async fn exported_learning_log(
        &self,
        person: PersonId,
    ) -> Result<ExportedLearningLog, StoreError> {
        Ok(ExportedLearningLog {
            register_cycle: self.register_cycle(person).await?,
            activities: self.activities_of(person).await?,
            evidence_files: self.evidence_of(person).await?,
        })
    }
}
