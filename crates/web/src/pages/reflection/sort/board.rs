//! One domain as a board of piles: the cards not laid yet, and the four piles side by side
//! (on a phone one at a time, chosen by tabs). Each card carries four buttons, one per pile;
//! without script each is a form button that saves and comes back, with script it moves the
//! card and saves only its pile. Below, the domain's own cards.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::super::super::{PageContext, Section, encode_query, render};
use super::{CardView, PileView, card_view, load, piles, sign_in_again};
use crate::AppState;
use crate::auth::{MaybeSignedIn, SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections as logic;

#[derive(Template)]
#[template(path = "reflection_board.html")]
pub struct BoardPage {
    page: PageContext,
    id: i64,
    domains: Vec<(String, usize, String)>,
    domain: String,
    domain_title: String,
    domain_number: usize,
    /// The cards not laid yet (score 0), then the four piles.
    columns: Vec<Column>,
    piles: Vec<PileView>,
    /// The column a phone shows: the one asked for, else the cards not laid yet while there
    /// are any, else the first pile with cards.
    current: u8,
    /// The domain's own cards: their ids and texts.
    own_cards: Vec<(i64, String)>,
    own_cards_left: usize,
    error: String,
    notice: String,
    /// Where the script sends the person when the session has ended.
    sign_in: String,
}

pub struct Column {
    score: u8,
    label: String,
    tab: String,
    meaning: String,
    /// "Moved to ‘often’:", said before a card's text once it lands here.
    moved: String,
    cards: Vec<CardView>,
}

#[derive(Deserialize)]
pub struct BoardQuery {
    #[serde(default)]
    domein: String,
    /// The column a phone shows (0 for the cards not laid yet, 1–4 a pile).
    #[serde(default)]
    stapel: String,
    /// A card just moved by the form without script, to say where it went.
    #[serde(default)]
    verplaatst: String,
}

async fn board_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    query: &BoardQuery,
) -> Result<BoardPage, AppError> {
    let full = load(state, viewer, id).await?;
    if full.record.finished_at.is_some() {
        return Err(AppError::Conflict {
            code: "reflection-finished",
        });
    }
    let framework = logic::framework_of(state, &full.record)?;
    let cards = logic::cards_in(tr.lang, framework, &full);
    let domain = if full.record.domains.contains(&query.domein) {
        query.domein.clone()
    } else {
        full.record.domains.first().cloned().unwrap_or_default()
    };
    let views: Vec<CardView> = cards
        .iter()
        .filter(|c| c.domain.id == domain)
        .map(|c| card_view(tr, c))
        .collect();
    let piles = piles(tr);
    let mut columns = vec![Column {
        score: 0,
        label: tr.t("board-to-sort").into_owned(),
        tab: tr.t("board-to-sort").into_owned(),
        meaning: tr.t("pile-meaning-unsorted").into_owned(),
        moved: String::new(),
        cards: Vec::new(),
    }];
    columns.extend(piles.iter().map(|pile| Column {
        score: pile.score,
        label: pile.label.clone(),
        tab: pile.tab.clone(),
        meaning: pile.meaning.clone(),
        moved: tr.t1("board-moved", "pile", pile.label.as_str()),
        cards: Vec::new(),
    }));
    let own_cards: Vec<(i64, String)> = views
        .iter()
        .filter(|c| c.own)
        .map(|c| (c.own_id, c.text.clone()))
        .collect();
    let mut notice = String::new();
    for (order, mut view) in views.into_iter().enumerate() {
        view.order = order;
        if view.key == query.verplaatst && view.pile > 0 {
            notice = format!("{} {}", columns[usize::from(view.pile)].moved, view.text);
        }
        columns[usize::from(view.pile)].cards.push(view);
    }
    let current = match query.stapel.parse::<u8>() {
        Ok(score) if score <= 4 => score,
        _ => columns
            .iter()
            .find(|c| !c.cards.is_empty())
            .map_or(0, |c| c.score),
    };
    let (domain_number, domain_title) = super::super::domain_title(tr, framework, &domain);
    let here = format!("/reflecties/{id}/lijst?domein={}", encode_query(&domain));
    Ok(BoardPage {
        page: PageContext::new(tr, here.clone(), Section::Other),
        id,
        domains: full
            .record
            .domains
            .iter()
            .map(|d| {
                let (number, title) = super::super::domain_title(tr, framework, d);
                (d.clone(), number, title)
            })
            .collect(),
        own_cards_left: usize::from(framework.own_cards_per_domain).saturating_sub(own_cards.len()),
        own_cards,
        domain,
        domain_title,
        domain_number,
        columns,
        piles,
        current,
        error: String::new(),
        notice,
        sign_in: sign_in_again(&here),
    })
}

fn board_path(id: i64, domain: &str, shown: &str) -> String {
    let mut path = format!("/reflecties/{id}/lijst?domein={}", encode_query(domain));
    if !shown.is_empty() {
        path.push_str(&format!("&stapel={}", encode_query(shown)));
    }
    path
}

pub async fn get_list(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<BoardQuery>,
) -> Result<Response, AppError> {
    render(&board_page(&state, tr, &viewer, id, &query).await?)
}

/// The board shown again with what went wrong (400), nothing saved.
async fn refused(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    domain: &str,
    code: &str,
) -> Result<Response, AppError> {
    let query = BoardQuery {
        domein: domain.to_owned(),
        stapel: String::new(),
        verplaatst: String::new(),
    };
    let mut page = board_page(state, tr, viewer, id, &query).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, StatusCode::BAD_REQUEST)
}

/// The board's form without script: one card moved by its button (`move` = `card=pile`),
/// or, from a page of the earlier list view, every card's pile at once (`pile-{card}`).
/// Either way only a pile that differs from what the page showed (`was-{card}`) is written,
/// and only the pile: a note saved elsewhere since stays. Without a session nothing is
/// saved, and signing in leads back to this board.
pub async fn post_list(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let domain = form.get("domein");
    let back = board_path(id, domain, form.get("stapel"));
    let Some(viewer) = viewer else {
        return Ok(Redirect::to(&sign_in_again(&back)).into_response());
    };
    let shown = |card: &str| form.get(&format!("was-{card}")).to_owned();
    let changed = |card: &str, pile: &str| {
        !form.contains(&format!("was-{card}")) || shown(card) != pile.trim()
    };
    let mut moves: Vec<(String, String)> = Vec::new();
    let mut moved = "";
    if form.contains("move") {
        let Some((card, pile)) = form.get("move").split_once('=') else {
            return refused(&state, tr, &viewer, id, domain, "pile-invalid").await;
        };
        moved = card;
        if changed(card, pile) {
            moves.push((card.to_owned(), pile.to_owned()));
        }
    } else {
        let full = load(&state, &viewer, id).await?;
        let framework = logic::framework_of(&state, &full.record)?;
        for card in logic::cards_in(tr.lang, framework, &full) {
            let field = format!("pile-{}", card.key);
            if card.domain.id == domain && form.contains(&field) {
                let pile = form.get(&field);
                if changed(&card.key, pile) {
                    moves.push((card.key.into_owned(), pile.to_owned()));
                }
            }
        }
    }
    let moves: Vec<(&str, Option<&str>)> = moves
        .iter()
        .map(|(card, pile)| (card.as_str(), Some(pile.as_str())))
        .collect();
    match logic::move_cards(&state, &viewer, id, &moves).await {
        Ok(()) => {}
        Err(leidraad_app::Error::BadRequest { code }) => {
            return refused(&state, tr, &viewer, id, domain, code).await;
        }
        Err(error) => return Err(error.into()),
    }
    let target = if moved.is_empty() {
        format!("{back}&melding=opgeslagen")
    } else {
        format!(
            "{back}&verplaatst={}#kaart-{}",
            encode_query(moved),
            encode_query(moved)
        )
    };
    Ok(Redirect::to(&target).into_response())
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
        Ok(_) => Ok(Redirect::to(&board_path(id, domain, "")).into_response()),
        Err(AppError::BadRequest { code } | AppError::Conflict { code }) => {
            refused(&state, tr, &viewer, id, domain, code).await
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
    Ok(Redirect::to(&board_path(id, &domain, "")).into_response())
}
