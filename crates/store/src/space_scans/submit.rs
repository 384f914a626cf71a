//! Submitting a link: in one transaction the link is marked answered, the response is stored
//! under a random id with its scan and unit only, and the draft is deleted. On PostgreSQL the
//! claim shares the scan's lock, so a close waits for this submission and counts it.

use sqlx::Row;

use super::Change;
use crate::{Backend, Store, StoreError};

/// Marks the link `$1` answered if it is unanswered and its scan open until after `$2`; says
/// where its response belongs.
const CLAIM_SQLITE: &str = "\
    UPDATE space_scan_links SET answered = 1 \
    WHERE id = $1 AND answered = 0 AND EXISTS (SELECT 1 FROM space_scans s \
        WHERE s.id = space_scan_links.scan_id AND s.state = 'open' AND s.closes_at > $2) \
    RETURNING scan_id, unit_id";

const CLAIM_POSTGRES: &str = "\
    UPDATE space_scan_links SET answered = 1 \
    WHERE id = $1 AND answered = 0 AND EXISTS (SELECT 1 FROM space_scans s \
        WHERE s.id = space_scan_links.scan_id AND s.state = 'open' AND s.closes_at > $2 \
        FOR SHARE) \
    RETURNING scan_id, unit_id";

impl Store {
    /// Stores `body` as the link's response under `response_id` (32 random hex digits) and
    /// forgets its draft. A link already answered, or a scan no longer taking answers, is
    /// refused and changes nothing.
    pub async fn submit_scan_response(
        &self,
        link: i64,
        now: i64,
        response_id: &str,
        body: &str,
    ) -> Result<Change<()>, StoreError> {
        let claim = match self.backend {
            Backend::Sqlite => CLAIM_SQLITE,
            Backend::Postgres => CLAIM_POSTGRES,
        };
        let mut tx = self.writer().begin().await?;
        let claimed = sqlx::query(claim)
            .bind(link)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(claimed) = claimed else {
            drop(tx);
            return self.scan_link_refusal(link, now).await.map(|refusal| {
                // The claim found nothing to claim, so something refuses it.
                if refusal == Change::Done(()) {
                    Change::WrongState
                } else {
                    refusal
                }
            });
        };
        let scan: i64 = claimed.try_get("scan_id")?;
        let unit: i64 = claimed.try_get("unit_id")?;
        sqlx::query(
            "INSERT INTO space_scan_responses (id, scan_id, unit_id, body) VALUES ($1, $2, $3, $4)",
        )
        .bind(response_id)
        .bind(scan)
        .bind(unit)
        .bind(body)
        .execute(&mut *tx)
        .await
        .map_err(StoreError::from_insert)?;
        sqlx::query("DELETE FROM space_scan_drafts WHERE link_id = $1")
            .bind(link)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Change::Done(()))
    }
}
