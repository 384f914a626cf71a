//! The actions of a theme and its review moments: added, changed (a text, a day, ticked off)
//! and deleted one at a time.

use leidraad_domain::development::{
    Day, DevelopmentError, MAX_ACTIONS, MAX_REVIEW_MOMENTS, PlanField, parse_action, parse_field,
};
use leidraad_store::plans::{ItemFields, ItemKind};

use super::{own_theme, settle};
use crate::{App, Error, Viewer};

/// An item as typed; `None` keeps what is stored. `text` is an action's text or a review
/// moment's note; `due_on` is `YYYY-MM-DD` or empty for none.
#[derive(Debug, Clone, Default)]
pub struct ItemRequest {
    pub text: Option<String>,
    pub due_on: Option<String>,
    pub done: Option<bool>,
}

struct Checked {
    text: Option<String>,
    due_on: Option<String>,
    done: Option<bool>,
}

fn check(kind: ItemKind, request: &ItemRequest) -> Result<Checked, Error> {
    let text = match (kind, request.text.as_deref()) {
        (_, None) => None,
        (ItemKind::Action, Some(text)) => Some(parse_action(text)?),
        (ItemKind::ReviewMoment, Some(text)) => Some(parse_field(PlanField::Review, text)?),
    };
    let due_on = match request.due_on.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(String::new()),
        Some(day) => Some(Day::parse(day)?.to_string()),
    };
    if kind == ItemKind::ReviewMoment && (request.done.is_some() || due_on.as_deref() == Some("")) {
        // A review moment is a day to look again: it has one, and nothing to tick off.
        return Err(DevelopmentError::DateInvalid.into());
    }
    Ok(Checked {
        text,
        due_on,
        done: request.done,
    })
}

fn fields(checked: &Checked) -> ItemFields<'_> {
    ItemFields {
        text: checked.text.as_deref(),
        due_on: checked.due_on.as_deref(),
        done: checked.done,
    }
}

/// Adds an action (it needs a text) or a review moment (it needs a day) to the viewer's theme.
pub async fn add_item(
    state: &App,
    viewer: &Viewer,
    theme: i64,
    kind: ItemKind,
    request: &ItemRequest,
) -> Result<i64, Error> {
    let checked = check(kind, request)?;
    let (most, full) = match kind {
        ItemKind::Action => {
            if checked.text.is_none() {
                return Err(DevelopmentError::ActionInvalid.into());
            }
            (MAX_ACTIONS, DevelopmentError::TooManyActions)
        }
        ItemKind::ReviewMoment => {
            if checked.due_on.is_none() {
                return Err(DevelopmentError::DateInvalid.into());
            }
            (MAX_REVIEW_MOMENTS, DevelopmentError::TooManyReviewMoments)
        }
    };
    own_theme(state, viewer, theme).await?;
    let change = state
        .store
        .add_theme_item(
            viewer.person,
            theme,
            kind,
            fields(&checked),
            most,
            state.clock.now(),
        )
        .await?;
    settle(change, full)
}

pub async fn update_item(
    state: &App,
    viewer: &Viewer,
    theme: i64,
    kind: ItemKind,
    item: i64,
    request: &ItemRequest,
) -> Result<(), Error> {
    let checked = check(kind, request)?;
    own_theme(state, viewer, theme).await?;
    let change = state
        .store
        .update_theme_item(
            viewer.person,
            theme,
            kind,
            item,
            fields(&checked),
            state.clock.now(),
        )
        .await?;
    settle(change, DevelopmentError::TooManyActions)
}

pub async fn delete_item(
    state: &App,
    viewer: &Viewer,
    theme: i64,
    kind: ItemKind,
    item: i64,
) -> Result<(), Error> {
    own_theme(state, viewer, theme).await?;
    let change = state
        .store
        .delete_theme_item(viewer.person, theme, kind, item)
        .await?;
    settle(change, DevelopmentError::TooManyActions)
}
