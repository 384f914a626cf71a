//! The addresses of Leidraad's own pages, for the pages, the API (which returns them beside
//! each card) and redirects alike.

use leidraad_domain::{Card, DialogueCard, Framework};

pub fn card_url(framework: &Framework, card: &Card) -> String {
    format!("/kaders/{}/kaarten/{}", framework.id, card.id)
}

pub fn dialogue_card_url(framework: &Framework, card: &DialogueCard) -> String {
    format!("/kaders/{}/dialoogkaarten/{}", framework.id, card.id)
}

/// Percent-encodes a value for a query string.
pub fn encode_query(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
