//! Starting a dialogue, and the list of one's own.

use leidraad_domain::dialogue::{
    DeckPart, DialogueTitle, Event, Format, JoinCode, TimerState, build_deck, parse_minutes,
};
use leidraad_store::StoreError;
use leidraad_store::dialogues::{DialogueRecord, NewDialogue, SavedDialogue};

use super::settle;
use crate::{App, Error, Viewer};

/// How often a new join code is drawn when the one drawn is taken.
const CODE_TRIES: usize = 20;

/// What the facilitator chose, as typed.
#[derive(Debug, Clone, Default)]
pub struct StartRequest {
    pub title: String,
    pub format: String,
    /// `dialoogkaarten`, `focus`, `domein:<id>`.
    pub parts: Vec<String>,
    pub allow_anonymous: bool,
    pub anonymous_picks: bool,
    /// Minutes per turn (per phase for an intervision: then empty for the defaults).
    pub minutes: String,
}

/// Starts a dialogue: its deck, its code, and its first events (the timer; for an
/// intervision the first phase). Any signed-in person may facilitate.
pub async fn start(state: &App, viewer: &Viewer, request: &StartRequest) -> Result<i64, Error> {
    let framework = state.library.default_framework().ok_or(Error::Internal)?;
    DialogueTitle::parse(&request.title)?;
    Format::parse(&request.format)?;
    let parts = request
        .parts
        .iter()
        .map(|code| DeckPart::parse(framework, code))
        .collect::<Result<Vec<_>, _>>()?;
    let focus = if parts.contains(&DeckPart::Focus) {
        focus_cards(state, viewer).await?
    } else {
        Vec::new()
    };
    let deck = build_deck(framework, &parts, &focus)?;
    start_with_deck(state, viewer, request, &deck).await
}

/// Starts a dialogue with a deck made elsewhere (the statements of a team scan's largest
/// gaps): its code and its first events. `request.parts` is not read.
pub async fn start_with_deck(
    state: &App,
    viewer: &Viewer,
    request: &StartRequest,
    deck: &[String],
) -> Result<i64, Error> {
    let title = DialogueTitle::parse(&request.title)?;
    let format = Format::parse(&request.format)?;
    let minutes = match request.minutes.trim() {
        "" => format.default_minutes(),
        typed => parse_minutes(typed)?,
    };
    let now = state.clock.now();
    let id = create(
        state,
        viewer,
        deck,
        request,
        format,
        title.as_str(),
        minutes,
        now,
    )
    .await?;
    let mut first = vec![Event::Timer {
        timer: TimerState::new(minutes, state.clock.now_ms()),
    }];
    if let Some(phase) = format.first_phase() {
        first.insert(
            0,
            Event::Phase {
                phase,
                bringer: None,
            },
        );
    }
    for event in first {
        let write = state
            .store
            .record_dialogue_event(id, viewer.person, &event, now);
        settle(
            state
                .dialogues
                .store(&state.store, write, done_events)
                .await?,
        )?;
    }
    Ok(id)
}

/// The events a store outcome carries, for the bus.
pub(crate) fn done_events(
    outcome: &leidraad_store::dialogues::Outcome<leidraad_store::dialogues::StoredEvent>,
) -> Vec<leidraad_store::dialogues::StoredEvent> {
    match outcome {
        leidraad_store::dialogues::Outcome::Done(event) => vec![event.clone()],
        _ => Vec::new(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn create(
    state: &App,
    viewer: &Viewer,
    deck: &[String],
    request: &StartRequest,
    format: Format,
    title: &str,
    minutes: u32,
    now: i64,
) -> Result<i64, Error> {
    let framework = state.library.default_framework().ok_or(Error::Internal)?;
    for _ in 0..CODE_TRIES {
        let code = JoinCode::from_random(random_u32());
        let new = NewDialogue {
            person: viewer.person,
            framework_id: &framework.id,
            format: format.code(),
            title,
            deck,
            join_code: code.as_str(),
            allow_anonymous: request.allow_anonymous,
            anonymous_picks: request.anonymous_picks,
            minutes,
            now,
        };
        match state.store.create_dialogue(&new).await {
            Ok(id) => return Ok(id),
            Err(StoreError::Conflict) => continue,
            Err(other) => return Err(other.into()),
        }
    }
    Err(Error::Internal)
}

pub(crate) fn random_u32() -> u32 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    u32::from_le_bytes(bytes)
}

/// The focus cards of the facilitator's latest reflection that has them.
async fn focus_cards(state: &App, viewer: &Viewer) -> Result<Vec<String>, Error> {
    let reflections = state.store.reflections_of(viewer.person).await?;
    for reflection in reflections.iter().rev() {
        let cards = state.store.focus_cards(reflection.id).await?;
        if !cards.is_empty() {
            return Ok(cards);
        }
    }
    Ok(Vec::new())
}

/// The dialogues someone facilitates, and those they kept.
pub struct MyDialogues {
    pub facilitated: Vec<DialogueRecord>,
    pub saved: Vec<SavedDialogue>,
}

pub async fn my_dialogues(state: &App, viewer: &Viewer) -> Result<MyDialogues, Error> {
    Ok(MyDialogues {
        facilitated: state.store.dialogues_of(viewer.person).await?,
        saved: state.store.saved_dialogues(viewer.person).await?,
    })
}
