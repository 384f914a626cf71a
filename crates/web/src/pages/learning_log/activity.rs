//! `/logboek/{id}`: one activity, its evidence files with the upload form, the form to change
//! it, and deleting it.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::learning_log as logic;
use serde::Deserialize;

use super::form::{ActivityFormView, Posted};
use super::views::{FileLine, file_line, kind_label, title_of};
use crate::AppState;
use crate::auth::{CSRF_FIELD, SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, encode_query, render, render_refused};

#[derive(Template)]
#[template(path = "learning_log_activity.html")]
pub struct ActivityPage {
    page: PageContext,
    title: String,
    kind_label: String,
    from_leidraad: bool,
    added: bool,
    files: Vec<FileLine>,
    /// The upload form's action, with the session's token in its query (a multipart body is
    /// not read by the forgery guard).
    upload_action: String,
    delete_action: String,
    form: ActivityFormView,
    error: String,
}

#[derive(Deserialize)]
pub struct Shown {
    #[serde(default)]
    toegevoegd: Option<String>,
}

pub(super) async fn page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    posted: Option<Posted>,
) -> Result<ActivityPage, AppError> {
    let record = logic::activity(state, viewer, id).await?;
    let framework = state
        .library
        .framework(&record.framework_id)
        .or_else(|| state.library.default_framework())
        .ok_or(AppError::NotFound)?;
    let themes = state.store.log_themes(viewer.person).await?;
    let posted = posted.unwrap_or_else(|| Posted::from_record(tr, &record));
    let token = viewer.csrf_token().unwrap_or_default();
    Ok(ActivityPage {
        page: PageContext::new(tr, format!("/logboek/{id}"), Section::Other),
        title: title_of(tr, &record),
        kind_label: kind_label(tr, &record.kind),
        from_leidraad: record.source.is_some(),
        added: false,
        files: record.evidence.iter().map(|f| file_line(tr, f)).collect(),
        upload_action: format!("/logboek/{id}/bewijs?{CSRF_FIELD}={}", encode_query(token)),
        delete_action: format!("/logboek/{id}/verwijderen"),
        form: ActivityFormView::new(
            tr,
            framework,
            &themes,
            posted,
            format!("/logboek/{id}"),
            record.source.as_ref().map(|_| record.kind.as_str()),
        ),
        error: String::new(),
    })
}

pub async fn get_activity(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(shown): Query<Shown>,
) -> Result<Response, AppError> {
    let mut page = page(&state, tr, &viewer, id, None).await?;
    page.added = shown.toegevoegd.is_some();
    render(&page)
}

pub async fn post_update(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let posted = Posted::from_form(&form);
    let saved = match posted.theme_ids() {
        Ok(themes) => logic::update_activity(&state, &viewer, id, &posted.activity(), &themes)
            .await
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    let (status, code) = match saved {
        Ok(()) => return Ok(Redirect::to(&format!("/logboek/{id}")).into_response()),
        Err(error) => error.into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer, id, Some(posted)).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}

/// Deletes the activity with its files. The form says so beside its button; the page asks
/// nothing more, as deleting one's own log entry touches no one else.
pub async fn post_delete(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    logic::delete_activity(&state, &viewer, id).await?;
    Ok(Redirect::to("/logboek").into_response())
}

/// The activity page again with a refusal of its upload form.
pub(super) async fn refused(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    status: StatusCode,
    code: &str,
) -> Result<Response, AppError> {
    let mut page = page(state, tr, viewer, id, None).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}
