//! `/logboek/cyclus`: the register cycle's start and target.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::learning_log as logic;
use leidraad_domain::development::{CYCLE_YEARS, DEFAULT_TARGET, Day};

use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

#[derive(Template)]
#[template(path = "learning_log_cycle.html")]
pub struct CyclePage {
    page: PageContext,
    start: String,
    target: String,
    years: u32,
    error: String,
}

async fn page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<CyclePage, AppError> {
    let current = logic::cycle_progress(state, viewer).await?;
    let (start, target) = match current {
        Some(c) => (c.cycle.start.to_string(), c.cycle.target.to_string()),
        None => (
            Day::today(state.clock.now()).to_string(),
            DEFAULT_TARGET.to_string(),
        ),
    };
    Ok(CyclePage {
        page: PageContext::new(tr, "/logboek/cyclus", Section::Other),
        start,
        target,
        years: u32::try_from(CYCLE_YEARS).unwrap_or(4),
        error: String::new(),
    })
}

pub async fn get_cycle(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&page(&state, tr, &viewer).await?)
}

pub async fn post_cycle(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let (start, target) = (form.get("start"), form.get("target"));
    let (status, code) = match logic::set_cycle(&state, &viewer, start, target).await {
        Ok(_) => return Ok(Redirect::to("/logboek").into_response()),
        Err(error) => AppError::from(error).into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer).await?;
    page.start = start.to_owned();
    page.target = target.to_owned();
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}
