//! The report's anonymity: hidden groups, hidden cells, pooling, comments.

use super::*;

const TEAM: i64 = 1;
const COLLEAGUES: i64 = 2;
const BOARD: i64 = 3;

#[test]
fn a_group_below_its_threshold_is_left_out_entirely() {
    let report = Round::new(&["a"], 2)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(COLLEAGUES, anonymous(GroupKind::Colleagues, 3))
        .answers(TEAM, 1, 1)
        .comment(TEAM, None, "van het team")
        .answers(COLLEAGUES, 3, 4)
        .report();
    let team = &report.groups[0];
    assert_eq!(
        (team.key, team.shown, team.respondents),
        (TEAM, false, None)
    );
    assert!(!team.comments_shown);
    assert_eq!(report.groups[1].respondents, Some(3));
    // Not pooled into the others, not in any list of groups, no comment.
    assert_eq!(report.others, Some(3));
    let a1 = card(&report, "a1");
    assert_eq!(
        a1.groups.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
        vec![COLLEAGUES]
    );
    let others = a1.others.unwrap();
    assert_eq!((others.mean, others.answers), (4.0, 3));
    let a = domain(&report, "a");
    assert_eq!(a.groups.len(), 1);
    assert_eq!(a.others.unwrap().answers, 6);
    assert!(report.comments.is_empty());
}

#[test]
fn with_no_group_shown_there_are_no_others() {
    let report = Round::new(&["a"], 1)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(COLLEAGUES, anonymous(GroupKind::Colleagues, 3))
        .answers(TEAM, 2, 3)
        .answers(COLLEAGUES, 2, 3)
        .report();
    assert_eq!(report.others, None);
    assert!(
        report
            .groups
            .iter()
            .all(|g| !g.shown && g.respondents.is_none())
    );
    assert_eq!(card(&report, "a1").others, None);
    assert!(card(&report, "a1").groups.is_empty());
    assert_eq!(domain(&report, "a").others, None);
}

#[test]
fn a_card_score_needs_as_many_ratings_as_the_threshold_cannot_judge_does_not_count() {
    let report = Round::new(&["a"], 2)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .answer(TEAM, &[("a1", 3), ("a2", 4)])
        .answer(TEAM, &[("a1", 3), ("a2", 4)])
        .answer(TEAM, &[("a1", 2), ("a2", 0)])
        .report();
    let a1 = cell(&card(&report, "a1").groups, TEAM).unwrap();
    assert_eq!((a1.mean, a1.answers, a1.cannot_judge), (2.67, 3, 0));
    let a2 = card(&report, "a2");
    assert_eq!(a2.groups, vec![(TEAM, None)]);
    assert_eq!(a2.others, None);
}

#[test]
fn a_hidden_cell_is_not_pooled_where_it_could_be_subtracted() {
    // The team's one rating of a2 would be the difference between an "others" score over
    // four ratings and the colleagues' over three.
    let report = Round::new(&["a"], 2)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(COLLEAGUES, anonymous(GroupKind::Colleagues, 3))
        .answer(TEAM, &[("a1", 1), ("a2", 1)])
        .answer(TEAM, &[("a1", 1), ("a2", 0)])
        .answer(TEAM, &[("a1", 1)])
        .answers(COLLEAGUES, 3, 4)
        .report();
    let a2 = card(&report, "a2");
    assert_eq!(cell(&a2.groups, TEAM), None);
    let others = a2.others.unwrap();
    assert_eq!(
        (others.mean, others.answers, others.cannot_judge),
        (4.0, 3, 0)
    );
    // The team's domain score is its a1 alone, not a1 with the hidden rating of a2.
    let a = domain(&report, "a");
    let team = cell(&a.groups, TEAM).unwrap();
    assert_eq!((team.mean, team.answers), (1.0, 3));
    assert_eq!(a.others.unwrap().answers, 9);
}

#[test]
fn many_ratings_by_one_person_do_not_make_a_domain_score() {
    let report = Round::new(&["a"], 4)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .answer(TEAM, &[("a1", 2), ("a2", 3), ("a3", 1), ("a4", 2)])
        .answer(TEAM, &[("a1", 0), ("a2", 0), ("a3", 0), ("a4", 0)])
        .answer(TEAM, &[])
        .report();
    assert_eq!(report.groups[0].respondents, Some(3));
    assert_eq!(domain(&report, "a").groups, vec![(TEAM, None)]);
    assert_eq!(domain(&report, "a").others, None);
}

#[test]
fn an_identifiable_board_shows_from_one_but_others_need_three_ratings() {
    let alone = Round::new(&["a"], 1)
        .group(BOARD, identifiable_board())
        .answers(BOARD, 1, 2)
        .report();
    assert_eq!(alone.groups[0].respondents, Some(1));
    assert!(alone.groups[0].comments_shown);
    assert_eq!(cell(&card(&alone, "a1").groups, BOARD).unwrap().answers, 1);
    assert_eq!(card(&alone, "a1").others, None);
    assert_eq!(alone.others, Some(1));
    let with_team = Round::new(&["a"], 1)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(BOARD, identifiable_board())
        .answers(TEAM, 3, 4)
        .answers(BOARD, 1, 2)
        .report();
    let others = card(&with_team, "a1").others.unwrap();
    assert_eq!((others.mean, others.answers), (3.5, 4));
}

#[test]
fn scores_are_mean_and_population_spread_to_two_decimals() {
    let report = Round::new(&["a"], 1)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .answer(TEAM, &[("a1", 1)])
        .answer(TEAM, &[("a1", 2)])
        .answer(TEAM, &[("a1", 4)])
        .answer(TEAM, &[("a1", 0)])
        .report();
    let score = cell(&card(&report, "a1").groups, TEAM).unwrap();
    let expected = Score {
        mean: 2.33,
        spread: 1.25,
        answers: 3,
        cannot_judge: 1,
    };
    assert_eq!(score, expected);
    assert_eq!(card(&report, "a1").others, Some(expected));
}

#[test]
fn the_self_rating_is_shown_per_card_and_as_a_domain_mean() {
    let report = Round::new(&["a", "b"], 2)
        .own("a1", 4)
        .own("a2", 1)
        .own("b1", 3)
        .report();
    assert_eq!(card(&report, "a1").own, Some(Rating::SecondNature));
    assert_eq!(card(&report, "b2").own, None);
    assert_eq!(domain(&report, "a").own, Some(2.5));
    assert_eq!(domain(&report, "b").own, Some(3.0));
    assert_eq!(report.others, None);
}

#[test]
fn stray_input_counts_for_nothing() {
    let report = Round::new(&["a"], 1)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .answer(TEAM, &[("a1", 4), ("zz", 1)])
        .answers(TEAM, 2, 4)
        .answers(99, 5, 1)
        .report();
    assert_eq!(report.groups.len(), 1);
    assert_eq!(report.others, Some(3));
    let a1 = cell(&card(&report, "a1").groups, TEAM).unwrap();
    assert_eq!((a1.answers, a1.mean), (3, 4.0));
    assert!(report.cards.iter().all(|c| c.card != "zz"));
}

#[test]
fn a_second_answer_on_a_card_in_one_response_is_not_another_person() {
    let report = Round::new(&["a"], 1)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .answer(TEAM, &[("a1", 4), ("a1", 4), ("a1", 4)])
        .answer(TEAM, &[("a1", 4)])
        .answer(TEAM, &[])
        .report();
    assert_eq!(report.groups[0].respondents, Some(3));
    assert_eq!(card(&report, "a1").groups, vec![(TEAM, None)]);
}

#[test]
fn comments_need_the_comment_threshold() {
    let team = GroupSettings::new(GroupKind::Team, None, 3, Some(5), false).unwrap();
    let mut round = Round::new(&["a"], 1).group(TEAM, team);
    for i in 0..4 {
        round = round.comment(TEAM, None, &format!("opmerking {i}"));
    }
    let four = round.report();
    assert!(four.groups[0].shown && !four.groups[0].comments_shown);
    assert!(four.comments.is_empty());
    let five = round.comment(TEAM, None, "nog een").report();
    assert!(five.groups[0].comments_shown);
    assert_eq!(five.comments[0].texts.len(), 5);
}

#[test]
fn comments_come_per_place_and_group_without_empty_ones_or_strange_domains() {
    let report = Round::new(&["a", "b"], 1)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(BOARD, identifiable_board())
        .comment(TEAM, Some("b"), "over b")
        .comment(TEAM, None, "")
        .comment(TEAM, Some("zz"), "elders")
        .comment(BOARD, None, "bestuur algemeen")
        .comment(BOARD, Some("b"), "bestuur over b")
        .report();
    let blocks: Vec<(Option<&str>, i64, Vec<&str>)> = report
        .comments
        .iter()
        .map(|b| {
            (
                b.domain.as_deref(),
                b.group,
                b.texts.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        blocks,
        vec![
            (None, BOARD, vec!["bestuur algemeen"]),
            (Some("b"), TEAM, vec!["over b"]),
            (Some("b"), BOARD, vec!["bestuur over b"]),
        ]
    );
}

#[test]
fn comments_are_ordered_by_a_hash_of_seed_and_text_never_by_submission() {
    use sha2::{Digest, Sha256};
    let texts: Vec<String> = (0..8).map(|i| format!("opmerking {i}")).collect();
    let round = |seed: u64, reversed: bool| {
        let mut round = Round::new(&["a"], 1).group(TEAM, anonymous(GroupKind::Team, 3));
        round.seed = seed;
        let mut order: Vec<&String> = texts.iter().collect();
        if reversed {
            order.reverse();
        }
        for text in order {
            round = round.comment(TEAM, None, text);
        }
        round.report().comments[0].texts.clone()
    };
    let shown = round(42, false);
    assert_eq!(shown, round(42, true));
    let mut expected = texts.clone();
    expected.sort_by_cached_key(|text| {
        let mut hasher = Sha256::new();
        hasher.update(42u64.to_le_bytes());
        hasher.update(text.as_bytes());
        hasher.finalize()
    });
    assert_eq!(shown, expected);
    assert_ne!(shown, texts);
    assert_ne!(shown, round(43, false));
}

#[test]
fn the_report_is_a_storable_snapshot() {
    fn storable<T: serde::Serialize + serde::de::DeserializeOwned>() {}
    storable::<Report>();
}
