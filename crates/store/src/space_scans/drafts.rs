//! A respondent's draft, one item at a time, so that a save never touches what it did not
//! name; a text is replaced only where it still holds what the writer last saw. Each write
//! lands only while the link is unanswered and its scan open before its closing; on
//! PostgreSQL it shares the locks of both rows, so it waits for a submission or a close under
//! way and then finds it may no longer write.

use sqlx::Row;

use super::{Change, ScanState};
use crate::feedback::{Locking, locking};
use crate::{Store, StoreError};

/// One saved item of a draft: `s:<statement>`, `r:<role>`, `o:<open question>` or `anders`,
/// as the migration describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftItem {
    pub item: String,
    pub value: String,
}

/// The rows a draft write may land on: `l` the link `$1`, unanswered, its scan `s` open until
/// after `$2`.
macro_rules! writable_link {
    () => {
        "FROM space_scan_links l JOIN space_scans s ON s.id = l.scan_id \
         WHERE l.id = $1 AND l.answered = 0 AND s.state = 'open' AND s.closes_at > $2"
    };
}

const SAVE: Locking = locking!(
    concat!(
        "INSERT INTO space_scan_drafts (link_id, item, value) SELECT l.id, $3, $4 ",
        writable_link!()
    ),
    "FOR SHARE OF l, s",
    "ON CONFLICT (link_id, item) DO UPDATE SET value = excluded.value"
);

/// The same, for a text: replaced only where it still holds `$5`, checked again on the row
/// itself, so of two saves racing from the same text only one lands.
const SAVE_TEXT: Locking = locking!(
    concat!(
        "INSERT INTO space_scan_drafts (link_id, item, value) SELECT l.id, $3, $4 ",
        writable_link!(),
        " AND COALESCE((SELECT d.value FROM space_scan_drafts d \
             WHERE d.link_id = $1 AND d.item = $3), '') = $5"
    ),
    "FOR SHARE OF l, s",
    "ON CONFLICT (link_id, item) DO UPDATE SET value = excluded.value \
     WHERE space_scan_drafts.value = $5"
);

impl Store {
    /// Saves one item; an empty value takes it back. With `base`, a text that is no longer
    /// `base` is left alone and the refusal is `Change::ResponsesChanged` ("someone else wrote
    /// here meanwhile"), so the caller can offer both.
    pub async fn save_scan_draft(
        &self,
        link: i64,
        now: i64,
        item: &str,
        value: &str,
        base: Option<&str>,
    ) -> Result<Change<()>, StoreError> {
        let result = match (value.is_empty(), base) {
            (true, base) => {
                sqlx::query(concat!(
                    "DELETE FROM space_scan_drafts WHERE link_id = $1 AND item = $3 \
                     AND value = COALESCE($4, value) AND EXISTS (SELECT 1 ",
                    writable_link!(),
                    ")"
                ))
                .bind(link)
                .bind(now)
                .bind(item)
                .bind(base)
                .execute(self.writer())
                .await?
            }
            (false, None) => {
                sqlx::query(SAVE.on(self.backend))
                    .bind(link)
                    .bind(now)
                    .bind(item)
                    .bind(value)
                    .execute(self.writer())
                    .await?
            }
            (false, Some(base)) => {
                sqlx::query(SAVE_TEXT.on(self.backend))
                    .bind(link)
                    .bind(now)
                    .bind(item)
                    .bind(value)
                    .bind(base)
                    .execute(self.writer())
                    .await?
            }
        };
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        let refusal = self.scan_link_refusal(link, now).await?;
        if refusal != Change::Done(()) {
            return Ok(refusal);
        }
        let held = self.scan_draft_item(link, item).await?;
        let unchanged = match base {
            Some(base) => held.as_deref().unwrap_or("") == base,
            None => true,
        };
        Ok(if unchanged || held.as_deref() == Some(value) {
            Change::Done(())
        } else {
            Change::ResponsesChanged
        })
    }

    /// Deletes the draft of an unanswered link (someone else at the same browser starts
    /// over); `false` when the link has answered or does not exist.
    pub async fn forget_scan_draft(&self, link: i64) -> Result<bool, StoreError> {
        let unanswered = sqlx::query("SELECT answered FROM space_scan_links WHERE id = $1")
            .bind(link)
            .fetch_optional(self.writer())
            .await?
            .map(|row| row.try_get::<i64, _>("answered"))
            .transpose()?
            == Some(0);
        if unanswered {
            sqlx::query("DELETE FROM space_scan_drafts WHERE link_id = $1")
                .bind(link)
                .execute(self.writer())
                .await?;
        }
        Ok(unanswered)
    }

    /// The link's draft, by item.
    pub async fn scan_draft(&self, link: i64) -> Result<Vec<DraftItem>, StoreError> {
        let rows = sqlx::query(
            "SELECT item, value FROM space_scan_drafts WHERE link_id = $1 ORDER BY item",
        )
        .bind(link)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DraftItem {
                    item: row.try_get("item")?,
                    value: row.try_get("value")?,
                })
            })
            .collect()
    }

    /// One item as the writer holds it now.
    pub async fn scan_draft_item(
        &self,
        link: i64,
        item: &str,
    ) -> Result<Option<String>, StoreError> {
        let row =
            sqlx::query("SELECT value FROM space_scan_drafts WHERE link_id = $1 AND item = $2")
                .bind(link)
                .bind(item)
                .fetch_optional(self.writer())
                .await?;
        row.map(|row| row.try_get("value"))
            .transpose()
            .map_err(Into::into)
    }

    /// Why a respondent's write touched nothing: no such link, its answers are in already,
    /// or the scan takes no answers. `Done` when none of these holds.
    pub(super) async fn scan_link_refusal(
        &self,
        link: i64,
        now: i64,
    ) -> Result<Change<()>, StoreError> {
        let row = sqlx::query(
            "SELECT l.answered, s.state, s.closes_at FROM space_scan_links l \
             JOIN space_scans s ON s.id = l.scan_id WHERE l.id = $1",
        )
        .bind(link)
        .fetch_optional(self.writer())
        .await?;
        let Some(row) = row else {
            return Ok(Change::NotFound);
        };
        if row.try_get::<i64, _>("answered")? == 1 {
            return Ok(Change::AlreadySubmitted);
        }
        let open = row.try_get::<String, _>("state")? == ScanState::Open.code()
            && row.try_get::<i64, _>("closes_at")? > now;
        Ok(if open {
            Change::Done(())
        } else {
            Change::WrongState
        })
    }
}
