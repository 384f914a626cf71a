//! The facilitator's screen, made for a projector: the card large, the round and the timer,
//! who is present, the join code with its QR code, and the controls. The controls are plain
//! forms (they work without script); the script sends them in the background and the screen
//! follows the stream like every phone in the room.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use leidraad_app::dialogues::{self as logic, Control, FacilitatorView};
use leidraad_domain::dialogue::{DialogueState, Format, Moderation, Phase};

use super::{
    CardView, card_view, deck_views, format_explanation, format_name, json_for_script,
    phase_explanation, phase_name, script_words,
};
use crate::AppState;
use crate::auth::SignedIn;
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use crate::pages::{PageContext, Section, render};

/// Where a screen stands, as the script folds it further (`static/js/dialogue.js`).
#[derive(serde::Serialize)]
pub struct Snapshot {
    pub seq: i64,
    pub cards: Vec<(String, u32, Option<String>)>,
    pub timer: Option<leidraad_domain::dialogue::TimerState>,
    pub phase: Option<Phase>,
    pub bringer: Option<i64>,
    pub participants: Vec<(i64, Option<String>, bool)>,
    /// Contribution and its state: `waiting`, `shown`, `hidden`.
    pub contributions: Vec<(leidraad_domain::dialogue::ContributionView, &'static str)>,
    pub visible: bool,
    pub picked: u32,
    pub picks: Option<Vec<leidraad_domain::dialogue::PickTally>>,
    pub locked: bool,
    pub ended: bool,
    pub shared: bool,
    /// The server's clock when the page was made, so a screen's timer runs on it.
    pub now_ms: i64,
}

pub fn snapshot(state: &DialogueState, now_ms: i64) -> Snapshot {
    Snapshot {
        seq: state.seq,
        cards: state
            .cards
            .iter()
            .map(|c| (c.card.clone(), c.round, c.speaker.clone()))
            .collect(),
        timer: state.timer,
        phase: state.phase,
        bringer: state.bringer,
        participants: state
            .participants
            .iter()
            .map(|p| (p.id, p.name.clone(), p.present))
            .collect(),
        contributions: state
            .contributions
            .iter()
            .map(|(c, m)| {
                let status = match m {
                    Moderation::Waiting => "waiting",
                    Moderation::Shown => "shown",
                    Moderation::Hidden => "hidden",
                };
                (c.clone(), status)
            })
            .collect(),
        visible: state.visible,
        picked: state.picked,
        picks: state.picks.clone(),
        locked: state.locked,
        ended: state.ended,
        shared: state.shared,
        now_ms,
    }
}

pub struct PhaseView {
    pub code: &'static str,
    pub name: String,
    pub explanation: String,
    /// "Fase 2 van 5".
    pub step: String,
}

pub fn phase_view(tr: Tr, phase: Phase) -> PhaseView {
    PhaseView {
        code: phase.code(),
        name: phase_name(tr, phase),
        explanation: phase_explanation(tr, phase),
        step: tr.t2(
            "dialogue-phase-of",
            ("number", phase.number()),
            ("total", Phase::ALL.len()),
        ),
    }
}

#[derive(Template)]
#[template(path = "dialogue_facilitator.html")]
pub struct FacilitatorPage {
    page: PageContext,
    id: i64,
    title: String,
    format: &'static str,
    format_name: String,
    format_explanation: String,
    code: String,
    join_url: String,
    qr_svg: String,
    deck: Vec<CardView>,
    current: Option<CardView>,
    round: u32,
    speaker: String,
    phase: Option<PhaseView>,
    bringer: String,
    present: Vec<(i64, String)>,
    waiting: Vec<leidraad_domain::dialogue::ContributionView>,
    shown: Vec<leidraad_domain::dialogue::ContributionView>,
    visible: bool,
    picked: u32,
    locked: bool,
    ended: bool,
    snapshot_json: String,
    deck_json: String,
    words_json: String,
}

impl FacilitatorPage {
    pub fn is_intervision(&self) -> bool {
        self.format == Format::Intervision.code()
    }

    pub fn is_pick(&self) -> bool {
        self.format == Format::Pick.code()
    }
}

fn page(state: &AppState, tr: Tr, view: FacilitatorView) -> Result<FacilitatorPage, AppError> {
    let framework = state
        .library
        .framework(&view.record.framework_id)
        .ok_or(AppError::Internal)?;
    let anonymous = tr.t("dialogue-anonymous").into_owned();
    let code = view.record.join_code.clone().unwrap_or_default();
    let base = state.settings.public_url.as_deref().unwrap_or("");
    let join_url = format!("{base}/meedoen?code={code}");
    let current = view.state.current_card();
    let deck = deck_views(tr, framework, &state.library.space_scans, &view.record.deck);
    let deck_json = json_for_script(&deck);
    Ok(FacilitatorPage {
        page: PageContext::new(tr, format!("/dialogen/{}", view.record.id), Section::Other),
        id: view.record.id,
        title: view.record.title.clone(),
        format: view.format.code(),
        format_name: format_name(tr, view.format),
        format_explanation: format_explanation(tr, view.format),
        code: leidraad_domain::dialogue::JoinCode::parse(&code)
            .map(|c| c.spaced())
            .unwrap_or_default(),
        qr_svg: if code.is_empty() {
            String::new()
        } else {
            crate::pages::qr_svg(&join_url, 240)
        },
        join_url,
        current: current.map(|c| card_view(tr, framework, &state.library.space_scans, &c.card)),
        round: current.map_or(0, |c| c.round),
        speaker: current.and_then(|c| c.speaker.clone()).unwrap_or_default(),
        phase: view.state.phase.map(|p| phase_view(tr, p)),
        bringer: view.state.bringer_name().unwrap_or_default().to_owned(),
        present: view
            .state
            .present()
            .map(|p| (p.id, p.name.clone().unwrap_or_else(|| anonymous.clone())))
            .collect(),
        waiting: view.state.waiting().cloned().collect(),
        shown: view.state.room_contributions().cloned().collect(),
        visible: view.state.visible,
        picked: view.state.picked,
        locked: view.state.locked,
        ended: view.state.ended,
        snapshot_json: json_for_script(&snapshot(&view.state, state.clock.now_ms())),
        deck,
        deck_json,
        words_json: script_words(tr),
    })
}

pub async fn get_screen(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match logic::facilitator_view(&state, &viewer, id).await {
        Ok(view) => render(&page(&state, tr, view)?),
        // Someone who kept a dialogue they did not facilitate reads its summary.
        Err(leidraad_app::Error::NotFound) => {
            logic::summary_saved(&state, &viewer, id).await?;
            Ok(Redirect::to(&format!("/dialogen/{id}/samenvatting")).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// The control a form names (`actie`, with `kaart`, `deelnemer` or `bijdrage`).
fn parse_control(form: &FormFields) -> Result<Control, AppError> {
    let number = |name: &str| {
        form.get(name)
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::BadRequest {
                code: "dialogue-control-unknown",
            })
    };
    Ok(match form.get("actie") {
        "volgende" => Control::Next,
        "trek" => Control::Draw,
        "kies" => Control::Choose(form.get("kaart").to_owned()),
        "timer-start" => Control::TimerStart,
        "timer-pauze" => Control::TimerPause,
        "timer-reset" => Control::TimerReset,
        "bijdragen-tonen" => Control::Visibility(true),
        "bijdragen-verbergen" => Control::Visibility(false),
        "fase" => Control::NextPhase,
        "inbrenger" => Control::Bringer(number("deelnemer")?),
        "sluiten" => Control::Lock(true),
        "openen" => Control::Lock(false),
        "deelnemer-verwijderen" => Control::Remove(number("deelnemer")?),
        "tonen" => Control::Show(number("bijdrage")?),
        "verbergen" => Control::Hide(number("bijdrage")?),
        "wissen" => Control::Delete(number("bijdrage")?),
        "keuzes-tonen" => Control::RevealPicks,
        "einde" => Control::End,
        "delen" => Control::Share,
        _ => {
            return Err(AppError::BadRequest {
                code: "dialogue-control-unknown",
            });
        }
    })
}

/// Whether the script sent the form (it asks for JSON), so no page needs to follow.
pub fn from_script(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

pub async fn post_control(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(id): Path<i64>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let control = parse_control(&form)?;
    // Ending leads to the summary, where contributions are removed before sharing.
    let to_summary =
        matches!(control, Control::End | Control::Share) || form.get("terug") == "samenvatting";
    let back = if to_summary {
        format!("/dialogen/{id}/samenvatting")
    } else {
        format!("/dialogen/{id}")
    };
    logic::control(&state, &viewer, id, control).await?;
    if from_script(&headers) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    Ok(Redirect::to(&back).into_response())
}
