//! The learning log (`/logboek`): the register cycle's progress, Leidraad's own activities to
//! confirm and the activities newest first; the form to add one (`/logboek/nieuw`); each
//! activity's page with its edit form and evidence files; the cycle's settings
//! (`/logboek/cyclus`). Every page is its owner's alone; an evidence file also downloads for whom the owner shares a plan with.

mod activity;
mod cycle;
mod evidence;
mod form;
mod log;
mod new;
mod views;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};
use leidraad_domain::development::MAX_FILE_BYTES;

use crate::AppState;

/// A file of 10 MB with its multipart framing and the form around it; a larger body is
/// refused (413) before it is read whole.
pub const UPLOAD_BODY_BYTES: usize = MAX_FILE_BYTES + 64 * 1024;

/// Personal pages ([`crate::routes::Reach::Personal`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/logboek", get(log::get_log)),
        (M::POST, "/logboek", post(new::post_add)),
        (M::GET, "/logboek/nieuw", get(new::get_new)),
        (M::GET, "/logboek/cyclus", get(cycle::get_cycle)),
        (M::POST, "/logboek/cyclus", post(cycle::post_cycle)),
        (
            M::POST,
            "/logboek/suggesties/{kind}/{id}/bevestigen",
            post(log::post_confirm),
        ),
        (
            M::POST,
            "/logboek/suggesties/{kind}/{id}/negeren",
            post(log::post_dismiss),
        ),
        (M::GET, "/logboek/{id}", get(activity::get_activity)),
        (M::POST, "/logboek/{id}", post(activity::post_update)),
        (
            M::POST,
            "/logboek/{id}/verwijderen",
            post(activity::post_delete),
        ),
        (
            M::POST,
            "/logboek/{id}/bewijs",
            post(evidence::post_upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_BYTES)),
        ),
        (
            M::GET,
            "/logboek/bestanden/{file}",
            get(evidence::get_download),
        ),
        (
            M::POST,
            "/logboek/bestanden/{file}/verwijderen",
            post(evidence::post_delete),
        ),
    ]
}

pub use evidence::attachment;
