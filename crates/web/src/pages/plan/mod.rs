//! The development plan (`/ontwikkelplan`): a plan per school year with at most three
//! themes, each made from a result in one click or from nothing, and its own page with the
//! goal, the cards, the actions, "how will I know", review moments, status and the year-end
//! review; sharing by name; and the read-only plan for whom it is shared with
//! (`/ontwikkelplan/gedeeld/{id}`).

mod shared;
mod theme;
mod view;
mod year;

use axum::http::Method;
use axum::routing::{MethodRouter, get, post};

use crate::AppState;

/// The routes ([`crate::routes::Reach::Plan`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/ontwikkelplan", get(year::get_current)),
        (M::GET, "/ontwikkelplan/{year}", get(year::get_year)),
        (M::POST, "/ontwikkelplan/themas", post(year::post_theme_now)),
        (
            M::POST,
            "/ontwikkelplan/{year}/themas",
            post(year::post_theme),
        ),
        (
            M::POST,
            "/ontwikkelplan/{year}/delen",
            post(year::post_share),
        ),
        (
            M::POST,
            "/ontwikkelplan/{year}/delen/{person}/intrekken",
            post(year::post_unshare),
        ),
        (M::GET, "/ontwikkelplan/thema/{id}", get(theme::get_theme)),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}",
            post(theme::post_theme),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/teksten",
            post(theme::post_texts),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/acties",
            post(theme::post_add_action),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/acties/{item}",
            post(theme::post_action),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/momenten",
            post(theme::post_add_moment),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/momenten/{item}",
            post(theme::post_moment),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/meenemen",
            post(theme::post_carry_over),
        ),
        (
            M::POST,
            "/ontwikkelplan/thema/{id}/verwijderen",
            post(theme::post_delete),
        ),
        (
            M::GET,
            "/ontwikkelplan/gedeeld/{id}",
            get(shared::get_shared),
        ),
    ]
}
