//! `/logboek/nieuw`: the form to add an activity, on a page of its own so the log itself stays
//! short and does not carry the standard's 80 cards on every visit. It posts to `/logboek`;
//! a refusal shows the form again with what was typed.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::learning_log as logic;
use leidraad_domain::development::Day;

use super::form::{ActivityFormView, Posted};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

#[derive(Template)]
#[template(path = "learning_log_new.html")]
pub struct NewActivityPage {
    page: PageContext,
    form: ActivityFormView,
    error: String,
}

async fn page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    posted: Posted,
) -> Result<NewActivityPage, AppError> {
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::NotFound)?;
    let themes = logic::themes(state, viewer).await?;
    Ok(NewActivityPage {
        page: PageContext::new(tr, "/logboek/nieuw", Section::Other),
        form: ActivityFormView::new(tr, framework, &themes, posted, "/logboek".to_owned(), None),
        error: String::new(),
    })
}

pub async fn get_new(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let posted = Posted {
        kind: "course".to_owned(),
        day: Day::today(state.clock.now()).to_string(),
        ..Posted::default()
    };
    render(&page(&state, tr, &viewer, posted).await?)
}

/// Adds an activity and opens its page, where evidence is added.
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
    let mut page = page(&state, tr, &viewer, posted).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}
