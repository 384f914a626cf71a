//! Self-reflection over the API: starting, autosaving answers, own cards, focus cards,
//! finishing, the profile and comparison, and above all privacy: a reflection is its author's
//! alone unless shared by name, and the author can withdraw that.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::Browser;
use crate::helpers::TestApp;

mod api;
mod charts;
mod exports;
mod pages;
mod results;
mod sharing;
mod sorting;

/// A signed-in browser calling the JSON API with the session's CSRF header, as the page's
/// own script does.
pub async fn call(
    browser: &Browser<'_>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = browser
        .client
        .request(method, browser.app.url(path))
        .header("x-csrf-token", &browser.csrf);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

async fn start(browser: &Browser<'_>, organisation: i64, body: Value) -> i64 {
    let mut body = body;
    body["organisation"] = json!(organisation);
    let response = call(browser, Method::POST, "/api/v1/reflections", Some(body)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn answer(browser: &Browser<'_>, id: i64, card: &str, body: Value) -> reqwest::Response {
    call(
        browser,
        Method::PUT,
        &format!("/api/v1/reflections/{id}/answers/{card}"),
        Some(body),
    )
    .await
}

async fn answers(app: &TestApp, id: i64) -> usize {
    app.store.answers(id).await.unwrap().len()
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Sorts `cards` of reflection `id` onto `pile` through the API.
pub async fn sort(leader: &Browser<'_>, id: i64, cards: &[&str], pile: u8) {
    for card in cards {
        let saved = answer(leader, id, card, json!({"pile": pile})).await;
        assert_eq!(saved.status(), StatusCode::OK, "{card}");
    }
}

pub async fn finish(leader: &Browser<'_>, id: i64) {
    let path = format!("/api/v1/reflections/{id}/finish");
    let finished = call(leader, Method::POST, &path, None).await;
    assert!(finished.status().is_success(), "{}", finished.status());
}

pub async fn html(leader: &Browser<'_>, path: &str) -> String {
    let response = leader.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}
