//! What each route sends: one fixed request, for save-answer a rotation over requests
//! prepared before the load starts, so the load loop only picks the next one, and for
//! submit-form and scan-submit a list of requests each sent once (every link submits once).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::cli::RouteName;
use crate::fixture::{DEMO_LEADER, Fixture, RaterLinks};
use crate::http::RequestSpec;

/// How many different forms submit-form sends (the link differs in every request).
const FORM_VARIANTS: usize = 16;

/// The piles an answer can be on: 1 nog niet, 2 soms, 3 vaak, 4 vanzelfsprekend.
const PILES: [u8; 4] = [1, 2, 3, 4];

/// The requests of one route, shared by all its clients. Cloning shares the rotation, so the
/// clients together walk through it in order, also across concurrency levels.
#[derive(Debug, Clone)]
pub struct RequestSet {
    requests: Arc<[RequestSpec]>,
    next: Arc<AtomicUsize>,
    /// Each request is sent once; then the set is used up.
    once: bool,
}

impl RequestSet {
    pub fn one(request: RequestSpec) -> Self {
        Self::rotating(vec![request]).expect("one request is not none")
    }

    /// Requests sent in this order, over and over.
    pub fn rotating(requests: Vec<RequestSpec>) -> Result<Self, String> {
        if requests.is_empty() {
            return Err("a route needs at least one request".into());
        }
        Ok(RequestSet {
            requests: requests.into(),
            next: Arc::new(AtomicUsize::new(0)),
            once: false,
        })
    }

    /// Requests sent in this order, each once: requests that cannot be repeated.
    pub fn once(requests: Vec<RequestSpec>) -> Result<Self, String> {
        Ok(RequestSet {
            once: true,
            ..Self::rotating(requests)?
        })
    }

    /// The next request: no allocation, one atomic add when there is more than one. `None`
    /// once a set of requests sent once is used up.
    pub fn next(&self) -> Option<&RequestSpec> {
        match &*self.requests {
            [only] if !self.once => Some(only),
            requests => {
                let ticket = self.next.fetch_add(1, Ordering::Relaxed);
                if self.once {
                    requests.get(ticket)
                } else {
                    Some(&requests[ticket % requests.len()])
                }
            }
        }
    }
}

/// Prepares the requests of a route; the signed-in routes need the fixture.
pub fn for_route(route: RouteName, fixture: Option<&Fixture>) -> Result<RequestSet, String> {
    if !route.needs_fixture() {
        return Ok(RequestSet::one(RequestSpec::get(route.path())?));
    }
    let fixture = fixture.ok_or_else(|| format!("{} needs the fixture", route.name()))?;
    match route {
        RouteName::SaveAnswer => {
            let open = fixture.open.as_ref().ok_or_else(|| {
                format!(
                    "save-answer needs an open reflection of {DEMO_LEADER}, \
                     and the demo data has none"
                )
            })?;
            if open.card_keys.is_empty() {
                return Err(format!(
                    "save-answer needs cards, and reflection {} of {DEMO_LEADER} has none",
                    open.id
                ));
            }
            RequestSet::rotating(save_answer_requests(
                &fixture.token,
                open.id,
                &open.card_keys,
            )?)
        }
        RouteName::Profile => {
            let id = fixture.finished.ok_or_else(|| {
                format!(
                    "profile needs a finished reflection of {DEMO_LEADER}, \
                     and the demo data has none"
                )
            })?;
            Ok(RequestSet::one(
                RequestSpec::get(&format!("/reflecties/{id}"))?.with_bearer(&fixture.token)?,
            ))
        }
        RouteName::SubmitForm => {
            let links = fixture.rater_links.as_ref().ok_or_else(|| {
                "submit-form needs fresh rater links, and the fixture made none".to_owned()
            })?;
            RequestSet::once(submit_form_requests(links)?)
        }
        RouteName::FeedbackReport => {
            let id = fixture.released_round.ok_or_else(|| {
                format!(
                    "feedback-report needs a released 360° round of {DEMO_LEADER}, \
                     and the fixture made none"
                )
            })?;
            Ok(RequestSet::one(
                RequestSpec::get(&format!("/feedback/{id}/rapport"))?
                    .with_bearer(&fixture.token)?,
            ))
        }
        RouteName::ScanSubmit => {
            let links = scans(fixture)?.submit.as_ref().ok_or_else(|| {
                "scan-submit needs fresh respondent links, and the fixture made none".to_owned()
            })?;
            RequestSet::once(crate::scan::submit_requests(links)?)
        }
        RouteName::ScanResults => {
            let released = scans(fixture)?.results.as_ref().ok_or_else(|| {
                "scan-results needs a released team scan, and the fixture made none".to_owned()
            })?;
            Ok(RequestSet::one(crate::scan::results_request(
                released.id,
                &released.cookie,
            )?))
        }
        RouteName::LogPage | RouteName::PortfolioPdf => {
            let development = fixture.development.as_ref().ok_or_else(|| {
                format!(
                    "{} needs {DEMO_LEADER}'s session and log, and the fixture made none",
                    route.name()
                )
            })?;
            Ok(RequestSet::one(if route == RouteName::LogPage {
                crate::development::log_request(&development.cookie)?
            } else {
                crate::development::pdf_request(&development.cookie)?
            }))
        }
        RouteName::Dialogue => Err("dialogue is a scenario of its own, not a loaded route".into()),
        _ => unreachable!("only the signed-in routes need the fixture"),
    }
}

fn scans(fixture: &Fixture) -> Result<&crate::scan::ScanFixture, String> {
    fixture.scans.as_ref().ok_or_else(|| {
        "the team scan routes need the board's scans, and the fixture made none".into()
    })
}

/// One `POST /api/v1/rater/submit` per link, with the link's token and a whole form (one of
/// a few, shared).
fn submit_form_requests(links: &RaterLinks) -> Result<Vec<RequestSpec>, String> {
    if links.tokens.is_empty() || links.form.card_count() == 0 {
        return Err("submit-form needs rater links and the cards of their form".into());
    }
    let bodies: Vec<hyper::body::Bytes> = (0..FORM_VARIANTS)
        .map(|rater| links.form.submit_body(rater).into())
        .collect();
    let submit = RequestSpec::post(RouteName::SubmitForm.path())?;
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

/// One `PUT` per card and pile, ordered so that consecutive requests save different cards
/// and each card gets the next pile every time the rotation comes back to it: every write
/// changes the row, and no two clients write the same card at once unless there are more
/// clients than cards.
fn save_answer_requests(
    token: &str,
    reflection: i64,
    card_keys: &[String],
) -> Result<Vec<RequestSpec>, String> {
    let bodies = PILES.map(|pile| hyper::body::Bytes::from(answer_body(pile)));
    let mut requests = Vec::with_capacity(card_keys.len() * PILES.len());
    for body in &bodies {
        for card in card_keys {
            let path = format!(
                "/api/v1/reflections/{reflection}/answers/{}",
                encode_path_segment(card)
            );
            requests.push(
                RequestSpec::put(&path)?
                    .with_bearer(token)?
                    .with_json(body.clone()),
            );
        }
    }
    Ok(requests)
}

/// The answer the autosave sends: a pile, no note or evidence, not starred.
fn answer_body(pile: u8) -> String {
    format!(r#"{{"pile":{pile},"note":"","evidence":"","starred":false}}"#)
}

/// Percent-encodes everything but unreserved characters, so a card key is one path segment.
fn encode_path_segment(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests;
