//! Times shown to people: Dutch schools live in Europe/Amsterdam, so that is the clock every
//! page shows (CET, and CEST from the last Sunday of March to the last Sunday of October, the
//! EU rule since 1996). Stored times stay Unix seconds in UTC.

use crate::Language;

/// A moment on the Amsterdam wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDateTime {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl LocalDateTime {
    pub fn amsterdam(unix_seconds: i64) -> LocalDateTime {
        let offset = if is_summer_time(unix_seconds) {
            7200
        } else {
            3600
        };
        utc_wall_clock(unix_seconds + offset)
    }

    /// "23 november 2026, 14:05" or "23 November 2026, 14:05".
    pub fn format(self, language: Language) -> String {
        format!(
            "{} {} {}, {:02}:{:02}",
            self.day,
            month_name(self.month, language),
            self.year,
            self.hour,
            self.minute
        )
    }

    /// "23 november 2026".
    pub fn format_date(self, language: Language) -> String {
        format!(
            "{} {} {}",
            self.day,
            month_name(self.month, language),
            self.year
        )
    }
}

/// Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October.
fn is_summer_time(unix_seconds: i64) -> bool {
    let year = utc_wall_clock(unix_seconds).year;
    let starts = last_sunday(year, 3) * 86_400 + 3600;
    let ends = last_sunday(year, 10) * 86_400 + 3600;
    (starts..ends).contains(&unix_seconds)
}

/// Days since 1970-01-01 of the last Sunday of `month` (which has 31 days: March, October).
fn last_sunday(year: i64, month: u32) -> i64 {
    let last_day = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday; (days + 4) % 7 == 0 on Sundays.
    last_day - (last_day + 4).rem_euclid(7)
}

fn utc_wall_clock(unix_seconds: i64) -> LocalDateTime {
    let days = unix_seconds.div_euclid(86_400);
    let seconds = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    LocalDateTime {
        year,
        month,
        day,
        hour: (seconds / 3600) as u32,
        minute: (seconds % 3600 / 60) as u32,
    }
}

// Howard Hinnant's civil calendar algorithms (public domain), proleptic Gregorian.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn month_name(month: u32, language: Language) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match language {
        Language::Nl => &NL,
        Language::En => &EN,
    };
    names[(month.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winter_time_is_utc_plus_one() {
        // 2026-11-23 13:05:00 UTC
        let moment = LocalDateTime::amsterdam(1_795_439_100);
        assert_eq!(moment.format(Language::Nl), "23 november 2026, 14:05");
        assert_eq!(moment.format(Language::En), "23 November 2026, 14:05");
    }

    #[test]
    fn summer_time_is_utc_plus_two_between_the_last_sundays_of_march_and_october() {
        // 2026-03-29 00:59:59 UTC is still winter time; one second later, summer time.
        assert_eq!(LocalDateTime::amsterdam(1_774_745_999).hour, 1);
        assert_eq!(LocalDateTime::amsterdam(1_774_746_000).hour, 3);
        // 2026-10-25 00:59:59 UTC is summer time (02:59); at 01:00 UTC the clock shows 02:00.
        assert_eq!(LocalDateTime::amsterdam(1_792_889_999).hour, 2);
        assert_eq!(LocalDateTime::amsterdam(1_792_890_000).hour, 2);
        assert_eq!(LocalDateTime::amsterdam(1_792_890_000).minute, 0);
    }

    #[test]
    fn the_calendar_round_trips_over_four_centuries() {
        for days in (-150_000..150_000).step_by(97) {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
