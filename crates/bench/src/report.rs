//! The results: a table for people, a verdict on the goal, and JSON for machines.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use crate::cli::RouteName;
use crate::dialogue::{DialogueResult, GOAL_P99, GOAL_RESIDENT_MB};
use crate::memory::{GOAL_AFTER_SIGN_INS_MB, GOAL_IDLE_MB, MemoryResult};
use crate::stats::{GOAL_CEILING_RATIO, LatencySummary, milliseconds};

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

/// The JSON file's shape; fields in the order they are written.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    binary: &'a str,
    database: &'a str,
    duration_s: f64,
    warmup_s: f64,
    memory: Option<JsonMemory>,
    dialogue: Option<JsonDialogue>,
    results: Vec<JsonResult<'a>>,
}

/// The live dialogue: latencies in ms, resident memory in MB per instance (A, then B).
#[derive(Debug, Serialize)]
struct JsonDialogue {
    participants: usize,
    instances: usize,
    actions: usize,
    arrivals: usize,
    missing: usize,
    failed_streams: usize,
    /// From just before the "next card" POST was sent to the card at each participant.
    arrival_p50_ms: f64,
    arrival_p99_ms: f64,
    arrival_max_ms: f64,
    arrival_by_instance: Vec<JsonLatency>,
    /// The same arrivals counted from the 204 (negative: before it).
    from_answer_p50_ms: f64,
    from_answer_p99_ms: f64,
    from_answer_max_ms: f64,
    post: JsonLatency,
    /// Per measured action: `[POST until its 204, until the last participant had the card]`.
    per_action_ms: Vec<[f64; 2]>,
    ceiling_streams_open: JsonLatency,
    connect_seconds: f64,
    memory: Vec<JsonInstanceMemory>,
    goal_p99_ms: f64,
    goal_resident_mb: f64,
}

#[derive(Debug, Serialize)]
struct JsonLatency {
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

impl JsonLatency {
    fn new(latency: &LatencySummary) -> Self {
        JsonLatency {
            p50_ms: milliseconds(latency.p50),
            p99_ms: milliseconds(latency.p99),
            max_ms: milliseconds(latency.max),
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonInstanceMemory {
    streams: usize,
    before_mb: f64,
    streams_open_mb: f64,
    after_actions_mb: f64,
    kb_per_stream: f64,
    cpu_ms_per_action: f64,
}

impl JsonDialogue {
    fn new(result: &DialogueResult) -> Self {
        JsonDialogue {
            participants: result.plan.participants,
            instances: result.plan.instances,
            actions: result.plan.actions,
            arrivals: result.arrivals,
            missing: result.missing,
            failed_streams: result.failed_streams,
            arrival_p50_ms: milliseconds(result.arrival.p50),
            arrival_p99_ms: milliseconds(result.arrival.p99),
            arrival_max_ms: milliseconds(result.arrival.max),
            arrival_by_instance: result
                .arrival_by_instance
                .iter()
                .map(JsonLatency::new)
                .collect(),
            from_answer_p50_ms: result.from_answer_ms.p50,
            from_answer_p99_ms: result.from_answer_ms.p99,
            from_answer_max_ms: result.from_answer_ms.max,
            post: JsonLatency::new(&result.post),
            per_action_ms: result
                .per_action
                .iter()
                .map(|(post, last)| [milliseconds(*post), milliseconds(*last)])
                .collect(),
            ceiling_streams_open: JsonLatency::new(&result.ceiling),
            connect_seconds: result.connect_wall.as_secs_f64(),
            memory: result
                .memory
                .iter()
                .map(|m| JsonInstanceMemory {
                    streams: m.streams,
                    before_mb: m.before_mb,
                    streams_open_mb: m.connected_mb,
                    after_actions_mb: m.after_actions_mb,
                    kb_per_stream: m.per_stream_kb(),
                    cpu_ms_per_action: milliseconds(m.cpu_per_action),
                })
                .collect(),
            goal_p99_ms: milliseconds(GOAL_P99),
            goal_resident_mb: GOAL_RESIDENT_MB,
        }
    }
}

/// Resident memory in MB (2^20 bytes) with the goals, and the sign-in run behind it.
#[derive(Debug, Serialize)]
struct JsonMemory {
    idle_serve_mb: f64,
    idle_demo_mb: f64,
    goal_idle_mb: f64,
    sign_ins: usize,
    after_sign_ins_mb: f64,
    goal_after_sign_ins_mb: f64,
    sign_in_seconds: f64,
    sign_ins_per_second: f64,
    sign_in_p50_ms: f64,
    sign_in_p99_ms: f64,
    sign_in_errors: u64,
}

impl JsonMemory {
    fn new(memory: &MemoryResult) -> Self {
        JsonMemory {
            idle_serve_mb: memory.idle_serve_mb,
            idle_demo_mb: memory.idle_demo_mb,
            goal_idle_mb: GOAL_IDLE_MB,
            sign_ins: memory.sign_ins,
            after_sign_ins_mb: memory.after_sign_ins_mb,
            goal_after_sign_ins_mb: GOAL_AFTER_SIGN_INS_MB,
            sign_in_seconds: memory.sign_in_wall.as_secs_f64(),
            sign_ins_per_second: memory.sign_ins_per_second(),
            sign_in_p50_ms: milliseconds(memory.sign_in_latency.p50),
            sign_in_p99_ms: milliseconds(memory.sign_in_latency.p99),
            sign_in_errors: memory.sign_in_errors,
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonResult<'a> {
    route: &'a str,
    method: &'a str,
    /// For the signed-in routes a pattern: `{id}` and `{card}` come from the fixture.
    path: &'a str,
    clients: usize,
    requests: u64,
    errors: u64,
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    ceiling_ratio: Option<f64>,
    ran_out: bool,
}

impl<'a> JsonReport<'a> {
    fn new(report: &'a Report) -> Self {
        JsonReport {
            binary: &report.binary,
            database: report.database,
            duration_s: report.duration.as_secs_f64(),
            warmup_s: report.warmup.as_secs_f64(),
            memory: report.memory.as_ref().map(JsonMemory::new),
            dialogue: report.dialogue.as_ref().map(JsonDialogue::new),
            results: report.results.iter().map(JsonResult::new).collect(),
        }
    }
}

impl<'a> JsonResult<'a> {
    fn new(result: &'a RouteResult) -> Self {
        JsonResult {
            route: result.route.name(),
            method: result.route.method(),
            path: result.route.path(),
            clients: result.clients,
            requests: result.requests,
            errors: result.errors,
            rps: result.rps,
            p50_ms: milliseconds(result.latency.p50),
            p99_ms: milliseconds(result.latency.p99),
            max_ms: milliseconds(result.latency.max),
            ceiling_ratio: result.ceiling_ratio,
            ran_out: result.ran_out,
        }
    }
}

pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(&JsonReport::new(report)).expect("plain data serialises")
}

/// Writes the report as pretty JSON, creating the folder.
pub fn write_json(path: &Path, report: &Report) -> Result<(), String> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    std::fs::write(path, to_json(report) + "\n")
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
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

    #[test]
    fn json_has_one_entry_per_result() {
        let report = Report {
            binary: "target/release/leidraad".into(),
            database: "sqlite",
            duration: Duration::from_secs(5),
            warmup: Duration::from_secs(1),
            memory: None,
            dialogue: None,
            results: vec![
                result(RouteName::Ceiling, 1, 1.0),
                result(RouteName::Card, 1, 0.5),
            ],
        };
        let text = to_json(&report);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["database"], "sqlite");
        assert_eq!(value["duration_s"], 5.0);
        assert_eq!(value["results"][1]["route"], "card");
        assert_eq!(value["results"][1]["ceiling_ratio"], 0.5);
        assert_eq!(value["results"][1]["p50_ms"], 1.5);
        assert_eq!(value["results"][1]["method"], "GET");
        assert_eq!(value["results"][1]["ran_out"], false);
        assert!(
            text.find("\"route\"") < text.find("\"path\""),
            "fields keep their order"
        );
        assert_eq!(value["memory"], serde_json::Value::Null);
    }

    #[test]
    fn json_has_the_memory_rows_with_their_goals() {
        let report = Report {
            binary: "target/release/leidraad".into(),
            database: "sqlite",
            duration: Duration::from_secs(5),
            warmup: Duration::from_secs(1),
            memory: Some(MemoryResult {
                idle_serve_mb: 12.5,
                idle_demo_mb: 20.0,
                sign_ins: 200,
                after_sign_ins_mb: 60.0,
                sign_in_wall: Duration::from_secs(10),
                sign_in_latency: LatencySummary {
                    p50: Duration::from_millis(5000),
                    p99: Duration::from_millis(9900),
                    max: Duration::from_millis(10_000),
                },
                sign_in_errors: 0,
            }),
            dialogue: None,
            results: Vec::new(),
        };
        let value: serde_json::Value = serde_json::from_str(&to_json(&report)).unwrap();
        let memory = &value["memory"];
        assert_eq!(memory["idle_serve_mb"], 12.5);
        assert_eq!(memory["idle_demo_mb"], 20.0);
        assert_eq!(memory["goal_idle_mb"], 40.0);
        assert_eq!(memory["after_sign_ins_mb"], 60.0);
        assert_eq!(memory["goal_after_sign_ins_mb"], 120.0);
        assert_eq!(memory["sign_ins_per_second"], 20.0);
        assert_eq!(memory["sign_in_p99_ms"], 9900.0);
    }
}
