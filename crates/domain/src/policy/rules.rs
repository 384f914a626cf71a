//! The tables of the module doc, as code: what each role may do ([`reach`]), and what each
//! link or code holder may do ([`holder_may`]), with the functions that apply them.

use super::{
    Action, Actor, AnswerLinkId, Decision, DenyReason, DialogueId, Membership, RoundId, Target,
};
use crate::accounts::{PersonId, Role, SchoolId};

/// Decides whether `actor` may perform `action` on `target`, by the rules in the module doc.
pub fn decide(actor: &Actor, action: Action, target: &Target<'_>) -> Decision {
    match subject_of(action) {
        Subject::Organisational => decide_organisational(actor, action, target),
        Subject::OwnData => decide_own_data(actor, target),
        Subject::SharedReflection => decide_shared_reflection(actor, target),
        // Members answer and join through the link or code, as a holder, never as a member.
        Subject::AnswerLink | Subject::Dialogue => {
            Decision::Deny(holder_target_fits(action, target).unwrap_or(DenyReason::NotHolder))
        }
    }
}

/// The kinds of rule. Every action is classified explicitly (no wildcard), so a new action
/// does not compile until someone decides which kind it is.
enum Subject {
    Organisational,
    OwnData,
    SharedReflection,
    /// The answers of one token link ([`Target::AnswerLink`]).
    AnswerLink,
    /// A live dialogue ([`Target::Dialogue`]).
    Dialogue,
}

fn subject_of(action: Action) -> Subject {
    match action {
        Action::ViewOrganisation
        | Action::ManageOrganisation
        | Action::ViewSchools
        | Action::ManageSchools
        | Action::ViewMembers
        | Action::ManageMembers
        | Action::ViewInvitations
        | Action::ManageInvitations
        | Action::ViewAuditLog
        | Action::StartReflection
        | Action::StartFeedbackRound
        | Action::StartSpaceScan
        | Action::ViewBoardOverview
        | Action::ViewOutbox => Subject::Organisational,
        Action::ExportOwnData
        | Action::DeleteOwnAccount
        | Action::ManageOwnApiTokens
        | Action::ViewOwnReflection
        | Action::ManageOwnFeedbackRound
        | Action::ManageOwnSpaceScan
        | Action::ManageOwnDevelopment => Subject::OwnData,
        Action::ViewSharedReflection
        | Action::ViewSharedFeedbackRound
        | Action::ViewSharedDevelopmentPlan => Subject::SharedReflection,
        Action::AnswerRound => Subject::AnswerLink,
        Action::JoinDialogue | Action::ContributeToDialogue => Subject::Dialogue,
    }
}

fn decide_organisational(actor: &Actor, action: Action, target: &Target<'_>) -> Decision {
    let Some(organisation) = target.organisation_id() else {
        return Decision::Deny(DenyReason::WrongTarget);
    };
    if !actor.is_member_of(organisation) {
        return Decision::Deny(DenyReason::NotAMember);
    }
    let granted = actor.memberships_in(organisation).any(|membership| {
        membership
            .roles
            .iter()
            .any(|role| reach(role, action).covers(membership, target.school_id()))
    });
    if granted {
        Decision::Allow
    } else {
        Decision::Deny(DenyReason::NotPermitted)
    }
}

fn decide_own_data(actor: &Actor, target: &Target<'_>) -> Decision {
    match target.owner() {
        Some(owner) if owner == actor.person => Decision::Allow,
        Some(_) => Decision::Deny(DenyReason::NotOwner),
        None => Decision::Deny(DenyReason::WrongTarget),
    }
}

/// Only the owner and the people named by the owner; roles play no part at all.
fn decide_shared_reflection(actor: &Actor, target: &Target<'_>) -> Decision {
    let (owner, viewers): (PersonId, &[PersonId]) = match *target {
        Target::SharedReflection { owner, viewers } => (owner, viewers),
        Target::PersonalData { owner } => (owner, &[]),
        Target::Organisation(_)
        | Target::School { .. }
        | Target::AnswerLink { .. }
        | Target::Dialogue(_) => {
            return Decision::Deny(DenyReason::WrongTarget);
        }
    };
    if owner == actor.person || viewers.contains(&actor.person) {
        Decision::Allow
    } else {
        Decision::Deny(DenyReason::NotShared)
    }
}

/// How far one role's grant of one action extends within the member's organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Nowhere,
    /// Only on a school the member is attached to.
    OwnSchools,
    /// On the organisation and every school in it.
    Organisation,
}

impl Reach {
    fn covers(self, membership: &Membership, school: Option<SchoolId>) -> bool {
        match self {
            Reach::Nowhere => false,
            Reach::OwnSchools => school.is_some_and(|school| membership.schools.contains(&school)),
            Reach::Organisation => true,
        }
    }
}

/// The table of the module doc, for the organisational actions. The wildcard denies: whatever
/// is not listed here is granted by no role.
fn reach(role: Role, action: Action) -> Reach {
    use Action::*;
    match (role, action) {
        (
            Role::Admin,
            ViewOrganisation | ManageOrganisation | ViewSchools | ManageSchools | ViewMembers
            | ManageMembers | ViewInvitations | ManageInvitations | ViewAuditLog | ViewOutbox,
        ) => Reach::Organisation,
        (
            Role::BoardMember,
            ViewOrganisation | ViewSchools | ViewMembers | ViewBoardOverview | StartSpaceScan,
        ) => Reach::Organisation,
        (Role::SchoolLeader, ViewOrganisation | StartReflection | StartFeedbackRound) => {
            Reach::Organisation
        }
        (Role::SchoolLeader, ViewSchools | ViewMembers | StartSpaceScan) => Reach::OwnSchools,
        (Role::Staff, ViewOrganisation | StartReflection) => Reach::Organisation,
        (Role::Staff, ViewSchools) => Reach::OwnSchools,
        (Role::Coach, ViewOrganisation | StartReflection) => Reach::Organisation,
        _ => Reach::Nowhere,
    }
}

/// Someone holding a token link or a join code, as far as the rules care.
#[derive(Debug, Clone, Copy)]
pub(super) enum Holder {
    Rater { round: RoundId, link: AnswerLinkId },
    Participant { dialogue: DialogueId },
}

/// The second table of the module doc: which holder may take which action at all. Whether
/// the target is their own is checked in [`decide_holder`]. The wildcard denies.
fn holder_may(holder: Holder, action: Action) -> bool {
    use Action::*;
    matches!(
        (holder, action),
        (Holder::Rater { .. }, AnswerRound)
            | (
                Holder::Participant { .. },
                JoinDialogue | ContributeToDialogue
            )
    )
}

/// Decides for a link or code holder, by the second table of the module doc.
pub(super) fn decide_holder(holder: Holder, action: Action, target: &Target<'_>) -> Decision {
    match subject_of(action) {
        Subject::Organisational | Subject::OwnData | Subject::SharedReflection => {
            Decision::Deny(DenyReason::NotAMember)
        }
        Subject::AnswerLink | Subject::Dialogue => {
            if let Some(wrong) = holder_target_fits(action, target) {
                return Decision::Deny(wrong);
            }
            let own = match (holder, *target) {
                (Holder::Rater { round, link }, Target::AnswerLink { round: r, link: l }) => {
                    round == r && link == l
                }
                (Holder::Participant { dialogue }, Target::Dialogue(d)) => dialogue == d,
                _ => false,
            };
            if own && holder_may(holder, action) {
                Decision::Allow
            } else {
                Decision::Deny(DenyReason::NotHolder)
            }
        }
    }
}

/// `Some(WrongTarget)` when a link or code action is asked about a target of another kind
/// (a bug in the caller); `None` when the kinds fit.
fn holder_target_fits(action: Action, target: &Target<'_>) -> Option<DenyReason> {
    let fits = match subject_of(action) {
        Subject::AnswerLink => matches!(target, Target::AnswerLink { .. }),
        Subject::Dialogue => matches!(target, Target::Dialogue(_)),
        Subject::Organisational | Subject::OwnData | Subject::SharedReflection => true,
    };
    (!fits).then_some(DenyReason::WrongTarget)
}
