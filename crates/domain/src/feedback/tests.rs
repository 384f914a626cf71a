//! The feedback rules: settings, texts and the closing date in [`settings`], the preview in
//! [`preview`], the report's anonymity in [`report`] and what it points out in
//! [`highlights`].

use super::*;
use crate::rating::{RaterAnswer, Rating};

mod highlights;
mod preview;
mod report;
mod settings;

/// An anonymous group of `kind` with one threshold for figures and comments.
fn anonymous(kind: GroupKind, threshold: usize) -> GroupSettings {
    let label = (kind == GroupKind::Own).then_some("Ouders");
    GroupSettings::new(kind, label, threshold, None, false).unwrap()
}

/// A board group that is shown from one answer on.
fn identifiable_board() -> GroupSettings {
    GroupSettings::new(GroupKind::Board, None, 3, None, true).unwrap()
}

/// A round to compute a report of, built up in a test.
struct Round {
    domains: Vec<String>,
    cards: Vec<(String, String)>,
    groups: Vec<(i64, GroupSettings)>,
    self_answers: Vec<(String, Rating)>,
    responses: Vec<ResponseInput>,
    seed: u64,
}

impl Round {
    /// Cards `a1`, `a2`, … in domain `a`, `b1`, … in domain `b`: `cards` per domain.
    fn new(domains: &[&str], cards: usize) -> Round {
        Round {
            domains: domains.iter().map(|d| d.to_string()).collect(),
            cards: domains
                .iter()
                .flat_map(|d| (1..=cards).map(move |i| (format!("{d}{i}"), d.to_string())))
                .collect(),
            groups: Vec::new(),
            self_answers: Vec::new(),
            responses: Vec::new(),
            seed: 7,
        }
    }

    fn group(mut self, key: i64, settings: GroupSettings) -> Round {
        self.groups.push((key, settings));
        self
    }

    fn own(mut self, card: &str, score: i64) -> Round {
        let rating = Rating::from_score(score).unwrap();
        self.self_answers.push((card.to_owned(), rating));
        self
    }

    /// One response in `group`; a score of 0 is "cannot judge".
    fn answer(mut self, group: i64, answers: &[(&str, i64)]) -> Round {
        self.responses.push(ResponseInput {
            group,
            answers: answers
                .iter()
                .map(|(card, score)| (card.to_string(), RaterAnswer::from_stored(*score).unwrap()))
                .collect(),
            comments: Vec::new(),
        });
        self
    }

    /// `count` responses in `group`, each giving `score` on every card of the round.
    fn answers(mut self, group: i64, count: usize, score: i64) -> Round {
        let cards: Vec<(String, i64)> =
            self.cards.iter().map(|(c, _)| (c.clone(), score)).collect();
        let cards: Vec<(&str, i64)> = cards.iter().map(|(c, s)| (c.as_str(), *s)).collect();
        for _ in 0..count {
            self = self.answer(group, &cards);
        }
        self
    }

    /// One response in `group` with only a comment (`domain` `None`: general).
    fn comment(mut self, group: i64, domain: Option<&str>, text: &str) -> Round {
        self.responses.push(ResponseInput {
            group,
            answers: Vec::new(),
            comments: vec![(domain.map(str::to_owned), CommentText::parse(text).unwrap())],
        });
        self
    }

    fn report(&self) -> Report {
        compute_report(&ReportInput {
            domains: &self.domains,
            cards: &self.cards,
            groups: &self.groups,
            self_answers: &self.self_answers,
            responses: &self.responses,
            seed: self.seed,
        })
    }
}

fn card<'r>(report: &'r Report, id: &str) -> &'r CardResult {
    report.cards.iter().find(|c| c.card == id).unwrap()
}

fn domain<'r>(report: &'r Report, id: &str) -> &'r DomainResult {
    report.domains.iter().find(|d| d.domain == id).unwrap()
}

/// The score of `group` in a card's or domain's list; `None` if absent or hidden.
fn cell(groups: &[(i64, Option<Score>)], group: i64) -> Option<Score> {
    groups
        .iter()
        .find(|(key, _)| *key == group)
        .and_then(|(_, s)| *s)
}
