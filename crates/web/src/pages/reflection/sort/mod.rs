//! The card sort: one card at a time with the four piles as big buttons, or one domain as a
//! board of piles to move cards between; notes, evidence, stars and own cards. And what a
//! form posted after the session ended answers, so that nothing typed is lost.

mod board;
mod kept;
mod one_card;

pub use board::{get_list, post_delete_own_card, post_list, post_own_card};
pub use one_card::{get_sort, post_card};

use leidraad_domain::reflection::Pile;
use leidraad_store::reflections::FullReflection;

use crate::AppState;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::links::encode_query;
use leidraad_app::reflections::{self as logic, CardInReflection};

/// One card with its answer, as the sort page and the board show it.
pub struct CardView {
    pub key: String,
    pub text: String,
    pub own: bool,
    pub own_id: i64,
    /// As printed on the paper card (its place in the domain); 0 for an own card.
    pub number: usize,
    pub domain_number: usize,
    pub domain_title: String,
    pub pile: u8,
    pub note: String,
    pub evidence: String,
    pub starred: bool,
    /// Its place among the cards the page shows, for the board's script to keep a pile in
    /// the framework's order as cards move.
    pub order: usize,
}

pub(super) fn card_view(tr: Tr, card: &CardInReflection<'_>) -> CardView {
    let answer = card.answer;
    CardView {
        key: card.key.clone().into_owned(),
        text: card.text.to_owned(),
        own: card.own,
        own_id: card
            .key
            .strip_prefix("eigen-")
            .and_then(|id| id.parse().ok())
            .unwrap_or(0),
        number: card.number,
        domain_number: card.domain_number,
        domain_title: tr.pick(&card.domain.title).to_owned(),
        pile: answer.and_then(|a| a.pile).map_or(0, |p| p.score()),
        note: card.note().to_owned(),
        evidence: card.evidence().to_owned(),
        starred: answer.is_some_and(|a| a.starred),
        order: 0,
    }
}

/// A pile as the sort page and the board show it: its number, name and what it means.
pub struct PileView {
    pub score: u8,
    pub label: String,
    /// The name as a phone's narrow tab shows it, where a long word may break.
    pub tab: String,
    pub meaning: String,
}

pub(super) fn piles(tr: Tr) -> Vec<PileView> {
    Pile::ALL
        .iter()
        .map(|pile| {
            // Literal keys, so the locale test sees every one of them.
            let (label, tab, meaning) = match pile {
                Pile::NotYet => (
                    tr.t("pile-nog-niet"),
                    tr.t("board-tab-nog-niet"),
                    tr.t("pile-meaning-nog-niet"),
                ),
                Pile::Sometimes => (
                    tr.t("pile-soms"),
                    tr.t("board-tab-soms"),
                    tr.t("pile-meaning-soms"),
                ),
                Pile::Often => (
                    tr.t("pile-vaak"),
                    tr.t("board-tab-vaak"),
                    tr.t("pile-meaning-vaak"),
                ),
                Pile::SecondNature => (
                    tr.t("pile-vanzelfsprekend"),
                    tr.t("board-tab-vanzelfsprekend"),
                    tr.t("pile-meaning-vanzelfsprekend"),
                ),
            };
            PileView {
                score: pile.score(),
                label: label.into_owned(),
                tab: tab.into_owned(),
                meaning: meaning.into_owned(),
            }
        })
        .collect()
}

/// The author's own open reflection with everything its sort pages show, in one statement.
/// A finished one is refused with 409 by the caller that needs it open.
pub(super) async fn load(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<FullReflection, AppError> {
    Ok(logic::load_own(state, viewer, id).await?)
}

/// The sign-in page's address that comes back to `path` afterwards, saying why it asks.
pub(super) fn sign_in_again(path: &str) -> String {
    format!(
        "/inloggen?terug={}&melding=sessie-verlopen",
        encode_query(path)
    )
}

/// The sort page of one card.
pub(super) fn card_path(id: i64, card: &str) -> String {
    format!("/reflecties/{id}/sorteren?kaart={}", encode_query(card))
}
