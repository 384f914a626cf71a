//! The rater's API: the page's script saves every answer through it with the link's cookie and
//! form token, an API client answers with the link as bearer token (a whole form of 80
//! answers in one request), bad input changes nothing, a reused link or a closed round is
//! refused, and the submitted response keeps nothing that leads back to the link.

use leidraad_domain::accounts::Secret;
use reqwest::header::{AUTHORIZATION, COOKIE, WWW_AUTHENTICATE};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::rater::{link_id, open_round_with_rater, rater};
use super::*;
use crate::accounts::world;
use crate::helpers::spawn_app;

/// A request from the rater's page: the cookie (in the browser's jar) and the form token.
async fn from_page(
    browser: &Browser<'_>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = browser
        .client
        .request(method, browser.app.url(path))
        .header("x-csrf-token", &browser.csrf)
        .header("sec-fetch-site", "same-origin");
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

/// A request of an API client holding the link.
async fn with_bearer(
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

async fn problem_code(response: reqwest::Response) -> String {
    let body: Value = response.json().await.unwrap();
    body["code"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_page_autosaves_every_answer_and_comment_through_the_api() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    let form = from_page(&rater, Method::GET, "/api/v1/rater", None).await;
    assert_eq!(form.status(), StatusCode::OK);
    assert_eq!(form.headers()["referrer-policy"], "no-referrer");
    let form: Value = form.json().await.unwrap();
    assert_eq!(form["status"], "open");
    assert_eq!(form["leader"], "Test school-leader");
    assert_eq!(form["group"]["kind"], "team");
    assert_eq!(form["group"]["threshold"], 3);
    assert_eq!(form["group"]["identifiable"], false);
    assert_eq!(form["domains"][0]["id"], "visie");
    assert_eq!(form["domains"][0]["cards"][0]["id"], "visie-01");
    for (answer, stored) in [
        (json!("vaak"), 3),
        (json!(2), 2),
        (json!("kan-niet-beoordelen"), 0),
        (json!("4"), 4),
    ] {
        let saved = from_page(
            &rater,
            Method::PUT,
            "/api/v1/rater/answers/visie-01",
            Some(json!({ "answer": answer })),
        )
        .await;
        assert_eq!(saved.status(), StatusCode::OK, "{answer}");
        let draft = app
            .store
            .draft_of(link_id(&app, &token).await)
            .await
            .unwrap();
        assert_eq!(draft.answers, [("visie-01".to_owned(), stored)], "{answer}");
    }
    for (domain, text) in [("visie", "Helder."), ("algemeen", "Dank je.\nTot ziens.")] {
        let path = format!("/api/v1/rater/comments/{domain}");
        let saved = from_page(&rater, Method::PUT, &path, Some(json!({ "text": text }))).await;
        assert_eq!(saved.status(), StatusCode::OK, "{domain}");
    }
    let form: Value = from_page(&rater, Method::GET, "/api/v1/rater", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(form["answers"]["visie-01"], "vanzelfsprekend");
    assert_eq!(form["comments"]["visie"], "Helder.");
    assert_eq!(form["comments"]["algemeen"], "Dank je.\nTot ziens.");
    let cleared = from_page(
        &rater,
        Method::PUT,
        "/api/v1/rater/answers/visie-01",
        Some(json!({ "answer": null })),
    )
    .await;
    assert_eq!(cleared.status(), StatusCode::OK);
    let draft = app
        .store
        .draft_of(link_id(&app, &token).await)
        .await
        .unwrap();
    assert!(draft.answers.is_empty());
}

#[tokio::test]
async fn a_change_with_the_cookie_needs_the_pages_token_and_this_site() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (_, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    let body = json!({ "answer": "vaak" });
    let no_token = rater
        .client
        .put(app.url("/api/v1/rater/answers/visie-01"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem_code(no_token).await, "cross-site");
    let cross_site = rater
        .client
        .post(app.url("/api/v1/rater/submit"))
        .header("x-csrf-token", &rater.csrf)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let other_origin = rater
        .client
        .put(app.url("/api/v1/rater/answers/visie-01"))
        .header("x-csrf-token", &rater.csrf)
        .header("origin", "https://elders.example")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(other_origin.status(), StatusCode::FORBIDDEN);
    let link = link_id(&app, &token).await;
    assert!(app.store.draft_of(link).await.unwrap().answers.is_empty());
    let state = app
        .store
        .link_by_digest(&Secret::parse(&token).unwrap().digest())
        .await
        .unwrap()
        .unwrap();
    assert!(!state.answered, "the cross-site submit did nothing");
}

#[tokio::test]
async fn an_api_client_submits_80_answers_in_one_request_once() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &[]).await;
    let cards = app.store.round(round).await.unwrap().unwrap().cards;
    assert_eq!(cards.len(), 80);
    let answers: serde_json::Map<String, Value> = cards
        .iter()
        .enumerate()
        .map(|(i, card)| (card.clone(), json!(i % 4 + 1)))
        .collect();
    let body = json!({
        "answers": answers,
        "comments": {"visie": "Een heldere visie.", "algemeen": "Succes!"}
    });
    let submitted = with_bearer(
        &app,
        &token,
        Method::POST,
        "/api/v1/rater/submit",
        Some(body.clone()),
    )
    .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    assert_eq!(
        submitted.json::<Value>().await.unwrap(),
        json!({"submitted": true})
    );
    let responses = app.store.responses_of(round).await.unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0].answers.len(), 80);
    assert_eq!(responses[0].comments.len(), 2);

    let twice = with_bearer(
        &app,
        &token,
        Method::POST,
        "/api/v1/rater/submit",
        Some(body),
    )
    .await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert_eq!(problem_code(twice).await, "feedback-already-submitted");
    let late = with_bearer(
        &app,
        &token,
        Method::PUT,
        "/api/v1/rater/answers/visie-01",
        Some(json!({"answer": 1})),
    )
    .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let form: Value = with_bearer(&app, &token, Method::GET, "/api/v1/rater", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(form["status"], "submitted");
    assert_eq!(form["answers"], json!({}), "never the answers");
    assert_eq!(form["comments"], json!({}));
    assert_eq!(app.store.responses_of(round).await.unwrap().len(), 1);
}

#[tokio::test]
async fn bad_input_is_refused_with_a_code_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let link = link_id(&app, &token).await;
    let put = |path: &'static str, body: Value| {
        let (app, token) = (&app, token.clone());
        async move { with_bearer(app, &token, Method::PUT, path, Some(body)).await }
    };
    let saved = put("/api/v1/rater/answers/visie-01", json!({"answer": "soms"})).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let before = format!("{:?}", app.store.draft_of(link).await.unwrap());
    let control = "a\u{7}b";
    let long = "x".repeat(2001);
    for (path, body, code) in [
        (
            "/api/v1/rater/answers/visie-01",
            json!({"answer": 5}),
            "pile-invalid",
        ),
        (
            "/api/v1/rater/answers/visie-01",
            json!({"answer": 0}),
            "pile-invalid",
        ),
        (
            "/api/v1/rater/answers/visie-01",
            json!({"answer": "often"}),
            "pile-invalid",
        ),
        (
            "/api/v1/rater/answers/visie-01",
            json!({"anwser": 3}),
            "bad-request",
        ),
        (
            "/api/v1/rater/answers/visie-01",
            json!({"answer": 2.5}),
            "bad-request",
        ),
        (
            "/api/v1/rater/answers/omgeving-01",
            json!({"answer": 3}),
            "card-unknown",
        ),
        (
            "/api/v1/rater/comments/visie",
            json!({"text": control}),
            "feedback-comment-invalid",
        ),
        (
            "/api/v1/rater/comments/visie",
            json!({"text": long}),
            "feedback-comment-invalid",
        ),
        (
            "/api/v1/rater/comments/omgeving",
            json!({"text": "Ja"}),
            "domain-unknown",
        ),
    ] {
        let refused = put(path, body.clone()).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{path} {body}");
        assert_eq!(problem_code(refused).await, code, "{path} {body}");
    }
    for body in [
        json!({"answers": {"visie-01": 3, "visie-02": 5}}),
        json!({"answers": {"visie-01": 3, "omgeving-01": 2}}),
        json!({"answers": {"visie-01": null}}),
        json!({"comments": {"visie": "\u{1b}"}}),
        json!({"comments": {"onbekend": "Ja"}}),
        // A misspelt part would otherwise submit the draft as it is.
        json!({"answer": {"visie-01": 3}}),
    ] {
        let refused = with_bearer(
            &app,
            &token,
            Method::POST,
            "/api/v1/rater/submit",
            Some(body.clone()),
        )
        .await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{body}");
    }
    assert_eq!(
        format!("{:?}", app.store.draft_of(link).await.unwrap()),
        before
    );
    assert!(app.store.responses_of(round).await.unwrap().is_empty());
    let state = app
        .store
        .link_by_digest(&Secret::parse(&token).unwrap().digest())
        .await
        .unwrap()
        .unwrap();
    assert!(!state.answered);
}

#[tokio::test]
async fn no_credential_is_401_an_unknown_link_404_and_a_session_is_no_link() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let _ = open_round_with_rater(&app, &world, &["visie"]).await;
    let nothing = app.get("/api/v1/rater").await;
    assert_eq!(nothing.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(nothing.headers()[WWW_AUTHENTICATE], "Bearer");
    let unknown = with_bearer(&app, &"0".repeat(64), Method::GET, "/api/v1/rater", None).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(problem_code(unknown).await, "not-found");
    let garbage = app
        .client
        .get(app.url("/api/v1/rater"))
        .header(COOKIE, "leidraad_link=garbage")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::NOT_FOUND);
    // A signed-in member's session opens no link.
    let member = Browser::signed_in(&app, LEADER).await;
    let session = member.get("/api/v1/rater").await;
    assert_eq!(session.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn after_closing_the_api_refuses_answers_with_409() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let closed = leader
        .post(&format!("/feedback/{round}/sluiten"), &[])
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let late = with_bearer(
        &app,
        &token,
        Method::PUT,
        "/api/v1/rater/answers/visie-01",
        Some(json!({"answer": 3})),
    )
    .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert_eq!(problem_code(late).await, "feedback-round-closed");
    let submit = with_bearer(&app, &token, Method::POST, "/api/v1/rater/submit", None).await;
    assert_eq!(submit.status(), StatusCode::CONFLICT);
    let form: Value = with_bearer(&app, &token, Method::GET, "/api/v1/rater", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(form["status"], "closed");
}

#[tokio::test]
async fn the_submitted_response_holds_nothing_that_leads_back_to_the_link() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["visie"]).await;
    let rater = rater(&app, &token).await;
    from_page(
        &rater,
        Method::PUT,
        "/api/v1/rater/answers/visie-02",
        Some(json!({"answer": "soms"})),
    )
    .await;
    // A body of `null` is no form: the draft is submitted.
    let submitted = from_page(
        &rater,
        Method::POST,
        "/api/v1/rater/submit",
        Some(json!(null)),
    )
    .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let link = link_id(&app, &token).await;
    let draft = app.store.draft_of(link).await.unwrap();
    assert!(draft.answers.is_empty() && draft.comments.is_empty());
    let responses = app.store.responses_of(round).await.unwrap();
    assert_eq!(responses.len(), 1);
    let team = group(&app, round, "team").await;
    assert_eq!(responses[0].group_id, team, "only its group");
    assert_eq!(responses[0].answers, [("visie-02".to_owned(), 2)]);
    let stored = format!("{responses:?}");
    let digest = Secret::parse(&token).unwrap().digest();
    assert!(
        !stored.contains(&token) && !stored.contains(&digest),
        "{stored}"
    );
}
