//! A deck's standard page, and one card of it with its neighbours.

use askama::Template;
use axum::extract::{OriginalUri, Path, State};
use axum::response::Response;
use leidraad_domain::{Card, DomainKind};

use super::super::{PageContext, Section, render};
use super::{
    DomainView, Link, card_url, domain_view, framework, framework_id_or_default, framework_url,
    path_of,
};
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "standard.html")]
pub struct StandardPage {
    page: PageContext,
    framework_id: String,
    title: String,
    description: String,
    practices: Vec<DomainView>,
    qualities: Vec<DomainView>,
    card_count: usize,
    has_dialogue_cards: bool,
}

/// `/kaders/{framework}`, and `/standaard` for the default deck.
pub async fn get_standard(
    State(state): State<AppState>,
    tr: Tr,
    uri: OriginalUri,
    id: Option<Path<String>>,
) -> Result<Response, AppError> {
    let id = framework_id_or_default(&state, id)?;
    standard_page(&state, tr, &id, path_of(&uri))
}

fn standard_page(state: &AppState, tr: Tr, id: &str, path: String) -> Result<Response, AppError> {
    let framework = framework(state, id)?;
    let (practices, qualities): (Vec<DomainView>, Vec<DomainView>) = framework
        .domains
        .iter()
        .enumerate()
        .map(|(i, d)| domain_view(tr, framework, i, d))
        .partition(|d| d.kind == DomainKind::Practice.code());
    render(&StandardPage {
        page: PageContext::new(tr, path, Section::Standard),
        framework_id: framework.id.clone(),
        title: tr.pick(&framework.title).to_owned(),
        description: tr.pick(&framework.description).to_owned(),
        practices,
        qualities,
        card_count: framework.cards.len(),
        has_dialogue_cards: !framework.dialogue_cards.is_empty(),
    })
}

#[derive(Template)]
#[template(path = "card.html")]
pub struct CardPage {
    page: PageContext,
    framework_title: String,
    framework_url: String,
    domain: DomainView,
    card_id: String,
    text: String,
    other_text: String,
    number: usize,
    previous: Option<Link>,
    next: Option<Link>,
}

pub async fn get_card(
    State(state): State<AppState>,
    tr: Tr,
    uri: OriginalUri,
    Path((framework_id, card_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let framework = framework(&state, &framework_id)?;
    let card = framework.card(&card_id).ok_or(AppError::NotFound)?;
    let (index, domain) = framework
        .domains
        .iter()
        .enumerate()
        .find(|(_, d)| d.id == card.domain)
        .ok_or(AppError::NotFound)?;
    let (previous, next) = framework.neighbours(&card.id);
    let link = |c: &Card| Link {
        url: card_url(framework, c),
        label: tr.pick(&c.text).to_owned(),
    };
    render(&CardPage {
        page: PageContext::new(tr, path_of(&uri), Section::Standard),
        framework_title: tr.pick(&framework.title).to_owned(),
        framework_url: framework_url(framework),
        domain: domain_view(tr, framework, index, domain),
        card_id: card.id.clone(),
        text: tr.pick(&card.text).to_owned(),
        other_text: tr.pick_other(&card.text).to_owned(),
        number: framework.position_in_domain(card),
        previous: previous.map(link),
        next: next.map(link),
    })
}
