//! The snapshot as people read it: each figure formatted in the page's language, cards and
//! domains by their text, groups by their names. Every number shown is one the snapshot holds;
//! a group it hides gets its name and "te weinig antwoorden", never a count.

use std::cell::RefCell;
use std::collections::HashMap;

use leidraad_domain::Rating;
use leidraad_domain::feedback::{CardResult, Report, Score};

use super::chart::{self, Bar, Legend};
use super::highlights::{self, Highlight};
use super::{Names, decimal};
use crate::i18n::Tr;
use crate::pages::reflection::chart::Chart;

/// One column of the score tables after the card or domain: self, each shown group, and all
/// others together.
pub struct Column {
    pub name: String,
    /// `self`, `group` or `others`: the cell's look.
    pub kind: &'static str,
}

/// One figure in a score table.
pub struct Cell {
    /// The column's name, for the stacked layout on a phone.
    pub label: String,
    pub kind: &'static str,
    /// "3,2", or "–" when there is none.
    pub value: String,
    /// "spreiding 0,4 · 5 oordelen", "vaak", "te weinig oordelen".
    pub detail: String,
    /// "1 × kan ik niet beoordelen", or "".
    pub cannot_judge: String,
    pub bar: Option<Bar>,
}

/// A card's row: its number in its domain, text and cells (self, groups, others).
pub struct CardRow<'a> {
    pub id: &'a str,
    pub number: usize,
    pub text: &'a str,
    pub cells: Vec<Cell>,
}

/// One domain: its figures, its cards and its comments.
pub struct DomainView<'a> {
    pub id: &'a str,
    pub number: usize,
    pub title: &'a str,
    pub cells: Vec<Cell>,
    pub cards: Vec<CardRow<'a>>,
    pub comments: Vec<CommentGroup>,
}

/// A group's comments on one domain (or in general), in the snapshot's order.
pub struct CommentGroup {
    pub group: String,
    pub texts: Vec<String>,
}

/// A group as the report lists it.
pub struct GroupLine {
    pub name: String,
    pub shown: bool,
    /// "5 beoordelaars" or "te weinig antwoorden".
    pub status: String,
    /// What is said about its comments, or "".
    pub note: String,
    pub identifiable: bool,
}

pub struct ReportView<'a> {
    pub card_count: usize,
    pub groups: Vec<GroupLine>,
    /// "Alle anderen samen: 8 beoordelaars", or why there is nobody.
    pub others: String,
    pub columns: Vec<Column>,
    pub domains: Vec<DomainView<'a>>,
    pub chart: Option<Chart<'a>>,
    pub legend: Vec<Legend>,
    pub highlights: Vec<Highlight<'a>>,
    pub general_comments: Vec<CommentGroup>,
    /// Every card by domain, for the focus form: (domain title, [(card, text)]).
    pub focus_options: Vec<(&'a str, Vec<(&'a str, &'a str)>)>,
}

impl<'a> ReportView<'a> {
    /// The view of `report`; `own` adds what only the leader is offered (the focus form's
    /// cards).
    pub fn new(names: &Names<'a>, report: &'a Report, own: bool) -> ReportView<'a> {
        let tr = names.tr;
        let words = Words::new(tr);
        let columns = columns(names, report);
        let cards: HashMap<&str, &CardResult> =
            report.cards.iter().map(|c| (c.card.as_str(), c)).collect();
        let domains: Vec<DomainView> = report
            .domains
            .iter()
            .map(|d| {
                let (number, title) = names.domain(&d.domain);
                let own = d.own.map(|mean| own_cell(&words, &columns[0], mean, None));
                DomainView {
                    id: &d.domain,
                    number,
                    title,
                    cells: cells(&words, &columns, own, &d.groups, d.others.as_ref()),
                    cards: report
                        .cards
                        .iter()
                        .filter(|c| c.domain == d.domain)
                        .map(|c| card_row(names, &words, &columns, c))
                        .collect(),
                    comments: comments(names, report, Some(&d.domain)),
                }
            })
            .collect();
        let (chart, legend) = chart::radar(tr, report, &domains);
        ReportView {
            card_count: report.cards.len(),
            groups: report.groups.iter().map(|g| group_line(names, g)).collect(),
            others: match report.others {
                Some(count) => tr.t1("report-others-count", "count", count),
                None => tr.t("report-others-none").into_owned(),
            },
            highlights: highlights::lists(names, report, &cards),
            general_comments: comments(names, report, None),
            focus_options: if own {
                domains
                    .iter()
                    .map(|d| (d.title, d.cards.iter().map(|c| (c.id, c.text)).collect()))
                    .collect()
            } else {
                Vec::new()
            },
            columns,
            domains,
            chart,
            legend,
        }
    }
}

fn columns(names: &Names, report: &Report) -> Vec<Column> {
    let tr = names.tr;
    let mut columns = vec![Column {
        name: tr.t("report-self").into_owned(),
        kind: "self",
    }];
    columns.extend(report.groups.iter().filter(|g| g.shown).map(|g| Column {
        name: names.group(g.key).to_owned(),
        kind: "group",
    }));
    columns.push(Column {
        name: tr.t("report-others").into_owned(),
        kind: "others",
    });
    columns
}

/// The words repeated in many cells, looked up once per page: Fluent formats a message with
/// arguments in microseconds, and a report of 80 cards has some 400 cells, most of them with
/// one of a few dozen details.
struct Words {
    tr: Tr,
    too_few: String,
    self_none: String,
    /// The scale's labels, lowest first.
    ratings: [String; 4],
    /// "spreiding 0,4 · 5 oordelen" by spread (in hundredths) and ratings.
    details: RefCell<HashMap<(i64, usize), String>>,
    /// "1 × kan ik niet beoordelen" by count.
    cannot_judge: RefCell<HashMap<usize, String>>,
}

impl Words {
    fn new(tr: Tr) -> Words {
        Words {
            tr,
            too_few: tr.t("report-too-few-ratings").into_owned(),
            self_none: tr.t("report-self-none").into_owned(),
            ratings: Rating::ALL.map(|r| tr.t(r.label_key()).into_owned()),
            details: RefCell::default(),
            cannot_judge: RefCell::default(),
        }
    }

    fn detail(&self, score: &Score) -> String {
        let key = ((score.spread * 100.0).round() as i64, score.answers);
        self.details
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| {
                self.tr.t2(
                    "report-score-detail",
                    ("spread", decimal(self.tr, score.spread, 1)),
                    ("count", score.answers),
                )
            })
            .clone()
    }

    fn cannot_judge(&self, count: usize) -> String {
        if count == 0 {
            return String::new();
        }
        self.cannot_judge
            .borrow_mut()
            .entry(count)
            .or_insert_with(|| self.tr.t1("report-cannot-judge-count", "count", count))
            .clone()
    }
}

/// The cells of a row: self (given), one per shown group, all others.
fn cells(
    words: &Words,
    columns: &[Column],
    own: Option<Cell>,
    groups: &[(i64, Option<Score>)],
    others: Option<&Score>,
) -> Vec<Cell> {
    let mut cells = Vec::with_capacity(columns.len());
    cells.push(own.unwrap_or_else(|| empty_cell(&columns[0], &words.self_none)));
    // The snapshot lists every shown group, in the columns' order.
    for ((_, score), column) in groups.iter().zip(&columns[1..]) {
        cells.push(score_cell(words, column, score.as_ref()));
    }
    cells.push(score_cell(words, &columns[columns.len() - 1], others));
    cells
}

fn card_row<'a>(
    names: &Names<'a>,
    words: &Words,
    columns: &[Column],
    card: &'a CardResult,
) -> CardRow<'a> {
    let own = card
        .own
        .map(|rating| own_cell(words, &columns[0], f64::from(rating.score()), Some(rating)));
    CardRow {
        id: &card.card,
        number: names.card_number(&card.card),
        text: names.card(&card.card),
        cells: cells(words, columns, own, &card.groups, card.others.as_ref()),
    }
}

fn own_cell(words: &Words, column: &Column, mean: f64, rating: Option<Rating>) -> Cell {
    Cell {
        label: column.name.clone(),
        kind: column.kind,
        value: match rating {
            Some(rating) => rating.score().to_string(),
            None => decimal(words.tr, mean, 1),
        },
        detail: rating.map_or(String::new(), |r| {
            words.ratings[usize::from(r.score() - 1)].clone()
        }),
        cannot_judge: String::new(),
        bar: Some(Bar::of(mean, None)),
    }
}

fn empty_cell(column: &Column, why: &str) -> Cell {
    Cell {
        label: column.name.clone(),
        kind: column.kind,
        value: "–".to_owned(),
        detail: why.to_owned(),
        cannot_judge: String::new(),
        bar: None,
    }
}

fn score_cell(words: &Words, column: &Column, score: Option<&Score>) -> Cell {
    let Some(score) = score else {
        return empty_cell(column, &words.too_few);
    };
    Cell {
        label: column.name.clone(),
        kind: column.kind,
        value: decimal(words.tr, score.mean, 1),
        detail: words.detail(score),
        cannot_judge: words.cannot_judge(score.cannot_judge),
        bar: Some(Bar::of(score.mean, Some(score.spread))),
    }
}

fn group_line(names: &Names, group: &leidraad_domain::feedback::GroupResult) -> GroupLine {
    let tr = names.tr;
    let (status, note) = match group.respondents {
        Some(count) if group.shown => (
            tr.t1("report-group-respondents", "count", count),
            if group.comments_shown {
                String::new()
            } else {
                tr.t("report-group-comments-hidden").into_owned()
            },
        ),
        _ => (tr.t("report-group-hidden").into_owned(), String::new()),
    };
    GroupLine {
        name: names.group(group.key).to_owned(),
        shown: group.shown,
        status,
        note,
        identifiable: group.identifiable && group.shown,
    }
}

fn comments(names: &Names, report: &Report, domain: Option<&str>) -> Vec<CommentGroup> {
    report
        .comments
        .iter()
        .filter(|block| block.domain.as_deref() == domain && !block.texts.is_empty())
        .map(|block| CommentGroup {
            group: names.group(block.group).to_owned(),
            texts: block.texts.clone(),
        })
        .collect()
}
