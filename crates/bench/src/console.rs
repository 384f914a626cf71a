//! What the bench prints while and after it runs: the preamble, each row as it comes, the
//! verdicts, the team scans' one-off figures, and the error when prepared links ran out.

use std::io::Write;
use std::net::SocketAddr;

use crate::cli::{Args, RouteName};
use crate::fixture::{self, Fixture};
use crate::report::{self, RouteResult};
use crate::scan::ScanFixture;
use crate::{database_kind, goals};

pub fn print_preamble(args: &Args, address: SocketAddr, fixture: Option<&Fixture>) {
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
         not across machines. req/s counts 200 responses only."
    );
    if let Some(fixture) = fixture {
        let open = fixture.open.as_ref().map_or("none".to_owned(), |open| {
            format!("{} ({} cards)", open.id, open.card_keys.len())
        });
        let finished = fixture
            .finished
            .map_or("none".to_owned(), |id| id.to_string());
        println!(
            "Signed in as {} with an API token: open reflection {open}, finished reflection \
             {finished}.",
            fixture::DEMO_LEADER
        );
        if let Some(id) = fixture.released_round {
            println!("feedback-report reads released round {id} (30 raters).");
        }
        if let Some(links) = &fixture.rater_links {
            println!(
                "submit-form has {} fresh links ({} forms/s over every level's warmup and run).",
                links.tokens.len(),
                args.forms_per_second
            );
        }
        if let Some(released) = fixture.scans.as_ref().and_then(|s| s.results.as_ref()) {
            println!(
                "scan-results reads released team scan {} ({} responses over {} schools) with \
                 {}'s session.",
                released.id,
                released.respondents,
                released.units,
                fixture::DEMO_BOARD
            );
        }
        if let Some(development) = &fixture.development {
            println!(
                "log-page and portfolio-pdf read {}'s log of {} activities with her session \
                 (the page {} KB, the PDF {} KB).",
                fixture::DEMO_LEADER,
                development.activities,
                development.log_bytes / 1024,
                development.pdf_bytes / 1024
            );
        }
        if let Some(links) = fixture.scans.as_ref().and_then(|s| s.submit.as_ref()) {
            println!(
                "scan-submit has {} fresh respondent links ({} responses/s over every level's \
                 warmup and run).",
                links.tokens.len(),
                args.scan_responses_per_second
            );
        }
    }
    println!();
}

/// Prints a row at once, so a long run shows progress.
pub fn print_row(result: &RouteResult) {
    println!("{}", report::table_row(result));
    let _ = std::io::stdout().flush();
}

pub fn print_verdicts(args: &Args, results: &[RouteResult]) {
    println!();
    for &clients in &args.concurrency.0 {
        println!("{}", report::goal_verdict(clients, results));
    }
    for line in goals::verdicts(results) {
        println!("{line}");
    }
}

/// The team scans' one-off figures: making them, and the release of scan-results' scan.
pub fn scan_lines(scan: &ScanFixture) -> String {
    let mut lines = Vec::new();
    if let Some(released) = &scan.results {
        lines.push(format!(
            "scan-results: release of {} responses over {} schools (results computed once): \
             {:.0} ms. Answering them took {:.1} s; the page is {} KB.",
            released.respondents,
            released.units,
            released.release.as_secs_f64() * 1000.0,
            released.answering.as_secs_f64(),
            released.page_bytes / 1024
        ));
    }
    if let Some(links) = &scan.submit {
        lines.push(format!(
            "scan-submit: {} respondent links opened in {:.1} s.",
            links.tokens.len(),
            links.took.as_secs_f64()
        ));
    }
    lines.join("\n")
}

/// A route whose requests were used up measured less than its window: an error, after the
/// results are written.
pub fn ran_out(args: &Args, results: &[RouteResult]) -> Result<(), String> {
    let short = |route: RouteName| -> Vec<String> {
        results
            .iter()
            .filter(|r| r.ran_out && r.route == route)
            .map(|r| format!("{} at {} clients", r.route.name(), r.clients))
            .collect()
    };
    let mut messages = Vec::new();
    let forms = short(RouteName::SubmitForm);
    if !forms.is_empty() {
        messages.push(format!(
            "the prepared rater links ran out ({}): those rows measured less than {} s. \
             {} links were made for {} forms/s; rerun with a higher --forms-per-second.",
            forms.join(", "),
            args.duration.as_secs_f64(),
            args.submit_form_links(),
            args.forms_per_second
        ));
    }
    let responses = short(RouteName::ScanSubmit);
    if !responses.is_empty() {
        messages.push(format!(
            "the prepared respondent links ran out ({}): those rows measured less than {} s. \
             {} links were made for {} responses/s; rerun with a higher \
             --scan-responses-per-second.",
            responses.join(", "),
            args.duration.as_secs_f64(),
            args.scan_submit_links(),
            args.scan_responses_per_second
        ));
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(messages.join("\n"))
    }
}
