//! Store tests. Each runs on SQLite, and on PostgreSQL as well when `TEST_DATABASE_URL` is set,
//! each time against a fresh database of its own.

use leidraad_store::test_support::{TestDatabase, backends};
use leidraad_store::{Backend, Store};

mod accounts;
mod dialogues;
mod feedback;
mod learning_log;
mod log_lines;
mod plans;
mod reads;
mod reflections;
mod space_scans;
mod start;

async fn fresh_store(backend: Backend) -> (Store, TestDatabase) {
    let database = TestDatabase::create(backend).await;
    let store = Store::connect(&database.url).await.expect("connect");
    store.migrate().await.expect("migrate");
    (store, database)
}

#[tokio::test]
async fn migrations_apply_once_and_again_without_change() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        store.migrate().await.expect("a second run is a no-op");
        store.ping().await.expect("the database answers");
        assert_eq!(store.backend(), backend);
        store.close().await;
    }
}

#[tokio::test]
async fn a_content_version_is_new_once_and_then_only_touched() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        assert!(
            store
                .record_content_version("deck", "1", "aaaa", 100)
                .await
                .unwrap()
        );
        assert!(
            !store
                .record_content_version("deck", "1", "aaaa", 200)
                .await
                .unwrap()
        );
        assert!(
            store
                .record_content_version("deck", "2", "bbbb", 300)
                .await
                .unwrap()
        );
        assert!(
            store
                .record_content_version("other", "1", "aaaa", 50)
                .await
                .unwrap()
        );

        let versions = store.content_versions("deck").await.unwrap();
        let summary: Vec<_> = versions
            .iter()
            .map(|v| {
                (
                    v.fingerprint.as_str(),
                    v.version.as_str(),
                    v.first_loaded_at,
                    v.last_loaded_at,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [("aaaa", "1", 100, 200), ("bbbb", "2", 300, 300)],
            "{backend:?}"
        );
        assert!(store.content_versions("nothing").await.unwrap().is_empty());
        store.close().await;
    }
}

#[tokio::test]
async fn data_survives_reconnecting() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        store
            .record_content_version("deck", "1", "aaaa", 100)
            .await
            .unwrap();
        store.close().await;
        let again = Store::connect(&database.url).await.unwrap();
        assert_eq!(
            again.content_versions("deck").await.unwrap().len(),
            1,
            "{backend:?}"
        );
        again.close().await;
    }
}

#[tokio::test]
async fn an_unsupported_url_is_refused_with_a_clear_error() {
    let error = Store::connect("mysql://localhost/db").await.unwrap_err();
    assert!(
        error.to_string().contains("unsupported database URL"),
        "{error}"
    );
}

#[test]
fn postgres_tests_run_when_ci_says_so() {
    // CI sets both; a misconfigured CI must not silently skip the PostgreSQL half.
    if std::env::var("LEIDRAAD_REQUIRE_POSTGRES").is_ok() {
        assert!(
            backends().contains(&Backend::Postgres),
            "TEST_DATABASE_URL is not set"
        );
    }
}

/// The writer never copies the WAL into the database file inside a commit; the store's own
/// task does, shortly after writes: until then the file does not grow.
#[tokio::test]
async fn sqlite_checkpoints_beside_the_writer() {
    let (store, database) = fresh_store(Backend::Sqlite).await;
    let path = database.url.trim_start_matches("sqlite://").to_owned();
    let size = || std::fs::metadata(&path).map_or(0, |m| m.len());
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let before = size();
    for n in 0..300 {
        store
            .record_content_version(&format!("deck-{n}"), "1", "aaaa", 100)
            .await
            .unwrap();
    }
    let mut after = size();
    for _ in 0..40 {
        if after > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        after = size();
    }
    assert!(
        after > before,
        "{before} bytes before the writes, {after} after"
    );
    store.close().await;
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_so_readers_never_wait_for_the_writer() {
    let (store, database) = fresh_store(Backend::Sqlite).await;
    store
        .record_content_version("deck", "1", "aaaa", 100)
        .await
        .unwrap();
    let path = database.url.trim_start_matches("sqlite://");
    assert!(
        std::path::Path::new(&format!("{path}-wal")).exists(),
        "a write in WAL mode leaves a -wal file beside {path}"
    );
    store.close().await;
}
