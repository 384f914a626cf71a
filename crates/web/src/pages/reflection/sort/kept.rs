//! The sort form posted after the session ended (idle, too old, signed out elsewhere).
//!
//! Nothing is saved without a session, and nothing typed is stored on the server for
//! someone not signed in. So the answer gives the text back to the person who sent it: the
//! page shows the note and evidence to copy, and its script keeps them on the device, where
//! the sort page finds them after signing in again. Signing in leads back to the same card.
//! A form that carried no new text goes straight to signing in, and back to the card.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::super::super::{PageContext, Section, render};
use super::one_card::same_text;
use super::{card_path, sign_in_again};
use crate::AppState;
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "reflection_kept.html")]
pub struct KeptPage {
    page: PageContext,
    id: i64,
    card: String,
    /// The printed card's text (public content); empty for an own card, whose text is the
    /// author's and not shown without a session.
    card_text: String,
    note: String,
    note_was: String,
    evidence: String,
    evidence_was: String,
    sign_in: String,
}

pub fn answer(
    state: &AppState,
    tr: Tr,
    id: i64,
    card: &str,
    form: &FormFields,
) -> Result<Response, AppError> {
    let here = card_path(id, card);
    let sign_in = sign_in_again(&here);
    let typed = |field: &str, was: &str| {
        let text = form.get(field);
        !text.trim().is_empty() && !same_text(text, form.get(was))
    };
    if !typed("note", "note_was") && !typed("evidence", "evidence_was") {
        return Ok(Redirect::to(&sign_in).into_response());
    }
    let card_text = state
        .library
        .default_framework()
        .and_then(|framework| framework.card(card))
        .map(|printed| tr.pick(&printed.text).to_owned())
        .unwrap_or_default();
    let page = KeptPage {
        page: PageContext::new(tr, here, Section::Other),
        id,
        card: card.to_owned(),
        card_text,
        note: form.get("note").to_owned(),
        note_was: form.get("note_was").to_owned(),
        evidence: form.get("evidence").to_owned(),
        evidence_was: form.get("evidence_was").to_owned(),
        sign_in,
    };
    let mut response = render(&page)?;
    // Not saved, and a session is needed: 401, with the page as its body.
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    response.extensions_mut().insert(OwnErrorBody);
    Ok(response)
}
