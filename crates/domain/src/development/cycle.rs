//! The register cycle: the Schoolleidersregister asks for a number of points (100 by default)
//! in a cycle of four years. The leader sets the start and the target; the progress says how
//! far they are, what is still needed, how long is left, and warns when the pace so far will
//! not reach the target by the end.

use super::{Day, DevelopmentError};

pub const DEFAULT_TARGET: u32 = 100;
pub const CYCLE_YEARS: i16 = 4;
pub const MAX_TARGET: u32 = 1000;
/// No warning in the first three months: one early course or none says nothing about a pace.
pub const QUIET_DAYS: i64 = 91;

/// A leader's cycle: from `start`, [`CYCLE_YEARS`] years, aiming for `target` points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegisterCycle {
    pub start: Day,
    pub target: u32,
}

impl RegisterCycle {
    /// A cycle with the default target.
    pub fn starting(start: Day) -> RegisterCycle {
        RegisterCycle {
            start,
            target: DEFAULT_TARGET,
        }
    }

    /// The cycle as typed: a start day and a target (empty: the default).
    pub fn parse(start: &str, target: &str) -> Result<RegisterCycle, DevelopmentError> {
        Ok(RegisterCycle {
            start: Day::parse(start)?,
            target: parse_target(target)?,
        })
    }

    /// The first day after the cycle.
    pub fn end(self) -> Day {
        self.start.plus_years(CYCLE_YEARS)
    }

    pub fn contains(self, day: Day) -> bool {
        self.start <= day && day < self.end()
    }

    /// Where the leader stands on `today`, given the points and days of their activities
    /// (those outside the cycle do not count).
    pub fn progress(self, today: Day, activities: &[(Day, u32)]) -> Progress {
        let total_days = self.start.days_until(self.end()).max(1);
        let elapsed_days = self.start.days_until(today).clamp(0, total_days);
        let points: u32 = activities
            .iter()
            .filter(|(day, _)| self.contains(*day))
            .map(|(_, points)| points)
            .sum();
        let per_year = (0..CYCLE_YEARS)
            .map(|year| {
                let from = self.start.plus_years(year);
                let until = self.start.plus_years(year + 1);
                let points = activities
                    .iter()
                    .filter(|(day, _)| from <= *day && *day < until)
                    .map(|(_, points)| points)
                    .sum();
                YearPoints { from, points }
            })
            .collect();
        Progress {
            points,
            target: self.target,
            still_needed: self.target.saturating_sub(points),
            days_left: total_days - elapsed_days,
            elapsed_days,
            total_days,
            behind: behind(points, self.target, elapsed_days, total_days),
            per_year,
        }
    }
}

/// The target as typed: a whole number of points from 1 to [`MAX_TARGET`]; empty is the
/// default.
pub fn parse_target(typed: &str) -> Result<u32, DevelopmentError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(DEFAULT_TARGET);
    }
    typed
        .parse::<u32>()
        .ok()
        .filter(|target| {
            (1..=MAX_TARGET).contains(target) && typed.bytes().all(|b| b.is_ascii_digit())
        })
        .ok_or(DevelopmentError::CycleTargetInvalid)
}

/// The pace warning. The pace so far is the points per elapsed day; the projection is that
/// pace over the whole cycle. It warns when the projection stays under the target, except in
/// the first [`QUIET_DAYS`] and once the target is reached. A cycle that has ended short is
/// behind too (its projection is what it reached).
fn behind(points: u32, target: u32, elapsed_days: i64, total_days: i64) -> bool {
    if points >= target || elapsed_days < QUIET_DAYS {
        return false;
    }
    // projected = points × total / elapsed < target, in whole numbers.
    i64::from(points) * total_days < i64::from(target) * elapsed_days
}

/// Points earned in one year of the cycle, for the portfolio's cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPoints {
    /// The first day of that year of the cycle.
    pub from: Day,
    pub points: u32,
}

/// Where a leader stands in their cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub points: u32,
    pub target: u32,
    pub still_needed: u32,
    pub days_left: i64,
    pub elapsed_days: i64,
    pub total_days: i64,
    /// The pace so far will not reach the target by the end.
    pub behind: bool,
    pub per_year: Vec<YearPoints>,
}

impl Progress {
    /// The points as a share of the target, 0 to 1000 (‰), for a bar.
    pub fn permille(&self) -> u32 {
        (self.points.min(self.target) * 1000)
            .checked_div(self.target)
            .unwrap_or(1000)
    }

    /// Elapsed time as a share of the cycle, 0 to 1000 (‰).
    pub fn time_permille(&self) -> u32 {
        u32::try_from(self.elapsed_days * 1000 / self.total_days.max(1)).unwrap_or(1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn cycle() -> RegisterCycle {
        RegisterCycle::starting(day("2024-01-01"))
    }

    #[test]
    fn a_cycle_runs_four_years_and_counts_only_its_days() {
        let c = cycle();
        assert_eq!(c.end().to_string(), "2028-01-01");
        // Day 730 of 1461 (2024 is a leap year): just short of halfway.
        let p = c.progress(
            day("2025-12-31"),
            &[
                (day("2023-12-31"), 40),
                (day("2024-01-01"), 20),
                (day("2025-06-01"), 30),
                (day("2028-01-01"), 50),
            ],
        );
        assert_eq!((p.points, p.still_needed), (50, 50));
        assert_eq!(
            p.per_year.iter().map(|y| y.points).collect::<Vec<_>>(),
            [20, 30, 0, 0]
        );
        assert_eq!(p.per_year[1].from.to_string(), "2025-01-01");
        assert_eq!(p.days_left, 731);
        assert_eq!(p.permille(), 500);
        assert_eq!(p.time_permille(), 499);
        assert!(!p.behind, "50 in half the cycle is exactly on pace");
    }

    #[test]
    fn the_pace_warning_follows_the_projection() {
        let c = cycle();
        // Halfway with 49 points: projected 98 < 100.
        let halfway = day("2025-12-31");
        assert!(c.progress(halfway, &[(day("2024-02-01"), 49)]).behind);
        assert!(!c.progress(halfway, &[(day("2024-02-01"), 50)]).behind);
        // A day later 50 is no longer enough: 50 × 1461 < 100 × 731.
        let later = day("2026-01-01");
        assert!(c.progress(later, &[(day("2024-02-01"), 50)]).behind);
        // A year in with nothing yet.
        assert!(c.progress(day("2025-01-01"), &[]).behind);
        // Reached: never behind, even far past the end.
        assert!(
            !c.progress(day("2030-01-01"), &[(day("2024-02-01"), 100)])
                .behind
        );
        // Ended short: behind.
        let ended = c.progress(day("2030-01-01"), &[(day("2024-02-01"), 99)]);
        assert!(ended.behind);
        assert_eq!(ended.days_left, 0);
    }

    #[test]
    fn the_first_three_months_never_warn() {
        let c = cycle();
        let start = day("2024-01-01");
        let quiet_end = day("2024-04-01"); // day 91
        assert_eq!(start.days_until(quiet_end), QUIET_DAYS);
        assert!(!c.progress(start, &[]).behind);
        assert!(!c.progress(day("2024-03-31"), &[]).behind);
        assert!(c.progress(quiet_end, &[]).behind);
        // Before the start: nothing elapsed, nothing behind.
        let before = c.progress(day("2023-06-01"), &[]);
        assert_eq!((before.elapsed_days, before.behind), (0, false));
        assert_eq!(before.days_left, before.total_days);
    }

    #[test]
    fn targets_are_whole_numbers_in_range() {
        assert_eq!(parse_target(""), Ok(100));
        assert_eq!(parse_target(" 120 "), Ok(120));
        for bad in ["0", "-5", "1001", "1.5", "tien", "+5"] {
            assert_eq!(
                parse_target(bad),
                Err(DevelopmentError::CycleTargetInvalid),
                "{bad}"
            );
        }
        assert_eq!(
            RegisterCycle::parse("2024-13-01", ""),
            Err(DevelopmentError::DateInvalid)
        );
    }
}
