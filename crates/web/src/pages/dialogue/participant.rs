//! The participant's screen on a phone (`/d/{token}`): the card on the table, the timer, a
//! box for a contribution, the cards to pick from in Kies je kaart, and a private note (a case
//! bringer's take-away). No session is looked at: the token from joining is in the address,
//! which sends no `Referer` and is never stored by the browser's cache.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::dialogues::{self as logic, ParticipantView, PickRequest};
use leidraad_domain::dialogue::{ContributionView, Format, PickTally};

use super::facilitator::{PhaseView, from_script, phase_view, snapshot};
use super::{
    CardView, card_view, deck_views, format_explanation, format_name, json_for_script, script_words,
};
use crate::AppState;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::rater::switch_language;
use crate::pages::{PageContext, Section, render, render_refused};

pub struct TallyView {
    pub card: CardView,
    pub count: u32,
    pub by: Vec<String>,
}

#[derive(Template)]
#[template(path = "dialogue_participant.html")]
pub struct ParticipantPage {
    page: PageContext,
    token: String,
    /// The participant's own number, to know the event that removes them.
    me: i64,
    title: String,
    format: &'static str,
    format_name: String,
    format_explanation: String,
    name: String,
    current: Option<CardView>,
    round: u32,
    speaker: String,
    phase: Option<PhaseView>,
    bringer: String,
    is_bringer: bool,
    shown: Vec<ContributionView>,
    visible: bool,
    deck: Vec<CardView>,
    picked: Vec<String>,
    colleague: String,
    colleagues: Vec<String>,
    tallies: Vec<TallyView>,
    ended: bool,
    shared: bool,
    note: String,
    may_be_anonymous: bool,
    error: String,
    snapshot_json: String,
    deck_json: String,
    words_json: String,
}

impl ParticipantPage {
    pub fn is_pick(&self) -> bool {
        self.format == Format::Pick.code()
    }

    pub fn is_picked(&self, card: &str) -> bool {
        self.picked.iter().any(|c| c == card)
    }
}

pub fn tally_views(
    tr: Tr,
    framework: &leidraad_domain::Framework,
    tallies: &[PickTally],
) -> Vec<TallyView> {
    let anonymous = tr.t("dialogue-anonymous");
    tallies
        .iter()
        .map(|t| TallyView {
            card: card_view(tr, framework, &[], &t.card),
            count: t.count,
            by: t
                .by
                .iter()
                .map(|b| {
                    let name = b.name.as_deref().unwrap_or(&anonymous);
                    match &b.colleague {
                        Some(colleague) => tr.t2(
                            "dialogue-picks-for",
                            ("name", name.to_owned()),
                            ("colleague", colleague.clone()),
                        ),
                        None => name.to_owned(),
                    }
                })
                .collect(),
        })
        .collect()
}

fn page(
    state: &AppState,
    tr: Tr,
    token: &str,
    view: ParticipantView,
) -> Result<ParticipantPage, AppError> {
    let framework = state
        .library
        .framework(&view.record.framework_id)
        .ok_or(AppError::Internal)?;
    let current = view.state.current_card();
    let deck = deck_views(tr, framework, &state.library.space_scans, &view.record.deck);
    let me = view.participant.id;
    Ok(ParticipantPage {
        page: PageContext::new(tr, format!("/d/{token}"), Section::Other),
        token: token.to_owned(),
        me,
        title: view.record.title.clone(),
        format: view.format.code(),
        format_name: format_name(tr, view.format),
        format_explanation: format_explanation(tr, view.format),
        name: view
            .participant
            .name
            .clone()
            .unwrap_or_else(|| tr.t("dialogue-anonymous").into_owned()),
        current: current.map(|c| card_view(tr, framework, &state.library.space_scans, &c.card)),
        round: current.map_or(0, |c| c.round),
        speaker: current.and_then(|c| c.speaker.clone()).unwrap_or_default(),
        phase: view.state.phase.map(|p| phase_view(tr, p)),
        bringer: view.state.bringer_name().unwrap_or_default().to_owned(),
        is_bringer: view.state.bringer == Some(me),
        shown: view.state.room_contributions().cloned().collect(),
        visible: view.state.visible,
        picked: view.picks.iter().map(|(c, _)| c.clone()).collect(),
        colleague: view
            .picks
            .first()
            .and_then(|(_, c)| c.clone())
            .unwrap_or_default(),
        colleagues: view
            .state
            .present()
            .filter(|p| p.id != me)
            .filter_map(|p| p.name.clone())
            .collect(),
        tallies: view
            .state
            .picks
            .as_deref()
            .map(|t| tally_views(tr, framework, t))
            .unwrap_or_default(),
        ended: view.state.ended,
        shared: view.state.shared,
        note: view.participant.note.clone(),
        may_be_anonymous: view.record.allow_anonymous && view.participant.name.is_some(),
        error: String::new(),
        snapshot_json: json_for_script(&snapshot(&view.state, state.clock.now_ms())),
        deck_json: json_for_script(&deck),
        deck,
        words_json: script_words(tr),
    })
}

/// The screen, or why it cannot be shown (the link is unknown, or its holder was removed).
pub async fn get_screen(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    if let Some(switched) = switch_language(query.as_deref(), &format!("/d/{token}")) {
        return Ok(switched);
    }
    let view = logic::participant_view(&state, &token).await?;
    render(&page(&state, tr, &token, view)?)
}

/// Answers a participant's form: 204 to the script, the screen again to a plain form, or
/// the screen with what was wrong.
async fn answer(
    state: &AppState,
    tr: Tr,
    token: &str,
    headers: &HeaderMap,
    outcome: Result<(), leidraad_app::Error>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(()) if from_script(headers) => Ok(StatusCode::NO_CONTENT.into_response()),
        Ok(()) => Ok(Redirect::to(&format!("/d/{token}")).into_response()),
        Err(error) => {
            let error = AppError::from(error);
            if from_script(headers) {
                return Err(error);
            }
            let (status, code) = error.into_refusal()?;
            let view = logic::participant_view(state, token).await?;
            let mut page = page(state, tr, token, view)?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            render_refused(&page, status)
        }
    }
}

pub async fn post_contribution(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let anonymous = form.get("anoniem") == "ja";
    let outcome = logic::contribute(&state, &token, form.get("text"), anonymous).await;
    answer(&state, tr, &token, &headers, outcome).await
}

pub async fn post_picks(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let request = PickRequest {
        cards: form.all("kaart").map(str::to_owned).collect(),
        colleague: form.get("collega").to_owned(),
    };
    let outcome = logic::pick(&state, &token, &request).await;
    answer(&state, tr, &token, &headers, outcome).await
}

pub async fn post_note(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let outcome = logic::save_note(&state, &token, form.get("note")).await;
    answer(&state, tr, &token, &headers, outcome).await
}

pub async fn post_keep(
    State(state): State<AppState>,
    tr: Tr,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    match logic::save_to_portfolio(&state, &token).await {
        Ok(()) if !from_script(&headers) => {
            Ok(Redirect::to(&format!("/d/{token}/samenvatting?bewaard=ja")).into_response())
        }
        outcome => answer(&state, tr, &token, &headers, outcome).await,
    }
}
