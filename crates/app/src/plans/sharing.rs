//! Sharing a plan with a colleague by name (a coach, a board member), and withdrawing it.

use leidraad_domain::accounts::{Email, PersonId};
use leidraad_domain::development::{DevelopmentError, SchoolYear};

use super::settle;
use crate::reflections::share_try;
use crate::{App, Error, Viewer};

/// Shares the viewer's plan of a school year with a colleague named by e-mail address, by the
/// rules of sharing a reflection: only someone who shares an organisation with the owner can
/// be found, any other address gets the same refusal, and every try is counted and audited.
pub async fn share(
    state: &App,
    viewer: &Viewer,
    year: SchoolYear,
    email: &str,
) -> Result<(), Error> {
    let plan = state
        .store
        .plan_of(viewer.person, i64::from(year.start_year()))
        .await?
        .ok_or(Error::NotFound)?;
    // A plan is personal, not an organisation's: its tries are in no organisation's log.
    let organisation = None;
    let outcome = match share_try(state, viewer, organisation, "plan-share-try").await? {
        Some(retry_after) => Err(Error::TooManyAttempts { retry_after }),
        None => share_with_colleague(state, viewer, plan.id, email).await,
    };
    let (verdict, detail, subject) = match &outcome {
        Ok(person) => ("succeeded", "", Some(*person)),
        Err(error) => ("refused", error.code(), None),
    };
    crate::accounts::audit(
        state,
        organisation,
        Some(viewer.person),
        subject,
        "plan-share",
        verdict,
        detail,
    )
    .await?;
    outcome.map(|_| ())
}

async fn share_with_colleague(
    state: &App,
    viewer: &Viewer,
    plan: i64,
    email: &str,
) -> Result<PersonId, Error> {
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
        .share_plan(viewer.person, plan, person, state.clock.now())
        .await?;
    settle(change, DevelopmentError::TooManyThemes).map(|()| person)
}

/// Withdraws a share: the person gets "not found" again at once.
pub async fn unshare(
    state: &App,
    viewer: &Viewer,
    year: SchoolYear,
    person: PersonId,
) -> Result<(), Error> {
    let plan = state
        .store
        .plan_of(viewer.person, i64::from(year.start_year()))
        .await?
        .ok_or(Error::NotFound)?;
    if state
        .store
        .unshare_plan(viewer.person, plan.id, person)
        .await?
    {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
