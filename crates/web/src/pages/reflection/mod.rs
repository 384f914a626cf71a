//! The self-reflection pages: the list of moments and starting one, the card sort (one card
//! at a time, or a domain as a board of piles), the profile with its radar chart, focus cards
//! and sharing, the comparison of two moments, the print view and the exports. Every form
//! works without JavaScript; the script adds autosave through the API and the keys 1–4.

mod overview;
mod profile;
mod sort;

pub(crate) use profile::chart;

use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use leidraad_domain::Framework;

use crate::AppState;
use crate::i18n::Tr;

/// The reflection pages as rows of the route table, one per method; the privacy test walks
/// every row with an `{id}` with someone else's reflection.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/reflecties", get(overview::get_reflections)),
        (M::POST, "/reflecties", post(overview::post_reflection)),
        (
            M::GET,
            "/reflecties/vergelijk",
            get(profile::get_comparison),
        ),
        (M::GET, "/reflecties/{id}", get(profile::get_profile)),
        (
            M::GET,
            "/reflecties/{id}/afdrukken",
            get(profile::get_print),
        ),
        (M::GET, "/reflecties/{id}/export.csv", get(profile::get_csv)),
        (
            M::GET,
            "/reflecties/{id}/export.xlsx",
            get(profile::get_xlsx),
        ),
        (
            M::GET,
            "/reflecties/{id}/export.json",
            get(profile::get_json),
        ),
        (M::GET, "/reflecties/{id}/sorteren", get(sort::get_sort)),
        (
            M::POST,
            "/reflecties/{id}/kaarten/{card}",
            post(sort::post_card),
        ),
        (M::GET, "/reflecties/{id}/lijst", get(sort::get_list)),
        (M::POST, "/reflecties/{id}/lijst", post(sort::post_list)),
        (
            M::POST,
            "/reflecties/{id}/eigen-kaarten",
            post(sort::post_own_card),
        ),
        (
            M::POST,
            "/reflecties/{id}/eigen-kaarten/{card}/verwijderen",
            post(sort::post_delete_own_card),
        ),
        (
            M::GET,
            "/reflecties/{id}/afronden",
            get(profile::get_finish),
        ),
        (
            M::POST,
            "/reflecties/{id}/afronden",
            post(profile::post_finish),
        ),
        (M::POST, "/reflecties/{id}/focus", post(profile::post_focus)),
        (
            M::POST,
            "/reflecties/{id}/focus/{card}/verwijderen",
            post(profile::post_remove_focus),
        ),
        (M::POST, "/reflecties/{id}/delen", post(profile::post_share)),
        (
            M::POST,
            "/reflecties/{id}/delen/{person}/intrekken",
            post(profile::post_unshare),
        ),
    ]
}

/// A domain's title and its 1-based number in the framework (for its colour).
pub fn domain_title(tr: Tr, framework: &Framework, id: &str) -> (usize, String) {
    framework
        .domains
        .iter()
        .enumerate()
        .find(|(_, d)| d.id == id)
        .map_or((0, id.to_owned()), |(i, d)| {
            (i + 1, tr.pick(&d.title).to_owned())
        })
}

/// "2,7" in Dutch, "2.7" in English.
pub fn score_text(tr: Tr, mean: Option<f64>) -> String {
    match mean {
        None => "–".to_owned(),
        Some(mean) => {
            let text = format!("{:.1}", (mean * 10.0).round() / 10.0);
            match tr.lang {
                leidraad_domain::Language::Nl => text.replace('.', ","),
                leidraad_domain::Language::En => text,
            }
        }
    }
}
