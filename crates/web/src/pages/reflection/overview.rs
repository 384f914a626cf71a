//! `/reflecties`: a person's moments on a timeline, starting a new one, what others shared.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::reflections::{self as logic, Moment, NewReflectionRequest, Timeline};
use leidraad_domain::accounts::{Action, OrganisationId, Target};
use leidraad_domain::local_time::LocalDateTime;
use leidraad_store::reflections::ReflectionRecord;

use super::super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;

/// A moment as the timeline shows it: each line tells two moments of one day apart.
pub struct MomentView {
    pub id: i64,
    /// Date and time it began.
    pub started: String,
    pub finished: Option<String>,
    /// "Hele standaard", or the domains.
    pub scope: String,
    /// "12 van 80 kaarten gesorteerd".
    pub progress: String,
    /// One line for the comparison's lists: when, and whether finished.
    pub option: String,
    pub author: String,
}

/// What was posted to start a moment, sent again once the person confirms.
#[derive(Default)]
pub struct Posted {
    organisation: String,
    domains: Vec<String>,
    prefill: String,
}

#[derive(Template)]
#[template(path = "reflections.html")]
pub struct ReflectionsPage {
    page: PageContext,
    moments: Vec<MomentView>,
    /// The open moment, to go on with first.
    open: Option<MomentView>,
    compare: (i64, i64),
    shared: Vec<MomentView>,
    organisations: Vec<(i64, String)>,
    domains: Vec<(String, String)>,
    last_finished: Option<i64>,
    /// Starting another moment while one is open: asked once more, with what was posted.
    confirm: Option<Posted>,
    error: String,
}

fn moment(tr: Tr, state: &AppState, moment: &Moment) -> MomentView {
    let record = &moment.record;
    let scope = if moment.whole {
        tr.t("timeline-whole-standard").into_owned()
    } else {
        domain_names(tr, state, record)
    };
    let started = when(tr, record.started_at);
    let finished = record.finished_at.map(|at| when(tr, at));
    let progress = tr.t2(
        "timeline-progress",
        ("sorted", moment.sorted),
        ("total", moment.total),
    );
    let status = match &finished {
        Some(_) => tr.t("timeline-finished"),
        None => tr.t("reflection-open"),
    };
    MomentView {
        id: record.id,
        option: format!("{started} · {status}"),
        started,
        finished,
        scope,
        progress,
        author: String::new(),
    }
}

fn shared_moment(tr: Tr, record: &ReflectionRecord, author: &str) -> MomentView {
    MomentView {
        id: record.id,
        started: when(tr, record.started_at),
        finished: record.finished_at.map(|at| when(tr, at)),
        scope: String::new(),
        progress: String::new(),
        option: String::new(),
        author: author.to_owned(),
    }
}

fn when(tr: Tr, at: i64) -> String {
    LocalDateTime::amsterdam(at).format(tr.lang)
}

fn domain_names(tr: Tr, state: &AppState, record: &ReflectionRecord) -> String {
    let Some(framework) = state.library.framework(&record.framework_id) else {
        return String::new();
    };
    let names: Vec<&str> = framework
        .domains
        .iter()
        .filter(|d| record.domains.contains(&d.id))
        .map(|d| tr.pick(&d.title))
        .collect();
    names.join(", ")
}

async fn page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<ReflectionsPage, AppError> {
    let timeline = logic::timeline(state, viewer).await?;
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::Internal)?;
    let open = timeline
        .open_on(&framework.id)
        .map(|m| moment(tr, state, m));
    let Timeline {
        own,
        shared,
        compare,
    } = timeline;
    Ok(ReflectionsPage {
        page: PageContext::new(tr, "/reflecties", Section::Other),
        last_finished: own
            .iter()
            .find(|m| m.record.finished_at.is_some())
            .map(|m| m.record.id),
        moments: own.iter().map(|m| moment(tr, state, m)).collect(),
        open,
        compare: compare.unwrap_or_default(),
        shared: shared
            .iter()
            .map(|(r, author)| shared_moment(tr, r, author))
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
        confirm: None,
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
    let posted = Posted {
        organisation: form.get("organisation").to_owned(),
        domains: form.all("domain").map(str::to_owned).collect(),
        prefill: form.get("prefill").to_owned(),
    };
    let started = start(&state, &viewer, &posted, form.get("bevestiging") == "ja").await;
    let (status, code) = match started {
        Ok(id) => return Ok(Redirect::to(&format!("/reflecties/{id}/sorteren")).into_response()),
        Err(error) => error.into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer).await?;
    if code == "reflection-open-exists" && page.open.is_some() {
        page.confirm = Some(posted);
    } else {
        page.error = tr.t(&format!("problem-{code}")).into_owned();
    }
    render_refused(&page, status)
}

async fn start(
    state: &AppState,
    viewer: &Viewer,
    posted: &Posted,
    confirmed: bool,
) -> Result<i64, AppError> {
    let organisation = posted
        .organisation
        .parse()
        .map_err(|_| AppError::BadRequest {
            code: "organisation-unknown",
        })?;
    let prefill_from = match posted.prefill.as_str() {
        "" => None,
        id => Some(id.parse().map_err(|_| AppError::BadRequest {
            code: "prefill-unknown",
        })?),
    };
    let request = NewReflectionRequest {
        organisation: OrganisationId(organisation),
        framework: None,
        domains: &posted.domains,
        prefill_from,
        confirmed,
    };
    Ok(logic::start(state, viewer, &request).await?)
}
