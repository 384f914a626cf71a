//! The team scan on professional space in the API: the owner's scans (starting one, its
//! shared links and mailed invitations, the estimate, releasing it, the results), a board
//! member's estimate of a scan in their organisation, and a respondent's questionnaire
//! through their link.
//!
//! A scan is its owner's alone: anyone else gets 404 on every `/api/v1/scans/{id}` route, as
//! for a scan that does not exist; only `…/board-estimate` is the organisation's board
//! members' instead (and not the owner's). The owner learns how many answered, never who: no answer
//! names a link that answered. A respondent has no account: their credential is their link's
//! token, as a bearer token or (from the questionnaire page's script) the `leidraad_scan`
//! cookie with `X-CSRF-Token`; a shared link's token opens a link of one's own first
//! (`POST /api/v1/scan-links/{token}`). Every rule is the app's and the domain's; these
//! handlers only read the request and write the answer.

use axum::http::Method;
use axum::routing::{MethodRouter, get, post, put};
use leidraad_domain::local_time::LocalDateTime;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::AppState;

mod board;
mod estimate;
mod input;
mod questionnaire;
mod respondent;
mod results;
mod scans;

use board::*;
use estimate::*;
use input::*;
use questionnaire::*;
use respondent::*;
use results::*;
use scans::*;

/// This part's operations and schemas, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(
        list_scans,
        post_scan,
        get_scan,
        post_invitations,
        post_release,
        get_estimate,
        put_estimate,
        list_board_scans,
        get_board_estimate,
        put_board_estimate,
        get_results,
        post_scan_link,
        get_respondent,
        put_rating,
        put_role,
        put_open_answer,
        put_other_role,
        post_submit
    ),
    components(schemas(
        ScanItem,
        ScanList,
        NewScanBody,
        CreatedScan,
        ScanUnit,
        ScanDetail,
        ScanInvitation,
        ScanInvitationsBody,
        ScanMailed,
        ScanAnswerValue,
        ScanAnswerBody,
        ScanSaved,
        ScanSection,
        ScanStatement,
        ScanScaleLabel,
        ScanRole,
        ScanOpenQuestion,
        ScanEstimate,
        ScanBoardItem,
        ScanBoardList,
        ScanBoardEstimate,
        ScanResultsBody,
        ScanUnitLabel,
        ScanResultsSnapshot,
        ScanShown,
        ScanFigures,
        ScanSectionResult,
        ScanStatementResult,
        ScanSpread,
        ScanElementScore,
        ScanRoleCount,
        ScanGap,
        ScanBoardGaps,
        ScanOpenAnswers,
        ScanSubgroup,
        ScanComparison,
        ScanEarlier,
        ScanChange,
        ScanLinkCreated,
        ScanRespondentForm,
        ScanDraft,
        ScanRoleValue,
        ScanRoleBody,
        ScanOpenText,
        ScanTextBody,
        ScanSubmitBody,
        ScanSubmitted
    )),
    tags(
        (name = "scans", description = "One's own team scans on professional space: starting \
            one, sharing it, the estimate, releasing it and its results. Only their owner \
            reaches them; a board member of the scan's organisation reaches only their own \
            estimate of it (`…/board-estimate`)."),
        (name = "respondent", description = "Answering a team scan with a respondent's link, \
            without an account. The credential is the link's token as a bearer token (or, from \
            the questionnaire page's script, the `leidraad_scan` cookie with `X-CSRF-Token`)."),
        (name = "scan-links", description = "Opening a unit's shared link (the staff room's QR \
            code) from an API client: each call makes a respondent link of its own.")
    )
)]
pub struct ScanApi;

/// The owner's rows of the route table, and a board member's estimate
/// ([`crate::routes::Reach::Scan`]).
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::GET, "/api/v1/scans", get(list_scans)),
        (M::POST, "/api/v1/scans", post(post_scan)),
        (M::GET, "/api/v1/scans/{id}", get(get_scan)),
        (
            M::POST,
            "/api/v1/scans/{id}/invitations",
            post(post_invitations),
        ),
        (M::POST, "/api/v1/scans/{id}/release", post(post_release)),
        (M::GET, "/api/v1/scans/{id}/estimate", get(get_estimate)),
        (
            M::PUT,
            "/api/v1/scans/{id}/estimate/{statement}",
            put(put_estimate),
        ),
        (M::GET, "/api/v1/scans/board", get(list_board_scans)),
        (
            M::GET,
            "/api/v1/scans/{id}/board-estimate",
            get(get_board_estimate),
        ),
        (
            M::PUT,
            "/api/v1/scans/{id}/board-estimate/{statement}",
            put(put_board_estimate),
        ),
        (M::GET, "/api/v1/scans/{id}/results", get(get_results)),
    ]
}

/// A respondent's rows of the route table ([`crate::routes::Reach::Link`]).
pub fn respondent_routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    use Method as M;
    vec![
        (M::POST, "/api/v1/scan-links/{token}", post(post_scan_link)),
        (M::GET, "/api/v1/respondent", get(get_respondent)),
        (
            M::PUT,
            "/api/v1/respondent/answers/{statement}",
            put(put_rating),
        ),
        (M::PUT, "/api/v1/respondent/roles/{role}", put(put_role)),
        (
            M::PUT,
            "/api/v1/respondent/open/{question}",
            put(put_open_answer),
        ),
        (M::PUT, "/api/v1/respondent/other-role", put(put_other_role)),
        (M::POST, "/api/v1/respondent/submit", post(post_submit)),
    ]
}

/// An autosave that landed.
#[derive(Serialize, ToSchema)]
pub struct ScanSaved {
    pub saved: bool,
}

/// The closing day of a closing moment, `YYYY-MM-DD` in Amsterdam.
fn closing_day(closes_at: i64) -> String {
    let day = LocalDateTime::amsterdam(closes_at);
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

use crate::pages::space_scan::share_url;
