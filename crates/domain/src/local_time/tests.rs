use super::*;

/// 2026-03-29 01:00:00 UTC: the clocks go from 02:00 to 03:00 CEST.
const MARCH_2026: i64 = 1_774_746_000;
/// 2026-10-25 01:00:00 UTC: the clocks go from 03:00 CEST back to 02:00 CET.
const OCTOBER_2026: i64 = 1_792_890_000;

fn clock(unix_seconds: i64) -> (i64, u32, u32, u32, u32) {
    let t = LocalDateTime::amsterdam(unix_seconds);
    (t.year, t.month, t.day, t.hour, t.minute)
}

#[test]
fn winter_time_is_utc_plus_one() {
    // 2026-11-23 13:05:00 UTC
    let moment = LocalDateTime::amsterdam(1_795_439_100);
    assert_eq!(moment.format(Language::Nl), "23 november 2026, 14:05");
    assert_eq!(moment.format(Language::En), "23 November 2026, 14:05");
    assert_eq!(moment.format_date(Language::Nl), "23 november 2026");
    assert_eq!(moment.format_date(Language::En), "23 November 2026");
}

#[test]
fn summer_time_is_utc_plus_two() {
    // 2026-07-01 10:30:00 UTC
    assert_eq!(clock(1_782_901_800), (2026, 7, 1, 12, 30));
}

#[test]
fn in_march_the_clock_jumps_from_two_to_three() {
    assert_eq!(clock(MARCH_2026 - 1), (2026, 3, 29, 1, 59));
    assert_eq!(clock(MARCH_2026), (2026, 3, 29, 3, 0));
    // 02:xx is never shown that night.
    for second in (MARCH_2026 - 7200..MARCH_2026 + 7200).step_by(60) {
        let (.., hour, _) = clock(second);
        assert_ne!(hour, 2, "{second}");
    }
}

#[test]
fn in_october_the_hour_from_two_to_three_comes_twice() {
    assert_eq!(clock(OCTOBER_2026 - 1), (2026, 10, 25, 2, 59));
    assert_eq!(clock(OCTOBER_2026), (2026, 10, 25, 2, 0));
    assert_eq!(clock(OCTOBER_2026 + 3599), (2026, 10, 25, 2, 59));
    assert_eq!(clock(OCTOBER_2026 + 3600), (2026, 10, 25, 3, 0));
    // 02:30 is shown twice, an hour apart.
    let shown_at: Vec<i64> = (OCTOBER_2026 - 7200..OCTOBER_2026 + 7200)
        .step_by(60)
        .filter(|s| clock(*s).3 == 2 && clock(*s).4 == 30)
        .collect();
    assert_eq!(shown_at, [OCTOBER_2026 - 1800, OCTOBER_2026 + 1800]);
}

/// Days since 1970-01-01 of a UTC moment, and whether that day was a Sunday (1970-01-01 was a
/// Thursday). Computed here without jiff, as an independent check.
fn utc_day(unix_seconds: i64) -> (i64, bool) {
    let day = unix_seconds.div_euclid(86_400);
    (day, (day + 4).rem_euclid(7) == 0)
}

#[test]
fn every_year_since_1996_changes_at_01_00_utc_on_the_last_sundays_of_march_and_october() {
    // Walk every hour from 1997 to 2040 and collect the moments the offset changes.
    let start = 852_076_800; // 1997-01-01 00:00:00 UTC
    let end = 2_240_524_800; // 2041-01-01 00:00:00 UTC
    let offset = |s: i64| {
        let t = LocalDateTime::amsterdam(s);
        let utc_hour = s.rem_euclid(86_400) / 3600;
        (i64::from(t.hour) - utc_hour).rem_euclid(24)
    };
    let mut changes = Vec::new();
    let mut previous = offset(start);
    assert_eq!(previous, 1, "winter time on new year's day");
    for s in (start..end).step_by(3600) {
        let now = offset(s);
        if now != previous {
            changes.push((s, now));
            previous = now;
        }
    }
    assert_eq!(changes.len(), 2 * 44, "two changes a year, 1997-2040");
    for pair in changes.chunks(2) {
        let [(spring, summer), (autumn, winter)] = [pair[0], pair[1]];
        assert_eq!((summer, winter), (2, 1));
        for (moment, month) in [(spring, 3), (autumn, 10)] {
            assert_eq!(moment.rem_euclid(86_400), 3600, "at 01:00 UTC: {moment}");
            let (_, sunday) = utc_day(moment);
            assert!(sunday, "on a Sunday: {moment}");
            let local = LocalDateTime::amsterdam(moment);
            assert_eq!(local.month, month, "{moment}");
            assert!(local.day > 31 - 7, "the last Sunday of the month: {moment}");
        }
    }
}

#[test]
fn dates_around_the_turn_of_a_year_and_a_leap_day() {
    // 2026-12-31 23:30:00 UTC is already 2027 in Amsterdam.
    assert_eq!(clock(1_798_759_800), (2027, 1, 1, 0, 30));
    // 2028-02-29 12:00:00 UTC
    assert_eq!(clock(1_835_438_400), (2028, 2, 29, 13, 0));
    // The epoch: CET.
    assert_eq!(clock(0), (1970, 1, 1, 1, 0));
}

#[test]
fn moments_no_stored_time_reaches_are_shown_without_panicking() {
    for seconds in [
        i64::MIN,
        i64::MIN + 1,
        -1_000_000_000_000,
        1_000_000_000_000,
        i64::MAX,
    ] {
        let t = LocalDateTime::amsterdam(seconds);
        assert!((-9999..=9999).contains(&t.year), "{seconds}: {t:?}");
        assert!((1..=12).contains(&t.month) && (1..=31).contains(&t.day));
        assert!(t.hour < 24 && t.minute < 60);
        assert!(!t.format(Language::Nl).is_empty());
    }
}

#[test]
fn every_month_has_its_name_in_both_languages() {
    let nl: Vec<&str> = (1..=12).map(|m| month_name(m, Language::Nl)).collect();
    let en: Vec<&str> = (1..=12).map(|m| month_name(m, Language::En)).collect();
    assert_eq!(nl[0], "januari");
    assert_eq!(nl[2], "maart");
    assert_eq!(nl[9], "oktober");
    assert_eq!(en[2], "March");
    assert_eq!(en[11], "December");
    assert_eq!(
        month_name(0, Language::Nl),
        "januari",
        "clamped, never a panic"
    );
    assert_eq!(
        month_name(13, Language::En),
        "December",
        "clamped, never a panic"
    );
}
