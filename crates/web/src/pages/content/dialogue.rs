//! The dialogue cards: the deck, one card, and drawing one at random.

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::DialogueCard;
use serde::Deserialize;

use super::super::{PageContext, Section, render};
use super::{
    DialogueCardView, Link, dialogue_card_url, dialogue_view, framework, framework_id_or_default,
    path_of,
};
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "dialogue_deck.html")]
pub struct DialogueDeckPage {
    page: PageContext,
    framework_id: String,
    framework_title: String,
    cards: Vec<DialogueCardView>,
}

/// `/kaders/{framework}/dialoogkaarten`, and `/dialoogkaarten` for the default deck.
pub async fn get_dialogue_deck(
    State(state): State<AppState>,
    tr: Tr,
    uri: OriginalUri,
    id: Option<Path<String>>,
) -> Result<Response, AppError> {
    let id = framework_id_or_default(&state, id)?;
    dialogue_deck_page(&state, tr, &id, path_of(&uri))
}

fn dialogue_deck_page(
    state: &AppState,
    tr: Tr,
    id: &str,
    path: String,
) -> Result<Response, AppError> {
    let framework = framework(state, id)?;
    if framework.dialogue_cards.is_empty() {
        return Err(AppError::NotFound);
    }
    render(&DialogueDeckPage {
        page: PageContext::new(tr, path, Section::Dialogue),
        framework_id: framework.id.clone(),
        framework_title: tr.pick(&framework.title).to_owned(),
        cards: framework
            .dialogue_cards
            .iter()
            .enumerate()
            .map(|(i, c)| dialogue_view(tr, framework, i, c))
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "dialogue_card.html")]
pub struct DialogueCardPage {
    page: PageContext,
    framework_id: String,
    card: DialogueCardView,
    total: usize,
    other_question: String,
    other_follow_up: Option<String>,
    previous: Option<Link>,
    next: Option<Link>,
}

pub async fn get_dialogue_card(
    State(state): State<AppState>,
    tr: Tr,
    uri: OriginalUri,
    Path((framework_id, card_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let framework = framework(&state, &framework_id)?;
    let card = framework
        .dialogue_card(&card_id)
        .ok_or(AppError::NotFound)?;
    let index = framework
        .dialogue_cards
        .iter()
        .position(|c| c.id == card.id)
        .unwrap_or(0);
    let (previous, next) = framework.dialogue_neighbours(&card.id);
    let link = |c: &DialogueCard| Link {
        url: dialogue_card_url(framework, c),
        label: tr.pick(&c.question).to_owned(),
    };
    render(&DialogueCardPage {
        page: PageContext::new(tr, path_of(&uri), Section::Dialogue),
        framework_id: framework.id.clone(),
        card: dialogue_view(tr, framework, index, card),
        total: framework.dialogue_cards.len(),
        other_question: tr.pick_other(&card.question).to_owned(),
        other_follow_up: card.follow_up.as_ref().map(|f| tr.pick_other(f).to_owned()),
        previous: previous.map(link),
        next: next.map(link),
    })
}

#[derive(Deserialize)]
pub struct DrawParams {
    /// The card shown now, which the draw skips.
    na: Option<String>,
}

/// Draws a random dialogue card and sends the browser to it. A plain link, so it works without
/// JavaScript; it changes nothing on the server.
pub async fn get_draw_dialogue_card(
    State(state): State<AppState>,
    Path(framework_id): Path<String>,
    Query(params): Query<DrawParams>,
) -> Result<Response, AppError> {
    let framework = framework(&state, &framework_id)?;
    let card = framework
        .draw_dialogue_card(fastrand::usize(..), params.na.as_deref())
        .ok_or(AppError::NotFound)?;
    let mut response = Redirect::to(&dialogue_card_url(framework, card)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
