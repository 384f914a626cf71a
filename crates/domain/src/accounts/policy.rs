//! Who may see or do what: one pure function, [`decide`], so that no handler ever looks at a
//! role itself. A handler names the [`Action`] and the [`Target`] it is about to touch, asks,
//! and obeys the [`Decision`].
//!
//! # The rules
//!
//! A person acts through their memberships: in each organisation they belong to they hold a set
//! of roles and are attached to some of its schools. Roles add up: a person with two roles may
//! do what either role may. Nothing is ever allowed in an organisation the person is not a
//! member of.
//!
//! | action | Admin | BoardMember | SchoolLeader | Staff | Coach |
//! | --- | --- | --- | --- | --- | --- |
//! | `ViewOrganisation` | org | org | org | org | org |
//! | `ManageOrganisation` | org | – | – | – | – |
//! | `ViewSchools` | org | org | own schools | own schools | – |
//! | `ManageSchools` | org | – | – | – | – |
//! | `ViewMembers` | org | org | own schools | – | – |
//! | `ManageMembers` | org | – | – | – | – |
//! | `ViewInvitations` | org | – | – | – | – |
//! | `ManageInvitations` | org | – | – | – | – |
//! | `ViewAuditLog` | org | – | – | – | – |
//! | `ViewOutbox` | org | – | – | – | – |
//! | `ViewBoardOverview` | – | org | – | – | – |
//! | `StartReflection` | – | – | org | org | org |
//! | `ExportOwnData`, `DeleteOwnAccount`, `ManageOwnApiTokens`, `ViewOwnReflection` | own | own | own | own | own |
//! | `ViewSharedReflection` | shared | shared | shared | shared | shared |
//!
//! - **org**: on the organisation as a whole ([`Target::organisation`]) and on any of its
//!   schools ([`Target::school`]), in every organisation where the person holds the role.
//! - **own schools**: only on a [`Target::school`] naming a school the person is attached to
//!   in that organisation; not on the organisation as a whole (a list page asks per school).
//! - **own**: only on the person's own data ([`Target::owned_by`] themselves), whatever their
//!   roles, and also for a person with no membership at all (someone whose last membership
//!   ended can still export their data and delete their account).
//! - **shared**: only on a reflection the person owns or that is shared with them by name
//!   ([`Target::shared_with`]). No role ever opens someone else's reflection: not admin, not
//!   board member, not coach. A coach sees a coachee's reflection because the coachee named
//!   them, not because they are a coach; the same holds across organisations.
//!
//! Anything the table does not grant is denied, so a new action is denied to everyone until a
//! rule says otherwise.

use super::ids::{OrganisationId, PersonId, SchoolId};
use super::role::{Role, RoleSet};

/// The signed-in person, with every membership they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub person: PersonId,
    pub memberships: Vec<Membership>,
}

impl Actor {
    /// A person without memberships (yet): they may only act on their own data.
    pub fn new(person: PersonId) -> Actor {
        Actor {
            person,
            memberships: Vec::new(),
        }
    }

    #[must_use]
    pub fn with_membership(mut self, membership: Membership) -> Actor {
        self.memberships.push(membership);
        self
    }

    pub fn is_member_of(&self, organisation: OrganisationId) -> bool {
        self.memberships_in(organisation).next().is_some()
    }

    fn memberships_in(&self, organisation: OrganisationId) -> impl Iterator<Item = &Membership> {
        self.memberships
            .iter()
            .filter(move |membership| membership.organisation == organisation)
    }
}

/// A person's place in one organisation: their roles there and the schools they belong to
/// (the schools a school leader leads, the schools a staff member works at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub organisation: OrganisationId,
    pub roles: RoleSet,
    pub schools: Vec<SchoolId>,
}

impl Membership {
    /// A membership with these roles and no schools yet.
    pub fn new(organisation: OrganisationId, roles: impl Into<RoleSet>) -> Membership {
        Membership {
            organisation,
            roles: roles.into(),
            schools: Vec::new(),
        }
    }

    #[must_use]
    pub fn in_schools(mut self, schools: impl IntoIterator<Item = SchoolId>) -> Membership {
        self.schools.extend(schools);
        self
    }
}

/// Everything a handler may ask permission for. Each names what it is about in its doc; the
/// [`Target`] says which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the organisation's name and its own page.
    ViewOrganisation,
    /// Rename the organisation, change its settings.
    ManageOrganisation,
    /// See a school (or, on the organisation, all its schools).
    ViewSchools,
    /// Add, rename or close schools.
    ManageSchools,
    /// See who the members are and their roles.
    ViewMembers,
    /// Invite members, change their roles, remove them.
    ManageMembers,
    /// See pending invitations.
    ViewInvitations,
    /// Send, resend or withdraw invitations.
    ManageInvitations,
    /// Read the organisation's audit log.
    ViewAuditLog,
    /// Download everything Leidraad holds about oneself.
    ExportOwnData,
    /// Erase one's own account.
    DeleteOwnAccount,
    /// Create and revoke one's own API tokens.
    ManageOwnApiTokens,
    /// Open one's own reflection.
    ViewOwnReflection,
    /// Open a reflection someone shared by name.
    ViewSharedReflection,
    /// Start a new self-reflection in an organisation.
    StartReflection,
    /// See the aggregated, anonymised overview across the organisation's schools.
    ViewBoardOverview,
    /// See the mail the organisation has sent or is about to send.
    ViewOutbox,
}

impl Action {
    pub const ALL: [Action; 17] = [
        Action::ViewOrganisation,
        Action::ManageOrganisation,
        Action::ViewSchools,
        Action::ManageSchools,
        Action::ViewMembers,
        Action::ManageMembers,
        Action::ViewInvitations,
        Action::ManageInvitations,
        Action::ViewAuditLog,
        Action::ExportOwnData,
        Action::DeleteOwnAccount,
        Action::ManageOwnApiTokens,
        Action::ViewOwnReflection,
        Action::ViewSharedReflection,
        Action::StartReflection,
        Action::ViewBoardOverview,
        Action::ViewOutbox,
    ];
}

/// What an action is about. Construct it with [`Target::organisation`], [`Target::school`],
/// [`Target::owned_by`] or [`Target::shared_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// The organisation as a whole: its settings, all its schools, all its members.
    Organisation(OrganisationId),
    /// One school of an organisation, or something that belongs to it.
    School {
        organisation: OrganisationId,
        school: SchoolId,
    },
    /// A person's own data: their account, tokens, export, reflections.
    PersonalData { owner: PersonId },
    /// A person's reflection together with the people its owner shared it with.
    SharedReflection {
        owner: PersonId,
        viewers: &'a [PersonId],
    },
}

impl<'a> Target<'a> {
    pub fn organisation(organisation: OrganisationId) -> Target<'a> {
        Target::Organisation(organisation)
    }

    pub fn school(organisation: OrganisationId, school: SchoolId) -> Target<'a> {
        Target::School {
            organisation,
            school,
        }
    }

    pub fn owned_by(owner: PersonId) -> Target<'a> {
        Target::PersonalData { owner }
    }

    /// A reflection of `owner`, shared by name with each of `viewers`.
    pub fn shared_with(owner: PersonId, viewers: &'a [PersonId]) -> Target<'a> {
        Target::SharedReflection { owner, viewers }
    }

    /// The organisation the target lies in; personal data lies in none.
    pub fn organisation_id(&self) -> Option<OrganisationId> {
        match *self {
            Target::Organisation(organisation) | Target::School { organisation, .. } => {
                Some(organisation)
            }
            Target::PersonalData { .. } | Target::SharedReflection { .. } => None,
        }
    }

    pub fn school_id(&self) -> Option<SchoolId> {
        match *self {
            Target::School { school, .. } => Some(school),
            _ => None,
        }
    }

    /// The person whose data this is, for personal targets.
    pub fn owner(&self) -> Option<PersonId> {
        match *self {
            Target::PersonalData { owner } | Target::SharedReflection { owner, .. } => Some(owner),
            Target::Organisation(_) | Target::School { .. } => None,
        }
    }
}

#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Deny(DenyReason),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        self == Decision::Allow
    }

    /// The decision as a `Result`, for `?` in a handler.
    pub fn into_result(self) -> Result<(), DenyReason> {
        match self {
            Decision::Allow => Ok(()),
            Decision::Deny(reason) => Err(reason),
        }
    }
}

/// Why an action was denied. Most reasons must not reveal that the target exists: see
/// [`DenyReason::hides_existence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DenyReason {
    /// The target lies in an organisation the person is not a member of.
    #[error("not a member of the organisation")]
    NotAMember,
    /// A member, but none of their roles grants the action there.
    #[error("no role grants this action here")]
    NotPermitted,
    /// Someone else's personal data.
    #[error("this is someone else's personal data")]
    NotOwner,
    /// A reflection that was not shared with the person.
    #[error("the reflection is not shared with this person")]
    NotShared,
    /// The action does not apply to this kind of target: a bug in the caller.
    #[error("the action does not apply to this kind of target")]
    WrongTarget,
}

impl DenyReason {
    /// A stable code, for logs and the audit log.
    pub fn code(self) -> &'static str {
        match self {
            DenyReason::NotAMember => "not-a-member",
            DenyReason::NotPermitted => "not-permitted",
            DenyReason::NotOwner => "not-owner",
            DenyReason::NotShared => "not-shared",
            DenyReason::WrongTarget => "wrong-target",
        }
    }

    /// Whether the person must be told "not found" rather than "forbidden". Only a member who
    /// lacks a role may learn that the thing exists; telling anyone else would leak which
    /// organisations, people and reflections there are.
    pub fn hides_existence(self) -> bool {
        self != DenyReason::NotPermitted
    }
}

/// Decides whether `actor` may perform `action` on `target`, by the rules in the module doc.
pub fn decide(actor: &Actor, action: Action, target: &Target<'_>) -> Decision {
    match subject_of(action) {
        Subject::Organisational => decide_organisational(actor, action, target),
        Subject::OwnData => decide_own_data(actor, target),
        Subject::SharedReflection => decide_shared_reflection(actor, target),
    }
}

/// The three kinds of rule. Every action is classified explicitly (no wildcard), so a new
/// action does not compile until someone decides which kind it is.
enum Subject {
    Organisational,
    OwnData,
    SharedReflection,
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
        | Action::ViewBoardOverview
        | Action::ViewOutbox => Subject::Organisational,
        Action::ExportOwnData
        | Action::DeleteOwnAccount
        | Action::ManageOwnApiTokens
        | Action::ViewOwnReflection => Subject::OwnData,
        Action::ViewSharedReflection => Subject::SharedReflection,
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
        Target::Organisation(_) | Target::School { .. } => {
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
        (Role::BoardMember, ViewOrganisation | ViewSchools | ViewMembers | ViewBoardOverview) => {
            Reach::Organisation
        }
        (Role::SchoolLeader, ViewOrganisation | StartReflection) => Reach::Organisation,
        (Role::SchoolLeader, ViewSchools | ViewMembers) => Reach::OwnSchools,
        (Role::Staff, ViewOrganisation | StartReflection) => Reach::Organisation,
        (Role::Staff, ViewSchools) => Reach::OwnSchools,
        (Role::Coach, ViewOrganisation | StartReflection) => Reach::Organisation,
        _ => Reach::Nowhere,
    }
}

#[cfg(test)]
mod tests;
