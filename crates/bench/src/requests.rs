//! What each route sends: one fixed request, for save-answer a rotation over requests
//! prepared before the load starts, so the load loop only picks the next one, and for
//! submit-form a list of requests each sent once (every link submits once).

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
        RouteName::Dialogue => Err("dialogue is a scenario of its own, not a loaded route".into()),
        _ => unreachable!("only the signed-in routes need the fixture"),
    }
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
mod tests {
    use super::*;
    use crate::fixture::OpenReflection;

    fn fixture(open: Option<OpenReflection>, finished: Option<i64>) -> Fixture {
        Fixture {
            token: "ab".repeat(32),
            open,
            finished,
            rater_links: None,
            released_round: None,
        }
    }

    fn rater_links(tokens: &[&str]) -> RaterLinks {
        RaterLinks {
            tokens: keys(tokens),
            form: serde_json::from_str(
                r#"{"domains":[{"id":"visie","cards":[{"id":"visie-01"},{"id":"visie-02"}]}]}"#,
            )
            .unwrap(),
            rounds: 1,
            took: std::time::Duration::ZERO,
        }
    }

    fn keys(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| (*k).to_owned()).collect()
    }

    /// (card, pile) of a save-answer request.
    fn card_and_pile(request: &RequestSpec) -> (String, u8) {
        let card = request.uri.path().rsplit('/').next().unwrap().to_owned();
        let body: serde_json::Value =
            serde_json::from_slice(&request.body.as_ref().unwrap().bytes).unwrap();
        (card, body["pile"].as_u64().unwrap() as u8)
    }

    #[test]
    fn fixed_routes_are_one_plain_get() {
        let set = for_route(RouteName::Card, None).unwrap();
        assert_eq!(
            set.next().unwrap().describe(),
            format!("GET {}", RouteName::Card.path())
        );
        assert!(set.next().unwrap().authorization.is_none());
        assert!(std::ptr::eq(set.next().unwrap(), set.next().unwrap()));
    }

    #[test]
    fn save_answer_rotates_cards_and_changes_the_pile_every_lap() {
        let open = OpenReflection {
            id: 7,
            card_keys: keys(&["visie-01", "visie-02", "sociaal-01"]),
        };
        let set = for_route(RouteName::SaveAnswer, Some(&fixture(Some(open), None))).unwrap();
        let sent: Vec<(String, u8)> = (0..14)
            .map(|_| card_and_pile(set.next().unwrap()))
            .collect();
        assert_eq!(sent[0], ("visie-01".into(), 1));
        assert_eq!(sent[1], ("visie-02".into(), 1));
        assert_eq!(sent[3], ("visie-01".into(), 2));
        assert_eq!(sent[11], ("sociaal-01".into(), 4));
        assert_eq!(sent[12], ("visie-01".into(), 1), "the rotation starts over");
        for pair in sent.windows(2) {
            assert_ne!(pair[0].0, pair[1].0, "consecutive writes differ in card");
        }
        for later in 3..sent.len() {
            assert_ne!(
                sent[later].1,
                sent[later - 3].1,
                "each lap changes the pile"
            );
        }
        let request = set.next().unwrap();
        assert_eq!(request.method, hyper::Method::PUT);
        assert_eq!(
            request.uri.path(),
            "/api/v1/reflections/7/answers/sociaal-01"
        );
        assert_eq!(
            request.authorization.as_ref().unwrap(),
            &format!("Bearer {}", "ab".repeat(32))
        );
        assert_eq!(
            request.body.as_ref().unwrap().content_type,
            "application/json"
        );
    }

    #[test]
    fn clones_share_the_rotation() {
        let open = OpenReflection {
            id: 1,
            card_keys: keys(&["a", "b"]),
        };
        let set = for_route(RouteName::SaveAnswer, Some(&fixture(Some(open), None))).unwrap();
        let other = set.clone();
        assert_eq!(card_and_pile(set.next().unwrap()).0, "a");
        assert_eq!(card_and_pile(other.next().unwrap()).0, "b");
        assert_eq!(card_and_pile(set.next().unwrap()), ("a".into(), 2));
    }

    #[test]
    fn the_answer_body_is_what_the_autosave_sends() {
        let body: serde_json::Value = serde_json::from_str(&answer_body(3)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"pile": 3, "note": "", "evidence": "", "starred": false})
        );
    }

    #[test]
    fn profile_reads_the_finished_reflection_with_the_token() {
        let set = for_route(RouteName::Profile, Some(&fixture(None, Some(5)))).unwrap();
        assert_eq!(set.next().unwrap().describe(), "GET /reflecties/5");
        assert!(set.next().unwrap().authorization.is_some());
    }

    #[test]
    fn missing_fixture_parts_are_named() {
        let err = for_route(RouteName::SaveAnswer, Some(&fixture(None, Some(5)))).unwrap_err();
        assert!(err.contains("open reflection"), "{err}");
        let empty = OpenReflection {
            id: 2,
            card_keys: Vec::new(),
        };
        let err = for_route(RouteName::SaveAnswer, Some(&fixture(Some(empty), None))).unwrap_err();
        assert!(err.contains("has none"), "{err}");
        let err = for_route(RouteName::Profile, Some(&fixture(None, None))).unwrap_err();
        assert!(err.contains("finished reflection"), "{err}");
        assert!(for_route(RouteName::Profile, None).is_err());
    }

    #[test]
    fn submit_form_sends_each_link_once_with_a_whole_form() {
        let mut with_links = fixture(None, None);
        with_links.rater_links = Some(rater_links(&["t1", "t2", "t3"]));
        let set = for_route(RouteName::SubmitForm, Some(&with_links)).unwrap();
        let sent: Vec<&RequestSpec> = (0..3).map(|_| set.next().unwrap()).collect();
        assert!(set.next().is_none(), "used up, never repeated");
        assert!(set.clone().next().is_none(), "clones share the count");
        for (request, token) in sent.iter().zip(["t1", "t2", "t3"]) {
            assert_eq!(request.describe(), "POST /api/v1/rater/submit");
            assert_eq!(
                request.authorization.as_ref().unwrap(),
                &format!("Bearer {token}")
            );
            let body = request.body.as_ref().unwrap();
            assert_eq!(body.content_type, "application/json");
            let form: serde_json::Value = serde_json::from_slice(&body.bytes).unwrap();
            assert_eq!(form["answers"].as_object().unwrap().len(), 2);
            assert!(form["comments"]["algemeen"].is_string());
        }
        assert_ne!(
            sent[0].body.as_ref().unwrap().bytes,
            sent[1].body.as_ref().unwrap().bytes,
            "raters answer differently"
        );
    }

    #[test]
    fn feedback_report_reads_the_released_round_with_the_token() {
        let mut released = fixture(None, None);
        released.released_round = Some(12);
        let set = for_route(RouteName::FeedbackReport, Some(&released)).unwrap();
        assert_eq!(set.next().unwrap().describe(), "GET /feedback/12/rapport");
        assert_eq!(
            set.next().unwrap().authorization.as_ref().unwrap(),
            &format!("Bearer {}", "ab".repeat(32))
        );
    }

    #[test]
    fn missing_feedback_fixture_parts_are_named() {
        let err = for_route(RouteName::SubmitForm, Some(&fixture(None, None))).unwrap_err();
        assert!(err.contains("rater links"), "{err}");
        let err = for_route(RouteName::FeedbackReport, Some(&fixture(None, None))).unwrap_err();
        assert!(err.contains("released 360° round"), "{err}");
        let mut empty = fixture(None, None);
        empty.rater_links = Some(rater_links(&[]));
        assert!(for_route(RouteName::SubmitForm, Some(&empty)).is_err());
    }

    #[test]
    fn card_keys_are_encoded_as_one_segment() {
        assert_eq!(encode_path_segment("visie-01"), "visie-01");
        assert_eq!(encode_path_segment("a/b c"), "a%2Fb%20c");
    }
}
