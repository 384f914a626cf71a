//! Taking part: joining with the code (no account needed; a signed-in member joins as
//! themselves), following the room, contributing, picking cards, a private note, and keeping
//! the dialogue in one's portfolio. A participant is known only by the token they got on
//! joining, and the policy lets a code holder act in their own dialogue only.

use std::net::IpAddr;

use leidraad_domain::accounts::{Action, Secret, Target};
use leidraad_domain::dialogue::{
    Audience, ContributionText, DialogueError, DialogueState, DisplayName, Format, JoinCode,
    MAX_PICKS, NoteText, Phase,
};
use leidraad_domain::policy::{DialogueId, Principal};
use leidraad_store::dialogues::{DialogueRecord, ParticipantRecord};

use super::bus::Follower;
use super::facilitate::fold;
use super::settle;
use super::start::done_events;
use crate::{App, Error, Viewer, new_secret};

use crate::guesses::GUESS_WINDOW;

/// Asks the policy whether whoever holds the code of `holds` may do `action` in `target`:
/// their own dialogue only. A refusal looks like a dialogue that is not there.
fn code_holder_may(action: Action, holds: i64, target: i64) -> Result<(), Error> {
    Principal::Participant {
        dialogue: DialogueId(holds),
    }
    .decide(action, &Target::dialogue(DialogueId(target)))
    .into_result()
    .map_err(|_| Error::NotFound)
}

/// What someone typed to join.
#[derive(Debug, Clone, Default)]
pub struct JoinRequest {
    pub code: String,
    pub name: String,
    pub anonymous: bool,
}

/// A participant's token, shown once in the address they go on to.
pub struct Joined {
    pub token: Secret,
    pub dialogue: i64,
}

/// The dialogue that `code` opens, counting a wrong code as a guess from `address`.
pub async fn dialogue_for_code(
    state: &App,
    code: &str,
    address: Option<IpAddr>,
) -> Result<DialogueRecord, Error> {
    let code = JoinCode::parse(code)?;
    let now = state.clock.now();
    let key = crate::guesses::key("dialogue-code-address", address);
    let idle_since = now - leidraad_domain::dialogue::IDLE_SECONDS;
    let reading = state
        .store
        .dialogue_by_code(code.as_str(), idle_since, &key, now - GUESS_WINDOW)
        .await?;
    crate::guesses::settle(state, &key, reading.guesses, reading.found).await
}

/// Joins the dialogue behind the code. A member joins under their own name; anyone else
/// types one, or joins anonymously where the facilitator allows it.
pub async fn join(
    state: &App,
    request: &JoinRequest,
    member: Option<&Viewer>,
    address: Option<IpAddr>,
) -> Result<Joined, Error> {
    let dialogue = dialogue_for_code(state, &request.code, address).await?;
    let name = if request.anonymous {
        if !dialogue.allow_anonymous {
            return Err(Error::BadRequest {
                code: "dialogue-anonymous-not-allowed",
            });
        }
        None
    } else if let Some(member) = member {
        Some(DisplayName::parse(&member.name)?)
    } else {
        Some(DisplayName::parse(&request.name)?)
    };
    code_holder_may(Action::JoinDialogue, dialogue.id, dialogue.id)?;
    let token = new_secret();
    let digest = token.digest();
    let person = member.filter(|_| !request.anonymous).map(|m| m.person);
    let write = state.store.join_dialogue(
        dialogue.id,
        &digest,
        name.as_ref().map(DisplayName::as_str),
        person,
        state.clock.now(),
    );
    let outcome = state
        .dialogues
        .store(&state.store, write, |o| match o {
            leidraad_store::dialogues::Outcome::Done((_, event)) => vec![event.clone()],
            _ => Vec::new(),
        })
        .await?;
    settle(outcome)?;
    Ok(Joined {
        token,
        dialogue: dialogue.id,
    })
}

/// What a participant's screen shows: the room's view of the dialogue, and their own.
pub struct ParticipantView {
    pub participant: ParticipantRecord,
    pub record: DialogueRecord,
    pub format: Format,
    pub state: DialogueState,
    /// Their own picks: card and colleague.
    pub picks: Vec<(String, Option<String>)>,
}

/// The participant behind `token`, allowed to act in their dialogue.
async fn participant(
    state: &App,
    token: &str,
) -> Result<(ParticipantRecord, DialogueRecord), Error> {
    let digest = Secret::parse(token).ok_or(Error::NotFound)?.digest();
    let (participant, record) = state
        .store
        .participant(&digest)
        .await?
        .ok_or(Error::NotFound)?;
    code_holder_may(
        Action::ContributeToDialogue,
        record.id,
        participant.dialogue_id,
    )?;
    if participant.removed {
        return Err(Error::Conflict {
            code: "dialogue-removed",
        });
    }
    Ok((participant, record))
}

pub async fn participant_view(state: &App, token: &str) -> Result<ParticipantView, Error> {
    let (participant, record) = participant(state, token).await?;
    let format = Format::parse(&record.format).map_err(|_| Error::Internal)?;
    let picks = state
        .store
        .picks(record.id)
        .await?
        .into_iter()
        .filter(|(id, _)| *id == participant.id)
        .map(|(_, pick)| (pick.card, pick.colleague))
        .collect();
    Ok(ParticipantView {
        state: fold(state, record.id, true).await?,
        participant,
        record,
        format,
        picks,
    })
}

/// The participant's stream: the room's events after `after`.
pub async fn follow_as_participant(
    state: &App,
    token: &str,
    after: i64,
) -> Result<Follower, Error> {
    let (_, record) = participant(state, token).await?;
    Ok(state
        .dialogues
        .follow(&state.store, record.id, after, Audience::Room))
}

/// Adds a contribution to the card (or phase) on the table. `anonymous` where allowed; who
/// joined anonymously always contributes anonymously.
pub async fn contribute(
    state: &App,
    token: &str,
    text: &str,
    anonymous: bool,
) -> Result<(), Error> {
    let text = ContributionText::parse(text)?;
    let (participant, record) = participant(state, token).await?;
    if anonymous && !record.allow_anonymous && participant.name.is_some() {
        return Err(Error::BadRequest {
            code: "dialogue-anonymous-not-allowed",
        });
    }
    let room = fold(state, record.id, true).await?;
    let card = room.current_card().map(|c| c.card.clone());
    let phase: Option<Phase> = room.phase;
    let write = state.store.add_contribution(
        participant.id,
        anonymous || participant.name.is_none(),
        card.as_deref(),
        phase,
        text.as_str(),
        state.clock.now(),
    );
    settle(
        state
            .dialogues
            .store(&state.store, write, done_events)
            .await?,
    )?;
    Ok(())
}

/// The cards a participant picks (Kies je kaart), with the colleague they see them in.
#[derive(Debug, Clone, Default)]
pub struct PickRequest {
    pub cards: Vec<String>,
    /// Empty: the cards fit the participant themselves.
    pub colleague: String,
}

pub async fn pick(state: &App, token: &str, request: &PickRequest) -> Result<(), Error> {
    let (participant, record) = participant(state, token).await?;
    if record.format != Format::Pick.code() {
        return Err(Error::Conflict {
            code: "dialogue-no-picks",
        });
    }
    let mut cards: Vec<String> = Vec::new();
    for card in &request.cards {
        if !record.deck.contains(card) {
            return Err(DialogueError::CardNotInDeck.into());
        }
        if !cards.contains(card) {
            cards.push(card.clone());
        }
    }
    if cards.is_empty() || cards.len() > MAX_PICKS {
        return Err(DialogueError::PicksInvalid.into());
    }
    let colleague = match request.colleague.trim() {
        "" => None,
        typed => Some(DisplayName::parse(typed)?.as_str().to_owned()),
    };
    let picks: Vec<(String, Option<String>)> =
        cards.into_iter().map(|c| (c, colleague.clone())).collect();
    let write = state
        .store
        .set_picks(participant.id, &picks, state.clock.now());
    settle(
        state
            .dialogues
            .store(&state.store, write, done_events)
            .await?,
    )?;
    Ok(())
}

/// Keeps the participant's private note. A case bringer who is a member finds their
/// take-away in their portfolio as well.
pub async fn save_note(state: &App, token: &str, note: &str) -> Result<(), Error> {
    let note = NoteText::parse(note)?;
    let (participant, record) = participant(state, token).await?;
    state
        .store
        .set_participant_note(participant.id, note.as_str())
        .await?;
    if let Some(person) = participant.person_id {
        let room = fold(state, record.id, true).await?;
        if room.bringer == Some(participant.id) {
            let person = leidraad_domain::accounts::PersonId(person);
            state
                .store
                .save_dialogue(person, record.id, note.as_str(), state.clock.now())
                .await?;
        }
    }
    Ok(())
}

/// Keeps the dialogue, with the participant's note, in the portfolio of the member who
/// joined as themselves, once the summary is shared: what is kept is what the facilitator let
/// stand. Who joined without signing in has no portfolio to keep it in.
pub async fn save_to_portfolio(state: &App, token: &str) -> Result<(), Error> {
    let (participant, record) = participant(state, token).await?;
    let person = participant.person_id.ok_or(Error::Conflict {
        code: "dialogue-keep-needs-account",
    })?;
    let room = fold(state, record.id, true).await?;
    if !room.shared {
        return Err(Error::Conflict {
            code: "dialogue-not-shared",
        });
    }
    let person = leidraad_domain::accounts::PersonId(person);
    state
        .store
        .save_dialogue(person, record.id, &participant.note, state.clock.now())
        .await?;
    Ok(())
}
