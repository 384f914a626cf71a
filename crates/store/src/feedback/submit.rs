//! Submitting a link: in one transaction the draft becomes an anonymous response and the
//! link is marked answered. The response names only its round and group, under a random id
//! the caller chose; its tables keep no time and no order of arrival, so nothing in them
//! leads back to the link once the draft rows are gone.
//!
//! It is the hottest write of a round: a staff meeting submits together, an 80-card form at
//! a time. So submissions are committed in groups ([`crate::group_commit`]), and the cost of
//! a group does not grow with its forms by more than the rows: on SQLite every submission
//! waiting at that moment is written by one call to the connection's thread, its answers
//! travelling as JSON that the statements unpack (not a statement per card, and not a
//! multi-row `VALUES` either, whose parameters SQLite looks up by name one by one). Before,
//! one submission took four calls and the single writer about 0.7 ms, most of it the calls
//! and the commit, and waiting between calls for the next. On PostgreSQL a submission is
//! five round trips in a transaction of its own, on any of the writer's connections.

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

/// The submissions of `$1` whose response [`SUBMIT_SQLITE`] made: `made (response_id,
/// link_id)`. A response id is fresh, so it exists only if this call made it.
macro_rules! made {
    () => {
        "WITH made AS (SELECT s.key AS response_id, s.value AS link_id FROM json_each($1) s \
             WHERE EXISTS (SELECT 1 FROM feedback_responses r WHERE r.id = s.key)) "
    };
}

/// A group of submissions on SQLite in one call: statements in one string, which sqlx runs
/// in turn, each binding the `$n` it names. The parameters are JSON objects keyed by
/// response id, so that `json_each` hands out every part without parsing a row again: `$1`
/// the link (`{response: link}`), `$2` the answers the request brings (`{response: {card:
/// answer}}`), `$3` its comments (`{response: {domain: text}}`).
///
/// `CROSS JOIN` keeps the submissions the outer loop: SQLite cannot tell how few they are,
/// and would otherwise walk every link of every open round.
///
/// A response is made only for an unanswered link of an open round, and everything after
/// acts only where one was made. The request's answers and comments go straight into the
/// response, then the draft's for the cards and domains the request did not name; a comment
/// the request emptied, or an empty one, is no comment. The drafts are deleted, and each
/// link marked answered returns its id: those are the submissions that were made.
const SUBMIT_SQLITE: &str = concat!(
    "INSERT INTO feedback_responses (id, round_id, group_id) \
        SELECT s.key, l.round_id, l.group_id FROM json_each($1) s \
        CROSS JOIN feedback_links l ON l.id = s.value \
        CROSS JOIN feedback_rounds r ON r.id = l.round_id \
        WHERE l.answered = 0 AND r.state = 'open'; ",
    made!(),
    "INSERT INTO feedback_response_answers (response_id, card_id, answer) \
        SELECT s.key, a.key, a.value FROM json_each($2) s, json_each(s.value) a \
        WHERE s.key IN (SELECT response_id FROM made); ",
    made!(),
    "INSERT INTO feedback_response_answers (response_id, card_id, answer) \
        SELECT m.response_id, d.card_id, d.answer FROM made m \
        JOIN feedback_drafts d ON d.link_id = m.link_id \
        WHERE NOT EXISTS (SELECT 1 FROM feedback_response_answers x \
            WHERE x.response_id = m.response_id AND x.card_id = d.card_id); ",
    made!(),
    "INSERT INTO feedback_response_comments (response_id, domain_id, text) \
        SELECT s.key, c.key, c.value FROM json_each($3) s, json_each(s.value) c \
        WHERE s.key IN (SELECT response_id FROM made); ",
    made!(),
    "INSERT INTO feedback_response_comments (response_id, domain_id, text) \
        SELECT m.response_id, c.domain_id, c.text FROM made m \
        JOIN feedback_draft_comments c ON c.link_id = m.link_id \
        WHERE NOT EXISTS (SELECT 1 FROM feedback_response_comments x \
            WHERE x.response_id = m.response_id AND x.domain_id = c.domain_id); ",
    made!(),
    "DELETE FROM feedback_response_comments WHERE text = '' \
        AND response_id IN (SELECT response_id FROM made); ",
    made!(),
    "DELETE FROM feedback_drafts WHERE link_id IN (SELECT link_id FROM made); ",
    made!(),
    "DELETE FROM feedback_draft_comments WHERE link_id IN (SELECT link_id FROM made); ",
    made!(),
    "UPDATE feedback_links SET answered = 1 WHERE id IN (SELECT link_id FROM made) \
        RETURNING id"
);

/// On PostgreSQL a string of statements takes no parameters, and the parts of one statement
/// all see the tables as they were when it began; so after [`CLAIM`], two statements: the
/// request's answers and comments into the draft (`$1` the link, `$2` and `$3` JSON arrays
/// of `[card, answer]` and `[domain, text]`) …
const DRAFT_POSTGRES: &str = "\
    WITH answers AS ( \
        INSERT INTO feedback_drafts (link_id, card_id, answer) \
        SELECT $1, e->>0, CAST(e->>1 AS BIGINT) FROM json_array_elements(CAST($2 AS json)) e \
        ON CONFLICT (link_id, card_id) DO UPDATE SET answer = excluded.answer) \
    INSERT INTO feedback_draft_comments (link_id, domain_id, text) \
    SELECT $1, e->>0, e->>1 FROM json_array_elements(CAST($3 AS json)) e \
    ON CONFLICT (link_id, domain_id) DO UPDATE SET text = excluded.text";

/// … and the draft into the response and gone (`$1` the response, `$2` the link, `$3` its
/// round, `$4` its group).
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
    /// by the caller). `answers` and `comments`, when given, replace the draft's for the same
    /// cards and domains, so a whole form can come in one request; the draft then becomes the
    /// response. `AlreadySubmitted`: the link answered before; `WrongState`: the round is not
    /// open. [`StoreError::Conflict`]: the response id is taken (choose another).
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
            answers: last_of_each(answers.unwrap_or_default()),
            comments: last_of_each(comments.unwrap_or_default()),
        };
        let claimed = match &self.submissions {
            Some(group) => group.write(submission).await?,
            // A submission is several round trips on PostgreSQL, and one committing task
            // would make them wait in line (400 forms/s instead of 550): there each takes its
            // own connection of the writer's eight, as a group of one.
            None => {
                let mut connection = self.writer().acquire().await?;
                let kind = Submissions {
                    backend: self.backend,
                };
                let outcomes = kind.write_run(&mut connection, &[&submission]).await?;
                outcomes
                    .first()
                    .copied()
                    .ok_or(StoreError::Corrupt("submit outcome"))?
            }
        };
        if claimed {
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
    /// Each card and domain once.
    answers: Vec<(String, i64)>,
    comments: Vec<(String, String)>,
}

/// Submissions, committed in groups. The outcome is whether the link was claimed (`false`:
/// it answered before, or its round is not open). A group that fails is tried again one
/// submission at a time, so a response id that is taken fails only its own submission.
pub(crate) struct Submissions {
    pub(crate) backend: Backend,
}

impl GroupWrite for Submissions {
    type Item = Submission;
    type Outcome = bool;
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
    ) -> Result<Vec<bool>, StoreError> {
        // A group of one run comes on a bare connection, and a run is several statements.
        let mut tx = connection.begin().await?;
        let outcomes = match self.backend {
            Backend::Sqlite => submit_sqlite(&mut tx, run).await?,
            Backend::Postgres => {
                let mut outcomes = Vec::with_capacity(run.len());
                for submission in run {
                    outcomes.push(submit_postgres(&mut tx, submission).await?);
                }
                outcomes
            }
        };
        tx.commit().await?;
        Ok(outcomes)
    }
}

/// A run of submissions on SQLite, in one call.
async fn submit_sqlite(
    connection: &mut AnyConnection,
    run: &[&Submission],
) -> Result<Vec<bool>, StoreError> {
    let links = Map(run.iter().map(|s| (s.response_id.as_str(), s.link)));
    let answers = Map(run
        .iter()
        .map(|s| (s.response_id.as_str(), Map(pairs(&s.answers)))));
    let comments = Map(run
        .iter()
        .map(|s| (s.response_id.as_str(), Map(pairs(&s.comments)))));
    let claimed: HashSet<i64> = sqlx::query(SUBMIT_SQLITE)
        .bind(json(&links))
        .bind(json(&answers))
        .bind(json(&comments))
        .fetch_all(&mut *connection)
        .await
        .map_err(StoreError::from_insert)?
        .iter()
        .map(|row| row.try_get("id"))
        .collect::<Result<_, _>>()?;
    Ok(run.iter().map(|s| claimed.contains(&s.link)).collect())
}

fn pairs<V>(rows: &[(String, V)]) -> impl Iterator<Item = (&str, &V)> + Clone {
    rows.iter().map(|(key, value)| (key.as_str(), value))
}

/// Pairs written as a JSON object.
struct Map<I>(I);

impl<I, K, V> Serialize for Map<I>
where
    I: Iterator<Item = (K, V)> + Clone,
    K: Serialize,
    V: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.clone())
    }
}

/// One submission on PostgreSQL.
async fn submit_postgres(
    connection: &mut AnyConnection,
    submission: &Submission,
) -> Result<bool, StoreError> {
    let claimed = sqlx::query(CLAIM)
        .bind(submission.link)
        .fetch_optional(&mut *connection)
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
                .bind(json(&submission.answers))
                .bind(json(&submission.comments))
                .execute(&mut *connection)
                .await?;
        }
        sqlx::query(MOVE_POSTGRES)
            .bind(submission.response_id.as_str())
            .bind(submission.link)
            .bind(round)
            .bind(group)
            .execute(&mut *connection)
            .await
    };
    moved.await.map_err(StoreError::from_insert)?;
    Ok(true)
}

/// Rows with each key once, its last value kept (PostgreSQL refuses to change a row twice
/// in one statement, and the later value is the one meant).
fn last_of_each<V: Clone>(rows: &[(String, V)]) -> Vec<(String, V)> {
    let mut seen = HashSet::new();
    let mut last: Vec<(String, V)> = rows
        .iter()
        .rev()
        .filter(|(key, _)| seen.insert(key))
        .cloned()
        .collect();
    last.reverse();
    last
}

/// Rows as the JSON arrays the statements read.
fn json<T: Serialize>(rows: &T) -> String {
    // Strings and numbers only: this cannot fail.
    serde_json::to_string(rows).unwrap_or_else(|_| "[]".to_owned())
}

/// A refusal as [`Store::link_refusal`] finds it; `Done` there means the claim lost a race
/// that has since settled, which is a refusal all the same.
fn refused(why: Change<()>) -> Change<()> {
    match why {
        Change::Done(()) => Change::WrongState,
        other => other,
    }
}
