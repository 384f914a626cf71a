//! Self-reflection over the API: starting, autosaving answers, own cards, focus cards,
//! finishing, the profile and comparison, and above all privacy: a reflection is its author's
//! alone unless shared by name, and the author can withdraw that.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, world};
use crate::helpers::{TestApp, spawn_app};

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

#[tokio::test]
async fn a_leader_sorts_cards_and_nonsense_is_refused_and_stores_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = start(&leader, world.org_a.get(), json!({})).await;
    let detail: Value = call(
        &leader,
        Method::GET,
        &format!("/api/v1/reflections/{id}"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(detail["cards"].as_array().unwrap().len(), 80);
    assert_eq!(detail["domains"].as_array().unwrap().len(), 9);

    let saved = answer(
        &leader,
        id,
        "visie-01",
        json!({"pile": 3, "note": "Zie jaarplan", "starred": true}),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let by_code = answer(&leader, id, "visie-02", json!({"pile": "vanzelfsprekend"})).await;
    assert_eq!(by_code.status(), StatusCode::OK);
    for (card, body, code) in [
        ("visie-03", json!({"pile": 5}), "pile-invalid"),
        ("visie-03", json!({"pile": 0}), "pile-invalid"),
        ("visie-03", json!({"pile": "altijd"}), "pile-invalid"),
        ("bestaat-niet", json!({"pile": 2}), "card-not-in-reflection"),
        ("dialoog-01", json!({"pile": 2}), "card-not-in-reflection"),
        (
            "visie-03",
            json!({"pile": 2, "note": "x".repeat(2001)}),
            "text-too-long",
        ),
    ] {
        let response = answer(&leader, id, card, body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{card}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], code);
    }
    let garbage = leader
        .client
        .put(app.url(&format!("/api/v1/reflections/{id}/answers/visie-03")))
        .header("x-csrf-token", &leader.csrf)
        .header("content-type", "application/json")
        .body("{pile")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::BAD_REQUEST);
    assert_eq!(answers(&app, id).await, 2, "nothing stored by the refusals");

    // The last write per card wins.
    answer(&leader, id, "visie-01", json!({"pile": 1})).await;
    let stored = app.store.answers(id).await.unwrap();
    let first = stored.iter().find(|a| a.card_id == "visie-01").unwrap();
    assert_eq!(
        (
            first.pile.map(|p| p.score()),
            first.note.as_str(),
            first.starred
        ),
        (Some(1), "", false)
    );
}

#[tokio::test]
async fn a_reflection_on_chosen_domains_holds_only_their_cards_and_own_cards_are_bounded() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let unknown = call(
        &leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get(), "domains": ["visie", "geen"]})),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    let id = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["sociaal", "visie"]}),
    )
    .await;
    let detail: Value = call(
        &leader,
        Method::GET,
        &format!("/api/v1/reflections/{id}"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        detail["domains"],
        json!(["visie", "sociaal"]),
        "the framework's order"
    );
    assert_eq!(detail["cards"].as_array().unwrap().len(), 7 + 7);
    let outside = answer(&leader, id, "medewerkers-01", json!({"pile": 2})).await;
    assert_eq!(outside.status(), StatusCode::BAD_REQUEST);

    let path = format!("/api/v1/reflections/{id}/own-cards");
    let mut keys = Vec::new();
    for n in 1..=4 {
        let response = call(
            &leader,
            Method::POST,
            &path,
            Some(json!({"domain": "visie", "text": format!("Ik maak ruimte voor {n}")})),
        )
        .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        keys.push(format!(
            "eigen-{}",
            response.json::<Value>().await.unwrap()["id"]
        ));
    }
    let fifth = call(
        &leader,
        Method::POST,
        &path,
        Some(json!({"domain": "visie", "text": "Ik nog een"})),
    )
    .await;
    assert_eq!(fifth.status(), StatusCode::CONFLICT);
    let empty = call(
        &leader,
        Method::POST,
        &path,
        Some(json!({"domain": "sociaal", "text": "  "})),
    )
    .await;
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let elsewhere = call(
        &leader,
        Method::POST,
        &path,
        Some(json!({"domain": "medewerkers", "text": "Ik"})),
    )
    .await;
    assert_eq!(elsewhere.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        answer(&leader, id, &keys[0], json!({"pile": 4}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(app.store.own_cards(id).await.unwrap().len(), 4);
}

#[tokio::test]
async fn the_profile_focus_cards_and_finishing_follow_the_rules() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = start(&leader, world.org_a.get(), json!({"domains": ["visie"]})).await;
    for (n, pile) in [(1, 1), (2, 1), (3, 1), (4, 1), (5, 4), (6, 3), (7, 2)] {
        answer(&leader, id, &format!("visie-0{n}"), json!({"pile": pile})).await;
    }
    let profile: Value = call(
        &leader,
        Method::GET,
        &format!("/api/v1/reflections/{id}/profile"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(profile["domains"][0]["counts"], json!([4, 1, 1, 1]));
    assert_eq!(profile["domains"][0]["mean"], json!(1.9));
    assert_eq!(profile["strengths"], json!(["visie-05"]));
    let focus = format!("/api/v1/reflections/{id}/focus");
    for card in ["visie-01", "visie-02", "visie-03"] {
        let response = call(&leader, Method::POST, &focus, Some(json!({"card": card}))).await;
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    }
    let fourth = call(
        &leader,
        Method::POST,
        &focus,
        Some(json!({"card": "visie-04"})),
    )
    .await;
    assert_eq!(fourth.status(), StatusCode::CONFLICT);
    let problem: Value = fourth.json().await.unwrap();
    assert_eq!(problem["code"], "focus-too-many");
    assert!(
        problem["detail"].as_str().unwrap().contains("twee of drie"),
        "{problem}"
    );
    let strength = call(&leader, Method::DELETE, &format!("{focus}/visie-03"), None).await;
    assert_eq!(strength.status(), StatusCode::NO_CONTENT);
    let not_growth = call(
        &leader,
        Method::POST,
        &focus,
        Some(json!({"card": "visie-05"})),
    )
    .await;
    assert_eq!(not_growth.status(), StatusCode::CONFLICT);

    assert_eq!(
        call(
            &leader,
            Method::POST,
            &format!("/api/v1/reflections/{id}/finish"),
            None
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let late = answer(&leader, id, "visie-01", json!({"pile": 4})).await;
    assert_eq!(late.status(), StatusCode::CONFLICT, "finished is read-only");
    assert_eq!(
        app.store
            .answers(id)
            .await
            .unwrap()
            .iter()
            .find(|a| a.card_id == "visie-01")
            .unwrap()
            .pile
            .unwrap()
            .score(),
        1
    );

    let next = start(
        &leader,
        world.org_a.get(),
        json!({"domains": ["visie"], "prefill_from": id}),
    )
    .await;
    answer(&leader, next, "visie-01", json!({"pile": 3})).await;
    let comparison: Value = call(
        &leader,
        Method::GET,
        &format!("/api/v1/reflections/{next}/comparison/{id}"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(comparison["earlier"], json!(id));
    assert_eq!(comparison["domains"][0]["change"], json!(0.3));
    assert_eq!(
        comparison["moves"],
        json!([{"card": "visie-01", "domain": "visie", "before": 1, "after": 3}])
    );
}

#[tokio::test]
async fn a_reflection_is_its_authors_alone_until_shared_by_name() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = start(&leader, world.org_a.get(), json!({"domains": ["visie"]})).await;
    answer(
        &leader,
        id,
        "visie-01",
        json!({"pile": 2, "note": "persoonlijk"}),
    )
    .await;
    let paths = [
        format!("/api/v1/reflections/{id}"),
        format!("/api/v1/reflections/{id}/profile"),
    ];
    let mut others = Vec::new();
    for email in [
        "admin@a.example",
        "board-member@a.example",
        "coach@a.example",
        "staff@a.example",
        &world.admin_b.0,
    ] {
        others.push(Browser::signed_in(&app, email).await);
    }
    for other in &others {
        for path in &paths {
            let response = call(other, Method::GET, path, None).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let write = answer(other, id, "visie-01", json!({"pile": 4})).await;
        assert_eq!(write.status(), StatusCode::NOT_FOUND);
    }
    let share = format!("/api/v1/reflections/{id}/shares");
    let early = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "coach@a.example"})),
    )
    .await;
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "only a finished reflection is shared"
    );
    call(
        &leader,
        Method::POST,
        &format!("/api/v1/reflections/{id}/finish"),
        None,
    )
    .await;
    let unknown = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "niemand@a.example"})),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    let shared = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "coach@a.example"})),
    )
    .await;
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);

    let coach = &others[2];
    let detail = call(coach, Method::GET, &paths[0], None).await;
    assert_eq!(detail.status(), StatusCode::OK);
    let detail: Value = detail.json().await.unwrap();
    assert_eq!(detail["cards"][0]["note"], "persoonlijk");
    let list: Value = call(coach, Method::GET, "/api/v1/reflections", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["shared_with_me"][0]["author"], "Test school-leader");
    assert_eq!(
        answer(coach, id, "visie-01", json!({"pile": 4}))
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "reading is not writing"
    );
    for other in [&others[0], &others[1]] {
        assert_eq!(
            call(other, Method::GET, &paths[0], None).await.status(),
            StatusCode::NOT_FOUND,
            "still no role opens it"
        );
    }

    let coach_id = world.people["coach"].1;
    let withdraw = call(
        &leader,
        Method::DELETE,
        &format!("{share}/{coach_id}"),
        None,
    )
    .await;
    assert_eq!(withdraw.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        call(coach, Method::GET, &paths[0], None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_reflection_api_is_in_the_openapi_document() {
    let app = spawn_app().await;
    let openapi = app.get_json("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/reflections",
        "/api/v1/reflections/{id}/answers/{card}",
        "/api/v1/reflections/{id}/own-cards",
        "/api/v1/reflections/{id}/profile",
        "/api/v1/reflections/{id}/comparison/{other}",
        "/api/v1/reflections/{id}/shares",
    ] {
        assert!(openapi["paths"].get(path).is_some(), "{path} documented");
    }
    assert!(openapi["components"]["schemas"].get("AnswerBody").is_some());
}

#[tokio::test]
async fn only_roles_that_reflect_may_start_and_only_in_their_own_organisation() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let board = Browser::signed_in(&app, "board-member@a.example").await;
    let response = call(
        &board,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get()})),
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let outsider = Browser::signed_in(&app, &world.admin_b.0).await;
    let response = call(
        &outsider,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get()})),
    )
    .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    start(&staff, world.org_a.get(), json!({})).await;
    let list: Value = call(&board, Method::GET, "/api/v1/reflections", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["reflections"], json!([]));
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_pages_sort_resume_finish_and_show_the_profile_without_javascript() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let org = world.org_a.to_string();
    let overview = leader.get("/reflecties").await.text().await.unwrap();
    assert!(overview.contains("Nieuw moment beginnen"), "{overview}");
    let bad = leader
        .post(
            "/reflecties",
            &[("organisation", &org), ("domain", "onbekend")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let created = leader
        .post(
            "/reflecties",
            &[("organisation", &org), ("domain", "visie")],
        )
        .await;
    let sort_url = location(&created);
    assert!(sort_url.ends_with("/sorteren"), "{sort_url}");
    let id: i64 = sort_url.split('/').nth(2).unwrap().parse().unwrap();

    let page = leader.get(&sort_url).await.text().await.unwrap();
    assert!(
        page.contains("Kaart 1") && page.contains("aria-keyshortcuts=\"1\""),
        "{page}"
    );
    let saved = leader
        .post(
            &format!("/reflecties/{id}/kaarten/visie-01"),
            &[("pile", "2"), ("note", "Eerste"), ("next", "visie-02")],
        )
        .await;
    assert_eq!(
        location(&saved),
        format!("/reflecties/{id}/sorteren?kaart=visie-02")
    );
    let too_long = "x".repeat(2001);
    let refused = leader
        .post(
            &format!("/reflecties/{id}/kaarten/visie-02"),
            &[("pile", "3"), ("note", &too_long)],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.unwrap().contains("te lang"));
    // Coming back resumes at the first card not yet sorted.
    let resumed = leader.get(&sort_url).await.text().await.unwrap();
    assert!(resumed.contains("Kaart 2"), "resumes at visie-02");

    let list = leader
        .post(
            &format!("/reflecties/{id}/lijst"),
            &[
                ("domein", "visie"),
                ("pile-visie-02", "1"),
                ("pile-visie-03", "4"),
                ("pile-visie-04", "1"),
                ("pile-visie-05", "1"),
                ("pile-visie-06", "1"),
            ],
        )
        .await;
    assert_eq!(list.status(), StatusCode::SEE_OTHER);
    let stored = app.store.answers(id).await.unwrap();
    assert_eq!(stored.len(), 6);
    let first = stored.iter().find(|a| a.card_id == "visie-01").unwrap();
    assert_eq!(
        (first.note.as_str(), first.pile.map(|p| p.score())),
        ("Eerste", Some(2)),
        "a card the list did not send keeps its pile and note"
    );
    let own = leader
        .post(
            &format!("/reflecties/{id}/eigen-kaarten"),
            &[("domain", "visie"), ("text", "Ik vier successen")],
        )
        .await;
    assert_eq!(own.status(), StatusCode::SEE_OTHER);

    for card in ["visie-02", "visie-04", "visie-05"] {
        let response = leader
            .post(&format!("/reflecties/{id}/focus"), &[("card", card)])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{card}");
    }
    let fourth = leader
        .post(&format!("/reflecties/{id}/focus"), &[("card", "visie-06")])
        .await;
    assert_eq!(fourth.status(), StatusCode::CONFLICT);
    assert!(fourth.text().await.unwrap().contains("twee of drie thema"));

    assert_eq!(
        leader
            .post(&format!("/reflecties/{id}/afronden"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let profile = leader
        .get(&format!("/reflecties/{id}"))
        .await
        .text()
        .await
        .unwrap();
    for expected in [
        "<svg class=\"radar\"",
        "role=\"img\"",
        "<table class=\"data-table profile-table\"",
        "Sterktes",
        "Groeipunten",
        "Focuskaarten",
        "Delen",
    ] {
        assert!(profile.contains(expected), "{expected}");
    }
    let late = leader
        .post(
            &format!("/reflecties/{id}/kaarten/visie-07"),
            &[("pile", "2")],
        )
        .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let print = leader
        .get(&format!("/reflecties/{id}/afdrukken"))
        .await
        .text()
        .await
        .unwrap();
    assert!(print.contains("reflection-print") && print.contains("Ik vier successen"));
    let csv = leader
        .get(&format!("/reflecties/{id}/export.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.lines().count() >= 9, "{csv}");
    assert!(
        csv.contains("\"visie-01\"") && csv.contains("\"Eerste\""),
        "{csv}"
    );
    let json: Value = leader
        .get(&format!("/reflecties/{id}/export.json"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["focus_cards"].as_array().unwrap().len(), 3);

    let next = leader
        .post(
            "/reflecties",
            &[
                ("organisation", &org),
                ("domain", "visie"),
                ("prefill", &id.to_string()),
            ],
        )
        .await;
    let next_id: i64 = location(&next).split('/').nth(2).unwrap().parse().unwrap();
    leader
        .post(
            &format!("/reflecties/{next_id}/kaarten/visie-02"),
            &[("pile", "3")],
        )
        .await;
    let comparison = leader
        .get(&format!("/reflecties/vergelijk?a={next_id}&b={id}"))
        .await;
    assert_eq!(comparison.status(), StatusCode::OK);
    let comparison = comparison.text().await.unwrap();
    assert!(
        comparison.contains("+0,3")
            && comparison.contains("nog niet")
            && comparison.contains("vaak"),
        "{comparison}"
    );
}

#[tokio::test]
async fn nobody_else_opens_a_reflection_page_until_it_is_shared() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let org = world.org_a.to_string();
    let created = leader.post("/reflecties", &[("organisation", &org)]).await;
    let id: i64 = location(&created)
        .split('/')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    leader
        .post(
            &format!("/reflecties/{id}/kaarten/visie-01"),
            &[("pile", "1"), ("note", "geheim")],
        )
        .await;
    let pages = [
        format!("/reflecties/{id}"),
        format!("/reflecties/{id}/sorteren"),
        format!("/reflecties/{id}/lijst"),
        format!("/reflecties/{id}/afdrukken"),
        format!("/reflecties/{id}/export.csv"),
        format!("/reflecties/{id}/export.json"),
    ];
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let board = Browser::signed_in(&app, "board-member@a.example").await;
    for other in [&admin, &board] {
        for page in &pages {
            assert_eq!(
                other.get(page).await.status(),
                StatusCode::NOT_FOUND,
                "{page}"
            );
        }
        let write = other
            .post(
                &format!("/reflecties/{id}/kaarten/visie-01"),
                &[("pile", "4")],
            )
            .await;
        assert_eq!(write.status(), StatusCode::NOT_FOUND);
    }
    leader
        .post(&format!("/reflecties/{id}/afronden"), &[])
        .await;
    let shared = leader
        .post(
            &format!("/reflecties/{id}/delen"),
            &[("email", "board-member@a.example")],
        )
        .await;
    assert_eq!(shared.status(), StatusCode::SEE_OTHER);
    let page = board.get(&format!("/reflecties/{id}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("Reflectie van Test school-leader") && !page.contains("/afronden"),
        "read-only view"
    );
    assert!(
        board
            .get("/reflecties")
            .await
            .text()
            .await
            .unwrap()
            .contains("Met mij gedeeld")
    );
    assert_eq!(
        admin.get(&format!("/reflecties/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let board_id = world.people["board-member"].1;
    leader
        .post(&format!("/reflecties/{id}/delen/{board_id}/intrekken"), &[])
        .await;
    assert_eq!(
        board.get(&format!("/reflecties/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
}
