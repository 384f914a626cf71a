use super::*;

fn group(subgroup: Option<i64>, answer: &str, count: usize) -> Vec<Submitted> {
    (0..count)
        .map(|_| submitted(subgroup, response(answer)))
        .collect()
}

fn views(responses: &[Submitted], threshold: usize) -> Vec<SubgroupView> {
    results(settings(threshold), responses, None)
        .shown
        .map(|shown| shown.subgroups)
        .unwrap_or_default()
}

#[test]
fn a_subgroup_is_shown_only_when_it_and_the_rest_meet_the_threshold() {
    // 5 + 5: both shown.
    let mut responses = group(Some(1), "4", 5);
    responses.extend(group(Some(2), "1", 5));
    let shown = views(&responses, 5);
    assert_eq!(shown.len(), 2);
    assert!(shown.iter().all(|v| v.figures.is_some()));
    assert_eq!(shown[0].respondents, Some(5));
    let school_1 = shown[0].figures.as_ref().unwrap();
    assert_eq!(
        statement(school_1, "a-1").spread.as_ref().unwrap().mean,
        4.0
    );

    // 5 + 4: the 4 is hidden, and so is the 5, or the 4 would follow by subtraction.
    let mut responses = group(Some(1), "4", 5);
    responses.extend(group(Some(2), "1", 4));
    let hidden = views(&responses, 5);
    assert_eq!(hidden.len(), 2);
    for view in &hidden {
        assert_eq!(view.respondents, None);
        assert_eq!(view.figures, None);
    }

    // 5 in a subgroup and 4 without one: the rest is too small, nothing is shown.
    let mut responses = group(Some(1), "4", 5);
    responses.extend(group(None, "1", 4));
    assert!(views(&responses, 5)[0].figures.is_none());

    // A subgroup that is the whole group gives nobody away.
    let whole = views(&group(Some(1), "3", 5), 5);
    assert!(whole[0].figures.is_some());
}

#[test]
fn a_subgroup_statement_is_hidden_when_the_rest_of_its_ratings_is_too_few() {
    // 10 people, 5 in each school. School 2 mostly does not know about b-2: 1 rating.
    let mut responses = group(Some(1), "3", 5);
    responses.extend(group(Some(2), "2", 4));
    let mut last = response("2");
    last.ratings.insert("b-2".to_owned(), ScanAnswer::DontKnow);
    responses.push(submitted(Some(2), last));
    for view in &mut responses[5..9] {
        view.response
            .ratings
            .insert("b-2".to_owned(), ScanAnswer::DontKnow);
    }
    let made = results(settings(5), &responses, None).shown.unwrap();
    // The whole has 5 ratings of b-2: shown.
    assert!(statement(&made.figures, "b-2").spread.is_some());
    // School 1 has all 5 of them (the rest has none, which gives nobody away); school 2,
    // without a rating, has no figure. Every other statement is shown for both.
    let school_1 = made.subgroups[0].figures.as_ref().unwrap();
    let school_2 = made.subgroups[1].figures.as_ref().unwrap();
    assert!(statement(school_1, "b-2").spread.is_some());
    assert!(statement(school_2, "b-2").spread.is_none());
    assert!(statement(school_2, "b-1").spread.is_some());

    // Now one of school 2 rates b-2: the whole has 6, school 1 has 5, the rest 1. School 1's
    // b-2 must go, or the one rating follows by subtraction.
    responses[9]
        .response
        .ratings
        .insert("b-2".to_owned(), ScanAnswer::Agreement(Agreement::Disagree));
    let made = results(settings(5), &responses, None).shown.unwrap();
    assert!(statement(&made.figures, "b-2").spread.is_some());
    let school_1 = made.subgroups[0].figures.as_ref().unwrap();
    assert!(statement(school_1, "b-2").spread.is_none());
    assert!(statement(school_1, "b-1").spread.is_some());
}

#[test]
fn no_shown_figure_can_be_subtracted_down_to_fewer_than_the_threshold() {
    // Every split of up to 12 people over two schools and people without a school.
    for threshold in 3..=5 {
        for a in 0..=8 {
            for b in 0..=8 {
                for none in 0..=3 {
                    let mut responses = group(Some(1), "3", a);
                    responses.extend(group(Some(2), "2", b));
                    responses.extend(group(None, "1", none));
                    let whole = a + b + none;
                    let views = views(&responses, threshold);
                    let shown: Vec<usize> = views.iter().filter_map(|v| v.respondents).collect();
                    for view in &views {
                        assert_eq!(view.respondents.is_some(), view.figures.is_some());
                    }
                    if shown.is_empty() {
                        continue;
                    }
                    assert!(whole >= threshold);
                    assert!(shown.iter().all(|n| *n >= threshold));
                    let rest = whole - shown.iter().sum::<usize>();
                    assert!(
                        rest == 0 || rest >= threshold,
                        "{threshold}: {a} {b} {none}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_comparison_shows_the_change_where_both_results_are_shown() {
    let earlier = results(settings(3), &group(None, "2", 3), None);
    let later = results(settings(3), &group(None, "3", 4), None);
    let changes = compare(&earlier, &later);
    let listed: Vec<(&str, f64)> = changes
        .iter()
        .map(|c| (c.statement.as_str(), c.change))
        .collect();
    // a-2 points the other way: agreeing more is less room.
    assert_eq!(
        listed,
        [("a-1", 1.0), ("a-2", -1.0), ("b-1", 1.0), ("b-2", 1.0)]
    );
    let too_few = results(settings(3), &group(None, "3", 2), None);
    assert!(compare(&earlier, &too_few).is_empty());
    assert!(compare(&too_few, &later).is_empty());
}

#[test]
fn a_subgroup_nobody_answered_in_is_listed_like_any_hidden_one() {
    let responses: Vec<Submitted> = (0..6).map(|_| submitted(Some(1), response("3"))).collect();
    let made = compute_results(&ResultsInput {
        scan: &scan(),
        settings: settings(3),
        responses: &responses,
        estimate: None,
        board_estimates: &[],
        key: 7,
        subgroups: &[1, 2, 3],
    });
    let listed: Vec<(i64, Option<usize>)> = made
        .shown
        .unwrap()
        .subgroups
        .iter()
        .map(|g| (g.subgroup, g.respondents))
        .collect();
    // 2 and 3 are listed though nobody answered there, hidden like any small group (1 is
    // the whole group, which tells nothing about anyone).
    assert_eq!(listed, [(1, Some(6)), (2, None), (3, None)]);
}
