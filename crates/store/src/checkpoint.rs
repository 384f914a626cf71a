//! SQLite's WAL checkpoints, beside the writer instead of in it. By default the connection
//! whose commit takes the WAL past 1 000 pages copies them into the database file and syncs
//! it, inside that commit: on the one writer, every write waiting behind it waits as well
//! (the longest submissions of a busy round were such commits). So the writer's connection
//! never checkpoints (`wal_autocheckpoint = 0`), and this task runs a passive checkpoint
//! from a reading connection a few times a second while anything is written. A passive
//! checkpoint takes no lock a writer needs and copies only what no reader still uses; the
//! writer starts the WAL over once everything in it is copied, as before. Closing the last
//! connection checkpoints the rest, as always.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::watch;

use crate::read_pool::ReadPool;

/// How often the task looks for new writes. SQLite's own rule would checkpoint every 1 000
/// pages, which a busy round writes in well under a second.
const INTERVAL: Duration = Duration::from_millis(200);

/// Runs until the store closes. `activity` is the store's count of statements: a checkpoint
/// only follows a change in it.
pub(crate) async fn run(
    read_pool: ReadPool,
    activity: Arc<AtomicU64>,
    mut closing: watch::Receiver<bool>,
) {
    let mut seen = activity.load(Ordering::Relaxed);
    loop {
        tokio::select! {
            () = tokio::time::sleep(INTERVAL) => {}
            _ = closing.wait_for(|closing| *closing) => return,
        }
        let now = activity.load(Ordering::Relaxed);
        if now == seen {
            continue;
        }
        seen = now;
        let done = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_optional(&read_pool)
            .await;
        if let Err(error) = done {
            tracing::warn!(%error, "WAL checkpoint failed; the next one tries again");
        }
    }
}
