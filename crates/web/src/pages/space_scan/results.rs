//! `/teamscans/{id}/resultaten`: the stored results, as the domain decided what may be shown.
//! Below the threshold only the count; from it on the sections and statements with their
//! spread, the estimate beside the team (largest gaps first, with a live dialogue about them
//! in one click) and each board member's beside it, killers and helpers, the roles map, the open answers, the views per school
//! or team that may be shown, and the change since the previous scan. The same page prints.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::dialogues::{StartRequest, start_with_deck};
use leidraad_app::space_scans::{self as logic, ScanResultsView};
use leidraad_domain::dialogue::statement_card;
use leidraad_domain::space_scan::{Change, Figures, SpaceScan, Spread};
use leidraad_store::space_scans::ScanState;

use super::gaps::{BoardGapsView, GapView, board_gaps, leaders_gaps};
use super::{
    closing_date, element_name, mean_text, question_text, role_name, section_title, statement_text,
};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

/// How many statements the comparison with the previous scan lists.
const MAX_CHANGES: usize = 10;

/// How many of the largest gaps the dialogue takes as its deck.
pub const DIALOGUE_GAPS: usize = 6;

/// One statement's figures: its spread as percentages of room 1–4 (least first), the
/// don't-knows, and the mean; or `None` where too few rated it.
pub struct StatementView {
    pub text: String,
    pub figures: Option<SpreadView>,
}

pub struct SpreadView {
    /// Per room 1–4 that has answers: (room, start, width) in percent, adding up to 100.
    pub parts: Vec<(usize, usize, usize)>,
    pub counts: [usize; 4],
    pub dont_know: usize,
    pub mean: String,
}

pub struct SectionView {
    pub title: String,
    pub mean: Option<String>,
    pub statements: Vec<StatementView>,
}

pub struct ScoreView {
    pub name: String,
    pub mean: String,
    pub position: usize,
}

pub struct RoleView {
    pub name: String,
    pub now: usize,
    pub would_like: usize,
}

pub struct SubgroupLine {
    pub label: String,
    /// `None`: too few to show apart.
    pub respondents: Option<usize>,
    pub sections: Vec<(String, Option<String>)>,
}

pub struct ChangeView {
    pub text: String,
    pub earlier: String,
    pub later: String,
    pub change: String,
    pub up: bool,
}

#[derive(Template)]
#[template(path = "teamscan_results.html")]
pub struct ResultsPage {
    page: PageContext,
    id: i64,
    title: String,
    released: bool,
    lead: String,
    progress_text: String,
    threshold: i64,
    shown: bool,
    sections: Vec<SectionView>,
    gaps: Vec<GapView>,
    board_gaps: Vec<BoardGapsView>,
    killers: Vec<ScoreView>,
    helpers: Vec<ScoreView>,
    roles: Vec<RoleView>,
    open: Vec<(String, Vec<String>)>,
    other_roles: Vec<String>,
    subgroups: Vec<SubgroupLine>,
    earlier_title: String,
    changes: Vec<ChangeView>,
}

pub async fn get_results(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = logic::results(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    render(&page(tr, scan, &view))
}

fn page(tr: Tr, scan: &SpaceScan, view: &ScanResultsView) -> ResultsPage {
    let record = &view.record;
    let shown = view.results.as_ref().and_then(|r| r.shown.as_ref());
    let unit_label = |key: i64| {
        view.units
            .iter()
            .find(|u| u.id == key)
            .map_or_else(String::new, |u| u.label.clone())
    };
    ResultsPage {
        page: PageContext::new(
            tr,
            format!("/teamscans/{}/resultaten", record.id),
            Section::Other,
        ),
        id: record.id,
        title: record.title.clone(),
        released: record.state == ScanState::Released,
        lead: tr.t2(
            "scan-results-lead",
            ("respondents", view.answered),
            (
                "date",
                record
                    .released_at
                    .map(|at| closing_date(tr, at))
                    .unwrap_or_default(),
            ),
        ),
        progress_text: tr.t2(
            "scan-answered-of-threshold",
            ("answered", view.answered),
            ("threshold", record.threshold),
        ),
        threshold: record.threshold,
        shown: shown.is_some(),
        sections: shown.map_or_else(Vec::new, |s| sections(tr, scan, &s.figures)),
        gaps: shown.map_or_else(Vec::new, |s| leaders_gaps(tr, scan, s)),
        board_gaps: shown.map_or_else(Vec::new, |s| board_gaps(tr, scan, s)),
        killers: shown.map_or_else(Vec::new, |s| {
            s.figures
                .killers
                .iter()
                .map(|k| score(tr, element_name(tr, scan, &k.element), k.mean))
                .collect()
        }),
        helpers: shown.map_or_else(Vec::new, |s| {
            s.figures
                .helpers
                .iter()
                .map(|h| score(tr, element_name(tr, scan, &h.element), h.mean))
                .collect()
        }),
        roles: shown.map_or_else(Vec::new, |s| {
            s.figures
                .roles
                .iter()
                .map(|r| RoleView {
                    name: role_name(tr, scan, &r.role),
                    now: r.now,
                    would_like: r.would_like,
                })
                .collect()
        }),
        open: shown.map_or_else(Vec::new, |s| {
            s.open_answers
                .iter()
                .map(|o| (question_text(tr, scan, &o.question), o.texts.clone()))
                .collect()
        }),
        other_roles: shown.map_or_else(Vec::new, |s| s.other_roles.clone()),
        subgroups: shown.map_or_else(Vec::new, |s| {
            s.subgroups
                .iter()
                .map(|g| SubgroupLine {
                    label: unit_label(g.subgroup),
                    respondents: g.respondents,
                    sections: g
                        .figures
                        .as_ref()
                        .map(|f| {
                            f.sections
                                .iter()
                                .map(|sec| {
                                    (
                                        section_title(tr, scan, &sec.section),
                                        sec.spread.as_ref().map(|sp| mean_text(tr, sp.mean)),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        }),
        earlier_title: view
            .comparison
            .as_ref()
            .map(|c| c.earlier.title.clone())
            .unwrap_or_default(),
        changes: view
            .comparison
            .as_ref()
            .map_or_else(Vec::new, |c| changes(tr, scan, &c.changes)),
    }
}

/// The statements that moved most since the earlier scan, at most ten. The change is that of
/// the means as shown (one decimal each), so a row never reads "2,9 → 2,9 · 0,1"; a change
/// that rounds to nothing is left out.
fn changes(tr: Tr, scan: &SpaceScan, all: &[Change]) -> Vec<ChangeView> {
    let tenths = |mean: f64| (mean * 10.0).round() as i64;
    let mut moved: Vec<(&Change, i64)> = all
        .iter()
        .map(|c| (c, tenths(c.later) - tenths(c.earlier)))
        .filter(|(_, delta)| *delta != 0)
        .collect();
    moved.sort_by_key(|(_, delta)| std::cmp::Reverse(delta.abs()));
    moved
        .into_iter()
        .take(MAX_CHANGES)
        .map(|(change, delta)| ChangeView {
            text: statement_text(tr, scan, &change.statement),
            earlier: mean_text(tr, change.earlier),
            later: mean_text(tr, change.later),
            change: mean_text(tr, delta.abs() as f64 / 10.0),
            up: delta > 0,
        })
        .collect()
}

fn sections(tr: Tr, scan: &SpaceScan, figures: &Figures) -> Vec<SectionView> {
    figures
        .sections
        .iter()
        .map(|section| SectionView {
            title: section_title(tr, scan, &section.section),
            mean: section.spread.as_ref().map(|s| mean_text(tr, s.mean)),
            statements: section
                .statements
                .iter()
                .map(|s| StatementView {
                    text: statement_text(tr, scan, &s.statement),
                    figures: s.spread.as_ref().map(|spread| spread_view(tr, spread)),
                })
                .collect(),
        })
        .collect()
}

fn spread_view(tr: Tr, spread: &Spread) -> SpreadView {
    let rated = spread.rated().max(1);
    let mut parts = spread.by_room.map(|n| n * 100 / rated);
    // Rounding down loses a few percent: the largest part takes them, so the bar is whole.
    let lost = 100 - parts.iter().sum::<usize>();
    if let Some(largest) = (0..4).max_by_key(|i| spread.by_room[*i]) {
        parts[largest] += lost;
    }
    let mut start = 0;
    let parts = (0..4)
        .filter(|room| parts[*room] > 0)
        .map(|room| {
            let part = (room + 1, start, parts[room]);
            start += parts[room];
            part
        })
        .collect();
    SpreadView {
        parts,
        counts: spread.by_room,
        dont_know: spread.dont_know,
        mean: mean_text(tr, spread.mean),
    }
}

fn score(tr: Tr, name: String, mean: f64) -> ScoreView {
    ScoreView {
        name,
        mean: mean_text(tr, mean),
        position: position(mean),
    }
}

/// A mean of 1–4 as a percentage of the scale.
fn position(mean: f64) -> usize {
    (((mean - 1.0) / 3.0 * 100.0).round().clamp(0.0, 100.0)) as usize
}

/// Starts a live dialogue with the statements of the largest gaps as its deck, and opens the
/// facilitator's screen.
pub async fn post_dialogue(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = logic::results(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    let shown = view.results.as_ref().and_then(|r| r.shown.as_ref());
    let deck: Vec<String> = shown
        .map(|s| {
            s.gaps
                .iter()
                .take(DIALOGUE_GAPS)
                .map(|g| statement_card(scan, &g.statement))
                .collect()
        })
        .unwrap_or_default();
    if deck.is_empty() {
        return Err(AppError::Conflict {
            code: "scan-no-gaps",
        });
    }
    let title: String = tr
        .t1("scan-dialogue-title", "title", view.record.title.as_str())
        .chars()
        .take(80)
        .collect();
    let request = StartRequest {
        title,
        format: "trek-een-kaart".into(),
        parts: Vec::new(),
        allow_anonymous: true,
        anonymous_picks: false,
        minutes: String::new(),
    };
    let dialogue = start_with_deck(&state, &viewer, &request, &deck).await?;
    Ok(Redirect::to(&format!("/dialogen/{dialogue}")).into_response())
}
