//! Live dialogues over HTTP: starting and joining, the stream and its catch-up, moderation
//! and anonymity, the formats, the summary and its export, retention; bad input in
//! [`input`]; several instances on one PostgreSQL database in [`instances`].

mod afterwards;
mod flow;
mod formats;
mod input;
mod instances;

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::LOCATION;

use crate::accounts::Browser;
use crate::helpers::TestApp;

pub const LEADER: &str = "school-leader@a.example";

/// Starts a dialogue as `browser` with these fields (title and deck filled in unless given).
pub async fn start(browser: &Browser<'_>, format: &str, extra: &[(&str, &str)]) -> i64 {
    let mut fields = vec![("title", "Teamoverleg"), ("format", format)];
    if !extra.iter().any(|(name, _)| *name == "deck") {
        fields.push(("deck", "dialoogkaarten"));
    }
    fields.extend_from_slice(extra);
    let response = browser.post("/dialogen", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "start {format}");
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    location.trim_start_matches("/dialogen/").parse().unwrap()
}

/// The join code on the facilitator's screen.
pub async fn code_of(browser: &Browser<'_>, id: i64) -> String {
    let html = browser
        .get(&format!("/dialogen/{id}"))
        .await
        .text()
        .await
        .unwrap();
    let at = html
        .find("id=\"join-code\"")
        .expect("the code is on the screen");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find('<').unwrap();
    rest[start..end].replace(' ', "")
}

/// Joins with `code` as a phone without an account; the participant's token.
pub async fn join(app: &TestApp, code: &str, name: &str, anonymous: bool) -> String {
    let mut fields = vec![("code", code), ("name", name)];
    if anonymous {
        fields.push(("anoniem", "ja"));
    }
    let response = app
        .client
        .post(app.url("/meedoen"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "join as {name}");
    let location = response.headers()[LOCATION].to_str().unwrap();
    location.trim_start_matches("/d/").to_owned()
}

/// A facilitator's control, sent as the script sends it.
pub async fn control(
    browser: &Browser<'_>,
    id: i64,
    action: &str,
    extra: &[(&str, &str)],
) -> StatusCode {
    let mut fields = vec![("actie", action), ("csrf_token", browser.csrf.as_str())];
    fields.extend_from_slice(extra);
    browser
        .client
        .post(browser.app.url(&format!("/dialogen/{id}/bediening")))
        .header("accept", "application/json")
        .form(&fields)
        .send()
        .await
        .unwrap()
        .status()
}

/// A participant's form, sent as the script sends it.
pub async fn participant_post(
    app: &TestApp,
    token: &str,
    what: &str,
    fields: &[(&str, &str)],
) -> StatusCode {
    app.client
        .post(app.url(&format!("/d/{token}/{what}")))
        .header("accept", "application/json")
        .form(fields)
        .send()
        .await
        .unwrap()
        .status()
}

/// An open event stream, read event by event.
pub struct Stream {
    response: reqwest::Response,
    buffer: String,
}

/// One event: its number and its JSON.
pub type Received = (i64, serde_json::Value);

impl Stream {
    pub async fn open(client: &reqwest::Client, url: &str, last_event_id: Option<i64>) -> Stream {
        let mut request = client.get(url);
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id.to_string());
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        Stream {
            response,
            buffer: String::new(),
        }
    }

    /// The next event, or None when none arrives within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<Received> {
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut id = None;
                let mut data = None;
                for line in block.lines() {
                    if let Some(value) = line.strip_prefix("id: ") {
                        id = value.parse().ok();
                    } else if let Some(value) = line.strip_prefix("data: ") {
                        data = serde_json::from_str(value).ok();
                    }
                }
                if let (Some(id), Some(data)) = (id, data) {
                    return Some((id, data));
                }
            }
            let chunk = tokio::time::timeout(wait, self.response.chunk())
                .await
                .ok()?;
            let chunk = chunk.unwrap()?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// Every event that arrives until none comes for a moment.
    pub async fn drain(&mut self) -> Vec<Received> {
        let mut events = Vec::new();
        while let Some(event) = self.next(Duration::from_millis(400)).await {
            events.push(event);
        }
        events
    }

    /// Events until one of `kind` arrives (within five seconds), that one included.
    pub async fn until(&mut self, kind: &str) -> Vec<Received> {
        let mut events = Vec::new();
        while let Some(event) = self.next(Duration::from_secs(5)).await {
            let done = event.1["kind"] == kind;
            events.push(event);
            if done {
                return events;
            }
        }
        panic!("no {kind} event came; got {events:?}");
    }
}

pub fn kinds(events: &[Received]) -> Vec<String> {
    events
        .iter()
        .map(|(_, e)| e["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}
