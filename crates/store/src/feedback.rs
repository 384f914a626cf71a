//! 360° feedback: a leader's rounds, the groups of raters in them, one token link per rater,
//! the raters' drafts and anonymous responses, and the report stored at release. The rounds
//! themselves are here; the rest by what it does, each in a module of its own.
//!
//! Every change a leader makes takes the owner's id and filters on it (and on the round's
//! state), so a round of someone else, or one past the state a change allows, is simply not
//! changed. A rater has no account: their changes are scoped to their link, and only while
//! it is unanswered and the round is open.
//!
//! Anonymity is kept by the schema as much as by the code: a submitted link's answers move
//! into a response that names only its round and group (see [`crate::Store::submit`]), and
//! the leader's list of links never says which one answered ([`LinkRecord`] has no such
//! field).

use leidraad_domain::accounts::{OrganisationId, PersonId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Backend, StoreError};

mod drafts;
mod groups;
mod links;
mod release;
mod rounds;
mod self_answers;
mod shares;
mod submit;

pub(crate) use submit::Submissions;

pub use drafts::Draft;
pub use links::RaterLink;
pub use release::{ReportReading, ResponseRecord};

/// Where a round is in its life. Stored as its Dutch code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum RoundState {
    /// Being prepared by the leader.
    Concept,
    /// Waiting for the coach to approve the list of raters.
    AwaitingApproval,
    /// Invitations are out; raters answer.
    Open,
    /// Closed and released: the report is stored, the raw answers are gone.
    Closed,
}

impl RoundState {
    pub fn code(self) -> &'static str {
        match self {
            RoundState::Concept => "concept",
            RoundState::AwaitingApproval => "ter-goedkeuring",
            RoundState::Open => "open",
            RoundState::Closed => "gesloten",
        }
    }

    pub fn from_code(code: &str) -> Option<RoundState> {
        match code {
            "concept" => Some(RoundState::Concept),
            "ter-goedkeuring" => Some(RoundState::AwaitingApproval),
            "open" => Some(RoundState::Open),
            "gesloten" => Some(RoundState::Closed),
            _ => None,
        }
    }
}

impl From<RoundState> for &'static str {
    fn from(state: RoundState) -> &'static str {
        state.code()
    }
}

/// What became of a change to a round, a group, a link or a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<T> {
    Done(T),
    /// No round (group, link) with that id that this person may change.
    NotFound,
    /// The round is not in a state that allows the change (a draft of a closed round, a group
    /// added to an open one, a state that moved on meanwhile).
    WrongState,
    /// The link's answers were submitted already; it changes no more.
    AlreadySubmitted,
    /// Responses arrived after the report was computed: read them and compute it again.
    ResponsesChanged,
}

impl<T> Change<T> {
    /// The same outcome with the done value changed: refusals pass through.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Change<U> {
        match self {
            Change::Done(value) => Change::Done(f(value)),
            Change::NotFound => Change::NotFound,
            Change::WrongState => Change::WrongState,
            Change::AlreadySubmitted => Change::AlreadySubmitted,
            Change::ResponsesChanged => Change::ResponsesChanged,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundRecord {
    pub id: i64,
    #[serde(skip)]
    pub person_id: PersonId,
    #[serde(skip)]
    pub organisation_id: Option<OrganisationId>,
    pub framework_id: String,
    pub content_fingerprint: String,
    /// The card ids asked about, in order.
    pub cards: Vec<String>,
    pub request: String,
    pub closes_at: i64,
    #[serde(skip)]
    pub coach_id: Option<PersonId>,
    pub state: RoundState,
    pub coach_note: String,
    pub created_at: i64,
    pub opened_at: Option<i64>,
    pub closed_at: Option<i64>,
}

/// A new round; it starts as a concept.
#[derive(Debug, Clone)]
pub struct NewRound<'a> {
    pub person: PersonId,
    pub organisation: Option<OrganisationId>,
    pub framework_id: &'a str,
    pub content_fingerprint: &'a str,
    pub cards: &'a [String],
    pub request: &'a str,
    pub closes_at: i64,
    pub coach: Option<PersonId>,
    pub now: i64,
}

/// A round as the leader's list shows it: with how many were invited and how many answered
/// (counts only: never who).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundSummary {
    pub round: RoundRecord,
    pub invited: i64,
    pub answered: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRecord {
    pub id: i64,
    pub round_id: i64,
    /// `team`, `collegas`, `bestuur` or `eigen`.
    pub kind: String,
    pub label: Option<String>,
    pub threshold: i64,
    pub comment_threshold: i64,
    pub identifiable: bool,
    pub position: i64,
}

/// A new group, its settings validated by the domain.
#[derive(Debug, Clone)]
pub struct NewGroup<'a> {
    pub kind: &'a str,
    pub label: Option<&'a str>,
    pub threshold: i64,
    pub comment_threshold: i64,
    pub identifiable: bool,
}

/// A new rater's link. Only the token's digest is stored: the token itself is mailed once.
#[derive(Debug, Clone)]
pub struct NewLink<'a> {
    pub group: i64,
    pub token_digest: &'a str,
    pub email: Option<&'a str>,
    /// The leader's name for the rater in their own list; may be empty.
    pub name: &'a str,
    pub now: i64,
}

/// A link as the leader's list of raters shows it. It has no `answered`: the leader learns
/// how many in a group answered ([`crate::Store::progress`]), never who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRecord {
    pub id: i64,
    pub round_id: i64,
    pub group_id: i64,
    pub email: Option<String>,
    pub name: String,
    pub created_at: i64,
    pub invited_at: Option<i64>,
    /// The last reminder of the round; set on every link at once, so it says nothing about
    /// who had answered.
    pub reminded_at: Option<i64>,
}

/// A link as its rater opens it: enough to decide what the rater may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    pub id: i64,
    pub round_id: i64,
    pub group_id: i64,
    pub answered: bool,
    pub state: RoundState,
    pub closes_at: i64,
}

macro_rules! round_columns {
    () => {
        "r.id, r.person_id, r.organisation_id, r.framework_id, r.content_fingerprint, r.cards, \
         r.request, r.closes_at, r.coach_id, r.state, r.coach_note, r.created_at, r.opened_at, \
         r.closed_at"
    };
}
use round_columns;

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

fn state_in(row: &AnyRow, column: &str) -> Result<RoundState, StoreError> {
    let code: String = row.try_get(column)?;
    RoundState::from_code(&code).ok_or(StoreError::Corrupt("feedback round state"))
}

fn round_from(row: &AnyRow) -> Result<RoundRecord, StoreError> {
    Ok(RoundRecord {
        id: row.try_get("id")?,
        person_id: PersonId(row.try_get("person_id")?),
        organisation_id: row
            .try_get::<Option<i64>, _>("organisation_id")?
            .map(OrganisationId),
        framework_id: row.try_get("framework_id")?,
        content_fingerprint: row.try_get("content_fingerprint")?,
        cards: split_list(&row.try_get::<String, _>("cards")?),
        request: row.try_get("request")?,
        closes_at: row.try_get("closes_at")?,
        coach_id: row.try_get::<Option<i64>, _>("coach_id")?.map(PersonId),
        state: state_in(row, "state")?,
        coach_note: row.try_get("coach_note")?,
        created_at: row.try_get("created_at")?,
        opened_at: row.try_get("opened_at")?,
        closed_at: row.try_get("closed_at")?,
    })
}

fn group_from(row: &AnyRow) -> Result<GroupRecord, StoreError> {
    Ok(GroupRecord {
        id: row.try_get("id")?,
        round_id: row.try_get("round_id")?,
        kind: row.try_get("kind")?,
        label: row.try_get("label")?,
        threshold: row.try_get("threshold")?,
        comment_threshold: row.try_get("comment_threshold")?,
        identifiable: row.try_get::<i64, _>("identifiable")? == 1,
        position: row.try_get("position")?,
    })
}

fn link_from(row: &AnyRow) -> Result<LinkRecord, StoreError> {
    Ok(LinkRecord {
        id: row.try_get("id")?,
        round_id: row.try_get("round_id")?,
        group_id: row.try_get("group_id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
        invited_at: row.try_get("invited_at")?,
        reminded_at: row.try_get("reminded_at")?,
    })
}

/// A statement in two forms. On PostgreSQL writers run side by side, so the ones that race
/// a submission or a release take row locks (`FOR SHARE` …): a draft saved while its link is
/// submitted, or a link submitted while its round is released, waits and then finds the link
/// answered or the round closed, rather than leaving a row behind that the other had already
/// moved or deleted. SQLite has one writer, so nothing races there, and no such syntax.
pub(crate) struct Locking {
    pub(crate) sqlite: &'static str,
    pub(crate) postgres: &'static str,
}

/// [`Locking`] from the statement before the lock, the lock, and the statement after it.
macro_rules! locking {
    ($before:expr, $lock:literal, $after:expr) => {
        crate::feedback::Locking {
            sqlite: concat!($before, " ", $after),
            postgres: concat!($before, " ", $lock, " ", $after),
        }
    };
}
pub(crate) use locking;

impl Locking {
    pub(crate) fn on(&self, backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.postgres,
        }
    }
}
