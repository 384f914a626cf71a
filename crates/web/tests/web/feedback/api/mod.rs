//! The leader's feedback API: a whole round from start to report here; bad input refused with
//! a code and nothing changed, and someone else's round answering 404 on every route, in
//! `refusals`; a coach's approval and reminders that reach only those who have not answered
//! without telling who, in `mail`.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;
use crate::accounts::{decode_mail, link_in, world};
use crate::helpers::spawn_app;
use crate::reflections::call;

mod mail;
mod refusals;

/// A round of the leader on the vision domain, started through the API.
async fn start(leader: &Browser<'_>, world: &World) -> i64 {
    let body = json!({
        "organisation": world.org_a.get(),
        "scope": "domeinen",
        "domains": ["visie"],
        "request": "Hoe ervaren jullie mijn visie?",
        "closes_on": date_in(leader.app, 14),
    });
    let response = call(leader, Method::POST, "/api/v1/feedback", Some(body)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn round_json(browser: &Browser<'_>, id: i64) -> Value {
    let response = call(
        browser,
        Method::GET,
        &format!("/api/v1/feedback/{id}"),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The group of `kind` in a round's JSON.
fn group_in<'a>(round: &'a Value, kind: &str) -> &'a Value {
    round["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} group in {round}"))
}

/// Adds raters to a group; the tokens of the copy links made.
async fn add_raters(leader: &Browser<'_>, id: i64, group: i64, body: Value) -> Vec<String> {
    let path = format!("/api/v1/feedback/{id}/groups/{group}/raters");
    let response = call(leader, Method::POST, &path, Some(body)).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let added: Value = response.json().await.unwrap();
    added["copy_links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|url| {
            let url = url.as_str().unwrap();
            assert!(url.starts_with(&leader.app.url("/b/")), "{url}");
            url.rsplit('/').next().unwrap().to_owned()
        })
        .collect()
}

async fn post(browser: &Browser<'_>, path: &str, body: Option<Value>) -> reqwest::Response {
    call(browser, Method::POST, path, body).await
}

/// The problem code of a refusal, after checking its status.
async fn refused(response: reqwest::Response, status: StatusCode) -> String {
    assert_eq!(response.status(), status);
    let problem: Value = response.json().await.unwrap();
    problem["code"].as_str().unwrap().to_owned()
}

/// What the store holds of a round: everything a refused or foreign request must leave alone.
async fn stored(app: &TestApp, id: i64) -> String {
    let store = &app.store;
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        store.round(id).await.unwrap(),
        store.groups_of(id).await.unwrap(),
        store.links_of(id).await.unwrap(),
        store.progress(id).await.unwrap(),
        store.self_answers(id).await.unwrap(),
        store.report_of(id).await.unwrap(),
        store.report_reading(id).await.unwrap().map(|r| r.viewers),
    )
}

#[tokio::test]
async fn a_whole_round_runs_through_the_api_from_start_to_report() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world).await;
    let round = round_json(&leader, id).await;
    assert_eq!(round["state"], "concept");
    assert_eq!(round["card_ids"].as_array().unwrap().len(), 7, "{round}");
    let kinds: Vec<&str> = round["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["team", "collegas", "bestuur"]);
    let team = group_in(&round, "team")["id"].as_i64().unwrap();
    let board = group_in(&round, "bestuur")["id"].as_i64().unwrap();

    // A board of one is possible only as an identifiable board.
    let removed = call(
        &leader,
        Method::DELETE,
        &format!("/api/v1/feedback/{id}/groups/{board}"),
        None,
    )
    .await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let added = post(
        &leader,
        &format!("/api/v1/feedback/{id}/groups"),
        Some(json!({"kind": "bestuur", "threshold": 3, "identifiable": true})),
    )
    .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let board = added.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let team_tokens = add_raters(&leader, id, team, json!({"copy_links": 3})).await;
    let board_tokens = add_raters(&leader, id, board, json!({"copy_links": 1})).await;
    add_raters(
        &leader,
        id,
        team,
        json!({"raters": [{"email": "teamlid@a.example", "name": "Jansen, Piet"}]}),
    )
    .await;
    for (card, answer) in [("visie-01", json!("vaak")), ("visie-02", json!(4))] {
        let path = format!("/api/v1/feedback/{id}/zelf/{card}");
        let saved = call(&leader, Method::PUT, &path, Some(json!({"answer": answer}))).await;
        assert_eq!(saved.status(), StatusCode::OK, "{card}");
    }

    let round = round_json(&leader, id).await;
    let team_json = group_in(&round, "team");
    assert_eq!(team_json["invited"], 4);
    assert_eq!(team_json["outlook"], "lost-if-two-missing", "{team_json}");
    assert_eq!(team_json["recommended"], 5);
    assert_eq!(group_in(&round, "bestuur")["outlook"], "identifiable");
    assert_eq!(round["self_rated"], 2);
    let named = round["raters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == "teamlid@a.example")
        .unwrap();
    assert_eq!(named["name"], "Jansen, Piet", "a comma stays in a name");

    let sent = post(&leader, &format!("/api/v1/feedback/{id}/send"), None).await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(sent.json::<Value>().await.unwrap()["state"], "open");
    let round = round_json(&leader, id).await;
    assert!(
        round["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["kind"] != "collegas"),
        "the empty group is dropped when sent"
    );

    for token in team_tokens.iter().chain(&board_tokens) {
        submit_in_store(
            &app,
            token,
            &[("visie-01", 4), ("visie-02", 2)],
            &[("visie", "Duidelijke koers")],
        )
        .await;
    }
    let round = round_json(&leader, id).await;
    assert_eq!(group_in(&round, "team")["answered"], 3);
    let early = call(
        &leader,
        Method::GET,
        &format!("/api/v1/feedback/{id}/report"),
        None,
    )
    .await;
    assert_eq!(
        early.status(),
        StatusCode::NOT_FOUND,
        "no report before release"
    );

    let closed = post(&leader, &format!("/api/v1/feedback/{id}/close"), None).await;
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);
    let report = call(
        &leader,
        Method::GET,
        &format!("/api/v1/feedback/{id}/report"),
        None,
    )
    .await;
    assert_eq!(report.status(), StatusCode::OK);
    let report: Value = report.json().await.unwrap();
    assert_eq!(report["own"], true);
    let snapshot = &report["report"];
    let groups = snapshot["groups"].as_array().unwrap();
    let shown: Vec<(&str, bool, &Value)> = groups
        .iter()
        .map(|g| {
            (
                g["kind"].as_str().unwrap(),
                g["shown"].as_bool().unwrap(),
                &g["respondents"],
            )
        })
        .collect();
    assert_eq!(
        shown,
        [("team", true, &json!(3)), ("bestuur", true, &json!(1))],
        "{snapshot}"
    );
    let first = snapshot["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["card"] == "visie-01")
        .unwrap();
    assert_eq!(first["domain"], "visie");
    assert_eq!(first["own"], 3, "the self-rating");
    assert_eq!(first["others"]["mean"], 4.0, "{first}");

    // After release nothing changes any more.
    let late = call(
        &leader,
        Method::PUT,
        &format!("/api/v1/feedback/{id}/zelf/visie-03"),
        Some(json!({"answer": 2})),
    )
    .await;
    assert_eq!(
        refused(late, StatusCode::CONFLICT).await,
        "feedback-round-state"
    );
    let group = post(
        &leader,
        &format!("/api/v1/feedback/{id}/groups"),
        Some(json!({"kind": "team"})),
    )
    .await;
    assert_eq!(
        refused(group, StatusCode::CONFLICT).await,
        "feedback-round-state"
    );
    app.stop().await;
}
