//! The rules for members, case by case: several roles, several organisations, sharing, and
//! what a denial may reveal.

use super::super::*;
use super::members::{
    ANOTHER_SCHOOL, COLLEAGUE, ME, MY_SCHOOL, ORGANISATION, OTHER_ORGANISATION,
    SCHOOL_OF_OTHER_ORGANISATION, STRANGER, member_with,
};
use crate::accounts::Role::{Admin, BoardMember, Coach, SchoolLeader, Staff};
use Action::*;

#[test]
fn a_person_with_two_roles_may_do_what_either_role_may() {
    let actor = Actor::new(ME).with_membership(
        Membership::new(ORGANISATION, [Staff, BoardMember]).in_schools([MY_SCHOOL]),
    );
    let organisation = Target::organisation(ORGANISATION);
    assert!(decide(&actor, ViewBoardOverview, &organisation).is_allowed());
    assert!(decide(&actor, StartReflection, &organisation).is_allowed());
    assert!(decide(&actor, ViewMembers, &organisation).is_allowed());
    assert_eq!(
        decide(&actor, ManageMembers, &organisation),
        Decision::Deny(DenyReason::NotPermitted)
    );
}

#[test]
fn a_person_in_two_organisations_is_allowed_in_one_and_denied_in_the_other() {
    let actor = Actor::new(ME)
        .with_membership(Membership::new(ORGANISATION, Admin))
        .with_membership(
            Membership::new(OTHER_ORGANISATION, Staff).in_schools([SCHOOL_OF_OTHER_ORGANISATION]),
        );
    assert!(decide(&actor, ManageMembers, &Target::organisation(ORGANISATION)).is_allowed());
    assert_eq!(
        decide(
            &actor,
            ManageMembers,
            &Target::organisation(OTHER_ORGANISATION)
        ),
        Decision::Deny(DenyReason::NotPermitted)
    );
    assert!(
        decide(
            &actor,
            StartReflection,
            &Target::organisation(OTHER_ORGANISATION)
        )
        .is_allowed()
    );
    assert_eq!(
        decide(&actor, StartReflection, &Target::organisation(ORGANISATION)),
        Decision::Deny(DenyReason::NotPermitted),
        "the admin role does not reflect"
    );
    assert_eq!(
        decide(
            &actor,
            ViewOrganisation,
            &Target::organisation(OrganisationId(3))
        ),
        Decision::Deny(DenyReason::NotAMember)
    );
}

#[test]
fn a_shared_reflection_is_open_to_the_people_named_and_to_no_role() {
    let coach = Actor::new(ME).with_membership(Membership::new(ORGANISATION, Coach));
    let admin = Actor::new(PersonId(102)).with_membership(Membership::new(ORGANISATION, Admin));
    let board_member =
        Actor::new(PersonId(103)).with_membership(Membership::new(ORGANISATION, BoardMember));
    let owner = Actor::new(COLLEAGUE)
        .with_membership(Membership::new(ORGANISATION, SchoolLeader).in_schools([MY_SCHOOL]));
    let reflection = Target::shared_with(COLLEAGUE, &[ME]);

    assert!(decide(&coach, ViewSharedReflection, &reflection).is_allowed());
    assert!(decide(&owner, ViewSharedReflection, &reflection).is_allowed());
    for not_named in [&admin, &board_member] {
        assert_eq!(
            decide(not_named, ViewSharedReflection, &reflection),
            Decision::Deny(DenyReason::NotShared)
        );
        assert_eq!(
            decide(not_named, ViewOwnReflection, &reflection),
            Decision::Deny(DenyReason::NotOwner)
        );
    }
    let shared_with_the_admin = [admin.person];
    assert!(
        decide(
            &admin,
            ViewSharedReflection,
            &Target::shared_with(COLLEAGUE, &shared_with_the_admin)
        )
        .is_allowed(),
        "named by the owner, an admin may read it like anyone named"
    );
}

#[test]
fn a_reflection_may_be_shared_with_someone_outside_the_organisation() {
    let outside_coach =
        Actor::new(STRANGER).with_membership(Membership::new(OTHER_ORGANISATION, Coach));
    let reflection = Target::shared_with(COLLEAGUE, &[STRANGER]);
    assert!(decide(&outside_coach, ViewSharedReflection, &reflection).is_allowed());
}

#[test]
fn a_person_without_memberships_may_still_act_on_their_own_data() {
    let actor = Actor::new(ME);
    for action in [
        ExportOwnData,
        DeleteOwnAccount,
        ManageOwnApiTokens,
        ViewOwnReflection,
    ] {
        assert!(
            decide(&actor, action, &Target::owned_by(ME)).is_allowed(),
            "{action:?}"
        );
        assert_eq!(
            decide(&actor, action, &Target::owned_by(COLLEAGUE)),
            Decision::Deny(DenyReason::NotOwner),
            "{action:?}"
        );
    }
    assert_eq!(
        decide(
            &actor,
            ViewOrganisation,
            &Target::organisation(ORGANISATION)
        ),
        Decision::Deny(DenyReason::NotAMember)
    );
}

#[test]
fn a_school_leader_sees_the_members_of_each_school_they_lead_and_no_others() {
    let actor = Actor::new(ME).with_membership(
        Membership::new(ORGANISATION, SchoolLeader).in_schools([MY_SCHOOL, ANOTHER_SCHOOL]),
    );
    let members_of = |school| decide(&actor, ViewMembers, &Target::school(ORGANISATION, school));
    assert!(members_of(MY_SCHOOL).is_allowed());
    assert!(members_of(ANOTHER_SCHOOL).is_allowed());
    assert_eq!(
        members_of(SchoolId(13)),
        Decision::Deny(DenyReason::NotPermitted)
    );
    assert_eq!(
        decide(&actor, ViewMembers, &Target::organisation(ORGANISATION)),
        Decision::Deny(DenyReason::NotPermitted),
        "the whole organisation's member list is not theirs"
    );
}

#[test]
fn a_school_id_counts_only_within_its_own_organisation() {
    // A school id is only meaningful together with its organisation: the same school id in a
    // target of an organisation I am not in is denied as not mine.
    let actor = member_with(Staff);
    assert_eq!(
        decide(
            &actor,
            ViewSchools,
            &Target::school(OTHER_ORGANISATION, MY_SCHOOL)
        ),
        Decision::Deny(DenyReason::NotAMember)
    );
}

#[test]
fn a_member_without_roles_may_do_nothing_organisational() {
    let actor = Actor::new(ME).with_membership(Membership::new(ORGANISATION, RoleSet::empty()));
    for action in Action::ALL {
        let decision = decide(&actor, action, &Target::organisation(ORGANISATION));
        assert!(!decision.is_allowed(), "{action:?}");
    }
}

#[test]
fn actions_on_the_wrong_kind_of_target_are_denied_as_a_caller_bug() {
    let admin = member_with(Admin);
    assert_eq!(
        decide(&admin, ExportOwnData, &Target::organisation(ORGANISATION)),
        Decision::Deny(DenyReason::WrongTarget)
    );
    assert_eq!(
        decide(
            &admin,
            ViewSharedReflection,
            &Target::school(ORGANISATION, MY_SCHOOL)
        ),
        Decision::Deny(DenyReason::WrongTarget)
    );
    assert_eq!(
        decide(&admin, ManageMembers, &Target::owned_by(ME)),
        Decision::Deny(DenyReason::WrongTarget)
    );
}

#[test]
fn only_a_member_lacking_a_role_may_learn_that_the_target_exists() {
    assert!(!DenyReason::NotPermitted.hides_existence());
    for reason in [
        DenyReason::NotAMember,
        DenyReason::NotOwner,
        DenyReason::NotShared,
        DenyReason::WrongTarget,
    ] {
        assert!(reason.hides_existence(), "{reason:?}");
    }
}

#[test]
fn a_decision_converts_to_a_result_for_handlers() {
    assert_eq!(Decision::Allow.into_result(), Ok(()));
    assert_eq!(
        Decision::Deny(DenyReason::NotOwner).into_result(),
        Err(DenyReason::NotOwner)
    );
    assert_eq!(DenyReason::NotAMember.code(), "not-a-member");
}
