use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor, Row};

use crate::StoreError;
use crate::checkpoint;
use crate::feedback::Submissions;
use crate::group_commit::{Committers, GroupCommit};
use crate::read_pool::ReadPool;
use crate::reflections::answers::ReflectionAnswers;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A deck version as this installation first and last served it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentVersion {
    pub framework_id: String,
    pub fingerprint: String,
    pub version: String,
    pub first_loaded_at: i64,
    pub last_loaded_at: i64,
}

/// The data layer. Reads go through [`Store::reader`]; writes through [`Store::writer`], which
/// on SQLite is a single connection: one writer with queued transactions beats several that
/// fight over the database lock (measured in STACK-NOTES: more writers gain ~10 % and ruin
/// p99).
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) backend: Backend,
    read_pool: ReadPool,
    pub(crate) write: Writer,
    /// The group commits' tasks, drained on close; see [`crate::group_commit`].
    pub(crate) committers: Committers,
    /// Autosaved reflection answers, committed in groups.
    pub(crate) answers: GroupCommit<ReflectionAnswers>,
    /// Raters' submissions, committed in groups on SQLite (see [`crate::feedback`]'s
    /// `submit`; on PostgreSQL each takes its own connection).
    pub(crate) submissions: Option<GroupCommit<Submissions>>,
    /// Statements sent through either pool, see [`Store::statements_sent`].
    statements: Arc<AtomicU64>,
    /// Where the database is: a dialogue listener opens a connection of its own.
    pub(crate) url: Arc<str>,
}

/// The write pool with the store's count of statements sent; a group commit's task holds a
/// clone, so its statements are counted like the store's own.
#[derive(Debug, Clone)]
pub(crate) struct Writer {
    pool: AnyPool,
    statements: Arc<AtomicU64>,
}

impl Writer {
    /// The pool. Every call counts as one statement sent, or one transaction begun.
    pub(crate) fn pool(&self) -> &AnyPool {
        self.statements.fetch_add(1, Ordering::Relaxed);
        &self.pool
    }
}

impl Store {
    /// Connects to `url` (`sqlite:…` or `postgres://…`). A SQLite file is created if missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let options = AnyConnectOptions::from_str(&with_sqlite_create_mode(url))?;
        let (write_pool, read_pool) = match backend {
            Backend::Sqlite => {
                let writer = sqlite_pool(&options, 1).await?;
                (writer, ReadPool::new(options, 8, Some(SQLITE_SETUP)))
            }
            Backend::Postgres => {
                let writer = AnyPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(5))
                    // See `sqlite_pool`: no ping before every statement. A connection that
                    // broke while idle (a restarted server) fails one statement and is
                    // dropped: sqlx still pings every connection as it goes back to the pool.
                    .test_before_acquire(false)
                    .connect_with(options.clone())
                    .await?;
                (writer, ReadPool::new(options, 16, None))
            }
        };
        read_pool.warm_up().await?;
        let statements = Arc::new(AtomicU64::new(0));
        let write = Writer {
            pool: write_pool,
            statements: statements.clone(),
        };
        let committers = Committers::new();
        if backend == Backend::Sqlite {
            let (reads, activity) = (read_pool.clone(), statements.clone());
            committers.start_beside(|closing| checkpoint::run(reads, activity, closing));
        }
        Ok(Store {
            backend,
            read_pool,
            answers: committers.start(ReflectionAnswers, &write),
            submissions: (backend == Backend::Sqlite)
                .then(|| committers.start(Submissions { backend }, &write)),
            committers,
            write,
            statements,
            url: Arc::from(url),
        })
    }

    /// The pool for reads (see [`crate::read_pool`]). Every call counts as one statement
    /// sent (a round trip on PostgreSQL), so call it once per statement.
    pub(crate) fn reader(&self) -> &ReadPool {
        self.statements.fetch_add(1, Ordering::Relaxed);
        &self.read_pool
    }

    /// The pool for writes. Every call counts as one statement sent, or one transaction begun.
    pub(crate) fn writer(&self) -> &AnyPool {
        self.write.pool()
    }

    /// How many statements this store (and its clones) sent to the database so far: each read
    /// or write on its own is one round trip on PostgreSQL, and a transaction counts once
    /// however many statements it holds. What a page costs is the difference before and
    /// after it; the tests pin the personal pages with it. (sqlx pings a write connection
    /// when it goes back to its pool, after the statement's answer has been read; that ping
    /// is not counted. Reads send nothing but their statement.)
    pub fn statements_sent(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every pending migration of this backend.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.write.pool).await?;
        Ok(())
    }

    /// Whether the database answers; used by `/readyz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(self.reader()).await?;
        Ok(())
    }

    /// Commits every write the group commits hold, then closes both pools. A write that
    /// comes after fails with [`StoreError::Closed`].
    pub async fn close(&self) {
        self.committers.drain().await;
        self.write.pool.close().await;
        self.read_pool.close().await;
    }

    /// Records that a deck version was loaded at `at`; returns whether this version is new to
    /// this installation.
    pub async fn record_content_version(
        &self,
        framework_id: &str,
        version: &str,
        fingerprint: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "INSERT INTO content_versions \
                 (framework_id, fingerprint, version, first_loaded_at, last_loaded_at) \
             VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (framework_id, fingerprint) \
                 DO UPDATE SET last_loaded_at = excluded.last_loaded_at \
             RETURNING first_loaded_at",
        )
        .bind(framework_id)
        .bind(fingerprint)
        .bind(version)
        .bind(at)
        .fetch_one(self.writer())
        .await?;
        let first_loaded_at: i64 = row.try_get("first_loaded_at")?;
        Ok(first_loaded_at == at)
    }

    /// Every version of a deck this installation has served, oldest first.
    pub async fn content_versions(
        &self,
        framework_id: &str,
    ) -> Result<Vec<ContentVersion>, StoreError> {
        let rows = sqlx::query(
            "SELECT framework_id, fingerprint, version, first_loaded_at, last_loaded_at \
             FROM content_versions WHERE framework_id = $1 \
             ORDER BY first_loaded_at, fingerprint",
        )
        .bind(framework_id)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ContentVersion {
                    framework_id: row.try_get("framework_id")?,
                    fingerprint: row.try_get("fingerprint")?,
                    version: row.try_get("version")?,
                    first_loaded_at: row.try_get("first_loaded_at")?,
                    last_loaded_at: row.try_get("last_loaded_at")?,
                })
            })
            .collect()
    }
}

/// sqlx opens a missing SQLite file only in `rwc` mode; a fresh install should just work.
fn with_sqlite_create_mode(url: &str) -> String {
    if url.starts_with("sqlite:") && !url.contains("mode=") && !url.contains(":memory:") {
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}mode=rwc")
    } else {
        url.to_owned()
    }
}

/// Run on every new SQLite connection. WAL lets readers run beside the writer; NORMAL is
/// durable across application crashes in WAL mode; the busy timeout covers the reader/writer
/// overlap.
const SQLITE_SETUP: &str = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                            PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

/// Run on the writer's connection besides [`SQLITE_SETUP`]. It never checkpoints (see
/// [`crate::checkpoint`]), and it keeps up to 32 MiB of pages rather than SQLite's 2 MiB: the
/// responses of a busy round land on leaf pages all over their tables, and reading those
/// back through the file for every submission cost more than writing them (submit-form
/// gained a fifth).
const SQLITE_WRITER_SETUP: &str = "PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = -32768;";

async fn sqlite_pool(options: &AnyConnectOptions, size: u32) -> Result<AnyPool, StoreError> {
    let pool = AnyPoolOptions::new()
        .max_connections(size)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings a connection before handing it out by default: on SQLite a trip to the
        // connection's thread and back, on PostgreSQL a round trip, each time as long as the
        // statement itself. Its ping on the way back to the pool stays.
        .test_before_acquire(false)
        .after_connect(|connection, _| {
            Box::pin(async move {
                connection.execute(SQLITE_SETUP).await?;
                connection.execute(SQLITE_WRITER_SETUP).await?;
                Ok(())
            })
        })
        .connect_with(options.clone())
        .await?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backend_follows_the_url_scheme() {
        assert_eq!(Backend::from_url("sqlite://x.db").unwrap(), Backend::Sqlite);
        assert_eq!(
            Backend::from_url("postgres://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::from_url("postgresql://u@h/db").unwrap(),
            Backend::Postgres
        );
        assert!(Backend::from_url("mysql://h/db").is_err());
    }

    #[test]
    fn sqlite_urls_get_create_mode_unless_they_choose_one() {
        assert_eq!(
            with_sqlite_create_mode("sqlite:///a/b.db"),
            "sqlite:///a/b.db?mode=rwc"
        );
        assert_eq!(
            with_sqlite_create_mode("sqlite://a.db?cache=shared"),
            "sqlite://a.db?cache=shared&mode=rwc"
        );
        assert_eq!(
            with_sqlite_create_mode("sqlite://a.db?mode=ro"),
            "sqlite://a.db?mode=ro"
        );
        assert_eq!(
            with_sqlite_create_mode("postgres://h/db"),
            "postgres://h/db"
        );
    }
}
