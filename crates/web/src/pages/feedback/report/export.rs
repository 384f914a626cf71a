//! The report as a download: the figures per card as CSV for Dutch Excel; a workbook with the
//! cards, the domains, the groups, the comments and the differences; the snapshot as JSON.
//! Each holds exactly what the page shows: the shown groups' figures, and of a hidden group
//! its name and "te weinig antwoorden".

use axum::extract::{Path, State};
use axum::response::Response;
use leidraad_app::feedback::ReleasedReport;
use leidraad_domain::feedback::{Report, Score};
use leidraad_domain::local_time::LocalDateTime;

use super::{Names, decimal, load};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::download::{CSV, Cell, Table, XLSX, csv_of, download};
use crate::pages::workbook::workbook;

/// Stored figures keep their two decimals in a download.
const DECIMALS: usize = 2;

fn number(tr: Tr, value: f64) -> Cell<'static> {
    Cell::Number(value, decimal(tr, value, DECIMALS))
}

fn count(value: usize) -> Cell<'static> {
    Cell::Number(value as f64, value.to_string())
}

/// The four columns of a score: mean, spread, ratings, "cannot judge" (named after `who`).
fn score_columns<'a>(tr: Tr, who: &str, columns: &mut Vec<(std::borrow::Cow<'a, str>, f64)>) {
    for key in [
        "report-col-mean",
        "report-col-spread",
        "report-col-ratings",
        "report-col-cannot-judge",
    ] {
        columns.push((tr.t1(key, "who", who.to_owned()).into(), 14.0));
    }
}

/// A score's four cells; "te weinig oordelen" and three empty ones when there is none.
fn score_cells(tr: Tr, score: Option<&Score>, row: &mut Vec<Cell<'_>>) {
    match score {
        Some(score) => {
            row.push(number(tr, score.mean));
            row.push(number(tr, score.spread));
            row.push(count(score.answers));
            row.push(count(score.cannot_judge));
        }
        None => {
            row.push(Cell::plain(tr.t("report-too-few-ratings")));
            row.extend((0..3).map(|_| Cell::plain("")));
        }
    }
}

/// The columns shared by the card and domain tables: self, each shown group, all others.
fn figure_columns<'a>(names: &Names, report: &Report) -> Vec<(std::borrow::Cow<'a, str>, f64)> {
    let tr = names.tr;
    let mut columns = vec![(tr.t("report-self"), 10.0)];
    for group in report.groups.iter().filter(|g| g.shown) {
        score_columns(tr, names.group(group.key), &mut columns);
    }
    score_columns(tr, &tr.t("report-others"), &mut columns);
    columns
}

/// Every card: domain, text, self, the figures of each shown group and of all others, and the
/// card's code last.
fn cards_table<'a>(names: &Names<'a>, report: &'a Report) -> Table<'a> {
    let tr = names.tr;
    let mut columns = vec![
        (tr.t("download-col-domain"), 28.0),
        (tr.t("download-col-card"), 60.0),
    ];
    columns.extend(figure_columns(names, report));
    columns.push((tr.t("download-col-code"), 16.0));
    let rows = report
        .cards
        .iter()
        .map(|card| {
            let mut row = vec![
                Cell::plain(names.domain(&card.domain).1),
                Cell::plain(names.card(&card.card)),
                match card.own {
                    Some(rating) => count(usize::from(rating.score())),
                    None => Cell::plain(""),
                },
            ];
            for (_, score) in &card.groups {
                score_cells(tr, score.as_ref(), &mut row);
            }
            score_cells(tr, card.others.as_ref(), &mut row);
            row.push(Cell::plain(card.card.as_str()));
            row
        })
        .collect();
    Table {
        name: tr.t("report-sheet-cards"),
        columns,
        rows,
    }
}

fn domains_table<'a>(names: &Names<'a>, report: &'a Report) -> Table<'a> {
    let tr = names.tr;
    let mut columns = vec![(tr.t("download-col-domain"), 36.0)];
    columns.extend(figure_columns(names, report));
    let rows = report
        .domains
        .iter()
        .map(|domain| {
            let mut row = vec![
                Cell::plain(names.domain(&domain.domain).1),
                domain.own.map_or(Cell::plain(""), |own| number(tr, own)),
            ];
            for (_, score) in &domain.groups {
                score_cells(tr, score.as_ref(), &mut row);
            }
            score_cells(tr, domain.others.as_ref(), &mut row);
            row
        })
        .collect();
    Table {
        name: tr.t("report-sheet-domains"),
        columns,
        rows,
    }
}

/// Every group: shown or not, its respondents (only when shown), its comments shown or not.
fn groups_table<'a>(names: &Names<'a>, report: &'a Report) -> Table<'a> {
    let tr = names.tr;
    let yes_no = |yes: bool| Cell::plain(tr.t(if yes { "download-yes" } else { "download-no" }));
    let mut rows: Vec<Vec<Cell>> = report
        .groups
        .iter()
        .map(|group| {
            vec![
                Cell::plain(names.group(group.key).to_owned()),
                yes_no(group.shown),
                match group.respondents.filter(|_| group.shown) {
                    Some(n) => count(n),
                    None => Cell::plain(tr.t("report-group-hidden")),
                },
                yes_no(group.comments_shown),
            ]
        })
        .collect();
    if let Some(others) = report.others {
        rows.push(vec![
            Cell::plain(tr.t("report-others")),
            yes_no(true),
            count(others),
            Cell::plain(""),
        ]);
    }
    Table {
        name: tr.t("report-sheet-groups"),
        columns: vec![
            (tr.t("report-col-group"), 30.0),
            (tr.t("report-col-shown"), 12.0),
            (tr.t("report-col-respondents"), 26.0),
            (tr.t("report-col-comments-shown"), 18.0),
        ],
        rows,
    }
}

fn comments_table<'a>(names: &Names<'a>, report: &'a Report) -> Table<'a> {
    let tr = names.tr;
    let rows = report
        .comments
        .iter()
        .flat_map(|block| {
            let domain = match &block.domain {
                Some(domain) => names.domain(domain).1.to_owned(),
                None => tr.t("report-comments-general").into_owned(),
            };
            let group = names.group(block.group).to_owned();
            block.texts.iter().map(move |text| {
                vec![
                    Cell::plain(domain.clone()),
                    Cell::plain(group.clone()),
                    Cell::plain(text.as_str()),
                ]
            })
        })
        .collect();
    Table {
        name: tr.t("report-sheet-comments"),
        columns: vec![
            (tr.t("download-col-domain"), 28.0),
            (tr.t("report-col-group"), 24.0),
            (tr.t("report-col-comment"), 80.0),
        ],
        rows,
    }
}

/// The lists of differences: one row per card in a list.
fn differences_table<'a>(names: &Names<'a>, report: &'a Report) -> Table<'a> {
    let tr = names.tr;
    let lists = [
        ("blind-spots", &report.blind_spots),
        ("hidden-strengths", &report.hidden_strengths),
        ("highest", &report.highest),
        ("lowest", &report.lowest),
        ("agreement", &report.agreement),
        ("disagreement", &report.disagreement),
    ];
    let mut rows = Vec::new();
    for (code, cards) in lists {
        let list = tr.t(&format!("report-{code}"));
        for card in cards {
            let domain = report
                .cards
                .iter()
                .find(|c| &c.card == card)
                .map_or("", |c| names.domain(&c.domain).1);
            rows.push(vec![
                Cell::plain(list.clone()),
                Cell::plain(domain),
                Cell::plain(names.card(card)),
                Cell::plain(card.as_str()),
            ]);
        }
    }
    Table {
        name: tr.t("report-sheet-differences"),
        columns: vec![
            (tr.t("report-col-list"), 24.0),
            (tr.t("download-col-domain"), 28.0),
            (tr.t("download-col-card"), 60.0),
            (tr.t("download-col-code"), 16.0),
        ],
        rows,
    }
}

/// "leidraad-360-rapport-2026-12-01-7": what it is, the day it was released, the round.
fn file_name(tr: Tr, released: &ReleasedReport, extension: &str) -> String {
    let day = LocalDateTime::amsterdam(released.released_at);
    format!(
        "{}-{}-{:02}-{:02}-{}.{extension}",
        tr.t("report-file"),
        day.year,
        day.month,
        day.day,
        released.record.id
    )
}

pub async fn get_csv(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (released, framework) = load(&state, &viewer, id).await?;
    let names = Names::new(tr, framework, &released.report);
    let csv = csv_of(&cards_table(&names, &released.report));
    Ok(download(
        csv.into_bytes(),
        CSV,
        &file_name(tr, &released, "csv"),
    ))
}

pub async fn get_xlsx(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (released, framework) = load(&state, &viewer, id).await?;
    let names = Names::new(tr, framework, &released.report);
    let report = &released.report;
    let book = workbook(&[
        cards_table(&names, report),
        domains_table(&names, report),
        groups_table(&names, report),
        comments_table(&names, report),
        differences_table(&names, report),
    ])?;
    Ok(download(book, XLSX, &file_name(tr, &released, "xlsx")))
}

/// The snapshot as stored, with the round it belongs to.
pub async fn get_json(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (released, _) = load(&state, &viewer, id).await?;
    let record = &released.record;
    let document = serde_json::json!({
        "round": {
            "id": record.id,
            "framework_id": record.framework_id,
            "request": record.request,
            "cards": record.cards,
            "leader": released.leader_name,
            "released_at": released.released_at,
        },
        "report": released.report,
    });
    let body = serde_json::to_vec_pretty(&document).map_err(|_| AppError::Internal)?;
    Ok(download(
        body,
        "application/json",
        &file_name(tr, &released, "json"),
    ))
}
