//! The owner's scans: the list, starting one, one scan's overview, mailing personal links and
//! releasing the results.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leidraad_app::Viewer;
use leidraad_app::space_scans::{self as logic, StartScanRequest};
use leidraad_domain::accounts::OrganisationId;
use leidraad_store::space_scans::{ScanRecord, ScanState};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{closing_day, input, share_url};
use crate::AppState;
use crate::api::JsonBody;
use crate::auth::SignedIn;
use crate::error::AppError;

/// A scan in the owner's list.
#[derive(Serialize, ToSchema)]
pub struct ScanItem {
    pub id: i64,
    pub title: String,
    /// `open` (answers are taken until the closing day), `gesloten` (closed, being released)
    /// or `vrijgegeven` (released: the results are there, the answers and links are gone).
    #[schema(example = "open")]
    pub state: String,
    /// The last day answers are taken (`YYYY-MM-DD`, Amsterdam).
    #[schema(example = "2027-03-31")]
    pub closes_on: String,
    /// The results show anything only from this many answers on.
    pub threshold: i64,
    /// How many answered so far (after release: how many the results count); never who.
    pub answered: i64,
    /// When the results were released (Unix seconds); null before.
    pub released_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanList {
    /// The caller's own scans, newest first.
    pub scans: Vec<ScanItem>,
}

/// How many answered: the count while the scan runs; after release the answers are gone and
/// the results hold the number.
async fn answered(
    state: &AppState,
    viewer: &Viewer,
    record: &ScanRecord,
    counted: i64,
) -> Result<i64, AppError> {
    if record.state == ScanState::Released {
        Ok(logic::results(state, viewer, record.id).await?.answered)
    } else {
        Ok(counted)
    }
}

async fn item(
    state: &AppState,
    viewer: &Viewer,
    record: &ScanRecord,
    counted: i64,
) -> Result<ScanItem, AppError> {
    Ok(ScanItem {
        id: record.id,
        title: record.title.clone(),
        state: record.state.code().to_owned(),
        closes_on: closing_day(record.closes_at),
        threshold: record.threshold,
        answered: answered(state, viewer, record, counted).await?,
        released_at: record.released_at,
    })
}

/// The caller's own scans with how many answered.
#[utoipa::path(get, path = "/api/v1/scans", tag = "scans", responses((status = 200, body = ScanList)))]
pub async fn list_scans(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
) -> Result<Json<ScanList>, AppError> {
    let mut scans = Vec::new();
    for summary in logic::scans_of(&state, &viewer).await? {
        scans.push(item(&state, &viewer, &summary.scan, summary.answered).await?);
    }
    Ok(Json(ScanList { scans }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewScanBody {
    /// The organisation the scan is held in.
    #[serde(deserialize_with = "crate::api::input::whole")]
    pub organisation: i64,
    /// School ids of the organisation: one a school leader leads, or (for a board member)
    /// any, or several, each then a unit of its own.
    #[serde(deserialize_with = "crate::api::input::whole_list")]
    #[schema(min_items = 1)]
    pub schools: Vec<i64>,
    #[serde(default)]
    #[schema(schema_with = input::teams)]
    pub teams: Vec<String>,
    #[schema(schema_with = input::title)]
    pub title: String,
    #[schema(schema_with = input::closing_day)]
    pub closes_on: String,
    /// The results (and every subgroup and statement in them) are shown only from this many
    /// answers on: at least 3; 5 when left out.
    #[serde(default, deserialize_with = "crate::api::input::optional_whole")]
    #[schema(minimum = 3)]
    pub threshold: Option<i64>,
}

/// A unit of a scan (the school, a team, or one school of a scan across schools) with its
/// shared link.
#[derive(Serialize, ToSchema)]
pub struct ScanUnit {
    pub id: i64,
    pub label: String,
    /// The school the unit belongs to.
    pub school: Option<i64>,
    /// The shared link to hand out (as a QR code in the staff room): each browser that opens
    /// it gets a link of its own and answers once.
    #[schema(example = "https://leidraad.example/s/3f…")]
    pub share_url: String,
}

fn units(state: &AppState, units: &[leidraad_store::space_scans::UnitRecord]) -> Vec<ScanUnit> {
    units
        .iter()
        .map(|u| ScanUnit {
            id: u.id,
            label: u.label.clone(),
            school: u.school_id.map(|s| s.get()),
            share_url: share_url(state, &u.share_token),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct CreatedScan {
    pub id: i64,
    pub units: Vec<ScanUnit>,
}

/// Starts a scan, open at once, with a shared link per unit.
#[utoipa::path(post, path = "/api/v1/scans", tag = "scans", request_body = NewScanBody, responses(
    (status = 201, body = CreatedScan),
    (status = 400, description = "a school that is not one of the organisation's (`scan-school-unknown`), a title or team name the rules refuse (`scan-label-invalid`), a threshold below 3 (`scan-threshold-too-low`), more than 12 teams, a team named twice or teams in a scan of several schools (`scan-teams-too-many`, `scan-team-twice`, `scan-teams-one-school`), or a closing day that is no date, has passed or is more than a year ahead (`feedback-date-invalid`, `feedback-date-past`, `feedback-date-too-far`); nothing is stored", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 403, description = "the caller may not start a scan for these schools (`forbidden`): a school leader for a school they lead, a board member for any; or a cross-site request", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 404, description = "the caller is not a member of `organisation`", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_scan(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    JsonBody(body): JsonBody<NewScanBody>,
) -> Result<Response, AppError> {
    let request = StartScanRequest {
        organisation: OrganisationId(body.organisation),
        schools: body.schools,
        teams: body.teams,
        title: body.title,
        closes_on: body.closes_on,
        threshold: body.threshold.map(|t| t.to_string()).unwrap_or_default(),
    };
    let id = logic::start(&state, &viewer, &request).await?;
    let overview = logic::overview(&state, &viewer, id).await?;
    let created = CreatedScan {
        id,
        units: units(&state, &overview.units),
    };
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// An address a personal link was mailed to. Whether it answered is not known to anyone.
#[derive(Serialize, ToSchema)]
pub struct ScanInvitation {
    pub unit: i64,
    pub email: String,
}

/// One scan as its owner follows it.
#[derive(Serialize, ToSchema)]
pub struct ScanDetail {
    #[serde(flatten)]
    pub summary: ScanItem,
    /// Whether enough answered for `POST …/release`.
    pub may_release: bool,
    pub units: Vec<ScanUnit>,
    /// The addresses personal links were mailed to.
    pub invited: Vec<ScanInvitation>,
    /// How many statements the owner's estimate answers, of `statements`.
    pub estimated: usize,
    pub statements: usize,
}

/// One scan: its units with their shared links, whom it mailed, how many answered (in all,
/// never per unit or who) and how far the owner's estimate got.
#[utoipa::path(get, path = "/api/v1/scans/{id}", tag = "scans", params(("id" = i64, Path)), responses((status = 200, body = ScanDetail)))]
pub async fn get_scan(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Json<ScanDetail>, AppError> {
    let overview = logic::overview(&state, &viewer, id).await?;
    Ok(Json(ScanDetail {
        summary: item(&state, &viewer, &overview.record, overview.answered).await?,
        may_release: overview.record.state != ScanState::Released && overview.may_release(),
        units: units(&state, &overview.units),
        invited: overview
            .invited
            .iter()
            .map(|(unit, email)| ScanInvitation {
                unit: *unit,
                email: email.clone(),
            })
            .collect(),
        estimated: overview.estimated,
        statements: overview.statements,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanInvitationsBody {
    /// The unit the links are for.
    #[serde(deserialize_with = "crate::api::input::whole")]
    pub unit: i64,
    #[schema(schema_with = input::addresses)]
    pub addresses: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScanMailed {
    /// How many links were mailed: addresses the scan had mailed before are skipped.
    pub mailed: usize,
}

/// Mails a personal link to every address in the list that the scan has not mailed yet.
#[utoipa::path(post, path = "/api/v1/scans/{id}/invitations", tag = "scans", params(("id" = i64, Path)), request_body = ScanInvitationsBody, responses(
    (status = 200, body = ScanMailed),
    (status = 400, description = "an entry that is not an e-mail address, or no address at all (`scan-email-invalid`), or more than 500 (`scan-invitations-too-many`); nobody is mailed", body = crate::api::ProblemSchema, content_type = "application/problem+json"),
    (status = 409, description = "the scan takes no more answers (`scan-closed`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_invitations(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<ScanInvitationsBody>,
) -> Result<Json<ScanMailed>, AppError> {
    let mailed = logic::invite(&state, &viewer, id, body.unit, &body.addresses).await?;
    Ok(Json(ScanMailed { mailed }))
}

/// Closes the scan and releases its results: computed once by the anonymity rules and
/// stored; the answers, links and drafts are deleted.
#[utoipa::path(post, path = "/api/v1/scans/{id}/release", tag = "scans", params(("id" = i64, Path)), responses(
    (status = 204, description = "Released: `GET …/results` shows them."),
    (status = 409, description = "fewer answered than the threshold (`scan-too-few-responses`), the results are released already (`scan-released`), or an answer came in while releasing (`scan-text-changed`): try again", body = crate::api::ProblemSchema, content_type = "application/problem+json")
))]
pub async fn post_release(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    logic::release(&state, &viewer, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
