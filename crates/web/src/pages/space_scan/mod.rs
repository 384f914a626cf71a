//! The team scan on professional space. The owner's pages (`/teamscans`): starting a scan, its
//! overview with the shared links (and their QR codes) and personal invitations, the estimate,
//! releasing, the results with their print view and exports, and a live dialogue from the
//! largest gaps. A board member's estimate of a scan someone else runs in their organisation
//! (`/teamscans/{id}/bestuur`), listed on `/teamscans` too. The respondent's pages
//! (`/s/{token}`, `/t/{token}`, `/vragenlijst`): link routes without a session, like a
//! rater's.

mod board;
mod estimate;
mod export;
mod gaps;
mod list;
mod overview;
mod respond;
mod results;

use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use leidraad_domain::local_time::LocalDateTime;
use leidraad_domain::space_scan::SpaceScan;
use leidraad_store::space_scans::ScanState;

use crate::AppState;
use crate::i18n::Tr;

/// The owner's pages, and a board member's estimate ([`crate::routes::Reach::Scan`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/teamscans", get(list::get_scans)),
        (M::POST, "/teamscans", post(list::post_start)),
        (M::GET, "/teamscans/{id}", get(overview::get_overview)),
        (
            M::POST,
            "/teamscans/{id}/uitnodigen",
            post(overview::post_invite),
        ),
        (
            M::POST,
            "/teamscans/{id}/deellink",
            post(overview::post_replace_link),
        ),
        (
            M::POST,
            "/teamscans/{id}/vrijgeven",
            post(overview::post_release),
        ),
        (
            M::POST,
            "/teamscans/{id}/verwijderen",
            post(overview::post_delete),
        ),
        (
            M::GET,
            "/teamscans/{id}/inschatting",
            get(estimate::get_estimate),
        ),
        (
            M::POST,
            "/teamscans/{id}/inschatting",
            post(estimate::post_estimate),
        ),
        (
            M::GET,
            "/teamscans/{id}/bestuur",
            get(board::get_board_estimate),
        ),
        (
            M::POST,
            "/teamscans/{id}/bestuur",
            post(board::post_board_estimate),
        ),
        (
            M::GET,
            "/teamscans/{id}/resultaten",
            get(results::get_results),
        ),
        (
            M::POST,
            "/teamscans/{id}/dialoog",
            post(results::post_dialogue),
        ),
        (
            M::GET,
            "/teamscans/{id}/resultaten.csv",
            get(export::get_csv),
        ),
        (
            M::GET,
            "/teamscans/{id}/resultaten.xlsx",
            get(export::get_xlsx),
        ),
        (
            M::GET,
            "/teamscans/{id}/resultaten.json",
            get(export::get_json),
        ),
    ]
}

/// The respondent's pages ([`crate::routes::Reach::Link`]).
pub fn respondent_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/s/{token}", get(respond::get_shared)),
        (M::GET, "/t/{token}", get(respond::get_personal)),
        (M::GET, respond::FORM_PATH, get(respond::get_form)),
        (M::POST, respond::FORM_PATH, post(respond::post_form)),
        (
            M::POST,
            "/vragenlijst/inleveren",
            post(respond::post_submit),
        ),
        (
            M::POST,
            "/vragenlijst/opnieuw",
            post(respond::post_start_over),
        ),
    ]
}

/// A scan's state in words.
pub fn state_label(tr: Tr, state: ScanState) -> String {
    tr.t(&format!("scan-state-{}", state.code())).into_owned()
}

/// The last day answers are taken, in words.
pub fn closing_date(tr: Tr, closes_at: i64) -> String {
    LocalDateTime::amsterdam(closes_at).format_date(tr.lang)
}

/// A statement's text in the page's language (its id when the questionnaire lost it).
pub fn statement_text(tr: Tr, scan: &SpaceScan, id: &str) -> String {
    scan.statement(id)
        .map_or_else(|| id.to_owned(), |s| tr.pick(&s.text).to_owned())
}

/// A section's title.
pub fn section_title(tr: Tr, scan: &SpaceScan, id: &str) -> String {
    scan.section(id)
        .map_or_else(|| id.to_owned(), |s| tr.pick(&s.title).to_owned())
}

/// An element's (killer's, helper's) name.
pub fn element_name(tr: Tr, scan: &SpaceScan, id: &str) -> String {
    scan.elements
        .iter()
        .find(|e| e.id == id)
        .map_or_else(|| id.to_owned(), |e| tr.pick(&e.label).to_owned())
}

/// A role's name.
pub fn role_name(tr: Tr, scan: &SpaceScan, id: &str) -> String {
    scan.role(id)
        .map_or_else(|| id.to_owned(), |r| tr.pick(&r.name).to_owned())
}

/// An open question.
pub fn question_text(tr: Tr, scan: &SpaceScan, id: &str) -> String {
    scan.open_question(id)
        .map_or_else(|| id.to_owned(), |q| tr.pick(&q.question).to_owned())
}

/// A mean room of 1–4 with one decimal, as the page's language writes it.
pub fn mean_text(tr: Tr, mean: f64) -> String {
    let text = format!("{mean:.1}");
    match tr.lang {
        leidraad_domain::Language::Nl => text.replace('.', ","),
        leidraad_domain::Language::En => text,
    }
}

/// Where a unit's shared link leads, from the configured public address (never from the
/// request's headers).
pub fn share_url(state: &AppState, token: &str) -> String {
    let base = state
        .settings
        .public_url
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/');
    format!("{base}/s/{token}")
}
