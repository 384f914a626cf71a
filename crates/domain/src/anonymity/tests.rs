//! The anonymity rules, tried exhaustively over small groups: thresholds and single groups
//! here, several groups and their total in [`groups`], subgroups in [`subgroups`].

use super::*;

mod groups;
mod subgroups;

/// Every group threshold the loops try, and the largest group size.
const THRESHOLDS: std::ops::RangeInclusive<usize> = 3..=7;
const MAX_COUNT: usize = 12;

fn rules(group: usize) -> AnonymityRules {
    let group = Threshold::new(group).unwrap();
    AnonymityRules::new(group, group).unwrap()
}

fn threshold(count: usize) -> Threshold {
    Threshold::new(count).unwrap()
}

// --- thresholds -------------------------------------------------------------------------------

#[test]
fn a_threshold_below_three_cannot_be_made() {
    for count in 0..3 {
        assert_eq!(
            Threshold::new(count),
            Err(ThresholdError::BelowMinimum),
            "{count}"
        );
        assert_eq!(
            Threshold::try_from(count),
            Err(ThresholdError::BelowMinimum)
        );
    }
    for count in 3..=1000 {
        let made = Threshold::new(count).unwrap();
        assert_eq!(made.get(), count);
        assert_eq!(Threshold::try_from(count), Ok(made));
        assert_eq!(made.to_string(), count.to_string());
        assert!(made >= Threshold::MIN);
    }
    assert_eq!(Threshold::MIN.get(), 3);
    assert_eq!(Threshold::default(), Threshold::MIN);
    assert_eq!(
        ThresholdError::BelowMinimum.code(),
        "anonymity-threshold-too-low"
    );
}

#[test]
fn a_threshold_is_met_by_its_own_count_and_more() {
    for t in THRESHOLDS {
        for count in 0..=MAX_COUNT {
            assert_eq!(threshold(t).is_met_by(count), count >= t, "{t} {count}");
        }
    }
}

#[test]
fn the_comment_threshold_is_never_below_the_group_threshold() {
    for group in THRESHOLDS {
        for comments in THRESHOLDS {
            let made = AnonymityRules::new(threshold(group), threshold(comments));
            if comments < group {
                assert_eq!(made, Err(ThresholdError::CommentsBelowGroup));
            } else {
                let made = made.unwrap();
                assert_eq!(made.group().get(), group);
                assert_eq!(made.comments().get(), comments);
            }
        }
    }
    assert_eq!(
        ThresholdError::CommentsBelowGroup.code(),
        "anonymity-comments-below-group"
    );
}

#[test]
fn the_default_rules_are_three_for_figures_and_five_for_comments() {
    let rules = AnonymityRules::default();
    assert_eq!(rules, AnonymityRules::DEFAULT);
    assert_eq!(rules.group(), Threshold::MIN);
    assert_eq!(rules.comments().get(), 5);
    assert_eq!(
        AnonymityRules::new(rules.group(), rules.comments()),
        Ok(rules),
        "the default obeys the constructor's rule"
    );
}

// --- single groups and comments ---------------------------------------------------------------

#[test]
fn a_group_is_shown_from_its_threshold_on() {
    // count:            0      1      2      3     4     5     6
    let table: [(usize, [bool; 7]); 3] = [
        (3, [false, false, false, true, true, true, true]),
        (4, [false, false, false, false, true, true, true]),
        (5, [false, false, false, false, false, true, true]),
    ];
    for (t, expected) in table {
        for (count, shown) in expected.into_iter().enumerate() {
            assert_eq!(rules(t).may_show_group(count), shown, "t={t} count={count}");
        }
    }
}

#[test]
fn comments_follow_their_own_threshold_and_never_show_for_a_hidden_group() {
    for group in THRESHOLDS {
        for comments in group..=MAX_COUNT {
            let rules = AnonymityRules::new(threshold(group), threshold(comments)).unwrap();
            for respondents in 0..=MAX_COUNT + 2 {
                assert_eq!(
                    rules.may_show_comments(respondents),
                    respondents >= comments,
                    "group {group}, comments {comments}, respondents {respondents}"
                );
                if rules.may_show_comments(respondents) {
                    assert!(rules.may_show_group(respondents));
                }
            }
        }
    }
    let rules = AnonymityRules::DEFAULT;
    assert!(rules.may_show_group(4) && !rules.may_show_comments(4));
    assert!(rules.may_show_comments(5));
}
