//! `/ontwikkelplan/{year}`: a school year's plan with its themes, the results a theme can be
//! made from in one click, last year's themes to carry over, a new theme of one's own, and
//! whom the plan is shared with.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::plans::{self as logic, SourceRequest, Suggestion, ThemeRequest};
use leidraad_domain::accounts::PersonId;
use leidraad_domain::development::{MAX_THEMES, SchoolYear, title_from};

use super::view::{CardView, ThemeView, card_view, theme_view};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

/// A result that can become a theme, as a one-click form.
pub struct SuggestionView {
    pub kind: String,
    pub kind_label: String,
    pub id: i64,
    pub item: String,
    pub title: String,
    pub card: Option<CardView>,
}

pub struct EarlierTheme {
    pub id: i64,
    pub title: String,
    pub status_label: String,
    pub carried: bool,
}

#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage {
    page: PageContext,
    year: String,
    year_label: String,
    themes_heading: String,
    themes: Vec<ThemeView>,
    room: bool,
    suggestions: Vec<SuggestionView>,
    earlier: Vec<EarlierTheme>,
    earlier_label: String,
    viewers: Vec<(i64, String)>,
    years: Vec<(String, String, bool)>,
    title: String,
    goal: String,
    email: String,
    notice: String,
    error: String,
}

fn parse_year(text: &str) -> Result<SchoolYear, AppError> {
    SchoolYear::parse(text).map_err(|e| AppError::BadRequest { code: e.code() })
}

pub async fn get_current(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    let year = logic::current_year(&state);
    render(&plan_page(&state, tr, &viewer, year).await?)
}

pub async fn get_year(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(year): Path<String>,
    query: axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, AppError> {
    let year = parse_year(&year)?;
    let mut page = plan_page(&state, tr, &viewer, year).await?;
    if let Some(notice) = query
        .get("melding")
        .filter(|n| NOTICES.contains(&n.as_str()))
    {
        page.notice = tr.t(&format!("plan-notice-{notice}")).into_owned();
    }
    render(&page)
}

/// The words a redirect back may ask for.
const NOTICES: [&str; 4] = ["gedeeld", "ingetrokken", "verwijderd", "meegenomen"];

async fn plan_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    year: SchoolYear,
) -> Result<PlanPage, AppError> {
    let view = logic::own_plan(state, viewer, year).await?;
    let suggestions = logic::suggestions(state, viewer, view.plan.as_ref()).await?;
    let themes: Vec<ThemeView> = view
        .plan
        .as_ref()
        .map(|p| {
            p.themes
                .iter()
                .map(|t| theme_view(state, tr, &p.plan.framework_id, t))
                .collect()
        })
        .unwrap_or_default();
    let carried_from = |id: i64| {
        view.plan.as_ref().is_some_and(|p| {
            p.themes
                .iter()
                .any(|t| t.source_kind == "carried-over" && t.source_id == Some(id))
        })
    };
    let earlier = view
        .earlier
        .as_ref()
        .map(|p| {
            p.themes
                .iter()
                .map(|t| EarlierTheme {
                    id: t.id,
                    title: t.title.clone(),
                    status_label: tr.t(&format!("plan-status-{}", t.status)).into_owned(),
                    carried: carried_from(t.id),
                })
                .collect()
        })
        .unwrap_or_default();
    let current = logic::current_year(state);
    let mut years: Vec<SchoolYear> = logic::plans_of(state, viewer)
        .await?
        .iter()
        .filter_map(|(plan, _)| SchoolYear::from_stored(plan.school_year))
        .collect();
    for wanted in [current, current.next(), year] {
        if !years.contains(&wanted) {
            years.push(wanted);
        }
    }
    years.sort_unstable();
    Ok(PlanPage {
        page: PageContext::new(tr, format!("/ontwikkelplan/{year}"), Section::Other),
        year: year.to_string(),
        year_label: year.label(),
        themes_heading: tr.t2("plan-themes", ("count", themes.len()), ("most", MAX_THEMES)),
        room: themes.len() < MAX_THEMES,
        themes,
        suggestions: suggestions
            .iter()
            .map(|s| suggestion_view(state, tr, s))
            .collect(),
        earlier,
        earlier_label: year.previous().label(),
        viewers: view
            .viewers
            .into_iter()
            .map(|(person, name)| (person.get(), name))
            .collect(),
        years: years
            .into_iter()
            .map(|y| (y.to_string(), y.label(), y == year))
            .collect(),
        title: String::new(),
        goal: String::new(),
        email: String::new(),
        notice: String::new(),
        error: String::new(),
    })
}

fn suggestion_view(state: &AppState, tr: Tr, suggestion: &Suggestion) -> SuggestionView {
    let source = &suggestion.source;
    let card = (source.kind != "scan-gap")
        .then(|| card_view(tr, state.library.default_framework(), &source.item));
    SuggestionView {
        kind: source.kind.clone(),
        kind_label: tr.t(&format!("plan-source-{}", source.kind)).into_owned(),
        id: source.id.unwrap_or_default(),
        item: source.item.clone(),
        title: source_title(state, tr, source),
        card,
    }
}

/// The words of a result as a theme's first title: the scan's statement or the card's text.
fn source_title(state: &AppState, tr: Tr, source: &SourceRequest) -> String {
    let text = if source.kind == "scan-gap" {
        state
            .library
            .space_scans
            .iter()
            .find_map(|s| s.statement(&source.item))
            .map(|s| tr.pick(&s.text).to_owned())
    } else {
        state
            .library
            .default_framework()
            .and_then(|f| f.card(&source.item))
            .map(|c| tr.pick(&c.text).to_owned())
    };
    title_from(&text.unwrap_or_default())
}

pub async fn post_theme(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(year): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let year = parse_year(&year)?;
    add_theme(&state, tr, &viewer, year, &form).await
}

/// A theme for this school year: the one-click form beside a result on its own page (a
/// report's blind spot, a scan's gap, a focus card), which knows no school year.
pub async fn post_theme_now(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let year = logic::current_year(&state);
    add_theme(&state, tr, &viewer, year, &form).await
}

async fn add_theme(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    year: SchoolYear,
    form: &FormFields,
) -> Result<Response, AppError> {
    let id = match form.get("source_id") {
        "" => None,
        typed => Some(typed.parse().map_err(|_| AppError::BadRequest {
            code: "plan-source-unknown",
        })?),
    };
    let source = SourceRequest {
        kind: form.get("source_kind").to_owned(),
        id,
        item: form.get("source_item").to_owned(),
    };
    // A result's form may leave the title to the result's own words.
    let title = match form.get("title").trim() {
        "" => source_title(state, tr, &source),
        typed => typed.to_owned(),
    };
    let request = ThemeRequest {
        title,
        goal: form.get("goal").to_owned(),
        cards: form.all("card").map(str::to_owned).collect(),
        source,
    };
    match logic::add_theme(state, viewer, year, &request).await {
        Ok(id) => Ok(Redirect::to(&format!("/ontwikkelplan/thema/{id}")).into_response()),
        Err(error) => {
            let mut page = plan_page(state, tr, viewer, year).await?;
            if request.source.kind.is_empty() {
                page.title = request.title;
                page.goal = request.goal;
            }
            refused(page, tr, error.into())
        }
    }
}

fn refused(mut page: PlanPage, tr: Tr, error: AppError) -> Result<Response, AppError> {
    let (status, code) = error.into_refusal()?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    render_refused(&page, status)
}

pub async fn post_share(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(year): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let year = parse_year(&year)?;
    match logic::share(&state, &viewer, year, form.get("email")).await {
        Ok(()) => Ok(back(year, "gedeeld")),
        Err(error) => {
            let mut page = plan_page(&state, tr, &viewer, year).await?;
            form.get("email").clone_into(&mut page.email);
            refused(page, tr, error.into())
        }
    }
}

pub async fn post_unshare(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((year, person)): Path<(String, i64)>,
) -> Result<Response, AppError> {
    let year = parse_year(&year)?;
    logic::unshare(&state, &viewer, year, PersonId(person)).await?;
    Ok(back(year, "ingetrokken"))
}

pub fn back(year: SchoolYear, notice: &str) -> Response {
    Redirect::to(&format!("/ontwikkelplan/{year}?melding={notice}")).into_response()
}
