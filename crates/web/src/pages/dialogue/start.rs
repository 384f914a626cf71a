//! `/dialogen`: one's dialogues (running, ended, kept) and starting a new one.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::dialogues::{self as logic, StartRequest};
use leidraad_domain::dialogue::Format;

use super::{format_explanation, format_name};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render, render_refused};

pub struct FormatChoice {
    pub code: &'static str,
    pub name: String,
    pub explanation: String,
}

pub struct DialogueLine {
    pub title: String,
    pub href: String,
    pub facts: String,
    pub running: bool,
}

#[derive(Template)]
#[template(path = "dialogues.html")]
pub struct DialoguesPage {
    page: PageContext,
    running: Vec<DialogueLine>,
    ended: Vec<DialogueLine>,
    saved: Vec<DialogueLine>,
    formats: Vec<FormatChoice>,
    domains: Vec<(String, String)>,
    posted: StartRequest,
    error: String,
}

impl DialoguesPage {
    pub fn format_is(&self, code: &str) -> bool {
        self.posted.format == code
    }

    pub fn part_chosen(&self, code: &str) -> bool {
        self.posted.parts.iter().any(|p| p == code)
    }
}

async fn page(state: &AppState, tr: Tr, viewer: &Viewer) -> Result<DialoguesPage, AppError> {
    let mine = logic::my_dialogues(state, viewer).await?;
    let framework = state
        .library
        .default_framework()
        .ok_or(AppError::Internal)?;
    let line = |d: &leidraad_store::dialogues::DialogueRecord, href: String| {
        let format =
            Format::parse(&d.format).map_or_else(|_| String::new(), |f| format_name(tr, f));
        let when = leidraad_domain::local_time::LocalDateTime::amsterdam(d.created_at)
            .format_date(tr.lang);
        DialogueLine {
            title: d.title.clone(),
            href,
            facts: format!("{format} · {when}"),
            running: d.ended_at.is_none(),
        }
    };
    let kept = |id: i64| mine.saved.iter().any(|s| s.dialogue.id == id);
    let kept_word = tr.t("dialogue-kept-tag");
    let (running, ended): (Vec<_>, Vec<_>) = mine
        .facilitated
        .iter()
        .map(|d| {
            let mut line = line(d, format!("/dialogen/{}", d.id));
            if kept(d.id) {
                line.facts = format!("{} · {kept_word}", line.facts);
            }
            line
        })
        .partition(|l| l.running);
    Ok(DialoguesPage {
        page: PageContext::new(tr, "/dialogen", Section::Other),
        running,
        ended,
        // One's own kept dialogues are in the lists above, marked as kept.
        saved: mine
            .saved
            .iter()
            .filter(|s| s.dialogue.person_id != viewer.person.get())
            .map(|s| {
                line(
                    &s.dialogue,
                    format!("/dialogen/{}/samenvatting", s.dialogue.id),
                )
            })
            .collect(),
        formats: Format::ALL
            .into_iter()
            .map(|f| FormatChoice {
                code: f.code(),
                name: format_name(tr, f),
                explanation: format_explanation(tr, f),
            })
            .collect(),
        domains: framework
            .domains
            .iter()
            .map(|d| (format!("domein:{}", d.id), tr.pick(&d.title).to_owned()))
            .collect(),
        posted: StartRequest {
            title: tr.t("dialogue-title-default").into_owned(),
            format: Format::Draw.code().to_owned(),
            parts: vec!["dialoogkaarten".into()],
            allow_anonymous: true,
            anonymous_picks: false,
            minutes: String::new(),
        },
        error: String::new(),
    })
}

pub async fn get_dialogues(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
) -> Result<Response, AppError> {
    render(&page(&state, tr, &viewer).await?)
}

pub async fn post_dialogues(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    let request = StartRequest {
        title: form.get("title").to_owned(),
        format: form.get("format").to_owned(),
        parts: form.all("deck").map(str::to_owned).collect(),
        allow_anonymous: form.get("anonymous") == "ja",
        anonymous_picks: form.get("anonymous_picks") == "ja",
        minutes: form.get("minutes").to_owned(),
    };
    let (status, code) = match logic::start(&state, &viewer, &request).await {
        Ok(id) => return Ok(Redirect::to(&format!("/dialogen/{id}")).into_response()),
        Err(error) => AppError::from(error).into_refusal()?,
    };
    let mut page = page(&state, tr, &viewer).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    page.posted = request;
    render_refused(&page, status)
}
