//! The development plan: one per school year, at most three themes, each made from a result
//! (a focus card, a blind spot, a scan gap, last year's theme) or from nothing; its goal,
//! actions, "how will I know", review moments, status and year-end review; and sharing it by
//! name with a coach or a board member. The rules are the domain's (`development`); the pages,
//! the API and the demo call these.

mod items;
mod read;
mod sharing;
mod sources;
mod suggest;
mod themes;

pub use items::{ItemRequest, add_item, delete_item, update_item};
pub use leidraad_store::plans::ItemKind;
pub use read::{PlanView, SharedPlan, current_year, own_plan, plans_of, shared_plan, shared_with};
pub use sharing::{share, unshare};
pub use sources::SourceRequest;
pub use suggest::{Suggestion, suggestions};
pub use themes::{
    ThemeRequest, ThemeUpdate, add_theme, carry_over, delete_theme, save_text, update_theme,
};

use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::development::DevelopmentError;
use leidraad_store::plans::{Change, PlanRecord, ThemeRecord};

use crate::{App, Error, Viewer};

impl From<DevelopmentError> for Error {
    fn from(error: DevelopmentError) -> Error {
        match error {
            DevelopmentError::TooManyThemes
            | DevelopmentError::TooManyActions
            | DevelopmentError::TooManyReviewMoments => Error::Conflict { code: error.code() },
            _ => Error::BadRequest { code: error.code() },
        }
    }
}

/// A store outcome as a use case's answer; `full` is the refusal for a full list.
pub(crate) fn settle<T>(change: Change<T>, full: DevelopmentError) -> Result<T, Error> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(Error::NotFound),
        Change::Full => Err(full.into()),
        Change::TextChanged(_) => Err(Error::Conflict {
            code: "plan-text-changed",
        }),
    }
}

/// The viewer's own theme with its plan; someone else's is as unknown as none.
pub async fn own_theme_of(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<(PlanRecord, ThemeRecord), Error> {
    own_theme(state, viewer, id).await
}

pub(crate) async fn own_theme(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<(PlanRecord, ThemeRecord), Error> {
    let (plan, theme) = state.store.theme(id).await?.ok_or(Error::NotFound)?;
    viewer
        .may(
            Action::ManageOwnDevelopment,
            &Target::owned_by(plan.person_id),
        )
        .map_err(|_| Error::NotFound)?;
    Ok((plan, theme))
}
