//! The forms on the profile page: focus cards and sharing (finishing asks first, in
//! [`super::finish`]).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::PersonId;

use super::page::render_profile;
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, share};

/// The profile page again with a problem, for the forms on it.
pub(super) async fn again(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    error: AppError,
) -> Result<Response, AppError> {
    let (status, code) = error.into_refusal()?;
    let mut response = render_profile(state, tr, viewer, id, false, |page| {
        page.error = tr.t(&format!("problem-{code}")).into_owned();
    })
    .await?;
    *response.status_mut() = status;
    response.extensions_mut().insert(OwnErrorBody);
    Ok(response)
}

pub(super) fn back(id: i64, notice: &str) -> Response {
    Redirect::to(&format!("/reflecties/{id}?melding={notice}")).into_response()
}

pub async fn post_focus(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match logic::add_focus(&state, &viewer, id, form.get("card")).await {
        Ok(()) => Ok(back(id, "focus")),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_remove_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    logic::remove_focus(&state, &viewer, id, &card).await?;
    Ok(back(id, "focus"))
}

pub async fn post_share(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match share(&state, &viewer, id, form.get("email")).await {
        Ok(()) => Ok(back(id, "gedeeld")),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_unshare(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, person)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    logic::unshare(&state, &viewer, id, PersonId(person)).await?;
    Ok(back(id, "ingetrokken"))
}
