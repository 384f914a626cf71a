//! Subgroups: shown only when they and the rest of their group meet the threshold, so that
//! no subtraction gives anyone away.

use super::*;

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
