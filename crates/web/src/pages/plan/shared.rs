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

/// An activity that served a theme, with its evidence files to download.
pub struct ServedActivity {
    pub title: String,
    pub facts: String,
    pub learned: String,
    pub files: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "plan_shared.html")]
pub struct SharedPage {
    page: PageContext,
    title: String,
    owner: String,
    /// Per theme (in the themes' order), the activities that served it.
    themes: Vec<(ThemeView, Vec<ServedActivity>)>,
}

fn served(tr: Tr, activity: &leidraad_store::learning_log::ActivityRecord) -> ServedActivity {
    let day = leidraad_domain::development::Day::parse(&activity.happened_on)
        .map_or(activity.happened_on.clone(), |d| d.format(tr.lang));
    let kind = tr.t(&format!("log-kind-{}", activity.kind)).into_owned();
    let mut facts = vec![day, kind.clone()];
    if activity.points > 0 {
        facts.push(tr.t1("portfolio-points-of", "points", activity.points));
    }
    ServedActivity {
        title: if activity.title.is_empty() {
            kind
        } else {
            activity.title.clone()
        },
        facts: facts.join(" · "),
        learned: activity.learned.clone(),
        files: activity
            .evidence
            .iter()
            .map(|f| (format!("/logboek/bestanden/{}", f.id), f.filename.clone()))
            .collect(),
    }
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
            ("year", year.label()),
        ),
        owner: shared.owner_name.clone(),
        themes: shared
            .plan
            .themes
            .iter()
            .map(|t| {
                let activities = shared
                    .activities
                    .iter()
                    .filter(|a| a.themes.iter().any(|(id, _)| *id == t.id))
                    .map(|a| served(tr, a))
                    .collect();
                (
                    theme_view(&state, tr, &shared.plan.plan.framework_id, t),
                    activities,
                )
            })
            .collect(),
    })
}
