use super::*;
use Action::*;
use Role::{Admin, BoardMember, Coach, SchoolLeader, Staff};

const ORGANISATION: OrganisationId = OrganisationId(1);
const OTHER_ORGANISATION: OrganisationId = OrganisationId(2);
const MY_SCHOOL: SchoolId = SchoolId(11);
const ANOTHER_SCHOOL: SchoolId = SchoolId(12);
const SCHOOL_OF_OTHER_ORGANISATION: SchoolId = SchoolId(21);
const ME: PersonId = PersonId(100);
const COLLEAGUE: PersonId = PersonId(101);
const STRANGER: PersonId = PersonId(200);

/// The columns of the matrix: whose thing, or which place, the action is about.
#[derive(Debug, Clone, Copy)]
enum Whose {
    /// My own data; my own school.
    Mine,
    /// A colleague's data; another school of my organisation.
    Colleagues,
    /// My organisation as a whole.
    WholeOrganisation,
    /// The data of someone in another organisation; a school of another organisation.
    OtherOrganisation,
}

impl Whose {
    const ALL: [Whose; 4] = [
        Whose::Mine,
        Whose::Colleagues,
        Whose::WholeOrganisation,
        Whose::OtherOrganisation,
    ];

    fn describe(self) -> &'static str {
        match self {
            Whose::Mine => "own data / own school",
            Whose::Colleagues => "colleague's data / another school of the same organisation",
            Whose::WholeOrganisation => "the whole organisation",
            Whose::OtherOrganisation => "another organisation",
        }
    }
}

/// One row of the expected table: which roles may perform the action, per column.
struct Row {
    action: Action,
    mine: &'static [Role],
    colleagues: &'static [Role],
    whole_organisation: &'static [Role],
    other_organisation: &'static [Role],
}

impl Row {
    fn allowed(&self, whose: Whose) -> &'static [Role] {
        match whose {
            Whose::Mine => self.mine,
            Whose::Colleagues => self.colleagues,
            Whose::WholeOrganisation => self.whole_organisation,
            Whose::OtherOrganisation => self.other_organisation,
        }
    }
}

const fn row(
    action: Action,
    mine: &'static [Role],
    colleagues: &'static [Role],
    whole_organisation: &'static [Role],
    other_organisation: &'static [Role],
) -> Row {
    Row {
        action,
        mine,
        colleagues,
        whole_organisation,
        other_organisation,
    }
}

const EVERYONE: &[Role] = &[Admin, BoardMember, SchoolLeader, Staff, Coach];
const NOBODY: &[Role] = &[];
const REFLECTING: &[Role] = &[SchoolLeader, Staff, Coach];

/// The rules, written out. A change to the policy must change this table too.
#[rustfmt::skip]
const EXPECTED: &[Row] = &[
    //  action                mine                                        colleague's / another school  whole organisation       other organisation
    row(ViewOrganisation,     EVERYONE,                                   EVERYONE,                     EVERYONE,                NOBODY),
    row(ManageOrganisation,   &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
    row(ViewSchools,          &[Admin, BoardMember, SchoolLeader, Staff], &[Admin, BoardMember],        &[Admin, BoardMember],   NOBODY),
    row(ManageSchools,        &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
    row(ViewMembers,          &[Admin, BoardMember, SchoolLeader],        &[Admin, BoardMember],        &[Admin, BoardMember],   NOBODY),
    row(ManageMembers,        &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
    row(ViewInvitations,      &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
    row(ManageInvitations,    &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
    row(ViewAuditLog,         &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
    row(ExportOwnData,        EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(DeleteOwnAccount,     EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(ManageOwnApiTokens,   EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(ViewOwnReflection,    EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(ViewSharedReflection, EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(StartReflection,      REFLECTING,                                 REFLECTING,                   REFLECTING,              NOBODY),
    row(ViewBoardOverview,    &[BoardMember],                             &[BoardMember],               &[BoardMember],          NOBODY),
    row(ViewOutbox,           &[Admin],                                   &[Admin],                     &[Admin],                NOBODY),
];

/// Me, holding one role in my organisation and attached to my school.
fn member_with(role: Role) -> Actor {
    Actor::new(ME).with_membership(Membership::new(ORGANISATION, role).in_schools([MY_SCHOOL]))
}

/// The target each column stands for, by what kind of thing the action is about. Shared
/// reflections in the matrix never name me; being named is tested on its own below.
fn target_for(action: Action, whose: Whose) -> Target<'static> {
    let personal = matches!(
        action,
        ExportOwnData | DeleteOwnAccount | ManageOwnApiTokens | ViewOwnReflection
    );
    let shared = action == ViewSharedReflection;
    match whose {
        Whose::WholeOrganisation => Target::organisation(ORGANISATION),
        Whose::Mine if personal => Target::owned_by(ME),
        Whose::Mine if shared => Target::shared_with(ME, &[COLLEAGUE]),
        Whose::Mine => Target::school(ORGANISATION, MY_SCHOOL),
        Whose::Colleagues if personal => Target::owned_by(COLLEAGUE),
        Whose::Colleagues if shared => Target::shared_with(COLLEAGUE, &[STRANGER]),
        Whose::Colleagues => Target::school(ORGANISATION, ANOTHER_SCHOOL),
        Whose::OtherOrganisation if personal => Target::owned_by(STRANGER),
        Whose::OtherOrganisation if shared => Target::shared_with(STRANGER, &[COLLEAGUE]),
        Whose::OtherOrganisation => {
            Target::school(OTHER_ORGANISATION, SCHOOL_OF_OTHER_ORGANISATION)
        }
    }
}

fn expected_row(action: Action) -> &'static Row {
    EXPECTED
        .iter()
        .find(|row| row.action == action)
        .unwrap_or_else(|| panic!("the expected table has no row for {action:?}"))
}

#[test]
fn every_role_action_and_ownership_is_decided_as_the_table_says() {
    let mut wrong_cells = Vec::new();
    for action in Action::ALL {
        let row = expected_row(action);
        for whose in Whose::ALL {
            let target = target_for(action, whose);
            for role in Role::ALL {
                let expected = row.allowed(whose).contains(&role);
                let decision = decide(&member_with(role), action, &target);
                if decision.is_allowed() != expected {
                    let expected = if expected { "Allow" } else { "Deny" };
                    wrong_cells.push(format!(
                        "{role:?} × {action:?} × {}: expected {expected}, got {decision:?}",
                        whose.describe()
                    ));
                }
            }
        }
    }
    assert!(
        wrong_cells.is_empty(),
        "{} cells differ from the expected table:\n{}",
        wrong_cells.len(),
        wrong_cells.join("\n")
    );
}

#[test]
fn the_expected_table_has_exactly_one_row_per_action() {
    for action in Action::ALL {
        let rows = EXPECTED.iter().filter(|row| row.action == action).count();
        assert_eq!(rows, 1, "{action:?} has {rows} rows");
    }
    assert_eq!(EXPECTED.len(), Action::ALL.len());
}

#[test]
fn every_action_is_in_all_in_declaration_order() {
    for (index, action) in Action::ALL.into_iter().enumerate() {
        // A new variant must be added to ALL (and so to the table): this match stops compiling
        // until it is.
        let position = match action {
            ViewOrganisation => 0,
            ManageOrganisation => 1,
            ViewSchools => 2,
            ManageSchools => 3,
            ViewMembers => 4,
            ManageMembers => 5,
            ViewInvitations => 6,
            ManageInvitations => 7,
            ViewAuditLog => 8,
            ExportOwnData => 9,
            DeleteOwnAccount => 10,
            ManageOwnApiTokens => 11,
            ViewOwnReflection => 12,
            ViewSharedReflection => 13,
            StartReflection => 14,
            ViewBoardOverview => 15,
            ViewOutbox => 16,
        };
        assert_eq!(position, index, "{action:?}");
    }
}

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
