//! The portfolio's files: the PDF, the ZIP of the PDF with every evidence file, and JSON.

use std::io::Write;

use axum::extract::State;
use axum::response::Response;
use leidraad_app::portfolio::{self as logic, DomainPart, Portfolio};
use serde_json::{Value, json};

use super::{document, pdf};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::download::download;

const PDF: &str = "application/pdf";
const ZIP: &str = "application/zip";
const JSON: &str = "application/json";

fn pdf_of(state: &AppState, tr: Tr, portfolio: &Portfolio) -> Vec<u8> {
    let blocks = document::blocks(state, tr, portfolio);
    let title = tr.t1("portfolio-title", "name", portfolio.owner.as_str());
    pdf::render(&blocks, &title, &title)
}

pub async fn get_pdf(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let portfolio = logic::portfolio(&state, &viewer).await?;
    Ok(pdf_response(&state, tr, &portfolio))
}

/// The PDF as an attachment that is never cached (the page's and the API's).
pub fn pdf_response(state: &AppState, tr: Tr, portfolio: &Portfolio) -> Response {
    download(pdf_of(state, tr, portfolio), PDF, "portfolio.pdf")
}

/// The PDF, the JSON, and every evidence file of the portfolio's activities under
/// `bewijs/`, each under its id so that two files of the same name both fit.
pub async fn get_zip(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let portfolio = logic::portfolio(&state, &viewer).await?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("portfolio.pdf".to_owned(), pdf_of(&state, tr, &portfolio)),
        (
            "portfolio.json".to_owned(),
            serde_json::to_vec_pretty(&as_json(&portfolio)).map_err(|_| AppError::Internal)?,
        ),
    ];
    let mut seen = Vec::new();
    for activity in parts(&portfolio).flat_map(|p| &p.activities) {
        for evidence in &activity.evidence {
            if seen.contains(&evidence.id) {
                continue;
            }
            seen.push(evidence.id);
            let file = leidraad_app::learning_log::download(&state, &viewer, evidence.id).await?;
            files.push((
                format!("bewijs/{}-{}", evidence.id, file.filename),
                file.bytes,
            ));
        }
    }
    Ok(download(zip(&files)?, ZIP, "portfolio.zip"))
}

fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, AppError> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer
            .start_file(name.as_str(), options)
            .map_err(|_| AppError::Internal)?;
        writer.write_all(bytes).map_err(|_| AppError::Internal)?;
    }
    let cursor = writer.finish().map_err(|_| AppError::Internal)?;
    Ok(cursor.into_inner())
}

pub async fn get_json(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let portfolio = logic::portfolio(&state, &viewer).await?;
    let body = serde_json::to_vec_pretty(&as_json(&portfolio)).map_err(|_| AppError::Internal)?;
    Ok(download(body, JSON, "portfolio.json"))
}

fn parts(portfolio: &Portfolio) -> impl Iterator<Item = &DomainPart> {
    portfolio
        .domains
        .iter()
        .chain(std::iter::once(&portfolio.elsewhere))
}

pub fn as_json(portfolio: &Portfolio) -> Value {
    let cycle = portfolio.cycle.as_ref().map(|c| {
        json!({
            "starts_on": c.cycle.start.to_string(),
            "ends_on": c.cycle.end().to_string(),
            "target": c.cycle.target,
            "points": c.progress.points,
            "still_needed": c.progress.still_needed,
            "days_left": c.progress.days_left,
            "behind": c.progress.behind,
            "per_year": c.progress.per_year.iter()
                .map(|y| json!({"from": y.from.to_string(), "points": y.points}))
                .collect::<Vec<_>>(),
        })
    });
    let domains: Vec<Value> = parts(portfolio)
        .map(|part| {
            json!({
                "domain": if part.domain_id.is_empty() { Value::Null } else { json!(part.domain_id) },
                "activities": part.activities,
                "pile_moves": part.moves.iter().map(|m| json!({
                    "card": m.card,
                    "from": m.from.map(|r| r.score()),
                    "to": m.to.map(|r| r.score()),
                })).collect::<Vec<_>>(),
                "feedback": part.feedback.iter().map(|f| json!({
                    "round": f.round,
                    "released_at": f.released_at,
                    "card": f.card,
                    "own": f.own.map(|r| r.score()),
                    "others": f.others,
                })).collect::<Vec<_>>(),
                "themes": part.themes.iter().map(|(year, theme)| json!({
                    "school_year": format!("{}-{}", year, year + 1),
                    "theme": theme,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "owner": portfolio.owner,
        "from": portfolio.from.to_string(),
        "until": portfolio.until.to_string(),
        "framework": portfolio.framework_id,
        "total_points": portfolio.total_points,
        "total_minutes": portfolio.total_minutes,
        "cycle": cycle,
        "domains": domains,
    })
}
