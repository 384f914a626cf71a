//! `/teamscans/{id}` while a scan runs: how many answered (never who) against the threshold,
//! each unit's shared link with its QR code for the staff room, personal links by mail, the
//! estimate's progress, releasing, deleting. A released scan's page is its results.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::space_scans::{self as logic, ScanOverview};
use leidraad_store::space_scans::ScanState;

use super::{closing_date, share_url, state_label};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, qr_svg, render, render_refused};

/// One unit with its shared link.
pub struct UnitView {
    pub id: i64,
    pub label: String,
    pub url: String,
    pub qr: String,
    /// The addresses mailed for this unit.
    pub invited: Vec<String>,
}

#[derive(Template)]
#[template(path = "teamscan.html")]
pub struct OverviewPage {
    page: PageContext,
    id: i64,
    title: String,
    state: String,
    state_label: String,
    closes: String,
    open: bool,
    threshold: i64,
    /// Percent of the threshold reached, for the meter (at most 100).
    reached: i64,
    units: Vec<UnitView>,
    estimated: usize,
    estimated_text: String,
    progress_text: String,
    may_release: bool,
    addresses: String,
    notice: String,
    error: String,
}

fn page(state: &AppState, tr: Tr, overview: &ScanOverview) -> OverviewPage {
    let record = &overview.record;
    let open = record.state == ScanState::Open && record.closes_at > state.clock.now();
    let units = overview
        .units
        .iter()
        .map(|unit| {
            let url = share_url(state, &unit.share_token);
            UnitView {
                id: unit.id,
                label: unit.label.clone(),
                qr: if open {
                    qr_svg(&url, 200)
                } else {
                    String::new()
                },
                url,
                invited: overview
                    .invited
                    .iter()
                    .filter(|(u, _)| *u == unit.id)
                    .map(|(_, email)| email.clone())
                    .collect(),
            }
        })
        .collect();
    OverviewPage {
        page: PageContext::new(tr, format!("/teamscans/{}", record.id), Section::Other),
        id: record.id,
        title: record.title.clone(),
        state: record.state.code().to_owned(),
        state_label: state_label(tr, record.state),
        closes: closing_date(tr, record.closes_at),
        open,
        threshold: record.threshold,
        reached: (overview.answered * 100 / record.threshold.max(1)).min(100),
        units,
        estimated: overview.estimated,
        estimated_text: tr.t2(
            "scan-estimated-of",
            ("done", overview.estimated),
            ("total", overview.statements),
        ),
        progress_text: tr.t2(
            "scan-answered-of-threshold",
            ("answered", overview.answered),
            ("threshold", record.threshold),
        ),
        may_release: overview.may_release(),
        addresses: String::new(),
        notice: String::new(),
        error: String::new(),
    }
}

pub async fn get_overview(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let overview = logic::overview(&state, &viewer, id).await?;
    if overview.record.state == ScanState::Released {
        return Ok(Redirect::to(&format!("/teamscans/{id}/resultaten")).into_response());
    }
    render(&page(&state, tr, &overview))
}

/// The overview again with a refusal's words, or with a line of what was done.
async fn again(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    outcome: Result<String, AppError>,
    addresses: &str,
) -> Result<Response, AppError> {
    let overview = logic::overview(state, viewer, id).await?;
    let mut page = page(state, tr, &overview);
    match outcome {
        Ok(notice) => {
            page.notice = notice;
            render(&page)
        }
        Err(error) => {
            let (status, code) = error.into_refusal()?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            addresses.clone_into(&mut page.addresses);
            render_refused(&page, status)
        }
    }
}

fn unit_of(form: &FormFields) -> Result<i64, AppError> {
    form.get("unit").parse().map_err(|_| AppError::BadRequest {
        code: "scan-unit-unknown",
    })
}

pub async fn post_invite(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let addresses = form.get("addresses");
    let outcome = match unit_of(&form) {
        Ok(unit) => logic::invite(&state, &viewer, id, unit, addresses)
            .await
            .map(|mailed| tr.t1("scan-invited", "count", mailed))
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    again(&state, tr, &viewer, id, outcome, addresses).await
}

pub async fn post_replace_link(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let outcome = match unit_of(&form) {
        Ok(unit) => logic::replace_share_link(&state, &viewer, id, unit)
            .await
            .map(|()| tr.t("scan-link-replaced").into_owned())
            .map_err(AppError::from),
        Err(error) => Err(error),
    };
    again(&state, tr, &viewer, id, outcome, "").await
}

pub async fn post_release(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match logic::release(&state, &viewer, id).await {
        // Released (a second click finds it so): the results.
        Ok(())
        | Err(leidraad_app::Error::Conflict {
            code: "scan-released",
        }) => Ok(Redirect::to(&format!("/teamscans/{id}/resultaten")).into_response()),
        Err(error) => again(&state, tr, &viewer, id, Err(error.into()), "").await,
    }
}

pub async fn post_delete(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    logic::delete(&state, &viewer, id).await?;
    Ok(Redirect::to("/teamscans").into_response())
}
