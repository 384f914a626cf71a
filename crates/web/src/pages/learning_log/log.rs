//! `/logboek`: the cycle's progress, the suggestions from Leidraad, the activities newest first
//! and the form to add one.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::learning_log as logic;
use leidraad_domain::development::MAX_PERSON_BYTES;

use super::form::{ActivityFormView, Posted};
use super::views::{
    ActivityLine, ProgressView, SuggestionView, activity_line, progress_view, size_words,
    suggestion_view,
};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

#[derive(Template)]
#[template(path = "learning_log.html")]
pub struct LogPage {
    page: PageContext,
    progress: Option<ProgressView>,
    suggestions: Vec<SuggestionView>,
    activities: Vec<ActivityLine>,
    form: ActivityFormView,
    /// "12 MB of 200 MB".
    storage: String,
    /// Open the add form: it was refused, or the log is empty.
    form_open: bool,
    error: String,
}

async fn page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    posted: Option<Posted>,
) -> Result<LogPage, AppError> {
    let view = logic::log(state, viewer).await?;
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::NotFound)?;
    let form_open = posted.is_some() || view.activities.is_empty();
    let posted = posted.unwrap_or_else(|| Posted {
        kind: "course".to_owned(),
        day: leidraad_domain::development::Day::today(state.clock.now()).to_string(),
        ..Posted::default()
    });
    Ok(LogPage {
        page: PageContext::new(tr, "/logboek", Section::Other),
        progress: view.cycle.as_ref().map(|c| progress_view(tr, c)),
        suggestions: view
            .suggestions
            .iter()
            .map(|s| suggestion_view(tr, s))
            .collect(),
        activities: view
            .activities
            .iter()
            .map(|a| activity_line(tr, a))
            .collect(),
        form: ActivityFormView::new(
            tr,
            framework,
            &view.themes,
            posted,
            "/logboek".to_owned(),
            None,
        ),
        storage: tr.t2(
            "log-storage",
            ("used", size_words(tr, view.used_bytes)),
            (
                "total",
                size_words(tr, i64::try_from(MAX_PERSON_BYTES).unwrap_or(0)),
            ),
        ),
        form_open,
        error: String::new(),
    })
}

pub async fn get_log(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&page(&state, tr, &viewer, None).await?)
}

/// Adds an activity and opens its page, where evidence is added; a refusal shows the form
/// again with what was typed.
pub async fn post_add(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let posted = Posted::from_form(&form);
    let added = match posted.theme_ids() {
        Ok(themes) => logic::add_activity(&state, &viewer, &posted.activity(), &themes)
            .await
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    let (status, code) = match added {
        Ok(id) => return Ok(Redirect::to(&format!("/logboek/{id}?toegevoegd=ja")).into_response()),
        Err(error) => error.into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer, Some(posted)).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}

pub async fn post_confirm(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((kind, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let activity = logic::confirm(&state, &viewer, &kind, id).await?;
    Ok(Redirect::to(&format!("/logboek/{activity}")).into_response())
}

pub async fn post_dismiss(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((kind, id)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    logic::dismiss(&state, &viewer, &kind, id).await?;
    Ok(Redirect::to("/logboek").into_response())
}
