use super::*;
use crate::anonymity::{AnonymityRules, Threshold};

#[test]
fn the_threshold_defaults_to_five_and_is_never_below_three() {
    assert_eq!(ScanSettings::default().threshold(), DEFAULT_THRESHOLD);
    assert_eq!(DEFAULT_THRESHOLD, 5);
    for low in 0..3 {
        let refused = ScanSettings::new(low).unwrap_err();
        assert_eq!(refused.code(), "scan-threshold-too-low", "{low}");
    }
    for threshold in 3..=50 {
        let made = ScanSettings::new(threshold).unwrap();
        assert_eq!(made.threshold(), threshold);
        let rules = made.rules();
        let expected = Threshold::new(threshold).unwrap();
        assert_eq!(AnonymityRules::new(expected, expected), Ok(rules));
    }
}

#[test]
fn a_response_is_parsed_against_the_scan() {
    let scan = scan();
    let parsed = Response::parse(
        &scan,
        RawResponse {
            ratings: &[("a-1", "4"), ("a-2", "weet-ik-niet"), ("b-1", " oneens ")],
            roles: &[("mentor", true, false), ("data-coach", false, true)],
            open: &[
                ("geeft", "  Vertrouwen\r\nvan mijn leider \n"),
                ("neemt", "   "),
            ],
            other_role: "  Coördinator cultuuronderwijs ",
        },
    )
    .unwrap();
    assert_eq!(
        parsed.other_role.as_ref().map(OpenAnswer::as_str),
        Some("Coördinator cultuuronderwijs")
    );
    assert_eq!(parsed.ratings.len(), 3);
    assert_eq!(
        parsed.ratings["a-1"],
        ScanAnswer::Agreement(Agreement::StronglyAgree)
    );
    assert_eq!(parsed.ratings["a-2"], ScanAnswer::DontKnow);
    assert_eq!(
        parsed.ratings["b-1"],
        ScanAnswer::Agreement(Agreement::Disagree)
    );
    assert_eq!(
        parsed.roles["mentor"],
        RoleAnswer {
            now: true,
            would_like: false
        }
    );
    assert!(parsed.roles["data-coach"].would_like);
    assert_eq!(parsed.open["geeft"].as_str(), "Vertrouwen\nvan mijn leider");
    assert!(
        !parsed.open.contains_key("neemt"),
        "an empty answer is no answer"
    );
}

#[test]
fn unknown_ids_bad_answers_and_doubles_are_refused_with_their_codes() {
    let scan = scan();
    let refused = |raw: RawResponse<'_>| Response::parse(&scan, raw).unwrap_err().code();
    let none = RawResponse::default();
    assert_eq!(
        refused(RawResponse {
            ratings: &[("z-9", "3")],
            ..none
        }),
        "scan-statement-unknown"
    );
    assert_eq!(
        refused(RawResponse {
            other_role: "bel\u{7}",
            ..none
        }),
        "scan-open-answer-invalid"
    );
    for bad in ["0", "5", "neutraal", ""] {
        assert_eq!(
            refused(RawResponse {
                ratings: &[("a-1", bad)],
                ..none
            }),
            "scan-answer-invalid"
        );
    }
    assert_eq!(
        refused(RawResponse {
            roles: &[("koning", true, true)],
            ..none
        }),
        "scan-role-unknown"
    );
    assert_eq!(
        refused(RawResponse {
            open: &[("waarom", "x")],
            ..none
        }),
        "scan-open-question-unknown"
    );
    assert_eq!(
        refused(RawResponse {
            open: &[("geeft", "a\u{0}b")],
            ..none
        }),
        "scan-open-answer-invalid"
    );
    let too_long = "x".repeat(MAX_OPEN_ANSWER_CHARS + 1);
    assert_eq!(
        refused(RawResponse {
            open: &[("geeft", &too_long)],
            ..none
        }),
        "scan-open-answer-invalid"
    );
    let longest = "é".repeat(MAX_OPEN_ANSWER_CHARS);
    assert!(
        Response::parse(
            &scan,
            RawResponse {
                open: &[("geeft", &longest)],
                ..none
            }
        )
        .is_ok()
    );
    assert_eq!(
        refused(RawResponse {
            ratings: &[("a-1", "3"), ("a-1", "2")],
            ..none
        }),
        "scan-answered-twice"
    );
    assert_eq!(
        refused(RawResponse {
            roles: &[("mentor", true, true), ("mentor", false, false)],
            ..none
        }),
        "scan-answered-twice"
    );
    assert_eq!(
        refused(RawResponse {
            open: &[("geeft", ""), ("geeft", "x")],
            ..none
        }),
        "scan-answered-twice"
    );
}

#[test]
fn an_estimate_has_ratings_only() {
    let scan = scan();
    let estimate = Estimate::parse(&scan, &[("a-1", "3"), ("b-2", "weet-ik-niet")]).unwrap();
    assert_eq!(estimate.ratings.len(), 2);
    assert_eq!(
        Estimate::parse(&scan, &[("mentor", "3")])
            .unwrap_err()
            .code(),
        "scan-statement-unknown"
    );
    assert_eq!(
        Estimate::parse(&scan, &[("a-1", "7")]).unwrap_err().code(),
        "scan-answer-invalid"
    );
}

#[test]
fn every_refusal_has_its_own_code() {
    let codes: std::collections::BTreeSet<_> = ScanError::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), ScanError::ALL.len());
    assert!(codes.iter().all(|code| code.starts_with("scan-")));
}

#[test]
fn a_title_or_team_name_is_one_line_of_at_most_80_characters() {
    assert_eq!(parse_label("  Onderbouw ").unwrap(), "Onderbouw");
    for bad in ["", "   ", "regel\nregel", &"x".repeat(81)] {
        assert_eq!(
            parse_label(bad).unwrap_err().code(),
            "scan-label-invalid",
            "{bad:?}"
        );
    }
}
