//! Release: the app reads a round's responses, computes the report, and hands it back; in
//! one transaction the round closes, the report is stored as a snapshot and every response
//! and draft of the round is deleted. From then on only the report says anything about what
//! the raters answered, and only as far as the anonymity rules let it.

use std::collections::BTreeMap;

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{Change, RoundRecord, round_columns, round_from};
use crate::{Store, StoreError};

/// A round as the readers of its report need it, in two reads: the report page is read far
/// more often than anything else of a round.
#[derive(Debug, Clone)]
pub struct ReportReading {
    pub round: RoundRecord,
    pub leader_name: String,
    /// When it was released and the snapshot, once it is.
    pub report: Option<(i64, String)>,
    /// Whom the leader shared it with, in the order they did, with their names.
    pub viewers: Vec<(PersonId, String)>,
}

/// One anonymous response: its group, answers by card id, comments by domain id (`""`: the
/// general comment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseRecord {
    pub group_id: i64,
    pub answers: Vec<(String, i64)>,
    pub comments: Vec<(String, String)>,
}

/// A round's responses with their answers and comments, in one statement: `r` a response
/// (`n` its group), `a` an answer (`k` the card, `n` the answer), `c` a comment (`k` the
/// domain, `t` the text).
const RESPONSES: &str = "\
    SELECT 'r' AS kind, s.id AS response_id, s.group_id AS n, '' AS k, '' AS t \
    FROM feedback_responses s WHERE s.round_id = $1 \
    UNION ALL \
    SELECT 'a', a.response_id, a.answer, a.card_id, '' \
    FROM feedback_response_answers a JOIN feedback_responses s ON s.id = a.response_id \
    WHERE s.round_id = $1 \
    UNION ALL \
    SELECT 'c', c.response_id, CAST(NULL AS BIGINT), c.domain_id, c.text \
    FROM feedback_response_comments c JOIN feedback_responses s ON s.id = c.response_id \
    WHERE s.round_id = $1";

/// What release deletes, `$1` the round: the responses with their answers and comments, and
/// the drafts of links that never submitted.
const RAW_ANSWERS: [&str; 5] = [
    "DELETE FROM feedback_response_answers WHERE response_id IN \
     (SELECT id FROM feedback_responses WHERE round_id = $1)",
    "DELETE FROM feedback_response_comments WHERE response_id IN \
     (SELECT id FROM feedback_responses WHERE round_id = $1)",
    "DELETE FROM feedback_responses WHERE round_id = $1",
    "DELETE FROM feedback_drafts WHERE link_id IN \
     (SELECT id FROM feedback_links WHERE round_id = $1)",
    "DELETE FROM feedback_draft_comments WHERE link_id IN \
     (SELECT id FROM feedback_links WHERE round_id = $1)",
];

impl Store {
    /// A round's responses ordered by their random ids: an order that says nothing about
    /// who answered when.
    pub async fn responses_of(&self, round: i64) -> Result<Vec<ResponseRecord>, StoreError> {
        let rows = sqlx::query(RESPONSES)
            .bind(round)
            .fetch_all(self.reader())
            .await?;
        let mut responses: BTreeMap<String, ResponseRecord> = BTreeMap::new();
        for row in &rows {
            let id: String = row.try_get("response_id")?;
            let response = responses.entry(id).or_default();
            match row.try_get::<String, _>("kind")?.as_str() {
                "r" => response.group_id = row.try_get("n")?,
                "a" => response
                    .answers
                    .push((row.try_get("k")?, row.try_get("n")?)),
                _ => response
                    .comments
                    .push((row.try_get("k")?, row.try_get("t")?)),
            }
        }
        Ok(responses
            .into_values()
            .map(|mut response| {
                response.answers.sort();
                response.comments.sort();
                response
            })
            .collect())
    }

    /// Closes an open round and stores its report, deleting the raw answers. `closer`: the
    /// owner when the leader closes it early (another person's round is `NotFound`), `None`
    /// when the schedule closes it at its closing moment. `responses` is how many responses
    /// the report was computed from: when more have come in since (a rater submitting at the
    /// last moment), nothing changes and the answer is `ResponsesChanged`, so the caller
    /// computes again rather than deleting a response its report never counted.
    pub async fn release(
        &self,
        round: i64,
        closer: Option<PersonId>,
        snapshot: &str,
        responses: usize,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let closer = closer.map(PersonId::get);
        let mut tx = self.writer().begin().await?;
        let closed = sqlx::query(
            "UPDATE feedback_rounds SET state = 'gesloten', closed_at = $1 \
             WHERE id = $2 AND state = 'open' AND ($3 IS NULL OR person_id = $3)",
        )
        .bind(now)
        .bind(round)
        .bind(closer)
        .execute(&mut *tx)
        .await?;
        if closed.rows_affected() != 1 {
            let row = sqlx::query(
                "SELECT state FROM feedback_rounds \
                 WHERE id = $1 AND ($2 IS NULL OR person_id = $2)",
            )
            .bind(round)
            .bind(closer)
            .fetch_optional(&mut *tx)
            .await?;
            return Ok(row.map_or(Change::NotFound, |_| Change::WrongState));
        }
        // On PostgreSQL the update above waited for every submission under way in the round
        // (each shares the round's row lock), so this count sees them all.
        let row = sqlx::query("SELECT COUNT(*) AS n FROM feedback_responses WHERE round_id = $1")
            .bind(round)
            .fetch_one(&mut *tx)
            .await?;
        if usize::try_from(row.try_get::<i64, _>("n")?).ok() != Some(responses) {
            return Ok(Change::ResponsesChanged);
        }
        sqlx::query(
            "INSERT INTO feedback_reports (round_id, released_at, snapshot) VALUES ($1, $2, $3)",
        )
        .bind(round)
        .bind(now)
        .bind(snapshot)
        .execute(&mut *tx)
        .await?;
        for statement in RAW_ANSWERS {
            sqlx::query(statement).bind(round).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Change::Done(()))
    }

    /// The stored report of a released round: when it was released, and the snapshot (JSON).
    pub async fn report_of(&self, round: i64) -> Result<Option<(i64, String)>, StoreError> {
        let row =
            sqlx::query("SELECT released_at, snapshot FROM feedback_reports WHERE round_id = $1")
                .bind(round)
                .fetch_optional(self.reader())
                .await?;
        row.map(|row| Ok((row.try_get("released_at")?, row.try_get("snapshot")?)))
            .transpose()
    }

    /// Round `round` with its leader's name, its report and whom it is shared with.
    pub async fn report_reading(&self, round: i64) -> Result<Option<ReportReading>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            round_columns!(),
            ", p.name AS leader_name, rep.released_at, rep.snapshot \
             FROM feedback_rounds r JOIN people p ON p.id = r.person_id \
             LEFT JOIN feedback_reports rep ON rep.round_id = r.id WHERE r.id = $1"
        ))
        .bind(round)
        .fetch_optional(self.reader())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let released_at: Option<i64> = row.try_get("released_at")?;
        let snapshot: Option<String> = row.try_get("snapshot")?;
        let viewers = sqlx::query(
            "SELECT s.viewer_id, p.name FROM feedback_shares s \
             JOIN people p ON p.id = s.viewer_id \
             WHERE s.round_id = $1 ORDER BY s.shared_at, s.viewer_id",
        )
        .bind(round)
        .fetch_all(self.reader())
        .await?
        .iter()
        .map(|row| Ok((PersonId(row.try_get("viewer_id")?), row.try_get("name")?)))
        .collect::<Result<_, StoreError>>()?;
        Ok(Some(ReportReading {
            round: round_from(&row)?,
            leader_name: row.try_get("leader_name")?,
            report: released_at.zip(snapshot),
            viewers,
        }))
    }
}
