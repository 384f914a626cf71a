use super::*;

#[test]
fn a_fourth_theme_is_refused_with_the_standards_reason() {
    assert_eq!(may_add_theme(0), Ok(()));
    assert_eq!(may_add_theme(2), Ok(()));
    assert_eq!(may_add_theme(3), Err(DevelopmentError::TooManyThemes));
    assert_eq!(
        DevelopmentError::TooManyThemes.code(),
        "plan-too-many-themes"
    );
}

#[test]
fn school_years_run_from_august_to_july() {
    let day = |s| Day::parse(s).unwrap();
    assert_eq!(SchoolYear::of(day("2026-08-01")).to_string(), "2026-2027");
    assert_eq!(SchoolYear::of(day("2027-07-31")).to_string(), "2026-2027");
    assert_eq!(SchoolYear::of(day("2026-07-31")).to_string(), "2025-2026");
    let year = SchoolYear::parse("2026-2027").unwrap();
    assert_eq!(year, SchoolYear::parse("2026").unwrap());
    assert_eq!(year.first_day().to_string(), "2026-08-01");
    assert_eq!(year.last_day().to_string(), "2027-07-31");
    assert!(year.contains(day("2027-01-15")));
    assert_eq!(year.label(), "2026–2027");
    assert_eq!(SchoolYear::from_stored(2026), Some(year));
    assert_eq!(SchoolYear::from_stored(70_000), None);
    for bad in [
        "2026-2028",
        "26-27",
        "2026/2027",
        "",
        "abcd",
        "1999",
        "2026-",
    ] {
        assert_eq!(
            SchoolYear::parse(bad),
            Err(DevelopmentError::SchoolYearInvalid),
            "{bad:?}"
        );
    }
}

#[test]
fn days_are_typed_exactly() {
    assert_eq!(
        Day::parse(" 2026-12-02 ").unwrap().to_string(),
        "2026-12-02"
    );
    for bad in [
        "2026-2-3",
        "02-12-2026",
        "2026-02-30",
        "2026-12-02T10:00",
        "morgen",
    ] {
        assert_eq!(
            Day::parse(bad),
            Err(DevelopmentError::DateInvalid),
            "{bad:?}"
        );
    }
    let leap = Day::parse("2028-02-29").unwrap();
    assert_eq!(leap.plus_years(4).to_string(), "2032-02-29");
    assert_eq!(leap.plus_years(1).to_string(), "2029-02-28");
    let start = Day::parse("2026-01-01").unwrap();
    assert_eq!(start.days_until(Day::parse("2026-01-31").unwrap()), 30);
    assert_eq!(Day::parse("2026-01-31").unwrap().days_until(start), -30);
}

#[test]
fn a_title_from_a_card_is_one_line_that_a_title_holds() {
    assert_eq!(title_from("Ik  geef\nrichting "), "Ik geef richting");
    let long = title_from(&format!("{} einde", "woord ".repeat(30)));
    assert_eq!(long.chars().count(), 120, "{long}");
    assert!(long.ends_with("woord…"), "{long}");
    assert_eq!(
        parse_title(&long),
        Ok(long.clone()),
        "a title the plan takes"
    );
}

#[test]
fn texts_refuse_control_characters_and_keep_lines() {
    assert_eq!(
        parse_title("  Feedback vragen "),
        Ok("Feedback vragen".to_owned())
    );
    assert_eq!(parse_title(""), Err(DevelopmentError::TitleInvalid));
    assert_eq!(parse_title("a\nb"), Err(DevelopmentError::TitleInvalid));
    assert_eq!(
        parse_title(&"x".repeat(121)),
        Err(DevelopmentError::TitleInvalid)
    );
    assert_eq!(
        parse_field(PlanField::Goal, "Eerst dit\r\nDan dat"),
        Ok("Eerst dit\nDan dat".to_owned())
    );
    assert_eq!(
        parse_field(PlanField::Monitoring, "a\u{7}b"),
        Err(DevelopmentError::TextInvalid)
    );
    assert_eq!(parse_field(PlanField::Review, ""), Ok(String::new()));
    assert_eq!(
        parse_action("\u{1b}[31m"),
        Err(DevelopmentError::ActionInvalid)
    );
    assert_eq!(PlanField::parse("goal"), Ok(PlanField::Goal));
    assert_eq!(
        PlanField::parse("title"),
        Err(DevelopmentError::FieldUnknown)
    );
}

#[test]
fn statuses_and_sources_read_back_as_stored() {
    for status in ThemeStatus::ALL {
        assert_eq!(ThemeStatus::parse(status.code()), Ok(status));
    }
    assert_eq!(
        ThemeStatus::parse("done"),
        Err(DevelopmentError::StatusUnknown)
    );
    let sources = [
        ThemeSource::Own,
        ThemeSource::FocusCard {
            reflection: 4,
            card: "kwaliteit-1".into(),
        },
        ThemeSource::BlindSpot {
            round: 7,
            card: "samenwerken-2".into(),
        },
        ThemeSource::ScanGap {
            scan: 9,
            statement: "geven-1".into(),
        },
        ThemeSource::CarriedOver { theme: 12 },
    ];
    for source in sources {
        let (id, item) = source.parts();
        assert_eq!(
            ThemeSource::from_parts(source.kind(), id, item),
            Some(source.clone())
        );
    }
    assert_eq!(ThemeSource::from_parts("blind-spot", None, "x"), None);
    assert_eq!(ThemeSource::from_parts("rumour", Some(1), ""), None);
}
