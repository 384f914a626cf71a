//! The form's posts, the way without script: `POST /beoordelen` saves every field as the draft
//! and shows the form again; `POST /beoordelen/inleveren` saves, asks once more, and with
//! `bevestigd=ja` submits. Only what changed is written, through the same use cases as the
//! API, so a post and the script's saves cannot disagree.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::feedback::{self as logic, RaterForm};
use leidraad_domain::RaterAnswer;
use leidraad_domain::feedback::CommentText;

use super::form::{Typed, build};
use super::{FORM_PATH, link_form, render_page, status};
use crate::AppState;
use crate::auth::{CSRF_FIELD, ClientAddress};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section};
use crate::rater_link::{self, GENERAL_COMMENT, Standing};

type Address = Option<std::net::IpAddr>;

#[derive(Template)]
#[template(path = "rater_confirm.html")]
pub struct ConfirmPage {
    page: PageContext,
    /// "You have answered 12 of the 20 cards."
    count: String,
    complete: bool,
    csrf: String,
}

/// Saves the whole form as the draft and shows it again.
pub async fn post_form(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, AppError> {
    let (token, form) = match link_form(&state, tr, &headers, address).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    check_form_token(&token, &fields)?;
    if Standing::of(&form) != Standing::Open {
        return Ok(Redirect::to(FORM_PATH).into_response());
    }
    match save_fields(&state, tr, &token, address, &form, &fields).await {
        Ok(typed) if typed.is_empty() => {
            Ok(Redirect::to("/beoordelen?melding=bewaard").into_response())
        }
        Ok(typed) => form_refused(&state, tr, &token, address, &typed).await,
        // The round closed or the link submitted meanwhile: the form page says which.
        Err(AppError::Conflict { .. }) => Ok(Redirect::to(FORM_PATH).into_response()),
        Err(error) => Err(error),
    }
}

/// Saves the form, then asks "hand in?" once; the answer to that submits.
pub async fn post_submit(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, AppError> {
    let (token, form) = match link_form(&state, tr, &headers, address).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    check_form_token(&token, &fields)?;
    let standing = Standing::of(&form);
    if standing != Standing::Open {
        return status::refused(tr, &form, standing);
    }
    match save_fields(&state, tr, &token, address, &form, &fields).await {
        Ok(typed) if typed.is_empty() => {}
        Ok(typed) => return form_refused(&state, tr, &token, address, &typed).await,
        Err(AppError::Conflict { .. }) => return too_late(&state, tr, &token, address).await,
        Err(error) => return Err(error),
    }
    if fields.get("bevestigd") != "ja" {
        return confirm(&state, tr, &token, address).await;
    }
    match logic::submit(&state, &token, address, None).await {
        Ok(()) => Ok(Redirect::to(FORM_PATH).into_response()),
        Err(leidraad_app::Error::Conflict { .. }) => too_late(&state, tr, &token, address).await,
        Err(error) => Err(error.into()),
    }
}

/// The page's form token, as the session's is checked for signed-in forms: the origin check
/// has run already; this also covers a browser that sends no origin at all.
fn check_form_token(token: &str, fields: &FormFields) -> Result<(), AppError> {
    if rater_link::csrf_matches(token, fields.get(CSRF_FIELD)) {
        Ok(())
    } else {
        Err(AppError::CrossSite)
    }
}

/// Writes what the post changed: the answers (all checked before any is written) and the
/// comments. A comment that is refused is not written and comes back, to be shown with why.
async fn save_fields(
    state: &AppState,
    tr: Tr,
    token: &str,
    address: Address,
    form: &RaterForm,
    fields: &FormFields,
) -> Result<Vec<Typed>, AppError> {
    for (card, answer) in changed_answers(form, fields)? {
        logic::save_rating(state, token, address, &card, Some(answer)).await?;
    }
    let mut refused = Vec::new();
    for name in comment_names(state, form)? {
        let field = format!("comment-{name}");
        if !fields.contains(&field) {
            continue;
        }
        let posted = fields.get(&field);
        let Ok(text) = CommentText::parse(posted) else {
            let why = tr.t("problem-feedback-comment-invalid").into_owned();
            refused.push((name, posted.to_owned(), why));
            continue;
        };
        let domain = rater_link::comment_domain(&name);
        let kept = form.draft.comments.iter().find(|(d, _)| d == domain);
        if kept.is_none_or(|(_, t)| t != text.as_str()) {
            logic::save_comment(state, token, address, domain, posted).await?;
        }
    }
    Ok(refused)
}

/// The posted answers that differ from the draft; a value that is not on the scale refuses
/// the whole post (only a hand-made post can send one).
fn changed_answers(
    form: &RaterForm,
    fields: &FormFields,
) -> Result<Vec<(String, RaterAnswer)>, AppError> {
    let mut changed = Vec::new();
    for card in &form.round.cards {
        let value = fields.get(&format!("card-{card}"));
        if value.is_empty() {
            continue;
        }
        let answer: RaterAnswer = value
            .parse()
            .map_err(|e: leidraad_domain::RatingError| AppError::BadRequest { code: e.code() })?;
        let stored = answer.to_stored();
        if !form
            .draft
            .answers
            .iter()
            .any(|(c, s)| c == card && *s == stored)
        {
            changed.push((card.clone(), answer));
        }
    }
    Ok(changed)
}

/// The comment boxes of the round: one per domain with cards in it, and the general one.
fn comment_names(state: &AppState, form: &RaterForm) -> Result<Vec<String>, AppError> {
    let framework = state
        .library
        .framework(&form.round.framework_id)
        .ok_or(AppError::Internal)?;
    let mut names: Vec<String> = Vec::new();
    for card in form.round.cards.iter().filter_map(|c| framework.card(c)) {
        if !names.contains(&card.domain) {
            names.push(card.domain.clone());
        }
    }
    names.push(GENERAL_COMMENT.to_owned());
    Ok(names)
}

/// The form again, with the refused comments as typed: 400.
async fn form_refused(
    state: &AppState,
    tr: Tr,
    token: &str,
    address: Address,
    typed: &[Typed],
) -> Result<Response, AppError> {
    let form = logic::rater_form(state, token, address).await?;
    let mut page = build(state, tr, token, &form, typed)?;
    page.notice = tr.t("rater-refused-notice").into_owned();
    render_page(&page, StatusCode::BAD_REQUEST)
}

/// "Hand in?", with how many cards have an answer now.
async fn confirm(
    state: &AppState,
    tr: Tr,
    token: &str,
    address: Address,
) -> Result<Response, AppError> {
    let form = logic::rater_form(state, token, address).await?;
    let (answered, total) = (form.draft.answers.len(), form.round.cards.len());
    let page = ConfirmPage {
        page: PageContext::new(tr, FORM_PATH, Section::Other),
        count: tr.t2(
            "rater-confirm-count",
            ("answered", answered),
            ("total", total),
        ),
        complete: answered >= total,
        csrf: rater_link::csrf_token(token),
    };
    render_page(&page, StatusCode::OK)
}

/// The round closed or the link submitted while the rater was on the page: said politely.
async fn too_late(
    state: &AppState,
    tr: Tr,
    token: &str,
    address: Address,
) -> Result<Response, AppError> {
    let form = logic::rater_form(state, token, address).await?;
    status::refused(tr, &form, Standing::of(&form))
}
