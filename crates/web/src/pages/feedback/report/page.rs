//! The report page and its A4 print view: one body (`_report_body.html`) in two frames, the
//! page with the leader's follow-up forms and downloads, the print view with nothing to click.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::view::ReportView;
use super::{Names, load};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
// The templates name the chart's variants.
use crate::pages::reflection::chart::Chart;
use crate::pages::{PageContext, Section, render, render_refused};

#[derive(Template)]
#[template(path = "feedback_report.html")]
pub struct ReportPage<'a> {
    page: PageContext,
    /// The same in every form of the page: written once.
    csrf_field: String,
    id: i64,
    /// The leader is reading: the follow-up forms are theirs.
    own: bool,
    print: bool,
    view: ReportView<'a>,
    notice: String,
    error: String,
}

#[derive(Template)]
#[template(path = "feedback_report_print.html")]
pub struct PrintPage<'a> {
    page: PageContext,
    csrf_field: String,
    id: i64,
    own: bool,
    print: bool,
    view: ReportView<'a>,
}

#[derive(Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    melding: String,
}

/// The report page of round `id`, with a notice or a problem (`status` then says which).
pub(super) async fn render_report(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    notice: &str,
    problem: Option<(StatusCode, &str)>,
) -> Result<Response, AppError> {
    let (released, framework) = load(state, viewer, id).await?;
    let names = Names::new(tr, framework, &released.report);
    let page = PageContext::new(tr, format!("/feedback/{id}/rapport"), Section::Other);
    let report = ReportPage {
        csrf_field: page.csrf_field(),
        page,
        id,
        own: released.own,
        print: false,
        view: ReportView::new(&names, &released),
        notice: if notice.is_empty() {
            String::new()
        } else {
            tr.try_t(&format!("report-notice-{notice}"))
                .map(|t| t.into_owned())
                .unwrap_or_default()
        },
        error: problem.map_or(String::new(), |(_, code)| {
            tr.t(&format!("problem-{code}")).into_owned()
        }),
    };
    match problem {
        Some((status, _)) => render_refused(&report, status),
        None => render(&report),
    }
}

pub async fn get_report(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    render_report(&state, tr, &viewer, id, &query.melding, None).await
}

pub async fn get_print(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (released, framework) = load(&state, &viewer, id).await?;
    let names = Names::new(tr, framework, &released.report);
    let page = PageContext::new(
        tr,
        format!("/feedback/{id}/rapport/afdrukken"),
        Section::Other,
    );
    render(&PrintPage {
        csrf_field: String::new(),
        page,
        id,
        own: released.own,
        print: true,
        view: ReportView::new(&names, &released),
    })
}
