//! The team scan on professional space (issue 13): a board that runs one scan across its
//! schools. Two routes:
//!
//! - `scan-submit`: a respondent submits a whole response in one request, `POST
//!   /api/v1/respondent/submit` with `Authorization: Bearer <link token>` and every statement
//!   rated, a few roles ticked, both open questions answered and a role named under "Anders"
//!   (sixteen different responses in turn). A link submits once, so before the load the bench
//!   starts an open scan across the board's schools and opens `--scan-responses-per-second`
//!   fresh links per second of warmup and measurement at every level, from the schools'
//!   shared links in turn (`POST /api/v1/scan-links/{share}`, as a phone that scans the staff
//!   room's QR code). req/s is responses taken in per second.
//! - `scan-results`: the results page `GET /teamscans/{id}/resultaten`, read with the board
//!   member's session cookie (signed in through `/inloggen`), of a released scan across 20
//!   schools (the demo's two and eighteen the admin adds) with `--scan-respondents` (10 000)
//!   responses, schools of different sizes, the board member's estimate, then released
//!   (`POST /api/v1/scans/{id}/release`), which computes the results once and stores them.
//!   How long the release took is printed and written to `results.json` (`scan`).
//!
//! Everything goes through the API as the board, its admin and the respondents would, with
//! API tokens for the demo's admin and board member (`fixture::seed`).

mod board;
mod body;
mod links;
mod released;

use std::net::SocketAddr;

use crate::cli::RouteName;
use crate::fixture::api::ApiClient;
use crate::fixture::{BoardTokens, DEMO_ADMIN, DEMO_BOARD};
use crate::http::RequestSpec;

pub use links::SubmitLinks;
pub use released::ReleasedScan;

/// The board's schools the scans run across.
pub const SCHOOLS: usize = 20;

/// The most respondent links one school's shared link makes (the store's
/// `MAX_SHARED_LINKS_PER_UNIT`): scan-submit spreads its links evenly over the schools, and
/// `--scan-respondents` is capped so that the largest school stays below it.
pub const MAX_LINKS_PER_SCHOOL: usize = 5_000;

/// How much the scan fixture makes.
#[derive(Debug, Clone)]
pub struct ScanPlan {
    /// Fresh respondent links for scan-submit.
    pub submit_links: usize,
    /// Responses in scan-results' released scan.
    pub respondents: usize,
    /// The share of those respondents who answer the open questions and name a role under
    /// "Anders", in percent; the others rate every statement and tick roles only.
    pub open_percent: u8,
}

/// What the team scan routes use.
#[derive(Debug, Clone)]
pub struct ScanFixture {
    /// scan-submit's links.
    pub submit: Option<SubmitLinks>,
    /// scan-results' released scan.
    pub results: Option<ReleasedScan>,
}

/// Sets up what the selected scan routes need; `None` when neither is selected.
pub async fn prepare(
    address: SocketAddr,
    tokens: &BoardTokens,
    routes: &[RouteName],
    plan: &ScanPlan,
) -> Result<Option<ScanFixture>, String> {
    let wants = |route| routes.contains(&route);
    if !wants(RouteName::ScanSubmit) && !wants(RouteName::ScanResults) {
        return Ok(None);
    }
    let per_school = plan.submit_links.div_ceil(SCHOOLS);
    if wants(RouteName::ScanSubmit) && per_school > MAX_LINKS_PER_SCHOOL {
        return Err(format!(
            "scan-submit would need {} respondent links, {per_school} per school, and a \
             school's shared link makes at most {MAX_LINKS_PER_SCHOOL}: lower \
             --scan-responses-per-second, --duration or the number of --concurrency levels",
            plan.submit_links
        ));
    }
    let mut board = ApiClient::new(address, DEMO_BOARD, &tokens.board);
    let mut admin = ApiClient::new(address, DEMO_ADMIN, &tokens.admin);
    let (organisation, schools) = board::board_schools(&mut admin, &mut board, SCHOOLS).await?;
    let results = if wants(RouteName::ScanResults) {
        println!(
            "Releasing a team scan across {} schools with {} responses for scan-results …",
            schools.len(),
            plan.respondents
        );
        let released =
            released::released_scan(address, &mut board, organisation, &schools, plan).await?;
        println!("{}", released.describe());
        Some(released)
    } else {
        None
    };
    let submit = if wants(RouteName::ScanSubmit) {
        println!(
            "Opening {} fresh respondent links for scan-submit …",
            plan.submit_links
        );
        let links = links::submit_links(
            address,
            &mut board,
            organisation,
            &schools,
            plan.submit_links,
        )
        .await?;
        println!("{}", links.describe());
        Some(links)
    } else {
        None
    };
    Ok(Some(ScanFixture { submit, results }))
}

/// One `POST /api/v1/respondent/submit` per link, with the link's token and a whole response
/// (one of a few, shared).
pub fn submit_requests(links: &SubmitLinks) -> Result<Vec<RequestSpec>, String> {
    if links.tokens.is_empty() || links.bodies.is_empty() {
        return Err("scan-submit needs respondent links and responses to submit".into());
    }
    let bodies: Vec<hyper::body::Bytes> = links
        .bodies
        .iter()
        .map(|body| body.clone().into())
        .collect();
    let submit = RequestSpec::post(RouteName::ScanSubmit.path())?;
    links
        .tokens
        .iter()
        .enumerate()
        .map(|(n, token)| {
            Ok(submit
                .clone()
                .with_bearer(token)?
                .with_json(bodies[n % bodies.len()].clone()))
        })
        .collect()
}

/// The results page of scan `id`, with the owner's session cookie.
pub fn results_request(id: i64, cookie: &str) -> Result<RequestSpec, String> {
    RequestSpec::get(&format!("/teamscans/{id}/resultaten"))?.with_cookie(cookie)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn scan_submit_sends_each_link_once_with_a_whole_response() {
        let links = SubmitLinks {
            scan: 3,
            tokens: vec!["t1".into(), "t2".into(), "t3".into()],
            bodies: vec![r#"{"ratings":{"a":"eens"}}"#.into(), "{}".into()],
            units: 2,
            took: Duration::ZERO,
        };
        let requests = submit_requests(&links).unwrap();
        assert_eq!(requests.len(), 3);
        for (request, token) in requests.iter().zip(["t1", "t2", "t3"]) {
            assert_eq!(request.describe(), "POST /api/v1/respondent/submit");
            assert_eq!(
                request.authorization.as_ref().unwrap(),
                &format!("Bearer {token}")
            );
            assert_eq!(
                request.body.as_ref().unwrap().content_type,
                "application/json"
            );
        }
        assert_eq!(
            requests[2].body.as_ref().unwrap().bytes,
            requests[0].body.as_ref().unwrap().bytes
        );
        let none = SubmitLinks {
            tokens: Vec::new(),
            ..links
        };
        assert!(submit_requests(&none).is_err());
    }

    #[test]
    fn scan_results_reads_the_page_with_the_session() {
        let request = results_request(12, "leidraad_session=ab").unwrap();
        assert_eq!(request.describe(), "GET /teamscans/12/resultaten");
        assert!(request.authorization.is_none());
        assert_eq!(request.headers[0].1, "leidraad_session=ab");
    }
}
