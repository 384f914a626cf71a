//! Keeping the log: adding, changing and deleting activities; reading it as its page shows it
//! (the state around the list, and the list's lines) or whole.

use leidraad_domain::development::{Activity, ActivityForm, ActivityKind, Day, RegisterCycle};
use leidraad_store::learning_log::{ActivityFields, ActivityRecord, LogLine, LogTheme};

use super::cycle::{CycleProgress, cycle_of, progress_at};
use super::suggestions::{Suggestion, pending};
use super::{framework, may_keep_log, settle};
use crate::{App, Error, Viewer};

/// The log page's state around its list, read on every visit. The list itself is read
/// with [`log_lines`] only when the page's kept rendering is older than [`LogHead::stamp`].
#[derive(Debug, Clone)]
pub struct LogHead {
    /// Replaced by every change to the log; `None` for a log not changed since stamps came.
    pub stamp: Option<i64>,
    /// `None` until the person sets their cycle.
    pub cycle: Option<RegisterCycle>,
    /// Leidraad's own activities waiting to be confirmed or dismissed.
    pub suggestions: Vec<Suggestion>,
    /// Bytes the person's files take.
    pub used_bytes: i64,
}

impl LogHead {
    /// Where the person stands in their cycle today, from the points of their log.
    pub fn progress(&self, state: &App, points: &[(Day, u32)]) -> Option<CycleProgress> {
        self.cycle
            .map(|cycle| progress_at(cycle, Day::today(state.clock.now()), points))
    }
}

/// The person's log apart from its list.
pub async fn log_head(state: &App, viewer: &Viewer) -> Result<LogHead, Error> {
    may_keep_log(viewer)?;
    let head = state.store.log_head(viewer.person).await?;
    Ok(LogHead {
        stamp: head.stamp,
        cycle: head.cycle.as_ref().and_then(cycle_of),
        suggestions: pending(state, viewer).await?,
        used_bytes: head.used_bytes,
    })
}

/// The person's log as its list shows it, newest first.
pub async fn log_lines(state: &App, viewer: &Viewer) -> Result<Vec<LogLine>, Error> {
    may_keep_log(viewer)?;
    Ok(state.store.log_lines(viewer.person).await?)
}

/// The register points of a log's lines by day, as the cycle counts them.
pub fn points_of(lines: &[LogLine]) -> Vec<(Day, u32)> {
    lines
        .iter()
        .filter(|line| line.points > 0)
        .filter_map(|line| {
            Some((
                Day::parse(&line.happened_on).ok()?,
                u32::try_from(line.points).ok()?,
            ))
        })
        .collect()
}

/// The person's whole log, newest first, each activity with its reflections, cards, themes
/// and files.
pub async fn activities(state: &App, viewer: &Viewer) -> Result<Vec<ActivityRecord>, Error> {
    may_keep_log(viewer)?;
    Ok(state.store.activities_of(viewer.person).await?)
}

/// The plan themes an activity of the person may serve, newest school year first.
pub async fn themes(state: &App, viewer: &Viewer) -> Result<Vec<LogTheme>, Error> {
    may_keep_log(viewer)?;
    Ok(state.store.log_themes(viewer.person).await?)
}

/// One activity of the person's own log.
pub async fn activity(state: &App, viewer: &Viewer, id: i64) -> Result<ActivityRecord, Error> {
    may_keep_log(viewer)?;
    state
        .store
        .activity(viewer.person, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Adds an activity as typed; `themes` are plan themes of the person's own.
pub async fn add_activity(
    state: &App,
    viewer: &Viewer,
    form: &ActivityForm<'_>,
    themes: &[i64],
) -> Result<i64, Error> {
    may_keep_log(viewer)?;
    let framework = framework(state, None)?;
    let activity = Activity::parse(framework, form)?;
    let day = activity.day.to_string();
    settle(
        state
            .store
            .add_activity(
                viewer.person,
                fields(&activity, &day, &framework.id, themes),
                None,
                state.clock.now(),
            )
            .await?,
    )
}

/// Changes an activity. One that came from Leidraad keeps its kind: it stays the dialogue or
/// reflection it was.
pub async fn update_activity(
    state: &App,
    viewer: &Viewer,
    id: i64,
    form: &ActivityForm<'_>,
    themes: &[i64],
) -> Result<(), Error> {
    let record = activity(state, viewer, id).await?;
    let framework = framework(state, Some(&record.framework_id))?;
    let mut activity = Activity::parse(framework, form)?;
    if record.source.is_some() {
        activity.kind = ActivityKind::parse(&record.kind)?;
    }
    let day = activity.day.to_string();
    settle(
        state
            .store
            .update_activity(
                viewer.person,
                id,
                fields(&activity, &day, &framework.id, themes),
                state.clock.now(),
            )
            .await?,
    )
}

/// Deletes an activity with its files.
pub async fn delete_activity(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    may_keep_log(viewer)?;
    if state.store.delete_activity(viewer.person, id).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// The checked activity as the store takes it; `day` is its day as stored (`YYYY-MM-DD`).
pub(super) fn fields<'a>(
    activity: &'a Activity,
    day: &'a str,
    framework_id: &'a str,
    themes: &'a [i64],
) -> ActivityFields<'a> {
    ActivityFields {
        kind: activity.kind.code(),
        title: &activity.title,
        happened_on: day,
        minutes: i64::from(activity.minutes),
        points: i64::from(activity.points),
        framework_id,
        domains: &activity.domains,
        cards: &activity.cards,
        themes,
        learned: &activity.learned,
        differently: &activity.differently,
    }
}
