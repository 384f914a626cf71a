//! The figures of one group of responses: tallies per statement, sections, killers and
//! helpers, roles; and the open answers in their fixed order. Which statements may be shown
//! is decided by the caller; this module only pools the ones it is told are shown.

use sha2::{Digest, Sha256};

use super::{
    ElementScore, Figures, OpenAnswers, RoleCount, SectionResult, Spread, StatementResult,
};
use crate::space_scan::answers::Response;
use crate::space_scan::{ElementGroup, SpaceScan};

/// The answers to one statement, as room.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Tally {
    by_room: [usize; 4],
    dont_know: usize,
}

impl Tally {
    /// Answers on the scale, each from another person.
    pub(super) fn rated(&self) -> usize {
        self.by_room.iter().sum()
    }

    fn add(&mut self, other: &Tally) {
        for (sum, count) in self.by_room.iter_mut().zip(other.by_room) {
            *sum += count;
        }
        self.dont_know += other.dont_know;
    }

    /// `None` when nothing was rated.
    fn spread(&self) -> Option<Spread> {
        let rated = self.rated();
        if rated == 0 {
            return None;
        }
        let total: usize = (1..=4).zip(self.by_room).map(|(room, n)| room * n).sum();
        Some(Spread {
            by_room: self.by_room,
            dont_know: self.dont_know,
            mean: total as f64 / rated as f64,
        })
    }
}

/// One tally per statement of the scan, in its order.
pub(super) fn tallies(scan: &SpaceScan, responses: &[&Response]) -> Vec<Tally> {
    scan.statements
        .iter()
        .map(|statement| {
            let mut tally = Tally::default();
            for response in responses {
                let Some(answer) = response.ratings.get(&statement.id) else {
                    continue;
                };
                match answer.room(statement.direction) {
                    Some(room) => tally.by_room[usize::from(room) - 1] += 1,
                    None => tally.dont_know += 1,
                }
            }
            tally
        })
        .collect()
}

/// The figures of `responses`, whose tallies are `tallies`, showing the statements where
/// `shown` (by the scan's statement order) is true and pooling only those.
pub(super) fn figures(
    scan: &SpaceScan,
    responses: &[&Response],
    tallies: &[Tally],
    shown: &[bool],
) -> Figures {
    let shown_spread = |i: usize| shown[i].then(|| tallies[i].spread()).flatten();
    let sections = scan
        .sections
        .iter()
        .map(|section| {
            let mut pooled = Tally::default();
            let mut statements = Vec::new();
            for (i, statement) in scan.statements.iter().enumerate() {
                if statement.section != section.id {
                    continue;
                }
                let spread = shown_spread(i);
                if spread.is_some() {
                    pooled.add(&tallies[i]);
                }
                statements.push(StatementResult {
                    statement: statement.id.clone(),
                    spread,
                });
            }
            SectionResult {
                section: section.id.clone(),
                spread: pooled.spread(),
                statements,
            }
        })
        .collect();
    let element_scores = |group: ElementGroup| -> Vec<ElementScore> {
        scan.elements_of(group)
            .filter_map(|element| {
                let means: Vec<f64> = element
                    .statements
                    .iter()
                    .filter_map(|id| scan.statements.iter().position(|s| s.id == *id))
                    .filter_map(|i| shown_spread(i).map(|s| s.mean))
                    .collect();
                (!means.is_empty()).then(|| ElementScore {
                    element: element.id.clone(),
                    mean: means.iter().sum::<f64>() / means.len() as f64,
                })
            })
            .collect()
    };
    // Stable sorts: among equals, the coverage map's order.
    let mut killers = element_scores(ElementGroup::Killer);
    killers.sort_by(|a, b| a.mean.total_cmp(&b.mean));
    let mut helpers = element_scores(ElementGroup::Helper);
    helpers.sort_by(|a, b| b.mean.total_cmp(&a.mean));
    let roles = scan
        .roles
        .iter()
        .map(|role| {
            let answers = responses.iter().filter_map(|r| r.roles.get(&role.id));
            let (now, would_like) = answers.fold((0, 0), |(now, like), a| {
                (now + usize::from(a.now), like + usize::from(a.would_like))
            });
            RoleCount {
                role: role.id.clone(),
                now,
                would_like,
            }
        })
        .collect();
    Figures {
        sections,
        killers,
        helpers,
        roles,
    }
}

/// The open answers per question, each list ordered by [`order_key`].
pub(super) fn open_answers(
    scan: &SpaceScan,
    responses: &[&Response],
    key: u64,
) -> Vec<OpenAnswers> {
    scan.open_questions
        .iter()
        .filter_map(|question| {
            let mut texts: Vec<String> = responses
                .iter()
                .filter_map(|r| r.open.get(&question.id))
                .map(|answer| answer.as_str().to_owned())
                .collect();
            texts.sort_by_cached_key(|text| order_key(key, text));
            (!texts.is_empty()).then(|| OpenAnswers {
                question: question.id.clone(),
                texts,
            })
        })
        .collect()
}

/// The roles named under "Anders", ordered like the open answers.
pub(super) fn other_roles(responses: &[&Response], key: u64) -> Vec<String> {
    let mut names: Vec<String> = responses
        .iter()
        .filter_map(|r| r.other_role.as_ref())
        .map(|name| name.as_str().to_owned())
        .collect();
    names.sort_by_cached_key(|name| order_key(key, name));
    names
}

/// SHA-256 of the key and the text: the same order for the same report on every machine,
/// unrelated to the order of submission, and not guessable before the key is drawn.
fn order_key(key: u64, text: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(key.to_le_bytes());
    hasher.update(text.as_bytes());
    hasher.finalize().into()
}
