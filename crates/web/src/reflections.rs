//! What the reflection pages and the API share: who may open a reflection, which cards lie in
//! it, and how an answer is checked before it is saved. The rules themselves (piles, limits,
//! the profile, focus cards) live in the domain crate.

use std::collections::HashMap;

use leidraad_domain::Framework;
use leidraad_domain::accounts::limits::{HOUR, SHARE_LIMIT};
use leidraad_domain::accounts::{Action, Email, Target};
use leidraad_domain::reflection::{CardText, Pile, Profile, SortedCard, check_focus};
use leidraad_store::reflections::{
    AnswerFields, AnswerRecord, AnswerUpdate, Change, OwnCardRecord, ReflectionRecord,
};

use crate::AppState;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::i18n::Tr;

/// A reflection as its reader may see it.
pub struct Opened {
    pub record: ReflectionRecord,
    /// The author is reading (and, while unfinished, may write).
    pub own: bool,
}

/// Opens a reflection for reading: its author, or a person it is shared with. Anyone else,
/// admins and board members included, gets 404, as for a reflection that does not exist.
pub async fn open(state: &AppState, viewer: &Viewer, id: i64) -> Result<Opened, AppError> {
    let record = state
        .store
        .reflection(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if record.person_id == viewer.person {
        viewer.may(
            Action::ViewOwnReflection,
            &Target::owned_by(record.person_id),
        )?;
        return Ok(Opened { record, own: true });
    }
    let viewers = state.store.reflection_viewers(id).await?;
    viewer.may(
        Action::ViewSharedReflection,
        &Target::shared_with(record.person_id, &viewers),
    )?;
    Ok(Opened { record, own: false })
}

/// Opens one's own reflection for a change.
pub async fn open_own(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
) -> Result<ReflectionRecord, AppError> {
    let opened = open(state, viewer, id).await?;
    if !opened.own {
        // Shared readers may look, never touch; and they learn nothing new from a 404.
        return Err(AppError::NotFound);
    }
    Ok(opened.record)
}

pub fn framework_of<'a>(
    state: &'a AppState,
    record: &ReflectionRecord,
) -> Result<&'a Framework, AppError> {
    state
        .library
        .framework(&record.framework_id)
        .ok_or(AppError::Internal)
}

/// One card of a reflection: a framework card or an own card.
#[derive(Debug, Clone)]
pub struct ScopeCard {
    pub key: String,
    pub domain: String,
    pub text: String,
    pub own: bool,
}

/// The cards in the reflection's domains, in the framework's order, each domain's own cards
/// after its printed ones.
pub fn scope_cards(
    tr: Tr,
    framework: &Framework,
    record: &ReflectionRecord,
    own_cards: &[OwnCardRecord],
) -> Vec<ScopeCard> {
    let mut cards = Vec::new();
    for domain in framework
        .domains
        .iter()
        .filter(|d| record.domains.contains(&d.id))
    {
        cards.extend(framework.cards_of(&domain.id).map(|card| ScopeCard {
            key: card.id.clone(),
            domain: domain.id.clone(),
            text: tr.pick(&card.text).to_owned(),
            own: false,
        }));
        cards.extend(
            own_cards
                .iter()
                .filter(|c| c.domain_id == domain.id)
                .map(|c| ScopeCard {
                    key: c.key(),
                    domain: domain.id.clone(),
                    text: c.text.clone(),
                    own: true,
                }),
        );
    }
    cards
}

/// Every card in scope with its answer, unsorted ones included.
pub fn sorted_cards(scope: &[ScopeCard], answers: &[AnswerRecord]) -> Vec<SortedCard> {
    let by_card: HashMap<&str, &AnswerRecord> =
        answers.iter().map(|a| (a.card_id.as_str(), a)).collect();
    scope
        .iter()
        .map(|card| {
            let answer = by_card.get(card.key.as_str());
            SortedCard {
                card: card.key.clone(),
                domain: card.domain.clone(),
                pile: answer.and_then(|a| a.pile),
                starred: answer.is_some_and(|a| a.starred),
            }
        })
        .collect()
}

/// The reflection's profile, over its domains in the framework's order.
pub fn profile(record: &ReflectionRecord, cards: &[SortedCard]) -> Profile {
    let domains: Vec<&str> = record.domains.iter().map(String::as_str).collect();
    Profile::of(&domains, cards)
}

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
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    card: &str,
    input: AnswerInput<'_>,
) -> Result<(), AppError> {
    // The autosave hot path: who wrote the reflection, its framework and its domains never
    // change, so they come from memory after the first read. Whether it is still open, and
    // still the viewer's, the write itself checks.
    let shape = state.reflection_shapes.get(&state.store, id).await?;
    viewer.may(Action::ViewOwnReflection, &Target::owned_by(shape.person))?;
    let framework = state
        .library
        .framework(&shape.framework_id)
        .ok_or(AppError::Internal)?;
    let in_scope = match framework.card(card) {
        Some(printed) => shape.domains.contains(&printed.domain),
        None => state
            .store
            .own_cards(id)
            .await?
            .iter()
            .any(|own| own.key() == card && shape.domains.contains(&own.domain_id)),
    };
    if !in_scope {
        return Err(AppError::BadRequest {
            code: "card-not-in-reflection",
        });
    }
    let pile = match input
        .pile
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(text) => Some(
            text.parse::<Pile>()
                .map_err(|e| AppError::BadRequest { code: e.code() })?,
        ),
        None => None,
    };
    let text = |typed: Option<&str>| {
        CardText::note(typed.unwrap_or_default())
            .map_err(|e| AppError::BadRequest { code: e.code() })
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

/// What never changes about a reflection once it exists.
#[derive(Debug, Clone)]
pub struct ReflectionShape {
    pub person: leidraad_domain::accounts::PersonId,
    pub framework_id: String,
    pub domains: Vec<String>,
}

/// Reflection shapes by id, read once. Only facts that cannot change are kept. SQLite may
/// give the id of an erased reflection to a new one, so the memory is emptied together with
/// the viewer cache, by every request that may change identities (an erasure among them).
#[derive(Clone, Default)]
pub struct ReflectionShapes {
    shapes: std::sync::Arc<std::sync::RwLock<HashMap<i64, std::sync::Arc<ReflectionShape>>>>,
}

/// Beyond this many reflections the memory starts over.
const MAX_SHAPES: usize = 50_000;

impl ReflectionShapes {
    pub fn forget_all(&self) {
        if let Ok(mut shapes) = self.shapes.write() {
            shapes.clear();
        }
    }

    pub async fn get(
        &self,
        store: &leidraad_store::Store,
        id: i64,
    ) -> Result<std::sync::Arc<ReflectionShape>, AppError> {
        if let Some(shape) = self.shapes.read().ok().and_then(|s| s.get(&id).cloned()) {
            return Ok(shape);
        }
        let record = store.reflection(id).await?.ok_or(AppError::NotFound)?;
        let shape = std::sync::Arc::new(ReflectionShape {
            person: record.person_id,
            framework_id: record.framework_id,
            domains: record.domains,
        });
        if let Ok(mut shapes) = self.shapes.write() {
            if shapes.len() >= MAX_SHAPES {
                shapes.clear();
            }
            shapes.insert(id, shape.clone());
        }
        Ok(shape)
    }
}

/// A store outcome as the HTTP answer.
pub fn settle<T>(change: Change<T>) -> Result<T, AppError> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(AppError::NotFound),
        Change::Finished => Err(AppError::Conflict {
            code: "reflection-finished",
        }),
        Change::TooManyOwnCards => Err(AppError::Conflict {
            code: "own-cards-full",
        }),
    }
}

/// Adds a focus card after checking the domain's rule.
pub async fn add_focus(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    card: &str,
) -> Result<(), AppError> {
    let record = open_own(state, viewer, id).await?;
    let cards = cards_of(state, Tr::new(Default::default()), &record).await?;
    let mut chosen = state.store.focus_cards(id).await?;
    check_focus(&chosen, card, &cards).map_err(|e| AppError::Conflict { code: e.code() })?;
    chosen.push(card.to_owned());
    settle(
        state
            .store
            .set_focus_cards(viewer.person, id, &chosen)
            .await?,
    )
}

pub async fn remove_focus(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    card: &str,
) -> Result<(), AppError> {
    open_own(state, viewer, id).await?;
    let mut chosen = state.store.focus_cards(id).await?;
    let before = chosen.len();
    chosen.retain(|c| c != card);
    if chosen.len() == before {
        return Err(AppError::NotFound);
    }
    settle(
        state
            .store
            .set_focus_cards(viewer.person, id, &chosen)
            .await?,
    )
}

/// The reflection's cards with their answers.
pub async fn cards_of(
    state: &AppState,
    tr: Tr,
    record: &ReflectionRecord,
) -> Result<Vec<SortedCard>, AppError> {
    let framework = framework_of(state, record)?;
    let own_cards = state.store.own_cards(record.id).await?;
    let scope = scope_cards(tr, framework, record, &own_cards);
    let answers = state.store.answers(record.id).await?;
    Ok(sorted_cards(&scope, &answers))
}

/// The domains to reflect on: all of the framework's, or the chosen ones in its order. An
/// unknown domain id is refused.
pub fn chosen_domains<'a>(
    framework: &Framework,
    chosen: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<String>, AppError> {
    let chosen: Vec<&str> = chosen.into_iter().filter(|c| !c.is_empty()).collect();
    if chosen.iter().any(|c| framework.domain(c).is_none()) {
        return Err(AppError::BadRequest {
            code: "domain-unknown",
        });
    }
    Ok(framework
        .domains
        .iter()
        .filter(|d| chosen.is_empty() || chosen.contains(&d.id.as_str()))
        .map(|d| d.id.clone())
        .collect())
}

/// Shares a finished reflection with a colleague named by e-mail address. Only people who
/// share an organisation with the author can be found; any other address, with an account or
/// without, gets the same refusal, so sharing tells nobody who else uses Leidraad. Every try is
/// in the audit log and counts towards [`SHARE_LIMIT`] an hour.
pub async fn share(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    email: &str,
) -> Result<(), AppError> {
    let record = open_own(state, viewer, id).await?;
    let now = state.clock.now();
    let tries = state
        .store
        .audit_times(viewer.person, "reflection-share", now - HOUR)
        .await?;
    if let Some(retry_after) = SHARE_LIMIT.wait(&tries, now) {
        return Err(AppError::TooManyAttempts { retry_after });
    }
    let outcome = share_with_colleague(state, viewer, &record, email, now).await;
    let (verdict, detail, subject) = match &outcome {
        Ok(person) => ("succeeded", "", Some(*person)),
        Err(error) => ("refused", error_code(error), None),
    };
    crate::accounts::audit(
        state,
        record.organisation_id,
        Some(viewer.person),
        subject,
        "reflection-share",
        verdict,
        detail,
    )
    .await?;
    outcome.map(|_| ())
}

async fn share_with_colleague(
    state: &AppState,
    viewer: &Viewer,
    record: &ReflectionRecord,
    email: &str,
    now: i64,
) -> Result<leidraad_domain::accounts::PersonId, AppError> {
    // Checked before the address is looked at, so this answer depends on nothing about it.
    if record.finished_at.is_none() {
        return Err(AppError::Conflict {
            code: "reflection-not-finished",
        });
    }
    let email = Email::parse(email).map_err(|e| AppError::BadRequest { code: e.code() })?;
    let person = state
        .store
        .colleague_by_email(&email.lookup_key(), viewer.person)
        .await?
        .ok_or(AppError::BadRequest {
            code: "share-person-unknown",
        })?;
    let change = state
        .store
        .share_reflection(viewer.person, record.id, person, now)
        .await?;
    match change {
        Change::Finished => Err(AppError::Conflict {
            code: "reflection-not-finished",
        }),
        other => settle(other).map(|()| person),
    }
}

/// The code an audit entry names a refused share by.
fn error_code(error: &AppError) -> &'static str {
    match error {
        AppError::BadRequest { code } | AppError::Conflict { code } => code,
        AppError::NotFound => "not-found",
        _ => "failed",
    }
}
