//! The respondent's pages. `/s/{token}` (the staff room's shared link) gives the browser a
//! link of its own and `/t/{token}` (a mailed link) is one; both trade it for the
//! `leidraad_scan` cookie and go on to `/vragenlijst`, so the token leaves the address bar.
//! The questionnaire opens with the promise of who sees what, then the statements by section,
//! the roles, and the two open questions. With script every answer saves as it is given
//! (`rating.js`, through the respondent's API); without, the buttons post the whole form.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans::{self as logic, RespondentForm};
use leidraad_domain::space_scan::SpaceScan;

use super::closing_date;
use super::estimate::{scale_options, statement_cards};
use crate::AppState;
use crate::auth::{CSRF_FIELD, ClientAddress};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::feedback::RatingCard;
use crate::pages::rater::switch_language;
use crate::pages::{PageContext, Section, render_refused};
use crate::rater_link::{self, csrf_matches};
use crate::scan_link::{self, KEEP_AFTER_CLOSING};

mod save;

pub use save::{post_form, post_submit};

pub const FORM_PATH: &str = "/vragenlijst";

/// A role's answer on the form and in the API: neither, now, would like, both.
pub const ROLE_CODES: [(&str, bool, bool); 4] = [
    ("nee", false, false),
    ("nu", true, false),
    ("willen", false, true),
    ("beide", true, true),
];

/// The two ticks of a role's answer code.
pub fn role_ticks(code: &str) -> Option<(bool, bool)> {
    ROLE_CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, now, like)| (*now, *like))
}

fn role_code(now: bool, like: bool) -> &'static str {
    ROLE_CODES
        .iter()
        .find(|(_, n, l)| *n == now && *l == like)
        .map_or("nee", |(code, _, _)| code)
}

/// A text box of the form: its field name, label, text and where the script saves it.
pub struct TextBox {
    pub name: String,
    pub label: String,
    pub text: String,
    pub save_url: String,
}

#[derive(Template)]
#[template(path = "questionnaire.html")]
pub struct QuestionnairePage {
    page: PageContext,
    title: String,
    owner: String,
    unit: String,
    closes_on: String,
    promise_threshold: String,
    sections: Vec<(String, Vec<RatingCard>)>,
    options: Vec<(String, String)>,
    roles: Vec<RatingCard>,
    role_options: Vec<(String, String)>,
    other_role: TextBox,
    open: Vec<TextBox>,
    /// Opened through a shared link: "Niet jij?" is offered.
    shared: bool,
    csrf: String,
    drafts: String,
    notice: String,
    error: String,
}

#[derive(Template)]
#[template(path = "rater_status.html")]
pub struct StatusPage {
    page: PageContext,
    title: String,
    paragraphs: Vec<String>,
    forget: String,
}

pub async fn get_shared(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(switched) = switch_language(query.as_deref(), &format!("/s/{token}")) {
        return Ok(switched);
    }
    let held = scan_link::cookie_token(&headers);
    match logic::open_shared(&state, &token, held.as_deref(), address).await {
        Ok((own, link)) => Ok(keep(&state, &own, link.closes_at)),
        Err(leidraad_app::Error::Conflict { .. }) => closed_page(tr, &format!("/s/{token}")),
        // A wrong or replaced shared link leaves the browser's own link (and draft) alone.
        Err(leidraad_app::Error::NotFound) => Ok(lost(&state, tr, false)),
        Err(error) => Err(error.into()),
    }
}

pub async fn get_personal(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(switched) = switch_language(query.as_deref(), &format!("/t/{token}")) {
        return Ok(switched);
    }
    match logic::open_mailed(&state, &token, address).await {
        Ok(link) => Ok(keep(&state, &token, link.closes_at)),
        Err(leidraad_app::Error::NotFound) => Ok(lost(&state, tr, false)),
        Err(error) => Err(error.into()),
    }
}

/// The cookie with the browser's own token, and on to the form.
fn keep(state: &AppState, token: &str, closes_at: i64) -> Response {
    let max_age = (closes_at - state.clock.now()).max(0) + KEEP_AFTER_CLOSING;
    let mut response = Redirect::to(FORM_PATH).into_response();
    scan_link::set_cookie(
        response.headers_mut(),
        token,
        max_age,
        state.settings.secure_cookies(),
    );
    response
}

/// The browser's link and its form; `Err` is the page to show instead.
async fn form_of(
    state: &AppState,
    tr: Tr,
    headers: &HeaderMap,
    address: Option<std::net::IpAddr>,
) -> Result<(String, RespondentForm), Response> {
    let Some(token) = scan_link::cookie_token(headers) else {
        return Err(lost(state, tr, false));
    };
    match logic::respondent_form(state, &token, address).await {
        Ok(form) => Ok((token, form)),
        Err(leidraad_app::Error::NotFound) => Err(lost(state, tr, true)),
        Err(error) => Err(AppError::from(error).into_response()),
    }
}

pub async fn get_form(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(switched) = switch_language(query.as_deref(), FORM_PATH) {
        return Ok(switched);
    }
    let (token, form) = match form_of(&state, tr, &headers, address).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    if let Some(status) = standing_page(&state, tr, &token, &form)? {
        return Ok(status);
    }
    let mut page = build(&state, tr, &token, &form)?;
    let saved = query.as_deref().is_some_and(|q| {
        form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "melding" && v == "bewaard")
    });
    if saved {
        page.notice = tr.t("scan-saved-notice").into_owned();
    }
    crate::pages::render(&page)
}

/// Thanks after answering, or why the link takes no answers: `None` while it does.
fn standing_page(
    state: &AppState,
    tr: Tr,
    token: &str,
    form: &RespondentForm,
) -> Result<Option<Response>, AppError> {
    if form.link.answered {
        let page = StatusPage {
            page: PageContext::new(tr, FORM_PATH, Section::Other),
            title: tr.t("scan-thanks-title").into_owned(),
            paragraphs: vec![
                tr.t1("scan-thanks-text", "owner", form.owner_name.as_str()),
                tr.t("scan-thanks-unlinked").into_owned(),
                tr.t("scan-thanks-once").into_owned(),
            ],
            forget: rater_link::draft_prefix(token),
        };
        return crate::pages::render(&page).map(Some);
    }
    if !form.is_open(state.clock.now()) {
        return closed_page(tr, FORM_PATH).map(Some);
    }
    Ok(None)
}

fn closed_page(tr: Tr, path: &str) -> Result<Response, AppError> {
    let page = StatusPage {
        page: PageContext::new(tr, path, Section::Other),
        title: tr.t("scan-closed-title").into_owned(),
        paragraphs: vec![tr.t("scan-closed-text").into_owned()],
        forget: String::new(),
    };
    crate::pages::render(&page)
}

/// 404 for a browser without its link (or with one that is gone): how to get back; with
/// `clear`, the cookie that leads nowhere is dropped.
fn lost(state: &AppState, tr: Tr, clear: bool) -> Response {
    let page = StatusPage {
        page: PageContext::new(tr, FORM_PATH, Section::Other),
        title: tr.t("scan-lost-title").into_owned(),
        paragraphs: vec![tr.t("scan-lost-text").into_owned()],
        forget: String::new(),
    };
    let mut response = match render_refused(&page, StatusCode::NOT_FOUND) {
        Ok(response) => response,
        Err(error) => return error.into_response(),
    };
    if clear {
        scan_link::clear_cookie(response.headers_mut(), state.settings.secure_cookies());
    }
    response
}

/// "Niet jij?": forgets this browser's draft and opens the shared link afresh.
pub async fn post_start_over(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, AppError> {
    let (token, _) = match form_of(&state, tr, &headers, address).await {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    if !csrf_matches(&token, fields.get(CSRF_FIELD)) {
        return Err(AppError::CrossSite);
    }
    let share = logic::start_over(&state, &token, address).await?;
    let mut response = Redirect::to(&format!("/s/{share}")).into_response();
    scan_link::clear_cookie(response.headers_mut(), state.settings.secure_cookies());
    Ok(response)
}

fn build(
    state: &AppState,
    tr: Tr,
    token: &str,
    form: &RespondentForm,
) -> Result<QuestionnairePage, AppError> {
    let scan = logic::questionnaire(state, &form.scan)?;
    let draft = &form.draft;
    let chosen = |id: &str| {
        draft
            .ratings
            .iter()
            .find(|(s, _)| s == id)
            .map_or(String::new(), |(_, answer)| answer.clone())
    };
    let text_of = |id: &str| {
        draft
            .open
            .iter()
            .find(|(q, _)| q == id)
            .map_or(String::new(), |(_, text)| text.clone())
    };
    Ok(QuestionnairePage {
        page: PageContext::new(tr, FORM_PATH, Section::Other),
        title: form.scan.title.clone(),
        owner: form.owner_name.clone(),
        unit: form.unit.label.clone(),
        closes_on: closing_date(tr, form.scan.closes_at),
        promise_threshold: tr.t2(
            "scan-promise-threshold",
            ("owner", form.owner_name.as_str()),
            ("threshold", form.scan.threshold),
        ),
        sections: statement_cards(tr, scan, chosen, |id| {
            format!("/api/v1/respondent/answers/{id}")
        }),
        options: scale_options(tr, scan),
        roles: role_cards(tr, scan, form),
        role_options: ROLE_CODES
            .iter()
            .map(|(code, _, _)| {
                (
                    (*code).to_owned(),
                    tr.t(&format!("scan-role-answer-{code}")).into_owned(),
                )
            })
            .collect(),
        other_role: TextBox {
            name: "anders".into(),
            label: tr.t("scan-other-role-label").into_owned(),
            text: draft.other_role.clone(),
            save_url: "/api/v1/respondent/other-role".into(),
        },
        open: scan
            .open_questions
            .iter()
            .map(|q| TextBox {
                name: format!("open-{}", q.id),
                label: tr.pick(&q.question).to_owned(),
                text: text_of(&q.id),
                save_url: format!("/api/v1/respondent/open/{}", q.id),
            })
            .collect(),
        shared: !form.link.mailed,
        csrf: rater_link::csrf_token(token),
        drafts: rater_link::draft_prefix(token),
        notice: String::new(),
        error: String::new(),
    })
}

/// The roles as cards to answer, each with its description.
fn role_cards(tr: Tr, scan: &SpaceScan, form: &RespondentForm) -> Vec<RatingCard> {
    scan.roles
        .iter()
        .enumerate()
        .map(|(index, role)| {
            let chosen = form
                .draft
                .roles
                .iter()
                .find(|(id, _, _)| *id == role.id)
                .map_or("", |(_, now, like)| role_code(*now, *like));
            RatingCard {
                id: format!("rol-{}", role.id),
                domain_number: 9,
                position: index + 1,
                text: format!("{} — {}", tr.pick(&role.name), tr.pick(&role.description)),
                chosen: chosen.to_owned(),
                save_url: format!("/api/v1/respondent/roles/{}", role.id),
            }
        })
        .collect()
}
