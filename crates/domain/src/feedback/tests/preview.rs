//! The preview: what a planned round will be able to show.

use super::*;

fn planned(key: i64, settings: &GroupSettings, invited: usize) -> PlannedGroup<'_> {
    PlannedGroup {
        key,
        settings,
        invited,
    }
}

fn outlook(settings: &GroupSettings, invited: usize) -> Outlook {
    preview(&[planned(1, settings, invited)]).groups[0].outlook
}

#[test]
fn the_outlook_follows_how_many_may_be_missing() {
    let team = anonymous(GroupKind::Team, 3);
    assert_eq!(outlook(&team, 0), Outlook::NeverShown);
    assert_eq!(outlook(&team, 2), Outlook::NeverShown);
    assert_eq!(outlook(&team, 3), Outlook::LostIfOneMissing);
    assert_eq!(outlook(&team, 4), Outlook::LostIfTwoMissing);
    assert_eq!(outlook(&team, 5), Outlook::Shown);
    assert_eq!(outlook(&team, 40), Outlook::Shown);
}

#[test]
fn the_outlook_agrees_with_the_report_rule_for_every_threshold() {
    for threshold in 3..=8 {
        let settings = anonymous(GroupKind::Colleagues, threshold);
        for invited in 0..=threshold + 4 {
            let expected = if invited < threshold {
                Outlook::NeverShown
            } else if invited == threshold {
                Outlook::LostIfOneMissing
            } else if invited == threshold + 1 {
                Outlook::LostIfTwoMissing
            } else {
                Outlook::Shown
            };
            assert_eq!(
                outlook(&settings, invited),
                expected,
                "{threshold} {invited}"
            );
        }
    }
}

#[test]
fn a_group_preview_says_the_threshold_the_recommendation_and_the_comments() {
    let team = GroupSettings::new(GroupKind::Team, None, 4, Some(6), false).unwrap();
    let preview = preview(&[planned(9, &team, 5)]);
    assert_eq!(
        preview.groups,
        vec![GroupPreview {
            key: 9,
            outlook: Outlook::LostIfTwoMissing,
            invited: 5,
            threshold: 4,
            comments_shown_if_all: false,
            recommended: 6,
        }]
    );
    let shown = super::preview(&[planned(9, &team, 6)]);
    assert!(shown.groups[0].comments_shown_if_all);
}

#[test]
fn an_identifiable_board_is_shown_from_one_invitee() {
    let board = identifiable_board();
    assert_eq!(outlook(&board, 0), Outlook::NeverShown);
    assert_eq!(outlook(&board, 1), Outlook::Identifiable);
    assert_eq!(outlook(&board, 2), Outlook::Identifiable);
    let preview = preview(&[planned(1, &board, 1)]);
    assert!(preview.groups[0].comments_shown_if_all);
    assert!(!Outlook::Identifiable.is_at_risk());
}

#[test]
fn two_small_groups_that_are_safe_together_are_suggested_for_merging() {
    let team = anonymous(GroupKind::Team, 3);
    let colleagues = anonymous(GroupKind::Colleagues, 3);
    let parents = anonymous(GroupKind::Own, 3);
    let preview = preview(&[
        planned(1, &team, 2),
        planned(2, &colleagues, 3),
        planned(3, &parents, 8),
    ]);
    assert_eq!(preview.merge_suggestions, vec![(1, 2)]);
}

#[test]
fn a_merge_must_be_safe_under_the_settings_of_either_group() {
    let low = anonymous(GroupKind::Team, 3);
    let high = anonymous(GroupKind::Colleagues, 5);
    // 2 + 4 = 6: shown for threshold 3, but lost if two are missing for threshold 5.
    let preview = preview(&[planned(1, &low, 2), planned(2, &high, 4)]);
    assert!(preview.merge_suggestions.is_empty());
    let preview = super::preview(&[planned(1, &low, 2), planned(2, &high, 5)]);
    assert_eq!(preview.merge_suggestions, vec![(1, 2)]);
}

#[test]
fn groups_that_are_safe_alone_or_identifiable_or_too_small_together_are_not_suggested() {
    let team = anonymous(GroupKind::Team, 3);
    let colleagues = anonymous(GroupKind::Colleagues, 3);
    let board = identifiable_board();
    let preview = preview(&[
        planned(1, &team, 5),
        planned(2, &colleagues, 2),
        planned(3, &board, 2),
    ]);
    assert!(preview.merge_suggestions.is_empty());
    let small = super::preview(&[planned(1, &team, 2), planned(2, &colleagues, 2)]);
    assert!(small.merge_suggestions.is_empty());
}

#[test]
fn outlook_codes_are_distinct() {
    let all = [
        Outlook::Shown,
        Outlook::LostIfTwoMissing,
        Outlook::LostIfOneMissing,
        Outlook::NeverShown,
        Outlook::Identifiable,
    ];
    let codes: std::collections::BTreeSet<_> = all.iter().map(|o| o.code()).collect();
    assert_eq!(codes.len(), all.len());
}
