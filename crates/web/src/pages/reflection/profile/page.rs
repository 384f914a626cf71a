//! The profile page and its print view.

use std::borrow::Cow;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use leidraad_domain::Framework;
use leidraad_domain::reflection::{Pile, Placed};
use serde::Deserialize;

use super::super::super::{PageContext, Section, render};
use super::super::score_text;
use super::chart::{Chart, Fixed, Series};
use super::{date_time, pile_label};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use leidraad_app::reflections::{self as logic, CardInReflection, Loaded};

pub struct DomainRow<'a> {
    pub number: usize,
    pub title: &'a str,
    pub counts: [usize; 4],
    pub score: String,
    /// Per pile: its score, and where its part of the SVG bar starts and how wide it is,
    /// out of 100.
    pub bars: [(u8, Fixed<2>, Fixed<2>); 4],
}

/// A card as the profile lists it, borrowed from what the page was built from.
pub struct CardLine<'a> {
    pub key: &'a str,
    pub text: &'a str,
    pub domain_number: usize,
    pub domain_title: &'a str,
    pub pile: Cow<'static, str>,
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
fn grouped<'a>(lines: impl Iterator<Item = CardLine<'a>>) -> Vec<DomainGroup<'a>> {
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

/// The words repeated on every card line or share, looked up once per page.
pub struct Words {
    star: Cow<'static, str>,
    choose_focus: Cow<'static, str>,
    remove_focus: Cow<'static, str>,
    withdraw_share: Cow<'static, str>,
}

impl Words {
    fn new(tr: Tr) -> Words {
        Words {
            star: tr.t("sort-star"),
            choose_focus: tr.t("focus-choose"),
            remove_focus: tr.t("focus-remove"),
            withdraw_share: tr.t("share-withdraw"),
        }
    }
}

#[derive(Template)]
#[template(path = "reflection_profile.html")]
pub struct ProfilePage<'a> {
    page: PageContext,
    /// The same in every form of the page: written once.
    csrf_field: String,
    words: Words,
    id: i64,
    own: bool,
    print: bool,
    author: String,
    started: String,
    finished: String,
    progress: (usize, usize),
    /// "12 van 80 kaarten gesorteerd".
    progress_text: String,
    /// "Nog 68 van de 80 kaarten liggen op geen stapel.", beside the finish button.
    unsorted_text: String,
    rows: Vec<DomainRow<'a>>,
    chart: Chart<'a>,
    strengths: Vec<DomainGroup<'a>>,
    growth_points: Vec<DomainGroup<'a>>,
    focus: Vec<CardLine<'a>>,
    all_cards: Vec<CardLine<'a>>,
    /// The people it is shared with: id, name and address.
    shares: Vec<(i64, &'a str, &'a str)>,
    others: Vec<(i64, String)>,
    pub(super) notice: String,
    pub(super) error: String,
}

#[derive(Deserialize)]
pub struct ProfileQuery {
    #[serde(default)]
    melding: String,
}

/// The profile page (or its print view) of reflection `id`, after `finish` has added a
/// notice or a problem. The page borrows every card's key, text, note and labels from the
/// reflection as read and from the framework: nothing is copied per card.
pub(super) async fn render_profile(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    print: bool,
    finish: impl FnOnce(&mut ProfilePage<'_>),
) -> Result<Response, AppError> {
    let loaded = logic::load(state, viewer, id).await?;
    let framework = logic::framework_of(state, &loaded.full.record)?;
    let cards = logic::cards_in(tr.lang, framework, &loaded.full);
    let mut page = ProfilePage::new(tr, viewer, &loaded, framework, &cards, print);
    finish(&mut page);
    render(&page)
}

impl<'a> ProfilePage<'a> {
    fn new(
        tr: Tr,
        viewer: &'a Viewer,
        loaded: &'a Loaded,
        framework: &'a Framework,
        cards: &'a [CardInReflection<'a>],
        print: bool,
    ) -> ProfilePage<'a> {
        let Loaded { full, own } = loaded;
        let (record, own) = (&full.record, *own);
        let pile_labels: [Cow<'static, str>; 5] = [
            pile_label(tr, Some(Pile::NotYet)),
            pile_label(tr, Some(Pile::Sometimes)),
            pile_label(tr, Some(Pile::Often)),
            pile_label(tr, Some(Pile::SecondNature)),
            pile_label(tr, None),
        ];
        let line = |card: &'a CardInReflection<'a>| {
            let pile = card.pile();
            CardLine {
                key: &card.key,
                text: card.text,
                domain_number: card.domain_number,
                domain_title: tr.pick(&card.domain.title),
                pile: pile_labels[pile.map_or(4, |p| usize::from(p.score() - 1))].clone(),
                starred: card.starred(),
                focus: card.focus,
                note: card.note(),
                evidence: card.evidence(),
            }
        };
        let in_reflection: Vec<&CardInReflection> = cards.iter().collect();
        let profile = logic::profile(record, &in_reflection);
        let numbered = |id: &str| {
            framework
                .domains
                .iter()
                .enumerate()
                .find(|(_, d)| d.id == id)
                .map_or((0, ""), |(i, d)| (i + 1, tr.pick(&d.title)))
        };
        let rows: Vec<DomainRow> = profile
            .domains
            .iter()
            .map(|d| {
                let (number, title) = numbered(&d.domain);
                let total = (d.sorted() + d.unsorted).max(1) as f64;
                let mut offset = 0.0;
                let bars = Pile::ALL.map(|pile| {
                    let width = 100.0 * d.count(pile) as f64 / total;
                    let bar = (pile.score(), Fixed(offset), Fixed(width));
                    offset += width;
                    bar
                });
                DomainRow {
                    number,
                    title,
                    counts: d.counts,
                    score: score_text(tr, d.mean),
                    bars,
                }
            })
            .collect();
        let means: Vec<Option<f64>> = profile.domains.iter().map(|d| d.mean).collect();
        let domains: Vec<(usize, &str)> = rows.iter().map(|r| (r.number, r.title)).collect();
        let series = Series {
            modifier: "",
            label: "",
            means: &means,
        };
        let chart = Chart::new(&domains, &[series], |m| score_text(tr, m));
        // Names of the people it is shared with, and the author's other moments, are the
        // author's alone (the store leaves them out for anyone else).
        let shares = if own {
            full.shares
                .iter()
                .map(|share| {
                    (
                        share.viewer.get(),
                        share.name.as_str(),
                        share.email.as_str(),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        let others = if own {
            full.others
                .iter()
                .filter(|r| r.framework_id == record.framework_id)
                .map(|r| (r.id, date_time(tr, r.started_at)))
                .collect()
        } else {
            Vec::new()
        };
        let (sorted, total) = profile.progress();
        let page = PageContext::new(tr, format!("/reflecties/{}", record.id), Section::Other);
        ProfilePage {
            csrf_field: page.csrf_field(),
            words: Words::new(tr),
            page,
            id: record.id,
            own,
            print,
            author: if own { &viewer.name } else { &full.author_name }.clone(),
            started: date_time(tr, record.started_at),
            finished: record
                .finished_at
                .map(|at| date_time(tr, at))
                .unwrap_or_default(),
            progress: (sorted, total),
            progress_text: tr.t2("timeline-progress", ("sorted", sorted), ("total", total)),
            unsorted_text: tr.t2(
                "finish-unsorted",
                ("count", total - sorted),
                ("total", total),
            ),
            chart,
            rows,
            strengths: grouped(profile.strengths.iter().map(|c| line(c))),
            growth_points: grouped(profile.growth_points.iter().map(|c| line(c))),
            focus: full
                .focus_cards
                .iter()
                .filter_map(|key| cards.iter().find(|c| c.key == key.as_str()))
                .map(line)
                .collect(),
            all_cards: if print {
                cards.iter().map(line).collect()
            } else {
                Vec::new()
            },
            shares,
            others,
            notice: String::new(),
            error: String::new(),
        }
    }
}

pub async fn get_profile(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ProfileQuery>,
) -> Result<Response, AppError> {
    let key = match query.melding.as_str() {
        "afgerond" => "notice-reflection-finished",
        "gedeeld" => "notice-reflection-shared",
        "ingetrokken" => "notice-reflection-unshared",
        "focus" => "notice-focus-saved",
        _ => "",
    };
    render_profile(&state, tr, &viewer, id, false, |page| {
        if !key.is_empty() {
            page.notice = tr.t(key).into_owned();
        }
    })
    .await
}

pub async fn get_print(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_profile(&state, tr, &viewer, id, true, |_| {}).await
}
