//! Team scans on professional space: the scan and its units here; its links, drafts,
//! submissions, estimate, board members' estimates and release each in a module of their own.
//!
//! It is the feedback round's machinery for a second instrument. A respondent has no account:
//! their writes are scoped to their token link, and land only while it is unanswered and the
//! scan open before its closing. Submitting moves the draft into a response that names only
//! the scan and unit, under a random id; the leader's view counts links and responses, never
//! says which link answered, and nothing of a respondent's device, address or time is kept.
//! Every change of the owner filters on the owner's id.

use leidraad_domain::accounts::{OrganisationId, PersonId, SchoolId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

mod board;
mod drafts;
mod estimates;
mod links;
mod release;
mod submit;

pub use crate::feedback::Change;
pub use board::{BoardEstimateRecord, BoardScanSummary, ExportedBoardEstimate};
pub use drafts::DraftItem;
pub use links::{MAX_SHARED_LINKS_PER_UNIT, RespondentLink};
pub use release::StoredResponse;

/// Where a scan is in its life. Stored as its Dutch code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(into = "&'static str")]
pub enum ScanState {
    /// Respondents answer (until the closing moment).
    Open,
    /// No more answers; the results are being computed (or were not stored: release again).
    Closed,
    /// The results are stored; links, drafts and responses are gone.
    Released,
}

impl ScanState {
    pub fn code(self) -> &'static str {
        match self {
            ScanState::Open => "open",
            ScanState::Closed => "gesloten",
            ScanState::Released => "vrijgegeven",
        }
    }

    fn from_code(code: &str) -> Result<ScanState, StoreError> {
        match code {
            "open" => Ok(ScanState::Open),
            "gesloten" => Ok(ScanState::Closed),
            "vrijgegeven" => Ok(ScanState::Released),
            _ => Err(StoreError::Corrupt("space_scans.state")),
        }
    }
}

impl From<ScanState> for &'static str {
    fn from(state: ScanState) -> &'static str {
        state.code()
    }
}

/// A scan as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanRecord {
    pub id: i64,
    pub person_id: PersonId,
    pub organisation_id: OrganisationId,
    pub questionnaire_id: String,
    pub content_fingerprint: String,
    pub title: String,
    pub threshold: i64,
    pub closes_at: i64,
    pub state: ScanState,
    pub created_at: i64,
    pub released_at: Option<i64>,
}

/// A school of a board's scan, a team of a school's, or the one unit of a scan without
/// subgroups. Each has its own shared link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRecord {
    pub id: i64,
    pub scan_id: i64,
    pub school_id: Option<SchoolId>,
    pub label: String,
    pub position: i64,
    /// The shared link's token (see the migration for why it is kept as it is).
    pub share_token: String,
}

/// A scan with how far it got: links made (mailed or opened through a shared link) and
/// responses in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanSummary {
    pub scan: ScanRecord,
    pub links: i64,
    pub invited: i64,
    pub answered: i64,
}

/// What starting a scan stores.
#[derive(Debug, Clone)]
pub struct NewScan<'a> {
    pub person: PersonId,
    pub organisation: OrganisationId,
    pub questionnaire_id: &'a str,
    pub content_fingerprint: &'a str,
    pub title: &'a str,
    pub threshold: i64,
    pub closes_at: i64,
    pub now: i64,
    /// Per unit: its school, its label and its shared link's token.
    pub units: Vec<NewUnit<'a>>,
}

#[derive(Debug, Clone)]
pub struct NewUnit<'a> {
    pub school: Option<SchoolId>,
    pub label: &'a str,
    pub share_token: &'a str,
}

macro_rules! scan_columns {
    () => {
        "s.id, s.person_id, s.organisation_id, s.questionnaire_id, s.content_fingerprint, \
         s.title, s.threshold, s.closes_at, s.state, s.created_at, s.released_at"
    };
}
use scan_columns;

impl Store {
    /// Starts a scan with its units, open at once; its id.
    pub async fn create_scan(&self, new: &NewScan<'_>) -> Result<i64, StoreError> {
        let mut tx = self.writer().begin().await?;
        let id: i64 = sqlx::query(
            "INSERT INTO space_scans (person_id, organisation_id, questionnaire_id, \
                 content_fingerprint, title, threshold, closes_at, state, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8) RETURNING id",
        )
        .bind(new.person.get())
        .bind(new.organisation.get())
        .bind(new.questionnaire_id)
        .bind(new.content_fingerprint)
        .bind(new.title)
        .bind(new.threshold)
        .bind(new.closes_at)
        .bind(new.now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        for (position, unit) in new.units.iter().enumerate() {
            sqlx::query(
                "INSERT INTO space_scan_units (scan_id, school_id, label, position, share_token) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(unit.school.map(SchoolId::get))
            .bind(unit.label)
            .bind(position as i64)
            .bind(unit.share_token)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Any scan by id; who may see it is the app's call.
    pub async fn scan(&self, id: i64) -> Result<Option<ScanRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            scan_columns!(),
            " FROM space_scans s WHERE s.id = $1"
        ))
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(scan_from).transpose()
    }

    /// An owner's scans, newest first, with their counts.
    pub async fn scans_of(&self, person: PersonId) -> Result<Vec<ScanSummary>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            scan_columns!(),
            ", (SELECT COUNT(*) FROM space_scan_links l WHERE l.scan_id = s.id) AS links, \
             (SELECT COUNT(*) FROM space_scan_links l \
                 WHERE l.scan_id = s.id AND l.email IS NOT NULL) AS invited, \
             COALESCE(s.respondents, (SELECT COUNT(*) FROM space_scan_responses r \
                 WHERE r.scan_id = s.id)) AS answered \
             FROM space_scans s WHERE s.person_id = $1 ORDER BY s.created_at DESC, s.id DESC"
        ))
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ScanSummary {
                    scan: scan_from(row)?,
                    links: row.try_get("links")?,
                    invited: row.try_get("invited")?,
                    answered: row.try_get("answered")?,
                })
            })
            .collect()
    }

    /// A scan's units in their order.
    pub async fn units_of(&self, scan: i64) -> Result<Vec<UnitRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, scan_id, school_id, label, position, share_token FROM space_scan_units \
             WHERE scan_id = $1 ORDER BY position",
        )
        .bind(scan)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(UnitRecord {
                    id: row.try_get("id")?,
                    scan_id: row.try_get("scan_id")?,
                    school_id: row.try_get::<Option<i64>, _>("school_id")?.map(SchoolId),
                    label: row.try_get("label")?,
                    position: row.try_get("position")?,
                    share_token: row.try_get("share_token")?,
                })
            })
            .collect()
    }

    /// Gives a unit a new shared link (the old one stops working); `false` when the unit is
    /// not of an open scan of `owner`.
    pub async fn replace_share_link(
        &self,
        owner: PersonId,
        unit: i64,
        share_token: &str,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE space_scan_units SET share_token = $3 WHERE id = $2 AND EXISTS \
             (SELECT 1 FROM space_scans s WHERE s.id = space_scan_units.scan_id \
                 AND s.person_id = $1 AND s.state = 'open')",
        )
        .bind(owner.get())
        .bind(unit)
        .bind(share_token)
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Deletes an owner's scan with everything in it; `false` when there was none.
    pub async fn delete_scan(&self, owner: PersonId, scan: i64) -> Result<bool, StoreError> {
        let result = sqlx::query("DELETE FROM space_scans WHERE id = $1 AND person_id = $2")
            .bind(scan)
            .bind(owner.get())
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }
}

fn scan_from(row: &AnyRow) -> Result<ScanRecord, StoreError> {
    Ok(ScanRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        organisation_id: OrganisationId(row.try_get("organisation_id")?),
        questionnaire_id: row.try_get("questionnaire_id")?,
        content_fingerprint: row.try_get("content_fingerprint")?,
        title: row.try_get("title")?,
        threshold: row.try_get("threshold")?,
        closes_at: row.try_get("closes_at")?,
        state: ScanState::from_code(&row.try_get::<String, _>("state")?)?,
        created_at: row.try_get("created_at")?,
        released_at: row.try_get("released_at")?,
    })
}
