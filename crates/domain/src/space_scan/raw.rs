//! The scan files' shape, exactly as written: every struct refuses unknown keys, and texts are
//! optional here so that a missing translation is reported with the item's id.

use serde::Deserialize;

use crate::content::RawLocalized;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScan {
    pub id: String,
    pub version: String,
    pub title: RawLocalized,
    pub description: RawLocalized,
    #[serde(default)]
    pub scale: Vec<RawScaleLabel>,
    #[serde(default)]
    pub sections: Vec<RawSection>,
    #[serde(default)]
    pub roles: Vec<RawRole>,
    #[serde(default)]
    pub open_questions: Vec<RawOpenQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScaleLabel {
    pub answer: String,
    pub label: RawLocalized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub title: RawLocalized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub id: String,
    pub name: RawLocalized,
    pub description: RawLocalized,
    pub source: String,
    #[serde(default)]
    pub other: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOpenQuestion {
    pub id: String,
    pub question: RawLocalized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatements {
    #[serde(default)]
    pub statements: Vec<RawStatement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatement {
    pub id: String,
    pub section: String,
    pub direction: RawDirection,
    pub text: RawLocalized,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawDirection {
    More,
    Less,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCoverage {
    #[serde(default)]
    pub elements: Vec<RawElement>,
    #[serde(default)]
    pub left_out: Vec<RawLeftOut>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawElement {
    pub id: String,
    pub group: String,
    pub label: RawLocalized,
    pub source: String,
    #[serde(default)]
    pub statements: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLeftOut {
    pub source: String,
    pub reason: String,
}
