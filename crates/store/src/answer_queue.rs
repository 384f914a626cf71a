//! Group commit for autosaved answers. Every card a person sorts is one small write, and a
//! busy staff meeting sends many at once; one transaction per answer would make them queue for
//! the single SQLite writer. Instead one task takes every answer waiting at that moment and
//! commits them together; each caller still gets its own outcome, after the commit.

use leidraad_domain::accounts::PersonId;
use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use crate::StoreError;

/// The most answers in one transaction: enough to empty a burst, small enough to keep the
/// writer's turn short.
const MAX_GROUP: usize = 256;

/// One answer to write, owned.
pub(crate) struct AnswerRow {
    pub person: PersonId,
    pub reflection: i64,
    pub card_id: String,
    pub pile: Option<i64>,
    pub note: String,
    pub evidence: String,
    pub starred: i64,
    pub fields: crate::reflections::AnswerFields,
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

impl AnswerQueue {
    /// Starts the committing task; it ends when the last store clone is dropped.
    pub fn start(writer: AnyPool) -> AnswerQueue {
        let (sender, receiver) = mpsc::channel(4 * MAX_GROUP);
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

async fn commit_groups(writer: AnyPool, mut receiver: mpsc::Receiver<QueuedAnswer>) {
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
                    let outcome = commit(&writer, std::slice::from_ref(&answer.row))
                        .await
                        .map(|written| written[0]);
                    let _ = answer.reply.send(outcome);
                }
            }
        }
    }
}

async fn commit(writer: &AnyPool, rows: &[AnswerRow]) -> Result<Vec<bool>, StoreError> {
    commit_rows(writer, &rows.iter().collect::<Vec<_>>()).await
}

/// Writes the rows in one transaction; per row, whether it was written.
async fn commit_rows(writer: &AnyPool, group: &[&AnswerRow]) -> Result<Vec<bool>, StoreError> {
    let mut tx = writer.begin().await?;
    let mut written = Vec::with_capacity(group.len());
    for answer in group {
        let result = sqlx::query(
            "INSERT INTO reflection_answers \
                 (reflection_id, card_id, pile, note, evidence, starred, updated_at) \
             SELECT id, $3, $4, $5, $6, $7, $8 FROM reflections \
             WHERE id = $1 AND person_id = $2 AND finished_at IS NULL \
             ON CONFLICT (reflection_id, card_id) DO UPDATE SET \
                 pile = CASE WHEN $9 = 1 THEN excluded.pile ELSE reflection_answers.pile END, \
                 note = CASE WHEN $10 = 1 THEN excluded.note ELSE reflection_answers.note END, \
                 evidence = CASE WHEN $11 = 1 \
                     THEN excluded.evidence ELSE reflection_answers.evidence END, \
                 starred = CASE WHEN $12 = 1 \
                     THEN excluded.starred ELSE reflection_answers.starred END, \
                 updated_at = excluded.updated_at",
        )
        .bind(answer.reflection)
        .bind(answer.person.get())
        .bind(answer.card_id.as_str())
        .bind(answer.pile)
        .bind(answer.note.as_str())
        .bind(answer.evidence.as_str())
        .bind(answer.starred)
        .bind(answer.now)
        .bind(i64::from(answer.fields.pile))
        .bind(i64::from(answer.fields.note))
        .bind(i64::from(answer.fields.evidence))
        .bind(i64::from(answer.fields.starred))
        .execute(&mut *tx)
        .await?;
        written.push(result.rows_affected() == 1);
    }
    tx.commit().await?;
    Ok(written)
}
