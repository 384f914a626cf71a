//! Who may open a reflection, reading it with everything its pages show, and a person's
//! moments on a timeline.

use leidraad_domain::Framework;
use leidraad_domain::accounts::{Action, PersonId, Target};
use leidraad_store::reflections::{FullReflection, Moments, ReflectionRecord};

use crate::App;
use crate::Error;
use crate::Viewer;

/// A reflection as its reader may see it.
pub struct Opened {
    pub record: ReflectionRecord,
    /// The author is reading (and, while unfinished, may write).
    pub own: bool,
}

/// Opens a reflection for reading: its author, or a person it is shared with. Anyone else,
/// admins and board members included, gets 404, as for a reflection that does not exist.
pub async fn open(state: &App, viewer: &Viewer, id: i64) -> Result<Opened, Error> {
    let record = state.store.reflection(id).await?.ok_or(Error::NotFound)?;
    let own = if record.person_id == viewer.person {
        may_read(viewer, &record, &[])?
    } else {
        let viewers = state.store.reflection_viewers(id).await?;
        may_read(viewer, &record, &viewers)?
    };
    Ok(Opened { record, own })
}

/// Whether the viewer may read the reflection (shared with `viewers`), and as its author.
fn may_read(
    viewer: &Viewer,
    record: &ReflectionRecord,
    viewers: &[PersonId],
) -> Result<bool, Error> {
    if record.person_id == viewer.person {
        viewer.may(
            Action::ViewOwnReflection,
            &Target::owned_by(record.person_id),
        )?;
        return Ok(true);
    }
    viewer.may(
        Action::ViewSharedReflection,
        &Target::shared_with(record.person_id, viewers),
    )?;
    Ok(false)
}

/// A reflection with everything its pages show, as its reader may see it.
pub struct Loaded {
    pub full: FullReflection,
    /// The author is reading.
    pub own: bool,
}

/// Reads a reflection with its answers, own cards, focus cards, shares and the author's
/// other moments in one statement (one round trip), then asks the policy exactly as
/// [`open`] does.
pub async fn load(state: &App, viewer: &Viewer, id: i64) -> Result<Loaded, Error> {
    let full = state
        .store
        .full_reflection(id, viewer.person)
        .await?
        .ok_or(Error::NotFound)?;
    let own = may_read(viewer, &full.record, &full.viewers())?;
    Ok(Loaded { full, own })
}

/// As [`load`], for the author only: a reader it is shared with gets 404, as from
/// [`open_own`].
pub async fn load_own(state: &App, viewer: &Viewer, id: i64) -> Result<FullReflection, Error> {
    let loaded = load(state, viewer, id).await?;
    if !loaded.own {
        return Err(Error::NotFound);
    }
    Ok(loaded.full)
}

/// Opens one's own reflection for a change.
pub async fn open_own(state: &App, viewer: &Viewer, id: i64) -> Result<ReflectionRecord, Error> {
    let opened = open(state, viewer, id).await?;
    if !opened.own {
        // Shared readers may look, never touch; and they learn nothing new from a 404.
        return Err(Error::NotFound);
    }
    Ok(opened.record)
}

pub fn framework_of<'a>(state: &'a App, record: &ReflectionRecord) -> Result<&'a Framework, Error> {
    state
        .library
        .framework(&record.framework_id)
        .ok_or(Error::Internal)
}

/// A person's moments in one statement: their own, oldest first, and those shared with
/// them, newest first, with the author's name.
pub async fn moments(state: &App, viewer: &Viewer) -> Result<Moments, Error> {
    viewer.may(Action::ViewOwnReflection, &Target::owned_by(viewer.person))?;
    let mut moments = state.store.moments(viewer.person).await?;
    // The store reads only what is shared with the viewer; the policy still has the last
    // word, as it has on each reflection's own page.
    let me = std::slice::from_ref(&viewer.person);
    moments.shared.retain(|(record, _)| {
        viewer.allowed(
            Action::ViewSharedReflection,
            &Target::shared_with(record.person_id, me),
        )
    });
    Ok(moments)
}

/// One of a person's own moments as the timeline shows it.
pub struct Moment {
    pub record: ReflectionRecord,
    /// Cards laid on a pile, own cards included.
    pub sorted: usize,
    /// Every card in scope, own cards included.
    pub total: usize,
    /// On every domain of its framework (else on `record.domains`).
    pub whole: bool,
}

/// A person's moments: their own, newest first, with how far each has come; those shared with
/// them; and the two the comparison offers first.
pub struct Timeline {
    pub own: Vec<Moment>,
    /// Newest first, with the author's name.
    pub shared: Vec<(ReflectionRecord, String)>,
    /// (earlier, later): the two newest finished moments of one framework, or while fewer
    /// than two are finished, the two newest moments. Never one moment twice.
    pub compare: Option<(i64, i64)>,
}

impl Timeline {
    /// The open moment on `framework`, the newest if there are several (from before one
    /// open moment per framework was the rule).
    pub fn open_on(&self, framework: &str) -> Option<&Moment> {
        self.own
            .iter()
            .find(|m| m.record.framework_id == framework && m.record.finished_at.is_none())
    }
}

/// The timeline in one statement, as [`moments`] reads it.
pub async fn timeline(state: &App, viewer: &Viewer) -> Result<Timeline, Error> {
    let Moments {
        own,
        shared,
        progress,
    } = moments(state, viewer).await?;
    let own: Vec<Moment> = own
        .into_iter()
        .rev()
        .map(|record| {
            let counted = progress.get(&record.id).copied().unwrap_or_default();
            let count = |n: i64| usize::try_from(n).unwrap_or(0);
            let framework = state.library.framework(&record.framework_id);
            let printed = framework.map_or(0, |f| {
                record
                    .domains
                    .iter()
                    .map(|d| f.cards_of(d).count())
                    .sum::<usize>()
            });
            Moment {
                sorted: count(counted.sorted),
                total: printed + count(counted.own_cards),
                whole: framework
                    .is_some_and(|f| f.domains.iter().all(|d| record.domains.contains(&d.id))),
                record,
            }
        })
        .collect();
    let compare = default_pair(&own);
    Ok(Timeline {
        own,
        shared,
        compare,
    })
}

/// The pair the comparison offers first, `own` newest first.
fn default_pair(own: &[Moment]) -> Option<(i64, i64)> {
    let records = || own.iter().map(|m| &m.record);
    let finished_pair = records()
        .find(|r| r.finished_at.is_some())
        .and_then(|newest| {
            let mut same = records()
                .filter(|r| r.finished_at.is_some() && r.framework_id == newest.framework_id);
            Some((same.next()?, same.next()?))
        });
    let (later, earlier) = match finished_pair {
        Some(pair) => pair,
        None => {
            let newest = own.first()?;
            let mut same = records().filter(|r| r.framework_id == newest.record.framework_id);
            (same.next()?, same.next()?)
        }
    };
    Some((earlier.id, later.id))
}
