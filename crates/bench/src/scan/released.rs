//! scan-results' scan: the board member's scan across the board's schools, answered by
//! `--scan-respondents` (10 000) people through the shared links of their schools (a link
//! opened and a whole response submitted, as a phone does, by several clients at once), the
//! board member's estimate, then released, which computes the results once and stores them;
//! and a session of the board member's, as a browser has after signing in.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use hyper::StatusCode;
use serde::Deserialize;
use serde_json::json;

use super::ScanPlan;
use super::board::{StartedScan, open_link, questionnaire, start_scan};
use super::body::Questionnaire;
use crate::fixture::DEMO_BOARD;
use crate::fixture::api::{ApiClient, sign_in};
use crate::rater_form::mix;

/// Respondents answering at once while seeding: enough to keep both cores busy.
const SEEDING_CLIENTS: usize = 8;

const TITLE: &str = "Teamscan bestuur (leidraad-bench, vrijgegeven)";

/// A released scan and what it took to make.
#[derive(Debug, Clone)]
pub struct ReleasedScan {
    pub id: i64,
    /// The board member's session cookie, `name=value`.
    pub cookie: String,
    pub respondents: usize,
    pub units: usize,
    /// Respondents who wrote the open answers and named a role under "Anders".
    pub with_words: usize,
    /// Opening the links and submitting the responses.
    pub answering: Duration,
    /// `POST /api/v1/scans/{id}/release`, to its 204.
    pub release: Duration,
    /// The size of the results page.
    pub page_bytes: usize,
}

impl ReleasedScan {
    pub fn describe(&self) -> String {
        let seconds = self.answering.as_secs_f64();
        format!(
            "… scan {}: {} responses over {} schools ({} with open answers) in {seconds:.1} s \
             ({:.0} responses/s, link and submit each); release took {:.0} ms; the results \
             page is {} KB.",
            self.id,
            self.respondents,
            self.units,
            self.with_words,
            self.respondents as f64 / seconds.max(f64::EPSILON),
            self.release.as_secs_f64() * 1000.0,
            self.page_bytes / 1024,
        )
    }
}

pub async fn released_scan(
    address: SocketAddr,
    board: &mut ApiClient,
    organisation: i64,
    schools: &[i64],
    plan: &ScanPlan,
) -> Result<ReleasedScan, String> {
    let scan = start_scan(board, organisation, schools, TITLE).await?;
    let started = Instant::now();
    let (questionnaire, with_words) = answer_all(address, &scan, plan).await?;
    let answering = started.elapsed();
    for (number, statement) in questionnaire.statements.iter().enumerate() {
        let body = json!({ "answer": questionnaire.estimate(number) }).to_string();
        let _: serde_json::Value = board
            .put(
                &format!("/api/v1/scans/{}/estimate/{statement}", scan.id),
                body,
            )
            .await?;
    }
    let started = Instant::now();
    board
        .post_no_content(&format!("/api/v1/scans/{}/release", scan.id), None)
        .await?;
    let release = started.elapsed();
    check_released(board, scan.id, plan.respondents).await?;
    let cookie = sign_in(address, DEMO_BOARD).await?;
    let page_bytes = results_page(address, scan.id, &cookie).await?;
    Ok(ReleasedScan {
        id: scan.id,
        cookie,
        respondents: plan.respondents,
        units: scan.shares.len(),
        with_words,
        answering,
        release,
        page_bytes,
    })
}

/// Every respondent opens a link of their school's and submits a whole response, a few at a
/// time; the questionnaire comes from the first link. Answers the questionnaire and how many
/// wrote open answers.
async fn answer_all(
    address: SocketAddr,
    scan: &StartedScan,
    plan: &ScanPlan,
) -> Result<(Questionnaire, usize), String> {
    let units = unit_table(scan.shares.len());
    let mut first = ApiClient::anonymous(address, "a respondent");
    let token = open_link(&mut first, &scan.shares[units[0]]).await?;
    let questionnaire = questionnaire(address, &token).await?;
    let percent = plan.open_percent;
    let words = move |respondent: usize| writes_words(respondent, percent);
    submit(
        &mut first,
        &token,
        questionnaire.response(0, units[0], words(0)),
    )
    .await?;
    let workers: Vec<_> = (0..SEEDING_CLIENTS)
        .map(|worker| {
            let questionnaire = questionnaire.clone();
            let shares = scan.shares.clone();
            let units = units.clone();
            let count = plan.respondents;
            tokio::spawn(async move {
                let mut client = ApiClient::anonymous(address, "a respondent");
                let mut respondent = 1 + worker;
                while respondent < count {
                    let unit = units[mix(respondent as u64) as usize % units.len()];
                    let token = open_link(&mut client, &shares[unit]).await?;
                    let body = questionnaire.response(respondent, unit, words(respondent));
                    submit(&mut client, &token, body).await?;
                    respondent += SEEDING_CLIENTS;
                }
                Ok::<_, String>(())
            })
        })
        .collect();
    for worker in workers {
        worker
            .await
            .map_err(|e| format!("fixture: a respondent client failed: {e}"))??;
    }
    let with_words = (0..plan.respondents).filter(|&r| words(r)).count();
    Ok((questionnaire, with_words))
}

/// Whether respondent number `respondent` is among the `percent` % who write the open
/// answers and name a role under "Anders".
fn writes_words(respondent: usize, percent: u8) -> bool {
    mix(respondent as u64 ^ 0x09e0) % 100 < u64::from(percent)
}

/// Units weighted 1 to 4 in turn, so schools differ in size (the largest four times the
/// smallest): each unit's index as often as its weight.
fn unit_table(units: usize) -> Vec<usize> {
    (0..units)
        .flat_map(|unit| std::iter::repeat_n(unit, 1 + unit % 4))
        .collect()
}

async fn submit(client: &mut ApiClient, token: &str, body: String) -> Result<(), String> {
    let _: serde_json::Value = client
        .post_as("/api/v1/respondent/submit", token, body, StatusCode::OK)
        .await?;
    Ok(())
}

/// `GET /api/v1/scans/{id}`, as far as the bench reads it.
#[derive(Debug, Deserialize)]
struct ScanDetail {
    state: String,
    answered: i64,
}

/// The scan is released and counts every response.
async fn check_released(board: &mut ApiClient, id: i64, respondents: usize) -> Result<(), String> {
    let detail: ScanDetail = board.get(&format!("/api/v1/scans/{id}")).await?;
    if detail.state != "vrijgegeven" || detail.answered != respondents as i64 {
        return Err(format!(
            "fixture: scan {id} is `{}` with {} answered after release, expected \
             `vrijgegeven` with {respondents}",
            detail.state, detail.answered
        ));
    }
    Ok(())
}

/// Reads the results page once with the cookie; answers its size.
async fn results_page(address: SocketAddr, id: i64, cookie: &str) -> Result<usize, String> {
    let request = super::results_request(id, cookie)?;
    let (status, body) = crate::http::send_once(address, &request)
        .await
        .map_err(|e| format!("fixture: {} failed: {e}", request.describe()))?;
    if status != StatusCode::OK {
        return Err(format!(
            "fixture: {} with the board member's session answered {status}:\n{}",
            request.describe(),
            crate::excerpt(&body)
        ));
    }
    Ok(body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schools_differ_in_size() {
        let table = unit_table(5);
        assert_eq!(table, [0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4]);
        let table = unit_table(20);
        assert_eq!(table.len(), 50);
        assert!((0..20).all(|unit| table.contains(&unit)));
    }

    #[test]
    fn the_share_with_words_is_about_the_percentage() {
        let count = |percent| (0..10_000).filter(|&r| writes_words(r, percent)).count();
        assert_eq!(count(100), 10_000);
        assert_eq!(count(0), 0);
        assert!((2_700..3_300).contains(&count(30)), "{}", count(30));
    }
}
