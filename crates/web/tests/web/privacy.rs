//! A reflection is its author's alone. Generated from the route table: every route of one
//! reflection, page or API, called by people it is not shared with (an admin and a board
//! member of the same organisation, a colleague, an admin of another organisation) answers
//! 404, exactly as for a reflection that does not exist, and changes nothing. The colleague
//! it is shared with reads, and never writes.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, world};
use crate::helpers::{TestApp, spawn_app};
use crate::reflections::call;

struct Fixture {
    open: i64,
    finished: i64,
    own_card: i64,
    coach: i64,
}

async fn fixture(app: &TestApp, leader: &Browser<'_>, organisation: i64, coach: i64) -> Fixture {
    let start = |domains: Value| {
        call(
            leader,
            Method::POST,
            "/api/v1/reflections",
            Some(json!({"organisation": organisation, "domains": domains})),
        )
    };
    let id_of = |v: Value| v["id"].as_i64().unwrap();
    let finished = id_of(start(json!(["visie"])).await.json().await.unwrap());
    let answer = format!("/api/v1/reflections/{finished}/answers/visie-01");
    let body = json!({"pile": 1, "note": "geheim"});
    call(leader, Method::PATCH, &answer, Some(body)).await;
    let finish = format!("/api/v1/reflections/{finished}/finish");
    call(leader, Method::POST, &finish, None).await;
    let share = format!("/api/v1/reflections/{finished}/shares");
    let shared = call(
        leader,
        Method::POST,
        &share,
        Some(json!({"email": "coach@a.example"})),
    );
    assert_eq!(shared.await.status(), StatusCode::NO_CONTENT);
    let open = id_of(start(json!(["visie"])).await.json().await.unwrap());
    let own = format!("/api/v1/reflections/{open}/own-cards");
    let card = call(
        leader,
        Method::POST,
        &own,
        Some(json!({"domain": "visie", "text": "Ik"})),
    );
    let own_card = card.await.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let _ = app;
    Fixture {
        open,
        finished,
        own_card,
        coach,
    }
}

fn fill(pattern: &str, id: i64, fixture: &Fixture) -> String {
    let own = pattern.contains("own-cards/{card}") || pattern.contains("eigen-kaarten/{card}");
    let card = if own {
        fixture.own_card.to_string()
    } else {
        "visie-01".to_owned()
    };
    let other = if id == fixture.open {
        fixture.finished
    } else {
        fixture.open
    };
    pattern
        .replace("{id}", &id.to_string())
        .replace("{card}", &card)
        .replace("{person}", &fixture.coach.to_string())
        .replace("{other}", &other.to_string())
}

/// A request as the page or its script would send it, with every field any route reads.
async fn send(browser: &Browser<'_>, method: &Method, path: &str) -> reqwest::Response {
    let url = browser.app.url(path);
    let request = browser.client.request(method.clone(), url);
    let request = if *method == Method::GET {
        request
    } else if path.starts_with("/api/") {
        request.header("x-csrf-token", &browser.csrf).json(&json!({
            "pile": 2, "note": "x", "evidence": "x", "starred": true, "domain": "visie",
            "text": "Ik", "card": "visie-01", "email": "coach@a.example"
        }))
    } else {
        request.form(&[
            ("csrf_token", browser.csrf.as_str()),
            ("pile", "2"),
            ("note", "x"),
            ("domain", "visie"),
            ("domein", "visie"),
            ("pile-visie-01", "2"),
            ("text", "Ik"),
            ("card", "visie-01"),
            ("email", "coach@a.example"),
        ])
    };
    request.send().await.unwrap()
}

async fn snapshot(app: &TestApp, fixture: &Fixture) -> String {
    let mut out = String::new();
    for id in [fixture.open, fixture.finished] {
        let store = &app.store;
        out.push_str(&format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}\n",
            store.reflection(id).await.unwrap(),
            store.answers(id).await.unwrap(),
            store.own_cards(id).await.unwrap(),
            store.focus_cards(id).await.unwrap(),
            store.reflection_viewers(id).await.unwrap(),
        ));
    }
    out
}

#[tokio::test]
async fn every_reflection_route_answers_anyone_it_is_not_shared_with_404_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let coach = world.people["coach"].1.get();
    let fixture = fixture(&app, &leader, world.org_a.get(), coach).await;
    let before = snapshot(&app, &fixture).await;
    let routes = leidraad_web::reflection_route_table();
    assert!(routes.len() >= 25, "{routes:?}");
    let outsiders = [
        world.admin_b.0.as_str(),
        "admin@a.example",
        "board-member@a.example",
        "staff@a.example",
    ];
    for email in outsiders {
        let other = Browser::signed_in(&app, email).await;
        for (method, pattern) in &routes {
            for id in [fixture.open, fixture.finished] {
                let path = fill(pattern, id, &fixture);
                let status = send(&other, method, &path).await.status();
                assert_eq!(status, StatusCode::NOT_FOUND, "{email}: {method} {path}");
            }
        }
    }
    assert_eq!(snapshot(&app, &fixture).await, before, "nothing changed");

    // The coach it is shared with reads the finished one (its profile, print view, exports
    // and API), and writes nothing anywhere.
    let reader = Browser::signed_in(&app, "coach@a.example").await;
    for (method, pattern) in &routes {
        let path = fill(pattern, fixture.finished, &fixture);
        let status = send(&reader, method, &path).await.status();
        // The sort and list views are the author's tools for changing the piles, and the
        // page that asks before finishing is the author's too.
        let editing = pattern.ends_with("/sorteren")
            || pattern.ends_with("/lijst")
            || pattern.ends_with("/afronden");
        let reads = *method == Method::GET && !pattern.contains("{other}") && !editing;
        if reads {
            assert_eq!(status, StatusCode::OK, "coach: {method} {path}");
        } else {
            assert_eq!(status, StatusCode::NOT_FOUND, "coach: {method} {path}");
        }
    }
    assert_eq!(
        snapshot(&app, &fixture).await,
        before,
        "reading is not writing"
    );
}
