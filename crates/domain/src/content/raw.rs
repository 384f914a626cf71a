//! The files' shape, exactly as written: every struct refuses unknown keys, and texts are
//! optional here so that a missing translation is reported with the item's id rather than as a
//! bare parse error.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocalized {
    pub nl: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    pub id: String,
    pub version: String,
    pub title: RawLocalized,
    pub description: RawLocalized,
    #[serde(default)]
    pub own_cards_per_domain: u8,
    #[serde(default)]
    pub domains: Vec<RawDomain>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDomain {
    pub id: String,
    pub kind: RawDomainKind,
    pub title: RawLocalized,
    pub heading: Option<RawLocalized>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawDomainKind {
    Practice,
    Quality,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCards {
    #[serde(default)]
    pub cards: Vec<RawCard>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCard {
    pub id: String,
    pub domain: String,
    pub text: RawLocalized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDialogueCards {
    #[serde(default)]
    pub dialogue_cards: Vec<RawDialogueCard>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDialogueCard {
    pub id: String,
    pub question: RawLocalized,
    pub follow_up: Option<RawLocalized>,
}
