//! The questionnaire as the API shows it, to a respondent with their form and to the owner
//! with their estimate: sections, statements, the scale, the roles and the open questions,
//! every text in both languages.

use leidraad_domain::space_scan::SpaceScan;
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::content::LocalizedText;

#[derive(Serialize, ToSchema)]
pub struct ScanSection {
    pub id: String,
    pub title: LocalizedText,
}

/// A statement to rate, in the order it is asked.
#[derive(Serialize, ToSchema)]
pub struct ScanStatement {
    pub id: String,
    /// The id of its section.
    pub section: String,
    pub text: LocalizedText,
}

/// One answer of the scale, in the order a form offers them.
#[derive(Serialize, ToSchema)]
pub struct ScanScaleLabel {
    /// What `answer` takes: `helemaal-oneens`, `oneens`, `eens`, `helemaal-eens` or
    /// `weet-ik-niet`.
    pub code: String,
    /// 1–4; null for `weet-ik-niet`, which counts in no mean.
    pub score: Option<u8>,
    pub label: LocalizedText,
}

/// A teacher-leader role.
#[derive(Serialize, ToSchema)]
pub struct ScanRole {
    pub id: String,
    pub name: LocalizedText,
    pub description: LocalizedText,
    /// "Anders": the respondent names the role themself (`PUT /api/v1/respondent/other-role`).
    pub other: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ScanOpenQuestion {
    pub id: String,
    pub question: LocalizedText,
}

pub fn sections(scan: &SpaceScan) -> Vec<ScanSection> {
    scan.sections
        .iter()
        .map(|s| ScanSection {
            id: s.id.clone(),
            title: (&s.title).into(),
        })
        .collect()
}

pub fn statements(scan: &SpaceScan) -> Vec<ScanStatement> {
    scan.statements
        .iter()
        .map(|s| ScanStatement {
            id: s.id.clone(),
            section: s.section.clone(),
            text: (&s.text).into(),
        })
        .collect()
}

pub fn scale(scan: &SpaceScan) -> Vec<ScanScaleLabel> {
    scan.scale
        .iter()
        .map(|label| ScanScaleLabel {
            code: label.answer.code().to_owned(),
            score: label.answer.agreement().map(|a| a.score()),
            label: (&label.label).into(),
        })
        .collect()
}

pub fn roles(scan: &SpaceScan) -> Vec<ScanRole> {
    scan.roles
        .iter()
        .map(|r| ScanRole {
            id: r.id.clone(),
            name: (&r.name).into(),
            description: (&r.description).into(),
            other: r.other,
        })
        .collect()
}

pub fn open_questions(scan: &SpaceScan) -> Vec<ScanOpenQuestion> {
    scan.open_questions
        .iter()
        .map(|q| ScanOpenQuestion {
            id: q.id.clone(),
            question: (&q.question).into(),
        })
        .collect()
}
