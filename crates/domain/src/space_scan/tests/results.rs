use super::*;

fn everyone(answer: &str, count: usize) -> Vec<Submitted> {
    (0..count)
        .map(|_| submitted(None, response(answer)))
        .collect()
}

#[test]
fn below_the_threshold_there_is_only_the_count() {
    let four = results(ScanSettings::default(), &everyone("3", 4), None);
    assert_eq!(four.respondents, 4);
    assert_eq!(four.threshold, 5);
    assert!(four.shown.is_none());
    let five = results(ScanSettings::default(), &everyone("3", 5), None);
    assert_eq!(five.respondents, 5);
    assert!(five.shown.is_some());
}

#[test]
fn a_group_and_its_statements_are_shown_exactly_from_the_threshold_on() {
    for threshold in 3..=7 {
        for count in 0..=12 {
            for dont_know in 0..=count {
                let mut responses = everyone("eens", count - dont_know);
                responses.extend(everyone("weet-ik-niet", dont_know));
                let made = results(settings(threshold), &responses, None);
                assert_eq!(made.respondents, count);
                let Some(shown) = made.shown else {
                    assert!(count < threshold, "{threshold} {count}");
                    continue;
                };
                assert!(count >= threshold);
                let rated = count - dont_know;
                for section in &shown.figures.sections {
                    assert_eq!(section.spread.is_some(), rated >= threshold);
                    for result in &section.statements {
                        let spread = result.spread.as_ref();
                        assert_eq!(spread.is_some(), rated >= threshold, "{threshold} {count}");
                        if let Some(spread) = spread {
                            assert_eq!(spread.rated(), rated);
                            assert_eq!(spread.dont_know, dont_know);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn room_is_higher_for_more_room_whichever_way_a_statement_points() {
    let made = results(settings(3), &everyone("helemaal-eens", 3), None);
    let figures = made.shown.unwrap().figures;
    let more = statement(&figures, "a-1").spread.clone().unwrap();
    assert_eq!(more.by_room, [0, 0, 0, 3]);
    assert_eq!(more.mean, 4.0);
    // Agreeing with "a-2" means less room: strongly agreeing is the least room there is.
    let less = statement(&figures, "a-2").spread.clone().unwrap();
    assert_eq!(less.by_room, [3, 0, 0, 0]);
    assert_eq!(less.mean, 1.0);
    let section = figures.sections[0].spread.clone().unwrap();
    assert_eq!(section.by_room, [3, 0, 0, 3]);
    assert_eq!(section.mean, 2.5);
}

#[test]
fn the_largest_gaps_between_estimate_and_team_come_first() {
    // The team: a-1 2.0, a-2 (less) 3.0, b-1 2.0, b-2 2.0.
    let responses = everyone("oneens", 3);
    let estimate = Estimate::parse(
        &scan(),
        &[
            ("a-1", "3"),
            ("a-2", "helemaal-oneens"),
            ("b-1", "weet-ik-niet"),
            ("b-2", "1"),
        ],
    )
    .unwrap();
    let made = results(settings(3), &responses, Some(&estimate));
    let gaps = made.shown.unwrap().gaps;
    let listed: Vec<(&str, u8, f64)> = gaps
        .iter()
        .map(|g| (g.statement.as_str(), g.estimate, g.gap))
        .collect();
    // a-2: the leader expects 4 (strongly disagreeing with a "less" statement), team 3.
    // Equal gaps keep the questionnaire's order; "weet ik niet" has no gap.
    assert_eq!(listed, [("a-1", 3, 1.0), ("a-2", 4, 1.0), ("b-2", 1, -1.0)]);
    let without = results(settings(3), &responses, None);
    assert!(without.shown.unwrap().gaps.is_empty());
}

#[test]
fn killers_and_helpers_are_ranked_by_room() {
    let scan_ratings = [("a-1", "4"), ("a-2", "2"), ("b-1", "2"), ("b-2", "3")];
    let responses: Vec<Submitted> = (0..3)
        .map(|_| {
            let raw = RawResponse {
                ratings: &scan_ratings,
                ..RawResponse::default()
            };
            submitted(None, Response::parse(&scan(), raw).unwrap())
        })
        .collect();
    let figures = results(settings(3), &responses, None)
        .shown
        .unwrap()
        .figures;
    let killers: Vec<(&str, f64)> = figures
        .killers
        .iter()
        .map(|k| (k.element.as_str(), k.mean))
        .collect();
    // The killer that leaves the least room first: b-1 (room 2) before a-2 (less: room 3).
    assert_eq!(killers, [("vergaderen", 2.0), ("regels", 3.0)]);
    let helpers: Vec<(&str, f64)> = figures
        .helpers
        .iter()
        .map(|h| (h.element.as_str(), h.mean))
        .collect();
    assert_eq!(helpers, [("vertrouwen", 4.0), ("tijd", 3.0)]);
}

#[test]
fn the_roles_map_counts_who_fulfils_and_who_would_like_each_role() {
    let ticks = [
        [("mentor", true, false), ("data-coach", false, true)],
        [("mentor", true, true), ("data-coach", false, true)],
        [("mentor", false, false), ("data-coach", false, false)],
    ];
    let responses: Vec<Submitted> = ticks
        .iter()
        .map(|roles| {
            let raw = RawResponse {
                roles,
                ..RawResponse::default()
            };
            submitted(None, Response::parse(&scan(), raw).unwrap())
        })
        .collect();
    let roles = results(settings(3), &responses, None)
        .shown
        .unwrap()
        .figures
        .roles;
    let counts: Vec<(&str, usize, usize)> = roles
        .iter()
        .map(|r| (r.role.as_str(), r.now, r.would_like))
        .collect();
    assert_eq!(counts, [("mentor", 2, 1), ("data-coach", 0, 2)]);
}

fn with_open_answers(texts: &[String]) -> Vec<Submitted> {
    texts
        .iter()
        .map(|text| {
            let open = [("geeft", text.as_str())];
            let raw = RawResponse {
                open: &open,
                ..RawResponse::default()
            };
            submitted(None, Response::parse(&scan(), raw).unwrap())
        })
        .collect()
}

fn open_texts(responses: &[Submitted], key: u64) -> Vec<String> {
    let made = compute_results(&ResultsInput {
        scan: &scan(),
        settings: settings(3),
        responses,
        estimate: None,
        board_estimates: &[],
        key,
        subgroups: &[],
    });
    let open = made.shown.unwrap().open_answers;
    assert_eq!(open.len(), 1, "a question nobody answered is left out");
    assert_eq!(open[0].question, "geeft");
    open[0].texts.clone()
}

#[test]
fn open_answers_have_a_fixed_order_that_is_not_the_order_of_submission() {
    let texts: Vec<String> = (0..12).map(|i| format!("antwoord {i}")).collect();
    let responses = with_open_answers(&texts);
    let first = open_texts(&responses, 1);
    assert_ne!(first, texts, "not in the order of submission");
    let mut sorted = first.clone();
    sorted.sort();
    let mut expected = texts.clone();
    expected.sort();
    assert_eq!(sorted, expected, "every answer, once");
    // The same key gives the same order, whatever order the answers come in.
    let mut reversed = responses.clone();
    reversed.reverse();
    assert_eq!(open_texts(&reversed, 1), first);
    assert_eq!(open_texts(&responses, 1), first);
    assert_ne!(
        open_texts(&responses, 2),
        first,
        "another report, another order"
    );
}

#[test]
fn open_answers_are_not_shown_below_the_threshold() {
    let texts: Vec<String> = (0..4).map(|i| format!("antwoord {i}")).collect();
    let made = results(ScanSettings::default(), &with_open_answers(&texts), None);
    assert!(made.shown.is_none());
}

#[test]
fn roles_named_under_anders_are_shown_like_open_answers_in_a_keyed_order() {
    let names: Vec<String> = (0..8).map(|i| format!("rol {i}")).collect();
    let responses: Vec<Submitted> = names
        .iter()
        .map(|name| {
            let raw = RawResponse {
                roles: &[("mentor", true, false)],
                other_role: name,
                ..RawResponse::default()
            };
            submitted(None, Response::parse(&scan(), raw).unwrap())
        })
        .collect();
    let shown = |responses: &[Submitted], key| {
        compute_results(&ResultsInput {
            scan: &scan(),
            settings: settings(3),
            responses,
            estimate: None,
            board_estimates: &[],
            key,
            subgroups: &[],
        })
        .shown
        .unwrap()
        .other_roles
    };
    let first = shown(&responses, 7);
    assert_ne!(first, names, "not in the order of submission");
    let mut reversed = responses.clone();
    reversed.reverse();
    assert_eq!(shown(&reversed, 7), first);
    let mut sorted = first.clone();
    sorted.sort();
    assert_eq!(sorted, names);
}
