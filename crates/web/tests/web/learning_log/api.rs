//! The learning log's API: a whole log (cycle, activities, a file in and out, suggestions from
//! Leidraad), every refusal with its status and code leaving the log as it was, and who may
//! download a file.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::{LEADER, PDF, PNG, refused};
use crate::accounts::{Browser, world};
use crate::helpers::spawn_app;
use crate::reflections::call;

async fn json_of(response: reqwest::Response) -> Value {
    let status = response.status();
    let text = response.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("{status}: {text}"))
}

fn activity() -> Value {
    json!({
        "kind": "course",
        "title": "Cursus verandermanagement",
        "date": "2026-03-12",
        "minutes": 360,
        "points": 20,
        "domains": ["visie"],
        "cards": ["visie-01"],
        "learned": "Dat verandering tijd kost.",
        "differently": "Ik begin met het waarom."
    })
}

async fn upload(browser: &Browser<'_>, query: &str, bytes: Vec<u8>) -> reqwest::Response {
    browser
        .client
        .post(
            browser
                .app
                .url(&format!("/api/v1/learning-log/evidence?{query}")),
        )
        .header("x-csrf-token", &browser.csrf)
        .header("content-type", "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_log_holds_activities_a_cycle_and_files() {
    let app = spawn_app().await;
    let _world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let response = call(&leader, Method::GET, "/api/v1/learning-log/cycle", None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let body = json!({"start": "2026-01-01", "target": 100});
    let response = call(
        &leader,
        Method::PUT,
        "/api/v1/learning-log/cycle",
        Some(body),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);

    let response = call(
        &leader,
        Method::POST,
        "/api/v1/learning-log/activities",
        Some(activity()),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let id = json_of(response).await["id"].as_i64().unwrap();
    let log = json_of(
        call(
            &leader,
            Method::GET,
            "/api/v1/learning-log/activities",
            None,
        )
        .await,
    )
    .await;
    let first = &log["activities"][0];
    assert_eq!(first["id"], id);
    assert_eq!(first["minutes"], 360);
    assert_eq!(first["domains"], json!(["visie"]));
    let cycle = json_of(call(&leader, Method::GET, "/api/v1/learning-log/cycle", None).await).await;
    assert_eq!(
        (cycle["points"].as_i64(), cycle["still_needed"].as_i64()),
        (Some(20), Some(80))
    );

    let mut changed = activity();
    changed["points"] = json!(30);
    let path = format!("/api/v1/learning-log/activities/{id}");
    let response = call(&leader, Method::PUT, &path, Some(changed)).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        json_of(call(&leader, Method::GET, &path, None).await).await["points"],
        30
    );

    let response = upload(
        &leader,
        &format!("filename=..%2Fcertificaat.pdf&activity={id}"),
        PDF.to_vec(),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let file = json_of(response).await;
    assert_eq!(file["filename"], "certificaat.pdf");
    assert_eq!(file["content_type"], "application/pdf");
    let download = leader
        .get(&format!("/api/v1/learning-log/evidence/{}", file["id"]))
        .await;
    assert_eq!(download.status(), StatusCode::OK);
    let headers = download.headers();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    let response = call(&leader, Method::DELETE, &path, None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let files =
        json_of(call(&leader, Method::GET, "/api/v1/learning-log/evidence", None).await).await;
    assert_eq!(
        files["files"],
        json!([]),
        "the activity's files went with it"
    );
    app.stop().await;
}

#[tokio::test]
async fn bad_input_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let _world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let with = |field: &str, value: Value| {
        let mut body = activity();
        body[field] = value;
        body
    };
    for (body, code) in [
        (with("date", json!("12-03-2026")), "date-invalid"),
        (with("date", json!("2026-02-30")), "date-invalid"),
        (with("minutes", json!(-30)), "activity-hours-invalid"),
        (with("points", json!(-5)), "activity-points-invalid"),
        (with("points", json!(101)), "activity-points-invalid"),
        (with("cards", json!(["elders-01"])), "activity-card-unknown"),
        (
            with("title", json!("Cursus\u{1b}[31m")),
            "activity-title-invalid",
        ),
        (with("learned", json!("a\u{0}b")), "activity-text-invalid"),
        (with("themes", json!([99999])), "activity-theme-unknown"),
    ] {
        let response = call(
            &leader,
            Method::POST,
            "/api/v1/learning-log/activities",
            Some(body),
        )
        .await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    let body = json!({"start": "2026-01-01", "target": -1});
    let response = call(
        &leader,
        Method::PUT,
        "/api/v1/learning-log/cycle",
        Some(body),
    )
    .await;
    refused(response, StatusCode::BAD_REQUEST, "cycle-target-invalid").await;

    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let mut exe = b"MZ\x90\0\x03\0\0\0".to_vec();
    exe.resize(2048, 0);
    for (name, bytes, code) in [
        ("groot.pdf", big, "evidence-too-large"),
        ("factuur.pdf", exe, "evidence-type-refused"),
        (
            "script.sh",
            b"#!/bin/sh\necho hi\n".to_vec(),
            "evidence-type-refused",
        ),
        (
            "pagina.pdf",
            b"<!DOCTYPE html><script>alert(1)</script>".to_vec(),
            "evidence-type-refused",
        ),
        (
            "plaatje.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            "evidence-type-refused",
        ),
        ("leeg.pdf", Vec::new(), "evidence-type-refused"),
    ] {
        let response = upload(&leader, &format!("filename={name}"), bytes).await;
        refused(response, StatusCode::BAD_REQUEST, code).await;
    }
    let mut huge = b"%PDF-1.4\n".to_vec();
    huge.resize(12 * 1024 * 1024, b' ');
    let response = upload(&leader, "filename=enorm.pdf", huge).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

    let log = json_of(
        call(
            &leader,
            Method::GET,
            "/api/v1/learning-log/activities",
            None,
        )
        .await,
    )
    .await;
    assert_eq!(log["activities"], json!([]));
    let files =
        json_of(call(&leader, Method::GET, "/api/v1/learning-log/evidence", None).await).await;
    assert_eq!(files["used"], 0);
    let response = call(&leader, Method::GET, "/api/v1/learning-log/cycle", None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_file_is_its_owners_and_for_whom_a_plan_is_shared_with() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let coach = Browser::signed_in(&app, "coach@a.example").await;
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    let file = json_of(upload(&leader, "filename=foto.png", PNG.to_vec()).await).await;
    let path = format!("/api/v1/learning-log/evidence/{}", file["id"]);
    assert_eq!(coach.get(&path).await.status(), StatusCode::NOT_FOUND);
    let (leader_id, coach_id) = (world.people["school-leader"].1, world.people["coach"].1);
    let plan = app
        .store
        .ensure_plan(leader_id, 2026, "beroepsstandaard-schoolleiders", 1)
        .await
        .unwrap();
    app.store
        .share_plan(leader_id, plan.id, coach_id, 2)
        .await
        .unwrap();
    let response = coach.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/png");
    assert_eq!(staff.get(&path).await.status(), StatusCode::NOT_FOUND);
    let response = call(&coach, Method::DELETE, &path, None).await;
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "a reader never deletes"
    );
    assert_eq!(leader.get(&path).await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn leidraads_own_activities_are_offered_until_confirmed_or_dismissed() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let leader_id = world.people["school-leader"].1;
    for _ in 0..2 {
        let id = app
            .store
            .create_reflection(leidraad_store::reflections::NewReflection {
                person: leader_id,
                organisation: Some(world.org_a),
                framework_id: "beroepsstandaard-schoolleiders",
                content_fingerprint: "x",
                domains: &[],
                prefill_from: None,
                now: app.clock.now(),
            })
            .await
            .unwrap()
            .unwrap();
        app.store
            .finish_reflection(leader_id, id, app.clock.now())
            .await
            .unwrap();
    }
    let list = json_of(
        call(
            &leader,
            Method::GET,
            "/api/v1/learning-log/suggestions",
            None,
        )
        .await,
    )
    .await;
    let suggestions = list["suggestions"].as_array().unwrap().clone();
    assert_eq!(suggestions.len(), 2);
    assert_eq!(suggestions[0]["kind"], "reflection");
    let confirm = format!(
        "/api/v1/learning-log/suggestions/reflection/{}/confirm",
        suggestions[0]["id"]
    );
    let response = call(&leader, Method::POST, &confirm, None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let response = call(&leader, Method::POST, &confirm, None).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "once");
    let dismiss = format!(
        "/api/v1/learning-log/suggestions/reflection/{}/dismiss",
        suggestions[1]["id"]
    );
    let response = call(&leader, Method::POST, &dismiss, None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let list = json_of(
        call(
            &leader,
            Method::GET,
            "/api/v1/learning-log/suggestions",
            None,
        )
        .await,
    )
    .await;
    assert_eq!(list["suggestions"], json!([]));
    let log = json_of(
        call(
            &leader,
            Method::GET,
            "/api/v1/learning-log/activities",
            None,
        )
        .await,
    )
    .await;
    let entry = &log["activities"][0];
    assert_eq!(entry["kind"], "reflection");
    assert_eq!(entry["source"]["kind"], "reflection");
    assert_eq!(entry["domains"].as_array().unwrap().len(), 9);
    app.stop().await;
}
