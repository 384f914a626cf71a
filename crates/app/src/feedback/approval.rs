//! The coach's approval of a rater list: a leader may ask a coach to look at whom they invite
//! before any invitation goes out (a list of only friends, or a group too small to be safe, is
//! easier to see from outside).

use leidraad_domain::feedback::RequestText;

use super::round::{LeaderRound, named_record};
use super::send::open_round;
use super::settle;
use crate::{App, Error, Viewer};
use leidraad_store::feedback::RoundState;

/// The round as its coach sees it while it awaits approval: cards, groups, raters, preview.
pub async fn for_coach(state: &App, viewer: &Viewer, id: i64) -> Result<LeaderRound, Error> {
    let record = coach_record(state, viewer, id).await?;
    super::round::round_parts(state, record).await
}

async fn coach_record(
    state: &App,
    viewer: &Viewer,
    id: i64,
) -> Result<leidraad_store::feedback::RoundRecord, Error> {
    let record = state.store.round(id).await?.ok_or(Error::NotFound)?;
    let Some(coach) = record.coach_id else {
        return Err(Error::NotFound);
    };
    // The leader is not their own coach: only the named coach approves.
    if viewer.person == record.person_id {
        return Err(Error::NotFound);
    }
    let record = named_record(state, viewer, id, &[coach]).await?;
    if viewer.person != coach || record.state != RoundState::AwaitingApproval {
        return Err(Error::NotFound);
    }
    Ok(record)
}

/// The coach approves: the round opens and the invitations go out.
pub async fn approve(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    let record = coach_record(state, viewer, id).await?;
    let leader = state
        .store
        .person(record.person_id)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    open_round(state, &record, viewer.person, &leader).await
}

/// The coach sends the list back to the leader with a note; the round is a concept again.
pub async fn send_back(state: &App, viewer: &Viewer, id: i64, note: &str) -> Result<(), Error> {
    let record = coach_record(state, viewer, id).await?;
    let note = RequestText::parse(note).map_err(|e| Error::BadRequest { code: e.code() })?;
    settle(
        state
            .store
            .set_state(
                record.id,
                viewer.person,
                RoundState::AwaitingApproval,
                RoundState::Concept,
                Some(note.as_str()),
                state.clock.now(),
            )
            .await?,
    )
}
