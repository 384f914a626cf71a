//! `/teamscans`: one's own scans, and starting one for a school one leads (or, as a board
//! member, for any school of the organisation or across several). A board member also finds
//! the scans others run in their organisation here, each with their own estimate to give.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans::{self as logic, StartScanRequest};
use leidraad_domain::accounts::{Action, OrganisationId, SchoolId, Target};
use leidraad_domain::space_scan::DEFAULT_THRESHOLD;

use super::{closing_date, state_label};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

pub struct ScanLine {
    pub title: String,
    pub state: String,
    pub state_label: String,
    pub facts: String,
    pub href: String,
}

/// A scan someone else runs, in a board member's list: how many answered (never who) and how
/// far the board member's own estimate got.
pub struct BoardLine {
    pub title: String,
    pub state: String,
    pub state_label: String,
    pub facts: String,
    pub estimated: String,
    pub href: String,
}

/// A school one may start a scan for, in its organisation.
pub struct SchoolChoice {
    pub id: i64,
    pub name: String,
}

pub struct OrganisationChoice {
    pub id: i64,
    pub name: String,
    pub schools: Vec<SchoolChoice>,
    /// A board member: may choose several schools.
    pub across: bool,
}

/// The start form as posted, shown again when it is refused.
pub struct Posted {
    pub organisation: String,
    pub schools: Vec<String>,
    pub teams: String,
    pub title: String,
    pub closes_on: String,
    pub threshold: String,
}

#[derive(Template)]
#[template(path = "teamscans.html")]
pub struct ScansPage {
    page: PageContext,
    own: Vec<ScanLine>,
    board: Vec<BoardLine>,
    organisations: Vec<OrganisationChoice>,
    posted: Posted,
    error: String,
}

impl ScansPage {
    pub fn school_chosen(&self, id: &i64) -> bool {
        self.posted.schools.contains(&id.to_string())
    }

    pub fn organisation_chosen(&self, id: &i64) -> bool {
        self.posted.organisation == id.to_string()
    }

    /// The name of the one school of [`Self::only_school`].
    pub fn only_school_name(&self) -> String {
        self.organisations
            .first()
            .and_then(|o| o.schools.first())
            .map(|s| s.name.clone())
            .unwrap_or_default()
    }

    /// One school to choose from in all: no choice to make.
    pub fn only_school(&self) -> Option<(i64, i64)> {
        match self.organisations.as_slice() {
            [o] if o.schools.len() == 1 && !o.across => Some((o.id, o.schools[0].id)),
            _ => None,
        }
    }
}

async fn page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<ScansPage, AppError> {
    let own = logic::scans_of(state, viewer)
        .await?
        .iter()
        .map(|s| ScanLine {
            title: s.scan.title.clone(),
            state: s.scan.state.code().to_owned(),
            state_label: state_label(tr, s.scan.state),
            facts: tr.t2(
                "scan-line-facts",
                ("answered", usize::try_from(s.answered).unwrap_or(0)),
                ("date", closing_date(tr, s.scan.closes_at)),
            ),
            href: format!("/teamscans/{}", s.scan.id),
        })
        .collect();
    Ok(ScansPage {
        page: PageContext::new(tr, "/teamscans", Section::Other),
        own,
        board: board_lines(state, tr, viewer).await?,
        organisations: organisations(state, viewer).await?,
        posted: Posted {
            organisation: String::new(),
            schools: Vec::new(),
            teams: String::new(),
            title: tr.t("scan-title-default").into_owned(),
            closes_on: default_closing(state),
            threshold: DEFAULT_THRESHOLD.to_string(),
        },
        error: String::new(),
    })
}

/// The scans of others in the organisations where the viewer is a board member.
async fn board_lines(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
) -> Result<Vec<BoardLine>, AppError> {
    Ok(logic::board_scans(state, viewer)
        .await?
        .iter()
        .map(|s| BoardLine {
            title: s.record.title.clone(),
            state: s.record.state.code().to_owned(),
            state_label: state_label(tr, s.record.state),
            facts: format!(
                "{} · {}",
                s.schools.join(", "),
                tr.t2(
                    "scan-line-facts",
                    ("answered", usize::try_from(s.answered).unwrap_or(0)),
                    ("date", closing_date(tr, s.record.closes_at)),
                )
            ),
            estimated: tr.t2(
                "scan-estimated-of",
                ("done", s.estimated),
                ("total", s.statements),
            ),
            href: format!("/teamscans/{}/bestuur", s.record.id),
        })
        .collect())
}

/// The organisations and schools the viewer may start a scan for.
async fn organisations(
    state: &AppState,
    viewer: &Viewer,
) -> Result<Vec<OrganisationChoice>, AppError> {
    let mut choices = Vec::new();
    for membership in &viewer.memberships {
        let organisation = membership.organisation.organisation_id();
        let schools: Vec<SchoolChoice> = state
            .store
            .schools(organisation)
            .await?
            .into_iter()
            .filter(|s| {
                viewer.allowed(
                    Action::StartSpaceScan,
                    &Target::school(organisation, SchoolId(s.id)),
                )
            })
            .map(|s| SchoolChoice {
                id: s.id,
                name: s.name,
            })
            .collect();
        if schools.is_empty() {
            continue;
        }
        choices.push(OrganisationChoice {
            id: membership.organisation.id,
            name: membership.organisation.name.clone(),
            across: viewer.allowed(Action::StartSpaceScan, &Target::organisation(organisation)),
            schools,
        });
    }
    Ok(choices)
}

/// Three weeks from today: long enough for a team to answer between two meetings.
fn default_closing(state: &AppState) -> String {
    let local =
        leidraad_domain::local_time::LocalDateTime::amsterdam(state.clock.now() + 21 * 86_400);
    format!("{:04}-{:02}-{:02}", local.year, local.month, local.day)
}

pub async fn get_scans(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&page(&state, tr, &viewer).await?)
}

pub async fn post_start(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let posted = Posted {
        organisation: form.get("organisation").to_owned(),
        schools: form.all("school").map(str::to_owned).collect(),
        teams: form.get("teams").to_owned(),
        title: form.get("title").to_owned(),
        closes_on: form.get("closes_on").to_owned(),
        threshold: form.get("threshold").to_owned(),
    };
    let (status, code) = match start(&state, &viewer, &posted).await {
        Ok(id) => return Ok(Redirect::to(&format!("/teamscans/{id}")).into_response()),
        Err(error) => error.into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    page.posted = posted;
    render_refused(&page, status)
}

async fn start(state: &AppState, viewer: &Viewer, posted: &Posted) -> Result<i64, AppError> {
    let organisation = posted
        .organisation
        .parse()
        .map(OrganisationId)
        .map_err(|_| AppError::BadRequest {
            code: "organisation-unknown",
        })?;
    let schools = posted
        .schools
        .iter()
        .map(|s| s.parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| AppError::BadRequest {
            code: "scan-school-unknown",
        })?;
    let request = StartScanRequest {
        organisation,
        schools,
        teams: posted.teams.lines().map(str::to_owned).collect(),
        title: posted.title.clone(),
        closes_on: posted.closes_on.clone(),
        threshold: posted.threshold.clone(),
    };
    Ok(logic::start(state, viewer, &request).await?)
}
