//! Calendar days and school years as a leader types and reads them. A Dutch school year runs
//! from 1 August to 31 July; a plan belongs to one.

use std::fmt;

use jiff::civil::Date;

use super::DevelopmentError;
use crate::Language;
use crate::local_time::{self, LocalDateTime};

/// A calendar day, typed as `YYYY-MM-DD` and stored that way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// A day as a date field sends it; nothing looser.
    pub fn parse(text: &str) -> Result<Day, DevelopmentError> {
        local_time::parse_date(text.trim())
            .map(Day)
            .ok_or(DevelopmentError::DateInvalid)
    }

    /// The day on the Amsterdam clock at `unix_seconds`.
    pub fn today(unix_seconds: i64) -> Day {
        Day(local_time::amsterdam_day(unix_seconds))
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// Whole days from `self` until `later` (negative when `later` is before).
    pub fn days_until(self, later: Day) -> i64 {
        // Civil days are exactly 24 hours apart in jiff's civil arithmetic.
        later.0.duration_since(self.0).as_hours() / 24
    }

    /// The day `days` later (earlier when negative); the last day jiff knows at most.
    pub fn plus_days(self, days: i64) -> Day {
        self.0
            .checked_add(jiff::Span::new().days(days))
            .map(Day)
            .unwrap_or(self)
    }

    /// The same day `years` later (29 February becomes 28 February where needed).
    pub fn plus_years(self, years: i16) -> Day {
        let year = self.0.year().saturating_add(years);
        Date::new(year, self.0.month(), self.0.day())
            .or_else(|_| Date::new(year, self.0.month(), 28))
            .map(Day)
            .unwrap_or(self)
    }

    /// "3 december 2026".
    pub fn format(self, language: Language) -> String {
        LocalDateTime {
            year: i64::from(self.0.year()),
            month: u32::try_from(self.0.month()).unwrap_or(1),
            day: u32::try_from(self.0.day()).unwrap_or(1),
            hour: 0,
            minute: 0,
        }
        .format_date(language)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

/// A school year, named by the calendar year it starts in: 2026 is 2026-2027.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear(i16);

impl SchoolYear {
    /// The first month of a school year.
    const FIRST_MONTH: i8 = 8;

    pub fn starting(year: i16) -> Result<SchoolYear, DevelopmentError> {
        if (2000..=2100).contains(&year) {
            Ok(SchoolYear(year))
        } else {
            Err(DevelopmentError::SchoolYearInvalid)
        }
    }

    /// The school year `day` falls in.
    pub fn of(day: Day) -> SchoolYear {
        let year = day.0.year();
        SchoolYear(if day.0.month() >= Self::FIRST_MONTH {
            year
        } else {
            year - 1
        })
    }

    /// `2026-2027` (the form in URLs and the API), or the starting year alone.
    pub fn parse(text: &str) -> Result<SchoolYear, DevelopmentError> {
        let text = text.trim();
        let (start, end) = match text.split_once('-') {
            Some((start, end)) => (start, Some(end)),
            None => (text, None),
        };
        let digits = |part: &str| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(start) || end.is_some_and(|end| !digits(end)) {
            return Err(DevelopmentError::SchoolYearInvalid);
        }
        let start: i16 = start
            .parse()
            .map_err(|_| DevelopmentError::SchoolYearInvalid)?;
        if let Some(end) = end
            && end.parse::<i16>().ok() != Some(start + 1)
        {
            return Err(DevelopmentError::SchoolYearInvalid);
        }
        SchoolYear::starting(start)
    }

    pub fn start_year(self) -> i16 {
        self.0
    }

    /// A school year as stored: the year it starts in. `None` for one out of range, which
    /// nothing stores.
    pub fn from_stored(start: i64) -> Option<SchoolYear> {
        i16::try_from(start)
            .ok()
            .and_then(|year| SchoolYear::starting(year).ok())
    }

    /// "2026–2027", as people write a school year (the URL and the API say 2026-2027).
    pub fn label(self) -> String {
        format!("{}–{}", self.0, self.0 + 1)
    }

    pub fn next(self) -> SchoolYear {
        SchoolYear(self.0 + 1)
    }

    pub fn previous(self) -> SchoolYear {
        SchoolYear(self.0 - 1)
    }

    pub fn first_day(self) -> Day {
        Day(Date::new(self.0, Self::FIRST_MONTH, 1).expect("1 August exists"))
    }

    pub fn last_day(self) -> Day {
        Day(Date::new(self.0 + 1, 7, 31).expect("31 July exists"))
    }

    pub fn contains(self, day: Day) -> bool {
        SchoolYear::of(day) == self
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}
