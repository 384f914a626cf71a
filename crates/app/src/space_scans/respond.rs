//! Answering a scan through a token link, without an account. A mailed link is the token
//! itself; a shared link (the staff room's QR code) gives each browser that opens it a token
//! of its own, which the browser keeps, so that a browser that has answered cannot answer
//! again. Answers autosave item by item; submitting moves them into an anonymous response.

use std::net::IpAddr;

use leidraad_domain::accounts::{Action, Secret, Target};
use leidraad_domain::policy::{AnswerLinkId, Principal, RoundId, SpaceScanId};
use leidraad_domain::space_scan::{OpenAnswer, ScanAnswer, SpaceScan};
use leidraad_store::space_scans::{RespondentLink, ScanRecord, ScanState, UnitRecord};

use super::body::{Body, ItemKind, role_value};
use super::{questionnaire, settle};
use crate::guesses::{GUESS_WINDOW, key};
use crate::secrets::new_secret;
use crate::{App, Error};

/// Opens a unit's shared link. A browser that holds a link of the same scan already
/// (`held`, from its cookie) gets that one back, answered or not; any other gets a new link
/// while the scan is open. Answers the token to keep and its link.
pub async fn open_shared(
    state: &App,
    share_token: &str,
    held: Option<&str>,
    address: Option<IpAddr>,
) -> Result<(String, RespondentLink), Error> {
    let found = state.store.unit_by_share(share_token.trim()).await?;
    let (unit, scan, scan_state, closes_at) =
        settle_guess(state, "scan-share", address, found).await?;
    let kept = match held {
        Some(held) => lookup(state, held).await?,
        None => None,
    };
    if let (Some(held), Some(link)) = (held, kept)
        && link.scan_id == scan
    {
        return Ok((held.to_owned(), link));
    }
    if scan_state != ScanState::Open || closes_at <= state.clock.now() {
        return Err(Error::Conflict {
            code: "scan-closed",
        });
    }
    let token = new_secret();
    let link = settle_link(
        state
            .store
            .add_shared_respondent(unit, &token.digest(), state.clock.now())
            .await?,
    )?;
    Ok((token.expose().to_owned(), link))
}

/// Opens a mailed link from its address (`/t/{token}`). A token made for a shared link is
/// refused here as unknown: such a token is only ever held in the cookie of the browser it
/// was made for (or by the API client that asked for it), so nobody can hand a colleague a
/// token they know as if it were a personal link, and then read along.
pub async fn open_mailed(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<RespondentLink, Error> {
    let found = lookup(state, token).await?.filter(|link| link.mailed);
    settle_guess(state, "scan-link", address, found).await
}

/// Opens the link behind a browser's cookie or an API client's bearer token.
pub async fn open_personal(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<RespondentLink, Error> {
    let found = lookup(state, token).await?;
    let link = settle_guess(state, "scan-link", address, found).await?;
    let round = RoundId::SpaceScan(SpaceScanId(link.scan_id));
    let principal = Principal::Rater {
        round,
        link: AnswerLinkId(link.id),
    };
    principal
        .decide(
            Action::AnswerRound,
            &Target::answer_link(round, AnswerLinkId(link.id)),
        )
        .into_result()
        .map_err(|_| Error::NotFound)?;
    Ok(link)
}

async fn lookup(state: &App, token: &str) -> Result<Option<RespondentLink>, Error> {
    let Some(secret) = Secret::parse(token) else {
        return Ok(None);
    };
    Ok(state.store.respondent_link(&secret.digest()).await?)
}

/// What a lookup found: a miss counts as a guess from the address, and after the limit every
/// miss waits (a hit with a 256-bit token is no guess).
async fn settle_guess<T>(
    state: &App,
    what: &str,
    address: Option<IpAddr>,
    found: Option<T>,
) -> Result<T, Error> {
    if let Some(found) = found {
        return Ok(found);
    }
    let key = key(what, address);
    let guesses = state
        .store
        .sign_in_failures(&key, state.clock.now() - GUESS_WINDOW)
        .await?
        .len();
    crate::guesses::settle(state, &key, guesses, None).await
}

fn settle_link(
    change: leidraad_store::space_scans::Change<RespondentLink>,
) -> Result<RespondentLink, Error> {
    super::settle(change)
}

/// Someone else at the same browser (a staff room's laptop) starts over: the draft of this
/// browser's shared-link token is deleted, and the answer is the unit's shared link to open
/// afresh. A mailed link is personal and cannot be handed on this way.
pub async fn start_over(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<String, Error> {
    let link = open_personal(state, token, address).await?;
    if link.mailed || link.answered {
        return Err(Error::Conflict {
            code: "scan-already-answered",
        });
    }
    state.store.forget_scan_draft(link.id).await?;
    let unit = state
        .store
        .units_of(link.scan_id)
        .await?
        .into_iter()
        .find(|u| u.id == link.unit_id)
        .ok_or(Error::NotFound)?;
    Ok(unit.share_token)
}

/// What the respondent's page shows.
#[derive(Debug, Clone)]
pub struct RespondentForm {
    pub link: RespondentLink,
    pub scan: ScanRecord,
    pub unit: UnitRecord,
    /// Who asked: the scan's owner.
    pub owner_name: String,
    pub draft: DraftView,
}

/// The draft, by what it answers.
#[derive(Debug, Clone, Default)]
pub struct DraftView {
    pub ratings: Vec<(String, String)>,
    pub roles: Vec<(String, bool, bool)>,
    pub open: Vec<(String, String)>,
    pub other_role: String,
}

impl RespondentForm {
    /// Answers are still taken through this link.
    pub fn is_open(&self, now: i64) -> bool {
        !self.link.answered && self.link.state == ScanState::Open && self.link.closes_at > now
    }
}

pub async fn respondent_form(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
) -> Result<RespondentForm, Error> {
    let link = open_personal(state, token, address).await?;
    let scan = state
        .store
        .scan(link.scan_id)
        .await?
        .ok_or(Error::NotFound)?;
    let unit = state
        .store
        .units_of(scan.id)
        .await?
        .into_iter()
        .find(|u| u.id == link.unit_id)
        .ok_or(Error::NotFound)?;
    let owner_name = state
        .store
        .person(scan.person_id)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let items = state.store.scan_draft(link.id).await?;
    let body = Body::from_items(items.iter().map(|i| (i.item.as_str(), i.value.as_str())));
    Ok(RespondentForm {
        draft: DraftView {
            ratings: body.ratings.into_iter().collect(),
            roles: body
                .roles
                .into_iter()
                .map(|(id, (now, like))| (id, now, like))
                .collect(),
            open: body.open.into_iter().collect(),
            other_role: body.other_role,
        },
        link,
        scan,
        unit,
        owner_name,
    })
}

/// One item as a form or the API saves it. `base`: for a text, what the writer last saw.
#[derive(Debug, Clone)]
pub enum SavedItem<'a> {
    Rating {
        statement: &'a str,
        answer: &'a str,
    },
    Role {
        role: &'a str,
        now: bool,
        would_like: bool,
    },
    Open {
        question: &'a str,
        text: &'a str,
        base: Option<&'a str>,
    },
    OtherRole {
        name: &'a str,
        base: Option<&'a str>,
    },
}

/// Saves one item of the draft; an empty answer or text takes it back.
pub async fn save_item(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
    item: &SavedItem<'_>,
) -> Result<(), Error> {
    let link = open_personal(state, token, address).await?;
    let record = state
        .store
        .scan(link.scan_id)
        .await?
        .ok_or(Error::NotFound)?;
    let scan = questionnaire(state, &record)?;
    let (kind, value, base) = checked(scan, item)?;
    settle(
        state
            .store
            .save_scan_draft(
                link.id,
                state.clock.now(),
                &kind.key(),
                &value,
                base.filter(|_| kind.is_text()),
            )
            .await?,
    )
}

/// The item's key, its value as stored, and the base of a text.
fn checked<'a>(
    scan: &SpaceScan,
    item: &SavedItem<'a>,
) -> Result<(ItemKind, String, Option<&'a str>), Error> {
    match *item {
        SavedItem::Rating { statement, answer } => {
            if scan.statement(statement).is_none() {
                return Err(Error::BadRequest {
                    code: "scan-statement-unknown",
                });
            }
            let answer = match answer.trim() {
                "" => String::new(),
                typed => typed
                    .parse::<ScanAnswer>()
                    .map_err(|e| Error::BadRequest { code: e.code() })?
                    .code()
                    .to_owned(),
            };
            Ok((ItemKind::Statement(statement.to_owned()), answer, None))
        }
        SavedItem::Role {
            role,
            now,
            would_like,
        } => {
            if scan.role(role).is_none() {
                return Err(Error::BadRequest {
                    code: "scan-role-unknown",
                });
            }
            let value = if now || would_like {
                role_value(now, would_like)
            } else {
                String::new()
            };
            Ok((ItemKind::Role(role.to_owned()), value, None))
        }
        SavedItem::Open {
            question,
            text,
            base,
        } => {
            if scan.open_question(question).is_none() {
                return Err(Error::BadRequest {
                    code: "scan-open-question-unknown",
                });
            }
            Ok((ItemKind::Open(question.to_owned()), text_value(text)?, base))
        }
        SavedItem::OtherRole { name, base } => Ok((ItemKind::OtherRole, text_value(name)?, base)),
    }
}

fn text_value(text: &str) -> Result<String, Error> {
    Ok(OpenAnswer::parse(text)?
        .map(|answer| answer.as_str().to_owned())
        .unwrap_or_default())
}

/// A whole response sent at once (the API's one-request submit, and a form without script):
/// its items go over the draft's.
#[derive(Debug, Clone, Default)]
pub struct ScanSubmission<'a> {
    pub items: Vec<SavedItem<'a>>,
}

/// Submits the link's answers: the draft with the submission's items over it, checked as a
/// whole. At least one statement must be rated. Afterwards the link answers no more.
pub async fn submit(
    state: &App,
    token: &str,
    address: Option<IpAddr>,
    submission: &ScanSubmission<'_>,
) -> Result<(), Error> {
    let link = open_personal(state, token, address).await?;
    let now = state.clock.now();
    if link.answered {
        return Err(Error::Conflict {
            code: "scan-already-answered",
        });
    }
    if link.state != ScanState::Open || link.closes_at <= now {
        return Err(Error::Conflict {
            code: "scan-closed",
        });
    }
    let record = state
        .store
        .scan(link.scan_id)
        .await?
        .ok_or(Error::NotFound)?;
    let scan = questionnaire(state, &record)?;
    let items = state.store.scan_draft(link.id).await?;
    let mut body = Body::from_items(items.iter().map(|i| (i.item.as_str(), i.value.as_str())));
    for item in &submission.items {
        let (kind, value, _) = checked(scan, item)?;
        body.put(&kind.key(), &value);
    }
    body.ratings.retain(|_, answer| !answer.is_empty());
    body.open.retain(|_, text| !text.is_empty());
    let response = body.parse(scan)?;
    if response.ratings.is_empty() {
        return Err(Error::BadRequest {
            code: "scan-response-empty",
        });
    }
    let json = serde_json::to_string(&Body::of(&response)).map_err(|_| Error::Internal)?;
    let id = response_id();
    settle(
        state
            .store
            .submit_scan_response(link.id, now, &id, &json)
            .await?,
    )
}

/// 32 random hex digits.
fn response_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
