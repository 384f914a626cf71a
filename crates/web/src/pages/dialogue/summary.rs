//! The summary of a dialogue: the cards discussed in order with what the room added, the
//! phases of an intervision, the picks. The facilitator removes contributions and shares it;
//! participants read it once shared; Markdown and a print view take it elsewhere.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::dialogues::{self as logic, Summary};
use leidraad_domain::dialogue::ContributionView;
use serde::Deserialize;

use super::facilitator::{PhaseView, phase_view};
use super::participant::{TallyView, tally_views};
use super::{CardView, card_view, format_name};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

pub struct SummaryCardView {
    pub card: CardView,
    pub round: u32,
    pub speaker: String,
    pub contributions: Vec<ContributionView>,
}

/// Who reads the summary, which decides what they may do on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Facilitator,
    /// A member who kept it.
    Keeper,
    Participant,
}

pub struct SummaryView {
    pub id: i64,
    pub title: String,
    pub format_name: String,
    pub date: String,
    pub cards: Vec<SummaryCardView>,
    pub phases: Vec<(PhaseView, Vec<ContributionView>)>,
    pub loose: Vec<ContributionView>,
    pub tallies: Vec<TallyView>,
    pub note: String,
    pub ended: bool,
    pub shared: bool,
    pub may_keep: bool,
    pub anonymous: String,
}

fn view(state: &AppState, tr: Tr, summary: Summary) -> Result<SummaryView, AppError> {
    let framework = state
        .library
        .framework(&summary.record.framework_id)
        .ok_or(AppError::Internal)?;
    Ok(SummaryView {
        id: summary.record.id,
        title: summary.record.title.clone(),
        format_name: format_name(tr, summary.format),
        date: leidraad_domain::local_time::LocalDateTime::amsterdam(summary.record.created_at)
            .format_date(tr.lang),
        cards: summary
            .cards
            .into_iter()
            .map(|c| SummaryCardView {
                card: card_view(tr, framework, &state.library.space_scans, &c.card),
                round: c.round,
                speaker: c.speaker.unwrap_or_default(),
                contributions: c.contributions,
            })
            .collect(),
        phases: summary
            .phases
            .into_iter()
            .map(|(p, c)| (phase_view(tr, p), c))
            .collect(),
        loose: summary.loose,
        tallies: summary
            .picks
            .as_deref()
            .map(|t| tally_views(tr, framework, t))
            .unwrap_or_default(),
        note: summary.note.unwrap_or_default(),
        ended: summary.record.ended_at.is_some(),
        shared: summary.shared,
        may_keep: summary.may_keep,
        anonymous: tr.t("dialogue-anonymous").into_owned(),
    })
}

#[derive(Template)]
#[template(path = "dialogue_summary.html")]
pub struct SummaryPage {
    page: PageContext,
    summary: SummaryView,
    reader: Reader,
    /// Where this summary lives: `/dialogen/{id}` or `/d/{token}`.
    base: String,
    kept: bool,
    print: bool,
}

impl SummaryPage {
    pub fn is_facilitator(&self) -> bool {
        self.reader == Reader::Facilitator && !self.print
    }

    pub fn is_participant(&self) -> bool {
        self.reader == Reader::Participant
    }
}

#[derive(Template)]
#[template(path = "dialogue_summary.md")]
pub struct SummaryMarkdown {
    tr: Tr,
    summary: SummaryView,
}

impl SummaryMarkdown {
    /// Each line of a typed text as a quote, so nothing typed becomes a heading or a list.
    pub fn quoted(&self, text: &str) -> String {
        text.lines()
            .map(|line| format!("> {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The summary `viewer` may read: as facilitator, or as a member who kept it.
async fn own_summary(
    state: &AppState,
    viewer: &crate::auth::Viewer,
    id: i64,
) -> Result<(Summary, Reader), AppError> {
    match logic::summary_for_facilitator(state, viewer, id).await {
        Ok(summary) => Ok((summary, Reader::Facilitator)),
        Err(leidraad_app::Error::NotFound) => Ok((
            logic::summary_saved(state, viewer, id).await?,
            Reader::Keeper,
        )),
        Err(error) => Err(error.into()),
    }
}

async fn summary_page(
    state: &AppState,
    tr: Tr,
    viewer: &crate::auth::Viewer,
    id: i64,
    print: bool,
) -> Result<Response, AppError> {
    let (summary, reader) = own_summary(state, viewer, id).await?;
    let kept = logic::is_kept(state, viewer, id).await?;
    let path = format!("/dialogen/{id}/samenvatting");
    render(&SummaryPage {
        page: PageContext::new(tr, path, Section::Other),
        summary: view(state, tr, summary)?,
        reader,
        base: format!("/dialogen/{id}"),
        kept,
        print,
    })
}

pub async fn get_summary(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    summary_page(&state, tr, &viewer, id, false).await
}

pub async fn get_print(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    summary_page(&state, tr, &viewer, id, true).await
}

fn markdown(tr: Tr, summary: SummaryView) -> Result<Response, AppError> {
    let name = format!("dialoog-{}.md", summary.id);
    let text = SummaryMarkdown { tr, summary }.render()?;
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/markdown; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

pub async fn get_markdown(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (summary, _) = own_summary(&state, &viewer, id).await?;
    markdown(tr, view(&state, tr, summary)?)
}

pub async fn post_keep(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    logic::keep_facilitated(&state, &viewer, id, form.get("note")).await?;
    Ok(Redirect::to(&format!("/dialogen/{id}/samenvatting")).into_response())
}

pub async fn post_forget(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    logic::forget(&state, &viewer, id).await?;
    Ok(Redirect::to("/dialogen").into_response())
}

#[derive(Debug, Deserialize)]
pub struct Kept {
    #[serde(default)]
    bewaard: Option<String>,
}

pub async fn get_participant_summary(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
    Query(query): Query<Kept>,
) -> Result<Response, AppError> {
    let summary = logic::summary_for_participant(&state, &token).await?;
    render(&SummaryPage {
        page: PageContext::new(tr, format!("/d/{token}/samenvatting"), Section::Other),
        summary: view(&state, tr, summary)?,
        reader: Reader::Participant,
        base: format!("/d/{token}"),
        kept: query.bewaard.as_deref() == Some("ja"),
        print: false,
    })
}

pub async fn get_participant_markdown(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let summary = logic::summary_for_participant(&state, &token).await?;
    markdown(tr, view(&state, tr, summary)?)
}
