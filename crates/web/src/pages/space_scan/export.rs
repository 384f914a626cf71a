//! A released scan's results as files: the statements as CSV for Dutch Excel (with the
//! owner's and every board member's estimate beside them), every table as an XLSX workbook,
//! and the whole as JSON. All read the same stored results the page shows,
//! so nothing the threshold hides is in any of them; a scan not released has no files.

use std::borrow::Cow;

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use leidraad_app::space_scans::{self as logic, ScanResultsView};
use leidraad_domain::space_scan::{Gap, ScanResults, Shown, SpaceScan};
use serde::Serialize;

use super::{element_name, mean_text, question_text, role_name, section_title, statement_text};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::download::{CSV, Cell, Table, XLSX, csv_of, download};
use crate::pages::workbook::workbook;

/// The released results, or 409 while there are none.
async fn released(
    state: &AppState,
    viewer: &crate::auth::Viewer,
    id: i64,
) -> Result<(ScanResultsView, ScanResults), AppError> {
    let view = logic::results(state, viewer, id).await?;
    let results = view.results.clone().ok_or(AppError::Conflict {
        code: "scan-not-released",
    })?;
    Ok((view, results))
}

pub async fn get_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (view, results) = released(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    let csv = csv_of(&statements_table(tr, scan, &results));
    Ok(download(csv.into_bytes(), CSV, &file_name(id, "csv")))
}

pub async fn get_xlsx(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (view, results) = released(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    let mut tables = vec![statements_table(tr, scan, &results)];
    if let Some(shown) = &results.shown {
        tables.push(elements_table(tr, scan, shown));
        tables.push(roles_table(tr, scan, shown));
        tables.push(open_table(tr, scan, shown));
        tables.push(subgroups_table(tr, scan, &view, shown));
    }
    Ok(download(workbook(&tables)?, XLSX, &file_name(id, "xlsx")))
}

fn file_name(id: i64, extension: &str) -> String {
    format!("teamscan-{id}.{extension}")
}

fn number(tr: Tr, value: f64) -> Cell<'static> {
    Cell::Number(value, mean_text(tr, value))
}

fn count(value: usize) -> Cell<'static> {
    Cell::Number(value as f64, value.to_string())
}

fn columns(tr: Tr, names: &[(&str, f64)]) -> Vec<(Cow<'static, str>, f64)> {
    names
        .iter()
        .map(|(key, width)| (Cow::Owned(tr.t(key).into_owned()), *width))
        .collect()
}

/// One row per statement: its spread over the rooms, the don't-knows, the mean, the owner's
/// estimate beside it, and then each board member's. A statement too few rated has only its
/// text; an estimate without a gap there leaves its two cells empty.
fn statements_table(tr: Tr, scan: &SpaceScan, results: &ScanResults) -> Table<'static> {
    let mut rows = Vec::new();
    let mut columns = columns(
        tr,
        &[
            ("scan-export-section", 28.0),
            ("scan-export-statement", 60.0),
            ("scan-room-1", 10.0),
            ("scan-room-2", 10.0),
            ("scan-room-3", 10.0),
            ("scan-room-4", 10.0),
            ("scan-export-dont-know", 12.0),
            ("scan-export-mean", 10.0),
            ("scan-export-estimate", 12.0),
            ("scan-export-gap", 10.0),
        ],
    );
    if let Some(shown) = &results.shown {
        for board in &shown.board_gaps {
            let name = board.by.as_str();
            columns.push((
                tr.t1("scan-export-board-estimate", "name", name).into(),
                16.0,
            ));
            columns.push((tr.t1("scan-export-board-gap", "name", name).into(), 14.0));
        }
        for section in &shown.figures.sections {
            for statement in &section.statements {
                let mut row = vec![
                    Cell::plain(section_title(tr, scan, &section.section)),
                    Cell::plain(statement_text(tr, scan, &statement.statement)),
                ];
                if let Some(spread) = &statement.spread {
                    row.extend(spread.by_room.iter().map(|n| count(*n)));
                    row.push(count(spread.dont_know));
                    row.push(number(tr, spread.mean));
                    let lists = std::iter::once(&shown.gaps)
                        .chain(shown.board_gaps.iter().map(|board| &board.gaps));
                    for gaps in lists {
                        row.extend(gap_cells(tr, gaps, &statement.statement));
                    }
                }
                rows.push(row);
            }
        }
    }
    Table {
        name: Cow::Owned(tr.t("scan-export-statements").into_owned()),
        columns,
        rows,
    }
}

/// A statement's estimate and gap in one list, or two empty cells.
fn gap_cells(tr: Tr, gaps: &[Gap], statement: &str) -> [Cell<'static>; 2] {
    match gaps.iter().find(|g| g.statement == statement) {
        Some(gap) => [count(usize::from(gap.estimate)), number(tr, gap.gap)],
        None => [Cell::plain(""), Cell::plain("")],
    }
}

fn elements_table(tr: Tr, scan: &SpaceScan, shown: &Shown) -> Table<'static> {
    let killer = tr.t("scan-export-killer").into_owned();
    let helper = tr.t("scan-export-helper").into_owned();
    let rows = shown
        .figures
        .killers
        .iter()
        .map(|k| (killer.clone(), k))
        .chain(shown.figures.helpers.iter().map(|h| (helper.clone(), h)))
        .map(|(kind, score)| {
            vec![
                Cell::plain(kind),
                Cell::plain(element_name(tr, scan, &score.element)),
                number(tr, score.mean),
            ]
        })
        .collect();
    Table {
        name: Cow::Owned(tr.t("scan-export-elements").into_owned()),
        columns: columns(
            tr,
            &[
                ("scan-export-kind", 14.0),
                ("scan-export-element", 50.0),
                ("scan-export-mean", 10.0),
            ],
        ),
        rows,
    }
}

fn roles_table(tr: Tr, scan: &SpaceScan, shown: &Shown) -> Table<'static> {
    let rows = shown
        .figures
        .roles
        .iter()
        .map(|r| {
            vec![
                Cell::plain(role_name(tr, scan, &r.role)),
                count(r.now),
                count(r.would_like),
            ]
        })
        .collect();
    Table {
        name: Cow::Owned(tr.t("scan-roles-title").into_owned()),
        columns: columns(
            tr,
            &[
                ("scan-role", 30.0),
                ("scan-role-now", 14.0),
                ("scan-role-would-like", 14.0),
            ],
        ),
        rows,
    }
}

fn open_table(tr: Tr, scan: &SpaceScan, shown: &Shown) -> Table<'static> {
    let other = tr.t("scan-other-roles").into_owned();
    let rows = shown
        .open_answers
        .iter()
        .flat_map(|o| {
            let question = question_text(tr, scan, &o.question);
            o.texts
                .iter()
                .map(move |text| vec![Cell::plain(question.clone()), Cell::plain(text.clone())])
        })
        .chain(
            shown
                .other_roles
                .iter()
                .map(|name| vec![Cell::plain(other.clone()), Cell::plain(name.clone())]),
        )
        .collect();
    Table {
        name: Cow::Owned(tr.t("scan-open-title").into_owned()),
        columns: columns(
            tr,
            &[("scan-export-question", 40.0), ("scan-export-answer", 80.0)],
        ),
        rows,
    }
}

/// Per school or team that may be shown, its respondents and each section's mean.
fn subgroups_table(
    tr: Tr,
    scan: &SpaceScan,
    view: &ScanResultsView,
    shown: &Shown,
) -> Table<'static> {
    let mut rows = Vec::new();
    for group in &shown.subgroups {
        let (Some(respondents), Some(figures)) = (group.respondents, &group.figures) else {
            continue;
        };
        let label = view
            .units
            .iter()
            .find(|u| u.id == group.subgroup)
            .map_or_else(String::new, |u| u.label.clone());
        for section in &figures.sections {
            let mut row = vec![
                Cell::plain(label.clone()),
                count(respondents),
                Cell::plain(section_title(tr, scan, &section.section)),
            ];
            if let Some(spread) = &section.spread {
                row.push(number(tr, spread.mean));
            }
            rows.push(row);
        }
    }
    Table {
        name: Cow::Owned(tr.t("scan-subgroups-title").into_owned()),
        columns: columns(
            tr,
            &[
                ("scan-export-unit", 24.0),
                ("scan-export-respondents", 14.0),
                ("scan-export-section", 28.0),
                ("scan-export-mean", 10.0),
            ],
        ),
        rows,
    }
}

/// The JSON download: the scan, the questionnaire's words for its ids, and the results.
#[derive(Serialize)]
struct JsonExport<'a> {
    id: i64,
    title: &'a str,
    questionnaire: &'a str,
    threshold: i64,
    released_at: Option<i64>,
    units: Vec<(i64, &'a str)>,
    statements: Vec<(&'a str, String)>,
    results: &'a ScanResults,
}

pub async fn get_json(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (view, results) = released(&state, &viewer, id).await?;
    let scan = logic::questionnaire(&state, &view.record)?;
    let export = JsonExport {
        id,
        title: &view.record.title,
        questionnaire: &view.record.questionnaire_id,
        threshold: view.record.threshold,
        released_at: view.record.released_at,
        units: view
            .units
            .iter()
            .map(|u| (u.id, u.label.as_str()))
            .collect(),
        statements: scan
            .statements
            .iter()
            .map(|s| (s.id.as_str(), tr.pick(&s.text).to_owned()))
            .collect(),
        results: &results,
    };
    let mut response = Json(export).into_response();
    if let Ok(value) = axum::http::HeaderValue::from_str(&format!(
        "attachment; filename=\"{}\"",
        file_name(id, "json")
    )) {
        response
            .headers_mut()
            .insert(axum::http::header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
