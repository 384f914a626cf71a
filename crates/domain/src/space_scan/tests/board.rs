use super::*;

fn everyone(answer: &str, count: usize) -> Vec<Submitted> {
    (0..count)
        .map(|_| submitted(None, response(answer)))
        .collect()
}

/// A gap as listed: statement, estimate, gap.
type Listed<'a> = (&'a str, u8, f64);

fn estimate(ratings: &[(&str, &str)]) -> Estimate {
    Estimate::parse(&scan(), ratings).unwrap()
}

fn with_board(
    threshold: usize,
    responses: &[Submitted],
    owner: Option<&Estimate>,
    board: &[BoardEstimate<'_>],
) -> ScanResults {
    compute_results(&ResultsInput {
        scan: &scan(),
        settings: settings(threshold),
        responses,
        estimate: owner,
        board_estimates: board,
        key: 7,
        subgroups: &[],
    })
}

#[test]
fn each_board_member_gets_a_gap_list_of_their_own_by_the_leaders_rule() {
    // The team: a-1 2.0, a-2 (less) 3.0, b-1 2.0, b-2 2.0.
    let responses = everyone("oneens", 3);
    let owner = estimate(&[("a-1", "3")]);
    let henk = estimate(&[("b-1", "helemaal-eens"), ("a-1", "1"), ("b-2", "oneens")]);
    let anna = estimate(&[("a-2", "helemaal-eens")]);
    let board = [
        BoardEstimate {
            key: 20,
            by: "Henk",
            estimate: &henk,
        },
        BoardEstimate {
            key: 10,
            by: "Anna",
            estimate: &anna,
        },
    ];
    let shown = with_board(3, &responses, Some(&owner), &board)
        .shown
        .unwrap();
    // The leader's list is the leader's alone.
    let owners: Vec<&str> = shown.gaps.iter().map(|g| g.statement.as_str()).collect();
    assert_eq!(owners, ["a-1"]);
    // In the order given; within each, the largest gap first (ties in the questionnaire's
    // order), exactly as the leader's would be.
    let lists: Vec<(i64, &str, Vec<Listed>)> = shown
        .board_gaps
        .iter()
        .map(|b| {
            let gaps = b
                .gaps
                .iter()
                .map(|g| (g.statement.as_str(), g.estimate, g.gap))
                .collect();
            (b.key, b.by.as_str(), gaps)
        })
        .collect();
    assert_eq!(
        lists,
        [
            (
                20,
                "Henk",
                vec![("b-1", 4, 2.0), ("a-1", 1, -1.0), ("b-2", 2, 0.0)]
            ),
            // Strongly agreeing that there is less room: room 1 against the team's 3.
            (10, "Anna", vec![("a-2", 1, -2.0)]),
        ]
    );
    let alone = with_board(3, &responses, None, &board).shown.unwrap();
    assert!(alone.gaps.is_empty());
    assert_eq!(alone.board_gaps, shown.board_gaps);
}

#[test]
fn a_board_estimate_shows_nothing_the_team_view_does_not() {
    let henk = estimate(&[("a-1", "eens"), ("b-1", "weet-ik-niet")]);
    let only_dont_know = estimate(&[("b-2", "weet-ik-niet")]);
    let board = [
        BoardEstimate {
            key: 1,
            by: "Henk",
            estimate: &henk,
        },
        BoardEstimate {
            key: 2,
            by: "Anna",
            estimate: &only_dont_know,
        },
    ];
    // Below the threshold: only the count, no list of anyone.
    let below = with_board(5, &everyone("eens", 4), None, &board);
    assert!(below.shown.is_none());
    // A statement too few rated has no gap; an estimate without any gap has no list.
    let mut responses = everyone("eens", 3);
    responses.extend(everyone("weet-ik-niet", 2));
    let shown = with_board(4, &responses, None, &board).shown.unwrap();
    assert!(shown.board_gaps.is_empty());
    let shown = with_board(3, &responses, None, &board).shown.unwrap();
    let listed: Vec<(&str, usize)> = shown
        .board_gaps
        .iter()
        .map(|b| (b.by.as_str(), b.gaps.len()))
        .collect();
    assert_eq!(listed, [("Henk", 1)]);
}

#[test]
fn results_stored_before_board_estimates_still_read() {
    let made = with_board(3, &everyone("eens", 3), None, &[]);
    let mut json: serde_json::Value = serde_json::to_value(&made).unwrap();
    json["shown"]
        .as_object_mut()
        .unwrap()
        .remove("board_gaps")
        .unwrap();
    let read: ScanResults = serde_json::from_value(json).unwrap();
    assert_eq!(read, made);
}
