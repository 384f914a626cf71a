//! The results as JSON for machines (`--output`, default `target/bench/results.json`).

use std::path::Path;

use serde::Serialize;

use super::{Report, RouteResult};
use crate::development::DevelopmentFixture;
use crate::dialogue::{DialogueResult, GOAL_P99, GOAL_RESIDENT_MB};
use crate::memory::{GOAL_AFTER_SIGN_INS_MB, GOAL_IDLE_MB, MemoryResult};
use crate::scan::ScanFixture;
use crate::stats::{LatencySummary, milliseconds};

/// The JSON file's shape; fields in the order they are written.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    binary: &'a str,
    database: &'a str,
    duration_s: f64,
    warmup_s: f64,
    memory: Option<JsonMemory>,
    dialogue: Option<JsonDialogue>,
    scan: Option<JsonScan>,
    development: Option<JsonDevelopment>,
    results: Vec<JsonResult<'a>>,
}

/// The leader's log behind log-page and portfolio-pdf: sizes, and times in seconds or ms.
#[derive(Debug, Serialize)]
struct JsonDevelopment {
    activities: usize,
    /// Added by the bench through the API, beside the demo's.
    added: usize,
    adding_seconds: f64,
    log_page_bytes: usize,
    pdf_bytes: usize,
    /// The first `GET /portfolio.pdf`, before any load.
    first_pdf_ms: f64,
}

impl JsonDevelopment {
    fn new(development: &DevelopmentFixture) -> Self {
        JsonDevelopment {
            activities: development.activities,
            added: development.added,
            adding_seconds: development.adding.as_secs_f64(),
            log_page_bytes: development.log_bytes,
            pdf_bytes: development.pdf_bytes,
            first_pdf_ms: milliseconds(development.first_pdf),
        }
    }
}

/// The team scans behind scan-submit and scan-results: sizes, and times in seconds or ms.
#[derive(Debug, Serialize)]
struct JsonScan {
    submit: Option<JsonScanLinks>,
    results: Option<JsonReleasedScan>,
}

#[derive(Debug, Serialize)]
struct JsonScanLinks {
    scan: i64,
    schools: usize,
    links: usize,
    links_seconds: f64,
    response_bytes: usize,
}

#[derive(Debug, Serialize)]
struct JsonReleasedScan {
    scan: i64,
    schools: usize,
    respondents: usize,
    with_open_answers: usize,
    /// Opening a link and submitting, for every respondent, several at once.
    answering_seconds: f64,
    /// `POST …/release` until its 204: the results computed once over every response.
    release_ms: f64,
    page_bytes: usize,
}

impl JsonScan {
    fn new(scan: &ScanFixture) -> Self {
        JsonScan {
            submit: scan.submit.as_ref().map(|links| JsonScanLinks {
                scan: links.scan,
                schools: links.units,
                links: links.tokens.len(),
                links_seconds: links.took.as_secs_f64(),
                response_bytes: links.bodies.first().map_or(0, String::len),
            }),
            results: scan.results.as_ref().map(|released| JsonReleasedScan {
                scan: released.id,
                schools: released.units,
                respondents: released.respondents,
                with_open_answers: released.with_words,
                answering_seconds: released.answering.as_secs_f64(),
                release_ms: milliseconds(released.release),
                page_bytes: released.page_bytes,
            }),
        }
    }
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
            scan: report.scan.as_ref().map(JsonScan::new),
            development: report.development.as_ref().map(JsonDevelopment::new),
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
mod tests;
