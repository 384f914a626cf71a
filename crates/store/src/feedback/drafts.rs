//! A rater's draft: the answers and comments autosaved under their link until they submit.
//! Each write is one statement that only lands while the link is unanswered and the round
//! open; on PostgreSQL it locks both rows, so it waits for a submission or a release under
//! way and then finds it may no longer write (see [`super::Locking`]).

use sqlx::Row;

use super::{Change, RoundState, locking, state_in};
use crate::{Store, StoreError};

/// What a rater has saved so far, by card id and by domain id (`""`: the general comment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub answers: Vec<(String, i64)>,
    pub comments: Vec<(String, String)>,
}

/// The rows a draft write may land on: `l` the link `$1`, unanswered, in an open round `r`.
macro_rules! writable_link {
    () => {
        "FROM feedback_links l JOIN feedback_rounds r ON r.id = l.round_id \
         WHERE l.id = $1 AND l.answered = 0 AND r.state = 'open'"
    };
}

const SAVE_ANSWER: super::Locking = locking!(
    concat!(
        "INSERT INTO feedback_drafts (link_id, card_id, answer) SELECT l.id, $2, $3 ",
        writable_link!()
    ),
    "FOR SHARE OF l, r",
    "ON CONFLICT (link_id, card_id) DO UPDATE SET answer = excluded.answer"
);

const SAVE_COMMENT: super::Locking = locking!(
    concat!(
        "INSERT INTO feedback_draft_comments (link_id, domain_id, text) SELECT l.id, $2, $3 ",
        writable_link!()
    ),
    "FOR SHARE OF l, r",
    "ON CONFLICT (link_id, domain_id) DO UPDATE SET text = excluded.text"
);

impl Store {
    /// Saves one answer: 0 (cannot judge) or 1–4.
    pub async fn save_draft_answer(
        &self,
        link: i64,
        card: &str,
        answer: i64,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(SAVE_ANSWER.on(self.backend))
            .bind(link)
            .bind(card)
            .bind(answer)
            .execute(self.writer())
            .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.link_refusal(link).await
    }

    /// Takes an answer back: the card is unanswered again.
    pub async fn delete_draft_answer(
        &self,
        link: i64,
        card: &str,
    ) -> Result<Change<()>, StoreError> {
        let result = sqlx::query(concat!(
            "DELETE FROM feedback_drafts WHERE link_id = $1 AND card_id = $2 \
             AND EXISTS (SELECT 1 ",
            writable_link!(),
            ")"
        ))
        .bind(link)
        .bind(card)
        .execute(self.writer())
        .await?;
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.link_refusal(link).await
    }

    /// Saves the comment on a domain (`""`: the general one); an empty text removes it.
    pub async fn save_draft_comment(
        &self,
        link: i64,
        domain: &str,
        text: &str,
    ) -> Result<Change<()>, StoreError> {
        let result = if text.is_empty() {
            sqlx::query(concat!(
                "DELETE FROM feedback_draft_comments WHERE link_id = $1 AND domain_id = $2 \
                 AND EXISTS (SELECT 1 ",
                writable_link!(),
                ")"
            ))
            .bind(link)
            .bind(domain)
            .execute(self.writer())
            .await?
        } else {
            sqlx::query(SAVE_COMMENT.on(self.backend))
                .bind(link)
                .bind(domain)
                .bind(text)
                .execute(self.writer())
                .await?
        };
        if result.rows_affected() == 1 {
            return Ok(Change::Done(()));
        }
        self.link_refusal(link).await
    }

    /// The link's draft, answers by card id and comments by domain id.
    pub async fn draft_of(&self, link: i64) -> Result<Draft, StoreError> {
        let rows = sqlx::query(
            "SELECT 'a' AS kind, card_id AS key, answer, '' AS text \
             FROM feedback_drafts WHERE link_id = $1 \
             UNION ALL \
             SELECT 'c', domain_id, CAST(NULL AS BIGINT), text \
             FROM feedback_draft_comments WHERE link_id = $1",
        )
        .bind(link)
        .fetch_all(self.reader())
        .await?;
        let mut draft = Draft::default();
        for row in &rows {
            let key: String = row.try_get("key")?;
            match row.try_get::<String, _>("kind")?.as_str() {
                "a" => draft.answers.push((key, row.try_get("answer")?)),
                _ => draft.comments.push((key, row.try_get("text")?)),
            }
        }
        draft.answers.sort();
        draft.comments.sort();
        Ok(draft)
    }

    /// Why a rater's write touched nothing: no such link, its answers are in already, or the
    /// round is not open. `Done` when none of these holds: a delete found nothing to delete.
    /// Read through the writer, so it sees what the write just saw.
    pub(super) async fn link_refusal(&self, link: i64) -> Result<Change<()>, StoreError> {
        let row = sqlx::query(
            "SELECT l.answered, r.state FROM feedback_links l \
             JOIN feedback_rounds r ON r.id = l.round_id WHERE l.id = $1",
        )
        .bind(link)
        .fetch_optional(self.writer())
        .await?;
        let Some(row) = row else {
            return Ok(Change::NotFound);
        };
        if row.try_get::<i64, _>("answered")? == 1 {
            Ok(Change::AlreadySubmitted)
        } else if state_in(&row, "state")? != RoundState::Open {
            Ok(Change::WrongState)
        } else {
            Ok(Change::Done(()))
        }
    }
}
