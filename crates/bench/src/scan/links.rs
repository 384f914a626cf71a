//! scan-submit's links: a scan of the board's across its schools, open, and as many fresh
//! respondent links as the load can use, opened from the schools' shared links in turn by a
//! few clients at once (`POST /api/v1/scan-links/{share}`), and the whole responses they
//! submit. Each link submits once.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use super::board::{open_link, questionnaire, start_scan};
use crate::fixture::api::ApiClient;

/// Links opened at once while preparing.
const PREPARING_CLIENTS: usize = 4;

/// How many different responses scan-submit sends (the link differs in every request).
const RESPONSE_VARIANTS: usize = 16;

const TITLE: &str = "Teamscan bestuur (leidraad-bench, open)";

/// Fresh links of an open scan, and the whole responses they submit in turn.
#[derive(Debug, Clone)]
pub struct SubmitLinks {
    pub scan: i64,
    pub tokens: Vec<String>,
    pub bodies: Vec<String>,
    pub units: usize,
    /// How long opening the links took.
    pub took: Duration,
}

impl SubmitLinks {
    pub fn describe(&self) -> String {
        let seconds = self.took.as_secs_f64();
        let bytes = self.bodies.iter().map(String::len).sum::<usize>() / self.bodies.len().max(1);
        format!(
            "… scan {}: {} links over {} schools in {seconds:.1} s ({:.0} links/s); a \
             response is {bytes} bytes.",
            self.scan,
            self.tokens.len(),
            self.units,
            self.tokens.len() as f64 / seconds.max(f64::EPSILON),
        )
    }
}

pub async fn submit_links(
    address: SocketAddr,
    board: &mut ApiClient,
    organisation: i64,
    schools: &[i64],
    count: usize,
) -> Result<SubmitLinks, String> {
    let scan = start_scan(board, organisation, schools, TITLE).await?;
    let started = Instant::now();
    let units = scan.shares.len();
    // Worker w opens links w, w + PREPARING_CLIENTS, …, each in unit (link number mod units).
    let workers: Vec<_> = (0..PREPARING_CLIENTS.min(count))
        .map(|worker| {
            let shares = scan.shares.clone();
            tokio::spawn(async move {
                let mut client = ApiClient::anonymous(address, "a phone opening a shared link");
                let mut made = Vec::with_capacity(count / PREPARING_CLIENTS + 1);
                for number in (worker..count).step_by(PREPARING_CLIENTS) {
                    made.push((
                        number,
                        open_link(&mut client, &shares[number % units]).await?,
                    ));
                }
                Ok::<_, String>(made)
            })
        })
        .collect();
    let mut links = Vec::with_capacity(count);
    for worker in workers {
        let made = worker
            .await
            .map_err(|e| format!("fixture: a preparing client failed: {e}"))??;
        links.extend(made);
    }
    links.sort_unstable_by_key(|(number, _)| *number);
    let tokens: Vec<String> = links.into_iter().map(|(_, token)| token).collect();
    let took = started.elapsed();
    let first = tokens
        .first()
        .ok_or("fixture: scan-submit needs at least one link")?;
    let questionnaire = questionnaire(address, first).await?;
    let bodies = (0..RESPONSE_VARIANTS)
        .map(|respondent| questionnaire.response(respondent, respondent % units, true))
        .collect();
    Ok(SubmitLinks {
        scan: scan.id,
        tokens,
        bodies,
        units,
        took,
    })
}
