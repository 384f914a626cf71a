//! A board member's estimate of a scan in their organisation: the same statements as the
//! owner's estimate, one at a time and autosaved, by each board member apart. Whether the
//! person is a board member of the scan's organisation is the app's call; the store keeps the
//! rows apart per person and lets them change only while the scan is open. On PostgreSQL a
//! write shares the scan's lock, so closing the scan for release waits for it and every
//! estimate the release reads is final.

use leidraad_domain::accounts::{OrganisationId, PersonId};
use serde::Serialize;
use sqlx::Row;

use super::{Change, ScanRecord, ScanState, scan_from};
use crate::feedback::{Locking, locking};
use crate::{Store, StoreError};

/// One board member's estimate of a scan, for the release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardEstimateRecord {
    pub person: PersonId,
    /// The name the board member goes by now.
    pub name: String,
    /// Statement id and answer code, by statement.
    pub answers: Vec<(String, String)>,
}

/// A scan of someone else in an organisation, as a board member lists it: how many answered
/// (never who) and how far their own estimate got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardScanSummary {
    pub scan: ScanRecord,
    pub answered: i64,
    /// Statements this board member estimated.
    pub estimated: i64,
}

/// A board member's estimate of one scan, for their own export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportedBoardEstimate {
    pub scan_id: i64,
    pub title: String,
    /// Statement id and answer code.
    pub answers: Vec<(String, String)>,
}

/// Saves `$4` for statement `$3` of `$2` on scan `$1`, while the scan is open.
const SAVE: Locking = locking!(
    "INSERT INTO space_scan_board_estimates (scan_id, person_id, statement_id, answer) \
     SELECT s.id, $2, $3, $4 FROM space_scans s WHERE s.id = $1 AND s.state = 'open'",
    "FOR SHARE OF s",
    "ON CONFLICT (scan_id, person_id, statement_id) DO UPDATE SET answer = excluded.answer"
);

const TAKE_BACK: Locking = locking!(
    "DELETE FROM space_scan_board_estimates \
     WHERE scan_id = $1 AND person_id = $2 AND statement_id = $3 \
     AND EXISTS (SELECT 1 FROM space_scans s WHERE s.id = $1 AND s.state = 'open'",
    "FOR SHARE",
    ")"
);

impl Store {
    /// Saves (or, with an empty answer, takes back) `person`'s estimate of one statement.
    /// `WrongState` once the scan is closed for release or released.
    pub async fn save_board_estimate(
        &self,
        person: PersonId,
        scan: i64,
        statement: &str,
        answer: &str,
    ) -> Result<Change<()>, StoreError> {
        let result = if answer.is_empty() {
            sqlx::query(TAKE_BACK.on(self.backend))
                .bind(scan)
                .bind(person.get())
                .bind(statement)
                .execute(self.writer())
                .await?
        } else {
            sqlx::query(SAVE.on(self.backend))
                .bind(scan)
                .bind(person.get())
                .bind(statement)
                .bind(answer)
                .execute(self.writer())
                .await?
        };
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        // Nothing written: no such scan, one no longer open, or nothing to take back.
        let state = sqlx::query("SELECT state FROM space_scans WHERE id = $1")
            .bind(scan)
            .fetch_optional(self.writer())
            .await?
            .map(|row| row.try_get::<String, _>("state"))
            .transpose()?;
        Ok(match state.as_deref() {
            None => Change::NotFound,
            Some(state) if state == ScanState::Open.code() => Change::Done(()),
            Some(_) => Change::WrongState,
        })
    }

    /// `person`'s estimate of a scan so far, by statement.
    pub async fn board_estimate(
        &self,
        scan: i64,
        person: PersonId,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT statement_id, answer FROM space_scan_board_estimates \
             WHERE scan_id = $1 AND person_id = $2 ORDER BY statement_id",
        )
        .bind(scan)
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("statement_id")?, row.try_get("answer")?)))
            .collect()
    }

    /// Every board member's estimate of a scan, by name, with their name. Read through the
    /// writer, so that it sees the close that came just before the release.
    pub async fn board_estimates(&self, scan: i64) -> Result<Vec<BoardEstimateRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.person_id, p.name, e.statement_id, e.answer \
             FROM space_scan_board_estimates e JOIN people p ON p.id = e.person_id \
             WHERE e.scan_id = $1 ORDER BY p.name, e.person_id, e.statement_id",
        )
        .bind(scan)
        .fetch_all(self.writer())
        .await?;
        let mut estimates: Vec<BoardEstimateRecord> = Vec::new();
        for row in &rows {
            let person = PersonId(row.try_get("person_id")?);
            let answer = (row.try_get("statement_id")?, row.try_get("answer")?);
            match estimates.last_mut() {
                Some(last) if last.person == person => last.answers.push(answer),
                _ => estimates.push(BoardEstimateRecord {
                    person,
                    name: row.try_get("name")?,
                    answers: vec![answer],
                }),
            }
        }
        Ok(estimates)
    }

    /// The scans of an organisation that `person` does not own, newest first, with how many
    /// answered and how many statements `person` estimated.
    pub async fn board_scans(
        &self,
        organisation: OrganisationId,
        person: PersonId,
    ) -> Result<Vec<BoardScanSummary>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            super::scan_columns!(),
            ", COALESCE(s.respondents, (SELECT COUNT(*) FROM space_scan_responses r \
                 WHERE r.scan_id = s.id)) AS answered, \
             (SELECT COUNT(*) FROM space_scan_board_estimates e \
                 WHERE e.scan_id = s.id AND e.person_id = $2) AS estimated \
             FROM space_scans s WHERE s.organisation_id = $1 AND s.person_id <> $2 \
             ORDER BY s.created_at DESC, s.id DESC"
        ))
        .bind(organisation.get())
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(BoardScanSummary {
                    scan: scan_from(row)?,
                    answered: row.try_get("answered")?,
                    estimated: row.try_get("estimated")?,
                })
            })
            .collect()
    }

    /// Every scan `person` estimated as a board member, with their answers: for their export,
    /// and to take their estimate out of released results when they leave.
    pub async fn board_estimates_of(
        &self,
        person: PersonId,
    ) -> Result<Vec<ExportedBoardEstimate>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.id, s.title, e.statement_id, e.answer \
             FROM space_scan_board_estimates e JOIN space_scans s ON s.id = e.scan_id \
             WHERE e.person_id = $1 ORDER BY s.id, e.statement_id",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        let mut scans: Vec<ExportedBoardEstimate> = Vec::new();
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let answer = (row.try_get("statement_id")?, row.try_get("answer")?);
            match scans.last_mut() {
                Some(last) if last.scan_id == id => last.answers.push(answer),
                _ => scans.push(ExportedBoardEstimate {
                    scan_id: id,
                    title: row.try_get("title")?,
                    answers: vec![answer],
                }),
            }
        }
        Ok(scans)
    }

    /// Replaces a released scan's stored results (taking a departed board member's estimate
    /// out of them); `false` when the scan has none.
    pub async fn replace_scan_results(
        &self,
        scan: i64,
        snapshot: &str,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query("UPDATE space_scan_results SET snapshot = $2 WHERE scan_id = $1")
            .bind(scan)
            .bind(snapshot)
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }
}
