//! The report page and its A4 print view: one body (`_report_body.html`) in two frames, the
//! page with the leader's follow-up forms and downloads, the print view with nothing to click.
//! The body is rendered once per round, language and kind of reader and then kept (see
//! [`crate::report_cache`]); the frame around it, with whatever can still change (the leader's
//! name, whom the report is shared with, the session's CSRF field), is rendered every time.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use leidraad_app::feedback::{self as logic, ReleasedSnapshot};
use leidraad_domain::local_time::LocalDateTime;
use serde::Deserialize;

use super::Names;
use super::view::ReportView;
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
// The templates name the chart's variants.
use crate::pages::reflection::chart::Chart;
use crate::pages::{PageContext, Section, render, render_refused};
use crate::report_cache::{CSRF_MARK, RenderedReport};

/// The report's body on its own, for the cache: `forms` adds the leader's focus forms.
#[derive(Template)]
#[template(path = "_report_body.html")]
struct ReportBody<'a> {
    page: BodyContext,
    id: i64,
    forms: bool,
    csrf_field: &'static str,
    view: &'a ReportView<'a>,
}

/// What the body's template reads of a page: its language.
struct BodyContext {
    tr: Tr,
}

#[derive(Template)]
#[template(path = "_report_focus_select.html")]
struct FocusSelect<'a> {
    view: &'a ReportView<'a>,
}

/// What the frame says around the body, read fresh on every request.
struct Frame {
    leader: String,
    released: String,
    request: String,
    /// Whom the leader shared it with (the leader's view only): id and name.
    viewers: Vec<(i64, String)>,
}

impl Frame {
    fn new(tr: Tr, released: &ReleasedSnapshot) -> Frame {
        Frame {
            leader: released.leader_name.clone(),
            released: LocalDateTime::amsterdam(released.released_at).format_date(tr.lang),
            request: released.record.request.clone(),
            viewers: released
                .viewers
                .iter()
                .map(|(person, name)| (person.get(), name.clone()))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "feedback_report.html")]
pub struct ReportPage {
    page: PageContext,
    /// The same in every form of the page: written once.
    csrf_field: String,
    id: i64,
    /// The leader is reading: the follow-up forms are theirs.
    own: bool,
    frame: Frame,
    rendered: Arc<RenderedReport>,
    notice: String,
    error: String,
}

#[derive(Template)]
#[template(path = "feedback_report_print.html")]
pub struct PrintPage {
    page: PageContext,
    id: i64,
    frame: Frame,
    rendered: Arc<RenderedReport>,
}

#[derive(Deserialize)]
pub struct ReportQuery {
    #[serde(default)]
    melding: String,
}

/// The released report of round `id` as `viewer` may read it, and its body rendered for `tr`,
/// with the leader's forms when `forms`.
async fn load(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    id: i64,
    forms: impl Fn(&ReleasedSnapshot) -> bool,
) -> Result<(ReleasedSnapshot, Arc<RenderedReport>), AppError> {
    let released = logic::released_snapshot(state, viewer, id).await?;
    let key = (id, tr.lang, forms(&released));
    if let Some(rendered) = state.reports.get(&key, &released.snapshot) {
        return Ok((released, rendered));
    }
    let rendered = Arc::new(render_body(state, tr, id, key.2, &released)?);
    state.reports.insert(key, Arc::clone(&rendered));
    Ok((released, rendered))
}

fn render_body(
    state: &AppState,
    tr: Tr,
    id: i64,
    forms: bool,
    released: &ReleasedSnapshot,
) -> Result<RenderedReport, AppError> {
    let framework = state
        .library
        .framework(&released.record.framework_id)
        .ok_or(AppError::Internal)?;
    let report = serde_json::from_str(&released.snapshot).map_err(|_| AppError::Internal)?;
    let names = Names::new(tr, framework, &report);
    let view = ReportView::new(&names, &report, forms);
    let body = ReportBody {
        page: BodyContext { tr },
        id,
        forms,
        csrf_field: CSRF_MARK,
        view: &view,
    }
    .render()?;
    let focus_select = if forms {
        FocusSelect { view: &view }.render()?
    } else {
        String::new()
    };
    Ok(RenderedReport::new(
        released.snapshot.clone(),
        &body,
        focus_select,
        view.card_count,
        !view.general_comments.is_empty(),
    ))
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
    let (released, rendered) = load(state, tr, viewer, id, |r| r.own).await?;
    let page = PageContext::new(tr, format!("/feedback/{id}/rapport"), Section::Other);
    let report = ReportPage {
        csrf_field: page.csrf_field(),
        page,
        id,
        own: released.own,
        frame: Frame::new(tr, &released),
        rendered,
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
    let (released, rendered) = load(&state, tr, &viewer, id, |_| false).await?;
    let page = PageContext::new(
        tr,
        format!("/feedback/{id}/rapport/afdrukken"),
        Section::Other,
    );
    render(&PrintPage {
        page,
        id,
        frame: Frame::new(tr, &released),
        rendered,
    })
}
