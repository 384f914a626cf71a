//! The card sort: one card at a time with the four piles as big buttons, or one domain as a
//! list to move cards between piles; notes, evidence, stars and own cards.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_store::reflections::{AnswerRecord, ReflectionRecord};
use serde::Deserialize;

use super::super::{PageContext, Section, encode_query, render};
use super::{PileView, domain_title, piles};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, AnswerInput, ScopeCard};

/// One card with its answer, as the sort and list pages show it.
pub struct CardView {
    pub key: String,
    pub text: String,
    pub own: bool,
    pub own_id: i64,
    pub domain_number: usize,
    pub domain_title: String,
    pub pile: u8,
    pub note: String,
    pub evidence: String,
    pub starred: bool,
}

fn card_view(
    tr: Tr,
    framework: &leidraad_domain::Framework,
    card: &ScopeCard,
    answers: &[AnswerRecord],
) -> CardView {
    let answer = answers.iter().find(|a| a.card_id == card.key);
    let (domain_number, domain_title) = domain_title(tr, framework, &card.domain);
    CardView {
        key: card.key.clone(),
        text: card.text.clone(),
        own: card.own,
        own_id: card
            .key
            .strip_prefix("eigen-")
            .and_then(|id| id.parse().ok())
            .unwrap_or(0),
        domain_number,
        domain_title,
        pile: answer.and_then(|a| a.pile).map_or(0, |p| p.score()),
        note: answer.map(|a| a.note.clone()).unwrap_or_default(),
        evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
        starred: answer.is_some_and(|a| a.starred),
    }
}

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

struct Loaded {
    record: ReflectionRecord,
    scope: Vec<ScopeCard>,
    answers: Vec<AnswerRecord>,
}

/// The reflection with its cards and answers, in one statement.
async fn load(state: &AppState, tr: Tr, viewer: &Viewer, id: i64) -> Result<Loaded, AppError> {
    let full = logic::load_own(state, viewer, id).await?;
    let framework = logic::framework_of(state, &full.record)?;
    let scope = logic::scope_cards(tr.lang, framework, &full.record, &full.own_cards);
    Ok(Loaded {
        record: full.record,
        scope,
        answers: full.answers,
    })
}

fn is_sorted(answers: &[AnswerRecord], key: &str) -> bool {
    answers.iter().any(|a| a.card_id == key && a.pile.is_some())
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

#[derive(Template)]
#[template(path = "reflection_list.html")]
pub struct ListPage {
    page: PageContext,
    id: i64,
    domains: Vec<(String, usize, String)>,
    domain: String,
    domain_title: String,
    domain_number: usize,
    cards: Vec<CardView>,
    piles: Vec<PileView>,
    own_cards_left: usize,
    error: String,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    domein: String,
}

async fn list_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    domain: &str,
) -> Result<ListPage, AppError> {
    let loaded = load(state, tr, viewer, id).await?;
    if loaded.record.finished_at.is_some() {
        return Err(AppError::Conflict {
            code: "reflection-finished",
        });
    }
    let framework = logic::framework_of(state, &loaded.record)?;
    let domain = if loaded.record.domains.iter().any(|d| d == domain) {
        domain.to_owned()
    } else {
        loaded.record.domains.first().cloned().unwrap_or_default()
    };
    let (domain_number, domain_title) = domain_title(tr, framework, &domain);
    let cards: Vec<CardView> = loaded
        .scope
        .iter()
        .filter(|c| c.domain == domain)
        .map(|c| card_view(tr, framework, c, &loaded.answers))
        .collect();
    let own = cards.iter().filter(|c| c.own).count();
    Ok(ListPage {
        page: PageContext::new(tr, format!("/reflecties/{id}/lijst"), Section::Other),
        id,
        domains: loaded
            .record
            .domains
            .iter()
            .map(|d| {
                let (number, title) = super::domain_title(tr, framework, d);
                (d.clone(), number, title)
            })
            .collect(),
        domain,
        domain_title,
        domain_number,
        cards,
        piles: piles(tr),
        own_cards_left: usize::from(framework.own_cards_per_domain).saturating_sub(own),
        error: String::new(),
    })
}

pub async fn get_list(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    render(&list_page(&state, tr, &viewer, id, &query.domein).await?)
}

/// Saves every card of the list whose pile changed; the rest of each answer stays as it was.
pub async fn post_list(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let tr = Tr::new(Default::default());
    let loaded = load(&state, tr, &viewer, id).await?;
    let domain = form.get("domein").to_owned();
    for card in loaded.scope.iter().filter(|c| c.domain == domain) {
        let field = format!("pile-{}", card.key);
        if !form.contains(&field) {
            continue;
        }
        let chosen = form.get(&field);
        // Compared with what the page showed, not with what is stored now: a pile another
        // tab set since is left alone unless this page changed it.
        let was_field = format!("was-{}", card.key);
        let shown = if form.contains(&was_field) {
            form.get(&was_field).to_owned()
        } else {
            loaded
                .answers
                .iter()
                .find(|a| a.card_id == card.key)
                .and_then(|a| a.pile)
                .map(|p| p.score().to_string())
                .unwrap_or_default()
        };
        if chosen == shown {
            continue;
        }
        let input = AnswerInput {
            pile: Some(Some(chosen)),
            ..AnswerInput::default()
        };
        logic::save_answer(&state, &viewer, id, &card.key, input).await?;
    }
    Ok(Redirect::to(&format!(
        "/reflecties/{id}/lijst?domein={}&melding=opgeslagen",
        encode_query(&domain)
    ))
    .into_response())
}

pub async fn post_own_card(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let domain = form.get("domain");
    match logic::add_own_card(&state, &viewer, id, domain, form.get("text"))
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/reflecties/{id}/lijst?domein={}",
            encode_query(domain)
        ))
        .into_response()),
        Err(AppError::BadRequest { code } | AppError::Conflict { code }) => {
            let mut page = list_page(&state, tr, &viewer, id, domain).await?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            let mut response = render(&page)?;
            *response.status_mut() = StatusCode::BAD_REQUEST;
            response.extensions_mut().insert(OwnErrorBody);
            Ok(response)
        }
        Err(error) => Err(error),
    }
}

pub async fn post_delete_own_card(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let domain = logic::delete_own_card(&state, &viewer, id, card).await?;
    Ok(Redirect::to(&format!(
        "/reflecties/{id}/lijst?domein={}",
        encode_query(&domain)
    ))
    .into_response())
}
