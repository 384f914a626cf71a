//! The report of a closed round, computed once at release and stored as a snapshot (the raw
//! responses are deleted in the same transaction), so no later answer can change it and no
//! two versions can be subtracted from each other.
//!
//! # What is shown
//!
//! - A group is shown when its respondents meet its threshold ([`GroupSettings::may_show`]).
//!   A hidden group's responses are dropped before anything else happens: they are in no
//!   score, no "others" figure and no comment.
//! - A *cell*, the score of one group on one card, is shown when its ratings ("cannot judge"
//!   does not count) meet that group's threshold: each rating on one card is another person.
//! - Every pooled figure (a group's domain score, the "others" score of a card or a domain)
//!   pools **only cells that are shown themselves**. Pooling a hidden cell beside shown ones
//!   would give it away by subtraction: a domain score over 10 ratings next to three card
//!   scores over 3 ratings each is the tenth rating, and an "others" score over 6 ratings
//!   next to one group's 5 is the sixth. Pooling ratings across cards would also count one
//!   person several times: five cards rated by one person are five ratings, one person.
//!   Every pooled figure is so a weighted mean of figures already shown, and tells nothing
//!   that they do not.
//! - An "others" score is shown when it pools at least [`Threshold::MIN`] ratings (which
//!   matters only for an identifiable board: an anonymous cell has at least that many).
//! - A group's comments are shown when [`GroupSettings::may_show_comments`] allows it for
//!   its respondents, in an order given by a hash of the release's random seed and the text,
//!   so neither the order of submission nor any order kept by the database shows through.

mod comments;
mod highlights;
mod tally;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{CommentText, GroupKind, GroupSettings};
use crate::anonymity::Threshold;
use crate::rating::{RaterAnswer, Rating};
use tally::Tally;

/// Everything the report is computed from.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// Domain ids in the framework's order (only domains with cards in the round).
    pub domains: &'a [String],
    /// (card id, domain id), in order.
    pub cards: &'a [(String, String)],
    /// Key and settings of every group; the order is the display order.
    pub groups: &'a [(i64, GroupSettings)],
    /// The leader's self-rating (may be empty).
    pub self_answers: &'a [(String, Rating)],
    pub responses: &'a [ResponseInput],
    /// Random, chosen at release: orders the comments.
    pub seed: u64,
}

/// One submitted response: its group, answers per card and comments (`None`: general, or a
/// domain id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseInput {
    pub group: i64,
    pub answers: Vec<(String, RaterAnswer)>,
    pub comments: Vec<(Option<String>, CommentText)>,
}

/// The report, as stored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Every group, in order, shown or not.
    pub groups: Vec<GroupResult>,
    /// Respondents in the shown groups together; `None` when no group is shown.
    pub others: Option<usize>,
    pub domains: Vec<DomainResult>,
    pub cards: Vec<CardResult>,
    /// Card ids where the leader rates themself at least a point above the others.
    pub blind_spots: Vec<String>,
    /// Card ids where the others rate the leader at least a point above their self-rating.
    pub hidden_strengths: Vec<String>,
    /// The cards the others rate highest and lowest (ties: card order), at most 5 each and
    /// never more than half the rated cards each, so that no card is in both lists.
    pub highest: Vec<String>,
    pub lowest: Vec<String>,
    /// Cards scored by at least two groups whose means lie within 0.5 of each other (most
    /// alike first) or 1.0 or more apart (furthest apart first); at most 5 each.
    pub agreement: Vec<String>,
    pub disagreement: Vec<String>,
    pub comments: Vec<CommentBlock>,
}

/// A group as the report shows it. A hidden group shows no count at all: "too few answers",
/// never how few.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupResult {
    pub key: i64,
    pub kind: GroupKind,
    pub label: Option<String>,
    pub identifiable: bool,
    pub shown: bool,
    /// `None` when hidden.
    pub respondents: Option<usize>,
    pub comments_shown: bool,
}

/// A shown figure: mean and population standard deviation (both to 2 decimals) of the
/// ratings, how many ratings, and how many answered "cannot judge".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub mean: f64,
    pub spread: f64,
    pub answers: usize,
    pub cannot_judge: usize,
}

/// A domain: the mean of the self-ratings of its cards, and per shown group and for the
/// others together a score pooled from the shown cells of its cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainResult {
    pub domain: String,
    pub own: Option<f64>,
    /// Every shown group, in order; `None`: too few ratings ("te weinig oordelen").
    pub groups: Vec<(i64, Option<Score>)>,
    pub others: Option<Score>,
}

/// A card: the self-rating and the scores of the shown groups and of the others together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardResult {
    pub card: String,
    pub domain: String,
    #[serde(default, with = "own_rating")]
    pub own: Option<Rating>,
    /// Every shown group, in order; `None`: too few ratings ("te weinig oordelen").
    pub groups: Vec<(i64, Option<Score>)>,
    pub others: Option<Score>,
}

/// The comments of one group on one domain (`None`: general), in hashed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentBlock {
    pub domain: Option<String>,
    pub group: i64,
    pub texts: Vec<String>,
}

/// The report of a round. Groups are taken by key, once each (a key given twice counts
/// where it first appears); responses of a group not among them, answers on cards not in
/// the round and a second answer on the same card in one response are ignored.
pub fn compute_report(input: &ReportInput) -> Report {
    let groups = distinct_groups(input.groups);
    let shown = shown_groups(input, &groups);
    let own: HashMap<&str, Rating> = first_by_key(input.self_answers);
    let cards: Vec<CardResult> = input
        .cards
        .iter()
        .map(|(card, domain)| card_result(card, domain, own.get(card.as_str()), &shown))
        .collect();
    let highlights = highlights::Highlights::of(&cards);
    Report {
        groups: groups
            .iter()
            .map(|(key, settings)| group_result(*key, settings, respondents(input, *key)))
            .collect(),
        others: (!shown.is_empty()).then(|| shown.iter().map(|g| g.respondents).sum()),
        domains: input
            .domains
            .iter()
            .map(|domain| domain_result(input, domain, &own, &shown))
            .collect(),
        cards,
        blind_spots: highlights.blind_spots,
        hidden_strengths: highlights.hidden_strengths,
        highest: highlights.highest,
        lowest: highlights.lowest,
        agreement: highlights.agreement,
        disagreement: highlights.disagreement,
        comments: comments::blocks(input, &shown),
    }
}

/// A shown group and what is computed from it; hidden groups never get this far.
struct ShownGroup<'a> {
    key: i64,
    settings: &'a GroupSettings,
    respondents: usize,
    responses: Vec<&'a ResponseInput>,
    /// The answers per card of the round.
    tallies: HashMap<&'a str, Tally>,
}

impl ShownGroup<'_> {
    /// The answers on `card` if they may be shown as this group's score.
    fn cell(&self, card: &str) -> Option<Tally> {
        let tally = self.tallies.get(card).copied().unwrap_or_default();
        self.settings.may_show(tally.ratings()).then_some(tally)
    }
}

fn distinct_groups(groups: &[(i64, GroupSettings)]) -> Vec<&(i64, GroupSettings)> {
    let mut seen = HashSet::new();
    groups.iter().filter(|(key, _)| seen.insert(*key)).collect()
}

fn first_by_key<T: Copy>(pairs: &[(String, T)]) -> HashMap<&str, T> {
    let mut map = HashMap::new();
    for (key, value) in pairs {
        map.entry(key.as_str()).or_insert(*value);
    }
    map
}

fn respondents(input: &ReportInput, group: i64) -> usize {
    input.responses.iter().filter(|r| r.group == group).count()
}

fn group_result(key: i64, settings: &GroupSettings, respondents: usize) -> GroupResult {
    let shown = settings.may_show(respondents);
    GroupResult {
        key,
        kind: settings.kind,
        label: settings.label.clone(),
        identifiable: settings.identifiable,
        shown,
        respondents: shown.then_some(respondents),
        comments_shown: shown && settings.may_show_comments(respondents),
    }
}

fn shown_groups<'a>(
    input: &ReportInput<'a>,
    groups: &[&'a (i64, GroupSettings)],
) -> Vec<ShownGroup<'a>> {
    let round_cards: HashSet<&str> = input.cards.iter().map(|(card, _)| card.as_str()).collect();
    groups
        .iter()
        .filter_map(|(key, settings)| {
            let responses: Vec<&ResponseInput> =
                input.responses.iter().filter(|r| r.group == *key).collect();
            settings.may_show(responses.len()).then(|| ShownGroup {
                key: *key,
                settings,
                respondents: responses.len(),
                tallies: tally_cards(&responses, &round_cards),
                responses,
            })
        })
        .collect()
}

fn tally_cards<'a>(
    responses: &[&'a ResponseInput],
    round_cards: &HashSet<&str>,
) -> HashMap<&'a str, Tally> {
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    for response in responses {
        let mut answered = HashSet::new();
        for (card, answer) in &response.answers {
            if round_cards.contains(card.as_str()) && answered.insert(card.as_str()) {
                tallies.entry(card.as_str()).or_default().add(*answer);
            }
        }
    }
    tallies
}

fn card_result(card: &str, domain: &str, own: Option<&Rating>, shown: &[ShownGroup]) -> CardResult {
    let cells: Vec<(i64, Option<Tally>)> = shown.iter().map(|g| (g.key, g.cell(card))).collect();
    let pooled = Tally::pool(cells.iter().filter_map(|(_, cell)| *cell));
    CardResult {
        card: card.to_owned(),
        domain: domain.to_owned(),
        own: own.copied(),
        groups: cells
            .into_iter()
            .map(|(key, cell)| (key, cell.and_then(|t| t.score())))
            .collect(),
        others: others_score(pooled),
    }
}

fn domain_result(
    input: &ReportInput,
    domain: &str,
    own: &HashMap<&str, Rating>,
    shown: &[ShownGroup],
) -> DomainResult {
    let cards: Vec<&str> = input
        .cards
        .iter()
        .filter(|(_, d)| d == domain)
        .map(|(card, _)| card.as_str())
        .collect();
    let pools: Vec<(&ShownGroup, Tally)> = shown
        .iter()
        .map(|g| (g, Tally::pool(cards.iter().filter_map(|card| g.cell(card)))))
        .collect();
    DomainResult {
        domain: domain.to_owned(),
        own: own_mean(cards.iter().filter_map(|card| own.get(card))),
        groups: pools
            .iter()
            .map(|(g, pool)| (g.key, group_score(g.settings, *pool)))
            .collect(),
        others: others_score(Tally::pool(pools.iter().map(|(_, pool)| *pool))),
    }
}

fn group_score(settings: &GroupSettings, pool: Tally) -> Option<Score> {
    settings
        .may_show(pool.ratings())
        .then(|| pool.score())
        .flatten()
}

fn others_score(pool: Tally) -> Option<Score> {
    Threshold::MIN
        .is_met_by(pool.ratings())
        .then(|| pool.score())
        .flatten()
}

fn own_mean<'a>(ratings: impl Iterator<Item = &'a Rating>) -> Option<f64> {
    let scores: Vec<f64> = ratings.map(|r| f64::from(r.score())).collect();
    (!scores.is_empty()).then(|| tally::round2(scores.iter().sum::<f64>() / scores.len() as f64))
}

/// The self-rating stored as its score (1–4), as the database stores it.
mod own_rating {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

    use crate::rating::Rating;

    pub fn serialize<S: Serializer>(own: &Option<Rating>, s: S) -> Result<S::Ok, S::Error> {
        own.map(Rating::score).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Rating>, D::Error> {
        Option::<u8>::deserialize(d)?
            .map(|score| Rating::from_score(i64::from(score)).map_err(de::Error::custom))
            .transpose()
    }
}
