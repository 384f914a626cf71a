//! The register cycle: set by its owner, and where they stand in it.

use leidraad_domain::development::{Day, Progress, RegisterCycle};
use leidraad_store::learning_log::CycleRecord;

use super::activities::points_of;
use super::may_keep_log;
use crate::{App, Error, Viewer};

/// A cycle with the progress in it today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleProgress {
    pub cycle: RegisterCycle,
    pub progress: Progress,
}

/// Sets (or moves) the person's cycle: a start day and a target (empty: 100 points).
pub async fn set_cycle(
    state: &App,
    viewer: &Viewer,
    start: &str,
    target: &str,
) -> Result<RegisterCycle, Error> {
    may_keep_log(viewer)?;
    let cycle = RegisterCycle::parse(start, target)?;
    state
        .store
        .set_register_cycle(
            viewer.person,
            &cycle.start.to_string(),
            i64::from(cycle.target),
            state.clock.now(),
        )
        .await?;
    Ok(cycle)
}

/// The person's cycle and their progress in it, or `None` before they set one.
pub async fn cycle_progress(state: &App, viewer: &Viewer) -> Result<Option<CycleProgress>, Error> {
    may_keep_log(viewer)?;
    let Some(cycle) = state
        .store
        .register_cycle(viewer.person)
        .await?
        .as_ref()
        .and_then(cycle_of)
    else {
        return Ok(None);
    };
    let lines = state.store.log_lines(viewer.person).await?;
    let today = Day::today(state.clock.now());
    Ok(Some(progress_at(cycle, today, &points_of(&lines))))
}

/// A stored cycle, read back.
pub(super) fn cycle_of(stored: &CycleRecord) -> Option<RegisterCycle> {
    Some(RegisterCycle {
        start: Day::parse(&stored.starts_on).ok()?,
        target: u32::try_from(stored.target).ok()?,
    })
}

/// The progress in `cycle` on `today`, from the points of the log by day.
pub(super) fn progress_at(
    cycle: RegisterCycle,
    today: Day,
    points: &[(Day, u32)],
) -> CycleProgress {
    CycleProgress {
        cycle,
        progress: cycle.progress(today, points),
    }
}
