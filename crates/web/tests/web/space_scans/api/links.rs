//! A link answers once and nothing after closing or release; without the link, or someone
//! else's scan, nothing is reached.

use super::*;

#[tokio::test]
async fn a_link_answers_once_and_nothing_is_taken_after_closing_or_release() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let owner = api_token(&app, LEADER).await;
    let mut body = new_scan(&app, &world);
    body["threshold"] = json!(3);
    let created = start(&app, &owner, body).await;
    let id = created["id"].as_i64().unwrap();
    let unit = &created["units"][0];
    let links = [
        respondent(&app, unit).await,
        respondent(&app, unit).await,
        respondent(&app, unit).await,
        respondent(&app, unit).await,
    ];
    let answer = json!({"ratings": {"ruimte-01": "eens"}});
    let submit = "/api/v1/respondent/submit";
    for link in &links[..3] {
        let sent = send(&app, link, Method::POST, submit, Some(answer.clone())).await;
        assert_eq!(sent.status(), StatusCode::OK);
    }
    let unanswered = &links[3];
    let saved = send(
        &app,
        unanswered,
        Method::PUT,
        "/api/v1/respondent/answers/ruimte-02",
        Some(json!({"answer": "oneens"})),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let all: Vec<&str> = links.iter().map(String::as_str).collect();
    let before = stored(&app, id, &all).await;

    // A second answer from the same link.
    let again = send(&app, &links[0], Method::POST, submit, Some(answer.clone())).await;
    assert_eq!(
        refused(again, StatusCode::CONFLICT).await,
        "scan-already-answered"
    );
    let change = send(
        &app,
        &links[0],
        Method::PUT,
        "/api/v1/respondent/answers/ruimte-01",
        Some(json!({"answer": "oneens"})),
    )
    .await;
    assert_eq!(
        refused(change, StatusCode::CONFLICT).await,
        "scan-already-answered"
    );
    assert_eq!(stored(&app, id, &all).await, before);

    // After the closing day: the open link takes nothing, and the form says so.
    app.clock.advance(15 * 86_400);
    let late = send(
        &app,
        unanswered,
        Method::PUT,
        "/api/v1/respondent/answers/ruimte-03",
        Some(json!({"answer": "eens"})),
    )
    .await;
    assert_eq!(refused(late, StatusCode::CONFLICT).await, "scan-closed");
    let late = send(&app, unanswered, Method::POST, submit, Some(answer.clone())).await;
    assert_eq!(refused(late, StatusCode::CONFLICT).await, "scan-closed");
    let form: Value = send(&app, unanswered, Method::GET, "/api/v1/respondent", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(form["status"], "closed");
    assert_eq!(stored(&app, id, &all).await, before);

    // Released: the shared link takes nobody, the links are gone with the answers, and a
    // second release is refused.
    let release = format!("/api/v1/scans/{id}/release");
    let released = send(&app, &owner, Method::POST, &release, None).await;
    assert_eq!(released.status(), StatusCode::NO_CONTENT);
    let after = stored(&app, id, &all).await;
    let share = unit["share_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap();
    let opened = app
        .client
        .post(app.url(&format!("/api/v1/scan-links/{share}")))
        .send()
        .await
        .unwrap();
    assert_eq!(refused(opened, StatusCode::CONFLICT).await, "scan-closed");
    let gone = send(&app, unanswered, Method::POST, submit, Some(answer)).await;
    assert_eq!(refused(gone, StatusCode::NOT_FOUND).await, "not-found");
    let twice = send(&app, &owner, Method::POST, &release, None).await;
    assert_eq!(refused(twice, StatusCode::CONFLICT).await, "scan-released");
    assert_eq!(stored(&app, id, &all).await, after);
    app.stop().await;
}

#[tokio::test]
async fn without_the_link_or_the_scan_nothing_is_reached_or_changed() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let owner = api_token(&app, LEADER).await;
    let created = start(&app, &owner, new_scan(&app, &world)).await;
    let id = created["id"].as_i64().unwrap();
    let unit = created["units"][0]["id"].as_i64().unwrap();
    let link = respondent(&app, &created["units"][0]).await;
    let before = stored(&app, id, &[&link]).await;

    // No credential: 401, as for an account.
    let answer = json!({"answer": "eens"});
    let nothing = app
        .client
        .put(app.url("/api/v1/respondent/answers/ruimte-01"))
        .json(&answer)
        .send()
        .await
        .unwrap();
    assert_eq!(nothing.headers()[WWW_AUTHENTICATE], "Bearer");
    assert_eq!(
        refused(nothing, StatusCode::UNAUTHORIZED).await,
        "unauthorized"
    );
    let nothing = app
        .client
        .get(app.url("/api/v1/respondent"))
        .send()
        .await
        .unwrap();
    assert_eq!(nothing.status(), StatusCode::UNAUTHORIZED);
    // A link nobody holds, garbage, or an account's token: as unknown as each other.
    for token in ["garbage", &"0".repeat(64), &owner] {
        let form = send(&app, token, Method::GET, "/api/v1/respondent", None).await;
        assert_eq!(
            refused(form, StatusCode::NOT_FOUND).await,
            "not-found",
            "{token}"
        );
        let put = send(
            &app,
            token,
            Method::PUT,
            "/api/v1/respondent/answers/ruimte-01",
            Some(answer.clone()),
        )
        .await;
        assert_eq!(put.status(), StatusCode::NOT_FOUND, "{token}");
    }
    let garbage = app
        .client
        .post(app.url("/api/v1/scan-links/garbage"))
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::NOT_FOUND);

    // The owner's routes: without a token 401, with a wrong one 401.
    let scan = format!("/api/v1/scans/{id}");
    for token in [None, Some("garbage")] {
        let mut request = app.client.get(app.url(&scan));
        if let Some(token) = token {
            request = request.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        assert_eq!(
            request.send().await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    // Someone else's scan, in the same organisation or another: as if it did not exist.
    let board = api_token(&app, BOARD).await;
    let outsider = api_token(&app, "admin@b.example").await;
    let routes = [
        (Method::GET, scan.clone(), None),
        (Method::GET, format!("{scan}/estimate"), None),
        (
            Method::PUT,
            format!("{scan}/estimate/ruimte-01"),
            Some(json!({"answer": "eens"})),
        ),
        (
            Method::POST,
            format!("{scan}/invitations"),
            Some(json!({"unit": unit, "addresses": "an@school.example"})),
        ),
        (Method::POST, format!("{scan}/release"), None),
        (Method::GET, format!("{scan}/results"), None),
    ];
    for token in [&board, &outsider] {
        for (method, path, body) in &routes {
            let response = send(&app, token, method.clone(), path, body.clone()).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{method} {path}");
        }
        let list: Value = send(&app, token, Method::GET, "/api/v1/scans", None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(list["scans"], json!([]));
    }
    assert_eq!(stored(&app, id, &[&link]).await, before);
    let owner_id = world.people["school-leader"].1;
    assert!(
        app.store
            .scan_invitations(owner_id, id)
            .await
            .unwrap()
            .is_empty()
    );
    app.stop().await;
}
