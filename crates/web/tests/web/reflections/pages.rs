//! The reflection pages without JavaScript.

use crate::accounts::{Browser, world};
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::Value;

use super::*;

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
            .post(
                &format!("/reflecties/{id}/afronden"),
                &[("bevestiging", "ja")]
            )
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
        // One domain: bars, not a radar.
        "<div class=\"score-bars\">",
        "<p class=\"score-bar__name\">Visiegestuurd werken</p>",
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
