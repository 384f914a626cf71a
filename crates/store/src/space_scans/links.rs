//! A respondent's token link: mailed by the owner (with the address, so the owner can see whom
//! they invited, never who answered), or made for a browser that opened a unit's shared link.
//! Only the token's digest is stored.

use leidraad_domain::accounts::PersonId;
use sqlx::Row;

use super::{Change, ScanState};
use crate::{Store, StoreError};

/// A link as its holder reaches it: enough to open the form and to check that it may still
/// answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RespondentLink {
    pub id: i64,
    pub scan_id: i64,
    pub unit_id: i64,
    pub answered: bool,
    /// Sent by mail (to an address the link does not tell), rather than made for a browser
    /// that opened a shared link.
    pub mailed: bool,
    pub state: ScanState,
    pub closes_at: i64,
}

/// Most links one unit's shared link makes: far above any school's staff, and a stop to
/// anyone who would fill a scan by opening the link in a loop.
pub const MAX_SHARED_LINKS_PER_UNIT: i64 = 5_000;

macro_rules! link_columns {
    () => {
        "l.id, l.scan_id, l.unit_id, l.answered, CASE WHEN l.email IS NULL THEN 0 ELSE 1 END AS mailed, s.state, \
         s.closes_at \
         FROM space_scan_links l JOIN space_scans s ON s.id = l.scan_id"
    };
}

impl Store {
    /// Adds mailed links to a unit of an owner's open scan, one per `(email, token digest)`;
    /// the addresses that got one. An address the scan has already is skipped (a unique index
    /// holds that also when two invitations race), so sending the list twice invites nobody
    /// twice and only the addresses answered may be mailed.
    pub async fn add_scan_invitations(
        &self,
        owner: PersonId,
        unit: i64,
        invitations: &[(String, String)],
    ) -> Result<Change<Vec<String>>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let scan: Option<i64> = sqlx::query(
            "SELECT s.id FROM space_scans s JOIN space_scan_units u ON u.scan_id = s.id \
             WHERE u.id = $1 AND s.person_id = $2",
        )
        .bind(unit)
        .bind(owner.get())
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.try_get("id"))
        .transpose()?;
        let Some(scan) = scan else {
            return Ok(Change::NotFound);
        };
        let mut made = Vec::new();
        for (email, digest) in invitations {
            let result = sqlx::query(
                "INSERT INTO space_scan_links (scan_id, unit_id, token_digest, email, answered) \
                 SELECT $1, $2, $3, $4, 0 WHERE EXISTS (SELECT 1 FROM space_scans s \
                     WHERE s.id = $1 AND s.state = 'open') \
                 ON CONFLICT DO NOTHING",
            )
            .bind(scan)
            .bind(unit)
            .bind(digest)
            .bind(email)
            .execute(&mut *tx)
            .await?;
            if result.rows_affected() == 1 {
                made.push(email.clone());
            }
        }
        let open: bool = sqlx::query("SELECT state FROM space_scans WHERE id = $1")
            .bind(scan)
            .fetch_one(&mut *tx)
            .await?
            .try_get::<String, _>("state")?
            == ScanState::Open.code();
        tx.commit().await?;
        Ok(if open {
            Change::Done(made)
        } else {
            Change::WrongState
        })
    }

    /// The addresses invited to an owner's scan, by unit, alphabetically: never whether one
    /// answered.
    pub async fn scan_invitations(
        &self,
        owner: PersonId,
        scan: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.unit_id, l.email FROM space_scan_links l \
             JOIN space_scans s ON s.id = l.scan_id \
             WHERE l.scan_id = $1 AND s.person_id = $2 AND l.email IS NOT NULL \
             ORDER BY l.unit_id, lower(l.email)",
        )
        .bind(scan)
        .bind(owner.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("unit_id")?, row.try_get("email")?)))
            .collect()
    }

    /// The unit a shared link's digest opens, with its scan's state and closing; `None` for
    /// no such link (or one that was replaced).
    pub async fn unit_by_share(
        &self,
        share_token: &str,
    ) -> Result<Option<(i64, i64, ScanState, i64)>, StoreError> {
        let row = sqlx::query(
            "SELECT u.id, u.scan_id, s.state, s.closes_at FROM space_scan_units u \
             JOIN space_scans s ON s.id = u.scan_id WHERE u.share_token = $1",
        )
        .bind(share_token)
        .fetch_optional(self.reader())
        .await?;
        row.map(|row| {
            Ok((
                row.try_get("id")?,
                row.try_get("scan_id")?,
                ScanState::from_code(&row.try_get::<String, _>("state")?)?,
                row.try_get("closes_at")?,
            ))
        })
        .transpose()
    }

    /// Makes a link for a browser that opened a unit's shared link, while the scan is open.
    pub async fn add_shared_respondent(
        &self,
        unit: i64,
        token_digest: &str,
        now: i64,
    ) -> Result<Change<RespondentLink>, StoreError> {
        let result = sqlx::query(
            "INSERT INTO space_scan_links (scan_id, unit_id, token_digest, email, answered) \
             SELECT u.scan_id, u.id, $2, NULL, 0 FROM space_scan_units u \
             JOIN space_scans s ON s.id = u.scan_id \
             WHERE u.id = $1 AND s.state = 'open' AND s.closes_at > $3 \
             AND (SELECT COUNT(*) FROM space_scan_links c \
                 WHERE c.unit_id = $1 AND c.email IS NULL) < $4",
        )
        .bind(unit)
        .bind(token_digest)
        .bind(now)
        .bind(MAX_SHARED_LINKS_PER_UNIT)
        .execute(self.writer())
        .await
        .map_err(StoreError::from_insert)?;
        if result.rows_affected() == 0 {
            return Ok(Change::WrongState);
        }
        match self.respondent_link_from(token_digest, true).await? {
            Some(link) => Ok(Change::Done(link)),
            None => Ok(Change::NotFound),
        }
    }

    /// The link with this token digest.
    pub async fn respondent_link(
        &self,
        token_digest: &str,
    ) -> Result<Option<RespondentLink>, StoreError> {
        self.respondent_link_from(token_digest, false).await
    }

    async fn respondent_link_from(
        &self,
        token_digest: &str,
        writer: bool,
    ) -> Result<Option<RespondentLink>, StoreError> {
        let query = sqlx::query(concat!(
            "SELECT ",
            link_columns!(),
            " WHERE l.token_digest = $1"
        ))
        .bind(token_digest);
        let row = if writer {
            query.fetch_optional(self.writer()).await?
        } else {
            query.fetch_optional(self.reader()).await?
        };
        row.map(|row| {
            Ok(RespondentLink {
                id: row.try_get("id")?,
                scan_id: row.try_get("scan_id")?,
                unit_id: row.try_get("unit_id")?,
                answered: row.try_get::<i64, _>("answered")? == 1,
                mailed: row.try_get::<i64, _>("mailed")? == 1,
                state: ScanState::from_code(&row.try_get::<String, _>("state")?)?,
                closes_at: row.try_get("closes_at")?,
            })
        })
        .transpose()
    }
}
