//! Keeping the log: adding, changing and deleting activities, and reading the log whole with
//! what the page shows beside it (suggestions, the cycle's progress, the plan themes).

use leidraad_domain::development::{Activity, ActivityForm, ActivityKind};
use leidraad_store::learning_log::{ActivityFields, ActivityRecord, LogTheme};

use super::cycle::{CycleProgress, progress_of};
use super::suggestions::{Suggestion, pending};
use super::{framework, may_keep_log, settle};
use crate::{App, Error, Viewer};

/// The log page's whole world, read once.
#[derive(Debug, Clone)]
pub struct LogView {
    /// Newest first.
    pub activities: Vec<ActivityRecord>,
    /// Leidraad's own activities waiting to be confirmed or dismissed.
    pub suggestions: Vec<Suggestion>,
    /// `None` until the person sets their cycle.
    pub cycle: Option<CycleProgress>,
    /// The themes of the person's plans that an activity may serve.
    pub themes: Vec<LogTheme>,
    /// Bytes the person's files take.
    pub used_bytes: i64,
}

/// The person's log with everything around it.
pub async fn log(state: &App, viewer: &Viewer) -> Result<LogView, Error> {
    may_keep_log(viewer)?;
    let person = viewer.person;
    let activities = state.store.activities_of(person).await?;
    let cycle = state
        .store
        .register_cycle(person)
        .await?
        .and_then(|stored| progress_of(state, &stored, &activities));
    Ok(LogView {
        suggestions: pending(state, viewer).await?,
        themes: state.store.log_themes(person).await?,
        used_bytes: state.store.evidence_bytes_used(person).await?,
        activities,
        cycle,
    })
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
