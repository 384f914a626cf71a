//! Group commit: small writes from many requests committed together. Every card a person
//! sorts is one small write, and a busy staff meeting sends many at once; one transaction per
//! write would make them queue for the single SQLite writer, and on PostgreSQL cost a round
//! trip each. Instead one task per kind of write takes every write waiting at that moment and
//! commits them together; each caller still gets its own outcome, after the commit.
//!
//! What every kind gets from here, and may rely on:
//! - **An acknowledged write is durable.** A caller hears back only after the transaction
//!   that holds its write has committed.
//! - **A write changes only what it names.** A group is split, in order, into runs that one
//!   statement can write: the same [`GroupWrite::Shape`] (for answers: the same parts
//!   changed) and each [`GroupWrite::Key`] (row) at most once, because PostgreSQL refuses to
//!   upsert a row twice in one statement and the later write must win. A group of one run is
//!   one statement, which is a transaction of its own; a group of several runs is one
//!   transaction.
//! - **Errors reach each waiter.** When a group fails, each of its writes is tried again on
//!   its own, so one bad write fails alone and its neighbours are written.
//! - **Closing drains.** [`Committers::drain`] (called by [`crate::Store::close`]) refuses new
//!   writes, commits every write already queued and waits for that, before the pool closes.
//! - **Statements are counted** through [`Writer::pool`], like the store's own: a group costs
//!   one, however many writes it holds; a retried write one more each.
//!
//! ## A new kind of answer
//!
//! Rater forms and team-scan answers plug in the way reflection answers
//! ([`crate::reflections::answers`]) do:
//! 1. A type implementing [`GroupWrite`], in the capability's module: the owned row a caller
//!    hands over (`Item`), what the caller learns back (`Outcome`), the row it writes (`Key`),
//!    what lets writes share a statement (`Shape`), and `write_run`: one statement for a run.
//!    [`MultiRowStatement`] builds a multi-row upsert once per row count in
//!    [`STATEMENT_ROWS`]; the run is padded with rows that write nothing.
//! 2. A field of [`crate::Store`] holding its [`GroupCommit`], started in `Store::connect`
//!    with `committers.start(…)`. Draining on close comes with it.
//! 3. A store method that turns its caller's input into an `Item` and awaits
//!    [`GroupCommit::write`].
//!
//! Only what every write of a kind shares goes here; the SQL stays with its kind.

use std::collections::HashSet;
use std::hash::Hash;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use sqlx::AnyConnection;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinHandle;

use crate::StoreError;
use crate::store::Writer;

/// The most writes in one group: enough to empty a burst, small enough to keep the writer's
/// turn short.
pub(crate) const MAX_GROUP: usize = 256;

/// The row counts a multi-row statement is written for. A run is padded up to the next one,
/// so the database prepares nine statements rather than one per group size.
pub(crate) const STATEMENT_ROWS: [usize; 9] = [1, 2, 4, 8, 16, 32, 64, 128, MAX_GROUP];

/// A kind of write that is committed in groups. See the module docs for how a kind plugs in.
pub(crate) trait GroupWrite: Send + Sync + 'static {
    /// One write, owned, as a caller hands it over.
    type Item: Send + Sync + 'static;
    /// What the caller learns after the commit (for answers: whether the row was written).
    type Outcome: Send + 'static;
    /// The row a write lands on. Two writes with the same key never share a statement.
    type Key<'a>: Hash + Eq;
    /// Writes share a statement only when their shapes are equal.
    type Shape: Eq;

    fn key(item: &Self::Item) -> Self::Key<'_>;
    fn shape(item: &Self::Item) -> Self::Shape;

    /// Writes one run (at most [`MAX_GROUP`] items, each key once, one shape) with one
    /// statement; the outcome of each item, in order. The connection is inside the group's
    /// transaction, or on its own when the run is the whole group.
    fn write_run(
        &self,
        connection: &mut AnyConnection,
        run: &[&Self::Item],
    ) -> impl Future<Output = Result<Vec<Self::Outcome>, StoreError>> + Send;
}

/// A write with the reply channel of the request that sent it.
struct Queued<W: GroupWrite> {
    item: W::Item,
    reply: oneshot::Sender<Result<W::Outcome, StoreError>>,
}

/// The queue of one kind of write; cheap to clone.
pub(crate) struct GroupCommit<W: GroupWrite> {
    sender: mpsc::Sender<Queued<W>>,
}

impl<W: GroupWrite> Clone for GroupCommit<W> {
    fn clone(&self) -> Self {
        GroupCommit {
            sender: self.sender.clone(),
        }
    }
}

impl<W: GroupWrite> std::fmt::Debug for GroupCommit<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit")
            .field("kind", &std::any::type_name::<W>())
            .finish()
    }
}

impl<W: GroupWrite> GroupCommit<W> {
    /// Queues a write and waits until it is committed.
    pub(crate) async fn write(&self, item: W::Item) -> Result<W::Outcome, StoreError> {
        let (reply, outcome) = oneshot::channel();
        self.sender
            .send(Queued { item, reply })
            .await
            .map_err(|_| StoreError::Closed)?;
        outcome.await.map_err(|_| StoreError::Closed)?
    }

    /// Writes waiting in the queue, not yet taken by the committing task.
    #[cfg(test)]
    pub(crate) fn queued(&self) -> usize {
        self.sender.max_capacity() - self.sender.capacity()
    }
}

/// The committing tasks of one store, one per kind, so that closing the store drains them
/// all without a list of kinds kept by hand.
#[derive(Debug, Clone)]
pub(crate) struct Committers {
    closing: Arc<watch::Sender<bool>>,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
    /// Held while draining, so a second `close` of a clone returns only when the first
    /// drain has finished, not while it is still committing.
    draining: Arc<tokio::sync::Mutex<()>>,
}

impl Committers {
    pub(crate) fn new() -> Committers {
        Committers {
            closing: Arc::new(watch::channel(false).0),
            tasks: Arc::default(),
            draining: Arc::default(),
        }
    }

    /// Starts the committing task of a kind. It ends when the store drains, or when the last
    /// clone of the queue is dropped.
    pub(crate) fn start<W: GroupWrite>(&self, kind: W, writer: &Writer) -> GroupCommit<W> {
        let (sender, receiver) = mpsc::channel(4 * MAX_GROUP);
        let task = tokio::spawn(commit_groups(
            kind,
            writer.clone(),
            receiver,
            self.closing.subscribe(),
        ));
        self.tasks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(task);
        GroupCommit { sender }
    }

    /// Starts a task that runs beside the committing ones and ends when the store closes
    /// (its argument says when), so that closing waits for it too.
    pub(crate) fn start_beside<F>(&self, task: impl FnOnce(watch::Receiver<bool>) -> F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let task = tokio::spawn(task(self.closing.subscribe()));
        self.tasks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(task);
    }

    /// Refuses new writes (they fail with [`StoreError::Closed`]), commits every write
    /// already queued, and returns when all of them are answered.
    pub(crate) async fn drain(&self) {
        self.closing.send_replace(true);
        let _turn = self.draining.lock().await;
        let tasks = std::mem::take(
            &mut *self
                .tasks
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        for task in tasks {
            // A task that panicked has dropped its waiters' replies; they hear `Closed`.
            let _ = task.await;
        }
    }
}

async fn commit_groups<W: GroupWrite>(
    kind: W,
    writer: Writer,
    mut receiver: mpsc::Receiver<Queued<W>>,
    mut closing: watch::Receiver<bool>,
) {
    loop {
        let first = tokio::select! {
            biased;
            first = receiver.recv() => first,
            // Also when the store is gone without closing: the sender went with it.
            () = async { let _ = closing.wait_for(|closing| *closing).await; } => {
                // What is queued can still be received; nothing more can be sent.
                receiver.close();
                receiver.recv().await
            }
        };
        let Some(first) = first else { return };
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match receiver.try_recv() {
                Ok(next) => group.push(next),
                Err(_) => break,
            }
        }
        let items: Vec<&W::Item> = group.iter().map(|queued| &queued.item).collect();
        match commit(&kind, &writer, &items).await {
            Ok(outcomes) => {
                for (queued, outcome) in group.into_iter().zip(outcomes) {
                    let _ = queued.reply.send(Ok(outcome));
                }
            }
            // One bad write must not fail its neighbours: each is tried again on its own.
            Err(_) => {
                for queued in group {
                    let outcome =
                        commit(&kind, &writer, &[&queued.item])
                            .await
                            .and_then(|outcomes| {
                                outcomes
                                    .into_iter()
                                    .next()
                                    .ok_or(StoreError::Corrupt("group commit outcome"))
                            });
                    let _ = queued.reply.send(outcome);
                }
            }
        }
    }
}

/// Writes the items, all or none; the outcome of each, in order.
async fn commit<W: GroupWrite>(
    kind: &W,
    writer: &Writer,
    items: &[&W::Item],
) -> Result<Vec<W::Outcome>, StoreError> {
    let runs = runs::<W>(items);
    let outcomes = if let [run] = runs.as_slice() {
        // A single statement is a transaction of its own.
        let mut connection = writer.pool().acquire().await?;
        kind.write_run(&mut connection, &items[run.clone()]).await?
    } else {
        let mut tx = writer.pool().begin().await?;
        let mut outcomes = Vec::with_capacity(items.len());
        for run in runs {
            outcomes.extend(kind.write_run(&mut tx, &items[run]).await?);
        }
        tx.commit().await?;
        outcomes
    };
    // Without an outcome a waiter would hear `Closed` for a write that was committed.
    if outcomes.len() != items.len() {
        return Err(StoreError::Corrupt("group commit outcomes"));
    }
    Ok(outcomes)
}

/// Splits the items, in order, into runs that one statement can write: one shape, each key
/// at most once.
pub(crate) fn runs<W: GroupWrite>(items: &[&W::Item]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let fits =
            i > start && W::shape(item) == W::shape(items[start]) && !seen.contains(&W::key(item));
        if i > start && !fits {
            runs.push(start..i);
            start = i;
            seen.clear();
        }
        seen.insert(W::key(item));
    }
    if start < items.len() {
        runs.push(start..items.len());
    }
    runs
}

/// A multi-row statement of one kind, built once for each row count in [`STATEMENT_ROWS`].
/// Its parameters are `$1` … `$shared` for what the whole run shares, then `per_row` for
/// each row; the rows are written by `around` as a `VALUES` list.
pub(crate) struct MultiRowStatement {
    shared: usize,
    per_row: usize,
    around: fn(values: &str) -> String,
    built: OnceLock<Vec<Arc<str>>>,
}

impl MultiRowStatement {
    pub(crate) const fn new(
        shared: usize,
        per_row: usize,
        around: fn(values: &str) -> String,
    ) -> MultiRowStatement {
        MultiRowStatement {
            shared,
            per_row,
            around,
            built: OnceLock::new(),
        }
    }

    /// The statement for a run of `rows` rows, and how many padding rows to bind after them.
    pub(crate) fn for_run(&self, rows: usize) -> Result<(Arc<str>, usize), StoreError> {
        let size = STATEMENT_ROWS
            .iter()
            .position(|&n| n >= rows)
            .ok_or(StoreError::Corrupt("group too large for its statement"))?;
        let built = self.built.get_or_init(|| {
            STATEMENT_ROWS
                .iter()
                .map(|&rows| (self.around)(&self.values(rows)).into())
                .collect()
        });
        Ok((built[size].clone(), STATEMENT_ROWS[size] - rows))
    }

    fn values(&self, rows: usize) -> String {
        let rows: Vec<String> = (0..rows)
            .map(|row| {
                let first = self.shared + 1 + row * self.per_row;
                let parameters: Vec<String> = (first..first + self.per_row)
                    .map(|n| format!("${n}"))
                    .collect();
                format!("({})", parameters.join(", "))
            })
            .collect();
        rows.join(", ")
    }
}

#[cfg(all(test, feature = "test-support"))]
mod tests;

#[cfg(test)]
mod statement_tests {
    use super::*;

    fn around(values: &str) -> String {
        format!("INSERT INTO t SELECT * FROM (VALUES {values}) AS v WHERE $1 = 1")
    }

    #[test]
    fn every_group_fits_a_statement_and_each_statement_numbers_its_parameters() {
        static STATEMENT: MultiRowStatement = MultiRowStatement::new(2, 3, around);
        for rows in 1..=MAX_GROUP {
            let (sql, padding) = STATEMENT.for_run(rows).unwrap();
            let last = 2 + (rows + padding) * 3;
            assert!(sql.contains(&format!("(${}, ${}, ${last})", last - 2, last - 1)));
            assert!(!sql.contains(&format!("${}", last + 1)), "{rows}");
            assert!(STATEMENT_ROWS.contains(&(rows + padding)));
        }
        let (one, _) = STATEMENT.for_run(1).unwrap();
        assert!(one.contains("(VALUES ($3, $4, $5))"), "{one}");
        assert!(STATEMENT.for_run(MAX_GROUP + 1).is_err());
    }
}
