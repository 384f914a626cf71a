//! A reflection's results without JavaScript: the timeline with one open moment per framework,
//! and finishing that asks first.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;
use crate::accounts::{Browser, world};
use crate::helpers::{count, spawn_app};

#[tokio::test]
async fn a_second_open_moment_asks_first_on_the_page_and_in_the_api() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let org = world.org_a.to_string();
    let first = start(&leader, world.org_a.get(), json!({"domains": ["visie"]})).await;
    sort(&leader, first, &["visie-01", "visie-02"], 3).await;

    // The API: 409 with a code, nothing started; with "confirm" it starts.
    let refused = call(
        &leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get()})),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let problem: Value = refused.json().await.unwrap();
    assert_eq!(problem["code"], "reflection-open-exists");
    assert_eq!(
        app.store
            .moments(world.people["school-leader"].1)
            .await
            .unwrap()
            .own
            .len(),
        1
    );

    // The page: the form posts, the answer names the open moment and offers both ways.
    let asked = leader
        .post(
            "/reflecties",
            &[
                ("organisation", &org),
                ("domain", "sociaal"),
                ("domain", "cognitief"),
            ],
        )
        .await;
    assert_eq!(asked.status(), StatusCode::CONFLICT);
    let page = asked.text().await.unwrap();
    assert!(page.contains("Je hebt al een open moment"), "{page}");
    assert!(page.contains("2 van 7 kaarten gesorteerd"), "{page}");
    assert!(
        page.contains(&format!("href=\"/reflecties/{first}/sorteren\"")),
        "a link to go on"
    );
    for hidden in [
        "name=\"bevestiging\" value=\"ja\"",
        "name=\"domain\" value=\"sociaal\"",
        "name=\"domain\" value=\"cognitief\"",
    ] {
        assert!(page.contains(hidden), "{hidden}");
    }
    assert_eq!(
        app.store
            .moments(world.people["school-leader"].1)
            .await
            .unwrap()
            .own
            .len(),
        1
    );

    let confirmed = leader
        .post(
            "/reflecties",
            &[
                ("organisation", &org),
                ("domain", "sociaal"),
                ("bevestiging", "ja"),
            ],
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let second: i64 = location(&confirmed)
        .split('/')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    assert_ne!(second, first);
    let by_api = call(
        &leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get(), "confirm": true})),
    )
    .await;
    assert_eq!(by_api.status(), StatusCode::CREATED);

    // Nonsense still gets its own message, confirmed or not.
    let bad = leader
        .post(
            "/reflecties",
            &[
                ("organisation", &org),
                ("domain", "onbekend"),
                ("bevestiging", "ja"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("Kies domeinen uit de beroepsstandaard")
    );
}

#[tokio::test]
async fn the_timeline_tells_moments_of_one_day_apart_and_offers_the_two_newest_finished() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let mut ids = Vec::new();
    for (domains, cards) in [
        (json!([]), vec!["visie-01"]),
        (
            json!(["visie", "medewerkers"]),
            vec!["visie-02", "medewerkers-01"],
        ),
        (json!(["sociaal"]), vec!["sociaal-01"]),
    ] {
        let id = start(&leader, world.org_a.get(), json!({"domains": domains})).await;
        sort(&leader, id, &cards, 2).await;
        finish(&leader, id).await;
        ids.push(id);
    }
    let open = start(&leader, world.org_a.get(), json!({})).await;
    let page = html(&leader, "/reflecties").await;
    // Newest first, the open one on top with its way back in, before the start form.
    let continue_at = page.find(&format!("/reflecties/{open}/sorteren")).unwrap();
    assert!(
        continue_at < page.find("id=\"h-start\"").unwrap(),
        "go on first, then start"
    );
    assert!(page.contains("Hele standaard"));
    assert!(page.contains("Visiegestuurd werken, Ontwikkeling van medewerkers"));
    assert!(page.contains("1 van 80 kaarten gesorteerd"));
    assert!(page.contains("0 van 80 kaarten gesorteerd"));
    assert!(
        page.contains("2 van 21 kaarten gesorteerd"),
        "7 and 14 cards"
    );
    assert!(
        page.contains("1 van 7 kaarten gesorteerd"),
        "sociaal has seven cards"
    );
    // Every moment began today: the time tells them apart (", hh:mm" after the date).
    let today = leidraad_domain::local_time::LocalDateTime::amsterdam(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64,
    );
    let day = format!("Begonnen op {} ", today.day);
    assert!(count(&page, &day) >= 4, "{page}");
    assert!(
        page.split(&day)
            .skip(1)
            .all(|rest| rest.split('<').next().unwrap().contains(", ")),
        "each with its time"
    );
    // The comparison offers the two newest finished moments, not the open one.
    assert!(
        page.contains(&format!("<option value=\"{}\" selected>", ids[1])),
        "{page}"
    );
    assert!(
        page.contains(&format!("<option value=\"{}\" selected>", ids[2])),
        "{page}"
    );
    assert!(!page.contains(&format!("<option value=\"{open}\" selected>")));
}

#[tokio::test]
async fn finishing_asks_first_says_what_is_unsorted_and_a_post_without_yes_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = start(&leader, world.org_a.get(), json!({"domains": ["sociaal"]})).await;
    let sorted = [
        "sociaal-01",
        "sociaal-02",
        "sociaal-03",
        "sociaal-04",
        "sociaal-05",
        "sociaal-06",
    ];
    sort(&leader, id, &sorted, 4).await;

    let profile = html(&leader, &format!("/reflecties/{id}")).await;
    assert!(profile.contains(&format!(
        "<form method=\"get\" action=\"/reflecties/{id}/afronden\">"
    )));
    assert!(
        profile.contains("Nog 1 van de 7 kaarten ligt op geen stapel."),
        "{profile}"
    );
    let asks = html(&leader, &format!("/reflecties/{id}/afronden")).await;
    assert!(
        asks.contains("Nog 1 van de 7 kaarten ligt op geen stapel."),
        "{asks}"
    );
    assert!(asks.contains("niet ongedaan maken"));
    assert!(asks.contains("name=\"bevestiging\" value=\"ja\""));

    let unconfirmed = leader
        .post(&format!("/reflecties/{id}/afronden"), &[])
        .await;
    assert_eq!(unconfirmed.status(), StatusCode::BAD_REQUEST);
    let said = unconfirmed.text().await.unwrap();
    assert!(
        said.contains("bevestig hieronder dat je wilt afronden"),
        "{said}"
    );
    let wrong = leader
        .post(
            &format!("/reflecties/{id}/afronden"),
            &[("bevestiging", "misschien")],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    let record = app.store.reflection(id).await.unwrap().unwrap();
    assert!(record.finished_at.is_none(), "nothing changed");

    let finished = leader
        .post(
            &format!("/reflecties/{id}/afronden"),
            &[("bevestiging", "ja")],
        )
        .await;
    assert_eq!(finished.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&finished),
        format!("/reflecties/{id}?melding=afgerond")
    );
    assert!(
        app.store
            .reflection(id)
            .await
            .unwrap()
            .unwrap()
            .finished_at
            .is_some()
    );
    // Finished: the confirmation has nothing left to ask.
    let again = leader.get(&format!("/reflecties/{id}/afronden")).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
}
