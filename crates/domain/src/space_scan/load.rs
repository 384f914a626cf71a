//! Turns a scan folder's files into a validated [`SpaceScan`], in the content loader's style:
//! every problem is collected, each naming its file and, where there is one, the item.
//!
//! Beyond the decks' rules (ids valid and unique across the scan, every text in both languages
//! and not empty), a scan's texts hold no control characters, its scale lists exactly the
//! answers of [`ScanAnswer::ALL`], every statement is in a known section and every section
//! has statements, and every element of the coverage map names at least one statement, each
//! of which exists.

use std::collections::HashSet;

use super::raw::{
    RawCoverage, RawDirection, RawElement, RawLeftOut, RawOpenQuestion, RawRole, RawScaleLabel,
    RawScan, RawSection, RawStatement, RawStatements,
};
use super::{
    Direction, Element, ElementGroup, LeftOut, OpenQuestion, Role, ScaleLabel, ScanAnswer, Section,
    SpaceScan, Statement,
};
use crate::content::{IdRegistry, Localized, Problems, RawLocalized, SourceFile, localized, parse};
use crate::fingerprint::fingerprint;

/// The file that makes a content folder a scan: its id, title, scale, sections, roles and open
/// questions.
pub const SCAN_FILE: &str = "space-scan.toml";
/// The statements, in the order a teacher answers them.
pub const STATEMENTS_FILE: &str = "statements.toml";
/// The elements of the source text and the statements that cover them.
pub const COVERAGE_FILE: &str = "coverage.toml";

/// Whether a content folder is a scan rather than a deck.
pub(crate) fn is_scan_folder(folder: &str, files: &[&SourceFile]) -> bool {
    let marker = format!("{folder}/{SCAN_FILE}");
    files.iter().any(|f| f.path == marker)
}

struct ScanPaths {
    scan: String,
    statements: String,
    coverage: String,
}

/// Loads the scan in `folder`; `None` when anything in it is wrong (the problems say what).
pub(crate) fn load_scan(
    folder: &str,
    files: &[&SourceFile],
    problems: &mut Problems,
) -> Option<SpaceScan> {
    let paths = ScanPaths {
        scan: format!("{folder}/{SCAN_FILE}"),
        statements: format!("{folder}/{STATEMENTS_FILE}"),
        coverage: format!("{folder}/{COVERAGE_FILE}"),
    };
    for file in files {
        if ![&paths.scan, &paths.statements, &paths.coverage].contains(&&file.path) {
            problems.file(
                &file.path,
                format!("unknown content file: a scan folder holds {SCAN_FILE}, {STATEMENTS_FILE} and {COVERAGE_FILE}"),
            );
        }
    }
    let find = |path: &str| files.iter().find(|f| f.path == path);
    let scan_file = find(&paths.scan)?;
    let mut missing = |path: &str| {
        problems.file(path, "missing: every scan needs one");
    };
    let (Some(statements_file), Some(coverage_file)) =
        (find(&paths.statements), find(&paths.coverage))
    else {
        if find(&paths.statements).is_none() {
            missing(&paths.statements);
        }
        if find(&paths.coverage).is_none() {
            missing(&paths.coverage);
        }
        return None;
    };
    let raw_scan: Option<RawScan> = parse(scan_file, problems);
    let raw_statements: Option<RawStatements> = parse(statements_file, problems);
    let raw_coverage: Option<RawCoverage> = parse(coverage_file, problems);
    let (raw_scan, raw_statements, raw_coverage) = (raw_scan?, raw_statements?, raw_coverage?);

    let before = problems.count();
    let mut check = Check {
        problems,
        ids: IdRegistry::default(),
    };
    let scan = check.scan(&paths.scan, raw_scan);
    let statements = check.statements(&paths, raw_statements.statements, &scan);
    let elements = check.elements(&paths.coverage, raw_coverage.elements, &statements);
    let left_out = check.left_out(&paths.coverage, raw_coverage.left_out);
    if check.problems.count() > before {
        return None;
    }
    let mut texts: Vec<&str> = Vec::new();
    for file in files {
        texts.push(&file.path);
        texts.push(&file.text);
    }
    Some(SpaceScan {
        fingerprint: fingerprint(texts),
        statements,
        elements,
        left_out,
        ..scan
    })
}

struct Check<'p> {
    problems: &'p mut Problems,
    ids: IdRegistry,
}

impl Check<'_> {
    /// A text in both languages, neither empty nor holding a control character.
    fn text(&mut self, file: &str, item: &str, field: &str, raw: RawLocalized) -> Localized {
        let text = localized(file, item, field, raw, self.problems);
        for (language, value) in [("nl", &text.nl), ("en", &text.en)] {
            if value.chars().any(char::is_control) {
                self.problems.item(
                    file,
                    item,
                    format!("{field}: control character in `{language}`"),
                );
            }
        }
        text
    }

    /// A one-language text (a quote from the source, a reason): not empty, no control
    /// characters.
    fn plain(&mut self, file: &str, item: &str, field: &str, raw: String) -> String {
        let text = raw.trim().to_owned();
        if text.is_empty() {
            self.problems.item(file, item, format!("{field}: empty"));
        } else if text.chars().any(char::is_control) {
            self.problems
                .item(file, item, format!("{field}: control character"));
        }
        text
    }

    fn scan(&mut self, file: &str, raw: RawScan) -> SpaceScan {
        self.ids.claim(file, &raw.id, self.problems);
        if raw.version.trim().is_empty() {
            self.problems.item(file, &raw.id, "version: empty");
        }
        let scale = self.scale(file, &raw.id, raw.scale);
        if raw.sections.is_empty() {
            self.problems.item(
                file,
                &raw.id,
                "no sections: a scan needs at least one [[sections]]",
            );
        }
        let sections = raw
            .sections
            .into_iter()
            .map(|s| self.section(file, s))
            .collect();
        let roles = raw.roles.into_iter().map(|r| self.role(file, r)).collect();
        let open_questions = raw
            .open_questions
            .into_iter()
            .map(|q| self.open_question(file, q))
            .collect();
        SpaceScan {
            title: self.text(file, &raw.id, "title", raw.title),
            description: self.text(file, &raw.id, "description", raw.description),
            id: raw.id,
            version: raw.version.trim().to_owned(),
            scale,
            sections,
            statements: Vec::new(),
            roles,
            open_questions,
            elements: Vec::new(),
            left_out: Vec::new(),
            fingerprint: String::new(),
        }
    }

    fn scale(&mut self, file: &str, scan_id: &str, raw: Vec<RawScaleLabel>) -> Vec<ScaleLabel> {
        let codes: Vec<&str> = raw.iter().map(|s| s.answer.as_str()).collect();
        let expected: Vec<&str> = ScanAnswer::ALL.iter().map(|a| a.code()).collect();
        if codes != expected {
            self.problems.item(
                file,
                scan_id,
                format!(
                    "scale: list the answers {} in this order, one [[scale]] each",
                    expected.join(", ")
                ),
            );
        }
        raw.into_iter()
            .filter_map(|s| {
                let label = self.text(file, &s.answer, "label", s.label);
                let answer = ScanAnswer::from_code(&s.answer).ok()?;
                Some(ScaleLabel { answer, label })
            })
            .collect()
    }

    fn section(&mut self, file: &str, raw: RawSection) -> Section {
        self.ids.claim(file, &raw.id, self.problems);
        Section {
            title: self.text(file, &raw.id, "title", raw.title),
            id: raw.id,
        }
    }

    fn role(&mut self, file: &str, raw: RawRole) -> Role {
        self.ids.claim(file, &raw.id, self.problems);
        Role {
            name: self.text(file, &raw.id, "name", raw.name),
            description: self.text(file, &raw.id, "description", raw.description),
            source: self.plain(file, &raw.id, "source", raw.source),
            other: raw.other,
            id: raw.id,
        }
    }

    fn open_question(&mut self, file: &str, raw: RawOpenQuestion) -> OpenQuestion {
        self.ids.claim(file, &raw.id, self.problems);
        OpenQuestion {
            question: self.text(file, &raw.id, "question", raw.question),
            id: raw.id,
        }
    }

    fn statements(
        &mut self,
        paths: &ScanPaths,
        raw: Vec<RawStatement>,
        scan: &SpaceScan,
    ) -> Vec<Statement> {
        let file = &paths.statements;
        let statements: Vec<Statement> = raw
            .into_iter()
            .map(|s| {
                self.ids.claim(file, &s.id, self.problems);
                if scan.section(&s.section).is_none() {
                    self.problems
                        .item(file, &s.id, format!("unknown section `{}`", s.section));
                }
                Statement {
                    text: self.text(file, &s.id, "text", s.text),
                    direction: match s.direction {
                        RawDirection::More => Direction::More,
                        RawDirection::Less => Direction::Less,
                    },
                    id: s.id,
                    section: s.section,
                }
            })
            .collect();
        for section in &scan.sections {
            if !statements.iter().any(|s| s.section == section.id) {
                self.problems
                    .item(&paths.scan, &section.id, "section has no statements");
            }
        }
        statements
    }

    fn elements(
        &mut self,
        file: &str,
        raw: Vec<RawElement>,
        statements: &[Statement],
    ) -> Vec<Element> {
        let known: HashSet<&str> = statements.iter().map(|s| s.id.as_str()).collect();
        raw.into_iter()
            .map(|e| {
                self.ids.claim(file, &e.id, self.problems);
                let group = ElementGroup::ALL.into_iter().find(|g| g.code() == e.group);
                if group.is_none() {
                    let codes: Vec<&str> = ElementGroup::ALL.iter().map(|g| g.code()).collect();
                    self.problems.item(
                        file,
                        &e.id,
                        format!(
                            "unknown group `{}`: use one of {}",
                            e.group,
                            codes.join(", ")
                        ),
                    );
                }
                if e.statements.is_empty() {
                    self.problems
                        .item(file, &e.id, "no statements: every element needs one");
                }
                let mut seen = HashSet::new();
                for statement in &e.statements {
                    if !known.contains(statement.as_str()) {
                        self.problems
                            .item(file, &e.id, format!("unknown statement `{statement}`"));
                    } else if !seen.insert(statement.as_str()) {
                        self.problems.item(
                            file,
                            &e.id,
                            format!("statement `{statement}` listed twice"),
                        );
                    }
                }
                Element {
                    label: self.text(file, &e.id, "label", e.label),
                    source: self.plain(file, &e.id, "source", e.source),
                    group: group.unwrap_or(ElementGroup::Definition),
                    statements: e.statements,
                    id: e.id,
                }
            })
            .collect()
    }

    fn left_out(&mut self, file: &str, raw: Vec<RawLeftOut>) -> Vec<LeftOut> {
        raw.into_iter()
            .map(|l| {
                let item: String = l.source.chars().take(40).collect();
                LeftOut {
                    source: self.plain(file, &item, "source", l.source),
                    reason: self.plain(file, &item, "reason", l.reason),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
