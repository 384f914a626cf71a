//! The profile page and its print view.

use std::collections::{HashMap, HashSet};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use leidraad_domain::reflection::{Pile, Profile, RadarChart, RadarPoint, SortedCard};
use leidraad_store::reflections::{AnswerRecord, FullReflection};
use serde::Deserialize;

use super::super::super::{PageContext, Section, render};
use super::super::{domain_title, score_text};
use super::chart::{Fixed, Radar};
use super::{date, pile_label};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, Loaded, ScopeCard};

pub struct DomainRow {
    pub number: usize,
    pub title: String,
    pub counts: [usize; 4],
    pub score: String,
    /// Per pile: its score, and where its part of the SVG bar starts and how wide it is,
    /// out of 100.
    pub bars: Vec<(u8, Fixed<2>, Fixed<2>)>,
}

/// A card as the profile lists it, borrowed from what the page was built from.
pub struct CardLine<'a> {
    pub key: &'a str,
    pub text: &'a str,
    pub domain_number: usize,
    pub domain_title: &'a str,
    pub pile: &'a str,
    /// 1–4, or none while unsorted.
    pub score: Option<u8>,
    pub starred: bool,
    pub focus: bool,
    pub note: &'a str,
    pub evidence: &'a str,
}

/// Cards of one domain, for lists grouped by domain.
pub struct DomainGroup<'a> {
    pub number: usize,
    pub title: &'a str,
    pub cards: Vec<CardLine<'a>>,
}

/// Groups lines by domain, keeping the order in which the domains first appear.
fn grouped(lines: Vec<CardLine<'_>>) -> Vec<DomainGroup<'_>> {
    let mut groups: Vec<DomainGroup> = Vec::new();
    for line in lines {
        match groups.last_mut() {
            Some(group) if group.number == line.domain_number => group.cards.push(line),
            _ => groups.push(DomainGroup {
                number: line.domain_number,
                title: line.domain_title,
                cards: vec![line],
            }),
        }
    }
    groups
}

#[derive(Template)]
#[template(path = "reflection_profile.html")]
pub struct ProfilePage<'a> {
    page: PageContext,
    id: i64,
    own: bool,
    print: bool,
    author: String,
    started: String,
    finished: String,
    progress: (usize, usize),
    rows: Vec<DomainRow>,
    radar: Radar,
    strengths: Vec<DomainGroup<'a>>,
    growth_points: Vec<DomainGroup<'a>>,
    focus: Vec<CardLine<'a>>,
    pub(super) all_cards: Vec<CardLine<'a>>,
    shares: Vec<(i64, String)>,
    others: Vec<(i64, String)>,
    notice: String,
    pub(super) error: String,
}

#[derive(Deserialize)]
pub struct ProfileQuery {
    #[serde(default)]
    melding: String,
}

/// What the profile page is built from: the reflection read in one statement, and what
/// the domain makes of it. The page borrows from it, so a card's text, note and labels are
/// not copied for every list the card appears in.
pub(super) struct ProfileData {
    full: FullReflection,
    own: bool,
    scope: Vec<ScopeCard>,
    cards: Vec<SortedCard>,
    profile: Profile,
    /// The piles' labels by score (1–4), then "unsorted", in the page's language.
    pile_labels: [String; 5],
}

pub(super) async fn profile_data(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
) -> Result<ProfileData, AppError> {
    let Loaded { full, own } = logic::load(state, viewer, id).await?;
    let framework = logic::framework_of(state, &full.record)?;
    let scope = logic::scope_cards(tr.lang, framework, &full.record, &full.own_cards);
    let cards = logic::sorted_cards(&scope, &full.answers);
    let profile = logic::profile(&full.record, &cards);
    let [not_yet, sometimes, often, second_nature] = Pile::ALL.map(|p| pile_label(tr, Some(p)));
    let pile_labels = [
        not_yet,
        sometimes,
        often,
        second_nature,
        pile_label(tr, None),
    ];
    Ok(ProfileData {
        full,
        own,
        scope,
        cards,
        profile,
        pile_labels,
    })
}

impl ProfileData {
    pub(super) fn page<'a>(
        &'a self,
        state: &'a AppState,
        tr: Tr,
        viewer: &Viewer,
        print: bool,
    ) -> Result<ProfilePage<'a>, AppError> {
        let record = &self.full.record;
        let id = record.id;
        let own = self.own;
        let framework = logic::framework_of(state, record)?;
        // Looked up per card line, so built once: no search through a list for every card.
        let texts: HashMap<&str, &str> = self
            .scope
            .iter()
            .map(|c| (c.key.as_str(), c.text.as_str()))
            .collect();
        let answers: HashMap<&str, &AnswerRecord> = self
            .full
            .answers
            .iter()
            .map(|a| (a.card_id.as_str(), a))
            .collect();
        let focus_keys: HashSet<&str> = self.full.focus_cards.iter().map(String::as_str).collect();
        let domains: HashMap<&str, (usize, &str)> = framework
            .domains
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), (i + 1, tr.pick(&d.title))))
            .collect();
        let line = |card: &'a SortedCard| {
            let answer = answers.get(card.card.as_str());
            let (domain_number, domain_title) = domains
                .get(card.domain.as_str())
                .copied()
                .unwrap_or((0, card.domain.as_str()));
            CardLine {
                key: &card.card,
                text: texts.get(card.card.as_str()).copied().unwrap_or_default(),
                domain_number,
                domain_title,
                pile: &self.pile_labels[card.pile.map_or(4, |p| usize::from(p.score() - 1))],
                score: card.pile.map(|p| p.score()),
                starred: card.starred,
                focus: focus_keys.contains(card.card.as_str()),
                note: answer.map_or("", |a| a.note.as_str()),
                evidence: answer.map_or("", |a| a.evidence.as_str()),
            }
        };
        let rows: Vec<DomainRow> = self
            .profile
            .domains
            .iter()
            .map(|d| {
                let (number, title) = domain_title(tr, framework, &d.domain);
                let total = (d.sorted() + d.unsorted).max(1) as f64;
                let mut offset = 0.0;
                let bars = Pile::ALL
                    .iter()
                    .map(|pile| {
                        let width = 100.0 * d.count(*pile) as f64 / total;
                        let bar = (pile.score(), Fixed(offset), Fixed(width));
                        offset += width;
                        bar
                    })
                    .collect();
                DomainRow {
                    number,
                    title,
                    counts: d.counts,
                    score: score_text(tr, d.mean),
                    bars,
                }
            })
            .collect();
        let chart = RadarChart::new(
            &self
                .profile
                .domains
                .iter()
                .map(|d| d.mean)
                .collect::<Vec<_>>(),
            320.0,
        );
        let labels = chart
            .labels
            .iter()
            .zip(&rows)
            .map(|(p, row)| (Fixed(p.x), Fixed(p.y), row.number))
            .collect();
        let point = |p: &RadarPoint| (Fixed(p.x), Fixed(p.y));
        let radar = Radar {
            centre: (chart.size / 2.0).to_string(),
            spokes: chart.spokes.iter().map(point).collect(),
            corners: chart.corners.iter().map(point).collect(),
            labels,
            chart,
        };
        // Names of the people it is shared with, and the author's other moments, are the
        // author's alone (the store leaves them out for anyone else).
        let shares = if own {
            self.full
                .shares
                .iter()
                .map(|share| {
                    (
                        share.viewer.get(),
                        format!("{} ({})", share.name, share.email),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let others = if own {
            self.full
                .others
                .iter()
                .filter(|r| r.framework_id == record.framework_id)
                .map(|r| (r.id, date(tr, r.started_at)))
                .collect()
        } else {
            Vec::new()
        };
        let author = if own {
            viewer.name.clone()
        } else {
            self.full.author_name.clone()
        };
        let by_key: HashMap<&str, &SortedCard> =
            self.cards.iter().map(|c| (c.card.as_str(), c)).collect();
        Ok(ProfilePage {
            page: PageContext::new(tr, format!("/reflecties/{id}"), Section::Other),
            id,
            own,
            print,
            author,
            started: date(tr, record.started_at),
            finished: record
                .finished_at
                .map(|at| date(tr, at))
                .unwrap_or_default(),
            progress: self.profile.progress(),
            radar,
            rows,
            strengths: grouped(self.profile.strengths.iter().map(line).collect()),
            growth_points: grouped(self.profile.growth_points.iter().map(line).collect()),
            focus: self
                .full
                .focus_cards
                .iter()
                .filter_map(|key| by_key.get(key.as_str()).copied())
                .map(line)
                .collect(),
            all_cards: if print {
                self.cards.iter().map(line).collect()
            } else {
                Vec::new()
            },
            shares,
            others,
            notice: String::new(),
            error: String::new(),
        })
    }
}

pub async fn get_profile(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ProfileQuery>,
) -> Result<Response, AppError> {
    let data = profile_data(&state, tr, &viewer, id).await?;
    let mut page = data.page(&state, tr, &viewer, false)?;
    let key = match query.melding.as_str() {
        "afgerond" => "notice-reflection-finished",
        "gedeeld" => "notice-reflection-shared",
        "ingetrokken" => "notice-reflection-unshared",
        "focus" => "notice-focus-saved",
        _ => "",
    };
    if !key.is_empty() {
        page.notice = tr.t(key).into_owned();
    }
    render(&page)
}

pub async fn get_print(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let data = profile_data(&state, tr, &viewer, id).await?;
    render(&data.page(&state, tr, &viewer, true)?)
}
