//! The leader's follow-up forms on the report: a card to their focus cards, sharing the report
//! with a colleague by address, and withdrawing that. Each goes back to the report with a
//! notice, or shows it again with what was refused; a refused form changes nothing.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::feedback as logic;
use leidraad_domain::accounts::PersonId;

use super::page::render_report;
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;

fn back(id: i64, notice: &str) -> Response {
    Redirect::to(&format!("/feedback/{id}/rapport?melding={notice}")).into_response()
}

/// Back with `notice` when `result` is Ok; else the report again with the problem (a 400 or
/// 409), or the error page for anything else (a 404 for a report that is not one's own).
async fn settle<T>(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    result: Result<T, leidraad_app::Error>,
    notice: &str,
) -> Result<Response, AppError> {
    let error = match result {
        Ok(_) => return Ok(back(id, notice)),
        Err(error) => AppError::from(error),
    };
    let (status, code) = error.into_refusal()?;
    render_report(state, tr, viewer, id, "", Some((status, code))).await
}

pub async fn post_focus(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let result = logic::add_focus_from_report(&state, &viewer, id, form.get("card")).await;
    settle(&state, tr, &viewer, id, result, "focus").await
}

pub async fn post_share(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let result = logic::share_report(&state, &viewer, id, form.get("email")).await;
    settle(&state, tr, &viewer, id, result, "gedeeld").await
}

pub async fn post_unshare(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, person)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    logic::unshare_report(&state, &viewer, id, PersonId(person)).await?;
    Ok(back(id, "ingetrokken"))
}
