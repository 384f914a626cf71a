use super::*;

/// The scale, written out once: score, code, label key.
const TABLE: [(Rating, u8, &str, &str); 4] = [
    (Rating::NotYet, 1, "nog-niet", "pile-nog-niet"),
    (Rating::Sometimes, 2, "soms", "pile-soms"),
    (Rating::Often, 3, "vaak", "pile-vaak"),
    (
        Rating::SecondNature,
        4,
        "vanzelfsprekend",
        "pile-vanzelfsprekend",
    ),
];

#[test]
fn every_point_has_its_score_code_and_label_key() {
    for (rating, score, code, key) in TABLE {
        assert_eq!(rating.score(), score, "{rating:?}");
        assert_eq!(rating.code(), code, "{rating:?}");
        assert_eq!(rating.label_key(), key, "{rating:?}");
        assert!(key.starts_with(LABEL_KEY_PREFIX) && key.ends_with(code));
        assert_eq!(rating.to_string(), code);
        assert_eq!(u8::from(rating), score);
        assert_eq!(i64::from(rating), i64::from(score));
    }
    assert_eq!(Rating::ALL.map(|r| r.score()), [1, 2, 3, 4]);
    assert_eq!(Rating::ALL[0].score(), Rating::MIN_SCORE);
    assert_eq!(Rating::ALL[3].score(), Rating::MAX_SCORE);
}

#[test]
fn scores_and_codes_round_trip() {
    for rating in Rating::ALL {
        assert_eq!(Rating::from_score(rating.score().into()), Ok(rating));
        assert_eq!(Rating::try_from(i64::from(rating)), Ok(rating));
        assert_eq!(Rating::from_code(rating.code()), Ok(rating));
        assert_eq!(rating.to_string().parse::<Rating>(), Ok(rating));
        assert_eq!(rating.score().to_string().parse::<Rating>(), Ok(rating));
    }
}

#[test]
fn parsing_accepts_a_score_or_a_code_with_spaces_around_it() {
    assert_eq!("1".parse::<Rating>(), Ok(Rating::NotYet));
    assert_eq!(" 4\n".parse::<Rating>(), Ok(Rating::SecondNature));
    assert_eq!(" vaak ".parse::<Rating>(), Ok(Rating::Often));
    assert_eq!("\tnog-niet".parse::<Rating>(), Ok(Rating::NotYet));
    assert_eq!(
        "+2".parse::<Rating>(),
        Ok(Rating::Sometimes),
        "i64's own syntax"
    );
    assert_eq!(
        "03".parse::<Rating>(),
        Ok(Rating::Often),
        "i64's own syntax"
    );
}

#[test]
fn every_score_outside_one_to_four_is_refused() {
    for score in -1000..=1000 {
        let parsed = Rating::from_score(score);
        assert_eq!(parsed.is_ok(), (1..=4).contains(&score), "{score}");
        assert_eq!(score.to_string().parse::<Rating>(), parsed, "{score}");
    }
    for score in [i64::MIN, i64::MAX, i64::from(u8::MAX) + 1] {
        assert_eq!(Rating::from_score(score), Err(RatingError), "{score}");
    }
}

#[test]
fn anything_else_is_refused() {
    for bad in [
        "",
        " ",
        "0",
        "5",
        "-1",
        "3.5",
        "2.0",
        "1e0",
        "altijd",
        "Vaak",
        "VAAK",
        "nog niet",
        "nog_niet",
        "nogniet",
        "vaak!",
        "vaak vaak",
        "pile-vaak",
        "kan-niet-beoordelen",
        "99999999999999999999999",
        "٣",
    ] {
        assert_eq!(bad.parse::<Rating>(), Err(RatingError), "{bad:?}");
    }
    assert_eq!(
        Rating::from_code(" vaak"),
        Err(RatingError),
        "codes are exact"
    );
    assert_eq!(
        Rating::from_code("3"),
        Err(RatingError),
        "a code is not a score"
    );
}

#[test]
fn the_scale_is_ordered_by_score() {
    for a in Rating::ALL {
        for b in Rating::ALL {
            assert_eq!(a.cmp(&b), a.score().cmp(&b.score()), "{a:?} {b:?}");
            assert_eq!(a == b, a.score() == b.score());
        }
    }
    assert!(Rating::ALL.is_sorted());
    assert_eq!(Rating::ALL.iter().max(), Some(&Rating::SecondNature));
}

#[test]
fn the_error_has_the_problem_code_the_card_sort_always_had() {
    assert_eq!(RatingError.code(), "pile-invalid");
    assert!(RatingError.to_string().contains("vanzelfsprekend"));
}

#[test]
fn a_rater_may_answer_the_scale_or_cannot_judge() {
    assert_eq!(RaterAnswer::ALL.len(), Rating::ALL.len() + 1);
    for (answer, rating) in RaterAnswer::ALL.into_iter().zip(Rating::ALL) {
        assert_eq!(answer, RaterAnswer::Rated(rating));
        assert_eq!(answer, RaterAnswer::from(rating));
        assert_eq!(answer.rating(), Some(rating));
        assert_eq!(answer.score(), Some(rating.score()));
        assert_eq!(answer.code(), rating.code());
        assert_eq!(answer.label_key(), rating.label_key());
    }
    let cannot = RaterAnswer::CannotJudge;
    assert_eq!(RaterAnswer::ALL[4], cannot);
    assert_eq!(cannot.rating(), None);
    assert_eq!(cannot.score(), None);
    assert_eq!(cannot.code(), "kan-niet-beoordelen");
    assert_eq!(cannot.label_key(), "pile-kan-niet-beoordelen");
    assert!(cannot.label_key().starts_with(LABEL_KEY_PREFIX));
    assert_eq!(cannot.to_string(), "kan-niet-beoordelen");
}

#[test]
fn rater_answers_round_trip_through_code_text_and_storage() {
    for answer in RaterAnswer::ALL {
        assert_eq!(RaterAnswer::from_code(answer.code()), Ok(answer));
        assert_eq!(answer.to_string().parse::<RaterAnswer>(), Ok(answer));
        assert_eq!(RaterAnswer::from_stored(answer.to_stored()), Ok(answer));
        if let Some(score) = answer.score() {
            assert_eq!(score.to_string().parse::<RaterAnswer>(), Ok(answer));
            assert_eq!(answer.to_stored(), i64::from(score));
        }
    }
    assert_eq!(RaterAnswer::CannotJudge.to_stored(), 0);
    assert_eq!(
        " kan-niet-beoordelen ".parse::<RaterAnswer>(),
        Ok(RaterAnswer::CannotJudge)
    );
}

#[test]
fn cannot_judge_is_never_a_number_from_input() {
    assert_eq!("0".parse::<RaterAnswer>(), Err(RatingError));
    for bad in [
        "5",
        "-1",
        "",
        "kan niet beoordelen",
        "Kan-niet-beoordelen",
        "?",
    ] {
        assert_eq!(bad.parse::<RaterAnswer>(), Err(RatingError), "{bad:?}");
    }
    for stored in -1000..=1000 {
        assert_eq!(
            RaterAnswer::from_stored(stored).is_ok(),
            (0..=4).contains(&stored),
            "{stored}"
        );
    }
}

#[test]
fn codes_and_label_keys_are_distinct() {
    let codes: std::collections::HashSet<_> = RaterAnswer::ALL.map(|a| a.code()).into();
    let keys: std::collections::HashSet<_> = RaterAnswer::ALL.map(|a| a.label_key()).into();
    assert_eq!(codes.len(), RaterAnswer::ALL.len());
    assert_eq!(keys.len(), RaterAnswer::ALL.len());
}
