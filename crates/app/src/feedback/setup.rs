//! Setting a round up: its cards, request, closing date and coach; its groups (its raters are
//! in `raters`); and the leader's own rating. Everything here changes a round only while it is
//! a concept, except the self-rating (until it is released).

use leidraad_domain::accounts::{Action, Email, OrganisationId, Target};
use leidraad_domain::feedback::{GroupKind, GroupSettings, RequestText, closing_moment};
use leidraad_domain::{Framework, Rating};
use leidraad_store::feedback::{NewGroup, NewRound};

use super::round::own_record;
use super::settle;
use crate::reflections::{chosen_domains, load_own};
use crate::{App, Error, Viewer};

/// Which cards a round asks about, as the leader chose.
#[derive(Debug, Clone)]
pub enum ScopeChoice {
    Standard,
    Domains(Vec<String>),
    /// The focus cards of the leader's latest reflection that has them.
    Focus,
}

impl ScopeChoice {
    /// The scope as forms and the API name it: `standaard` (or nothing), `domeinen` (with the
    /// chosen domains) or `focus`.
    pub fn from_code(scope: &str, domains: &[String]) -> Result<ScopeChoice, Error> {
        match scope {
            "standaard" | "" => Ok(ScopeChoice::Standard),
            "domeinen" => Ok(ScopeChoice::Domains(domains.to_vec())),
            "focus" => Ok(ScopeChoice::Focus),
            _ => Err(Error::BadRequest {
                code: "feedback-scope-unknown",
            }),
        }
    }
}

pub struct NewRoundRequest<'a> {
    pub organisation: OrganisationId,
    pub scope: ScopeChoice,
    pub request: &'a str,
    /// "YYYY-MM-DD".
    pub closes_on: &'a str,
}

/// Starts a round as a concept, with the three usual groups (team, colleagues, board) ready
/// to be filled: a leader adds raters to them, or removes them.
pub async fn start_round(
    state: &App,
    viewer: &Viewer,
    request: &NewRoundRequest<'_>,
) -> Result<i64, Error> {
    viewer.may(
        Action::StartFeedbackRound,
        &Target::organisation(request.organisation),
    )?;
    let framework = state.library.default_framework().ok_or(Error::Internal)?;
    let now = state.clock.now();
    let text = RequestText::parse(request.request).map_err(bad)?;
    let closes_at = closing_moment(request.closes_on, now).map_err(bad)?;
    let cards = scope_cards(state, viewer, framework, &request.scope).await?;
    let id = state
        .store
        .create_round(&NewRound {
            person: viewer.person,
            organisation: Some(request.organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            cards: &cards,
            request: text.as_str(),
            closes_at,
            coach: None,
            now,
        })
        .await?;
    for kind in [GroupKind::Team, GroupKind::Colleagues, GroupKind::Board] {
        let settings = GroupSettings::new(kind, None, 3, None, false).map_err(bad)?;
        settle(
            state
                .store
                .add_group(id, viewer.person, &new_group(&settings))
                .await?,
        )?;
    }
    Ok(id)
}

async fn scope_cards(
    state: &App,
    viewer: &Viewer,
    framework: &Framework,
    scope: &ScopeChoice,
) -> Result<Vec<String>, Error> {
    let cards: Vec<String> = match scope {
        ScopeChoice::Standard => framework.cards.iter().map(|c| c.id.clone()).collect(),
        ScopeChoice::Domains(domains) => {
            if domains.iter().all(String::is_empty) {
                return Err(Error::BadRequest {
                    code: "feedback-domains-none",
                });
            }
            let domains = chosen_domains(framework, domains.iter().map(String::as_str))?;
            framework
                .cards
                .iter()
                .filter(|c| domains.contains(&c.domain))
                .map(|c| c.id.clone())
                .collect()
        }
        ScopeChoice::Focus => latest_focus_cards(state, viewer, framework).await?,
    };
    Ok(cards)
}

/// The focus cards of the newest reflection on `framework` that has any, in deck order.
async fn latest_focus_cards(
    state: &App,
    viewer: &Viewer,
    framework: &Framework,
) -> Result<Vec<String>, Error> {
    let mut reflections = state.store.reflections_of(viewer.person).await?;
    reflections.sort_by_key(|r| std::cmp::Reverse(r.started_at));
    for reflection in reflections
        .iter()
        .filter(|r| r.framework_id == framework.id)
    {
        let focus = state.store.focus_cards(reflection.id).await?;
        let cards: Vec<String> = framework
            .cards
            .iter()
            .filter(|c| focus.contains(&c.id))
            .map(|c| c.id.clone())
            .collect();
        if !cards.is_empty() {
            return Ok(cards);
        }
    }
    Err(Error::BadRequest {
        code: "feedback-focus-none",
    })
}

/// Changes the request, the closing date and the coach who approves (by e-mail address; an
/// empty address: no approval asked). Only while the round is a concept.
pub async fn update_round(
    state: &App,
    viewer: &Viewer,
    id: i64,
    request: &str,
    closes_on: &str,
    coach_email: &str,
) -> Result<(), Error> {
    let record = own_record(state, viewer, id).await?;
    let now = state.clock.now();
    let text = RequestText::parse(request).map_err(bad)?;
    let closes_at = closing_moment(closes_on, now).map_err(bad)?;
    let coach = coach_named(state, viewer, coach_email).await?;
    settle(
        state
            .store
            .update_round_setup(record.id, viewer.person, text.as_str(), closes_at, coach)
            .await?,
    )
}

/// The colleague named by `coach_email`; `None` for an empty address. One's own address is
/// refused by name: the colleague lookup never finds oneself, so it would read "unknown".
async fn coach_named(
    state: &App,
    viewer: &Viewer,
    coach_email: &str,
) -> Result<Option<leidraad_domain::accounts::PersonId>, Error> {
    if coach_email.trim().is_empty() {
        return Ok(None);
    }
    let email = Email::parse(coach_email).map_err(|e| Error::BadRequest { code: e.code() })?;
    if Email::parse(&viewer.email).is_ok_and(|own| own.lookup_key() == email.lookup_key()) {
        return Err(Error::BadRequest {
            code: "feedback-coach-self",
        });
    }
    let coach = state
        .store
        .colleague_by_email(&email.lookup_key(), viewer.person)
        .await?
        .ok_or(Error::BadRequest {
            code: "feedback-coach-unknown",
        })?;
    Ok(Some(coach))
}

/// A group as the leader asks for it; checked by the domain's rules.
pub struct GroupRequest<'a> {
    pub kind: &'a str,
    pub label: &'a str,
    pub threshold: usize,
    /// `None`: the same as `threshold`.
    pub comment_threshold: Option<usize>,
    pub identifiable: bool,
}

pub async fn add_group(
    state: &App,
    viewer: &Viewer,
    id: i64,
    group: &GroupRequest<'_>,
) -> Result<i64, Error> {
    own_record(state, viewer, id).await?;
    let kind = GroupKind::from_code(group.kind).map_err(bad)?;
    let label = (kind == GroupKind::Own).then_some(group.label);
    let settings = GroupSettings::new(
        kind,
        label,
        group.threshold,
        group.comment_threshold,
        group.identifiable,
    )
    .map_err(bad)?;
    settle(
        state
            .store
            .add_group(id, viewer.person, &new_group(&settings))
            .await?,
    )
}

fn new_group(settings: &GroupSettings) -> NewGroup<'_> {
    NewGroup {
        kind: settings.kind.code(),
        label: settings.label.as_deref(),
        threshold: settings.threshold() as i64,
        comment_threshold: settings.comment_threshold() as i64,
        identifiable: settings.identifiable,
    }
}

pub async fn remove_group(state: &App, viewer: &Viewer, id: i64, group: i64) -> Result<(), Error> {
    own_record(state, viewer, id).await?;
    settle(state.store.remove_group(id, viewer.person, group).await?)
}

/// Moves every rater of `from` into `into` and removes `from`: what the preview offers when
/// two groups are each too small to be shown.
pub async fn merge_groups(
    state: &App,
    viewer: &Viewer,
    id: i64,
    into: i64,
    from: i64,
) -> Result<(), Error> {
    own_record(state, viewer, id).await?;
    if into == from {
        return Err(Error::BadRequest {
            code: "feedback-merge-same",
        });
    }
    settle(
        state
            .store
            .merge_groups(id, viewer.person, into, from)
            .await?,
    )
}

/// The leader's own rating of one card of the round (`None` clears it), until release.
pub async fn save_self_rating(
    state: &App,
    viewer: &Viewer,
    id: i64,
    card: &str,
    rating: Option<Rating>,
) -> Result<(), Error> {
    let record = own_record(state, viewer, id).await?;
    if !record.cards.iter().any(|c| c == card) {
        return Err(Error::BadRequest {
            code: "card-unknown",
        });
    }
    let score = rating.map(|r| i64::from(r.score()));
    settle(
        state
            .store
            .save_self_answer(id, viewer.person, card, score)
            .await?,
    )
}

/// Takes the piles of one's own finished reflection on the same deck as the self-rating.
pub async fn self_rating_from_reflection(
    state: &App,
    viewer: &Viewer,
    id: i64,
    reflection: i64,
) -> Result<(), Error> {
    let record = own_record(state, viewer, id).await?;
    let unusable = Error::BadRequest {
        code: "feedback-reflection-unusable",
    };
    // Someone else's reflection is as unusable as one that does not exist: the round was
    // found, so "not found" would point at it.
    let full = match load_own(state, viewer, reflection).await {
        Err(Error::NotFound) => return Err(unusable),
        other => other?,
    };
    if full.record.finished_at.is_none() || full.record.framework_id != record.framework_id {
        return Err(unusable);
    }
    settle(
        state
            .store
            .copy_self_from_reflection(id, viewer.person, reflection)
            .await?,
    )
    .map(|_| ())
}

fn bad(error: leidraad_domain::feedback::FeedbackError) -> Error {
    Error::BadRequest { code: error.code() }
}
