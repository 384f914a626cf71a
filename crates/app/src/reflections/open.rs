//! Who may open a reflection, and reading it with everything its pages show.

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
