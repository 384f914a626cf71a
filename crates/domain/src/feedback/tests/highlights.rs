//! What the report points out: self against others, highest and lowest, agreement.

use super::*;

const TEAM: i64 = 1;
const COLLEAGUES: i64 = 2;

/// A round with one team of three, whose ratings of card `a{i+1}` are `ratings[i]`.
fn team_rates(cards: usize, ratings: &[[i64; 3]]) -> Round {
    let round = Round::new(&["a"], cards).group(TEAM, anonymous(GroupKind::Team, 3));
    rate(round, TEAM, ratings)
}

/// Three responses in `group`: person `p` rates card `a{i+1}` `ratings[i][p]`.
fn rate(mut round: Round, group: i64, ratings: &[[i64; 3]]) -> Round {
    for person in 0..3 {
        let answers: Vec<(String, i64)> = ratings
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("a{}", i + 1), r[person]))
            .collect();
        let answers: Vec<(&str, i64)> = answers.iter().map(|(c, s)| (c.as_str(), *s)).collect();
        round = round.answer(group, &answers);
    }
    round
}

#[test]
fn blind_spots_and_hidden_strengths_are_a_point_or_more_apart() {
    let report = team_rates(4, &[[3, 3, 3], [3, 3, 4], [2, 2, 2], [2, 2, 3]])
        .own("a1", 4) // 4 against 3.00: a blind spot
        .own("a2", 4) // 4 against 3.33: not
        .own("a3", 3) // 3 against 2.00: a blind spot
        .own("a4", 1) // 1 against 2.33: a hidden strength
        .report();
    assert_eq!(report.blind_spots, vec!["a1", "a3"]);
    assert_eq!(report.hidden_strengths, vec!["a4"]);
    let exact = team_rates(1, &[[2, 2, 2]]).own("a1", 1).report();
    assert_eq!(exact.hidden_strengths, vec!["a1"]);
}

#[test]
fn no_self_rating_or_no_others_means_no_gap() {
    let report = team_rates(2, &[[1, 1, 1], [1, 1, 0]]).own("a2", 4).report();
    assert!(report.blind_spots.is_empty() && report.hidden_strengths.is_empty());
}

#[test]
fn highest_and_lowest_take_at_most_half_the_rated_cards_each() {
    let report = team_rates(
        7,
        &[
            [4, 4, 4],
            [4, 4, 3],
            [3, 3, 3],
            [3, 2, 2],
            [2, 2, 2],
            [1, 1, 1],
            [0, 0, 4],
        ],
    )
    .report();
    assert_eq!(report.highest, vec!["a1", "a2", "a3"]);
    assert_eq!(report.lowest, vec!["a6", "a5", "a4"]);
}

#[test]
fn ties_go_by_card_order_and_no_card_is_in_both_lists() {
    let report = team_rates(4, &[[3, 3, 3]; 4]).report();
    assert_eq!(report.highest, vec!["a1", "a2"]);
    assert_eq!(report.lowest, vec!["a3", "a4"]);
    let many = team_rates(12, &[[3, 3, 3]; 12]).report();
    assert_eq!(many.highest.len(), 5);
    assert_eq!(many.lowest, vec!["a6", "a7", "a8", "a9", "a10"]);
    let one = team_rates(1, &[[3, 3, 3]]).report();
    assert!(one.highest.is_empty() && one.lowest.is_empty());
}

#[test]
fn agreement_and_disagreement_compare_the_means_of_the_shown_groups() {
    let round = Round::new(&["a"], 4)
        .group(TEAM, anonymous(GroupKind::Team, 3))
        .group(COLLEAGUES, anonymous(GroupKind::Colleagues, 3));
    let round = rate(round, TEAM, &[[3, 3, 3], [2, 2, 2], [3, 3, 3], [4, 4, 4]]);
    let round = rate(
        round,
        COLLEAGUES,
        &[[4, 3, 3], [4, 3, 3], [4, 4, 3], [4, 0, 0]],
    );
    let report = round.report();
    // a1: 3.00 and 3.33 agree; a2: 2.00 and 3.33 differ; a3: 3.00 and 3.67 neither;
    // a4: the colleagues gave one rating, so only one group scored it.
    assert_eq!(report.agreement, vec!["a1"]);
    assert_eq!(report.disagreement, vec!["a2"]);
}
