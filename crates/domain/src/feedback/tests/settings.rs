//! Group settings, typed texts and the closing date.

use super::*;
use crate::anonymity::ThresholdError;

#[test]
fn group_kinds_round_trip_through_their_codes() {
    for kind in GroupKind::ALL {
        assert_eq!(GroupKind::from_code(kind.code()), Ok(kind));
        assert_eq!(kind.label_key(), format!("feedback-group-{}", kind.code()));
    }
    assert_eq!(GroupKind::Colleagues.code(), "collegas");
    assert_eq!(GroupKind::Board.code(), "bestuur");
    for bad in ["", "Team", " team", "colleagues", "board"] {
        assert_eq!(
            GroupKind::from_code(bad),
            Err(FeedbackError::KindInvalid),
            "{bad}"
        );
    }
}

#[test]
fn a_threshold_below_three_is_refused_even_for_an_identifiable_board() {
    for threshold in 0..3 {
        for identifiable in [false, true] {
            let made = GroupSettings::new(GroupKind::Board, None, threshold, None, identifiable);
            assert_eq!(
                made,
                Err(FeedbackError::Threshold(ThresholdError::BelowMinimum))
            );
        }
    }
    let made = GroupSettings::new(GroupKind::Team, None, 2, None, false);
    assert_eq!(made.unwrap_err().code(), "anonymity-threshold-too-low");
}

#[test]
fn the_comment_threshold_defaults_to_the_group_threshold_and_is_never_lower() {
    let settings = GroupSettings::new(GroupKind::Team, None, 4, None, false).unwrap();
    assert_eq!((settings.threshold(), settings.comment_threshold()), (4, 4));
    let settings = GroupSettings::new(GroupKind::Team, None, 3, Some(5), false).unwrap();
    assert_eq!((settings.threshold(), settings.comment_threshold()), (3, 5));
    assert_eq!(settings.rules().comments().get(), 5);
    assert_eq!(
        GroupSettings::new(GroupKind::Team, None, 4, Some(3), false),
        Err(FeedbackError::Threshold(ThresholdError::CommentsBelowGroup))
    );
}

#[test]
fn only_a_board_may_be_identifiable() {
    for kind in [GroupKind::Team, GroupKind::Colleagues, GroupKind::Own] {
        let made = GroupSettings::new(kind, Some("Ouders"), 3, None, true);
        assert_eq!(made, Err(FeedbackError::IdentifiableNotBoard), "{kind:?}");
    }
    assert_eq!(
        FeedbackError::IdentifiableNotBoard.code(),
        "feedback-identifiable-not-board"
    );
    assert!(identifiable_board().identifiable);
}

#[test]
fn an_identifiable_board_shows_from_one_respondent_and_others_by_threshold() {
    let board = identifiable_board();
    assert!(!board.may_show(0) && !board.may_show_comments(0));
    assert!(board.may_show(1) && board.may_show_comments(1));
    let team = GroupSettings::new(GroupKind::Team, None, 4, Some(6), false).unwrap();
    for count in 0..10 {
        assert_eq!(team.may_show(count), count >= 4, "{count}");
        assert_eq!(team.may_show_comments(count), count >= 6, "{count}");
    }
}

#[test]
fn an_own_group_needs_a_label_and_the_others_drop_theirs() {
    let own = GroupSettings::new(GroupKind::Own, Some("  Ouderraad "), 3, None, false);
    assert_eq!(own.unwrap().label.as_deref(), Some("Ouderraad"));
    let long = "é".repeat(MAX_LABEL_CHARS);
    let own = GroupSettings::new(GroupKind::Own, Some(&long), 3, None, false);
    assert_eq!(own.unwrap().label, Some(long));
    let too_long = "x".repeat(MAX_LABEL_CHARS + 1);
    for bad in [
        None,
        Some(""),
        Some("   "),
        Some("MR\nouders"),
        Some("a\u{0}"),
        Some(&too_long),
    ] {
        let made = GroupSettings::new(GroupKind::Own, bad, 3, None, false);
        assert_eq!(made, Err(FeedbackError::LabelInvalid), "{bad:?}");
    }
    let team = GroupSettings::new(GroupKind::Team, Some("Ons team"), 3, None, false);
    assert_eq!(team.unwrap().label, None);
}

#[test]
fn a_request_keeps_its_lines_and_refuses_control_characters() {
    let request = RequestText::parse("  Let vooral op:\r\n- visie\n\tnu ").unwrap();
    assert_eq!(request.as_str(), "Let vooral op:\n- visie\n\tnu");
    let longest = "x".repeat(MAX_REQUEST_CHARS);
    assert_eq!(RequestText::parse(&longest).unwrap().as_str(), longest);
    let too_long = "x".repeat(MAX_REQUEST_CHARS + 1);
    for bad in ["", " \n ", "a\u{0}b", "a\u{1b}[31m", "a\u{7f}", &too_long] {
        assert_eq!(
            RequestText::parse(bad),
            Err(FeedbackError::RequestInvalid),
            "{bad:?}"
        );
    }
}

#[test]
fn a_comment_may_be_empty_and_keeps_its_lines() {
    assert!(CommentText::parse("  ").unwrap().is_empty());
    assert!(CommentText::default().is_empty());
    let comment = CommentText::parse("Goed gesprek.\r\nMeer graag.").unwrap();
    assert_eq!(comment.as_str(), "Goed gesprek.\nMeer graag.");
    assert!(CommentText::parse(&"é".repeat(MAX_COMMENT_CHARS)).is_ok());
    let too_long = "x".repeat(MAX_COMMENT_CHARS + 1);
    for bad in ["a\u{0}", "\u{1b}x", "x\u{85}y", &too_long] {
        assert_eq!(
            CommentText::parse(bad),
            Err(FeedbackError::CommentInvalid),
            "{bad:?}"
        );
    }
}

#[test]
fn a_name_is_one_line_and_may_be_empty() {
    assert!(RaterName::parse("").unwrap().is_empty());
    assert_eq!(RaterName::parse(" Jan  ").unwrap().as_str(), "Jan");
    assert!(RaterName::parse(&"x".repeat(MAX_NAME_CHARS)).is_ok());
    let too_long = "x".repeat(MAX_NAME_CHARS + 1);
    for bad in ["Jan\nPiet", "Jan\tPiet", "a\u{0}", &too_long] {
        assert_eq!(
            RaterName::parse(bad),
            Err(FeedbackError::NameInvalid),
            "{bad:?}"
        );
    }
}

#[test]
fn every_refusal_has_its_own_code() {
    let codes: std::collections::BTreeSet<_> =
        FeedbackError::ALL.iter().map(FeedbackError::code).collect();
    assert_eq!(codes.len(), FeedbackError::ALL.len());
    for (error, code) in [
        (FeedbackError::LabelInvalid, "feedback-label-invalid"),
        (FeedbackError::RequestInvalid, "feedback-request-invalid"),
        (FeedbackError::CommentInvalid, "feedback-comment-invalid"),
        (FeedbackError::NameInvalid, "feedback-name-invalid"),
        (FeedbackError::DateInvalid, "feedback-date-invalid"),
        (FeedbackError::DateInPast, "feedback-date-past"),
        (FeedbackError::DateTooFar, "feedback-date-too-far"),
    ] {
        assert_eq!(error.code(), code);
    }
}

// --- the closing date ---------------------------------------------------------------------

/// 2026-03-28 12:00 UTC, the day before the clocks go forward.
const SATURDAY_NOON: i64 = 1_774_699_200;

#[test]
fn a_round_closes_at_the_end_of_the_amsterdam_day_in_winter_and_summer_time() {
    // 23:59:59 CET is 22:59:59 UTC; 23:59:59 CEST is 21:59:59 UTC.
    assert_eq!(
        closing_moment("2026-03-28", SATURDAY_NOON),
        Ok(1_774_738_799)
    );
    assert_eq!(
        closing_moment("2026-03-29", SATURDAY_NOON),
        Ok(1_774_821_599)
    );
    assert_eq!(
        closing_moment("2026-07-01", SATURDAY_NOON),
        Ok(1_782_943_199)
    );
    assert_eq!(
        closing_moment("2026-10-24", SATURDAY_NOON),
        Ok(1_792_879_199)
    );
    assert_eq!(
        closing_moment("2026-10-25", SATURDAY_NOON),
        Ok(1_792_969_199)
    );
    assert_eq!(
        closing_moment(" 2026-03-29 ", SATURDAY_NOON),
        Ok(1_774_821_599)
    );
}

#[test]
fn a_day_already_over_in_amsterdam_is_in_the_past() {
    assert_eq!(
        closing_moment("2026-03-27", SATURDAY_NOON),
        Err(FeedbackError::DateInPast)
    );
    assert_eq!(
        closing_moment("2025-12-31", SATURDAY_NOON),
        Err(FeedbackError::DateInPast)
    );
    // 23:30 UTC on the 28th is already the 29th in Amsterdam.
    let late = 1_774_740_600;
    assert_eq!(
        closing_moment("2026-03-28", late),
        Err(FeedbackError::DateInPast)
    );
    assert!(closing_moment("2026-03-29", late).is_ok());
}

#[test]
fn a_round_closes_at_most_a_year_ahead() {
    assert_eq!(
        closing_moment("2027-03-28", SATURDAY_NOON),
        Ok(1_806_271_199)
    );
    assert_eq!(
        closing_moment("2027-03-29", SATURDAY_NOON),
        Err(FeedbackError::DateTooFar)
    );
    assert_eq!(
        closing_moment("9999-12-31", SATURDAY_NOON),
        Err(FeedbackError::DateTooFar)
    );
}

#[test]
fn only_a_real_date_written_yyyy_mm_dd_is_taken() {
    for bad in [
        "",
        "morgen",
        "2026-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-00-10",
        "2026-3-29",
        "29-03-2026",
        "2026/03/29",
        "20260329",
        "2026-03-29T12:00",
        "+2026-03-29",
        "２０２６-03-29",
    ] {
        assert_eq!(
            closing_moment(bad, SATURDAY_NOON),
            Err(FeedbackError::DateInvalid),
            "{bad:?}"
        );
    }
    assert!(closing_moment("2028-02-29", 1_811_000_000).is_ok());
}
