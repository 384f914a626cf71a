//! The questionnaire of the team scan on professional space (teamscan professionele ruimte):
//! statements for teachers in sections, the answer scale, the teacher-leader roles, the open
//! questions, and the coverage map from every element of the source text to the statements that
//! ask about it. It is content, loaded from a folder under `content/` that holds a
//! [`SCAN_FILE`], beside the decks and checked as strictly (see `content/README.md`).

mod answers;
mod load;
mod raw;
mod results;
mod scale;
#[cfg(test)]
mod tests;

use crate::content::Localized;

pub use answers::{
    DEFAULT_THRESHOLD, Estimate, MAX_LABEL_CHARS, MAX_OPEN_ANSWER_CHARS, OpenAnswer, Ratings,
    RawResponse, Response, RoleAnswer, ScanError, ScanSettings, parse_label,
};
pub use load::{COVERAGE_FILE, SCAN_FILE, STATEMENTS_FILE};
pub(crate) use load::{is_scan_folder, load_scan};
pub use results::{
    BoardEstimate, BoardGaps, Change, ElementScore, Figures, Gap, OpenAnswers, ResultsInput,
    RoleCount, ScanResults, SectionResult, Shown, Spread, StatementResult, SubgroupView, Submitted,
    compare, compute_results,
};
pub use scale::{Agreement, Direction, ScanAnswer, ScanAnswerError};

/// A questionnaire, as loaded and validated.
#[derive(Debug, Clone)]
pub struct SpaceScan {
    pub id: String,
    pub version: String,
    pub title: Localized,
    pub description: Localized,
    /// The labels of [`ScanAnswer::ALL`], in that order.
    pub scale: Vec<ScaleLabel>,
    pub sections: Vec<Section>,
    /// In the order a teacher answers them, section by section as the file lists them.
    pub statements: Vec<Statement>,
    pub roles: Vec<Role>,
    pub open_questions: Vec<OpenQuestion>,
    /// The elements of the source text, each with the statements that cover it.
    pub elements: Vec<Element>,
    /// The parts of the source text the questionnaire deliberately does not ask about.
    pub left_out: Vec<LeftOut>,
    /// Changes whenever any of the scan's files changes; see [`crate::fingerprint`].
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleLabel {
    pub answer: ScanAnswer,
    pub label: Localized,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub title: Localized,
}

/// One statement a teacher rates: "In onze school …" / "Ik …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub id: String,
    pub section: String,
    /// Whether agreeing means more room or less.
    pub direction: Direction,
    pub text: Localized,
}

/// A teacher-leader role: does the teacher fulfil it now, would they like to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: Localized,
    /// What the role is, in plain words.
    pub description: Localized,
    /// The role as the source text names it.
    pub source: String,
    /// "Anders": the teacher names the role themself.
    pub other: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuestion {
    pub id: String,
    pub question: Localized,
}

/// What part of the framework an element belongs to; killers and helpers are ranked in the
/// results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementGroup {
    /// What professional space is: influence on goals, ways of working, colleagues.
    Definition,
    /// Ruimte geven, laten, nemen.
    Movement,
    /// The four kinds of room.
    KindOfRoom,
    Killer,
    Helper,
    /// Time and facilities to learn together.
    TimeAndFacilities,
    /// How change starts.
    Change,
    /// What trust needs.
    Trust,
    /// Room left for other decisions than planned.
    OtherDecisions,
    /// The teacher's own stance.
    Stance,
    /// What the school leader does.
    Leader,
}

impl ElementGroup {
    pub const ALL: [ElementGroup; 11] = [
        ElementGroup::Definition,
        ElementGroup::Movement,
        ElementGroup::KindOfRoom,
        ElementGroup::Killer,
        ElementGroup::Helper,
        ElementGroup::TimeAndFacilities,
        ElementGroup::Change,
        ElementGroup::Trust,
        ElementGroup::OtherDecisions,
        ElementGroup::Stance,
        ElementGroup::Leader,
    ];

    /// As written in the content file.
    pub const fn code(self) -> &'static str {
        match self {
            ElementGroup::Definition => "definition",
            ElementGroup::Movement => "movement",
            ElementGroup::KindOfRoom => "kind-of-room",
            ElementGroup::Killer => "killer",
            ElementGroup::Helper => "helper",
            ElementGroup::TimeAndFacilities => "time-and-facilities",
            ElementGroup::Change => "change",
            ElementGroup::Trust => "trust",
            ElementGroup::OtherDecisions => "other-decisions",
            ElementGroup::Stance => "stance",
            ElementGroup::Leader => "leader",
        }
    }
}

/// One element of the source text and the statements that ask about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub id: String,
    pub group: ElementGroup,
    pub label: Localized,
    /// The words of the source text this element stands for, as written there.
    pub source: String,
    /// Statement ids, at least one, each of this scan.
    pub statements: Vec<String>,
}

/// A part of the source text that no statement asks about, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub source: String,
    pub reason: String,
}

impl SpaceScan {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }

    pub fn statements_of<'a>(
        &'a self,
        section_id: &'a str,
    ) -> impl Iterator<Item = &'a Statement> + 'a {
        self.statements
            .iter()
            .filter(move |s| s.section == section_id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn open_question(&self, id: &str) -> Option<&OpenQuestion> {
        self.open_questions.iter().find(|q| q.id == id)
    }

    pub fn elements_of(&self, group: ElementGroup) -> impl Iterator<Item = &Element> + '_ {
        self.elements.iter().filter(move |e| e.group == group)
    }

    /// The elements a statement asks about.
    pub fn elements_covering<'a>(
        &'a self,
        statement_id: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements
            .iter()
            .filter(move |e| e.statements.iter().any(|s| s == statement_id))
    }

    /// The label of an answer in the content's scale.
    pub fn scale_label(&self, answer: ScanAnswer) -> &Localized {
        let position = ScanAnswer::ALL
            .iter()
            .position(|a| *a == answer)
            .unwrap_or_default();
        &self.scale[position].label
    }
}
