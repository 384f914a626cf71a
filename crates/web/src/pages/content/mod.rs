//! Browsing the decks: the standard, its cards, the dialogue cards and the print sheets.

mod dialogue;
mod home;
mod print;
mod standard;

pub use dialogue::{get_dialogue_card, get_dialogue_deck, get_draw_dialogue_card};
pub use home::{get_frameworks, get_home};
pub use print::get_print;
pub use standard::{get_card, get_standard};

use axum::extract::{OriginalUri, Path};
use leidraad_domain::{DialogueCard, Domain, Framework};

use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;

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

pub struct Link {
    pub url: String,
    pub label: String,
}
