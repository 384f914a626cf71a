//! The results: a table for people, a verdict on the goal, and JSON for machines.

use std::time::Duration;

use crate::cli::RouteName;
use crate::development::DevelopmentFixture;
use crate::dialogue::DialogueResult;
use crate::memory::MemoryResult;
use crate::scan::ScanFixture;
use crate::stats::{GOAL_CEILING_RATIO, LatencySummary, milliseconds};

mod json;

pub use json::write_json;

/// The figures of one route at one concurrency level.
#[derive(Debug, Clone)]
pub struct RouteResult {
    pub route: RouteName,
    pub clients: usize,
    pub requests: u64,
    pub errors: u64,
    pub rps: f64,
    pub latency: LatencySummary,
    /// Throughput as a fraction of the ceiling's at the same concurrency.
    pub ceiling_ratio: Option<f64>,
    /// The route's requests were used up before the window ended (submit-form's links), so
    /// its clients stopped early and req/s is too low.
    pub ran_out: bool,
}

impl RouteResult {
    fn is_ceiling(&self) -> bool {
        self.route == RouteName::Ceiling
    }

    fn meets_goal(&self) -> bool {
        self.ceiling_ratio
            .is_some_and(|ratio| ratio >= GOAL_CEILING_RATIO)
    }
}

/// Everything the bench found, as written to the JSON file.
#[derive(Debug)]
pub struct Report {
    pub binary: String,
    pub database: &'static str,
    pub duration: Duration,
    pub warmup: Duration,
    /// The memory rows, unless left out.
    pub memory: Option<MemoryResult>,
    /// The live dialogue scenario, when `dialogue` was selected.
    pub dialogue: Option<DialogueResult>,
    /// The team scans made for scan-submit and scan-results, with how long making them and
    /// the release took.
    pub scan: Option<ScanFixture>,
    /// The leader's log and portfolio read by log-page and portfolio-pdf.
    pub development: Option<DevelopmentFixture>,
    pub results: Vec<RouteResult>,
}

pub fn table_header() -> String {
    format!(
        "{:<15} {:>7} {:>9} {:>8} {:>8} {:>8} {:>7} {:>13}",
        "route", "clients", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "% of ceiling"
    )
}

pub fn table_row(result: &RouteResult) -> String {
    let ran_out = if result.ran_out {
        "  RAN OUT of links"
    } else {
        ""
    };
    format!(
        "{:<15} {:>7} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>7} {:>13}{ran_out}",
        result.route.name(),
        result.clients,
        result.rps,
        milliseconds(result.latency.p50),
        milliseconds(result.latency.p99),
        milliseconds(result.latency.max),
        result.errors,
        percent_of_ceiling(result.ceiling_ratio),
    )
}

fn percent_of_ceiling(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "-".to_owned(), |ratio| format!("{:.0} %", ratio * 100.0))
}

/// With one decimal, rounded down, so a page just below the goal never reads as "50 %".
fn precise_percent_of_ceiling(ratio: Option<f64>) -> String {
    ratio.map_or_else(
        || "-".to_owned(),
        |ratio| format!("{:.1} %", (ratio * 1000.0).floor() / 10.0),
    )
}

/// Whether every page at this concurrency reached the goal share of the ceiling (the
/// routes with goals of their own are judged in `goals.rs`).
pub fn goal_verdict(clients: usize, results: &[RouteResult]) -> String {
    let pages: Vec<&RouteResult> = results
        .iter()
        .filter(|r| r.clients == clients && !r.is_ceiling() && r.route.has_ceiling_goal())
        .collect();
    let goal = format!("{:.0} %", GOAL_CEILING_RATIO * 100.0);
    if pages.is_empty() {
        return format!("{clients:>3} clients: no page held to the ceiling measured");
    }
    let below: Vec<String> = pages
        .iter()
        .filter(|page| !page.meets_goal())
        .map(|page| {
            format!(
                "{} ({})",
                page.route.name(),
                precise_percent_of_ceiling(page.ceiling_ratio)
            )
        })
        .collect();
    if below.is_empty() {
        format!("{clients:>3} clients: goal met, every page reached ≥ {goal} of the ceiling")
    } else {
        format!(
            "{clients:>3} clients: goal NOT met, below {goal} of the ceiling: {}",
            below.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(route: RouteName, clients: usize, ratio: f64) -> RouteResult {
        let latency = LatencySummary {
            p50: Duration::from_micros(1500),
            p99: Duration::from_millis(4),
            max: Duration::from_millis(9),
        };
        RouteResult {
            route,
            clients,
            requests: 100,
            errors: 0,
            rps: 20.0,
            latency,
            ceiling_ratio: Some(ratio),
            ran_out: false,
        }
    }

    #[test]
    fn the_goal_is_met_when_every_page_reaches_half_the_ceiling() {
        let results = [
            result(RouteName::Ceiling, 16, 1.0),
            result(RouteName::Card, 16, 0.5),
            result(RouteName::Search, 16, 0.9),
            result(RouteName::Search, 64, 0.2),
        ];
        assert!(goal_verdict(16, &results).contains("goal met"));
    }

    #[test]
    fn the_verdict_names_the_pages_below_the_goal() {
        let results = [
            result(RouteName::Ceiling, 1, 1.0),
            result(RouteName::Card, 1, 0.8),
            result(RouteName::Search, 1, 0.234),
            result(RouteName::Standard, 1, 0.4996),
        ];
        let verdict = goal_verdict(1, &results);
        assert!(verdict.contains("NOT met"), "{verdict}");
        assert!(verdict.contains("search (23.4 %)"), "{verdict}");
        assert!(verdict.contains("standard (49.9 %)"), "{verdict}");
        assert!(!verdict.contains("card"), "{verdict}");
    }

    #[test]
    fn rows_line_up_with_the_header() {
        let row = table_row(&result(RouteName::FeedbackReport, 64, 0.62));
        assert_eq!(row.chars().count(), table_header().chars().count());
        assert!(row.ends_with("62 %"), "{row}");
        assert!(row.contains("1.50"), "{row}");
        let ran_out = RouteResult {
            ran_out: true,
            ..result(RouteName::SubmitForm, 64, 0.01)
        };
        assert!(table_row(&ran_out).ends_with("RAN OUT of links"));
    }

    #[test]
    fn routes_with_goals_of_their_own_are_not_held_to_the_ceiling() {
        let results = [
            result(RouteName::Ceiling, 16, 1.0),
            result(RouteName::Card, 16, 0.9),
            result(RouteName::SubmitForm, 16, 0.02),
            result(RouteName::FeedbackReport, 16, 0.1),
        ];
        assert!(goal_verdict(16, &results).contains("goal met"));
    }
}
