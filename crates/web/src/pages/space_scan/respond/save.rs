//! The questionnaire posted whole: the way without script. Every item that can be saved is
//! saved on its own, so one refused answer loses none of the others; handing in saves what
//! was posted first, then checks the whole.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans::{self as logic, RespondentForm, SavedItem, ScanSubmission};
use leidraad_domain::space_scan::SpaceScan;

use super::{FORM_PATH, build, form_of, role_ticks, standing_page};
use crate::AppState;
use crate::auth::{CSRF_FIELD, ClientAddress};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::render_refused;
use crate::rater_link::csrf_matches;

/// Refuses a role's answer that is none of the four.
fn role_answers_known(scan: &SpaceScan, fields: &FormFields) -> Result<(), AppError> {
    let unknown = scan.roles.iter().any(|role| {
        let code = fields.get(&format!("card-rol-{}", role.id));
        !code.is_empty() && role_ticks(code).is_none()
    });
    if unknown {
        Err(AppError::BadRequest {
            code: "scan-role-answer-invalid",
        })
    } else {
        Ok(())
    }
}

/// The open answers and the "Anders" role the form holds.
fn text_items<'a>(scan: &'a SpaceScan, fields: &'a FormFields) -> Vec<SavedItem<'a>> {
    let mut items = Vec::new();
    for question in &scan.open_questions {
        let name = format!("open-{}", question.id);
        if fields.contains(&name) {
            items.push(SavedItem::Open {
                question: &question.id,
                text: fields.get(&name),
                base: None,
            });
        }
    }
    if fields.contains("anders") {
        items.push(SavedItem::OtherRole {
            name: fields.get("anders"),
            base: None,
        });
    }
    items
}

/// Every item of the form that names a known answer; a role's unknown answer is left out
/// (see [`role_answers_known`]).
fn items_of<'a>(scan: &'a SpaceScan, fields: &'a FormFields) -> Vec<SavedItem<'a>> {
    let mut items = Vec::new();
    for statement in &scan.statements {
        let answer = fields.get(&format!("card-{}", statement.id));
        if !answer.is_empty() {
            items.push(SavedItem::Rating {
                statement: &statement.id,
                answer,
            });
        }
    }
    for role in &scan.roles {
        if let Some((now, would_like)) = role_ticks(fields.get(&format!("card-rol-{}", role.id))) {
            items.push(SavedItem::Role {
                role: &role.id,
                now,
                would_like,
            });
        }
    }
    items.extend(text_items(scan, fields));
    items
}

/// The link a form was posted to, checked: its form token, and that it still takes answers.
/// The inner `Err` is the page to show instead (lost link, thanks, closed).
async fn posted_to(
    state: &AppState,
    tr: Tr,
    headers: &HeaderMap,
    address: Option<std::net::IpAddr>,
    fields: &FormFields,
) -> Result<Result<(String, RespondentForm), Response>, AppError> {
    let (token, form) = match form_of(state, tr, headers, address).await {
        Ok(found) => found,
        Err(answer) => return Ok(Err(answer)),
    };
    if !csrf_matches(&token, fields.get(CSRF_FIELD)) {
        return Err(AppError::CrossSite);
    }
    if let Some(status) = standing_page(state, tr, &token, &form)? {
        return Ok(Err(status));
    }
    Ok(Ok((token, form)))
}

/// Saves the whole form as the draft and shows it again: the way without script.
pub async fn post_form(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, AppError> {
    let (token, form) = match posted_to(&state, tr, &headers, address, &fields).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    match save_fields(&state, &token, address, &form, &fields).await {
        Ok(()) => Ok(Redirect::to("/vragenlijst?melding=bewaard").into_response()),
        Err(error) => refused(&state, tr, &token, address, error).await,
    }
}

/// Saves every item of the posted form that can be saved, each on its own, so one refused
/// answer loses none of the others; the first refusal is the answer.
async fn save_fields(
    state: &AppState,
    token: &str,
    address: Option<std::net::IpAddr>,
    form: &RespondentForm,
    fields: &FormFields,
) -> Result<(), AppError> {
    let scan = logic::questionnaire(state, &form.scan)?;
    let mut first = role_answers_known(scan, fields).err();
    for item in items_of(scan, fields) {
        if let Err(error) = logic::save_item(state, token, address, &item).await {
            first.get_or_insert(error.into());
        }
    }
    first.map_or(Ok(()), Err)
}

/// Hands the answers in: the form's fields over the draft, checked whole.
pub async fn post_submit(
    State(state): State<AppState>,
    tr: Tr,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    fields: FormFields,
) -> Result<Response, AppError> {
    let (token, form) = match posted_to(&state, tr, &headers, address, &fields).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    // What was posted is saved first, so a refusal of the whole loses nothing typed.
    let outcome = match save_fields(&state, &token, address, &form, &fields).await {
        Ok(()) => logic::submit(&state, &token, address, &ScanSubmission::default())
            .await
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(FORM_PATH).into_response()),
        Err(error) => refused(&state, tr, &token, address, error).await,
    }
}

/// The form again with why it was refused; what was typed stays saved as far as it could be.
async fn refused(
    state: &AppState,
    tr: Tr,
    token: &str,
    address: Option<std::net::IpAddr>,
    error: AppError,
) -> Result<Response, AppError> {
    let (status, code) = error.into_refusal()?;
    let form = logic::respondent_form(state, token, address).await?;
    if let Some(page) = standing_page(state, tr, token, &form)? {
        return Ok(page);
    }
    let mut page = build(state, tr, token, &form)?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}
