//! Browsing the decks: the standard, its cards, the dialogue cards and the print sheets.

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::{Card, DialogueCard, Domain, DomainKind, Framework};
use serde::Deserialize;

use super::{PageContext, Section, render};
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

/// Cards on one printed A4 sheet: two columns of four.
const CARDS_PER_SHEET: usize = 8;

fn framework<'a>(state: &'a AppState, id: &str) -> Result<&'a Framework, AppError> {
    state.library.framework(id).ok_or(AppError::NotFound)
}

/// The deck named in the path, or the default deck on the short routes without one.
fn framework_id_or_default(state: &AppState, id: Option<Path<String>>) -> Result<String, AppError> {
    match id {
        Some(Path(id)) => Ok(id),
        None => state
            .library
            .default_framework()
            .map(|f| f.id.clone())
            .ok_or(AppError::NotFound),
    }
}

fn path_of(uri: &OriginalUri) -> String {
    uri.0
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned())
}

pub fn framework_url(framework: &Framework) -> String {
    format!("/kaders/{}", framework.id)
}

pub use crate::links::{card_url, dialogue_card_url};

/// A domain as the pages show it, in one language.
pub struct DomainView {
    pub id: String,
    /// 1-based position in the deck, for the domain's colour.
    pub number: usize,
    pub title: String,
    pub heading: String,
    pub kind: &'static str,
    pub cards: Vec<CardView>,
}

pub struct CardView {
    pub id: String,
    pub url: String,
    pub text: String,
    pub number: usize,
}

pub struct DialogueCardView {
    pub id: String,
    pub url: String,
    pub number: usize,
    pub question: String,
    pub follow_up: Option<String>,
}

fn domain_view(tr: Tr, framework: &Framework, index: usize, domain: &Domain) -> DomainView {
    DomainView {
        id: domain.id.clone(),
        number: index + 1,
        title: tr.pick(&domain.title).to_owned(),
        heading: tr.pick(&domain.heading).to_owned(),
        kind: domain.kind.code(),
        cards: framework
            .cards_of(&domain.id)
            .enumerate()
            .map(|(i, card)| CardView {
                id: card.id.clone(),
                url: card_url(framework, card),
                text: tr.pick(&card.text).to_owned(),
                number: i + 1,
            })
            .collect(),
    }
}

fn dialogue_view(
    tr: Tr,
    framework: &Framework,
    index: usize,
    card: &DialogueCard,
) -> DialogueCardView {
    DialogueCardView {
        id: card.id.clone(),
        url: dialogue_card_url(framework, card),
        number: index + 1,
        question: tr.pick(&card.question).to_owned(),
        follow_up: card.follow_up.as_ref().map(|f| tr.pick(f).to_owned()),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    page: PageContext,
    framework_title: String,
    framework_url: String,
    practice_count: usize,
    quality_count: usize,
    card_count: usize,
    dialogue_count: usize,
}

pub async fn get_home(State(state): State<AppState>, tr: Tr) -> Result<Response, AppError> {
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::NotFound)?;
    let count = |kind| framework.domains.iter().filter(|d| d.kind == kind).count();
    render(&HomePage {
        page: PageContext::new(tr, "/", Section::Home),
        framework_title: tr.pick(&framework.title).to_owned(),
        framework_url: framework_url(framework),
        practice_count: count(DomainKind::Practice),
        quality_count: count(DomainKind::Quality),
        card_count: framework.cards.len(),
        dialogue_count: framework.dialogue_cards.len(),
    })
}

pub struct FrameworkSummary {
    pub url: String,
    pub title: String,
    pub description: String,
    pub version: String,
    pub domain_count: usize,
    pub card_count: usize,
    pub dialogue_count: usize,
}

#[derive(Template)]
#[template(path = "frameworks.html")]
pub struct FrameworksPage {
    page: PageContext,
    frameworks: Vec<FrameworkSummary>,
}

pub async fn get_frameworks(State(state): State<AppState>, tr: Tr) -> Result<Response, AppError> {
    let frameworks = state
        .library
        .frameworks
        .iter()
        .map(|f| FrameworkSummary {
            url: framework_url(f),
            title: tr.pick(&f.title).to_owned(),
            description: tr.pick(&f.description).to_owned(),
            version: f.version.clone(),
            domain_count: f.domains.len(),
            card_count: f.cards.len(),
            dialogue_count: f.dialogue_cards.len(),
        })
        .collect();
    render(&FrameworksPage {
        page: PageContext::new(tr, "/kaders", Section::Standard),
        frameworks,
    })
}

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

pub struct Link {
    pub url: String,
    pub label: String,
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

/// One printed card: an indicator card, a blank card for an own statement, or a dialogue card.
pub struct PrintCard {
    /// Colour class: `domain-N`, or `dialogue`.
    pub colour: String,
    pub heading: String,
    pub text: String,
    pub follow_up: Option<String>,
    pub blank: bool,
}

#[derive(Template)]
#[template(path = "print.html")]
pub struct PrintPage {
    page: PageContext,
    framework_url: String,
    title: String,
    sheets: Vec<Vec<PrintCard>>,
    card_count: usize,
    blank_count: usize,
    dialogue_count: usize,
}

#[derive(Deserialize)]
pub struct PrintParams {
    /// `nee` leaves out the blank cards for own statements.
    lege: Option<String>,
}

/// `/kaders/{framework}/afdrukken`, and `/afdrukken` for the default deck.
pub async fn get_print(
    State(state): State<AppState>,
    tr: Tr,
    uri: OriginalUri,
    id: Option<Path<String>>,
    Query(params): Query<PrintParams>,
) -> Result<Response, AppError> {
    let id = framework_id_or_default(&state, id)?;
    print_page(&state, tr, &id, path_of(&uri), &params)
}

fn print_page(
    state: &AppState,
    tr: Tr,
    id: &str,
    path: String,
    params: &PrintParams,
) -> Result<Response, AppError> {
    let framework = framework(state, id)?;
    let with_blanks = params.lege.as_deref() != Some("nee");
    let cards = print_cards(tr, framework, with_blanks);
    let blank_count = cards.iter().filter(|c| c.blank).count();
    let sheets = sheets_of(cards);
    render(&PrintPage {
        page: PageContext::new(tr, path, Section::Print),
        framework_url: framework_url(framework),
        title: tr.pick(&framework.title).to_owned(),
        sheets,
        card_count: framework.cards.len(),
        blank_count,
        dialogue_count: framework.dialogue_cards.len(),
    })
}

fn print_cards(tr: Tr, framework: &Framework, with_blanks: bool) -> Vec<PrintCard> {
    let mut cards = Vec::new();
    for (index, domain) in framework.domains.iter().enumerate() {
        let colour = format!("domain-{}", index + 1);
        let heading = tr.pick(&domain.heading).to_owned();
        for card in framework.cards_of(&domain.id) {
            cards.push(PrintCard {
                colour: colour.clone(),
                heading: heading.clone(),
                text: tr.pick(&card.text).to_owned(),
                follow_up: None,
                blank: false,
            });
        }
        let blanks = if with_blanks {
            framework.own_cards_per_domain
        } else {
            0
        };
        for _ in 0..blanks {
            cards.push(PrintCard {
                colour: colour.clone(),
                heading: heading.clone(),
                text: tr.t("print-blank-card").into_owned(),
                follow_up: None,
                blank: true,
            });
        }
    }
    for card in &framework.dialogue_cards {
        cards.push(PrintCard {
            colour: "dialogue".into(),
            heading: tr.t("dialogue-cards").into_owned(),
            text: tr.pick(&card.question).to_owned(),
            follow_up: card.follow_up.as_ref().map(|f| tr.pick(f).to_owned()),
            blank: false,
        });
    }
    cards
}

fn sheets_of(cards: Vec<PrintCard>) -> Vec<Vec<PrintCard>> {
    let mut sheets: Vec<Vec<PrintCard>> = Vec::new();
    for card in cards {
        match sheets.last_mut() {
            Some(sheet) if sheet.len() < CARDS_PER_SHEET => sheet.push(card),
            _ => sheets.push(vec![card]),
        }
    }
    sheets
}
