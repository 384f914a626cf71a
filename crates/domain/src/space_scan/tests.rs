//! The team scan's answers and results, on a small questionnaire made here: parsing and
//! settings in [`answers`], the results of one group in [`results`], board members'
//! estimates beside them in [`board`], subgroups and comparisons in [`subgroups`].

use super::*;
use crate::content::Localized;

mod answers;
mod board;
mod results;
mod subgroups;

fn text(s: &str) -> Localized {
    Localized {
        nl: s.to_owned(),
        en: s.to_owned(),
    }
}

/// Two sections of two statements (`a-2` points the other way), two roles, two open
/// questions, two killers and two helpers.
fn scan() -> SpaceScan {
    let statement = |id: &str, section: &str, direction| Statement {
        id: id.to_owned(),
        section: section.to_owned(),
        direction,
        text: text(id),
    };
    let element = |id: &str, group, statements: &[&str]| Element {
        id: id.to_owned(),
        group,
        label: text(id),
        source: id.to_owned(),
        statements: statements.iter().map(|s| (*s).to_owned()).collect(),
    };
    SpaceScan {
        id: "scan".to_owned(),
        version: "1".to_owned(),
        title: text("Teamscan"),
        description: text("Ruimte"),
        scale: ScanAnswer::ALL
            .into_iter()
            .map(|answer| ScaleLabel {
                answer,
                label: text(answer.code()),
            })
            .collect(),
        sections: ["a", "b"]
            .into_iter()
            .map(|id| Section {
                id: id.to_owned(),
                title: text(id),
            })
            .collect(),
        statements: vec![
            statement("a-1", "a", Direction::More),
            statement("a-2", "a", Direction::Less),
            statement("b-1", "b", Direction::More),
            statement("b-2", "b", Direction::More),
        ],
        roles: ["mentor", "data-coach"]
            .into_iter()
            .map(|id| Role {
                id: id.to_owned(),
                name: text(id),
                description: text(id),
                source: id.to_owned(),
                other: false,
            })
            .collect(),
        open_questions: ["geeft", "neemt"]
            .into_iter()
            .map(|id| OpenQuestion {
                id: id.to_owned(),
                question: text(id),
            })
            .collect(),
        elements: vec![
            element("regels", ElementGroup::Killer, &["a-2"]),
            element("vergaderen", ElementGroup::Killer, &["b-1"]),
            element("vertrouwen", ElementGroup::Helper, &["a-1"]),
            element("tijd", ElementGroup::Helper, &["b-2"]),
            element("geven", ElementGroup::Movement, &["a-1", "b-1"]),
        ],
        left_out: Vec::new(),
        fingerprint: "test".to_owned(),
    }
}

/// A response rating every statement with `answer` (as typed).
fn response(answer: &str) -> Response {
    let ratings: Vec<(&str, &str)> = ["a-1", "a-2", "b-1", "b-2"]
        .into_iter()
        .map(|id| (id, answer))
        .collect();
    Response::parse(
        &scan(),
        RawResponse {
            ratings: &ratings,
            ..RawResponse::default()
        },
    )
    .unwrap()
}

fn submitted(subgroup: Option<i64>, response: Response) -> Submitted {
    Submitted { subgroup, response }
}

fn results(
    settings: ScanSettings,
    responses: &[Submitted],
    estimate: Option<&Estimate>,
) -> ScanResults {
    compute_results(&ResultsInput {
        scan: &scan(),
        settings,
        responses,
        estimate,
        board_estimates: &[],
        key: 7,
        subgroups: &[],
    })
}

fn settings(threshold: usize) -> ScanSettings {
    ScanSettings::new(threshold).unwrap()
}

/// The shown statement of this id.
fn statement<'a>(figures: &'a Figures, id: &str) -> &'a StatementResult {
    figures
        .sections
        .iter()
        .flat_map(|s| &s.statements)
        .find(|s| s.statement == id)
        .unwrap()
}
