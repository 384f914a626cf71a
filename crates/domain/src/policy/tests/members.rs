//! The rules for members: the first table of the module doc, cell by cell.

use super::super::*;
use crate::accounts::Role;
use Action::*;
use Role::{Admin, BoardMember, Coach, SchoolLeader, Staff};

pub(super) const ORGANISATION: OrganisationId = OrganisationId(1);
pub(super) const OTHER_ORGANISATION: OrganisationId = OrganisationId(2);
pub(super) const MY_SCHOOL: SchoolId = SchoolId(11);
pub(super) const ANOTHER_SCHOOL: SchoolId = SchoolId(12);
pub(super) const SCHOOL_OF_OTHER_ORGANISATION: SchoolId = SchoolId(21);
pub(super) const ME: PersonId = PersonId(100);
pub(super) const COLLEAGUE: PersonId = PersonId(101);
pub(super) const STRANGER: PersonId = PersonId(200);

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
    // Link and code holders only: a member answers and joins through the link or code.
    row(AnswerRound,          NOBODY,                                     NOBODY,                       NOBODY,                  NOBODY),
    row(JoinDialogue,         NOBODY,                                     NOBODY,                       NOBODY,                  NOBODY),
    row(ContributeToDialogue, NOBODY,                                     NOBODY,                       NOBODY,                  NOBODY),
    row(StartFeedbackRound,   &[SchoolLeader],                            &[SchoolLeader],              &[SchoolLeader],         NOBODY),
    row(ManageOwnFeedbackRound, EVERYONE,                                 NOBODY,                       NOBODY,                  NOBODY),
    row(ViewSharedFeedbackRound, EVERYONE,                                NOBODY,                       NOBODY,                  NOBODY),
    row(StartSpaceScan,       &[BoardMember, SchoolLeader],               &[BoardMember],               &[BoardMember],          NOBODY),
    row(ManageOwnSpaceScan,   EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(ManageOwnDevelopment, EVERYONE,                                   NOBODY,                       NOBODY,                  NOBODY),
    row(ViewSharedDevelopmentPlan, EVERYONE,                              NOBODY,                       NOBODY,                  NOBODY),
];

/// Me, holding one role in my organisation and attached to my school.
pub(super) fn member_with(role: Role) -> Actor {
    Actor::new(ME).with_membership(Membership::new(ORGANISATION, role).in_schools([MY_SCHOOL]))
}

/// The target each column stands for, by what kind of thing the action is about. Shared
/// reflections in the matrix never name me; being named is tested on its own below.
fn target_for(action: Action, whose: Whose) -> Target<'static> {
    let personal = matches!(
        action,
        ExportOwnData
            | DeleteOwnAccount
            | ManageOwnApiTokens
            | ViewOwnReflection
            | ManageOwnFeedbackRound
            | ManageOwnSpaceScan
            | ManageOwnDevelopment
    );
    let shared = matches!(
        action,
        ViewSharedReflection | ViewSharedFeedbackRound | ViewSharedDevelopmentPlan
    );
    // For a member every column is denied; the targets are of the right kind so that the
    // denial is the rule's, not a caller bug's.
    let link = |round, link| Target::answer_link(RoundId::FeedbackRound(round), link);
    match (action, whose) {
        (AnswerRound, Whose::Mine) => return link(FeedbackRoundId(1), AnswerLinkId(1)),
        (AnswerRound, _) => return link(FeedbackRoundId(2), AnswerLinkId(2)),
        (JoinDialogue | ContributeToDialogue, Whose::Mine) => {
            return Target::dialogue(DialogueId(1));
        }
        (JoinDialogue | ContributeToDialogue, _) => return Target::dialogue(DialogueId(2)),
        _ => {}
    }
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
            AnswerRound => 17,
            JoinDialogue => 18,
            ContributeToDialogue => 19,
            StartFeedbackRound => 20,
            ManageOwnFeedbackRound => 21,
            ViewSharedFeedbackRound => 22,
            StartSpaceScan => 23,
            ManageOwnSpaceScan => 24,
            ManageOwnDevelopment => 25,
            ViewSharedDevelopmentPlan => 26,
        };
        assert_eq!(position, index, "{action:?}");
    }
}
