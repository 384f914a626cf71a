//! `/feedback/{id}`: one round as its leader sets it up, sends it and follows it. The same
//! view, read-only and with the approve buttons, is the coach's page.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use leidraad_app::feedback::{self as logic, LeaderRound};
use leidraad_domain::feedback::{GroupPreview, Outlook};
use leidraad_store::feedback::LinkRecord;

use super::{closing_date, group_name, state_label};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

pub struct GroupView {
    pub id: i64,
    pub name: String,
    /// "Getoond vanaf 3 antwoorden, opmerkingen vanaf 3".
    pub thresholds: String,
    pub identifiable: bool,
    pub raters: Vec<RaterView>,
    /// What the report would show, in words.
    pub outlook: String,
    /// The outlook is a warning.
    pub at_risk: bool,
    /// "2 van 5 hebben geantwoord", once the round is open.
    pub progress: String,
    pub progress_percent: usize,
}

pub struct RaterView {
    pub id: i64,
    pub who: String,
    pub invited: bool,
}

#[derive(Template)]
#[template(path = "feedback_round.html")]
pub struct RoundPage {
    pub page: PageContext,
    pub id: i64,
    pub state: String,
    pub state_label: String,
    pub closes: String,
    pub closes_on: String,
    pub request: String,
    pub coach_email: String,
    pub coach_note: String,
    pub cards: usize,
    pub groups: Vec<GroupView>,
    /// (into, from, "Teamleden en Collega-schoolleiders").
    pub merges: Vec<(i64, i64, String)>,
    /// "Je hebt 12 van 80 kaarten zelf beoordeeld."
    pub self_progress: String,
    /// Finished reflections to take the self-rating from: (id, "23 november 2026").
    pub reflections: Vec<(i64, String)>,
    /// Links to hand out, shown once right after they were made.
    pub copy_links: Vec<String>,
    /// The coach is reading (read-only, with approve and send back).
    pub coach_view: bool,
    pub notice: String,
    pub error: String,
}

impl RoundPage {
    pub fn is(&self, state: &str) -> bool {
        self.state == state
    }
}

fn outlook_text(tr: Tr, preview: &GroupPreview) -> (String, bool) {
    let two = |key: &str| {
        tr.t2(
            key,
            ("invited", preview.invited),
            ("recommended", preview.recommended),
        )
    };
    match preview.outlook {
        Outlook::Shown => (two("feedback-outlook-shown"), false),
        Outlook::LostIfTwoMissing => (two("feedback-outlook-two-missing"), true),
        Outlook::LostIfOneMissing => (two("feedback-outlook-one-missing"), true),
        Outlook::NeverShown => (two("feedback-outlook-never"), true),
        Outlook::Identifiable => (tr.t("feedback-outlook-identifiable").into_owned(), false),
    }
}

fn rater(tr: Tr, link: &LinkRecord) -> RaterView {
    let who = match (&link.email, link.name.is_empty()) {
        (Some(email), true) => email.clone(),
        (Some(email), false) => format!("{} <{email}>", link.name),
        (None, _) => tr.t("feedback-copy-link").into_owned(),
    };
    RaterView {
        id: link.id,
        who,
        invited: link.invited_at.is_some(),
    }
}

fn groups(tr: Tr, round: &LeaderRound) -> Vec<GroupView> {
    round
        .groups
        .iter()
        .map(|(g, settings)| {
            let preview = round.preview.groups.iter().find(|p| p.key == g.id);
            let (outlook, at_risk) =
                preview.map_or((String::new(), false), |p| outlook_text(tr, p));
            let (invited, answered) = round
                .progress
                .iter()
                .find(|(group, _, _)| *group == g.id)
                .map_or((0, 0), |(_, i, a)| (*i, *a));
            GroupView {
                id: g.id,
                name: group_name(tr, &g.kind, g.label.as_deref()),
                thresholds: tr.t2(
                    "feedback-thresholds",
                    ("group", settings.threshold()),
                    ("comments", settings.comment_threshold()),
                ),
                identifiable: settings.identifiable,
                raters: round
                    .links
                    .iter()
                    .filter(|l| l.group_id == g.id)
                    .map(|l| rater(tr, l))
                    .collect(),
                outlook,
                at_risk,
                progress: tr.t2(
                    "feedback-answered-of",
                    ("answered", answered),
                    ("invited", invited),
                ),
                progress_percent: (answered * 100).checked_div(invited).unwrap_or(0),
            }
        })
        .collect()
}

fn merges(tr: Tr, round: &LeaderRound, views: &[GroupView]) -> Vec<(i64, i64, String)> {
    let name = |id: i64| {
        views
            .iter()
            .find(|g| g.id == id)
            .map_or(String::new(), |g| g.name.clone())
    };
    round
        .preview
        .merge_suggestions
        .iter()
        .map(|(into, from)| {
            let text = tr.t2(
                "feedback-merge-offer",
                ("first", name(*into)),
                ("second", name(*from)),
            );
            (*into, *from, text)
        })
        .collect()
}

/// The page for round `round`, read by its leader or (`coach_view`) its coach.
pub async fn round_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    round: LeaderRound,
    coach_view: bool,
) -> Result<RoundPage, AppError> {
    let record = &round.record;
    let local = leidraad_domain::local_time::LocalDateTime::amsterdam(record.closes_at);
    let reflections = if coach_view {
        Vec::new()
    } else {
        finished_reflections(state, tr, viewer, &record.framework_id).await?
    };
    let views = groups(tr, &round);
    Ok(RoundPage {
        page: PageContext::new(tr, format!("/feedback/{}", record.id), Section::Other),
        id: record.id,
        state: record.state.code().to_owned(),
        state_label: state_label(tr, record.state.code()),
        closes: closing_date(tr, record.closes_at),
        closes_on: format!("{:04}-{:02}-{:02}", local.year, local.month, local.day),
        request: record.request.clone(),
        coach_email: round.coach_email.clone().unwrap_or_default(),
        coach_note: record.coach_note.clone(),
        cards: record.cards.len(),
        merges: merges(tr, &round, &views),
        groups: views,
        self_progress: tr.t2(
            "feedback-self-progress",
            ("rated", round.self_answers.len()),
            ("total", record.cards.len()),
        ),
        reflections,
        copy_links: Vec::new(),
        coach_view,
        notice: String::new(),
        error: String::new(),
    })
}

async fn finished_reflections(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    framework: &str,
) -> Result<Vec<(i64, String)>, AppError> {
    let list = logic::finished_reflections(state, viewer, framework).await?;
    Ok(list
        .into_iter()
        .map(|(id, at)| {
            (
                id,
                leidraad_domain::local_time::LocalDateTime::amsterdam(at).format_date(tr.lang),
            )
        })
        .collect())
}

pub async fn get_round(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    query: axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, AppError> {
    let round = logic::leader_round(&state, &viewer, id).await?;
    let mut page = round_page(&state, tr, &viewer, round, false).await?;
    if let Some(notice) = query.get("melding") {
        page.notice = tr
            .try_t(&format!("feedback-notice-{notice}"))
            .map(|text| text.into_owned())
            .unwrap_or_default();
    }
    render(&page)
}

pub async fn get_approval(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let round = logic::for_coach(&state, &viewer, id).await?;
    render(&round_page(&state, tr, &viewer, round, true).await?)
}
