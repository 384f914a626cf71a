//! One's plans per school year: the list, a year's plan, and adding a theme to it (the plan
//! is made with its first theme).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leidraad_app::plans::{self as logic, SourceRequest, ThemeRequest};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::input::{self, NewSourceBody, YearPath, card_ids, school_year};
use super::{PlanTheme, themes_of, year_of};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

/// A plan in the owner's list.
#[derive(Serialize, ToSchema)]
pub struct PlanSummary {
    pub id: i64,
    #[schema(example = "2026-2027")]
    pub year: String,
    /// How many themes it holds (at most three).
    pub themes: i64,
    /// Unix seconds.
    pub updated_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct PlanList {
    /// The school year of today (Europe/Amsterdam; a school year starts on 1 August).
    #[schema(example = "2026-2027")]
    pub current_year: String,
    /// The caller's plans, newest school year first.
    pub plans: Vec<PlanSummary>,
}

/// The caller's plans, and the school year of today.
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans", responses((status = 200, body = PlanList)))]
pub async fn list_plans(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<PlanList>, AppError> {
    let mut plans = Vec::new();
    for (plan, themes) in logic::plans_of(&state, &viewer).await? {
        plans.push(PlanSummary {
            id: plan.id,
            year: year_of(plan.school_year)?.to_string(),
            themes,
            updated_at: plan.updated_at,
        });
    }
    Ok(Json(PlanList {
        current_year: logic::current_year(&state).to_string(),
        plans,
    }))
}

/// Someone a plan is shared with.
#[derive(Serialize, ToSchema)]
pub struct PlanPerson {
    pub id: i64,
    pub name: String,
}

/// A theme of the year before, which `POST /api/v1/plan-themes/{id}/carry-over` brings into
/// this year's plan.
#[derive(Serialize, ToSchema)]
pub struct PlanEarlierTheme {
    pub id: i64,
    pub title: String,
    pub status: super::PlanThemeStatus,
    /// Whether it is carried into this year's plan already.
    pub carried: bool,
}

/// A school year's plan.
#[derive(Serialize, ToSchema)]
pub struct PlanDetail {
    /// Null while the year has no plan: the first theme makes it.
    pub id: Option<i64>,
    #[schema(example = "2026-2027")]
    pub year: String,
    /// At most three, in their places.
    pub themes: Vec<PlanTheme>,
    /// Whom the plan is shared with, by name.
    pub shared_with: Vec<PlanPerson>,
    /// The themes of the year before's plan.
    pub earlier_themes: Vec<PlanEarlierTheme>,
}

/// One school year's plan with its themes; a year without a plan has none (and a null `id`).
#[utoipa::path(get, path = "/api/v1/plans/{year}", tag = "plans", params(YearPath), responses(
    (status = 200, body = PlanDetail),
    (status = 400, description = "the year is not written as `2026-2027` (`school-year-invalid`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn get_plan(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(path): Path<YearPath>,
) -> Result<Json<PlanDetail>, AppError> {
    let year = school_year(&path.year)?;
    let view = logic::own_plan(&state, &viewer, year).await?;
    let carried = |id: i64| {
        view.plan.as_ref().is_some_and(|plan| {
            plan.themes
                .iter()
                .any(|t| t.source_kind == "carried-over" && t.source_id == Some(id))
        })
    };
    let earlier_themes = view
        .earlier
        .as_ref()
        .map(|earlier| {
            earlier
                .themes
                .iter()
                .map(|t| PlanEarlierTheme {
                    id: t.id,
                    title: t.title.clone(),
                    status: super::status_of(&t.status),
                    carried: carried(t.id),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Json(PlanDetail {
        id: view.plan.as_ref().map(|p| p.plan.id),
        year: year.to_string(),
        themes: themes_of(view.plan.as_ref()),
        shared_with: view
            .viewers
            .iter()
            .map(|(person, name)| PlanPerson {
                id: person.get(),
                name: name.clone(),
            })
            .collect(),
        earlier_themes,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPlanThemeBody {
    #[schema(schema_with = input::title)]
    pub title: String,
    /// The goal in one's own words; left out for none yet.
    #[serde(default)]
    #[schema(schema_with = input::goal)]
    pub goal: String,
    #[serde(default)]
    #[schema(schema_with = input::cards)]
    pub cards: Vec<String>,
    /// The result it is made from; left out for one's own theme.
    #[serde(default)]
    pub source: Option<NewSourceBody>,
}

/// A theme made: its id, and the school year of its plan.
#[derive(Serialize, ToSchema)]
pub struct PlanThemeCreated {
    pub id: i64,
    #[schema(example = "2026-2027")]
    pub year: String,
}

/// A 201 with the theme's address.
pub(super) fn created(id: i64, year: String) -> Response {
    let mut response = (StatusCode::CREATED, Json(PlanThemeCreated { id, year })).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/plan-themes/{id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Adds a theme to the plan of `year`, made with it when it is the first: one's own, or made
/// from a result of one's own (a focus card, a blind spot, a scan gap).
#[utoipa::path(post, path = "/api/v1/plans/{year}/themes", tag = "plans", params(YearPath), request_body = NewPlanThemeBody, responses(
    (status = 201, body = PlanThemeCreated, headers(("Location" = String, description = "`/api/v1/plan-themes/{id}`"))),
    (status = 400, description = "the year is not written as `2026-2027` (`school-year-invalid`), a title or goal the rules refuse (`plan-title-invalid`, `plan-text-invalid`), a card that is not one of the standard (`plan-card-unknown`) or more than nine (`plan-too-many-cards`), or a source that is not a result of the caller's own that says what it names (`plan-source-unknown`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the plan holds three themes: the standard asks for no more than two or three subjects a year (`plan-too-many-themes`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_plan_theme(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(path): Path<YearPath>,
    JsonBody(body): JsonBody<NewPlanThemeBody>,
) -> Result<Response, AppError> {
    let year = school_year(&path.year)?;
    let source = body
        .source
        .map_or_else(SourceRequest::default, |s| SourceRequest {
            kind: s.kind.code().to_owned(),
            id: s.id,
            item: s.item,
        });
    let request = ThemeRequest {
        title: body.title,
        goal: body.goal,
        cards: card_ids(body.cards)?,
        source,
    };
    let id = logic::add_theme(&state, &viewer, year, &request).await?;
    Ok(created(id, year.to_string()))
}
