//! `/reflecties`: a person's moments on a timeline, starting a new one, what others shared.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_domain::accounts::{Action, Target};
use leidraad_store::reflections::ReflectionRecord;

use super::super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::{AppError, OwnErrorBody};
use crate::form::FormFields;
use crate::i18n::Tr;

pub struct MomentView {
    pub id: i64,
    pub started: String,
    pub finished: Option<String>,
    pub author: String,
}

#[derive(Template)]
#[template(path = "reflections.html")]
pub struct ReflectionsPage {
    page: PageContext,
    moments: Vec<MomentView>,
    shared: Vec<MomentView>,
    organisations: Vec<(i64, String)>,
    domains: Vec<(String, String)>,
    last_finished: Option<i64>,
    error: String,
}

fn moment(tr: Tr, record: &ReflectionRecord, author: String) -> MomentView {
    let date =
        |at: i64| leidraad_domain::local_time::LocalDateTime::amsterdam(at).format_date(tr.lang);
    MomentView {
        id: record.id,
        started: date(record.started_at),
        finished: record.finished_at.map(date),
        author,
    }
}

async fn page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<ReflectionsPage, AppError> {
    let moments = leidraad_app::reflections::moments(state, viewer).await?;
    let (own, shared) = (moments.own, moments.shared);
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::Internal)?;
    Ok(ReflectionsPage {
        page: PageContext::new(tr, "/reflecties", Section::Other),
        last_finished: own
            .iter()
            .rev()
            .find(|r| r.finished_at.is_some())
            .map(|r| r.id),
        moments: own
            .iter()
            .rev()
            .map(|r| moment(tr, r, String::new()))
            .collect(),
        shared: shared
            .iter()
            .map(|(r, author)| moment(tr, r, author.clone()))
            .collect(),
        organisations: viewer
            .memberships
            .iter()
            .filter(|m| {
                viewer.allowed(
                    Action::StartReflection,
                    &Target::organisation(m.organisation.organisation_id()),
                )
            })
            .map(|m| (m.organisation.id, m.organisation.name.clone()))
            .collect(),
        domains: framework
            .domains
            .iter()
            .map(|d| (d.id.clone(), tr.pick(&d.title).to_owned()))
            .collect(),
        error: String::new(),
    })
}

pub async fn get_reflections(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&page(&state, tr, &viewer).await?)
}

pub async fn post_reflection(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let started: Result<i64, AppError> = async {
        let organisation = form
            .get("organisation")
            .parse()
            .map_err(|_| AppError::BadRequest {
                code: "organisation-unknown",
            })?;
        let prefill_from = match form.get("prefill") {
            "" => None,
            id => Some(id.parse().map_err(|_| AppError::BadRequest {
                code: "prefill-unknown",
            })?),
        };
        let domains: Vec<String> = form.all("domain").map(str::to_owned).collect();
        let request = leidraad_app::reflections::NewReflectionRequest {
            organisation: leidraad_domain::accounts::OrganisationId(organisation),
            framework: None,
            domains: &domains,
            prefill_from,
        };
        Ok(leidraad_app::reflections::start(&state, &viewer, &request).await?)
    }
    .await;
    match started {
        Ok(id) => Ok(Redirect::to(&format!("/reflecties/{id}/sorteren")).into_response()),
        Err(AppError::BadRequest { code }) => {
            let mut page = page(&state, tr, &viewer).await?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            let mut response = render(&page)?;
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            response.extensions_mut().insert(OwnErrorBody);
            Ok(response)
        }
        Err(error) => Err(error),
    }
}
