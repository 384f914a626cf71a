//! Keeping dialogues no longer than needed: a code dies after 48 hours without anything
//! happening, and an ended dialogue with everything said in it is deleted after the retention
//! period (30 days unless the operator says otherwise), unless someone kept it.

use leidraad_domain::dialogue::IDLE_SECONDS;

use crate::{App, Error};

pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// Ends idle dialogues and deletes those past the retention period. Returns how many ended
/// and how many were deleted.
pub async fn sweep(state: &App) -> Result<(u64, u64), Error> {
    let now = state.clock.now();
    let days = state
        .settings
        .dialogue_retention_days
        .unwrap_or(DEFAULT_RETENTION_DAYS);
    let ended = state
        .store
        .end_idle_dialogues(now - IDLE_SECONDS, now)
        .await?;
    let deleted = state
        .store
        .delete_old_dialogues(now - i64::from(days) * 86_400)
        .await?;
    Ok((ended, deleted))
}
