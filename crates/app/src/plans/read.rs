//! Reading plans: one's own by school year, the list of them, and a plan shared with one.

use leidraad_domain::accounts::{Action, PersonId, Target};
use leidraad_domain::development::{Day, SchoolYear};
use leidraad_store::plans::{FullPlan, PlanRecord};

use crate::{App, Error, Viewer};

/// A plan as its owner reads it; `plan` is `None` for a year without one yet.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub year: SchoolYear,
    pub plan: Option<FullPlan>,
    /// Whom the plan is shared with.
    pub viewers: Vec<(PersonId, String)>,
    /// The themes of the year before, that may be carried over.
    pub earlier: Option<FullPlan>,
}

/// A plan someone shared with the viewer.
#[derive(Debug, Clone)]
pub struct SharedPlan {
    pub year: SchoolYear,
    pub plan: FullPlan,
    pub owner_name: String,
    /// The owner's logged activities that served a theme of this plan, with their evidence:
    /// what a coach or board member prepares the conversation from.
    pub activities: Vec<leidraad_store::learning_log::ActivityRecord>,
}

/// The school year of today, on the Amsterdam clock.
pub fn current_year(state: &App) -> SchoolYear {
    SchoolYear::of(Day::today(state.clock.now()))
}

/// The viewer's plan for a school year, with last year's themes beside it.
pub async fn own_plan(state: &App, viewer: &Viewer, year: SchoolYear) -> Result<PlanView, Error> {
    viewer.may(
        Action::ManageOwnDevelopment,
        &Target::owned_by(viewer.person),
    )?;
    let plan = full_plan_of(state, viewer, year).await?;
    let viewers = match &plan {
        Some(full) => state.store.plan_viewers(full.plan.id).await?,
        None => Vec::new(),
    };
    let earlier = full_plan_of(state, viewer, year.previous()).await?;
    Ok(PlanView {
        year,
        plan,
        viewers,
        earlier,
    })
}

async fn full_plan_of(
    state: &App,
    viewer: &Viewer,
    year: SchoolYear,
) -> Result<Option<FullPlan>, Error> {
    let Some(record) = state
        .store
        .plan_of(viewer.person, i64::from(year.start_year()))
        .await?
    else {
        return Ok(None);
    };
    Ok(state.store.full_plan(record.id).await?)
}

/// The viewer's plans, newest year first, with how many themes each holds.
pub async fn plans_of(state: &App, viewer: &Viewer) -> Result<Vec<(PlanRecord, i64)>, Error> {
    viewer.may(
        Action::ManageOwnDevelopment,
        &Target::owned_by(viewer.person),
    )?;
    Ok(state.store.plans_of(viewer.person).await?)
}

/// Plans others shared with the viewer, with the owner's name.
pub async fn shared_with(state: &App, viewer: &Viewer) -> Result<Vec<(PlanRecord, String)>, Error> {
    Ok(state.store.plans_shared_with(viewer.person).await?)
}

/// A plan shared with the viewer by name; "not found" for anyone else, the owner included
/// (they read it as their own).
pub async fn shared_plan(state: &App, viewer: &Viewer, id: i64) -> Result<SharedPlan, Error> {
    let plan = state.store.full_plan(id).await?.ok_or(Error::NotFound)?;
    let viewers = state.store.plan_viewers(id).await?;
    let named: Vec<PersonId> = viewers.iter().map(|(person, _)| *person).collect();
    if plan.plan.person_id == viewer.person {
        return Err(Error::NotFound);
    }
    viewer
        .may(
            Action::ViewSharedDevelopmentPlan,
            &Target::shared_with(plan.plan.person_id, &named),
        )
        .map_err(|_| Error::NotFound)?;
    let owner_name = state
        .store
        .plans_shared_with(viewer.person)
        .await?
        .into_iter()
        .find(|(record, _)| record.id == id)
        .map(|(_, name)| name)
        .ok_or(Error::NotFound)?;
    let year = year_of(&plan.plan)?;
    let themes: Vec<i64> = plan.themes.iter().map(|t| t.id).collect();
    let activities = state
        .store
        .activities_of(plan.plan.person_id)
        .await?
        .into_iter()
        .filter(|a| a.themes.iter().any(|(id, _)| themes.contains(id)))
        .collect();
    Ok(SharedPlan {
        year,
        plan,
        owner_name,
        activities,
    })
}

pub(crate) fn year_of(plan: &PlanRecord) -> Result<SchoolYear, Error> {
    SchoolYear::from_stored(plan.school_year).ok_or(Error::Internal)
}
