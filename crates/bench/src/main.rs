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
//! Most routes are anonymous `GET`s of content pages and JSON. Eight are signed in, with a
//! personal API token (`Authorization: Bearer …`), a session cookie, or a rater's or
//! respondent's link:
//!
//! - `save-answer`: the card sort's autosave, `PUT /api/v1/reflections/{id}/answers/{card}`
//!   with a JSON answer, one database write per request. The clients share one rotation over
//!   the cards of an open reflection, and each time it comes back to a card the pile
//!   (1–4) moves on, so every write changes the row. The requests are prepared before the
//!   load, so a client only picks the next one.
//! - `profile`: the HTML profile page `GET /reflecties/{id}` of a finished reflection with
//!   80 answers (radar, tables, focus cards, shares). A finished one, so the page does not
//!   change under the writes of save-answer.
//! - `submit-form`: a rater submits a whole 360° feedback form, 80 answers and comments, in
//!   one `POST /api/v1/rater/submit` with the link's token. A link submits once, so the
//!   fixture first makes `--forms-per-second` (3 000) links per second of warmup and
//!   measurement at every level, and each request takes the next; if they run out, the row
//!   says so and the bench fails. req/s is submitted forms per second.
//! - `feedback-report`: the report page `GET /feedback/{id}/rapport` of a released round
//!   with 30 raters (team 20, colleagues 7, board 3), read with the leader's token.
//! - `scan-submit`: a respondent submits a whole team scan (60 statements, roles, two open
//!   answers, a role named under "Anders") in one `POST /api/v1/respondent/submit` with the
//!   link's token. Like submit-form, each request takes a fresh link, here opened before the
//!   load from the shared links of a board's open scan across 20 schools
//!   (`--scan-responses-per-second`, 3 000, per second of every level).
//! - `scan-results`: the results page `GET /teamscans/{id}/resultaten` of a board's released
//!   scan across 20 schools with `--scan-respondents` (10 000) responses, read with the board
//!   member's session cookie; the release's own time is printed once (`scan/`).
//! - `log-page`: the leader's learning log `GET /logboek` with 200 activities (the demo's and
//!   what the bench adds through the API), read with her session cookie
//!   (`development.rs`).
//! - `portfolio-pdf`: her portfolio as a PDF, `GET /portfolio.pdf`, made on every request
//!   from that log and the demo's plans, reflections, 360° reports and scans.
//!
//! They need a fixture, set up only when one of them is selected: before the server starts,
//! in its fresh data folder (and `--database-url`), `leidraad demo --seed-only` fills the
//! database with the demo organisation and `leidraad admin api-token` makes a token for the
//! demo school leader (`schoolleider.linde@leidraad.example`). Once the server is ready,
//! `GET /api/v1/reflections` gives her open and finished reflections, and
//! `GET /api/v1/reflections/{id}` the open one's card keys; the 360° rounds and their links
//! are made through the leader's and the rater's API (`fixture/feedback.rs`), the team scans
//! through the admin's, the board member's and the respondents' (`scan/`, with API tokens for
//! the demo's admin and board member too). The bench stops with a message when any of that is
//! missing or refused. The writes land in the
//! bench's database: with `--database-url`, use a database made for the bench, since the
//! demo is seeded into it.
//!
//! `dialogue` is a scenario rather than a loaded route (`dialogue/`): `--dialogue-participants`
//! (500) join one live dialogue of the leader's and follow it by server-sent events, each on a
//! raw TCP connection of its own, while the leader moves to the next card
//! `--dialogue-actions` (50) times; the bench reports when the card reached every participant
//! (p50/p99/max from the moment the POST was sent) and the server's resident memory before
//! and with the streams open. It runs after the fixture and before the load. On PostgreSQL
//! the participants are spread over two instances on the same database (a second `serve` is
//! started for it; `--dialogue-instances 1` keeps one).
//!
//! The clients use hyper's low-level HTTP/1.1 connection rather than reqwest: no pool, no
//! extra layers, so less client work competes with the server for the CPU.
//!
//! Before the load, the memory rows (`memory.rs`): resident memory of `leidraad serve` and of
//! `leidraad demo` when idle after start, and of the demo server after `--sign-ins` (200)
//! sign-ins at once, each server on a fresh data folder of its own. Goals: under 40 MB idle,
//! under 120 MB after the sign-ins. `--no-memory` leaves them out, `--memory-only` runs
//! nothing else.
//!
//! Run it from the workspace root:
//!
//! ```text
//! cargo build --release -p leidraad && cargo run --release -p leidraad-bench
//! cargo run --release -p leidraad-bench -- --routes card,search --concurrency 16 --duration 2
//! cargo run --release -p leidraad-bench -- --routes save-answer,profile
//! cargo run --release -p leidraad-bench -- --memory-only --sign-ins 200
//! cargo run --release -p leidraad-bench -- --routes dialogue --concurrency 1 --no-memory
//! cargo run --release -p leidraad-bench -- --routes scan-submit,scan-results --no-memory
//! cargo run --release -p leidraad-bench -- \
//!     --database-url postgres://postgres@127.0.0.1:5432/leidraad_bench
//! ```
//!
//! The PostgreSQL database must exist, and be new for the signed-in routes, which seed the
//! demo into it (`dropdb --if-exists leidraad_bench && createdb leidraad_bench`); the server
//! migrates it on start. Results go to stdout as a table and to `--output` (default
//! `target/bench/results.json`) as JSON.

mod cli;
mod console;
mod development;
mod dialogue;
mod fixture;
mod goals;
mod http;
mod load;
mod memory;
mod rater_form;
mod report;
mod requests;
mod scan;
mod server;
mod stats;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::{Args, RouteName};
use dialogue::{DialoguePlan, DialogueResult};
use load::LoadPlan;
use report::{Report, RouteResult};
use requests::RequestSet;
use server::{DataDir, ServerProcess};

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
    let routes = args.selected_routes();
    let database_url = args.database_url.as_deref();
    // Checked before anything starts: two instances need PostgreSQL.
    let dialogue_plan = if routes.contains(&RouteName::Dialogue) {
        Some(args.dialogue_plan()?)
    } else {
        None
    };
    // Memory first, on servers of its own, before any load has touched a server.
    let memory = if args.no_memory {
        None
    } else {
        println!(
            "Measuring resident memory: idle, and after {} sign-ins at once …",
            args.sign_ins
        );
        let measured = runtime.block_on(until_interrupted(memory::measure(
            &args.binary,
            database_url,
            args.sign_ins as usize,
        )))?;
        println!("{}\n", memory::table(&measured));
        Some(measured)
    };
    if args.memory_only {
        let report = Report {
            binary: args.binary.display().to_string(),
            database: database_kind(database_url),
            duration: args.duration,
            warmup: args.warmup,
            memory,
            dialogue: None,
            scan: None,
            development: None,
            results: Vec::new(),
        };
        report::write_json(&args.output, &report)?;
        println!("results written to {}", args.output.display());
        return Ok(());
    }
    let data_dir = DataDir::fresh()?;
    let tokens = if routes.iter().any(|route| route.needs_fixture()) {
        let board = routes.iter().any(|route| route.needs_board());
        println!(
            "Seeding the demo data and making an API token for {}{} …",
            fixture::DEMO_LEADER,
            if board {
                format!(", {} and {}", fixture::DEMO_ADMIN, fixture::DEMO_BOARD)
            } else {
                String::new()
            }
        );
        Some(fixture::seed(
            &args.binary,
            data_dir.path(),
            database_url,
            board,
        )?)
    } else {
        None
    };
    let mut server = ServerProcess::start(&args.binary, data_dir, database_url)?;
    let measured = runtime.block_on(until_interrupted(bench(
        args,
        &routes,
        dialogue_plan,
        tokens,
        &mut server,
    )));
    // Stop the server before anything else, also when the bench failed.
    drop(server);
    let Measured {
        results,
        dialogue,
        scan,
        development,
    } = measured?;
    let report = Report {
        binary: args.binary.display().to_string(),
        database: database_kind(args.database_url.as_deref()),
        duration: args.duration,
        warmup: args.warmup,
        memory,
        dialogue,
        scan,
        development,
        results,
    };
    console::print_verdicts(args, &report.results);
    if let Some(scan) = &report.scan {
        println!("\n{}", console::scan_lines(scan));
    }
    if let Some(memory) = &report.memory {
        println!("\n{}", memory::table(memory));
    }
    if let Some(dialogue) = &report.dialogue {
        let ceiling = report
            .results
            .iter()
            .find(|r| r.route == RouteName::Ceiling && r.clients == 1)
            .map(|r| r.latency);
        println!("\n{}", dialogue::table(dialogue, ceiling));
    }
    report::write_json(&args.output, &report)?;
    println!("\nresults written to {}", args.output.display());
    console::ran_out(args, &report.results)
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

/// What `bench` measured and made.
struct Measured {
    results: Vec<RouteResult>,
    dialogue: Option<DialogueResult>,
    scan: Option<scan::ScanFixture>,
    development: Option<development::DevelopmentFixture>,
}

/// Waits for the server, sets up the fixture if a route needs it, runs the live dialogue if
/// asked (before any load, so its memory readings start from a server that only made the
/// fixture), checks the routes, then measures every route at every level.
async fn bench(
    args: &Args,
    routes: &[RouteName],
    dialogue_plan: Option<DialoguePlan>,
    tokens: Option<fixture::Tokens>,
    server: &mut ServerProcess,
) -> Result<Measured, String> {
    server.wait_until_ready().await?;
    let fixture = match tokens {
        Some(tokens) => {
            Some(fixture::discover(server.address, tokens, routes, &args.fixture_plan()).await?)
        }
        None => None,
    };
    let dialogue = match (dialogue_plan, &fixture) {
        (Some(plan), Some(fixture)) => {
            println!(
                "Live dialogue: {} participants on {} instance(s), {} \"next card\" actions …",
                plan.participants, plan.instances, plan.actions
            );
            let measured = dialogue::measure(
                plan,
                &args.binary,
                args.database_url.as_deref(),
                server,
                &fixture.token,
            )
            .await?;
            println!(
                "Card at every participant: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms (the \
                 whole table follows the routes).\n",
                stats::milliseconds(measured.arrival.p50),
                stats::milliseconds(measured.arrival.p99),
                stats::milliseconds(measured.arrival.max),
            );
            Some(measured)
        }
        _ => None,
    };
    let prepared = routes
        .iter()
        .filter(|route| !route.is_scenario())
        .map(|&route| Ok((route, requests::for_route(route, fixture.as_ref())?)))
        .collect::<Result<Vec<(RouteName, RequestSet)>, String>>()?;
    load::check_routes(server.address, &prepared).await?;
    console::print_preamble(args, server.address, fixture.as_ref());
    println!("{}", report::table_header());
    let mut results = Vec::new();
    for &clients in &args.concurrency.0 {
        let mut ceiling_rps = 0.0;
        for (route, requests) in &prepared {
            let plan = LoadPlan {
                address: server.address,
                requests: requests.clone(),
                clients,
                warmup: args.warmup,
                duration: args.duration,
            };
            let result = load::measure(*route, &plan, ceiling_rps).await?;
            if *route == RouteName::Ceiling {
                ceiling_rps = result.rps;
            }
            console::print_row(&result);
            results.push(result);
        }
    }
    let (scan, development) = match fixture {
        Some(fixture) => (fixture.scans, fixture.development),
        None => (None, None),
    };
    Ok(Measured {
        results,
        dialogue,
        scan,
        development,
    })
}

/// The start of an unexpected response body, for an error message.
pub(crate) fn excerpt(body: &[u8]) -> String {
    String::from_utf8_lossy(body)
        .chars()
        .take(BODY_EXCERPT_CHARS)
        .collect()
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
