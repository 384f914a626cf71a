//! What the reflection pages and the API share: who may open a reflection, which cards lie in
//! it, and how an answer is checked before it is saved. The rules themselves (piles, limits,
//! the profile, focus cards) live in the domain crate.

use std::collections::HashMap;

use leidraad_domain::accounts::limits::{HOUR, SHARE_LIMIT};
use leidraad_domain::accounts::{Action, Email, PersonId, Target};
use leidraad_domain::reflection::{CardText, Comparison, Pile, Profile, SortedCard, check_focus};
use leidraad_domain::{Framework, Language};
use leidraad_store::accounts::NewAuditEvent;
use leidraad_store::reflections::{
    AnswerFields, AnswerRecord, AnswerUpdate, Change, FullReflection, NewReflection, OwnCardRecord,
    ReflectionRecord,
};

use crate::App;
use crate::Error;
use crate::Viewer;

/// A reflection as its reader may see it.
pub struct Opened {
    pub record: ReflectionRecord,
    /// The author is reading (and, while unfinished, may write).
    pub own: bool,
}

/// Opens a reflection for reading: its author, or a person it is shared with. Anyone else,
/// admins and board members included, gets 404, as for a reflection that does not exist.
pub async fn open(state: &App, viewer: &Viewer, id: i64) -> Result<Opened, Error> {
    let record = state.store.reflection(id).await?.ok_or(Error::NotFound)?;
    let own = if record.person_id == viewer.person {
        may_read(viewer, &record, &[])?
    } else {
        let viewers = state.store.reflection_viewers(id).await?;
        may_read(viewer, &record, &viewers)?
    };
    Ok(Opened { record, own })
}

/// Whether the viewer may read the reflection (shared with `viewers`), and as its author.
fn may_read(
    viewer: &Viewer,
    record: &ReflectionRecord,
    viewers: &[PersonId],
) -> Result<bool, Error> {
    if record.person_id == viewer.person {
        viewer.may(
            Action::ViewOwnReflection,
            &Target::owned_by(record.person_id),
        )?;
        return Ok(true);
    }
    viewer.may(
        Action::ViewSharedReflection,
        &Target::shared_with(record.person_id, viewers),
    )?;
    Ok(false)
}

/// A reflection with everything its pages show, as its reader may see it.
pub struct Loaded {
    pub full: FullReflection,
    /// The author is reading.
    pub own: bool,
}

/// Reads a reflection with its answers, own cards, focus cards, shares and the author's
/// other moments in one statement (one round trip), then asks the policy exactly as
/// [`open`] does.
pub async fn load(state: &App, viewer: &Viewer, id: i64) -> Result<Loaded, Error> {
    let full = state
        .store
        .full_reflection(id, viewer.person)
        .await?
        .ok_or(Error::NotFound)?;
    let own = may_read(viewer, &full.record, &full.viewers())?;
    Ok(Loaded { full, own })
}

/// As [`load`], for the author only: a reader it is shared with gets 404, as from
/// [`open_own`].
pub async fn load_own(state: &App, viewer: &Viewer, id: i64) -> Result<FullReflection, Error> {
    let loaded = load(state, viewer, id).await?;
    if !loaded.own {
        return Err(Error::NotFound);
    }
    Ok(loaded.full)
}

/// Opens one's own reflection for a change.
pub async fn open_own(state: &App, viewer: &Viewer, id: i64) -> Result<ReflectionRecord, Error> {
    let opened = open(state, viewer, id).await?;
    if !opened.own {
        // Shared readers may look, never touch; and they learn nothing new from a 404.
        return Err(Error::NotFound);
    }
    Ok(opened.record)
}

pub fn framework_of<'a>(state: &'a App, record: &ReflectionRecord) -> Result<&'a Framework, Error> {
    state
        .library
        .framework(&record.framework_id)
        .ok_or(Error::Internal)
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
    language: Language,
    framework: &Framework,
    record: &ReflectionRecord,
    own_cards: &[OwnCardRecord],
) -> Vec<ScopeCard> {
    let mut cards = Vec::with_capacity(framework.cards.len() + own_cards.len());
    for domain in framework
        .domains
        .iter()
        .filter(|d| record.domains.contains(&d.id))
    {
        cards.extend(framework.cards_of(&domain.id).map(|card| ScopeCard {
            key: card.id.clone(),
            domain: domain.id.clone(),
            text: card.text.get(language).to_owned(),
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
    let framework = state
        .library
        .framework(&shape.framework_id)
        .ok_or(Error::Internal)?;
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
        return Err(Error::BadRequest {
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
                .map_err(|e| Error::BadRequest { code: e.code() })?,
        ),
        None => None,
    };
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

/// A store outcome as a use case's answer.
pub fn settle<T>(change: Change<T>) -> Result<T, Error> {
    match change {
        Change::Done(value) => Ok(value),
        Change::NotFound => Err(Error::NotFound),
        Change::Finished => Err(Error::Conflict {
            code: "reflection-finished",
        }),
        Change::TooManyOwnCards => Err(Error::Conflict {
            code: "own-cards-full",
        }),
    }
}

/// Adds a focus card after checking the domain's rule.
pub async fn add_focus(state: &App, viewer: &Viewer, id: i64, card: &str) -> Result<(), Error> {
    let record = open_own(state, viewer, id).await?;
    let cards = cards_of(state, Language::default(), &record).await?;
    let mut chosen = state.store.focus_cards(id).await?;
    check_focus(&chosen, card, &cards).map_err(|e| Error::Conflict { code: e.code() })?;
    chosen.push(card.to_owned());
    settle(
        state
            .store
            .set_focus_cards(viewer.person, id, &chosen)
            .await?,
    )
}

pub async fn remove_focus(state: &App, viewer: &Viewer, id: i64, card: &str) -> Result<(), Error> {
    open_own(state, viewer, id).await?;
    let mut chosen = state.store.focus_cards(id).await?;
    let before = chosen.len();
    chosen.retain(|c| c != card);
    if chosen.len() == before {
        return Err(Error::NotFound);
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
    state: &App,
    language: Language,
    record: &ReflectionRecord,
) -> Result<Vec<SortedCard>, Error> {
    let framework = framework_of(state, record)?;
    let own_cards = state.store.own_cards(record.id).await?;
    let scope = scope_cards(language, framework, record, &own_cards);
    let answers = state.store.answers(record.id).await?;
    Ok(sorted_cards(&scope, &answers))
}

/// The domains to reflect on: all of the framework's, or the chosen ones in its order. An
/// unknown domain id is refused.
pub fn chosen_domains<'a>(
    framework: &Framework,
    chosen: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<String>, Error> {
    let chosen: Vec<&str> = chosen.into_iter().filter(|c| !c.is_empty()).collect();
    if chosen.iter().any(|c| framework.domain(c).is_none()) {
        return Err(Error::BadRequest {
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
pub async fn share(state: &App, viewer: &Viewer, id: i64, email: &str) -> Result<(), Error> {
    let record = open_own(state, viewer, id).await?;
    let now = state.clock.now();
    // The try is written before it is counted, in one step that puts tries sent at the same
    // moment in order: none can slip past the limit, and the first ones still get through.
    let tries = state
        .store
        .record_counted_try(
            viewer.person,
            NewAuditEvent {
                at: now,
                organisation: record.organisation_id,
                actor: Some(viewer.person),
                subject: None,
                event: "reflection-share-try",
                outcome: "tried",
                detail: "",
            },
            now - HOUR,
        )
        .await?;
    tracing::info!(event = "reflection-share-try", outcome = "tried", "audit");
    let audit = |event, outcome, subject, detail| {
        crate::accounts::audit(
            state,
            record.organisation_id,
            Some(viewer.person),
            subject,
            event,
            outcome,
            detail,
        )
    };
    let outcome = if tries.len() > SHARE_LIMIT.0 {
        let retry_after = SHARE_LIMIT.wait(&tries, now).unwrap_or(1);
        Err(Error::TooManyAttempts { retry_after })
    } else {
        share_with_colleague(state, viewer, &record, email, now).await
    };
    let (verdict, detail, subject) = match &outcome {
        Ok(person) => ("succeeded", "", Some(*person)),
        Err(error) => ("refused", error.code(), None),
    };
    audit("reflection-share", verdict, subject, detail).await?;
    outcome.map(|_| ())
}

async fn share_with_colleague(
    state: &App,
    viewer: &Viewer,
    record: &ReflectionRecord,
    email: &str,
    now: i64,
) -> Result<leidraad_domain::accounts::PersonId, Error> {
    // Checked before the address is looked at, so this answer depends on nothing about it.
    if record.finished_at.is_none() {
        return Err(Error::Conflict {
            code: "reflection-not-finished",
        });
    }
    let email = Email::parse(email).map_err(|e| Error::BadRequest { code: e.code() })?;
    let person = state
        .store
        .colleague_by_email(&email.lookup_key(), viewer.person)
        .await?
        .ok_or(Error::BadRequest {
            code: "share-person-unknown",
        })?;
    let change = state
        .store
        .share_reflection(viewer.person, record.id, person, now)
        .await?;
    match change {
        Change::Finished => Err(Error::Conflict {
            code: "reflection-not-finished",
        }),
        other => settle(other).map(|()| person),
    }
}

/// What starting a reflection asks for: where, which framework (the default one when
/// `None`), which domains (all when empty), and an earlier reflection of one's own to start
/// from.
pub struct NewReflectionRequest<'a> {
    pub organisation: leidraad_domain::accounts::OrganisationId,
    pub framework: Option<&'a str>,
    pub domains: &'a [String],
    pub prefill_from: Option<i64>,
}

/// Starts a reflection; the page's form and the API share it.
pub async fn start(
    state: &App,
    viewer: &Viewer,
    request: &NewReflectionRequest<'_>,
) -> Result<i64, Error> {
    let organisation = request.organisation;
    viewer.may(
        leidraad_domain::accounts::Action::StartReflection,
        &leidraad_domain::accounts::Target::organisation(organisation),
    )?;
    let framework = match request.framework {
        Some(id) => state.library.framework(id),
        None => state.library.default_framework(),
    }
    .ok_or(Error::BadRequest {
        code: "framework-unknown",
    })?;
    let domains = chosen_domains(framework, request.domains.iter().map(String::as_str))?;
    state
        .store
        .create_reflection(NewReflection {
            person: viewer.person,
            organisation: Some(organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &domains,
            now: state.clock.now(),
            prefill_from: request.prefill_from,
        })
        .await?
        .ok_or(Error::BadRequest {
            code: "prefill-unknown",
        })
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

/// Compares two of the viewer's own reflections of one framework, the earlier first.
pub async fn compare(
    state: &App,
    language: Language,
    viewer: &Viewer,
    a: i64,
    b: i64,
) -> Result<(ReflectionRecord, ReflectionRecord, Comparison), Error> {
    let first = open_own(state, viewer, a).await?;
    let second = open_own(state, viewer, b).await?;
    if first.framework_id != second.framework_id {
        return Err(Error::BadRequest {
            code: "compare-other-framework",
        });
    }
    let (earlier, later) = if (first.started_at, first.id) <= (second.started_at, second.id) {
        (first, second)
    } else {
        (second, first)
    };
    let framework = framework_of(state, &later)?;
    let domains: Vec<&str> = framework
        .domains
        .iter()
        .map(|d| d.id.as_str())
        .filter(|d| earlier.domains.iter().any(|e| e == d) || later.domains.iter().any(|l| l == d))
        .collect();
    let before = cards_of(state, language, &earlier).await?;
    let after = cards_of(state, language, &later).await?;
    let comparison = Comparison::between(&domains, &before, &after);
    Ok((earlier, later, comparison))
}

/// Finishes one's own reflection: dated, and read-only from now on.
pub async fn finish(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    open_own(state, viewer, id).await?;
    settle(
        state
            .store
            .finish_reflection(viewer.person, id, state.clock.now())
            .await?,
    )
}

/// Withdraws a share: the person gets "not found" again at once.
pub async fn unshare(
    state: &App,
    viewer: &Viewer,
    id: i64,
    person: leidraad_domain::accounts::PersonId,
) -> Result<(), Error> {
    open_own(state, viewer, id).await?;
    if !state
        .store
        .unshare_reflection(viewer.person, id, person)
        .await?
    {
        return Err(Error::NotFound);
    }
    Ok(())
}

/// Deletes an own card (and its answer) from one's own open reflection; returns its domain.
pub async fn delete_own_card(
    state: &App,
    viewer: &Viewer,
    id: i64,
    card: i64,
) -> Result<String, Error> {
    open_own(state, viewer, id).await?;
    let domain = state
        .store
        .own_cards(id)
        .await?
        .into_iter()
        .find(|c| c.id == card)
        .map(|c| c.domain_id)
        .ok_or(Error::NotFound)?;
    settle(state.store.delete_own_card(viewer.person, id, card).await?)?;
    Ok(domain)
}
