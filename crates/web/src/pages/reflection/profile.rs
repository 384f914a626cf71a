//! The profile of a reflection (radar chart, bars, strengths, growth points, focus cards,
//! sharing), its print view and exports, and the comparison of two moments.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::PersonId;
use leidraad_domain::reflection::{Pile, RadarChart, SortedCard};
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
use leidraad_app::reflections::{self as logic, Opened};

pub struct DomainRow {
    pub number: usize,
    pub title: String,
    pub counts: [usize; 4],
    pub score: String,
    /// Bar widths out of 100, per pile, for the SVG bar.
    pub bars: Vec<(u8, f64, f64)>,
}

pub struct CardLine {
    pub key: String,
    pub text: String,
    pub domain_number: usize,
    pub domain_title: String,
    pub pile: String,
    /// 1–4, or none while unsorted.
    pub score: Option<u8>,
    pub starred: bool,
    pub focus: bool,
    pub note: String,
    pub evidence: String,
}

/// Cards of one domain, for lists grouped by domain.
pub struct DomainGroup {
    pub number: usize,
    pub title: String,
    pub cards: Vec<CardLine>,
}

/// Groups lines by domain, keeping the order in which the domains first appear.
fn grouped(lines: Vec<CardLine>) -> Vec<DomainGroup> {
    let mut groups: Vec<DomainGroup> = Vec::new();
    for line in lines {
        match groups.last_mut() {
            Some(group) if group.number == line.domain_number => group.cards.push(line),
            _ => groups.push(DomainGroup {
                number: line.domain_number,
                title: line.domain_title.clone(),
                cards: vec![line],
            }),
        }
    }
    groups
}

pub struct Radar {
    pub chart: RadarChart,
    pub labels: Vec<(f64, f64, usize)>,
}

#[derive(Template)]
#[template(path = "reflection_profile.html")]
pub struct ProfilePage {
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
    strengths: Vec<DomainGroup>,
    growth_points: Vec<DomainGroup>,
    focus: Vec<CardLine>,
    all_cards: Vec<CardLine>,
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

async fn profile_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    print: bool,
) -> Result<ProfilePage, AppError> {
    let Opened { record, own } = logic::open(state, viewer, id).await?;
    let framework = logic::framework_of(state, &record)?;
    let own_cards = state.store.own_cards(id).await?;
    let scope = logic::scope_cards(tr.lang, framework, &record, &own_cards);
    let answers = state.store.answers(id).await?;
    let cards = logic::sorted_cards(&scope, &answers);
    let profile = logic::profile(&record, &cards);
    let focus_keys = state.store.focus_cards(id).await?;
    let line = |card: &SortedCard| {
        let scope_card = scope.iter().find(|c| c.key == card.card);
        let answer = answers.iter().find(|a| a.card_id == card.card);
        let (domain_number, domain_title) = domain_title(tr, framework, &card.domain);
        CardLine {
            key: card.card.clone(),
            text: scope_card.map(|c| c.text.clone()).unwrap_or_default(),
            domain_number,
            domain_title,
            pile: pile_label(tr, card.pile),
            score: card.pile.map(|p| p.score()),
            starred: card.starred,
            focus: focus_keys.contains(&card.card),
            note: answer.map(|a| a.note.clone()).unwrap_or_default(),
            evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
        }
    };
    let rows: Vec<DomainRow> = profile
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
                    let bar = (pile.score(), offset, width);
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
        &profile.domains.iter().map(|d| d.mean).collect::<Vec<_>>(),
        320.0,
    );
    let labels = chart
        .labels
        .iter()
        .zip(&rows)
        .map(|(p, row)| (p.x, p.y, row.number))
        .collect();
    let shares = if own {
        let mut named = Vec::new();
        for viewer_id in state.store.reflection_viewers(id).await? {
            if let Some(person) = state.store.person(viewer_id).await? {
                named.push((
                    viewer_id.get(),
                    format!("{} ({})", person.name, person.email),
                ));
            }
        }
        named
    } else {
        Vec::new()
    };
    let others = if own {
        state
            .store
            .reflections_of(viewer.person)
            .await?
            .into_iter()
            .filter(|r| r.id != id && r.framework_id == record.framework_id)
            .map(|r| (r.id, date(tr, r.started_at)))
            .collect()
    } else {
        Vec::new()
    };
    let author = if own {
        viewer.name.clone()
    } else {
        state
            .store
            .person(record.person_id)
            .await?
            .map(|p| p.name)
            .unwrap_or_default()
    };
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
        progress: profile.progress(),
        radar: Radar { chart, labels },
        rows,
        strengths: grouped(profile.strengths.iter().map(line).collect()),
        growth_points: grouped(profile.growth_points.iter().map(line).collect()),
        focus: focus_keys
            .iter()
            .filter_map(|key| cards.iter().find(|c| &c.card == key))
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
    })
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
    let mut page = profile_page(&state, tr, &viewer, id, false).await?;
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
    render(&profile_page(&state, tr, &viewer, id, true).await?)
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
    let mut page = profile_page(state, tr, viewer, id, false).await?;
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
    let page = profile_page(&state, tr, &viewer, id, true).await?;
    let csv = csv_table(
        &[
            "domain", "card", "text", "pile", "starred", "focus", "note", "evidence",
        ],
        page.all_cards.iter().map(|card| {
            vec![
                card.domain_title.clone(),
                card.key.clone(),
                card.text.clone(),
                card.score.map(|s| s.to_string()).unwrap_or_default(),
                u8::from(card.starred).to_string(),
                u8::from(card.focus).to_string(),
                card.note.clone(),
                card.evidence.clone(),
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
    let Opened { record, .. } = logic::open(&state, &viewer, id).await?;
    let document = serde_json::json!({
        "reflection": record,
        "answers": state.store.answers(id).await?,
        "own_cards": state.store.own_cards(id).await?,
        "focus_cards": state.store.focus_cards(id).await?,
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
    let (earlier, later, comparison) =
        logic::compare(&state, tr.lang, &viewer, query.a, query.b).await?;
    let framework = logic::framework_of(&state, &later)?;
    let own_cards = [
        state.store.own_cards(earlier.id).await?,
        state.store.own_cards(later.id).await?,
    ]
    .concat();
    let text_of = |key: &str| {
        framework
            .card(key)
            .map(|c| tr.pick(&c.text).to_owned())
            .or_else(|| {
                own_cards
                    .iter()
                    .find(|c| c.key() == key)
                    .map(|c| c.text.clone())
            })
            .unwrap_or_else(|| key.to_owned())
    };
    let rows = comparison
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
    let moves = comparison
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
