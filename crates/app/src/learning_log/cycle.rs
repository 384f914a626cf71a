//! The register cycle: set by its owner, and where they stand in it.

use leidraad_domain::development::{Day, Progress, RegisterCycle};
use leidraad_store::learning_log::ActivityRecord;

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
    let Some(stored) = state.store.register_cycle(viewer.person).await? else {
        return Ok(None);
    };
    let activities = state.store.activities_of(viewer.person).await?;
    Ok(progress_of(state, &stored, &activities))
}

/// The progress from a stored cycle and the log already read.
pub(super) fn progress_of(
    state: &App,
    stored: &leidraad_store::learning_log::CycleRecord,
    activities: &[ActivityRecord],
) -> Option<CycleProgress> {
    let cycle = RegisterCycle {
        start: Day::parse(&stored.starts_on).ok()?,
        target: u32::try_from(stored.target).ok()?,
    };
    let points: Vec<(Day, u32)> = activities
        .iter()
        .filter_map(|a| {
            Some((
                Day::parse(&a.happened_on).ok()?,
                u32::try_from(a.points).ok()?,
            ))
        })
        .collect();
    let today = Day::today(state.clock.now());
    Some(CycleProgress {
        cycle,
        progress: cycle.progress(today, &points),
    })
}
