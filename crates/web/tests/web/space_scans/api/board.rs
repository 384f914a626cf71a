//! A board member's estimate through the API: the list of scans to estimate, the estimate
//! saved statement by statement, every refusal with its status and code and nothing changed,
//! and the released results with the board member's list beside the owner's.

use super::*;
use crate::accounts::{add_person, join};

/// What a refusal must leave alone: the scan, and everyone's board estimates.
async fn held(app: &TestApp, id: i64) -> String {
    format!(
        "{}|{:?}",
        stored(app, id, &[]).await,
        app.store.board_estimates(id).await.unwrap()
    )
}

#[tokio::test]
async fn a_board_member_estimates_through_the_api_and_the_results_show_it() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let owner = api_token(&app, LEADER).await;
    let mut body = new_scan(&app, &world);
    body["threshold"] = json!(3);
    let created = start(&app, &owner, body).await;
    let id = created["id"].as_i64().unwrap();
    let board = api_token(&app, BOARD).await;

    let list: Value = send(&app, &board, Method::GET, "/api/v1/scans/board", None)
        .await
        .json()
        .await
        .unwrap();
    let item = &list["scans"][0];
    assert_eq!(list["scans"].as_array().unwrap().len(), 1);
    assert_eq!(
        (
            &item["id"],
            &item["state"],
            &item["schools"],
            &item["estimated"]
        ),
        (&json!(id), &json!("open"), &json!(["School A1"]), &json!(0))
    );
    assert_eq!(item["statements"], 60);
    let mine: Value = send(&app, &owner, Method::GET, "/api/v1/scans/board", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["scans"], json!([]));

    let at = |statement: &str| format!("/api/v1/scans/{id}/board-estimate/{statement}");
    for (statement, answer) in [
        ("ruimte-01", json!("helemaal-eens")),
        ("ruimte-02", json!(4)),
        ("ruimte-03", json!("weet-ik-niet")),
        ("ruimte-04", json!("oneens")),
        ("ruimte-04", json!(null)),
    ] {
        let body = Some(json!({ "answer": answer }));
        let saved = send(&app, &board, Method::PUT, &at(statement), body).await;
        assert_eq!(saved.status(), StatusCode::OK, "{statement} {answer}");
    }
    let path = format!("/api/v1/scans/{id}/board-estimate");
    let estimate = send(&app, &board, Method::GET, &path, None).await;
    assert_eq!(estimate.headers()["cache-control"], "no-store");
    let estimate: Value = estimate.json().await.unwrap();
    assert_eq!(estimate["leader"], "Test school-leader");
    assert_eq!(
        estimate["answers"],
        json!({"ruimte-01": "helemaal-eens", "ruimte-02": "helemaal-eens", "ruimte-03": "weet-ik-niet"})
    );
    assert_eq!(statement_ids(&estimate).len(), 60);
    // The owner's estimate is another thing altogether.
    assert!(app.store.scan_estimate(id).await.unwrap().is_empty());

    // Three answer; the owner releases.
    let unit = &created["units"][0];
    for _ in 0..3 {
        let link = respondent(&app, unit).await;
        let answers = json!({"ratings": {"ruimte-01": "oneens", "ruimte-02": "oneens"}});
        let submit = "/api/v1/respondent/submit";
        let sent = send(&app, &link, Method::POST, submit, Some(answers)).await;
        assert_eq!(sent.status(), StatusCode::OK);
    }
    let release = format!("/api/v1/scans/{id}/release");
    let released = send(&app, &owner, Method::POST, &release, None).await;
    assert_eq!(released.status(), StatusCode::NO_CONTENT);

    let before = held(&app, id).await;
    let late = Some(json!({"answer": "oneens"}));
    let late = send(&app, &board, Method::PUT, &at("ruimte-01"), late).await;
    assert_eq!(
        refused(late, StatusCode::CONFLICT).await,
        "scan-board-estimate-closed"
    );
    assert_eq!(held(&app, id).await, before);
    let fixed: Value = send(&app, &board, Method::GET, &path, None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fixed["state"], "vrijgegeven");

    let results: Value = send(
        &app,
        &owner,
        Method::GET,
        &format!("/api/v1/scans/{id}/results"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    let shown = &results["results"]["shown"];
    assert_eq!(shown["gaps"], json!([]));
    assert_eq!(
        shown["board_gaps"],
        json!([{
            "by": "Test board-member",
            "gaps": [
                {"statement": "ruimte-01", "estimate": 4, "team": 2.0, "gap": 2.0},
                {"statement": "ruimte-02", "estimate": 4, "team": 2.0, "gap": 2.0},
            ],
        }])
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_input_and_anyone_but_a_board_member_change_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let owner = api_token(&app, LEADER).await;
    let created = start(&app, &owner, new_scan(&app, &world)).await;
    let id = created["id"].as_i64().unwrap();
    let board = api_token(&app, BOARD).await;
    let at = |statement: &str| format!("/api/v1/scans/{id}/board-estimate/{statement}");
    let saved = Some(json!({"answer": "eens"}));
    let saved = send(&app, &board, Method::PUT, &at("ruimte-01"), saved).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let before = held(&app, id).await;

    for (statement, body, code) in [
        (
            "ruimte-99",
            json!({"answer": "eens"}),
            "scan-statement-unknown",
        ),
        ("ruimte-99", json!({"answer": ""}), "scan-statement-unknown"),
        (
            "ruimte-02",
            json!({"answer": "bijna"}),
            "scan-answer-invalid",
        ),
        (
            "ruimte-02",
            json!({"answer": "eens\u{7}"}),
            "scan-answer-invalid",
        ),
        ("ruimte-02", json!({"answer": 5}), "scan-answer-invalid"),
    ] {
        let sent = send(&app, &board, Method::PUT, &at(statement), Some(body)).await;
        assert_eq!(
            refused(sent, StatusCode::BAD_REQUEST).await,
            code,
            "{statement}"
        );
        assert_eq!(held(&app, id).await, before);
    }
    let misspelt = raw(
        &app,
        &board,
        Method::PUT,
        &at("ruimte-02"),
        r#"{"anwser": "eens"}"#,
    )
    .await;
    assert_eq!(misspelt.status(), StatusCode::BAD_REQUEST);
    assert_eq!(held(&app, id).await, before);

    // The owner, another school's leader, a member without the board role, an outsider.
    let email = "school-leader-2@a.example";
    let person = add_person(&app, email, "Tweede leider").await;
    let roles = leidraad_domain::accounts::Role::SchoolLeader.into();
    let admin = world.people["admin"].1;
    join(
        &app,
        world.org_a,
        admin,
        person,
        email,
        roles,
        Some(world.school_a2),
    )
    .await;
    for email in [
        LEADER,
        email,
        "staff@a.example",
        "admin@a.example",
        "admin@b.example",
    ] {
        let token = api_token(&app, email).await;
        let body = Some(json!({"answer": "oneens"}));
        let put = send(&app, &token, Method::PUT, &at("ruimte-01"), body).await;
        assert_eq!(
            refused(put, StatusCode::NOT_FOUND).await,
            "not-found",
            "{email}"
        );
        let path = format!("/api/v1/scans/{id}/board-estimate");
        let get = send(&app, &token, Method::GET, &path, None).await;
        assert_eq!(get.status(), StatusCode::NOT_FOUND, "{email}");
        assert_eq!(held(&app, id).await, before);
    }
    let nowhere = format!("/api/v1/scans/{}/board-estimate", id + 99);
    let nowhere = send(&app, &board, Method::GET, &nowhere, None).await;
    assert_eq!(nowhere.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}
