//! The start page ("Mijn Leidraad"), where everyone lands after signing in: what is open and
//! how far it has come, what comes next, what others have shared, and what the person manages.
//! Everything is read in one statement; what may be shown of it is the policy's call, here.
//!
//! Open work is a list of [`OpenWork`] items, each with its progress, so the capabilities that
//! come later (feedback rounds, team scans, dialogues) add a variant rather than a page of
//! their own.

use leidraad_domain::accounts::{Action, OrganisationId, RoleSet, Target};
use leidraad_store::start::{OrganisationAtStart, PlanAtStart, ReflectionAtStart, SharedAtStart};

use crate::{App, Error, Viewer};

/// How far something has come: `done` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: i64,
    pub total: i64,
}

impl Progress {
    /// Whole percent, for a progress bar; 0 when there is nothing to do.
    pub fn percent(&self) -> i64 {
        if self.total <= 0 {
            0
        } else {
            (self.done.clamp(0, self.total) * 100) / self.total
        }
    }
}

/// Something the person has started and not finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenWork {
    /// A self-reflection: cards sorted of the cards in its scope.
    Reflection {
        id: i64,
        started_at: i64,
        updated_at: i64,
        /// The domains in scope; empty when it covers the whole standard.
        domains: Vec<String>,
        progress: Progress,
    },
}

/// What comes next, in the order the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// No reflection yet, and the person's roles allow one.
    FirstReflection,
    /// The newest finished reflection has no focus cards yet.
    ChooseFocus { reflection: i64 },
    /// The newest finished reflection is shared with nobody (a coach or board member could
    /// read along).
    Share { reflection: i64 },
    /// Everything is finished: a new moment, to compare with the last one later.
    NewMoment { last_finished_at: i64 },
    /// A reflection is finished: it and what follows belong in the learning log.
    KeepLog,
    /// An organisation the person manages has no schools yet.
    AddSchools {
        organisation: OrganisationId,
        name: String,
    },
    /// An organisation the person manages has nobody in it but them, and no open invitation.
    InviteMembers {
        organisation: OrganisationId,
        name: String,
    },
}

/// An organisation the person oversees (admins and board members), with its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overseen {
    pub organisation: OrganisationAtStart,
    /// Whether the person may change it (admins), or only look (board members).
    pub manages: bool,
    /// Whether the open invitations count is theirs to see.
    pub sees_invitations: bool,
}

/// One of the person's organisations, with their roles and their own schools there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Belonging {
    pub organisation: OrganisationId,
    pub name: String,
    pub roles: RoleSet,
    /// The names of the schools the person belongs to there.
    pub schools: Vec<String>,
}

/// Everything the start page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub open: Vec<OpenWork>,
    pub next: Vec<NextStep>,
    /// Finished reflections others shared, newest first.
    pub shared: Vec<SharedAtStart>,
    /// Development plans others shared, newest school year first.
    pub shared_plans: Vec<PlanAtStart>,
    /// How many of the person's own reflections are finished.
    pub finished: usize,
    pub overseen: Vec<Overseen>,
    pub belongings: Vec<Belonging>,
    /// Whether any of the person's roles allows a self-reflection.
    pub may_reflect: bool,
}

/// The start page of `viewer`.
pub async fn start_page(state: &App, viewer: &Viewer) -> Result<Start, Error> {
    viewer.may(Action::ViewOwnReflection, &Target::owned_by(viewer.person))?;
    let record = state
        .store
        .start_page(viewer.person, state.clock.now())
        .await?;
    let may_reflect = may_reflect(viewer);
    let me = std::slice::from_ref(&viewer.person);
    // The store reads only what is shared with the viewer; the policy still has the last
    // word, as it has on each reflection's own page.
    let shared = record
        .shared
        .into_iter()
        .filter(|shared| {
            viewer.allowed(
                Action::ViewSharedReflection,
                &Target::shared_with(shared.author_id, me),
            )
        })
        .collect();
    let shared_plans = record
        .shared_plans
        .into_iter()
        .filter(|plan| {
            viewer.allowed(
                Action::ViewSharedDevelopmentPlan,
                &Target::shared_with(plan.owner_id, me),
            )
        })
        .collect();
    let open = record
        .reflections
        .iter()
        .filter(|r| r.finished_at.is_none())
        .map(|r| open_reflection(state, r))
        .collect();
    let overseen: Vec<Overseen> = record
        .organisations
        .iter()
        .filter_map(|o| overseen(viewer, o))
        .collect();
    let belongings = viewer
        .memberships
        .iter()
        .map(|m| Belonging {
            organisation: m.organisation.organisation_id(),
            name: m.organisation.name.clone(),
            roles: m.roles,
            schools: record
                .schools
                .iter()
                .filter(|s| s.organisation_id == m.organisation.organisation_id())
                .map(|s| s.name.clone())
                .collect(),
        })
        .collect();
    let mut next = reflection_steps(&record.reflections, may_reflect);
    // What one did in Leidraad is offered in the learning log from the first finished moment.
    if record.reflections.iter().any(|r| r.finished_at.is_some()) {
        next.push(NextStep::KeepLog);
    }
    next.extend(organisation_steps(&overseen));
    Ok(Start {
        open,
        next,
        shared,
        shared_plans,
        finished: record
            .reflections
            .iter()
            .filter(|r| r.finished_at.is_some())
            .count(),
        overseen,
        belongings,
        may_reflect,
    })
}

/// Whether any of the viewer's memberships allows starting a self-reflection.
pub fn may_reflect(viewer: &Viewer) -> bool {
    viewer.memberships.iter().any(|m| {
        viewer.allowed(
            Action::StartReflection,
            &Target::organisation(m.organisation.organisation_id()),
        )
    })
}

/// Whether the viewer may start a team scan anywhere: a leader for a school they lead, a
/// board member in their organisation. The menu offers "Teamscan" only then.
pub fn may_scan(viewer: &Viewer) -> bool {
    viewer.actor.memberships.iter().any(|m| {
        viewer.allowed(
            Action::StartSpaceScan,
            &Target::organisation(m.organisation),
        ) || m.schools.iter().any(|school| {
            viewer.allowed(
                Action::StartSpaceScan,
                &Target::school(m.organisation, *school),
            )
        })
    })
}

fn open_reflection(state: &App, record: &ReflectionAtStart) -> OpenWork {
    let framework = state.library.framework(&record.framework_id);
    let printed = framework.map_or(0, |f| {
        f.cards
            .iter()
            .filter(|c| record.domains.contains(&c.domain))
            .count()
    });
    let whole = framework.is_some_and(|f| f.domains.len() == record.domains.len());
    let total = i64::try_from(printed).unwrap_or(i64::MAX) + record.own_cards;
    OpenWork::Reflection {
        id: record.id,
        started_at: record.started_at,
        updated_at: record.updated_at,
        domains: if whole {
            Vec::new()
        } else {
            record.domains.clone()
        },
        progress: Progress {
            done: record.sorted.min(total),
            total,
        },
    }
}

fn overseen(viewer: &Viewer, organisation: &OrganisationAtStart) -> Option<Overseen> {
    let whole = Target::organisation(organisation.id);
    // Seeing every member is what admins and board members have in common.
    viewer
        .allowed(Action::ViewMembers, &whole)
        .then(|| Overseen {
            organisation: organisation.clone(),
            manages: viewer.allowed(Action::ManageMembers, &whole),
            sees_invitations: viewer.allowed(Action::ViewInvitations, &whole),
        })
}

/// The next steps about one's own reflections; `reflections` newest first.
fn reflection_steps(reflections: &[ReflectionAtStart], may_reflect: bool) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if reflections.is_empty() {
        if may_reflect {
            steps.push(NextStep::FirstReflection);
        }
        return steps;
    }
    let any_open = reflections.iter().any(|r| r.finished_at.is_none());
    if let Some(last) = reflections.iter().find(|r| r.finished_at.is_some()) {
        if last.focus_cards == 0 {
            steps.push(NextStep::ChooseFocus {
                reflection: last.id,
            });
        }
        if last.shares == 0 {
            steps.push(NextStep::Share {
                reflection: last.id,
            });
        }
        if !any_open && may_reflect {
            steps.push(NextStep::NewMoment {
                last_finished_at: last.finished_at.unwrap_or_default(),
            });
        }
    }
    steps
}

fn organisation_steps(overseen: &[Overseen]) -> Vec<NextStep> {
    let mut steps = Vec::new();
    for o in overseen.iter().filter(|o| o.manages) {
        let organisation = o.organisation.id;
        let name = o.organisation.name.clone();
        if o.organisation.schools == 0 {
            steps.push(NextStep::AddSchools {
                organisation,
                name: name.clone(),
            });
        }
        if o.organisation.members <= 1 && o.organisation.open_invitations == 0 {
            steps.push(NextStep::InviteMembers { organisation, name });
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reflection(id: i64, finished: bool, focus: i64, shares: i64) -> ReflectionAtStart {
        ReflectionAtStart {
            id,
            organisation_id: None,
            framework_id: "f".into(),
            domains: vec!["visie".into()],
            started_at: id,
            updated_at: id,
            finished_at: finished.then_some(id + 1),
            sorted: 0,
            own_cards: 0,
            focus_cards: focus,
            shares,
        }
    }

    #[test]
    fn a_newcomer_who_may_reflect_is_asked_to_begin_and_one_who_may_not_is_not() {
        assert_eq!(reflection_steps(&[], true), [NextStep::FirstReflection]);
        assert!(reflection_steps(&[], false).is_empty());
    }

    #[test]
    fn a_finished_moment_asks_for_focus_sharing_and_then_a_new_moment() {
        let finished = [reflection(2, true, 0, 0)];
        assert_eq!(
            reflection_steps(&finished, true),
            [
                NextStep::ChooseFocus { reflection: 2 },
                NextStep::Share { reflection: 2 },
                NextStep::NewMoment {
                    last_finished_at: 3
                },
            ]
        );
        let done = [reflection(2, true, 3, 1)];
        assert_eq!(
            reflection_steps(&done, true),
            [NextStep::NewMoment {
                last_finished_at: 3
            }]
        );
    }

    #[test]
    fn an_open_moment_needs_no_new_one() {
        let both = [reflection(5, false, 0, 0), reflection(2, true, 1, 1)];
        assert!(reflection_steps(&both, true).is_empty());
    }

    #[test]
    fn progress_is_a_whole_percent_and_never_past_the_end() {
        assert_eq!(Progress { done: 1, total: 3 }.percent(), 33);
        assert_eq!(Progress { done: 5, total: 3 }.percent(), 100);
        assert_eq!(Progress { done: 0, total: 0 }.percent(), 0);
    }
}
