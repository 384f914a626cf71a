//! The print sheets: every card of a deck, blank cards for own statements, and the
//! dialogue cards, eight to an A4 sheet.

use askama::Template;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::response::Response;
use leidraad_domain::Framework;
use serde::Deserialize;

use super::super::{PageContext, Section, render};
use super::{framework, framework_id_or_default, framework_url, path_of};
use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

/// Cards on one printed A4 sheet: two columns of four.
const CARDS_PER_SHEET: usize = 8;

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
