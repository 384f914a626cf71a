//! The connections reads go through: a plain pool that sends nothing but the statements.
//!
//! sqlx's pool pings a connection as it goes back to the pool, and by default again before
//! handing it out. On PostgreSQL each ping is a round trip as long as the statement itself,
//! so a page of one statement cost three; on SQLite each is a trip to the connection's thread
//! and back, and those thread switches were a third of the profile page's CPU time. A read
//! leaves nothing behind that a ping would have to flush (no transaction, every row read), so
//! this pool hands a connection back as it is.
//!
//! A connection whose statement failed, or whose request was cancelled halfway, is not
//! trusted again: it is dropped, and the next read opens a new one. A connection that broke
//! while idle (a restarted PostgreSQL) fails one read; the others idle beside it are dropped
//! with it, since they most likely broke the same way. Connections are renewed after
//! [`MAX_LIFETIME`], as sqlx renews its own, so the server can free what a session collects.

use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures_core::Stream;
use sqlx::any::{AnyConnectOptions, AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::{Any, AnyConnection, Connection, Describe, Either, Execute, Executor, SqlStr};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a connection serves before it is replaced.
const MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);
/// A connection idle this long is closed rather than used: a firewall may have cut it.
const MAX_IDLE: Duration = Duration::from_secs(10 * 60);
/// How long a read waits for a free connection before it fails.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(10);

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;
type BoxStream<'a, T> = Pin<Box<dyn Stream<Item = T> + Send + 'a>>;

#[derive(Clone)]
pub(crate) struct ReadPool {
    inner: Arc<Inner>,
}

struct Inner {
    options: AnyConnectOptions,
    /// Run once on every new connection (SQLite's pragmas).
    setup: Option<&'static str>,
    idle: Mutex<Vec<Idle>>,
    permits: Arc<Semaphore>,
}

struct Idle {
    connection: AnyConnection,
    opened: Instant,
    since: Instant,
}

impl std::fmt::Debug for ReadPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadPool")
            .field("available", &self.inner.permits.available_permits())
            .finish_non_exhaustive()
    }
}

/// A connection lent out for one statement. Dropped without [`Lease::give_back`], the
/// connection is closed instead of returned.
struct Lease {
    connection: Option<AnyConnection>,
    opened: Instant,
    pool: Arc<Inner>,
    _permit: OwnedSemaphorePermit,
}

impl ReadPool {
    /// A pool of at most `size` connections, opened as reads need them; `setup` runs on each
    /// new connection.
    pub fn new(options: AnyConnectOptions, size: usize, setup: Option<&'static str>) -> ReadPool {
        ReadPool {
            inner: Arc::new(Inner {
                options,
                setup,
                idle: Mutex::new(Vec::new()),
                permits: Arc::new(Semaphore::new(size)),
            }),
        }
    }

    /// Opens one connection and keeps it, so that a wrong URL or an unreachable server
    /// shows at start-up rather than on the first page.
    pub async fn warm_up(&self) -> Result<(), sqlx::Error> {
        self.lease().await?.give_back();
        Ok(())
    }

    pub async fn close(&self) {
        self.inner.permits.close();
        let idle = std::mem::take(&mut *self.inner.idle.lock().unwrap_or_else(|e| e.into_inner()));
        for connection in idle {
            let _ = connection.connection.close().await;
        }
    }

    async fn lease(&self) -> Result<Lease, sqlx::Error> {
        let permit =
            tokio::time::timeout(ACQUIRE_TIMEOUT, self.inner.permits.clone().acquire_owned())
                .await
                .map_err(|_| sqlx::Error::PoolTimedOut)?
                .map_err(|_| sqlx::Error::PoolClosed)?;
        loop {
            let idle = self
                .inner
                .idle
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .pop();
            match idle {
                Some(idle) if idle.since.elapsed() < MAX_IDLE => {
                    return Ok(Lease {
                        connection: Some(idle.connection),
                        opened: idle.opened,
                        pool: self.inner.clone(),
                        _permit: permit,
                    });
                }
                // Stale: dropped, and the next one tried.
                Some(_) => continue,
                None => break,
            }
        }
        let mut connection = AnyConnection::connect_with(&self.inner.options).await?;
        if let Some(setup) = self.inner.setup {
            connection.execute(setup).await?;
        }
        Ok(Lease {
            connection: Some(connection),
            opened: Instant::now(),
            pool: self.inner.clone(),
            _permit: permit,
        })
    }
}

impl Lease {
    fn connection(&mut self) -> &mut AnyConnection {
        self.connection
            .as_mut()
            .expect("a lease holds its connection until it is given back")
    }

    /// Returns the connection for the next read, unless it has served its time or the pool
    /// was closed meanwhile.
    fn give_back(mut self) {
        let Some(connection) = self.connection.take() else {
            return;
        };
        if self.opened.elapsed() < MAX_LIFETIME && !self.pool.permits.is_closed() {
            self.pool
                .idle
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(Idle {
                    connection,
                    opened: self.opened,
                    since: Instant::now(),
                });
        }
    }

    /// Gives the connection back after a success. After a failure it is dropped, and
    /// after a broken connection every idle one with it.
    fn settle<T>(self, outcome: &Result<T, sqlx::Error>) {
        match outcome {
            Ok(_) => self.give_back(),
            Err(sqlx::Error::Io(_) | sqlx::Error::Protocol(_)) => {
                self.pool
                    .idle
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clear();
            }
            Err(_) => {}
        }
    }
}

/// A stream of results already read in full: the pool reads every row before it hands the
/// connection back, which is what `fetch_all`, `fetch_one` and `execute` do anyway.
enum Collected<'e> {
    Reading(BoxFuture<'e, Result<Vec<Either<AnyQueryResult, AnyRow>>, sqlx::Error>>),
    Ready(std::vec::IntoIter<Either<AnyQueryResult, AnyRow>>),
    Failed(Option<sqlx::Error>),
}

impl Stream for Collected<'_> {
    type Item = Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match &mut *self {
                Collected::Reading(future) => match future.as_mut().poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Ok(items)) => *self = Collected::Ready(items.into_iter()),
                    Poll::Ready(Err(error)) => *self = Collected::Failed(Some(error)),
                },
                Collected::Ready(items) => return Poll::Ready(items.next().map(Ok)),
                Collected::Failed(error) => return Poll::Ready(error.take().map(Err)),
            }
        }
    }
}

impl<'p> Executor<'p> for &'_ ReadPool {
    type Database = Any;

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'p: 'e,
        E: 'q + Execute<'q, Any>,
    {
        let pool = self.clone();
        Box::pin(Collected::Reading(Box::pin(async move {
            let mut lease = pool.lease().await?;
            let mut items = Vec::new();
            let outcome = {
                let mut stream = lease.connection().fetch_many(query);
                loop {
                    match poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
                        Some(Ok(item)) => items.push(item),
                        Some(Err(error)) => break Err(error),
                        None => break Ok(()),
                    }
                }
            };
            lease.settle(&outcome);
            outcome.map(|()| items)
        })))
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
    where
        'p: 'e,
        E: 'q + Execute<'q, Any>,
    {
        let pool = self.clone();
        Box::pin(async move {
            let mut lease = pool.lease().await?;
            let outcome = lease.connection().fetch_optional(query).await;
            lease.settle(&outcome);
            outcome
        })
    }

    fn prepare_with<'e>(
        self,
        sql: SqlStr,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, Result<AnyStatement, sqlx::Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move {
            let mut lease = pool.lease().await?;
            let outcome = lease.connection().prepare_with(sql, parameters).await;
            lease.settle(&outcome);
            outcome
        })
    }

    fn describe<'e>(self, sql: SqlStr) -> BoxFuture<'e, Result<Describe<Any>, sqlx::Error>>
    where
        'p: 'e,
    {
        let pool = self.clone();
        Box::pin(async move {
            let mut lease = pool.lease().await?;
            let outcome = lease.connection().describe(sql).await;
            lease.settle(&outcome);
            outcome
        })
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    impl ReadPool {
        fn idle(&self) -> usize {
            self.inner.idle.lock().unwrap().len()
        }
    }

    fn pool() -> (ReadPool, std::path::PathBuf) {
        sqlx::any::install_default_drivers();
        let folder = std::env::temp_dir().join(format!("leidraad_read_pool_{:016x}", {
            use std::hash::{BuildHasher, RandomState};
            RandomState::new().hash_one(std::process::id())
        }));
        std::fs::create_dir_all(&folder).unwrap();
        let url = format!("sqlite://{}?mode=rwc", folder.join("db.sqlite3").display());
        let options = AnyConnectOptions::from_str(&url).unwrap();
        (
            ReadPool::new(options, 2, Some("PRAGMA foreign_keys = ON;")),
            folder,
        )
    }

    #[tokio::test]
    async fn a_read_gives_its_connection_back_and_a_failed_or_cancelled_one_does_not() {
        let (pool, folder) = pool();
        for _ in 0..3 {
            let row = sqlx::query("SELECT 1 AS one")
                .fetch_one(&pool)
                .await
                .unwrap();
            assert_eq!(sqlx::Row::get::<i64, _>(&row, "one"), 1);
        }
        assert_eq!(pool.idle(), 1, "one connection, used three times");

        assert!(
            sqlx::query("SELECT nonsense")
                .fetch_all(&pool)
                .await
                .is_err()
        );
        assert_eq!(pool.idle(), 0, "a failed read drops its connection");
        sqlx::query("SELECT 1").execute(&pool).await.unwrap();
        assert_eq!(pool.idle(), 1, "and the next one opens a new one");

        // A read long enough that its first poll cannot find it done, even on a busy machine.
        let slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c \
                    WHERE x < 20000000) SELECT count(*) FROM c";
        let mut read = Box::pin(sqlx::query(slow).fetch_optional(&pool));
        let first = poll_fn(|cx| Poll::Ready(read.as_mut().poll(cx))).await;
        assert!(
            first.is_pending(),
            "the read waits for the connection's thread"
        );
        drop(read);
        assert_eq!(pool.idle(), 0, "a cancelled read does not come back");
        sqlx::query("SELECT 1").execute(&pool).await.unwrap();

        pool.close().await;
        assert_eq!(pool.idle(), 0);
        assert!(sqlx::query("SELECT 1").execute(&pool).await.is_err());
        let _ = std::fs::remove_dir_all(folder);
    }
}
