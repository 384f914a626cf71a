//! Submitting a link: in one transaction the draft becomes an anonymous response and the
//! link is marked answered. The response names only its round and group, under a random id
//! the caller chose; its tables keep no time and no order of arrival, so nothing in them
//! leads back to the link once the draft rows are gone.
//!
//! It is the hottest write of a round (a staff meeting submits together, an 80-card form at a
//! time), so its cost does not grow with the form: four calls on SQLite (begin, claim, the
//! rest, commit), five on PostgreSQL. The answers a request brings travel as one JSON
//! parameter that one statement unpacks: not a statement per card, and not a multi-row
//! `VALUES` either, whose 160 parameters SQLite looks up by name one by one (a tenth of the
//! time went there). Measured on SQLite: about 0.7 ms for an 80-answer form, most of it
//! the calls to the connection's thread and the commit.

use std::collections::HashSet;

use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row, Transaction};

use super::{Change, locking};
use crate::{Backend, Store, StoreError};

/// Marks the link answered if it is unanswered in an open round, and says where its response
/// belongs. Done first: on PostgreSQL it locks the link (drafts wait) and shares the round's
/// lock (a release waits for this submission, and counts its response).
const CLAIM: super::Locking = locking!(
    "UPDATE feedback_links SET answered = 1 \
     WHERE id = $1 AND answered = 0 AND EXISTS (SELECT 1 FROM feedback_rounds r \
         WHERE r.id = feedback_links.round_id AND r.state = 'open'",
    "FOR SHARE",
    ") RETURNING round_id, group_id"
);

/// The rest of a submission, on SQLite in one call: seven statements in one string, which
/// sqlx runs in turn, each binding the `$n` it names. `$1` the response, `$2` the link, `$3`
/// the round, `$4` the group, `$5` the answers the request brings (a JSON array of
/// `[card, answer]`), `$6` its comments (`[domain, text]`). They go into the draft first;
/// the draft then goes into the response, and is deleted. Empty comments stay behind: they
/// are no comment.
const MOVE_SQLITE: &str = "\
    INSERT INTO feedback_drafts (link_id, card_id, answer) \
        SELECT $2, json_extract(value, '$[0]'), json_extract(value, '$[1]') \
        FROM json_each($5) WHERE true \
        ON CONFLICT (link_id, card_id) DO UPDATE SET answer = excluded.answer; \
    INSERT INTO feedback_draft_comments (link_id, domain_id, text) \
        SELECT $2, json_extract(value, '$[0]'), json_extract(value, '$[1]') \
        FROM json_each($6) WHERE true \
        ON CONFLICT (link_id, domain_id) DO UPDATE SET text = excluded.text; \
    INSERT INTO feedback_responses (id, round_id, group_id) VALUES ($1, $3, $4); \
    INSERT INTO feedback_response_answers (response_id, card_id, answer) \
        SELECT $1, card_id, answer FROM feedback_drafts WHERE link_id = $2; \
    INSERT INTO feedback_response_comments (response_id, domain_id, text) \
        SELECT $1, domain_id, text FROM feedback_draft_comments \
        WHERE link_id = $2 AND text <> ''; \
    DELETE FROM feedback_drafts WHERE link_id = $2; \
    DELETE FROM feedback_draft_comments WHERE link_id = $2";

/// On PostgreSQL a string of statements takes no parameters, and the parts of one statement
/// all see the tables as they were when it began; so two statements: the request's answers
/// and comments into the draft (`$1` the link, `$2` and `$3` as `$5` and `$6` above) …
const DRAFT_POSTGRES: &str = "\
    WITH answers AS ( \
        INSERT INTO feedback_drafts (link_id, card_id, answer) \
        SELECT $1, e->>0, CAST(e->>1 AS BIGINT) FROM json_array_elements(CAST($2 AS json)) e \
        ON CONFLICT (link_id, card_id) DO UPDATE SET answer = excluded.answer) \
    INSERT INTO feedback_draft_comments (link_id, domain_id, text) \
    SELECT $1, e->>0, e->>1 FROM json_array_elements(CAST($3 AS json)) e \
    ON CONFLICT (link_id, domain_id) DO UPDATE SET text = excluded.text";

/// … and the draft into the response and gone (`$1` … `$4` as above).
const MOVE_POSTGRES: &str = "\
    WITH response AS ( \
        INSERT INTO feedback_responses (id, round_id, group_id) VALUES ($1, $3, $4) \
        RETURNING id), \
    answers AS (DELETE FROM feedback_drafts WHERE link_id = $2 RETURNING card_id, answer), \
    comments AS (DELETE FROM feedback_draft_comments WHERE link_id = $2 \
        RETURNING domain_id, text), \
    copied AS (INSERT INTO feedback_response_answers (response_id, card_id, answer) \
        SELECT r.id, a.card_id, a.answer FROM response r, answers a) \
    INSERT INTO feedback_response_comments (response_id, domain_id, text) \
    SELECT r.id, c.domain_id, c.text FROM response r, comments c WHERE c.text <> ''";

impl Store {
    /// Submits a link's answers as response `response_id` (32 random hex characters, chosen
    /// by the caller). `answers` and `comments`, when given, are saved into the draft first,
    /// so a whole form can come in one request; the draft then moves into the response.
    /// `AlreadySubmitted`: the link answered before; `WrongState`: the round is not open.
    /// [`StoreError::Conflict`]: the response id is taken (choose another).
    pub async fn submit(
        &self,
        link: i64,
        response_id: &str,
        answers: Option<&[(String, i64)]>,
        comments: Option<&[(String, String)]>,
    ) -> Result<Change<()>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let claimed = sqlx::query(CLAIM.on(self.backend))
            .bind(link)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(claimed) = claimed else {
            drop(tx);
            return self.link_refusal(link).await.map(refused);
        };
        let moved = Moved {
            response_id,
            link,
            round: claimed.try_get("round_id")?,
            group: claimed.try_get("group_id")?,
        };
        self.move_draft(&mut tx, &moved, answers, comments)
            .await
            .map_err(StoreError::from_insert)?;
        tx.commit().await?;
        Ok(Change::Done(()))
    }

    /// Writes the request's answers and comments into the draft, then the draft into the
    /// response, and deletes it.
    async fn move_draft(
        &self,
        tx: &mut Transaction<'_, Any>,
        moved: &Moved<'_>,
        answers: Option<&[(String, i64)]>,
        comments: Option<&[(String, String)]>,
    ) -> Result<(), sqlx::Error> {
        let given = answers.is_some() || comments.is_some();
        let answers = json_rows(answers.unwrap_or_default());
        let comments = json_rows(comments.unwrap_or_default());
        match self.backend {
            Backend::Sqlite => {
                moved
                    .bind(sqlx::query(MOVE_SQLITE))
                    .bind(answers)
                    .bind(comments)
                    .execute(&mut **tx)
                    .await?;
            }
            Backend::Postgres => {
                if given {
                    sqlx::query(DRAFT_POSTGRES)
                        .bind(moved.link)
                        .bind(answers)
                        .bind(comments)
                        .execute(&mut **tx)
                        .await?;
                }
                moved
                    .bind(sqlx::query(MOVE_POSTGRES))
                    .execute(&mut **tx)
                    .await?;
            }
        }
        Ok(())
    }
}

/// Where a link's draft goes.
struct Moved<'a> {
    response_id: &'a str,
    link: i64,
    round: i64,
    group: i64,
}

impl<'a> Moved<'a> {
    /// Binds `$1` … `$4` of the statements above.
    fn bind(&self, query: Query<'a, Any, AnyArguments>) -> Query<'a, Any, AnyArguments> {
        query
            .bind(self.response_id)
            .bind(self.link)
            .bind(self.round)
            .bind(self.group)
    }
}

/// Rows as the JSON array the statements read: `[[key, value], …]`. A key given twice keeps
/// its last value (PostgreSQL refuses to change a row twice in one statement).
fn json_rows<V: Serialize>(rows: &[(String, V)]) -> String {
    let mut seen = HashSet::new();
    let mut last: Vec<&(String, V)> = rows
        .iter()
        .rev()
        .filter(|(key, _)| seen.insert(key))
        .collect();
    last.reverse();
    // Strings and numbers only: this cannot fail.
    serde_json::to_string(&last).unwrap_or_else(|_| "[]".to_owned())
}

/// A refusal as [`Store::link_refusal`] finds it; `Done` there means the claim lost a race
/// that has since settled, which is a refusal all the same.
fn refused(why: Change<()>) -> Change<()> {
    match why {
        Change::Done(()) => Change::WrongState,
        other => other,
    }
}
