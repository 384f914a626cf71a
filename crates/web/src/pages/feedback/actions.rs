//! The forms on a round's page. Each either goes back to the page with a notice, or shows the
//! page again with what was refused; nothing is changed by a refused form.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::feedback::{self as logic, GroupRequest};

use super::round::{RoundPage, round_page};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{render, render_refused};

fn back(id: i64, notice: &str) -> Response {
    Redirect::to(&format!("/feedback/{id}?melding={notice}")).into_response()
}

/// The round's page again with a problem; other errors go to the error page.
async fn again(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    error: AppError,
) -> Result<Response, AppError> {
    let (status, code) = error.into_refusal()?;
    let round = logic::leader_round(state, viewer, id).await?;
    let mut page: RoundPage = round_page(state, tr, viewer, round, false).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}

/// Back with `notice` when `result` is Ok, else the page again with the problem.
async fn settle(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    result: Result<(), leidraad_app::Error>,
    notice: &str,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(back(id, notice)),
        Err(error) => again(state, tr, viewer, id, error.into()).await,
    }
}

pub async fn post_settings(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let result = logic::update_round(
        &state,
        &viewer,
        id,
        form.get("request"),
        form.get("closes_on"),
        form.get("coach"),
    )
    .await;
    settle(&state, tr, &viewer, id, result, "opgeslagen").await
}

/// A threshold field: a whole number, or empty for the default.
fn number(text: &str, default: usize) -> Result<usize, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(default);
    }
    text.parse().map_err(|_| AppError::BadRequest {
        code: "feedback-threshold-invalid",
    })
}

pub async fn post_group(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let threshold = match number(form.get("threshold"), 3) {
        Ok(n) => n,
        Err(error) => return again(&state, tr, &viewer, id, error).await,
    };
    let comment_threshold = match number(form.get("comment_threshold"), threshold) {
        Ok(n) => n,
        Err(error) => return again(&state, tr, &viewer, id, error).await,
    };
    let request = GroupRequest {
        kind: form.get("kind"),
        label: form.get("label"),
        threshold,
        comment_threshold: Some(comment_threshold),
        identifiable: form.get("identifiable") == "ja",
    };
    let result = logic::add_group(&state, &viewer, id, &request)
        .await
        .map(|_| ());
    settle(&state, tr, &viewer, id, result, "groep-toegevoegd").await
}

pub async fn post_remove_group(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((id, group)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let result = logic::remove_group(&state, &viewer, id, group).await;
    settle(&state, tr, &viewer, id, result, "groep-verwijderd").await
}

pub async fn post_merge(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (Ok(into), Ok(from)) = (form.get("into").parse(), form.get("from").parse()) else {
        return again(
            &state,
            tr,
            &viewer,
            id,
            AppError::BadRequest {
                code: "bad-request",
            },
        )
        .await;
    };
    let result = logic::merge_groups(&state, &viewer, id, into, from).await;
    settle(&state, tr, &viewer, id, result, "samengevoegd").await
}

/// Adds raters; links without an address are shown on the page once, right here.
pub async fn post_raters(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((id, group)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let copies = match number(form.get("copy_links"), 0) {
        Ok(n) if n <= 50 => n,
        _ => {
            let error = AppError::BadRequest {
                code: "feedback-copy-links-invalid",
            };
            return again(&state, tr, &viewer, id, error).await;
        }
    };
    match logic::add_raters(&state, &viewer, id, group, form.get("raters"), copies).await {
        Ok(links) if links.is_empty() => Ok(back(id, "beoordelaars-toegevoegd")),
        Ok(links) => {
            let round = logic::leader_round(&state, &viewer, id).await?;
            let mut page = round_page(&state, tr, &viewer, round, false).await?;
            page.copy_links = links;
            let mut response = render(&page)?;
            // The links are secrets shown once: never from a cache, never again on "back".
            response.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            Ok(response)
        }
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_remove_rater(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((id, link)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let result = logic::remove_rater(&state, &viewer, id, link).await;
    settle(&state, tr, &viewer, id, result, "beoordelaar-verwijderd").await
}

pub async fn post_send(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let result = logic::send(&state, &viewer, id).await.map(|_| ());
    settle(&state, tr, &viewer, id, result, "verstuurd").await
}

pub async fn post_remind(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let result = logic::remind(&state, &viewer, id).await.map(|_| ());
    settle(&state, tr, &viewer, id, result, "herinnerd").await
}

pub async fn post_close(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match logic::close(&state, &viewer, id).await {
        Ok(()) => Ok(Redirect::to(&format!("/feedback/{id}/rapport")).into_response()),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_self_from_reflection(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let Ok(reflection) = form.get("reflection").parse() else {
        let error = AppError::BadRequest {
            code: "feedback-reflection-unusable",
        };
        return again(&state, tr, &viewer, id, error).await;
    };
    let result = logic::self_rating_from_reflection(&state, &viewer, id, reflection).await;
    settle(&state, tr, &viewer, id, result, "zelf-overgenomen").await
}

pub async fn post_approve(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    logic::approve(&state, &viewer, id).await?;
    Ok(Redirect::to("/feedback?melding=goedgekeurd").into_response())
}

pub async fn post_send_back(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match logic::send_back(&state, &viewer, id, form.get("note")).await {
        Ok(()) => Ok(Redirect::to("/feedback?melding=teruggestuurd").into_response()),
        Err(error) => {
            let (status, code) = match AppError::from(error) {
                AppError::BadRequest { code } => (StatusCode::BAD_REQUEST, code),
                other => return Err(other),
            };
            let round = logic::for_coach(&state, &viewer, id).await?;
            let mut page = round_page(&state, tr, &viewer, round, true).await?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            render_refused(&page, status)
        }
    }
}
