//! The card sort: one card at a time with the four piles as big buttons, or one domain as a
//! list to move cards between piles; notes, evidence, stars and own cards.

mod list;
mod one_card;

pub use list::{get_list, post_delete_own_card, post_list, post_own_card};
pub use one_card::{get_sort, post_card};

use leidraad_store::reflections::{AnswerRecord, ReflectionRecord};

use super::domain_title;
use crate::AppState;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, ScopeCard};

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

pub(super) fn card_view(
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

pub(super) struct Loaded {
    pub(super) record: ReflectionRecord,
    pub(super) scope: Vec<ScopeCard>,
    pub(super) answers: Vec<AnswerRecord>,
}

/// The reflection with its cards and answers, in one statement.
pub(super) async fn load(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
) -> Result<Loaded, AppError> {
    let full = logic::load_own(state, viewer, id).await?;
    let framework = logic::framework_of(state, &full.record)?;
    let scope = logic::scope_cards(tr.lang, framework, &full.record, &full.own_cards);
    Ok(Loaded {
        record: full.record,
        scope,
        answers: full.answers,
    })
}

pub(super) fn is_sorted(answers: &[AnswerRecord], key: &str) -> bool {
    answers.iter().any(|a| a.card_id == key && a.pile.is_some())
}
