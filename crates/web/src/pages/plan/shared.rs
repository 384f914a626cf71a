//! `/ontwikkelplan/gedeeld/{id}`: a plan its owner shared by name, read-only, for a coach or a
//! board member preparing the yearly development conversation.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use leidraad_app::plans as logic;

use super::view::{ThemeView, theme_view};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

#[derive(Template)]
#[template(path = "plan_shared.html")]
pub struct SharedPage {
    page: PageContext,
    title: String,
    owner: String,
    themes: Vec<ThemeView>,
}

pub async fn get_shared(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let shared = logic::shared_plan(&state, &viewer, id).await?;
    let year = shared.year;
    render(&SharedPage {
        page: PageContext::new(tr, format!("/ontwikkelplan/gedeeld/{id}"), Section::Other),
        title: tr.t2(
            "plan-shared-title",
            ("name", shared.owner_name.as_str()),
            (
                "year",
                format!("{}–{}", year.start_year(), year.start_year() + 1),
            ),
        ),
        owner: shared.owner_name.clone(),
        themes: shared
            .plan
            .themes
            .iter()
            .map(|t| theme_view(&state, tr, &shared.plan.plan.framework_id, t))
            .collect(),
    })
}
