//! Submitting a link: in one transaction the draft becomes an anonymous response and the
//! link is marked answered. The response names only its round and group, under a random id
//! the caller chose; its tables keep no time and no order of arrival, so nothing in them
//! leads back to the link once the draft rows are gone.
//!
//! It is the hottest write of a round: a staff meeting submits together, an 80-card form at
//! a time. So submissions are committed in groups ([`crate::group_commit`]), each inside a
//! savepoint of the group's transaction so that one that fails is undone alone, and its cost
//! does not grow with the form: the answers a request brings travel as one JSON parameter
//! that one statement unpacks, not a statement per card, and not a multi-row `VALUES`
//! either, whose 160 parameters SQLite looks up by name one by one (a tenth of the time went
//! there). On SQLite a whole submission is one call to the connection's thread; on
//! PostgreSQL five round trips. Measured on SQLite before grouping: about 0.7 ms of the one
//! writer's time for an 80-answer form as four calls, most of it the calls and the commit.

use std::collections::HashSet;

use serde::Serialize;
use sqlx::{AnyConnection, Connection, Row};

use super::Change;
use crate::group_commit::GroupWrite;
use crate::{Backend, Store, StoreError};

/// On PostgreSQL: marks the link answered if it is unanswered in an open round, and says
/// where its response belongs. Done first: it locks the link (drafts wait) and shares the
/// round's lock (a release waits for this submission, and counts its response).
const CLAIM: &str = "\
    UPDATE feedback_links SET answered = 1 \
    WHERE id = $1 AND answered = 0 AND EXISTS (SELECT 1 FROM feedback_rounds r \
        WHERE r.id = feedback_links.round_id AND r.state = 'open' FOR SHARE) \
    RETURNING round_id, group_id";

/// A whole submission on SQLite in one call: statements in one string, which sqlx runs in
/// turn, each binding the `$n` it names. `$1` the response, `$2` the link, `$3` the answers
/// the request brings (a JSON array of `[card, answer]`, each card once), `$4` its comments
/// (`[domain, text]`). The response is made first, only for an unanswered link of an open
/// round; every later statement acts only if it was made (the id is fresh, so it exists only
/// if this call made it). The request's answers and comments go straight into the response,
/// with the draft's for the cards and domains the request does not name (the detour through
/// the draft cost a sixth of a submission); the draft is deleted, and the link is marked
/// answered, which returns a row. Empty comments are no comment. The savepoint keeps the
/// submission whole inside the group's transaction: when a statement fails, [`UNDO_SQLITE`]
/// undoes it alone.
const SUBMIT_SQLITE: &str = "\
    SAVEPOINT submission; \
    INSERT INTO feedback_responses (id, round_id, group_id) \
        SELECT $1, l.round_id, l.group_id FROM feedback_links l \
        JOIN feedback_rounds r ON r.id = l.round_id \
        WHERE l.id = $2 AND l.answered = 0 AND r.state = 'open'; \
    INSERT INTO feedback_response_answers (response_id, card_id, answer) \
        SELECT $1, json_extract(value, '$[0]'), json_extract(value, '$[1]') \
        FROM json_each($3) WHERE EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1) \
        UNION ALL \
        SELECT $1, d.card_id, d.answer FROM feedback_drafts d \
        WHERE d.link_id = $2 AND EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1) \
        AND d.card_id NOT IN (SELECT json_extract(value, '$[0]') FROM json_each($3)); \
    INSERT INTO feedback_response_comments (response_id, domain_id, text) \
        SELECT $1, json_extract(value, '$[0]'), json_extract(value, '$[1]') \
        FROM json_each($4) WHERE json_extract(value, '$[1]') <> '' \
        AND EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1) \
        UNION ALL \
        SELECT $1, c.domain_id, c.text FROM feedback_draft_comments c \
        WHERE c.link_id = $2 AND c.text <> '' \
        AND EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1) \
        AND c.domain_id NOT IN (SELECT json_extract(value, '$[0]') FROM json_each($4)); \
    DELETE FROM feedback_drafts \
        WHERE link_id = $2 AND EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1); \
    DELETE FROM feedback_draft_comments \
        WHERE link_id = $2 AND EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1); \
    UPDATE feedback_links SET answered = 1 \
        WHERE id = $2 AND EXISTS (SELECT 1 FROM feedback_responses WHERE id = $1) \
        RETURNING id; \
    RELEASE submission";

/// Undoes a submission on SQLite whose statement failed part way.
const UNDO_SQLITE: &str = "ROLLBACK TO submission; RELEASE submission";

/// On PostgreSQL a string of statements takes no parameters, and the parts of one statement
/// all see the tables as they were when it began; so after [`CLAIM`], two statements: the
/// request's answers and comments into the draft (`$1` the link, `$2` and `$3` as `$3` and
/// `$4` above) …
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
        let submission = Submission {
            link,
            response_id: response_id.to_owned(),
            given: answers.is_some() || comments.is_some(),
            answers: json_rows(answers.unwrap_or_default()),
            comments: json_rows(comments.unwrap_or_default()),
        };
        if self.submissions.write(submission).await?? {
            Ok(Change::Done(()))
        } else {
            self.link_refusal(link).await.map(refused)
        }
    }
}

/// One submission, owned, as the group commit takes it.
pub(crate) struct Submission {
    link: i64,
    response_id: String,
    /// The request brought answers or comments (PostgreSQL then writes them into the draft).
    given: bool,
    /// JSON arrays, see [`json_rows`].
    answers: String,
    comments: String,
}

/// Submissions, committed in groups. Each outcome is whether the link was claimed (`false`:
/// it answered before, or its round is not open), or the error of that submission alone.
pub(crate) struct Submissions {
    pub(crate) backend: Backend,
}

impl GroupWrite for Submissions {
    type Item = Submission;
    type Outcome = Result<bool, StoreError>;
    type Key<'a> = i64;
    type Shape = ();

    fn key(submission: &Submission) -> i64 {
        submission.link
    }

    fn shape(_: &Submission) {}

    async fn write_run(
        &self,
        connection: &mut AnyConnection,
        run: &[&Submission],
    ) -> Result<Vec<Self::Outcome>, StoreError> {
        // A group of one run comes on a bare connection: the savepoints need a transaction.
        let mut tx = connection.begin().await?;
        let mut outcomes = Vec::with_capacity(run.len());
        for submission in run {
            outcomes.push(match self.backend {
                Backend::Sqlite => submit_sqlite(&mut tx, submission).await?,
                Backend::Postgres => submit_postgres(&mut tx, submission).await,
            });
        }
        tx.commit().await?;
        Ok(outcomes)
    }
}

/// One submission on SQLite. The error of the submission is its outcome; an error undoing it
/// fails the group, whose writes are then tried one by one.
async fn submit_sqlite(
    connection: &mut AnyConnection,
    submission: &Submission,
) -> Result<Result<bool, StoreError>, StoreError> {
    let done = sqlx::query(SUBMIT_SQLITE)
        .bind(submission.response_id.as_str())
        .bind(submission.link)
        .bind(submission.answers.as_str())
        .bind(submission.comments.as_str())
        .fetch_all(&mut *connection)
        .await;
    match done {
        Ok(rows) => Ok(Ok(!rows.is_empty())),
        Err(error) => {
            sqlx::raw_sql(UNDO_SQLITE).execute(&mut *connection).await?;
            Ok(Err(StoreError::from_insert(error)))
        }
    }
}

/// One submission on PostgreSQL, in a savepoint that is undone when it fails.
async fn submit_postgres(
    connection: &mut AnyConnection,
    submission: &Submission,
) -> Result<bool, StoreError> {
    let mut tx = connection.begin().await?;
    let claimed = sqlx::query(CLAIM)
        .bind(submission.link)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(claimed) = claimed else {
        return Ok(false);
    };
    let round: i64 = claimed.try_get("round_id")?;
    let group: i64 = claimed.try_get("group_id")?;
    let moved = async {
        if submission.given {
            sqlx::query(DRAFT_POSTGRES)
                .bind(submission.link)
                .bind(submission.answers.as_str())
                .bind(submission.comments.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(MOVE_POSTGRES)
            .bind(submission.response_id.as_str())
            .bind(submission.link)
            .bind(round)
            .bind(group)
            .execute(&mut *tx)
            .await
    };
    moved.await.map_err(StoreError::from_insert)?;
    tx.commit().await?;
    Ok(true)
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
