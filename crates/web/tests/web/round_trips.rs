//! What a personal page costs the database, counted by the store itself
//! (`Store::statements_sent`; each statement is one round trip on PostgreSQL): at most two,
//! counting who is asking, when the viewer is not in the two-second viewer cache; one when
//! it is. (A session's last-seen time is written at most once a minute, a token's use
//! likewise; neither falls in these measurements.)

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, world};
use crate::helpers::{TestApp, spawn_app};
use crate::reflections::call;

/// The statements one GET of `path` sends: with the viewer cache expired (the app's clock
/// moved past its two seconds), then at once again, from the cache. Three seconds a path:
/// a test stays under the minute after which a session's last-seen time is written.
async fn cost(app: &TestApp, path: &str, get: impl AsyncFn() -> reqwest::Response) -> (u64, u64) {
    app.clock.advance(3);
    let before = app.store.statements_sent();
    let response = get().await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let cold = app.store.statements_sent() - before;
    let before = app.store.statements_sent();
    assert_eq!(get().await.status(), StatusCode::OK, "{path}");
    (cold, app.store.statements_sent() - before)
}

async fn assert_cheap(browser: &Browser<'_>, paths: &[String]) {
    for path in paths {
        let (cold, warm) = cost(browser.app, path, async || browser.get(path).await).await;
        assert!(
            cold <= 2,
            "{path}: {cold} statements without the viewer cache"
        );
        assert!(warm <= 1, "{path}: {warm} statements with it");
    }
}

#[tokio::test]
async fn a_reflection_page_costs_one_statement_and_one_more_for_who_is_asking() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let created = call(
        &leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get()})),
    )
    .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let reflection = format!("/api/v1/reflections/{id}");
    for (n, card) in ["visie-01", "visie-02", "visie-03", "visie-04"]
        .iter()
        .enumerate()
    {
        let body = json!({"pile": n + 1, "note": "omdat", "starred": n == 1});
        let saved = call(
            &leader,
            Method::PUT,
            &format!("{reflection}/answers/{card}"),
            Some(body),
        )
        .await;
        assert_eq!(saved.status(), StatusCode::OK);
    }
    let own = call(
        &leader,
        Method::POST,
        &format!("{reflection}/own-cards"),
        Some(json!({"domain": "visie", "text": "Ik lees elke week"})),
    )
    .await;
    assert_eq!(own.status(), StatusCode::CREATED);
    let focus = call(
        &leader,
        Method::POST,
        &format!("{reflection}/focus"),
        Some(json!({"card": "visie-01"})),
    )
    .await;
    assert_eq!(focus.status(), StatusCode::NO_CONTENT);
    let finished = call(&leader, Method::POST, &format!("{reflection}/finish"), None).await;
    assert_eq!(finished.status(), StatusCode::NO_CONTENT);
    for colleague in ["coach@a.example", "board-member@a.example"] {
        let shared = call(
            &leader,
            Method::POST,
            &format!("{reflection}/shares"),
            Some(json!({"email": colleague})),
        )
        .await;
        assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    }
    // A second moment, open: the profile offers a comparison, and it has a sort page.
    let open = call(
        &leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get()})),
    )
    .await;
    let open = open.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    let pages = [
        format!("/reflecties/{id}"),
        format!("/reflecties/{id}/afdrukken"),
        format!("/reflecties/{id}/export.csv"),
        format!("/reflecties/{id}/export.json"),
    ];
    assert_cheap(&leader, &pages).await;
    // The other personal pages: the sort page, the overview of moments, the account page,
    // and the API's reads of the same.
    let others = [
        format!("/reflecties/{open}/sorteren"),
        "/reflecties".to_owned(),
        "/account".to_owned(),
        "/organisaties".to_owned(),
        "/api/v1/me".to_owned(),
        "/api/v1/reflections".to_owned(),
        format!("/api/v1/reflections/{id}"),
        format!("/api/v1/reflections/{id}/profile"),
    ];
    assert_cheap(&leader, &others).await;
    let profile = leader.get(&pages[0]).await.text().await.unwrap();
    assert!(
        profile.contains("Test coach (coach@a.example)"),
        "the author sees whom it is shared with"
    );

    let coach = Browser::signed_in(&app, "coach@a.example").await;
    assert_cheap(&coach, &pages[..2]).await;
    let shared = coach.get(&pages[0]).await.text().await.unwrap();
    assert!(
        !shared.contains("board-member@a.example"),
        "a reader does not"
    );

    // With an API token, as scripts and the benchmark read it.
    let token = call(
        &leader,
        Method::POST,
        "/api/v1/me/tokens",
        Some(json!({"name": "script"})),
    )
    .await;
    assert_eq!(token.status(), StatusCode::CREATED);
    let token = token.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let by_token = async || {
        app.client
            .get(app.url(&pages[0]))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
    };
    // The first use writes the token's last use, once a minute at most.
    by_token().await;
    let (cold, warm) = cost(&app, &pages[0], by_token).await;
    assert!(cold <= 2 && warm <= 1, "token: {cold} cold, {warm} warm");
}
