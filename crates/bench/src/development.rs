//! The development plan's log and portfolio (issue 14): two pages of the demo school leader's,
//! read with her session cookie (signed in through `/inloggen`, as a browser is):
//!
//! - `log-page`: the learning log `GET /logboek` with [`LOG_ACTIVITIES`] (200) activities.
//!   The demo gives her some (with evidence files, her cycle and Leidraad's suggestions); the
//!   bench adds the rest through the API as she would (`POST
//!   /api/v1/learning-log/activities`), of every kind, spread over the last two years, with
//!   hours, now and then points, the domains and cards of the demo's own activities in turn,
//!   and both reflections written out.
//! - `portfolio-pdf`: her portfolio as a PDF, `GET /portfolio.pdf`, made on the server from
//!   that same log (and the demo's plans, reflections, 360° reports and scans) on every
//!   request.
//!
//! Before the load the bench reads each page once and keeps its size, and times the first PDF.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use hyper::StatusCode;
use serde::Deserialize;
use serde_json::json;

use crate::cli::RouteName;
use crate::fixture::DEMO_LEADER;
use crate::fixture::api::{ApiClient, sign_in};
use crate::fixture::calendar::{past_day, unix_now};
use crate::http::RequestSpec;

/// The activities in the leader's log that log-page reads.
pub const LOG_ACTIVITIES: usize = 200;

/// The kinds a leader types in herself (Leidraad's own come from its suggestions).
const KINDS: [&str; 8] = [
    "course",
    "training",
    "master-module",
    "intervision",
    "coaching",
    "conference",
    "reading",
    "school-visit",
];

/// What log-page and portfolio-pdf read, and what making it took.
#[derive(Debug, Clone)]
pub struct DevelopmentFixture {
    /// The leader's session cookie, `name=value`.
    pub cookie: String,
    /// Activities in her log; of them, added by the bench.
    pub activities: usize,
    pub added: usize,
    /// Adding them through the API.
    pub adding: Duration,
    pub log_bytes: usize,
    pub pdf_bytes: usize,
    /// The first `GET /portfolio.pdf`, one request on a fresh connection.
    pub first_pdf: Duration,
}

impl DevelopmentFixture {
    pub fn describe(&self) -> String {
        format!(
            "… {} activities in the log ({} added in {:.1} s); the log page is {} KB, the \
             portfolio PDF {} KB (the first took {:.0} ms).",
            self.activities,
            self.added,
            self.adding.as_secs_f64(),
            self.log_bytes / 1024,
            self.pdf_bytes / 1024,
            self.first_pdf.as_secs_f64() * 1000.0
        )
    }
}

/// `GET /api/v1/learning-log/activities`, as far as the bench reads it.
#[derive(Debug, Deserialize)]
struct ActivityList {
    activities: Vec<ListedActivity>,
}

#[derive(Debug, Deserialize)]
struct ListedActivity {
    domains: Vec<String>,
    cards: Vec<String>,
}

/// Fills the leader's log to [`LOG_ACTIVITIES`], signs her in and reads both pages once;
/// `None` when neither route is selected.
pub async fn prepare(
    address: SocketAddr,
    token: &str,
    routes: &[RouteName],
) -> Result<Option<DevelopmentFixture>, String> {
    if !routes.contains(&RouteName::LogPage) && !routes.contains(&RouteName::PortfolioPdf) {
        return Ok(None);
    }
    let mut leader = ApiClient::new(address, DEMO_LEADER, token);
    let path = "/api/v1/learning-log/activities";
    let list: ActivityList = leader.get(path).await?;
    let touched: Vec<(Vec<String>, Vec<String>)> = list
        .activities
        .iter()
        .filter(|a| !a.domains.is_empty() || !a.cards.is_empty())
        .map(|a| (a.domains.clone(), a.cards.clone()))
        .collect();
    let added = LOG_ACTIVITIES.saturating_sub(list.activities.len());
    println!(
        "Filling {DEMO_LEADER}'s learning log to {LOG_ACTIVITIES} activities ({} from the \
         demo, {added} to add) for log-page and portfolio-pdf …",
        list.activities.len()
    );
    let started = Instant::now();
    let today = unix_now();
    for n in 0..added {
        let body = activity_body(n, today, &touched);
        let _: serde_json::Value = leader.post(path, Some(body), StatusCode::CREATED).await?;
    }
    let adding = started.elapsed();
    let list: ActivityList = leader.get(path).await?;
    if list.activities.len() < LOG_ACTIVITIES {
        return Err(format!(
            "fixture: {DEMO_LEADER}'s log holds {} activities after adding, expected \
             {LOG_ACTIVITIES}",
            list.activities.len()
        ));
    }
    let cookie = sign_in(address, DEMO_LEADER).await?;
    let (log_bytes, _) = read_once(address, &log_request(&cookie)?, "text/html").await?;
    let (pdf_bytes, first_pdf) =
        read_once(address, &pdf_request(&cookie)?, "application/pdf").await?;
    Ok(Some(DevelopmentFixture {
        cookie,
        activities: list.activities.len(),
        added,
        adding,
        log_bytes,
        pdf_bytes,
        first_pdf,
    }))
}

/// Activity number `n` the bench adds: every kind in turn, a day in the last two years
/// (inside the demo's cycle), an hour to two days, points on every fourth, the domains and
/// cards of one of the demo's own activities in turn, and both reflections.
fn activity_body(n: usize, today: u64, touched: &[(Vec<String>, Vec<String>)]) -> String {
    let kind = KINDS[n % KINDS.len()];
    let (domains, cards) = if touched.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        touched[n % touched.len()].clone()
    };
    json!({
        "kind": kind,
        "title": format!("Leidraad-bench: {kind} {}", n + 1),
        "date": past_day(today, 1 + (n as u64 * 37) % 700),
        "minutes": 60 + (n as i64 * 45) % 900,
        "points": if n.is_multiple_of(4) { 1 + (n as i64 % 3) } else { 0 },
        "domains": domains,
        "cards": cards,
        "learned": format!(
            "Wat ik leerde bij activiteit {}: hoe ik het gesprek met het team over de \
             onderwijsvisie voer, wat het team daarvoor van mij nodig heeft en hoe ik \
             besluiten samen met de bouwcoördinatoren voorbereid.",
            n + 1
        ),
        "differently": "Ik plan elke maand een teamvergadering waarin het team de agenda \
                        maakt, en ik vraag na afloop wat het opleverde.",
    })
    .to_string()
}

/// The log page, with the leader's session.
pub fn log_request(cookie: &str) -> Result<RequestSpec, String> {
    RequestSpec::get(RouteName::LogPage.path())?.with_cookie(cookie)
}

/// The portfolio as a PDF, with the leader's session.
pub fn pdf_request(cookie: &str) -> Result<RequestSpec, String> {
    RequestSpec::get(RouteName::PortfolioPdf.path())?.with_cookie(cookie)
}

/// Reads a page once on a fresh connection; answers its size and how long it took. It must
/// be 200 and start as `kind` says.
async fn read_once(
    address: SocketAddr,
    request: &RequestSpec,
    kind: &str,
) -> Result<(usize, Duration), String> {
    let started = Instant::now();
    let (status, body) = crate::http::send_once(address, request)
        .await
        .map_err(|e| format!("fixture: {} failed: {e}", request.describe()))?;
    let took = started.elapsed();
    let looks_right = match kind {
        "application/pdf" => body.starts_with(b"%PDF-"),
        _ => body.starts_with(b"<!DOCTYPE html>") || body.starts_with(b"<!doctype html>"),
    };
    if status != StatusCode::OK || !looks_right {
        return Err(format!(
            "fixture: {} with {DEMO_LEADER}'s session answered {status}, expected 200 with \
             {kind}:\n{}",
            request.describe(),
            crate::excerpt(&body)
        ));
    }
    Ok((body.len(), took))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_added_activities_are_valid_and_varied() {
        let touched = vec![
            (vec!["visie".to_owned()], vec![]),
            (vec![], vec!["visie-04".to_owned(), "leren-02".to_owned()]),
        ];
        // 2026-12-02.
        let today = 1_796_170_242;
        let bodies: Vec<serde_json::Value> = (0..200)
            .map(|n| serde_json::from_str(&activity_body(n, today, &touched)).unwrap())
            .collect();
        for body in &bodies {
            let date = body["date"].as_str().unwrap();
            assert!(
                ("2024-12-02".."2026-12-02").contains(&date),
                "{date} is not in the last two years"
            );
            let minutes = body["minutes"].as_i64().unwrap();
            assert!((60..960).contains(&minutes), "{minutes}");
            assert!((0..=3).contains(&body["points"].as_i64().unwrap()));
        }
        let kinds: std::collections::HashSet<&str> =
            bodies.iter().map(|b| b["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds.len(), KINDS.len());
        assert_eq!(bodies[1]["cards"][1], "leren-02");
        assert!(bodies.iter().filter(|b| b["points"] != 0).count() == 50);
        let bare: serde_json::Value = serde_json::from_str(&activity_body(3, today, &[])).unwrap();
        assert_eq!(bare["domains"], json!([]));
    }

    #[test]
    fn both_pages_are_read_with_the_session() {
        let log = log_request("leidraad_session=ab").unwrap();
        assert_eq!(log.describe(), "GET /logboek");
        assert!(log.authorization.is_none());
        assert_eq!(log.headers[0].1, "leidraad_session=ab");
        assert_eq!(
            pdf_request("leidraad_session=ab").unwrap().describe(),
            "GET /portfolio.pdf"
        );
    }
}
