//! The rules for link and code holders: the second table of the module doc, over every action
//! and every kind of target.

use super::super::*;
use crate::accounts::Role;

const ORGANISATION: OrganisationId = OrganisationId(1);
const SCHOOL: SchoolId = SchoolId(11);
const ME: PersonId = PersonId(100);
const COLLEAGUE: PersonId = PersonId(101);

const MY_ROUND: RoundId = RoundId::FeedbackRound(FeedbackRoundId(7));
const MY_LINK: AnswerLinkId = AnswerLinkId(70);
const MY_DIALOGUE: DialogueId = DialogueId(9);

fn rater() -> Principal {
    Principal::Rater {
        round: MY_ROUND,
        link: MY_LINK,
    }
}

fn participant() -> Principal {
    Principal::Participant {
        dialogue: MY_DIALOGUE,
    }
}

/// What a target is, for the expectations: whose it is from the holder's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A member's target: an organisation, a school, personal data, a reflection.
    Members,
    /// The link the rater holds.
    OwnLink,
    /// Another link, or the same link number in another round.
    OtherLink,
    /// The dialogue the participant joined.
    OwnDialogue,
    OtherDialogue,
}

const VIEWERS: &[PersonId] = &[COLLEAGUE];

/// Every kind of target, with the ways a link or dialogue can be someone else's.
fn targets() -> Vec<(&'static str, Kind, Target<'static>)> {
    let scan = RoundId::SpaceScan(SpaceScanId(7));
    let other_round = RoundId::FeedbackRound(FeedbackRoundId(8));
    vec![
        (
            "organisation",
            Kind::Members,
            Target::organisation(ORGANISATION),
        ),
        (
            "school",
            Kind::Members,
            Target::school(ORGANISATION, SCHOOL),
        ),
        ("personal data", Kind::Members, Target::owned_by(ME)),
        (
            "reflection",
            Kind::Members,
            Target::shared_with(ME, VIEWERS),
        ),
        (
            "own link",
            Kind::OwnLink,
            Target::answer_link(MY_ROUND, MY_LINK),
        ),
        (
            "another link of the same round",
            Kind::OtherLink,
            Target::answer_link(MY_ROUND, AnswerLinkId(71)),
        ),
        (
            "the same link number in another round",
            Kind::OtherLink,
            Target::answer_link(other_round, MY_LINK),
        ),
        (
            "the same numbers in a team scan",
            Kind::OtherLink,
            Target::answer_link(scan, MY_LINK),
        ),
        (
            "own dialogue",
            Kind::OwnDialogue,
            Target::dialogue(MY_DIALOGUE),
        ),
        (
            "another dialogue",
            Kind::OtherDialogue,
            Target::dialogue(DialogueId(10)),
        ),
    ]
}

/// The second table, written out: per action, may a rater and may a participant take it on
/// their own link or dialogue.
#[rustfmt::skip]
const HOLDER_TABLE: &[(Action, bool, bool)] = &[
    //  action                 rater  participant
    (Action::AnswerRound,          true,  false),
    (Action::JoinDialogue,         false, true),
    (Action::ContributeToDialogue, false, true),
];

fn holder_row(action: Action) -> (bool, bool) {
    HOLDER_TABLE
        .iter()
        .find(|(a, ..)| *a == action)
        .map_or((false, false), |(_, rater, participant)| {
            (*rater, *participant)
        })
}

/// The reason a holder is refused, by the action's kind and the target's.
fn expected_denial(action: Action, kind: Kind) -> DenyReason {
    let link_action = action == Action::AnswerRound;
    let dialogue_action = matches!(action, Action::JoinDialogue | Action::ContributeToDialogue);
    match kind {
        _ if !link_action && !dialogue_action => DenyReason::NotAMember,
        Kind::OwnLink | Kind::OtherLink if link_action => DenyReason::NotHolder,
        Kind::OwnDialogue | Kind::OtherDialogue if dialogue_action => DenyReason::NotHolder,
        _ => DenyReason::WrongTarget,
    }
}

#[test]
fn every_holder_action_and_target_is_decided_as_the_table_says() {
    let mut wrong = Vec::new();
    let mut cells = 0;
    for action in Action::ALL {
        let (rater_may, participant_may) = holder_row(action);
        for (name, kind, target) in targets() {
            for (principal, may, own) in [
                (rater(), rater_may, Kind::OwnLink),
                (participant(), participant_may, Kind::OwnDialogue),
            ] {
                let expected = if may && kind == own {
                    Decision::Allow
                } else {
                    Decision::Deny(expected_denial(action, kind))
                };
                let decision = decide_principal(&principal, action, &target);
                if decision != expected {
                    wrong.push(format!(
                        "{principal:?} × {action:?} × {name}: expected {expected:?}, got {decision:?}"
                    ));
                }
                assert_eq!(principal.decide(action, &target), decision);
                cells += 1;
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cells differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(cells, Action::ALL.len() * targets().len() * 2);
}

#[test]
fn a_rater_answers_only_through_the_link_they_hold() {
    let allowed: Vec<&str> = targets()
        .into_iter()
        .filter(|(_, _, target)| {
            decide_principal(&rater(), Action::AnswerRound, target).is_allowed()
        })
        .map(|(name, ..)| name)
        .collect();
    assert_eq!(allowed, ["own link"]);
}

#[test]
fn a_participant_joins_and_contributes_only_in_their_own_dialogue() {
    for action in [Action::JoinDialogue, Action::ContributeToDialogue] {
        let allowed: Vec<&str> = targets()
            .into_iter()
            .filter(|(_, _, target)| decide_principal(&participant(), action, target).is_allowed())
            .map(|(name, ..)| name)
            .collect();
        assert_eq!(allowed, ["own dialogue"], "{action:?}");
    }
}

#[test]
fn every_refusal_of_a_holder_hides_that_the_target_exists() {
    for action in Action::ALL {
        for (name, _, target) in targets() {
            for principal in [rater(), participant()] {
                if let Decision::Deny(reason) = decide_principal(&principal, action, &target) {
                    assert!(
                        reason.hides_existence(),
                        "{principal:?} {action:?} {name}: {reason:?}"
                    );
                }
            }
        }
    }
    assert_eq!(DenyReason::NotHolder.code(), "not-holder");
}

/// Every member that the member matrix knows, and a few more.
fn members() -> Vec<Actor> {
    let mut members: Vec<Actor> = Role::ALL
        .into_iter()
        .map(|role| {
            Actor::new(ME).with_membership(Membership::new(ORGANISATION, role).in_schools([SCHOOL]))
        })
        .collect();
    members.push(Actor::new(ME));
    members.push(Actor::new(COLLEAGUE).with_membership(Membership::new(ORGANISATION, Role::ALL)));
    members
}

#[test]
fn a_member_principal_is_decided_exactly_as_decide_decides() {
    for actor in members() {
        let principal = Principal::from(actor.clone());
        assert_eq!(principal.member(), Some(&actor));
        for action in Action::ALL {
            for (name, _, target) in targets() {
                assert_eq!(
                    decide_principal(&principal, action, &target),
                    decide(&actor, action, &target),
                    "{actor:?} {action:?} {name}"
                );
            }
        }
    }
    assert_eq!(rater().member(), None);
    assert_eq!(participant().member(), None);
}

#[test]
fn a_member_never_answers_or_joins_as_a_member() {
    for actor in members() {
        for (name, kind, target) in targets() {
            for action in [
                Action::AnswerRound,
                Action::JoinDialogue,
                Action::ContributeToDialogue,
            ] {
                let expected = match expected_denial(action, kind) {
                    DenyReason::WrongTarget => DenyReason::WrongTarget,
                    _ => DenyReason::NotHolder,
                };
                assert_eq!(
                    decide(&actor, action, &target),
                    Decision::Deny(expected),
                    "{actor:?} {action:?} {name}"
                );
            }
        }
    }
}

#[test]
fn holders_are_never_granted_what_only_members_may() {
    let member_actions = Action::ALL.into_iter().filter(|action| {
        !matches!(
            action,
            Action::AnswerRound | Action::JoinDialogue | Action::ContributeToDialogue
        )
    });
    for action in member_actions {
        for principal in [rater(), participant()] {
            for target in [
                Target::organisation(ORGANISATION),
                Target::owned_by(ME),
                Target::shared_with(COLLEAGUE, VIEWERS),
            ] {
                assert_eq!(
                    decide_principal(&principal, action, &target),
                    Decision::Deny(DenyReason::NotAMember),
                    "{principal:?} {action:?}"
                );
            }
        }
    }
}

#[test]
fn new_targets_lie_in_no_organisation_and_belong_to_no_person() {
    for target in [
        Target::answer_link(MY_ROUND, MY_LINK),
        Target::dialogue(MY_DIALOGUE),
    ] {
        assert_eq!(target.organisation_id(), None);
        assert_eq!(target.school_id(), None);
        assert_eq!(target.owner(), None);
    }
    assert_eq!(MY_LINK.to_string(), "70");
    assert_eq!(DialogueId(3).get(), 3);
}
