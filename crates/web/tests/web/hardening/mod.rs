//! What an outside test of accounts and reflections found (issue 8), each pinned by a test
//! that fails without its fix: links in mail never follow the Host header, sharing reveals
//! nothing about other organisations, a save never erases text it did not mean to change,
//! names refuse control characters, erasure takes the mail files along, a sign-in over an
//! ended session stands, short idle limits still keep active sessions, cached pages answer
//! only GET, problem titles exist, personal answers are never stored by the browser, and a
//! request never waits for the mail server.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::Browser;
use crate::reflections::call;

mod mail;
mod saves;
mod sessions;
mod sharing;

/// A new reflection on one domain, open for sorting (another open one or not: confirmed).
async fn open_reflection(leader: &Browser<'_>, organisation: i64) -> i64 {
    let started = call(
        leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": organisation, "domains": ["visie"], "confirm": true})),
    )
    .await;
    assert_eq!(started.status(), StatusCode::CREATED);
    started.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// A reflection on one domain, finished.
async fn finished_reflection(leader: &Browser<'_>, organisation: i64) -> i64 {
    let id = open_reflection(leader, organisation).await;
    let finish = format!("/api/v1/reflections/{id}/finish");
    let finished = call(leader, Method::POST, &finish, None).await;
    assert!(finished.status().is_success(), "{}", finished.status());
    id
}
