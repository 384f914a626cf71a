//! The profile of a reflection (radar chart, bars, strengths, growth points, focus cards,
//! sharing), its print view and exports, and the comparison of two moments.

use std::collections::{HashMap, HashSet};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::PersonId;
use leidraad_domain::reflection::{Pile, Profile, RadarChart, RadarPoint, SortedCard};
use leidraad_store::reflections::{AnswerRecord, FullReflection};
use serde::Deserialize;

use super::super::download::{csv_table, download};
use super::super::{PageContext, Section, render};
use super::{domain_title, score_text};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::reflections::share;
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

pub struct Radar {
    pub chart: RadarChart,
    /// Half the chart's size: where every spoke starts.
    pub centre: String,
    pub spokes: Vec<(Fixed<1>, Fixed<1>)>,
    pub corners: Vec<(Fixed<1>, Fixed<1>)>,
    pub labels: Vec<(Fixed<1>, Fixed<1>, usize)>,
}

/// A coordinate written with `N` decimals, as `{:.N}` writes it for the chart's values,
/// without a float formatter, an allocation or HTML escaping (digits and a point need
/// none). A page draws some two hundred of them.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<const N: u32>(pub f64);

impl<const N: u32> std::fmt::Display for Fixed<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = 10_i64.pow(N);
        // Rounded to whole hundredths (or tenths) first: the chart's values are never a
        // half-way case, where `{:.N}` would round to even.
        let scaled = (self.0 * scale as f64).round() as i64;
        let sign = if scaled < 0 { "-" } else { "" };
        let scaled = scaled.unsigned_abs();
        let scale = scale.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:0width$}",
            scaled / scale,
            scaled % scale,
            width = N as usize
        )
    }
}

impl<const N: u32> askama::filters::HtmlSafe for Fixed<N> {}

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
    all_cards: Vec<CardLine<'a>>,
    shares: Vec<(i64, String)>,
    others: Vec<(i64, String)>,
    notice: String,
    error: String,
}

#[derive(Deserialize)]
pub struct ProfileQuery {
    #[serde(default)]
    melding: String,
}

fn pile_label(tr: Tr, pile: Option<Pile>) -> String {
    pile.map_or_else(
        || tr.t("pile-unsorted").into_owned(),
        |p| tr.t(&format!("pile-{}", p.code())).into_owned(),
    )
}

/// What the profile page is built from: the reflection read in one statement, and what
/// the domain makes of it. The page borrows from it, so a card's text, note and labels are
/// not copied for every list the card appears in.
struct ProfileData {
    full: FullReflection,
    own: bool,
    scope: Vec<ScopeCard>,
    cards: Vec<SortedCard>,
    profile: Profile,
    /// The piles' labels by score (1–4), then "unsorted", in the page's language.
    pile_labels: [String; 5],
}

async fn profile_data(
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
    fn page<'a>(
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

fn date(tr: Tr, at: i64) -> String {
    leidraad_domain::local_time::LocalDateTime::amsterdam(at).format_date(tr.lang)
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

/// The profile page again with a problem, for the forms on it.
async fn again(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    error: AppError,
) -> Result<Response, AppError> {
    let (status, code) = match error {
        AppError::BadRequest { code } => (StatusCode::BAD_REQUEST, code),
        AppError::Conflict { code } => (StatusCode::CONFLICT, code),
        other => return Err(other),
    };
    let data = profile_data(state, tr, viewer, id).await?;
    let mut page = data.page(state, tr, viewer, false)?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    let mut response = render(&page)?;
    *response.status_mut() = status;
    response.extensions_mut().insert(OwnErrorBody);
    Ok(response)
}

fn back(id: i64, notice: &str) -> Response {
    Redirect::to(&format!("/reflecties/{id}?melding={notice}")).into_response()
}

pub async fn post_finish(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match logic::finish(&state, &viewer, id).await {
        Ok(()) => Ok(back(id, "afgerond")),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_focus(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match logic::add_focus(&state, &viewer, id, form.get("card")).await {
        Ok(()) => Ok(back(id, "focus")),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_remove_focus(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, card)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    logic::remove_focus(&state, &viewer, id, &card).await?;
    Ok(back(id, "focus"))
}

pub async fn post_share(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    match share(&state, &viewer, id, form.get("email")).await {
        Ok(()) => Ok(back(id, "gedeeld")),
        Err(error) => again(&state, tr, &viewer, id, error.into()).await,
    }
}

pub async fn post_unshare(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((id, person)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    logic::unshare(&state, &viewer, id, PersonId(person)).await?;
    Ok(back(id, "ingetrokken"))
}

/// Every card of the reflection as CSV: domain, card, text, pile (1–4), star, focus, note,
/// evidence.
pub async fn get_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let data = profile_data(&state, tr, &viewer, id).await?;
    let page = data.page(&state, tr, &viewer, true)?;
    let csv = csv_table(
        &[
            "domain", "card", "text", "pile", "starred", "focus", "note", "evidence",
        ],
        page.all_cards.iter().map(|card| {
            vec![
                card.domain_title.to_owned(),
                card.key.to_owned(),
                card.text.to_owned(),
                card.score.map(|s| s.to_string()).unwrap_or_default(),
                u8::from(card.starred).to_string(),
                u8::from(card.focus).to_string(),
                card.note.to_owned(),
                card.evidence.to_owned(),
            ]
        }),
    );
    Ok(download(
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        &format!("leidraad-reflectie-{id}.csv"),
    ))
}

pub async fn get_json(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let Loaded { full, .. } = logic::load(&state, &viewer, id).await?;
    let document = serde_json::json!({
        "reflection": full.record,
        "answers": full.answers,
        "own_cards": full.own_cards,
        "focus_cards": full.focus_cards,
    });
    let body = serde_json::to_vec_pretty(&document).map_err(|_| AppError::Internal)?;
    Ok(download(
        body,
        "application/json",
        &format!("leidraad-reflectie-{id}.json"),
    ))
}

#[derive(Template)]
#[template(path = "reflection_compare.html")]
pub struct ComparePage {
    page: PageContext,
    earlier: (i64, String),
    later: (i64, String),
    rows: Vec<(usize, String, String, String, String)>,
    moves: Vec<(String, String, String, String)>,
}

#[derive(Deserialize)]
pub struct CompareQuery {
    a: i64,
    b: i64,
}

pub async fn get_comparison(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Query(query): Query<CompareQuery>,
) -> Result<Response, AppError> {
    let compared = logic::comparison(&state, &viewer, query.a, query.b).await?;
    let (earlier, later) = (&compared.earlier.record, &compared.later.record);
    let framework = logic::framework_of(&state, later)?;
    let text_of = |key: &str| compared.card_text(framework, tr.lang, key).to_owned();
    let rows = compared
        .comparison
        .domains
        .iter()
        .map(|d| {
            let (number, title) = domain_title(tr, framework, &d.domain);
            let change = match d.delta() {
                Some(delta) if delta > 0.0 => format!("+{}", score_text(tr, Some(delta))),
                Some(delta) => score_text(tr, Some(delta)),
                None => "–".to_owned(),
            };
            (
                number,
                title,
                score_text(tr, d.before),
                score_text(tr, d.after),
                change,
            )
        })
        .collect();
    let moves = compared
        .comparison
        .moves
        .iter()
        .map(|m| {
            let (_, title) = domain_title(tr, framework, &m.domain);
            (
                title,
                text_of(&m.card),
                pile_label(tr, m.before),
                pile_label(tr, m.after),
            )
        })
        .collect();
    render(&ComparePage {
        page: PageContext::new(tr, "/reflecties/vergelijk", Section::Other),
        earlier: (earlier.id, date(tr, earlier.started_at)),
        later: (later.id, date(tr, later.started_at)),
        rows,
        moves,
    })
}
