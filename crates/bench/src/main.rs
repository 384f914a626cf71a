//! `leidraad-bench`: a load benchmark for the Leidraad server.
//!
//! It starts the release binary as a child process (`leidraad serve` on a free local port,
//! with a fresh temporary data folder and SQLite database, or `--database-url` for
//! PostgreSQL), waits for `/readyz`, and checks that every route answers 200. Then, for each
//! concurrency level and each route, N clients each hold one keep-alive HTTP/1.1 connection
//! and send requests back to back for `--duration` seconds after an unrecorded `--warmup`.
//! Every latency is recorded (from just before sending to the last byte of the body), and the
//! bench reports requests per second, p50/p99/max latency, errors (anything but 200) and the
//! route's throughput as a share of the ceiling's.
//!
//! The ceiling is `/healthz`, which does no work: it shows what the server's HTTP stack and
//! the load generator manage together. The load generator runs on the same machine and cores
//! as the server, so absolute figures say little; compare each row with the ceiling row at
//! the same concurrency. The project's goal is that every page reaches at least 50 % of it.
//!
//! The clients use hyper's low-level HTTP/1.1 connection rather than reqwest: no pool, no
//! extra layers, so less client work competes with the server for the CPU.
//!
//! Run it from the workspace root:
//!
//! ```text
//! cargo build --release -p leidraad && cargo run --release -p leidraad-bench
//! cargo run --release -p leidraad-bench -- --routes card,search --concurrency 16 --duration 2
//! cargo run --release -p leidraad-bench -- \
//!     --database-url postgres://postgres@127.0.0.1:5432/leidraad_bench
//! ```
//!
//! The PostgreSQL database must exist (`createdb leidraad_bench`); the server migrates it
//! on start. Results go to stdout as a table and to `--output` (default
//! `target/bench/results.json`) as JSON.

mod cli;
mod http;
mod load;
mod report;
mod server;
mod stats;

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use hyper::StatusCode;

use cli::{Args, RouteName};
use load::LoadPlan;
use report::{Report, RouteResult};
use server::ServerProcess;
use stats::LatencySummary;

/// How much of an unexpected response body to show in an error message.
const BODY_EXCERPT_CHARS: usize = 300;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("leidraad-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    ensure_binary_exists(&args.binary)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the tokio runtime: {e}"))?;
    let mut server = ServerProcess::start(&args.binary, args.database_url.as_deref())?;
    let results = runtime.block_on(until_interrupted(bench(args, &mut server)));
    // Stop the server before anything else, also when the bench failed.
    drop(server);
    let report = Report {
        binary: args.binary.display().to_string(),
        database: database_kind(args.database_url.as_deref()),
        duration: args.duration,
        warmup: args.warmup,
        results: results?,
    };
    print_verdicts(args, &report.results);
    report::write_json(&args.output, &report)?;
    println!("\nresults written to {}", args.output.display());
    Ok(())
}

fn ensure_binary_exists(binary: &Path) -> Result<(), String> {
    if binary.is_file() {
        return Ok(());
    }
    Err(format!(
        "no app binary at {}.\n\
         Build it first with `cargo build --release -p leidraad` (run from the workspace root), \
         or point --binary at it.",
        binary.display()
    ))
}

fn database_kind(database_url: Option<&str>) -> &'static str {
    match database_url {
        Some(url) if url.starts_with("postgres") => "postgres",
        _ => "sqlite",
    }
}

/// Runs `work` unless Ctrl-C comes first; either way the caller then stops the server.
async fn until_interrupted<T>(work: impl Future<Output = Result<T, String>>) -> Result<T, String> {
    tokio::select! {
        outcome = work => outcome,
        _ = tokio::signal::ctrl_c() => Err("interrupted".into()),
    }
}

/// Waits for the server, checks the routes, then measures every route at every level.
async fn bench(args: &Args, server: &mut ServerProcess) -> Result<Vec<RouteResult>, String> {
    server.wait_until_ready().await?;
    let routes = args.selected_routes();
    check_routes(server.address, &routes).await?;
    print_preamble(args, server.address);
    println!("{}", report::table_header());
    let mut results = Vec::new();
    for &clients in &args.concurrency.0 {
        let mut ceiling_rps = 0.0;
        for &route in &routes {
            let plan = LoadPlan {
                address: server.address,
                path: route.path(),
                clients,
                warmup: args.warmup,
                duration: args.duration,
            };
            let result = measure(route, plan, ceiling_rps).await?;
            if route == RouteName::Ceiling {
                ceiling_rps = result.rps;
            }
            print_row(&result);
            results.push(result);
        }
    }
    Ok(results)
}

/// One request per route before any load: a route that does not answer 200 would only
/// produce a row of errors.
async fn check_routes(address: SocketAddr, routes: &[RouteName]) -> Result<(), String> {
    for route in routes {
        let path = route.path();
        let (status, body) = http::get_once(address, path)
            .await
            .map_err(|e| format!("GET {path} ({}) failed: {e}", route.name()))?;
        if status != StatusCode::OK {
            let excerpt: String = String::from_utf8_lossy(&body)
                .chars()
                .take(BODY_EXCERPT_CHARS)
                .collect();
            return Err(format!(
                "GET {path} ({}) answered {status}, expected 200 OK:\n{excerpt}",
                route.name()
            ));
        }
    }
    Ok(())
}

async fn measure(
    route: RouteName,
    plan: LoadPlan,
    ceiling_rps: f64,
) -> Result<RouteResult, String> {
    let mut measurement = load::run(plan).await?;
    let successes = measurement.latencies.len() as u64;
    let rps = stats::requests_per_second(successes, plan.duration);
    let ceiling_rps = if route == RouteName::Ceiling {
        rps
    } else {
        ceiling_rps
    };
    Ok(RouteResult {
        route,
        clients: plan.clients,
        requests: measurement.requests(),
        errors: measurement.errors,
        rps,
        latency: LatencySummary::from_latencies(&mut measurement.latencies),
        ceiling_ratio: stats::ceiling_ratio(rps, ceiling_rps),
    })
}

fn print_preamble(args: &Args, address: SocketAddr) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "Benchmarking {} ({}) at http://{address}: {} s per run after {} s warmup.",
        args.binary.display(),
        database_kind(args.database_url.as_deref()),
        args.duration.as_secs_f64(),
        args.warmup.as_secs_f64(),
    );
    println!(
        "Client and server share this machine's {cores} cores: compare rows with the ceiling, \
         not across machines. req/s counts 200 responses only.\n"
    );
}

/// Prints a row at once, so a long run shows progress.
fn print_row(result: &RouteResult) {
    println!("{}", report::table_row(result));
    let _ = std::io::stdout().flush();
}

fn print_verdicts(args: &Args, results: &[RouteResult]) {
    println!();
    for &clients in &args.concurrency.0 {
        println!("{}", report::goal_verdict(clients, results));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_kind_follows_the_url() {
        assert_eq!(database_kind(None), "sqlite");
        assert_eq!(database_kind(Some("sqlite:///tmp/x.db")), "sqlite");
        assert_eq!(
            database_kind(Some("postgres://postgres@127.0.0.1/leidraad_bench")),
            "postgres"
        );
        assert_eq!(database_kind(Some("postgresql://h/db")), "postgres");
    }

    #[test]
    fn a_missing_binary_says_how_to_build_it() {
        let message = ensure_binary_exists(Path::new("target/release/no-such-binary")).unwrap_err();
        assert!(
            message.contains("cargo build --release -p leidraad"),
            "{message}"
        );
    }
}
