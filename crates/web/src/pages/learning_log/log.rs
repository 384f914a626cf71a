//! `/logboek`: the cycle's progress, the suggestions from Leidraad and the activities newest
//! first. The list is rendered once per change of the log and kept ([`crate::log_cache`]);
//! what moves without a change (the progress against today, the suggestions) is read anew.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::learning_log as logic;
use leidraad_domain::development::MAX_PERSON_BYTES;

use super::views::{
    ActivityLine, ProgressView, SuggestionView, activity_line, progress_view, size_words,
    suggestion_view,
};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::log_cache::RenderedLog;
use crate::pages::{PageContext, Section, render};

#[derive(Template)]
#[template(path = "learning_log.html")]
pub struct LogPage {
    page: PageContext,
    progress: Option<ProgressView>,
    suggestions: Vec<SuggestionView>,
    list: Arc<RenderedLog>,
    /// "12 MB of 200 MB".
    storage: String,
}

/// The list of activities alone, as kept.
#[derive(Template)]
#[template(path = "_log_list.html")]
struct LogList {
    tr: Tr,
    activities: Vec<ActivityLine>,
}

pub async fn get_log(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let head = logic::log_head(&state, &viewer).await?;
    let list = list(&state, tr, &viewer, head.stamp).await?;
    render(&LogPage {
        page: PageContext::new(tr, "/logboek", Section::Other),
        progress: head
            .progress(&state, &list.points)
            .as_ref()
            .map(|c| progress_view(tr, c)),
        suggestions: head
            .suggestions
            .iter()
            .map(|s| suggestion_view(tr, s))
            .collect(),
        list,
        storage: tr.t2(
            "log-storage",
            ("used", size_words(tr, head.used_bytes)),
            (
                "total",
                size_words(tr, i64::try_from(MAX_PERSON_BYTES).unwrap_or(0)),
            ),
        ),
    })
}

/// The list as kept for `stamp`, or read, rendered and kept now. A log without a stamp (not
/// changed since stamps came) is rendered on every visit.
async fn list(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    stamp: Option<i64>,
) -> Result<Arc<RenderedLog>, AppError> {
    let key = (viewer.person, tr.lang);
    if let Some(kept) = stamp.and_then(|stamp| state.logs.get(&key, stamp)) {
        return Ok(kept);
    }
    let lines = logic::log_lines(state, viewer).await?;
    let html = LogList {
        tr,
        activities: lines.iter().map(|line| activity_line(tr, line)).collect(),
    }
    .render()?;
    let rendered = Arc::new(RenderedLog::new(
        stamp.unwrap_or_default(),
        html,
        logic::points_of(&lines),
    ));
    if stamp.is_some() {
        // Kept under the stamp read before the lines: a change in between makes the next
        // visit render again, never serve an older list.
        state.logs.insert(key, Arc::clone(&rendered));
    }
    Ok(rendered)
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
