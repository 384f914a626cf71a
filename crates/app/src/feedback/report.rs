//! Reading a released report, sharing it by name, and taking cards from it as focus cards.
//! Every reader reads the snapshot stored at release; nothing here computes a figure.

use leidraad_domain::accounts::{Action, Target};
use leidraad_domain::accounts::{Email, PersonId};
use leidraad_domain::feedback::Report;
use leidraad_domain::reflection::check_focus_room;
use leidraad_store::feedback::{ReportReading, RoundRecord};

use super::round::own_record;
use crate::reflections::share_try;
use crate::{App, Error, Viewer};
use leidraad_store::feedback::RoundState;

pub struct ReleasedReport {
    pub record: RoundRecord,
    pub report: Report,
    pub released_at: i64,
    /// The leader is reading.
    pub own: bool,
    pub leader_name: String,
    /// Whom the leader shared it with (for the leader only; empty for anyone else).
    pub viewers: Vec<(PersonId, String)>,
}

/// A released report as stored, not yet read: what a reader that keeps its own rendering of
/// the frozen snapshot needs, without the cost of parsing it on every request.
pub struct ReleasedSnapshot {
    pub record: RoundRecord,
    /// The snapshot's JSON, exactly as stored at release.
    pub snapshot: String,
    pub released_at: i64,
    pub own: bool,
    pub leader_name: String,
    pub viewers: Vec<(PersonId, String)>,
}

impl ReleasedSnapshot {
    pub fn parse(self) -> Result<ReleasedReport, Error> {
        let report: Report = serde_json::from_str(&self.snapshot).map_err(|_| Error::Internal)?;
        Ok(ReleasedReport {
            record: self.record,
            report,
            released_at: self.released_at,
            own: self.own,
            leader_name: self.leader_name,
            viewers: self.viewers,
        })
    }
}

/// The report of round `id`, for its leader or someone they shared it with; "not found" for
/// anyone else and for a round not released yet.
pub async fn released_report(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<ReleasedReport, Error> {
    released_snapshot(state, viewer, id).await?.parse()
}

/// [`released_report`] with its snapshot left unread, in two reads of the store.
pub async fn released_snapshot(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<ReleasedSnapshot, Error> {
    let mut reading = report_reading(state, id).await?;
    let own = reading.round.person_id == viewer.person;
    if own {
        viewer.may(
            Action::ManageOwnFeedbackRound,
            &Target::owned_by(reading.round.person_id),
        )?;
        let round = &reading.round;
        if round.state == RoundState::Open && round.closes_at <= state.clock.now() {
            // Its closing day has passed: reading it as its leader releases it.
            own_record(state, viewer, id).await?;
            reading = report_reading(state, id).await?;
        }
    } else {
        let named: Vec<PersonId> = reading.viewers.iter().map(|(person, _)| *person).collect();
        viewer.may(
            Action::ViewSharedFeedbackRound,
            &Target::shared_with(reading.round.person_id, &named),
        )?;
    }
    let ReportReading {
        round,
        leader_name,
        report,
        viewers,
    } = reading;
    let (released_at, snapshot) = match report {
        Some(report) if round.state == RoundState::Closed => report,
        _ => return Err(Error::NotFound),
    };
    Ok(ReleasedSnapshot {
        record: round,
        snapshot,
        released_at,
        own,
        leader_name,
        viewers: if own { viewers } else { Vec::new() },
    })
}

async fn report_reading(state: &App, id: i64) -> Result<ReportReading, Error> {
    state.store.report_reading(id).await?.ok_or(Error::NotFound)
}

/// Shares a released report with a colleague named by e-mail address, with the same rules and
/// limit as sharing a reflection: only colleagues are found, and every try counts.
pub async fn share_report(state: &App, viewer: &Viewer, id: i64, email: &str) -> Result<(), Error> {
    let record = own_record(state, viewer, id).await?;
    let now = state.clock.now();
    let wait = share_try(state, viewer, record.organisation_id, "feedback-share-try").await?;
    if let Some(retry_after) = wait {
        return Err(Error::TooManyAttempts { retry_after });
    }
    if record.state != RoundState::Closed {
        return Err(Error::Conflict {
            code: "feedback-not-released",
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
    super::settle(
        state
            .store
            .share_round(id, viewer.person, person, now)
            .await?,
    )?;
    crate::accounts::audit(
        state,
        record.organisation_id,
        Some(viewer.person),
        Some(person),
        "feedback-share",
        "succeeded",
        "",
    )
    .await
}

pub async fn unshare_report(
    state: &App,
    viewer: &Viewer,
    id: i64,
    person: PersonId,
) -> Result<(), Error> {
    own_record(state, viewer, id).await?;
    if state.store.unshare_round(id, viewer.person, person).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Adds a card of the released report to the focus cards of the leader's latest finished
/// reflection on the same deck. Any card of the round may be chosen, not only the
/// reflection's growth points: a blind spot is exactly a card the leader did not see as one.
/// At most three, as always.
pub async fn add_focus_from_report(
    state: &App,
    viewer: &Viewer,
    id: i64,
    card: &str,
) -> Result<i64, Error> {
    let record = own_record(state, viewer, id).await?;
    if !record.cards.iter().any(|c| c == card) {
        return Err(Error::BadRequest {
            code: "card-unknown",
        });
    }
    if record.state != RoundState::Closed {
        return Err(Error::Conflict {
            code: "feedback-not-released",
        });
    }
    let latest = state
        .store
        .reflections_of(viewer.person)
        .await?
        .into_iter()
        .filter(|r| r.framework_id == record.framework_id && r.finished_at.is_some())
        .max_by_key(|r| r.finished_at)
        .ok_or(Error::Conflict {
            code: "feedback-focus-no-reflection",
        })?;
    let mut chosen = state.store.focus_cards(latest.id).await?;
    check_focus_room(&chosen, card).map_err(|e| Error::Conflict { code: e.code() })?;
    chosen.push(card.to_owned());
    crate::reflections::settle(
        state
            .store
            .set_focus_cards(viewer.person, latest.id, &chosen)
            .await?,
    )?;
    Ok(latest.id)
}
