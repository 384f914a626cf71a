//! The reflection API: sorting, chosen domains and own cards, the profile, focus cards and
//! finishing, with nonsense refused.

use crate::accounts::{Browser, world};
use crate::helpers::spawn_app;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;

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
