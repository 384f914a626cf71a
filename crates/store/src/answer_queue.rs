//! Group commit for autosaved answers. Every card a person sorts is one small write, and a
//! busy staff meeting sends many at once; one transaction per answer would make them queue for
//! the single SQLite writer. Instead one task takes every answer waiting at that moment and
//! commits them together; each caller still gets its own outcome, after the commit.
//!
//! A group is written with as few statements as it can: one multi-row upsert per run of
//! answers that change the same parts (a `PUT` changes all four) and name each card once. Most
//! groups are one run, so one statement, which is a transaction of its own: one round trip to
//! PostgreSQL however many answers wait. (One statement per answer inside a transaction cost a
//! round trip each, and the single committing task waited for every one.)

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use leidraad_domain::accounts::PersonId;
use sqlx::{Any, AnyPool, AssertSqlSafe, Row};
use tokio::sync::{mpsc, oneshot};

use crate::StoreError;
use crate::reflections::AnswerFields;

/// The most answers in one transaction: enough to empty a burst, small enough to keep the
/// writer's turn short.
const MAX_GROUP: usize = 256;

/// The row counts a statement is written for. A run is padded up to the next one with rows
/// that match no reflection, so the database prepares nine statements rather than one per
/// group size.
const STATEMENT_ROWS: [usize; 9] = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/// Parameters per answer row in the statement.
const PARAMETERS_PER_ROW: usize = 8;

/// One answer to write, owned.
pub(crate) struct AnswerRow {
    pub person: PersonId,
    pub reflection: i64,
    pub card_id: String,
    pub pile: Option<i64>,
    pub note: String,
    pub evidence: String,
    pub starred: i64,
    pub fields: AnswerFields,
    pub now: i64,
}

/// An answer with the reply channel of the request that sent it: whether the row was
/// written (false: not the author's open reflection).
struct QueuedAnswer {
    row: AnswerRow,
    reply: oneshot::Sender<Result<bool, StoreError>>,
}

#[derive(Debug, Clone)]
pub(crate) struct AnswerQueue {
    sender: mpsc::Sender<QueuedAnswer>,
}

/// The writer pool, counting statements as [`crate::Store::writer`] does.
struct Writer {
    pool: AnyPool,
    statements: Arc<AtomicU64>,
}

impl Writer {
    fn pool(&self) -> &AnyPool {
        self.statements.fetch_add(1, Ordering::Relaxed);
        &self.pool
    }
}

impl AnswerQueue {
    /// Starts the committing task; it ends when the last store clone is dropped.
    pub fn start(writer: AnyPool, statements: Arc<AtomicU64>) -> AnswerQueue {
        let (sender, receiver) = mpsc::channel(4 * MAX_GROUP);
        let writer = Writer {
            pool: writer,
            statements,
        };
        tokio::spawn(commit_groups(writer, receiver));
        AnswerQueue { sender }
    }

    /// Queues an answer and waits until it is committed.
    pub async fn save(&self, row: AnswerRow) -> Result<bool, StoreError> {
        let (reply, outcome) = oneshot::channel();
        self.sender
            .send(QueuedAnswer { row, reply })
            .await
            .map_err(|_| StoreError::Closed)?;
        outcome.await.map_err(|_| StoreError::Closed)?
    }
}

async fn commit_groups(writer: Writer, mut receiver: mpsc::Receiver<QueuedAnswer>) {
    while let Some(first) = receiver.recv().await {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match receiver.try_recv() {
                Ok(next) => group.push(next),
                Err(_) => break,
            }
        }
        let rows: Vec<&AnswerRow> = group.iter().map(|a| &a.row).collect();
        match commit_rows(&writer, &rows).await {
            Ok(written) => {
                for (answer, written) in group.into_iter().zip(written) {
                    let _ = answer.reply.send(Ok(written));
                }
            }
            // One bad row must not fail its neighbours: each is tried again on its own.
            Err(_) => {
                for answer in group {
                    let outcome = commit_rows(&writer, &[&answer.row])
                        .await
                        .map(|written| written[0]);
                    let _ = answer.reply.send(outcome);
                }
            }
        }
    }
}

/// Writes the rows, all or none; per row, whether it was written.
async fn commit_rows(writer: &Writer, rows: &[&AnswerRow]) -> Result<Vec<bool>, StoreError> {
    let runs = runs(rows);
    let mut written = Vec::with_capacity(rows.len());
    if let [run] = runs.as_slice() {
        // A single statement is a transaction of its own.
        let keys = upsert(writer.pool(), &rows[run.clone()]).await?;
        written.extend(rows.iter().map(|row| keys.contains(&key(row))));
        return Ok(written);
    }
    let mut tx = writer.pool().begin().await?;
    for run in runs {
        let run = &rows[run];
        let keys = upsert(&mut *tx, run).await?;
        written.extend(run.iter().map(|row| keys.contains(&key(row))));
    }
    tx.commit().await?;
    Ok(written)
}

fn key(row: &AnswerRow) -> (i64, String) {
    (row.reflection, row.card_id.clone())
}

/// Splits the rows, in order, into runs that one statement can write: the same parts
/// changed, each card at most once (PostgreSQL refuses to upsert a row twice in one
/// statement, and the later answer must win).
fn runs(rows: &[&AnswerRow]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut seen: HashSet<(i64, &str)> = HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        let fits = i > start
            && row.fields == rows[start].fields
            && !seen.contains(&(row.reflection, row.card_id.as_str()));
        if i > start && !fits {
            runs.push(start..i);
            start = i;
            seen.clear();
        }
        seen.insert((row.reflection, row.card_id.as_str()));
    }
    if start < rows.len() {
        runs.push(start..rows.len());
    }
    runs
}

/// Upserts one run (at most [`MAX_GROUP`] rows, each card once, the same parts changed) into
/// the author's open reflections; returns the (reflection, card) of every row written.
async fn upsert<'e, E>(
    executor: E,
    rows: &[&AnswerRow],
) -> Result<HashSet<(i64, String)>, StoreError>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let size = STATEMENT_ROWS
        .iter()
        .position(|&n| n >= rows.len())
        .ok_or(StoreError::Corrupt("answer group too large"))?;
    let sql = statement(size);
    let fields = rows.first().map_or(AnswerFields::NONE, |row| row.fields);
    let mut query = sqlx::query(AssertSqlSafe(sql))
        .bind(i64::from(fields.pile))
        .bind(i64::from(fields.note))
        .bind(i64::from(fields.evidence))
        .bind(i64::from(fields.starred));
    for row in rows {
        query = query
            .bind(row.reflection)
            .bind(row.card_id.as_str())
            .bind(row.pile)
            .bind(row.note.as_str())
            .bind(row.evidence.as_str())
            .bind(row.starred)
            .bind(row.now)
            .bind(row.person.get());
    }
    // Padding: a reflection id no row has, so these rows join nothing.
    for _ in rows.len()..STATEMENT_ROWS[size] {
        query = query
            .bind(-1_i64)
            .bind("")
            .bind(None::<i64>)
            .bind("")
            .bind("")
            .bind(0_i64)
            .bind(0_i64)
            .bind(-1_i64);
    }
    let returned = query.fetch_all(executor).await?;
    returned
        .iter()
        .map(|row| Ok((row.try_get("reflection_id")?, row.try_get("card_id")?)))
        .collect()
}

/// The upsert for `STATEMENT_ROWS[size]` rows. The VALUES columns are `column1` … `column8`
/// on both databases: reflection, card, pile, note, evidence, starred, time, person. `$1` …
/// `$4` say which parts the run changes; a part left alone keeps what is stored, and starts
/// empty on a card answered for the first time.
fn statement(size: usize) -> Arc<str> {
    static STATEMENTS: OnceLock<Vec<Arc<str>>> = OnceLock::new();
    STATEMENTS.get_or_init(|| {
        STATEMENT_ROWS
            .iter()
            .map(|&rows| {
                let values: Vec<String> = (0..rows)
                    .map(|row| {
                        let first = 5 + row * PARAMETERS_PER_ROW;
                        let parameters: Vec<String> = (first..first + PARAMETERS_PER_ROW)
                            .map(|n| format!("${n}"))
                            .collect();
                        format!("({})", parameters.join(", "))
                    })
                    .collect();
                format!(
                    "INSERT INTO reflection_answers \
                         (reflection_id, card_id, pile, note, evidence, starred, updated_at) \
                     SELECT r.id, v.column2, v.column3, v.column4, v.column5, v.column6, \
                         v.column7 \
                     FROM (VALUES {}) AS v \
                     JOIN reflections r ON r.id = v.column1 AND r.person_id = v.column8 \
                         AND r.finished_at IS NULL \
                     WHERE true \
                     ON CONFLICT (reflection_id, card_id) DO UPDATE SET \
                         pile = CASE WHEN $1 = 1 \
                             THEN excluded.pile ELSE reflection_answers.pile END, \
                         note = CASE WHEN $2 = 1 \
                             THEN excluded.note ELSE reflection_answers.note END, \
                         evidence = CASE WHEN $3 = 1 \
                             THEN excluded.evidence ELSE reflection_answers.evidence END, \
                         starred = CASE WHEN $4 = 1 \
                             THEN excluded.starred ELSE reflection_answers.starred END, \
                         updated_at = excluded.updated_at \
                     RETURNING reflection_id, card_id",
                    values.join(", ")
                )
                .into()
            })
            .collect()
    })[size]
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(reflection: i64, card: &str, fields: AnswerFields) -> AnswerRow {
        AnswerRow {
            person: PersonId(1),
            reflection,
            card_id: card.to_owned(),
            pile: Some(1),
            note: String::new(),
            evidence: String::new(),
            starred: 0,
            fields,
            now: 0,
        }
    }

    #[test]
    fn a_run_ends_where_the_parts_change_or_a_card_comes_again() {
        let only_pile = AnswerFields {
            pile: true,
            ..AnswerFields::NONE
        };
        let rows = [
            row(1, "a", AnswerFields::ALL),
            row(1, "b", AnswerFields::ALL),
            row(2, "a", AnswerFields::ALL),
            row(1, "a", AnswerFields::ALL),
            row(1, "c", only_pile),
            row(1, "d", only_pile),
            row(1, "e", AnswerFields::ALL),
        ];
        let rows: Vec<&AnswerRow> = rows.iter().collect();
        assert_eq!(runs(&rows), [0..3, 3..4, 4..6, 6..7]);
        assert_eq!(runs(&rows[..1]).first(), Some(&(0..1)));
        assert!(runs(&[]).is_empty());
    }

    #[test]
    fn every_group_fits_a_statement_and_each_statement_numbers_its_parameters() {
        assert_eq!(STATEMENT_ROWS.last(), Some(&MAX_GROUP));
        for (size, rows) in STATEMENT_ROWS.iter().enumerate() {
            let sql = statement(size);
            let last = 4 + rows * PARAMETERS_PER_ROW;
            assert!(sql.contains(&format!("${last})")), "{rows}");
            assert!(!sql.contains(&format!("${}", last + 1)), "{rows}");
        }
    }
}
