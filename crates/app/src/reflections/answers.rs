//! Saving what a person says about a card: its answer, and own cards written for a domain.

use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::reflection::{CardText, Pile};
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, OwnCardRecord};

use super::{framework_of, load_own, open_own, settle};
use crate::App;
use crate::Error;
use crate::Viewer;
use crate::cache::ReflectionShape;

/// An answer as typed: checked here. A part left `None` is not meant to change and keeps
/// what is stored; `pile: Some(None)` or `Some(Some(""))` unsorts the card.
#[derive(Default)]
pub struct AnswerInput<'a> {
    pub pile: Option<Option<&'a str>>,
    pub note: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub starred: Option<bool>,
}

/// Checks and saves one card's answer in the viewer's own open reflection. A card that is
/// not in the reflection (another framework's, another domain's, someone else's own card) is
/// refused, and nothing is stored.
pub async fn save_answer(
    state: &App,
    viewer: &Viewer,
    id: i64,
    card: &str,
    input: AnswerInput<'_>,
) -> Result<(), Error> {
    // The autosave hot path: who wrote the reflection, its framework and its domains never
    // change, so they come from memory after the first read. Whether it is still open, and
    // still the viewer's, the write itself checks.
    let shape = state.reflection_shapes.get(&state.store, id).await?;
    viewer.may(Action::ViewOwnReflection, &Target::owned_by(shape.person))?;
    check_in_scope(state, &shape, id, &[card]).await?;
    let pile = parse_pile(input.pile.flatten())?;
    let text = |typed: Option<&str>| {
        CardText::note(typed.unwrap_or_default()).map_err(|e| Error::BadRequest { code: e.code() })
    };
    let note = text(input.note)?;
    let evidence = text(input.evidence)?;
    let update = AnswerUpdate {
        card_id: card,
        pile,
        note: note.as_str(),
        evidence: evidence.as_str(),
        starred: input.starred.unwrap_or_default(),
        fields: AnswerFields {
            pile: input.pile.is_some(),
            note: input.note.is_some(),
            evidence: input.evidence.is_some(),
            starred: input.starred.is_some(),
        },
    };
    settle(
        state
            .store
            .save_answer(viewer.person, id, update, state.clock.now())
            .await?,
    )
}

/// Moves several cards of the viewer's own open reflection to the piles named (`None` or ""
/// unsorts), leaving their notes, evidence and stars as stored: the pile board's form. Every
/// card and pile is checked before anything is saved, so a form with one bad value changes
/// nothing.
pub async fn move_cards(
    state: &App,
    viewer: &Viewer,
    id: i64,
    moves: &[(&str, Option<&str>)],
) -> Result<(), Error> {
    let shape = state.reflection_shapes.get(&state.store, id).await?;
    viewer.may(Action::ViewOwnReflection, &Target::owned_by(shape.person))?;
    let cards: Vec<&str> = moves.iter().map(|(card, _)| *card).collect();
    check_in_scope(state, &shape, id, &cards).await?;
    let piles = moves
        .iter()
        .map(|(_, pile)| parse_pile(*pile))
        .collect::<Result<Vec<_>, _>>()?;
    for ((card, _), pile) in moves.iter().zip(piles) {
        let update = AnswerUpdate {
            card_id: card,
            pile,
            note: "",
            evidence: "",
            starred: false,
            fields: AnswerFields {
                pile: true,
                note: false,
                evidence: false,
                starred: false,
            },
        };
        settle(
            state
                .store
                .save_answer(viewer.person, id, update, state.clock.now())
                .await?,
        )?;
    }
    Ok(())
}

/// Refuses a card that is not in the reflection: another framework's, another domain's,
/// someone else's own card. Own cards are read only when a key is not a printed card's.
async fn check_in_scope(
    state: &App,
    shape: &ReflectionShape,
    id: i64,
    cards: &[&str],
) -> Result<(), Error> {
    let framework = state
        .library
        .framework(&shape.framework_id)
        .ok_or(Error::Internal)?;
    let mut own_cards = None;
    for card in cards {
        let in_scope = match framework.card(card) {
            Some(printed) => shape.domains.contains(&printed.domain),
            None => {
                if own_cards.is_none() {
                    own_cards = Some(state.store.own_cards(id).await?);
                }
                own_cards
                    .iter()
                    .flatten()
                    .any(|own| own.key() == *card && shape.domains.contains(&own.domain_id))
            }
        };
        if !in_scope {
            return Err(Error::BadRequest {
                code: "card-not-in-reflection",
            });
        }
    }
    Ok(())
}

/// A pile as typed: 1–4 or a pile's code; nothing (or only spaces) unsorts.
fn parse_pile(typed: Option<&str>) -> Result<Option<Pile>, Error> {
    match typed.map(str::trim).filter(|p| !p.is_empty()) {
        Some(text) => text
            .parse::<Pile>()
            .map(Some)
            .map_err(|e| Error::BadRequest { code: e.code() }),
        None => Ok(None),
    }
}

pub async fn add_own_card(
    state: &App,
    viewer: &Viewer,
    id: i64,
    domain: &str,
    text: &str,
) -> Result<OwnCardRecord, Error> {
    let record = open_own(state, viewer, id).await?;
    if !record.domains.iter().any(|d| d == domain) {
        return Err(Error::BadRequest {
            code: "domain-not-in-reflection",
        });
    }
    let text = CardText::own_card(text).map_err(|e| Error::BadRequest { code: e.code() })?;
    let framework = framework_of(state, &record)?;
    let change = state
        .store
        .add_own_card(
            viewer.person,
            id,
            domain,
            text.as_str(),
            usize::from(framework.own_cards_per_domain),
            state.clock.now(),
        )
        .await?;
    settle(change)
}

/// Deletes an own card (and its answer) from one's own open reflection; returns its domain.
pub async fn delete_own_card(
    state: &App,
    viewer: &Viewer,
    id: i64,
    card: i64,
) -> Result<String, Error> {
    let domain = load_own(state, viewer, id)
        .await?
        .own_cards
        .into_iter()
        .find(|c| c.id == card)
        .map(|c| c.domain_id)
        .ok_or(Error::NotFound)?;
    settle(state.store.delete_own_card(viewer.person, id, card).await?)?;
    Ok(domain)
}
