//! The 360° feedback pages of a leader (and of the coach who approves and whom a report is
//! shared with): the overview and starting a round, a round's setup and progress, the
//! self-rating, approval, and the report with its print view and exports. The rater's pages,
//! reached by token link without an account, are in [`crate::pages::rater`].

mod actions;
mod overview;
mod report;
mod round;
mod self_rating;

use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use leidraad_domain::Framework;
use leidraad_domain::local_time::LocalDateTime;

use crate::AppState;
use crate::i18n::Tr;

/// The leader's pages, as rows of the route table.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/feedback", get(overview::get_feedback)),
        (M::POST, "/feedback", post(overview::post_feedback)),
        (M::GET, "/feedback/{id}", get(round::get_round)),
        (
            M::POST,
            "/feedback/{id}/instellingen",
            post(actions::post_settings),
        ),
        (M::POST, "/feedback/{id}/groepen", post(actions::post_group)),
        (
            M::POST,
            "/feedback/{id}/groepen/{group}/verwijderen",
            post(actions::post_remove_group),
        ),
        (
            M::POST,
            "/feedback/{id}/groepen/{group}/beoordelaars",
            post(actions::post_raters),
        ),
        (
            M::POST,
            "/feedback/{id}/beoordelaars/{link}/verwijderen",
            post(actions::post_remove_rater),
        ),
        (
            M::POST,
            "/feedback/{id}/samenvoegen",
            post(actions::post_merge),
        ),
        (
            M::POST,
            "/feedback/{id}/versturen",
            post(actions::post_send),
        ),
        (
            M::POST,
            "/feedback/{id}/herinneren",
            post(actions::post_remind),
        ),
        (M::POST, "/feedback/{id}/sluiten", post(actions::post_close)),
        (M::GET, "/feedback/{id}/zelf", get(self_rating::get_self)),
        (M::POST, "/feedback/{id}/zelf", post(self_rating::post_self)),
        (
            M::POST,
            "/feedback/{id}/zelf-uit-reflectie",
            post(actions::post_self_from_reflection),
        ),
        (
            M::GET,
            "/feedback/{id}/goedkeuren",
            get(round::get_approval),
        ),
        (
            M::POST,
            "/feedback/{id}/goedkeuren",
            post(actions::post_approve),
        ),
        (
            M::POST,
            "/feedback/{id}/terugsturen",
            post(actions::post_send_back),
        ),
        (M::GET, "/feedback/{id}/rapport", get(report::get_report)),
        (
            M::GET,
            "/feedback/{id}/rapport/afdrukken",
            get(report::get_print),
        ),
        (M::GET, "/feedback/{id}/rapport.csv", get(report::get_csv)),
        (M::GET, "/feedback/{id}/rapport.xlsx", get(report::get_xlsx)),
        (M::GET, "/feedback/{id}/rapport.json", get(report::get_json)),
        (
            M::POST,
            "/feedback/{id}/rapport/focus",
            post(report::post_focus),
        ),
        (
            M::POST,
            "/feedback/{id}/rapport/delen",
            post(report::post_share),
        ),
        (
            M::POST,
            "/feedback/{id}/rapport/delen/{person}/intrekken",
            post(report::post_unshare),
        ),
    ]
}

/// "12 december 2026".
pub fn closing_date(tr: Tr, closes_at: i64) -> String {
    LocalDateTime::amsterdam(closes_at).format_date(tr.lang)
}

/// A round's state in words.
pub fn state_label(tr: Tr, state: &str) -> String {
    tr.t(&format!("feedback-state-{state}")).into_owned()
}

/// A group's name: its own label, or the name of its kind.
pub fn group_name(tr: Tr, kind: &str, label: Option<&str>) -> String {
    match label {
        Some(label) if !label.is_empty() => label.to_owned(),
        _ => tr.t(&format!("feedback-group-{kind}")).into_owned(),
    }
}

/// One card on a rating form (the leader's self-rating, a rater's form).
pub struct RatingCard {
    pub id: String,
    pub domain_number: usize,
    /// Its number within its domain, as on the paper card.
    pub position: usize,
    pub text: String,
    /// The chosen answer's code, or "".
    pub chosen: String,
    /// Where the script saves a choice (PUT `{"answer": code}`).
    pub save_url: String,
}

/// The round's cards grouped by domain, in the deck's order: (domain title, cards).
pub fn cards_by_domain(
    tr: Tr,
    framework: &Framework,
    cards: &[String],
    chosen: impl Fn(&str) -> String,
    save_url: impl Fn(&str) -> String,
) -> Vec<(String, Vec<RatingCard>)> {
    framework
        .domains
        .iter()
        .enumerate()
        .filter_map(|(index, domain)| {
            let list: Vec<RatingCard> = framework
                .cards_of(&domain.id)
                .filter(|c| cards.contains(&c.id))
                .map(|c| RatingCard {
                    id: c.id.clone(),
                    domain_number: index + 1,
                    position: framework.position_in_domain(c),
                    text: tr.pick(&c.text).to_owned(),
                    chosen: chosen(&c.id),
                    save_url: save_url(&c.id),
                })
                .collect();
            (!list.is_empty()).then(|| (tr.pick(&domain.title).to_owned(), list))
        })
        .collect()
}
