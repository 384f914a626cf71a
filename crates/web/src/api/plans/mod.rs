//! The development plan in the API: one's plans per school year, a year's plan with its
//! themes (at most three), each theme's title, cards, status and free texts, its actions and
//! review moments, carrying a theme into the next year, sharing a plan by name, and the plans
//! others shared with the caller.
//!
//! A plan is its owner's alone: a theme of someone else gets 404 on every
//! `/api/v1/plan-themes/{id}` route, as one that does not exist; `/api/v1/shared-plans/{id}`
//! answers only whom the plan is shared with, and 404 to anyone else (its owner included,
//! who reads it under `/api/v1/plans/{year}`). A year without a plan answers 200 with no
//! themes and a null `id`: the plan is made with its first theme. Every rule is the app's and
//! the domain's; these handlers only read the request and write the answer.

use axum::http::Method;
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use leidraad_domain::development::SchoolYear;
use leidraad_store::plans::{FullPlan, ThemeRecord};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;
use crate::error::AppError;

mod input;
mod items;
mod sharing;
mod themes;
mod years;

use input::*;
use items::*;
use sharing::*;
use themes::*;
use years::*;

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(
        list_plans,
        get_plan,
        post_plan_theme,
        post_plan_share,
        delete_plan_share,
        get_plan_theme,
        patch_plan_theme,
        delete_plan_theme,
        put_plan_goal,
        put_plan_monitoring,
        put_plan_review,
        post_plan_carry_over,
        post_plan_action,
        patch_plan_action,
        delete_plan_action,
        post_plan_review_moment,
        patch_plan_review_moment,
        delete_plan_review_moment,
        list_shared_plans,
        get_shared_plan
    ),
    components(schemas(
        PlanSummary,
        PlanList,
        PlanDetail,
        PlanTheme,
        PlanSource,
        PlanAction,
        PlanReviewMoment,
        PlanPerson,
        PlanEarlierTheme,
        PlanThemeDetail,
        PlanThemeStatus,
        NewSourceKind,
        NewSourceBody,
        NewPlanThemeBody,
        PlanThemeCreated,
        PlanThemeChange,
        PlanGoalBody,
        PlanReviewBody,
        NewPlanActionBody,
        PlanActionChange,
        NewPlanReviewMomentBody,
        PlanReviewMomentChange,
        PlanItemCreated,
        PlanShareBody,
        SharedPlanItem,
        SharedPlanList,
        SharedPlanDetail
    )),
    tags(
        (name = "plans", description = "One's own development plan: a plan per school year \
            with at most three themes, each with its cards, source, goal, actions, \"how will \
            I know\", review moments, status and year-end review; sharing it by name. Only \
            their owner reaches them."),
        (name = "shared-plans", description = "Development plans others shared with the \
            caller by name (a coach, a board member), read only.")
    )
)]
pub struct PlanApi;

/// The rows of the route table ([`crate::routes::Reach::Personal`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    const THEME: &str = "/api/v1/plan-themes/{id}";
    vec![
        (M::GET, "/api/v1/plans", get(list_plans)),
        (M::GET, "/api/v1/plans/{year}", get(get_plan)),
        (
            M::POST,
            "/api/v1/plans/{year}/themes",
            post(post_plan_theme),
        ),
        (
            M::POST,
            "/api/v1/plans/{year}/shares",
            post(post_plan_share),
        ),
        (
            M::DELETE,
            "/api/v1/plans/{year}/shares/{person}",
            delete(delete_plan_share),
        ),
        (M::GET, THEME, get(get_plan_theme)),
        (M::PATCH, THEME, patch(patch_plan_theme)),
        (M::DELETE, THEME, delete(delete_plan_theme)),
        (
            M::PUT,
            "/api/v1/plan-themes/{id}/texts/goal",
            put(put_plan_goal),
        ),
        (
            M::PUT,
            "/api/v1/plan-themes/{id}/texts/monitoring",
            put(put_plan_monitoring),
        ),
        (
            M::PUT,
            "/api/v1/plan-themes/{id}/texts/review",
            put(put_plan_review),
        ),
        (
            M::POST,
            "/api/v1/plan-themes/{id}/carry-over",
            post(post_plan_carry_over),
        ),
        (
            M::POST,
            "/api/v1/plan-themes/{id}/actions",
            post(post_plan_action),
        ),
        (
            M::PATCH,
            "/api/v1/plan-themes/{id}/actions/{action}",
            patch(patch_plan_action),
        ),
        (
            M::DELETE,
            "/api/v1/plan-themes/{id}/actions/{action}",
            delete(delete_plan_action),
        ),
        (
            M::POST,
            "/api/v1/plan-themes/{id}/review-moments",
            post(post_plan_review_moment),
        ),
        (
            M::PATCH,
            "/api/v1/plan-themes/{id}/review-moments/{moment}",
            patch(patch_plan_review_moment),
        ),
        (
            M::DELETE,
            "/api/v1/plan-themes/{id}/review-moments/{moment}",
            delete(delete_plan_review_moment),
        ),
        (M::GET, "/api/v1/shared-plans", get(list_shared_plans)),
        (M::GET, "/api/v1/shared-plans/{id}", get(get_shared_plan)),
    ]
}

/// Where a theme came from, so the plan links back to it.
#[derive(Serialize, ToSchema)]
pub struct PlanSource {
    /// `own` (written from nothing), `focus-card`, `blind-spot`, `scan-gap`, or
    /// `carried-over` (a theme of last year's plan).
    #[schema(schema_with = source_kinds)]
    pub kind: String,
    /// The reflection, 360° round, team scan or last year's theme; null for `own`.
    pub id: Option<i64>,
    /// The card (focus card, blind spot) or statement (scan gap); empty otherwise.
    pub item: String,
}

fn source_kinds() -> utoipa::openapi::schema::ObjectBuilder {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some([
            "own",
            "focus-card",
            "blind-spot",
            "scan-gap",
            "carried-over",
        ]))
}

#[derive(Serialize, ToSchema)]
pub struct PlanAction {
    pub id: i64,
    pub text: String,
    /// `YYYY-MM-DD`; null for none.
    pub due_on: Option<String>,
    pub done: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PlanReviewMoment {
    pub id: i64,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    /// What was seen then; empty until written.
    pub note: String,
}

/// A theme with everything in it.
#[derive(Serialize, ToSchema)]
pub struct PlanTheme {
    pub id: i64,
    /// Its place in the plan, 1 to 3; a deleted theme's place is used again.
    pub position: i64,
    pub title: String,
    /// The goal in the leader's own words.
    pub goal: String,
    /// "How will I know": what monitoring looks like.
    pub monitoring: String,
    /// The review at the end of the school year.
    pub review: String,
    pub status: PlanThemeStatus,
    pub source: PlanSource,
    /// Card ids of the standard the theme is about.
    pub cards: Vec<String>,
    pub actions: Vec<PlanAction>,
    pub review_moments: Vec<PlanReviewMoment>,
    /// Unix seconds.
    pub updated_at: i64,
}

fn status_of(code: &str) -> PlanThemeStatus {
    match code {
        "underway" => PlanThemeStatus::Underway,
        "achieved" => PlanThemeStatus::Achieved,
        "stopped" => PlanThemeStatus::Stopped,
        _ => PlanThemeStatus::Planned,
    }
}

pub(crate) fn theme_body(theme: &ThemeRecord) -> PlanTheme {
    PlanTheme {
        id: theme.id,
        position: theme.position,
        title: theme.title.clone(),
        goal: theme.goal.clone(),
        monitoring: theme.monitoring.clone(),
        review: theme.review.clone(),
        status: status_of(&theme.status),
        source: PlanSource {
            kind: theme.source_kind.clone(),
            id: theme.source_id,
            item: theme.source_item.clone(),
        },
        cards: theme.cards.clone(),
        actions: theme
            .actions
            .iter()
            .map(|a| PlanAction {
                id: a.id,
                text: a.text.clone(),
                due_on: (!a.due_on.is_empty()).then(|| a.due_on.clone()),
                done: a.done,
            })
            .collect(),
        review_moments: theme
            .reviews
            .iter()
            .map(|r| PlanReviewMoment {
                id: r.id,
                due_on: r.due_on.clone(),
                note: r.note.clone(),
            })
            .collect(),
        updated_at: theme.updated_at,
    }
}

fn themes_of(plan: Option<&FullPlan>) -> Vec<PlanTheme> {
    plan.map(|p| p.themes.iter().map(theme_body).collect())
        .unwrap_or_default()
}

/// A stored plan's school year.
fn year_of(school_year: i64) -> Result<SchoolYear, AppError> {
    SchoolYear::from_stored(school_year).ok_or(AppError::Internal)
}
