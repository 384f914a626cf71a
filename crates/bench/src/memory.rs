//! Resident memory of the server, the two memory rows of the bench:
//!
//! - **idle**: `leidraad serve` on a fresh, empty database, and `leidraad demo` on a fresh
//!   data folder (it seeds the demo organisation, hashing 15 passwords, and then serves), each
//!   read one settling second after `/readyz` first answers. Goal: under 40 MB.
//! - **after sign-ins**: the same `demo` server after N sign-ins at once (default 200): N
//!   connections are opened, then each posts the sign-in form (`POST /inloggen`, a demo
//!   account's email and `leidraad-demo-2026`) at the same moment. Read one settling second
//!   after the last answer. Every sign-in hashes a password with Argon2id in 19 MiB. Goal:
//!   under 120 MB.
//!
//! Resident memory is `VmRSS` of `/proc/PID/status` (Linux), in MB of 2^20 bytes. Correct
//! passwords are used: the sign-in throttle counts failures only, so none is throttled.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::StatusCode;
use tokio::sync::Barrier;

use crate::http::{Connection, RequestSpec};
use crate::server::{DataDir, ServerProcess};
use crate::stats::{LatencySummary, milliseconds};

/// Resident memory of an idle server should stay under this many MB.
pub const GOAL_IDLE_MB: f64 = 40.0;
/// ... and under this many MB after the sign-ins.
pub const GOAL_AFTER_SIGN_INS_MB: f64 = 120.0;

/// How long after start, or after the last sign-in, the memory is read: time for the
/// server to finish what it started and go quiet.
const SETTLE: Duration = Duration::from_secs(1);

/// The password of every demo account (README).
pub(crate) const DEMO_PASSWORD: &str = "leidraad-demo-2026";

/// The demo accounts (README); the sign-ins take them in turn.
const DEMO_ACCOUNTS: [&str; 15] = [
    "beheerder@leidraad.example",
    "bestuurder@leidraad.example",
    "schoolleider.linde@leidraad.example",
    "schoolleider.regenboog@leidraad.example",
    "coach@leidraad.example",
    "daan.smit@leidraad.example",
    "fatima.el-amrani@leidraad.example",
    "joost.meijer@leidraad.example",
    "lotte.mulder@leidraad.example",
    "priya.ramdin@leidraad.example",
    "bram.de.boer@leidraad.example",
    "emma.bos@leidraad.example",
    "noah.peters@leidraad.example",
    "sara.hendriks@leidraad.example",
    "yusuf.kaya@leidraad.example",
];

/// What the memory runs found.
#[derive(Debug, Clone, PartialEq)]
pub struct MemoryResult {
    /// `serve` on an empty database, idle after start.
    pub idle_serve_mb: f64,
    /// `demo` after seeding, idle after start.
    pub idle_demo_mb: f64,
    /// Sign-ins sent at once.
    pub sign_ins: usize,
    /// `demo` after the sign-ins.
    pub after_sign_ins_mb: f64,
    /// From the first sign-in sent to the last answer.
    pub sign_in_wall: Duration,
    /// Latency of the successful sign-ins (303 to the start page).
    pub sign_in_latency: LatencySummary,
    /// Sign-ins that did not get a 303.
    pub sign_in_errors: u64,
}

impl MemoryResult {
    pub fn sign_ins_per_second(&self) -> f64 {
        if self.sign_in_wall.is_zero() {
            return 0.0;
        }
        self.sign_ins as f64 / self.sign_in_wall.as_secs_f64()
    }
}

/// Runs both servers in turn, each on a fresh data folder, and stops them.
pub async fn measure(
    binary: &Path,
    database_url: Option<&str>,
    sign_ins: usize,
) -> Result<MemoryResult, String> {
    let mut serve = ServerProcess::start(binary, DataDir::fresh()?, database_url)?;
    serve.wait_until_ready().await?;
    tokio::time::sleep(SETTLE).await;
    let idle_serve_mb = serve.resident_mb()?;
    drop(serve);

    let mut demo = ServerProcess::start_command(binary, "demo", DataDir::fresh()?, database_url)?;
    // Seeding hashes 15 passwords before the server listens.
    demo.wait_until_ready().await?;
    tokio::time::sleep(SETTLE).await;
    let idle_demo_mb = demo.resident_mb()?;
    let load = sign_in_at_once(&demo, sign_ins).await?;
    tokio::time::sleep(SETTLE).await;
    let after_sign_ins_mb = demo.resident_mb()?;
    Ok(MemoryResult {
        idle_serve_mb,
        idle_demo_mb,
        sign_ins,
        after_sign_ins_mb,
        sign_in_wall: load.wall,
        sign_in_latency: load.latency,
        sign_in_errors: load.errors,
    })
}

struct SignInLoad {
    wall: Duration,
    latency: LatencySummary,
    errors: u64,
}

/// Opens `count` connections, then sends a sign-in on each at the same moment.
async fn sign_in_at_once(server: &ServerProcess, count: usize) -> Result<SignInLoad, String> {
    let address = server.address;
    let start = Arc::new(Barrier::new(count + 1));
    let requests = (0..count)
        .map(|i| sign_in_request(DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.len()]))
        .collect::<Result<Vec<_>, _>>()?;
    let clients: Vec<_> = requests
        .into_iter()
        .map(|request| {
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                // Every client reaches the barrier, also when it could not connect.
                let connection = Connection::open(address).await;
                start.wait().await;
                let mut connection =
                    connection.map_err(|e| format!("cannot connect for a sign-in: {e}"))?;
                let sent = Instant::now();
                let status = connection.send_and_discard(&request).await;
                Ok::<_, String>((status.ok(), sent.elapsed()))
            })
        })
        .collect();
    start.wait().await;
    let started = Instant::now();
    let mut latencies = Vec::with_capacity(count);
    let mut errors = 0;
    for client in clients {
        let (status, latency) = client
            .await
            .map_err(|e| format!("a sign-in client failed: {e}"))??;
        match status {
            Some(StatusCode::SEE_OTHER) => latencies.push(latency),
            _ => errors += 1,
        }
    }
    Ok(SignInLoad {
        wall: started.elapsed(),
        latency: LatencySummary::from_latencies(&mut latencies),
        errors,
    })
}

fn sign_in_request(email: &str) -> Result<RequestSpec, String> {
    RequestSpec::post_form(
        "/inloggen",
        &[("email", email), ("password", DEMO_PASSWORD)],
    )
}

/// The memory rows for the table, with their goals.
pub fn table(result: &MemoryResult) -> String {
    let row = |what: &str, mb: f64, goal: f64| {
        let verdict = if mb < goal { "met" } else { "NOT met" };
        format!(
            "{what:<40} {mb:>8.1} {:>9} {verdict:>8}",
            format!("< {goal:.0}")
        )
    };
    let header = format!(
        "{:<40} {:>8} {:>9} {:>8}",
        "resident memory", "MB", "goal MB", "goal"
    );
    let latency = &result.sign_in_latency;
    [
        header,
        row(
            "idle: serve, empty database",
            result.idle_serve_mb,
            GOAL_IDLE_MB,
        ),
        row(
            "idle: demo, after seeding",
            result.idle_demo_mb,
            GOAL_IDLE_MB,
        ),
        row(
            &format!("demo after {} sign-ins at once", result.sign_ins),
            result.after_sign_ins_mb,
            GOAL_AFTER_SIGN_INS_MB,
        ),
        format!(
            "({} sign-ins in {:.1} s: {:.1}/s, p50 {:.0} ms, p99 {:.0} ms, {} errors)",
            result.sign_ins,
            result.sign_in_wall.as_secs_f64(),
            result.sign_ins_per_second(),
            milliseconds(latency.p50),
            milliseconds(latency.p99),
            result.sign_in_errors,
        ),
    ]
    .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(idle: f64, after: f64) -> MemoryResult {
        MemoryResult {
            idle_serve_mb: 12.0,
            idle_demo_mb: idle,
            sign_ins: 200,
            after_sign_ins_mb: after,
            sign_in_wall: Duration::from_secs(8),
            sign_in_latency: LatencySummary {
                p50: Duration::from_millis(4000),
                p99: Duration::from_millis(7900),
                max: Duration::from_millis(8000),
            },
            sign_in_errors: 0,
        }
    }

    #[test]
    fn the_table_gives_each_figure_its_goal() {
        let table = table(&result(30.0, 130.5));
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines[2].contains("30.0") && lines[2].ends_with(" met"),
            "{table}"
        );
        assert!(
            lines[3].contains("130.5") && lines[3].ends_with("NOT met"),
            "{table}"
        );
        assert!(lines[3].contains("< 120"), "{table}");
        assert!(lines[4].contains("25.0/s"), "{table}");
        assert_eq!(lines[0].chars().count(), lines[1].chars().count());
    }

    #[test]
    fn every_demo_account_signs_in_with_the_demo_password() {
        let request = sign_in_request(DEMO_ACCOUNTS[2]).unwrap();
        let body = request.body.unwrap().bytes;
        assert_eq!(
            body,
            "email=schoolleider.linde%40leidraad.example&password=leidraad-demo-2026"
        );
    }
}
