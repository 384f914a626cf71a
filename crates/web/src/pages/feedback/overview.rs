//! `/feedback`: a leader's rounds, the rounds a coach is asked to approve, the reports shared
//! with the person, and starting a round.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::feedback::{self as logic, NewRoundRequest, ScopeChoice};
use leidraad_domain::accounts::{Action, OrganisationId, Target};
use leidraad_store::feedback::RoundRecord;

use super::{closing_date, state_label};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

/// One round in a list.
pub struct RoundLine {
    pub state: String,
    pub state_label: String,
    pub closes: String,
    /// "4 van 9 beantwoord", for one's own open rounds; the leader's name for others'.
    pub facts: String,
    pub href: String,
}

/// What was posted to start a round, shown again when it is refused.
pub struct Posted {
    pub scope: String,
    pub domains: Vec<String>,
    pub request: String,
    pub closes_on: String,
}

#[derive(Template)]
#[template(path = "feedback.html")]
pub struct FeedbackPage {
    page: PageContext,
    own: Vec<RoundLine>,
    to_approve: Vec<RoundLine>,
    shared: Vec<RoundLine>,
    organisations: Vec<(i64, String)>,
    domains: Vec<(String, String)>,
    posted: Posted,
    error: String,
}

impl FeedbackPage {
    pub fn scope_is(&self, scope: &str) -> bool {
        self.posted.scope == scope
    }

    pub fn domain_chosen(&self, id: &str) -> bool {
        self.posted.domains.iter().any(|d| d == id)
    }
}

fn line(tr: Tr, record: &RoundRecord, facts: String, href: String) -> RoundLine {
    RoundLine {
        state: record.state.code().to_owned(),
        state_label: state_label(tr, record.state.code()),
        closes: closing_date(tr, record.closes_at),
        facts,
        href,
    }
}

/// Three weeks from today: long enough for a team to answer between two meetings.
fn default_closing(state: &AppState) -> String {
    let local =
        leidraad_domain::local_time::LocalDateTime::amsterdam(state.clock.now() + 21 * 86_400);
    format!("{:04}-{:02}-{:02}", local.year, local.month, local.day)
}

async fn page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<FeedbackPage, AppError> {
    let overview = logic::overview(state, viewer).await?;
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::Internal)?;
    let own = overview
        .own
        .iter()
        .map(|s| {
            let facts = tr.t2(
                "feedback-answered-of",
                ("answered", usize::try_from(s.answered).unwrap_or(0)),
                ("invited", usize::try_from(s.invited).unwrap_or(0)),
            );
            line(tr, &s.round, facts, format!("/feedback/{}", s.round.id))
        })
        .collect();
    let to_approve = overview
        .to_approve
        .iter()
        .map(|(r, leader)| {
            line(
                tr,
                r,
                leader.clone(),
                format!("/feedback/{}/goedkeuren", r.id),
            )
        })
        .collect();
    let shared = overview
        .shared
        .iter()
        .map(|(r, leader)| line(tr, r, leader.clone(), format!("/feedback/{}/rapport", r.id)))
        .collect();
    Ok(FeedbackPage {
        page: PageContext::new(tr, "/feedback", Section::Other),
        own,
        to_approve,
        shared,
        organisations: viewer
            .memberships
            .iter()
            .filter(|m| {
                viewer.allowed(
                    Action::StartFeedbackRound,
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
        posted: Posted {
            scope: "standaard".into(),
            domains: Vec::new(),
            request: tr.t("feedback-request-default").into_owned(),
            closes_on: default_closing(state),
        },
        error: String::new(),
    })
}

pub async fn get_feedback(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&page(&state, tr, &viewer).await?)
}

pub async fn post_feedback(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let posted = Posted {
        scope: form.get("scope").to_owned(),
        domains: form.all("domain").map(str::to_owned).collect(),
        request: form.get("request").to_owned(),
        closes_on: form.get("closes_on").to_owned(),
    };
    let started = start(&state, &viewer, &posted, form.get("organisation")).await;
    let (status, code) = match started {
        Ok(id) => return Ok(Redirect::to(&format!("/feedback/{id}")).into_response()),
        Err(error) => error.into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    page.posted = posted;
    render_refused(&page, status)
}

async fn start(
    state: &AppState,
    viewer: &Viewer,
    posted: &Posted,
    organisation: &str,
) -> Result<i64, AppError> {
    let organisation =
        organisation
            .parse()
            .map(OrganisationId)
            .map_err(|_| AppError::BadRequest {
                code: "organisation-unknown",
            })?;
    let scope = parse_scope(&posted.scope, &posted.domains)?;
    Ok(logic::start_round(
        state,
        viewer,
        &NewRoundRequest {
            organisation,
            scope,
            request: &posted.request,
            closes_on: &posted.closes_on,
        },
    )
    .await?)
}

/// The scope as forms and the API name it: `standaard`, `domeinen` (with the chosen domains)
/// or `focus`.
pub fn parse_scope(scope: &str, domains: &[String]) -> Result<ScopeChoice, AppError> {
    Ok(ScopeChoice::from_code(scope, domains)?)
}
