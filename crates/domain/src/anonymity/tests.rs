use super::*;

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

// --- several groups and their total ----------------------------------------------------------

/// Checks every promise of `release_groups` for one input.
fn check_release(rules: &AnonymityRules, groups: &[(char, usize)]) {
    let released = rules.release_groups(groups);
    let t = rules.group().get();
    let context = format!("t={t} groups={groups:?} released={released:?}");
    // Every group lands on exactly one side, once, in the order given.
    let mut keys: Vec<char> = groups.iter().map(|(k, _)| *k).collect();
    keys.dedup();
    let shown_keys: Vec<char> = released.shown.iter().map(|g| g.group).collect();
    let expected_shown: Vec<char> = keys
        .iter()
        .copied()
        .filter(|k| groups.iter().find(|(g, _)| g == k).unwrap().1 >= t)
        .collect();
    let expected_hidden: Vec<char> = keys
        .iter()
        .copied()
        .filter(|k| !expected_shown.contains(k))
        .collect();
    assert_eq!(shown_keys, expected_shown, "{context}");
    assert_eq!(released.hidden, expected_hidden, "{context}");
    // Shown groups meet the threshold, with their own counts.
    for shown in &released.shown {
        assert!(shown.count >= t, "{context}");
        assert!(groups.contains(&(shown.group, shown.count)), "{context}");
        assert!(released.is_shown(&shown.group));
    }
    for hidden in &released.hidden {
        assert!(!released.is_shown(hidden), "{context}");
    }
    // The total is the shown groups' and nothing else: no hidden group can be recovered from
    // it by subtracting the shown groups.
    let shown_sum: usize = released.shown.iter().map(|g| g.count).sum();
    let hidden_sum: usize = groups
        .iter()
        .filter(|(k, _)| released.hidden.contains(k))
        .map(|(_, c)| c)
        .sum();
    match released.total {
        None => assert!(released.shown.is_empty(), "{context}"),
        Some(total) => {
            assert!(!released.shown.is_empty(), "{context}");
            assert_eq!(total, shown_sum, "{context}");
            assert_eq!(
                total - shown_sum,
                0,
                "nothing is left to recover: {context}"
            );
            assert!(total >= t, "{context}");
        }
    }
    if hidden_sum > 0 {
        assert_ne!(
            released.total,
            Some(groups.iter().map(|(_, c)| c).sum()),
            "a hidden group was folded into the total: {context}"
        );
    }
}

#[test]
fn every_combination_of_up_to_three_small_groups_is_released_by_the_rules() {
    let mut cases = 0;
    for t in THRESHOLDS {
        let rules = rules(t);
        check_release(&rules, &[]);
        for a in 0..=MAX_COUNT {
            check_release(&rules, &[('a', a)]);
            for b in 0..=MAX_COUNT {
                check_release(&rules, &[('a', a), ('b', b)]);
                for c in 0..=MAX_COUNT {
                    check_release(&rules, &[('a', a), ('b', b), ('c', c)]);
                    cases += 1;
                }
            }
        }
    }
    assert_eq!(cases, THRESHOLDS.count() * (MAX_COUNT + 1).pow(3));
}

#[test]
fn no_groups_release_nothing_and_no_total() {
    let released = rules(3).release_groups::<char>(&[]);
    assert_eq!(
        released,
        Released {
            shown: vec![],
            hidden: vec![],
            total: None
        }
    );
}

#[test]
fn with_two_groups_one_hidden_the_other_is_shown_only_when_it_meets_the_threshold() {
    let rules = rules(3);
    /// (team, peers) -> shown, hidden, total
    type Case = (
        (usize, usize),
        &'static [&'static str],
        &'static [&'static str],
        Option<usize>,
    );
    let table: &[Case] = &[
        ((2, 5), &["peers"], &["team"], Some(5)),
        ((2, 3), &["peers"], &["team"], Some(3)),
        ((2, 2), &[], &["team", "peers"], None),
        ((1, 2), &[], &["team", "peers"], None),
        ((0, 7), &["peers"], &["team"], Some(7)),
        ((3, 3), &["team", "peers"], &[], Some(6)),
        ((9, 1), &["team"], &["peers"], Some(9)),
    ];
    for &((team, peers), shown, hidden, total) in table {
        let released = rules.release_groups(&[("team", team), ("peers", peers)]);
        let shown_names: Vec<&str> = released.shown.iter().map(|g| g.group).collect();
        assert_eq!(shown_names, shown, "{team} {peers}");
        assert_eq!(released.hidden, hidden, "{team} {peers}");
        assert_eq!(released.total, total, "{team} {peers}");
    }
}

#[test]
fn the_same_group_given_twice_counts_as_one_group() {
    let released = rules(3).release_groups(&[('a', 2), ('b', 1), ('a', 2)]);
    assert_eq!(
        released.shown,
        vec![GroupCount {
            group: 'a',
            count: 4
        }]
    );
    assert_eq!(released.hidden, vec!['b']);
    assert_eq!(released.total, Some(4));
    let huge = rules(3).release_groups(&[('a', usize::MAX), ('a', 1)]);
    assert_eq!(
        huge.total,
        Some(usize::MAX),
        "saturates, never wraps to a small count"
    );
}

#[test]
fn only_the_answers_of_shown_groups_are_pooled() {
    let rules = rules(3);
    let answers = [
        ("team", 4u8),
        ("team", 3),
        ("team", 4),
        ("board", 1),
        ("peers", 2),
        ("peers", 2),
    ];
    let counts = [("team", 3), ("board", 1), ("peers", 2)];
    let released = rules.release_groups(&counts);
    let pooled: Vec<u8> = released
        .only_shown(answers.iter().map(|(group, score)| (group, *score)))
        .collect();
    assert_eq!(
        pooled,
        vec![4, 3, 4],
        "board and peers are left out entirely"
    );
    assert_eq!(released.total, Some(pooled.len()));
}

// --- subgroups --------------------------------------------------------------------------------

#[test]
fn a_subgroup_is_shown_only_when_it_and_the_rest_meet_the_threshold() {
    let rules = rules(3);
    // (sub, whole) -> shown
    let table = [
        ((3, 6), true),
        ((3, 7), true),
        ((4, 7), true),
        ((5, 7), false), // the other 2 would follow by subtraction
        ((2, 7), false), // too small itself
        ((3, 5), false),
        ((3, 4), false),
        ((3, 3), true), // the subgroup is the whole group: nobody to recover
        ((7, 7), true),
        ((0, 7), false),
        ((0, 0), false),
        ((8, 7), false), // cannot be: fail closed
        ((usize::MAX, 3), false),
    ];
    for ((sub, whole), shown) in table {
        assert_eq!(
            rules.may_show_subgroup(sub, whole),
            shown,
            "{sub} of {whole}"
        );
    }
}

#[test]
fn the_subgroup_rule_holds_for_every_small_group_and_threshold() {
    for t in THRESHOLDS {
        let rules = rules(t);
        for whole in 0..=MAX_COUNT * 2 {
            for sub in 0..=whole + 1 {
                let shown = rules.may_show_subgroup(sub, whole);
                let expected = sub <= whole && sub >= t && (whole - sub == 0 || whole - sub >= t);
                assert_eq!(shown, expected, "t={t} {sub} of {whole}");
                if shown {
                    assert!(rules.may_show_group(whole), "the whole is shown too");
                    assert!(rules.may_show_group(sub));
                }
            }
        }
    }
}

/// What can be learnt about the people outside the shown subgroups: the whole minus every
/// shown subgroup. It must be nobody, or at least the threshold.
fn leftover(whole: usize, subgroups: &[usize], shown: &[bool]) -> usize {
    whole
        - subgroups
            .iter()
            .zip(shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| c)
            .sum::<usize>()
}

#[test]
fn a_partition_is_released_so_that_no_subtraction_gives_anyone_away() {
    let mut cases = 0;
    for t in THRESHOLDS {
        let rules = rules(t);
        for a in 0..=MAX_COUNT {
            for b in 0..=MAX_COUNT {
                for c in 0..=MAX_COUNT {
                    let parts = [a, b, c];
                    for whole in [a + b + c, a + b + c + 1, a + b + c + 3] {
                        let shown = rules.release_subgroups(whole, &parts);
                        let context = format!("t={t} whole={whole} parts={parts:?} -> {shown:?}");
                        assert_eq!(shown.len(), parts.len());
                        if whole < t {
                            assert!(shown.iter().all(|s| !s), "{context}");
                            continue;
                        }
                        for (count, s) in parts.iter().zip(&shown) {
                            assert!(!s || *count >= t, "{context}");
                        }
                        let rest = leftover(whole, &parts, &shown);
                        assert!(rest == 0 || rest >= t, "{context}");
                        // No more is hidden than needed: at most one subgroup that meets the
                        // threshold, and only when the rest would otherwise give people away.
                        let meeting: Vec<bool> = parts.iter().map(|c| *c >= t).collect();
                        let rest_before = leftover(whole, &parts, &meeting);
                        let extra_hidden = meeting
                            .iter()
                            .zip(&shown)
                            .filter(|(m, s)| **m && !**s)
                            .count();
                        if rest_before == 0 || rest_before >= t {
                            assert_eq!(extra_hidden, 0, "{context}");
                        } else {
                            assert!(extra_hidden <= 1, "{context}");
                        }
                        cases += 1;
                    }
                }
            }
        }
    }
    assert!(cases > 10_000);
}

#[test]
fn three_subgroups_need_more_than_the_pairwise_rule() {
    let rules = rules(3);
    // 7 = 3 + 3 + 1. Each 3 passes the pairwise rule (3 and 4 left) ...
    assert!(rules.may_show_subgroup(3, 7));
    // ... but showing the group and both 3s gives the 1 away, so one 3 (the first of the
    // two) is hidden too.
    assert_eq!(
        rules.release_subgroups(7, &[3, 3, 1]),
        vec![false, true, false]
    );
    // The smallest shown subgroup is the one hidden.
    assert_eq!(
        rules.release_subgroups(8, &[4, 3, 1]),
        vec![true, false, false]
    );
    // Nothing to hide when the rest meets the threshold or is empty.
    assert_eq!(
        rules.release_subgroups(9, &[3, 3, 3]),
        vec![true, true, true]
    );
    assert_eq!(rules.release_subgroups(6, &[3, 3]), vec![true, true]);
    assert_eq!(
        rules.release_subgroups(10, &[3, 4, 1, 2]),
        vec![true, true, false, false]
    );
    // A shown subgroup that is the whole group.
    assert_eq!(rules.release_subgroups(5, &[5, 0]), vec![true, false]);
}

#[test]
fn release_subgroups_agrees_with_the_pairwise_rule_for_one_subgroup() {
    for t in THRESHOLDS {
        let rules = rules(t);
        for whole in 0..=MAX_COUNT * 2 {
            for sub in 0..=whole + 1 {
                assert_eq!(
                    rules.release_subgroups(whole, &[sub]),
                    vec![rules.may_show_subgroup(sub, whole)],
                    "t={t} {sub} of {whole}"
                );
            }
        }
    }
}

#[test]
fn subgroups_that_cannot_be_are_shown_nowhere() {
    let rules = rules(3);
    assert_eq!(rules.release_subgroups(6, &[4, 4]), vec![false, false]);
    assert_eq!(
        rules.release_subgroups(usize::MAX, &[usize::MAX, 1]),
        vec![false, false],
        "an overflowing sum fails closed"
    );
    assert_eq!(rules.release_subgroups(2, &[]), Vec::<bool>::new());
    assert_eq!(rules.release_subgroups(2, &[1, 1]), vec![false, false]);
}
