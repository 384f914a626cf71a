//! One card at a time: the four piles as big buttons, the star as a toggle, note and evidence.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::super::{PageContext, Section, encode_query, render};
use super::{CardView, PileView, card_path, card_view, kept, load, piles, sign_in_again};
use crate::AppState;
use crate::auth::{MaybeSignedIn, Viewer};
use crate::error::AppError;
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
    /// The board of this card's domain.
    board: String,
    /// Where the script sends the person when the session has ended: signing in, then
    /// back to this card.
    sign_in: String,
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
    let full = load(state, viewer, id).await?;
    if full.record.finished_at.is_some() {
        return Ok(Err(
            Redirect::to(&format!("/reflecties/{id}")).into_response()
        ));
    }
    let framework = logic::framework_of(state, &full.record)?;
    let cards = logic::cards_in(tr.lang, framework, &full);
    let sorted = |c: &logic::CardInReflection<'_>| c.answer.is_some_and(|a| a.pile.is_some());
    // Resume where the person left off: the card asked for, else the first one not sorted.
    let index = cards
        .iter()
        .position(|c| c.key == wanted)
        .or_else(|| cards.iter().position(|c| !sorted(c)))
        .unwrap_or(0);
    let card = cards.get(index).ok_or(AppError::NotFound)?;
    let key_at = |i: Option<usize>| {
        i.and_then(|i| cards.get(i))
            .map(|c| c.key.clone().into_owned())
            .unwrap_or_default()
    };
    let card = card_view(tr, card);
    let shown = Shown {
        note: card.note.clone(),
        evidence: card.evidence.clone(),
        starred: card.starred,
    };
    let here = card_path(id, &card.key);
    let domain = cards[index].domain.id.as_str();
    Ok(Ok(SortPage {
        page: PageContext::new(tr, here.clone(), Section::Other),
        id,
        shown,
        board: format!("/reflecties/{id}/lijst?domein={}", encode_query(domain)),
        sign_in: sign_in_again(&here),
        card,
        position: index + 1,
        total: cards.len(),
        sorted: cards.iter().filter(|c| sorted(c)).count(),
        previous: key_at(index.checked_sub(1)),
        next: key_at(Some(index + 1)),
        piles: piles(tr),
        error: String::new(),
    }))
}

pub async fn get_sort(
    State(state): State<AppState>,
    tr: Tr,
    crate::auth::SignedIn(viewer): crate::auth::SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<SortQuery>,
) -> Result<Response, AppError> {
    match sort_page(&state, tr, &viewer, id, &query.kaart).await? {
        Ok(page) => render(&page),
        Err(redirect) => Ok(redirect),
    }
}

/// What the sort form means to change. A pile button names a pile; "Opslaan" alone leaves it.
/// The star button names the state it turns the star to; otherwise the hidden `starred`
/// field carries the star as the page shows it. The note, evidence and star are written
/// only when they differ from what the page showed (`*_was`), so a page loaded before
/// another tab saved cannot put old text back.
pub(super) fn card_change(form: &FormFields) -> AnswerInput<'_> {
    let changed = |field: &'static str, was: &'static str| {
        let typed = form.get(field);
        (!form.contains(was) || !same_text(form.get(was), typed)).then_some(typed)
    };
    let starred = starred_in(form);
    let starred_was = form.get("starred_was") == "true";
    AnswerInput {
        pile: form.contains("pile").then(|| Some(form.get("pile"))),
        note: changed("note", "note_was"),
        evidence: changed("evidence", "evidence_was"),
        starred: (!form.contains("starred_was") || starred != starred_was).then_some(starred),
    }
}

/// Browsers send a textarea's line breaks as CRLF; the page showed them as stored.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
}

/// The star as the form leaves it: the toggle pressed, else the field that mirrors it.
fn starred_in(form: &FormFields) -> bool {
    match form.get("star") {
        "on" => true,
        "off" => false,
        _ => form.get("starred") == "on",
    }
}

/// The form behind the pile buttons: saves the card, then goes to the next one (or shows
/// this one again when only the note or the star was saved). Without a session it keeps
/// what was typed: see [`kept`].
pub async fn post_card(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path((id, card)): Path<(i64, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let Some(viewer) = viewer else {
        return kept::answer(&state, tr, id, &card, &form);
    };
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
            page.card.starred = starred_in(&form);
            if form.contains("note_was") {
                page.shown = Shown {
                    note: form.get("note_was").to_owned(),
                    evidence: form.get("evidence_was").to_owned(),
                    starred: form.get("starred_was") == "true",
                };
            }
            return render_refused(&page, StatusCode::BAD_REQUEST);
        }
        Err(error) => return Err(error),
    }
    let next = form.get("next");
    let target = if form.get("pile").is_empty() {
        card_path(id, &card)
    } else if next.is_empty() {
        format!("/reflecties/{id}")
    } else {
        card_path(id, next)
    };
    Ok(Redirect::to(&target).into_response())
}
