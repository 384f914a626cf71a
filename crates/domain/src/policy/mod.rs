//! Who may see or do what: one pure function, [`decide`], so that no handler ever looks at a
//! role itself. A handler names the [`Action`] and the [`Target`] it is about to touch, asks,
//! and obeys the [`Decision`]. People who are not signed in but hold a token link or a join
//! code are [`Principal`]s too, and [`decide_principal`] answers for them.
//!
//! The tables are written once, as code, in `rules.rs` (which also holds [`decide`]); this
//! module names the actors, actions, targets and decisions, and `principal.rs` the principals
//! without an account.
//!
//! # The rules for members
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
//! | `StartFeedbackRound` | – | – | org | – | – |
//! | `StartSpaceScan` | – | org | own schools | – | – |
//! | `ExportOwnData`, `DeleteOwnAccount`, `ManageOwnApiTokens`, `ViewOwnReflection`, `ManageOwnFeedbackRound`, `ManageOwnSpaceScan`, `ManageOwnDevelopment` | own | own | own | own | own |
//! | `ViewSharedReflection`, `ViewSharedFeedbackRound`, `ViewSharedDevelopmentPlan` | shared | shared | shared | shared | shared |
//! | `AnswerRound`, `JoinDialogue`, `ContributeToDialogue` | – | – | – | – | – |
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
//!   them, not because they are a coach; the same holds across organisations. The same holds
//!   for a feedback round: its report is read by whom the leader shares it with, and its rater
//!   list by the coach the leader named to approve it ([`Target::shared_with`] that coach).
//!
//! - The last row is for link and code holders only (below). A member who is also a rater
//!   answers through the link, as a [`Principal::Rater`], never as a member: an answer given
//!   as a member would be tied to the person, and raters are promised anonymity.
//!
//! # The rules for link and code holders
//!
//! | action | [`Principal::Member`] | [`Principal::Rater`] (token link) | [`Principal::Participant`] (join code) |
//! | --- | --- | --- | --- |
//! | `AnswerRound` | – | own link | – |
//! | `JoinDialogue`, `ContributeToDialogue` | – | – | own dialogue |
//! | every other action | the table above | – | – |
//!
//! - **own link**: a rater in a 360° feedback round, or a respondent to a team scan, may open,
//!   save and submit the answers of the one link they hold ([`Target::answer_link`]): that
//!   round, that link. Not another link of the same round, not the same link number in another
//!   round. The link says nothing about who holds it; the principal carries no person.
//! - **own dialogue**: a participant holding a dialogue's join code may join that dialogue and
//!   contribute to it ([`Target::dialogue`]), and no other.
//! - Link and code holders have no account and are a member of nothing: every member action
//!   is denied to them as [`DenyReason::NotAMember`].
//!
//! Anything the tables do not grant is denied, so a new action is denied to everyone until a
//! rule says otherwise. Every refusal of a link or code holder hides that the target exists.

mod principal;
mod rules;

pub use principal::{
    AnswerLinkId, DialogueId, FeedbackRoundId, Principal, RoundId, SpaceScanId, decide_principal,
};
pub use rules::decide;

use crate::accounts::{OrganisationId, PersonId, RoleSet, SchoolId};

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
    /// Open, save and submit the answers of one token link in a feedback round or a team scan
    /// (link holders only).
    AnswerRound,
    /// Join a live dialogue with its join code (code holders only).
    JoinDialogue,
    /// Add a contribution to a live dialogue (code holders only).
    ContributeToDialogue,
    /// Start a 360° feedback round about oneself in an organisation.
    StartFeedbackRound,
    /// Set up, send, follow, close and read one's own feedback rounds.
    ManageOwnFeedbackRound,
    /// Read a feedback round someone named one for: its released report when shared, or its
    /// rater list when named as the coach who approves it.
    ViewSharedFeedbackRound,
    /// Start a team scan on professional space for a school (or, on the organisation, one
    /// across several of its schools).
    StartSpaceScan,
    /// Share, follow, estimate, release and read one's own team scans.
    ManageOwnSpaceScan,
    /// Keep one's own development plan, learning log, evidence and portfolio.
    ManageOwnDevelopment,
    /// Read a development plan someone shared by name (and the evidence it points to).
    ViewSharedDevelopmentPlan,
}

impl Action {
    pub const ALL: [Action; 27] = [
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
        Action::AnswerRound,
        Action::JoinDialogue,
        Action::ContributeToDialogue,
        Action::StartFeedbackRound,
        Action::ManageOwnFeedbackRound,
        Action::ViewSharedFeedbackRound,
        Action::StartSpaceScan,
        Action::ManageOwnSpaceScan,
        Action::ManageOwnDevelopment,
        Action::ViewSharedDevelopmentPlan,
    ];
}

/// What an action is about. Construct it with [`Target::organisation`], [`Target::school`],
/// [`Target::owned_by`], [`Target::shared_with`], [`Target::answer_link`] or
/// [`Target::dialogue`].
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
    /// The answers given through one token link of a feedback round or a team scan.
    AnswerLink { round: RoundId, link: AnswerLinkId },
    /// A live dialogue.
    Dialogue(DialogueId),
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

    /// The answers of `link` in `round`.
    pub fn answer_link(round: RoundId, link: AnswerLinkId) -> Target<'a> {
        Target::AnswerLink { round, link }
    }

    pub fn dialogue(dialogue: DialogueId) -> Target<'a> {
        Target::Dialogue(dialogue)
    }

    /// The organisation the target lies in; personal data lies in none, and neither do the
    /// targets of link and code holders (the policy needs none there).
    pub fn organisation_id(&self) -> Option<OrganisationId> {
        match *self {
            Target::Organisation(organisation) | Target::School { organisation, .. } => {
                Some(organisation)
            }
            Target::PersonalData { .. }
            | Target::SharedReflection { .. }
            | Target::AnswerLink { .. }
            | Target::Dialogue(_) => None,
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
            Target::Organisation(_)
            | Target::School { .. }
            | Target::AnswerLink { .. }
            | Target::Dialogue(_) => None,
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
    /// A link or code action by someone who does not hold that link or code: another round's
    /// or another link's rater, another dialogue's participant, or a signed-in member.
    #[error("this link or code is not the one held")]
    NotHolder,
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
            DenyReason::NotHolder => "not-holder",
        }
    }

    /// Whether the person must be told "not found" rather than "forbidden". Only a member who
    /// lacks a role may learn that the thing exists; telling anyone else would leak which
    /// organisations, people, reflections, rounds and dialogues there are.
    pub fn hides_existence(self) -> bool {
        self != DenyReason::NotPermitted
    }
}

#[cfg(test)]
mod tests;
