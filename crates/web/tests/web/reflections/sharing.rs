//! Privacy: a reflection is its author's alone until shared by name, and only roles that
//! reflect may start one.

use crate::accounts::{Browser, world};
use crate::helpers::spawn_app;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;

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
        .post(
            &format!("/reflecties/{id}/afronden"),
            &[("bevestiging", "ja")],
        )
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
