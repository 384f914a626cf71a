//! The team scan's JSON API: a whole scan from start to results through API tokens and
//! respondents' links as API clients hold them (`whole`), the questionnaire page's cookie and
//! a board's scan across schools (`page`), a board member's estimate and who may give it
//! (`board`); and what is refused, each with its status and problem code and nothing changed
//! in the store: bad settings (`settings`), answers off the questionnaire or the scale
//! (`answers`), a link that answers a second time or after closing or release, and whoever
//! holds neither the scan nor the link (`links`).

use leidraad_domain::accounts::{Secret, digest_of};
use leidraad_domain::space_scan::ScanAnswer;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, COOKIE, REFERRER_POLICY, WWW_AUTHENTICATE};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, World, newest_mail, world};
use crate::feedback::date_in;
use crate::helpers::{TestApp, spawn_app};
use crate::reflections::call;

mod answers;
mod board;
mod links;
mod page;
mod settings;
mod whole;

const LEADER: &str = "school-leader@a.example";
const BOARD: &str = "board-member@a.example";

/// A personal API token of `email`, made on their behalf through the API.
async fn api_token(app: &TestApp, email: &str) -> String {
    let browser = Browser::signed_in(app, email).await;
    let made = call(
        &browser,
        Method::POST,
        "/api/v1/me/tokens",
        Some(json!({"name": "script"})),
    )
    .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    made.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A request with `token` as bearer: an owner's API token, or a respondent's link.
async fn send(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app
        .client
        .request(method, app.url(path))
        .header(AUTHORIZATION, format!("Bearer {token}"));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// A scan body for school A1 of the world, closing in two weeks.
fn new_scan(app: &TestApp, world: &World) -> Value {
    json!({
        "organisation": world.org_a.get(),
        "schools": [world.school_a1.get()],
        "title": "Teamscan voorjaar",
        "closes_on": date_in(app, 14),
    })
}

/// Starts a scan; its JSON (`id`, `units`).
async fn start(app: &TestApp, token: &str, body: Value) -> Value {
    let started = send(app, token, Method::POST, "/api/v1/scans", Some(body)).await;
    assert_eq!(started.status(), StatusCode::CREATED);
    started.json().await.unwrap()
}

/// A new respondent link through a unit's shared link, as an API client opens it.
async fn respondent(app: &TestApp, unit: &Value) -> String {
    let url = unit["share_url"].as_str().unwrap();
    let share = url.rsplit('/').next().unwrap();
    let opened = app
        .client
        .post(app.url(&format!("/api/v1/scan-links/{share}")))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), StatusCode::CREATED);
    assert_eq!(opened.headers()[REFERRER_POLICY], "no-referrer");
    opened.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The problem code of a refusal, after checking its status.
async fn refused(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    let problem: Value = response.json().await.unwrap();
    problem["code"].as_str().unwrap().to_owned()
}

/// Every statement's id, in the questionnaire's order.
fn statement_ids(form: &Value) -> Vec<String> {
    form["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

/// What the store holds of a scan and of the given links: everything a refused request must
/// leave alone.
async fn stored(app: &TestApp, id: i64, links: &[&str]) -> String {
    let store = &app.store;
    let mut held = format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}",
        store.scan(id).await.unwrap(),
        store.units_of(id).await.unwrap(),
        store.scan_response_count(id).await.unwrap(),
        store.scan_estimate(id).await.unwrap(),
        store.scan_results(id).await.unwrap(),
    );
    for token in links {
        let digest = Secret::parse(token).unwrap().digest();
        let link = store.respondent_link(&digest).await.unwrap();
        held.push_str(&format!("|{link:?}"));
        if let Some(link) = link {
            held.push_str(&format!("|{:?}", store.scan_draft(link.id).await.unwrap()));
        }
    }
    held
}

/// A raw body with the JSON content type: malformed JSON, or JSON of the wrong shape.
async fn raw(
    app: &TestApp,
    token: &str,
    method: Method,
    path: &str,
    body: &'static str,
) -> reqwest::Response {
    app.client
        .request(method, app.url(path))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}
