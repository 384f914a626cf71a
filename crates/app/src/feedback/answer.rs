//! Answering through a token link. The link is all a rater holds: no account, no name. Their
//! draft hangs from the link while they work; submitting moves it, in one transaction, into an
//! anonymous response that knows only its round and group (see the store's `submit`).

use std::collections::HashSet;
use std::net::IpAddr;

use leidraad_domain::RaterAnswer;
use leidraad_domain::accounts::{Action, Secret, Target};
use leidraad_domain::feedback::{CommentText, GroupSettings};
use leidraad_domain::policy::{AnswerLinkId, FeedbackRoundId, Principal, RoundId};
use leidraad_store::feedback::{Draft, LinkView, RoundRecord};

use super::release::release_if_due;
use super::round::settings_of_row;
use super::settle;
use crate::{App, Error};
use leidraad_store::feedback::RoundState;

use crate::guesses::GUESS_WINDOW;

/// What the rater's page shows.
pub struct RaterForm {
    pub link: LinkView,
    pub round: RoundRecord,
    pub leader_name: String,
    pub group_kind: String,
    pub group_label: Option<String>,
    pub settings: GroupSettings,
    pub draft: Draft,
}

impl RaterForm {
    /// Answering is possible: the round is open and this link has not submitted.
    pub fn is_open(&self) -> bool {
        self.round.state == RoundState::Open && !self.link.answered
    }
}

/// A whole form, sent at once (the API's one-request submit).
#[derive(Debug, Default)]
pub struct RaterSubmission {
    pub answers: Vec<(String, RaterAnswer)>,
    /// Domain id, or "" for the general comment.
    pub comments: Vec<(String, CommentText)>,
}

/// Checks a link from an address bar or cookie. An unknown or malformed token counts as a
/// guess from `address`; after `guesses::GUESS_LIMIT` in a minute every try waits, right or wrong.
pub async fn open_link(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<LinkView, Error> {
    Ok(find_link(state, token, address).await?.0)
}

/// [`open_link`] with the link's round, both from one read of the store.
async fn find_link(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<(LinkView, RoundRecord), Error> {
    let now = state.clock.now();
    let key = crate::guesses::key("link-address", address);
    // A malformed token is looked up as a digest no link has, to count the guesses all the same.
    let digest = Secret::parse(token).map(|secret| secret.digest());
    let reading = state
        .store
        .rater_link(digest.as_deref().unwrap_or(""), &key, now - GUESS_WINDOW)
        .await?;
    crate::guesses::settle(state, &key, reading.guesses, reading.found).await
}

/// The link's form: the round, the promise that goes with the group, and the draft so far.
pub async fn rater_form(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<RaterForm, Error> {
    let (link, round) = current_link(state, token, address).await?;
    let group = state
        .store
        .groups_of(round.id)
        .await?
        .into_iter()
        .find(|g| g.id == link.group_id)
        .ok_or(Error::NotFound)?;
    let leader_name = state
        .store
        .person(round.person_id)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok(RaterForm {
        settings: settings_of_row(&group)?,
        group_kind: group.kind,
        group_label: group.label,
        draft: state.store.draft_of(link.id).await?,
        link,
        round,
        leader_name,
    })
}

/// The link behind `token` with its round, the round closed first when its date has passed.
async fn current_link(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<(LinkView, RoundRecord), Error> {
    let (link, round) = find_link(state, token, address).await?;
    let principal = Principal::Rater {
        round: RoundId::FeedbackRound(FeedbackRoundId(link.round_id)),
        link: AnswerLinkId(link.id),
    };
    let target = Target::answer_link(
        RoundId::FeedbackRound(FeedbackRoundId(link.round_id)),
        AnswerLinkId(link.id),
    );
    principal
        .decide(Action::AnswerRound, &target)
        .into_result()
        .map_err(|_| Error::NotFound)?;
    if link.state == RoundState::Open && link.closes_at <= state.clock.now() {
        release_if_due(state, &round).await?;
        let reread = state
            .store
            .link_by_digest(&Secret::parse(token).ok_or(Error::NotFound)?.digest())
            .await?
            .ok_or(Error::NotFound)?;
        let round = state
            .store
            .round(link.round_id)
            .await?
            .ok_or(Error::NotFound)?;
        return Ok((reread, round));
    }
    Ok((link, round))
}

/// Refuses answers once the round is not open or the link has submitted.
fn writable(link: &LinkView) -> Result<(), Error> {
    if link.answered {
        return Err(Error::Conflict {
            code: "feedback-already-submitted",
        });
    }
    if link.state != RoundState::Open {
        return Err(Error::Conflict {
            code: "feedback-round-closed",
        });
    }
    Ok(())
}

/// Saves (or with `None` clears) the answer to one card of the round.
pub async fn save_rating(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
    card: &str,
    answer: Option<RaterAnswer>,
) -> Result<(), Error> {
    let (link, round) = current_link(state, token, address).await?;
    writable(&link)?;
    if !round.cards.iter().any(|c| c == card) {
        return Err(Error::BadRequest {
            code: "card-unknown",
        });
    }
    let change = match answer {
        Some(answer) => {
            state
                .store
                .save_draft_answer(link.id, card, answer.to_stored())
                .await?
        }
        None => state.store.delete_draft_answer(link.id, card).await?,
    };
    settle(change).map_err(closed_if_state)
}

/// Saves the comment on one domain of the round, or ("") the general comment.
pub async fn save_comment(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
    domain: &str,
    text: &str,
) -> Result<(), Error> {
    let (link, round) = current_link(state, token, address).await?;
    writable(&link)?;
    check_comment_domain(state, &round, domain)?;
    let text = CommentText::parse(text).map_err(|e| Error::BadRequest { code: e.code() })?;
    settle(
        state
            .store
            .save_draft_comment(link.id, domain, text.as_str())
            .await?,
    )
    .map_err(closed_if_state)
}

fn check_comment_domain(state: &App, round: &RoundRecord, domain: &str) -> Result<(), Error> {
    if domain.is_empty() {
        return Ok(());
    }
    let framework = state
        .library
        .framework(&round.framework_id)
        .ok_or(Error::Internal)?;
    let in_round = round
        .cards
        .iter()
        .filter_map(|c| framework.card(c))
        .any(|c| c.domain == domain);
    if in_round {
        Ok(())
    } else {
        Err(Error::BadRequest {
            code: "domain-unknown",
        })
    }
}

/// Submits the link's answers: the draft so far, or with `form` the whole form at once (the
/// form's answers and comments replace the draft's for the same cards and domains). A second
/// submit is refused (409 `feedback-already-submitted`), and so is one after closing.
pub async fn submit(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
    form: Option<&RaterSubmission>,
) -> Result<(), Error> {
    let (link, round) = current_link(state, token, address).await?;
    writable(&link)?;
    let form = match form {
        Some(form) => Some(checked_form(state, &round, form)?),
        None => None,
    };
    let id = response_id();
    let change = state
        .store
        .submit(
            link.id,
            &id,
            form.as_ref().map(|(answers, _)| answers.as_slice()),
            form.as_ref().map(|(_, comments)| comments.as_slice()),
        )
        .await?;
    settle(change).map_err(closed_if_state)
}

type StoredForm = (Vec<(String, i64)>, Vec<(String, String)>);

fn checked_form(
    state: &App,
    round: &RoundRecord,
    form: &RaterSubmission,
) -> Result<StoredForm, Error> {
    // A whole form is 80 cards: looked up, not compared with every other card.
    let in_round: HashSet<&str> = round.cards.iter().map(String::as_str).collect();
    let mut seen = HashSet::with_capacity(form.answers.len());
    let mut answers = Vec::with_capacity(form.answers.len());
    for (card, answer) in &form.answers {
        if !in_round.contains(card.as_str()) {
            return Err(Error::BadRequest {
                code: "card-unknown",
            });
        }
        if !seen.insert(card.as_str()) {
            return Err(Error::BadRequest { code: "card-twice" });
        }
        answers.push((card.clone(), answer.to_stored()));
    }
    let mut comments = Vec::with_capacity(form.comments.len());
    for (domain, text) in &form.comments {
        check_comment_domain(state, round, domain)?;
        if comments.iter().any(|(d, _): &(String, String)| d == domain) {
            return Err(Error::BadRequest {
                code: "comment-twice",
            });
        }
        comments.push((domain.clone(), text.as_str().to_owned()));
    }
    Ok((answers, comments))
}

/// A state clash in the store means the round closed under the rater's hands.
fn closed_if_state(error: Error) -> Error {
    match error {
        Error::Conflict {
            code: "feedback-round-state",
        } => Error::Conflict {
            code: "feedback-round-closed",
        },
        other => other,
    }
}

/// 128 random bits as hex: the response's only name, which orders nothing.
fn response_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
