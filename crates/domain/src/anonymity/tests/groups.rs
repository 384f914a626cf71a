//! Several groups and their total: a hidden group is never folded into the total.

use super::*;

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
