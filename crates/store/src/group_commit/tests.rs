//! The group commit itself, on every backend, with a kind of write that exists only here: a
//! tally of named values in a table of its own. Its runs wait at a gate the test opens, so
//! the test decides what is queued together, and report their sizes.

use std::sync::Arc;

use sqlx::{AnyConnection, AssertSqlSafe, Row};
use tokio::sync::{Semaphore, mpsc};

use super::{GroupCommit, GroupWrite};
use crate::test_support::{TestDatabase, backends};
use crate::{Backend, Store, StoreError};

struct Tally {
    gate: Arc<Semaphore>,
    runs: mpsc::UnboundedSender<usize>,
}

struct Mark {
    name: String,
    /// A negative value breaks the table's check, and fails the statement that holds it.
    value: i64,
    shape: u8,
}

fn mark(name: &str, value: i64, shape: u8) -> Mark {
    Mark {
        name: name.to_owned(),
        value,
        shape,
    }
}

impl GroupWrite for Tally {
    type Item = Mark;
    /// The item's place in its run, to show the outcomes come back in order.
    type Outcome = usize;
    type Key<'a> = &'a str;
    type Shape = u8;

    fn key(item: &Mark) -> &str {
        &item.name
    }

    fn shape(item: &Mark) -> u8 {
        item.shape
    }

    async fn write_run(
        &self,
        connection: &mut AnyConnection,
        run: &[&Mark],
    ) -> Result<Vec<usize>, StoreError> {
        let _ = self.runs.send(run.len());
        self.gate
            .acquire()
            .await
            .map_err(|_| StoreError::Closed)?
            .forget();
        let values: Vec<String> = (0..run.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "INSERT INTO tally (name, value) VALUES {} \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            values.join(", ")
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for item in run {
            query = query.bind(item.name.as_str()).bind(item.value);
        }
        query.execute(connection).await?;
        Ok((0..run.len()).collect())
    }
}

struct Setup {
    store: Store,
    tally: GroupCommit<Tally>,
    gate: Arc<Semaphore>,
    runs: mpsc::UnboundedReceiver<usize>,
    database: TestDatabase,
}

async fn setup(backend: Backend) -> Setup {
    let database = TestDatabase::create(backend).await;
    let store = Store::connect(&database.url).await.unwrap();
    sqlx::query(
        "CREATE TABLE tally (name TEXT PRIMARY KEY, value BIGINT NOT NULL CHECK (value >= 0))",
    )
    .execute(store.writer())
    .await
    .unwrap();
    let gate = Arc::new(Semaphore::new(0));
    let (sender, runs) = mpsc::unbounded_channel();
    let tally = store.committers.start(
        Tally {
            gate: gate.clone(),
            runs: sender,
        },
        &store.write,
    );
    Setup {
        store,
        tally,
        gate,
        runs,
        database,
    }
}

impl Setup {
    /// Holds the committing task at the gate with a first write, queues `marks` behind it,
    /// and returns every waiter, the first one first.
    async fn queue_behind_the_gate(
        &mut self,
        marks: Vec<Mark>,
    ) -> Vec<tokio::task::JoinHandle<Result<usize, StoreError>>> {
        let mut waiters = vec![self.spawn(mark("first", 0, 0))];
        assert_eq!(
            self.runs.recv().await,
            Some(1),
            "the first write is a group of its own"
        );
        let queued = marks.len();
        for mark in marks {
            waiters.push(self.spawn(mark));
        }
        while self.tally.queued() < queued {
            tokio::task::yield_now().await;
        }
        waiters
    }

    fn spawn(&self, mark: Mark) -> tokio::task::JoinHandle<Result<usize, StoreError>> {
        let tally = self.tally.clone();
        tokio::spawn(async move { tally.write(mark).await })
    }

    async fn values(&self) -> Vec<(String, i64)> {
        let rows = sqlx::query("SELECT name, value FROM tally ORDER BY name")
            .fetch_all(self.store.writer())
            .await
            .unwrap();
        rows.iter()
            .map(|row| (row.get("name"), row.get("value")))
            .collect()
    }
}

async fn outcomes(
    waiters: Vec<tokio::task::JoinHandle<Result<usize, StoreError>>>,
) -> Vec<Result<usize, StoreError>> {
    let mut outcomes = Vec::new();
    for waiter in waiters {
        outcomes.push(waiter.await.unwrap());
    }
    outcomes
}

#[tokio::test]
async fn writes_waiting_together_are_one_statement_and_each_hears_its_own_outcome() {
    for backend in backends() {
        let mut setup = setup(backend).await;
        let before = setup.store.statements_sent();
        let marks = (0..50).map(|n| mark(&format!("m{n:02}"), n, 0)).collect();
        let waiters = setup.queue_behind_the_gate(marks).await;
        setup.gate.add_permits(1_000);
        let outcomes = outcomes(waiters).await;
        assert_eq!(setup.runs.recv().await, Some(50), "{backend:?}");
        let places: Vec<usize> = outcomes.into_iter().map(Result::unwrap).collect();
        assert_eq!(places[0], 0);
        assert_eq!(places[1..], (0..50).collect::<Vec<_>>()[..]);
        assert_eq!(
            setup.store.statements_sent() - before,
            2,
            "{backend:?}: the first write, then the fifty in one statement"
        );
        assert_eq!(setup.values().await.len(), 51);
        setup.store.close().await;
    }
}

#[tokio::test]
async fn runs_split_by_shape_and_key_and_the_later_write_wins_in_one_transaction() {
    for backend in backends() {
        let mut setup = setup(backend).await;
        let marks = vec![
            mark("a", 1, 0),
            mark("b", 1, 0),
            mark("a", 2, 0),
            mark("c", 1, 1),
            mark("a", 3, 1),
        ];
        let waiters = setup.queue_behind_the_gate(marks).await;
        let before = setup.store.statements_sent();
        setup.gate.add_permits(1_000);
        let places: Vec<usize> = outcomes(waiters)
            .await
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(places, [0, 0, 1, 0, 0, 1], "{backend:?}");
        let mut sizes = Vec::new();
        while let Ok(size) = setup.runs.try_recv() {
            sizes.push(size);
        }
        assert_eq!(sizes, [2, 1, 2], "{backend:?}");
        assert_eq!(
            setup.store.statements_sent() - before,
            1,
            "{backend:?}: three runs, one transaction"
        );
        let values = setup.values().await;
        assert_eq!(
            values,
            [
                ("a".to_owned(), 3),
                ("b".to_owned(), 1),
                ("c".to_owned(), 1),
                ("first".to_owned(), 0)
            ],
            "{backend:?}"
        );
        setup.store.close().await;
    }
}

#[tokio::test]
async fn a_bad_write_fails_alone_and_its_neighbours_are_written() {
    for backend in backends() {
        let mut setup = setup(backend).await;
        let marks = vec![mark("a", 1, 0), mark("bad", -1, 0), mark("b", 1, 0)];
        let waiters = setup.queue_behind_the_gate(marks).await;
        let before = setup.store.statements_sent();
        setup.gate.add_permits(1_000);
        let outcomes = outcomes(waiters).await;
        assert!(outcomes[1].is_ok());
        assert!(
            matches!(outcomes[2], Err(StoreError::Database(_))),
            "{backend:?}: {:?}",
            outcomes[2]
        );
        assert!(outcomes[3].is_ok(), "{backend:?}");
        assert_eq!(
            setup.store.statements_sent() - before,
            4,
            "{backend:?}: the group, then each of its three again"
        );
        let names: Vec<String> = setup.values().await.into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a", "b", "first"], "{backend:?}");
        setup.store.close().await;
    }
}

#[tokio::test]
async fn closing_the_store_commits_what_is_queued_and_refuses_what_comes_after() {
    for backend in backends() {
        let mut setup = setup(backend).await;
        let marks = (0..10).map(|n| mark(&format!("m{n}"), n, 0)).collect();
        let waiters = setup.queue_behind_the_gate(marks).await;
        let close = || {
            let store = setup.store.clone();
            tokio::spawn(async move { store.close().await })
        };
        let first = close();
        while !*setup.store.committers.closing.borrow() {
            tokio::task::yield_now().await;
        }
        // A second close, from another clone, returns no sooner than the first.
        let second = close();
        for _ in 0..100 {
            tokio::task::yield_now().await;
        }
        assert!(
            !first.is_finished() && !second.is_finished(),
            "{backend:?}: closing waits for the queue"
        );
        setup.gate.add_permits(1_000);
        first.await.unwrap();
        second.await.unwrap();
        assert!(
            outcomes(waiters).await.iter().all(Result::is_ok),
            "{backend:?}: every write queued before closing is committed"
        );
        assert!(matches!(
            setup.tally.write(mark("late", 1, 0)).await,
            Err(StoreError::Closed)
        ));
        let again = Store::connect(&setup.database.url).await.unwrap();
        let rows = sqlx::query("SELECT COUNT(*) AS n FROM tally")
            .fetch_one(again.writer())
            .await
            .unwrap();
        assert_eq!(rows.get::<i64, _>("n"), 11, "{backend:?}");
        again.close().await;
    }
}
