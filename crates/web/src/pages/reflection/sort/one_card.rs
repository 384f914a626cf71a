//! One card at a time: the four piles as big buttons, with note, evidence and star.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::super::{PageContext, Section, encode_query, render};
use super::super::{PileView, piles};
use super::{CardView, card_view, is_sorted, load};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::error::OwnErrorBody;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, AnswerInput};

#[derive(Template)]
#[template(path = "reflection_sort.html")]
pub struct SortPage {
    page: PageContext,
    id: i64,
    card: CardView,
    position: usize,
    total: usize,
    sorted: usize,
    previous: String,
    next: String,
    piles: Vec<PileView>,
    error: String,
    /// What the page showed, sent back with the form so that only what the person changed is
    /// written: the stored answer at first, and what the form carried when it comes back
    /// with a problem.
    shown: Shown,
}

struct Shown {
    note: String,
    evidence: String,
    starred: bool,
}

#[derive(Deserialize)]
pub struct SortQuery {
    #[serde(default)]
    kaart: String,
}

async fn sort_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    wanted: &str,
) -> Result<Result<SortPage, Response>, AppError> {
    let loaded = load(state, tr, viewer, id).await?;
    if loaded.record.finished_at.is_some() {
        return Ok(Err(
            Redirect::to(&format!("/reflecties/{id}")).into_response()
        ));
    }
    // Resume where the person left off: the card asked for, else the first one not sorted.
    let index = loaded
        .scope
        .iter()
        .position(|c| c.key == wanted)
        .or_else(|| {
            loaded
                .scope
                .iter()
                .position(|c| !is_sorted(&loaded.answers, &c.key))
        })
        .unwrap_or(0);
    let framework = logic::framework_of(state, &loaded.record)?;
    let card = loaded.scope.get(index).ok_or(AppError::NotFound)?;
    let key_at = |i: Option<usize>| {
        i.and_then(|i| loaded.scope.get(i))
            .map(|c| c.key.clone())
            .unwrap_or_default()
    };
    let card = card_view(tr, framework, card, &loaded.answers);
    let shown = Shown {
        note: card.note.clone(),
        evidence: card.evidence.clone(),
        starred: card.starred,
    };
    Ok(Ok(SortPage {
        page: PageContext::new(tr, format!("/reflecties/{id}/sorteren"), Section::Other),
        id,
        shown,
        card,
        position: index + 1,
        total: loaded.scope.len(),
        sorted: loaded
            .scope
            .iter()
            .filter(|c| is_sorted(&loaded.answers, &c.key))
            .count(),
        previous: key_at(index.checked_sub(1)),
        next: key_at(Some(index + 1)),
        piles: piles(tr),
        error: String::new(),
    }))
}

pub async fn get_sort(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<SortQuery>,
) -> Result<Response, AppError> {
    match sort_page(&state, tr, &viewer, id, &query.kaart).await? {
        Ok(page) => render(&page),
        Err(redirect) => Ok(redirect),
    }
}

/// What the sort form means to change. A pile button names a pile; "Opslaan" alone leaves it.
/// The note, evidence and star are written only when they differ from what the page showed
/// (`*_was`), so a page loaded before another tab saved cannot put old text back.
fn card_change(form: &FormFields) -> AnswerInput<'_> {
    // Browsers send a textarea's line breaks as CRLF; the page showed them as stored.
    let same = |a: &str, b: &str| a.replace("\r\n", "\n") == b.replace("\r\n", "\n");
    let changed = |field: &'static str, was: &'static str| {
        let typed = form.get(field);
        (!form.contains(was) || !same(form.get(was), typed)).then_some(typed)
    };
    let starred = form.get("starred") == "on";
    let starred_was = form.get("starred_was") == "true";
    AnswerInput {
        pile: form.contains("pile").then(|| Some(form.get("pile"))),
        note: changed("note", "note_was"),
        evidence: changed("evidence", "evidence_was"),
        starred: (!form.contains("starred_was") || starred != starred_was).then_some(starred),
    }
}

/// The form behind the pile buttons: saves the card, then goes to the next one (or shows
/// this one again when only the note was saved).
pub async fn post_card(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let input = card_change(&form);
    match logic::save_answer(&state, &viewer, id, &card, input)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => {}
        Err(AppError::BadRequest { code }) => {
            let Ok(mut page) = sort_page(&state, tr, &viewer, id, &card).await? else {
                return Err(AppError::Conflict {
                    code: "reflection-finished",
                });
            };
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            page.card.note = form.get("note").to_owned();
            page.card.evidence = form.get("evidence").to_owned();
            page.card.starred = form.get("starred") == "on";
            if form.contains("note_was") {
                page.shown = Shown {
                    note: form.get("note_was").to_owned(),
                    evidence: form.get("evidence_was").to_owned(),
                    starred: form.get("starred_was") == "true",
                };
            }
            let mut response = render(&page)?;
            *response.status_mut() = StatusCode::BAD_REQUEST;
            response.extensions_mut().insert(OwnErrorBody);
            return Ok(response);
        }
        Err(error) => return Err(error),
    }
    let next = form.get("next");
    let target = if form.get("pile").is_empty() {
        format!("/reflecties/{id}/sorteren?kaart={}", encode_query(&card))
    } else if next.is_empty() {
        format!("/reflecties/{id}")
    } else {
        format!("/reflecties/{id}/sorteren?kaart={}", encode_query(next))
    };
    Ok(Redirect::to(&target).into_response())
}
