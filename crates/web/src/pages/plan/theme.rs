//! `/ontwikkelplan/thema/{id}`: one theme, with everything in it to write and change. The
//! free texts autosave (rating.js, over the text the page started from); every form also
//! works without script.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::plans::ItemKind;
use leidraad_app::plans::{self as logic, ItemRequest, ThemeUpdate};
use leidraad_domain::development::{PlanField, SchoolYear, ThemeStatus};

use super::view::{CardView, ThemeView, card_view, theme_view};
use super::year::back;
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

/// A domain of the standard with its cards to tick.
pub struct DomainChoice {
    pub title: String,
    pub cards: Vec<(CardView, bool)>,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "plan_theme.html")]
pub struct ThemePage {
    page: PageContext,
    year: String,
    year_label: String,
    theme: ThemeView,
    statuses: Vec<(String, String)>,
    domains: Vec<DomainChoice>,
    next_year_label: String,
    error: String,
}

async fn theme_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
) -> Result<ThemePage, AppError> {
    let (plan, theme) = logic::own_theme_of(state, viewer, id).await?;
    let year = SchoolYear::from_stored(plan.school_year).ok_or(AppError::Internal)?;
    let framework = state.library.framework(&plan.framework_id);
    let domains = framework
        .map(|f| {
            f.domains
                .iter()
                .map(|d| {
                    let cards: Vec<(CardView, bool)> = f
                        .cards_of(&d.id)
                        .map(|c| {
                            let chosen = theme.cards.contains(&c.id);
                            (card_view(tr, Some(f), &c.id), chosen)
                        })
                        .collect();
                    DomainChoice {
                        title: tr.pick(&d.title).to_owned(),
                        open: cards.iter().any(|(_, chosen)| *chosen),
                        cards,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(ThemePage {
        page: PageContext::new(tr, format!("/ontwikkelplan/thema/{id}"), Section::Other),
        year: year.to_string(),
        year_label: year.label(),
        theme: theme_view(state, tr, &plan.framework_id, &theme),
        statuses: ThemeStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.code().to_owned(),
                    tr.t(&format!("plan-status-{}", s.code())).into_owned(),
                )
            })
            .collect(),
        domains,
        next_year_label: year.next().label(),
        error: String::new(),
    })
}

pub async fn get_theme(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render(&theme_page(&state, tr, &viewer, id).await?)
}

/// After a form: back to the theme (at the part it changed), or the page again with the
/// refusal's words.
async fn settle(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    anchor: &str,
    outcome: Result<(), leidraad_app::Error>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/ontwikkelplan/thema/{id}#{anchor}")).into_response()),
        Err(error) => {
            let (status, code) = AppError::from(error).into_refusal()?;
            let mut page = theme_page(state, tr, viewer, id).await?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            render_refused(&page, status)
        }
    }
}

/// Title, status and cards.
pub async fn post_theme(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let update = ThemeUpdate {
        title: Some(form.get("title").to_owned()),
        status: Some(form.get("status").to_owned()),
        cards: Some(form.all("card").map(str::to_owned).collect()),
    };
    let outcome = logic::update_theme(&state, &viewer, id, &update).await;
    settle(&state, tr, &viewer, id, "thema", outcome).await
}

/// The free texts at once, each over the text the page showed (the form's way without
/// script; with it, each box saves on its own as it is typed).
pub async fn post_texts(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let mut outcome = Ok(());
    for field in PlanField::ALL {
        let name = field.code();
        if !form.contains(name) {
            continue;
        }
        let base = form.get(&format!("{name}-base"));
        outcome = logic::save_text(&state, &viewer, id, name, Some(base), form.get(name)).await;
        if outcome.is_err() {
            break;
        }
    }
    settle(&state, tr, &viewer, id, "teksten", outcome).await
}

fn item_request(form: &FormFields, text: &str) -> ItemRequest {
    ItemRequest {
        text: form.contains(text).then(|| form.get(text).to_owned()),
        due_on: form
            .contains("due_on")
            .then(|| form.get("due_on").to_owned()),
        done: form.contains("done").then(|| form.get("done") == "1"),
    }
}

/// Where each kind of item's forms send their text, and the part of the page they return to.
fn item_form(kind: ItemKind) -> (&'static str, &'static str) {
    match kind {
        ItemKind::Action => ("text", "acties"),
        ItemKind::ReviewMoment => ("note", "momenten"),
    }
}

/// Adds an action or a review moment.
async fn add_item(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    kind: ItemKind,
    form: &FormFields,
) -> Result<Response, AppError> {
    let (text, anchor) = item_form(kind);
    let request = item_request(form, text);
    let outcome = logic::add_item(state, viewer, id, kind, &request).await;
    settle(state, tr, viewer, id, anchor, outcome.map(|_| ())).await
}

/// Changes an item (an action ticked off or on again, a moment's note), or deletes it
/// (`delete=1`).
async fn change_item(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    (id, item): (i64, i64),
    kind: ItemKind,
    form: &FormFields,
) -> Result<Response, AppError> {
    let (text, anchor) = item_form(kind);
    let outcome = if form.get("delete") == "1" {
        logic::delete_item(state, viewer, id, kind, item).await
    } else {
        logic::update_item(state, viewer, id, kind, item, &item_request(form, text)).await
    };
    settle(state, tr, viewer, id, anchor, outcome).await
}

pub async fn post_add_action(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    add_item(&state, tr, &viewer, id, ItemKind::Action, &form).await
}

pub async fn post_action(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(ids): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change_item(&state, tr, &viewer, ids, ItemKind::Action, &form).await
}

pub async fn post_add_moment(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    add_item(&state, tr, &viewer, id, ItemKind::ReviewMoment, &form).await
}

pub async fn post_moment(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(ids): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change_item(&state, tr, &viewer, ids, ItemKind::ReviewMoment, &form).await
}

pub async fn post_carry_over(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match logic::carry_over(&state, &viewer, id).await {
        Ok(new) => Ok(Redirect::to(&format!("/ontwikkelplan/thema/{new}")).into_response()),
        Err(error) => settle(&state, tr, &viewer, id, "meenemen", Err(error)).await,
    }
}

pub async fn post_delete(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (plan, _) = logic::own_theme_of(&state, &viewer, id).await?;
    logic::delete_theme(&state, &viewer, id).await?;
    let year = SchoolYear::from_stored(plan.school_year).ok_or(AppError::Internal)?;
    Ok(back(year, "verwijderd"))
}
