//! Finishing a reflection, which cannot be undone: the button leads to a page that says how
//! many cards are still unsorted and asks once more; only the form on that page finishes.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::super::super::{PageContext, Section, render};
use super::actions::{again, back};
use super::date_time;
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections as logic;

/// What the confirmation field says when the person confirmed.
const CONFIRMED: &str = "ja";

#[derive(Template)]
#[template(path = "reflection_finish.html")]
pub struct FinishPage {
    page: PageContext,
    id: i64,
    started: String,
    /// "Nog 14 van de 80 kaarten liggen op geen stapel."
    count: String,
    unsorted: usize,
    error: String,
}

async fn page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
) -> Result<Result<FinishPage, Response>, AppError> {
    let preview = logic::finish_preview(state, viewer, id).await?;
    if preview.record.finished_at.is_some() {
        // Finished already: there is nothing to confirm, the profile says so.
        return Ok(Err(
            Redirect::to(&format!("/reflecties/{id}")).into_response()
        ));
    }
    Ok(Ok(FinishPage {
        page: PageContext::new(tr, format!("/reflecties/{id}/afronden"), Section::Other),
        id,
        started: date_time(tr, preview.record.started_at),
        count: tr.t2(
            "finish-unsorted",
            ("count", preview.total - preview.sorted),
            ("total", preview.total),
        ),
        unsorted: preview.total - preview.sorted,
        error: String::new(),
    }))
}

pub async fn get_finish(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match page(&state, tr, &viewer, id).await? {
        Ok(page) => render(&page),
        Err(redirect) => Ok(redirect),
    }
}

pub async fn post_finish(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    if form.get("bevestiging") != CONFIRMED {
        // An old form, or a request made by hand: nothing changes, and the page asks.
        return match page(&state, tr, &viewer, id).await? {
            Ok(mut page) => {
                page.error = tr.t("problem-finish-unconfirmed").into_owned();
                render_refused(&page, StatusCode::BAD_REQUEST)
            }
            Err(redirect) => Ok(redirect),
        };
    }
    match logic::finish(&state, &viewer, id).await {
        Ok(()) => Ok(back(id, "afgerond")),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}
