//! Mijn Leidraad, the start page: where everyone lands after signing in, what each role sees
//! there first, an open reflection with its progress, what others shared, what admins and
//! board members oversee; the home page and the menu lead there; what it costs the database.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::accounts::{Browser, PASSWORD, world};
use crate::helpers::{count, spawn_app, text_of};
use crate::reflections::call;

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

async fn start_page(browser: &Browser<'_>) -> String {
    let response = browser.get("/mijn-leidraad").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.text().await.unwrap()
}

#[tokio::test]
async fn signing_in_without_a_wish_lands_on_the_start_page_and_a_wish_is_kept() {
    let app = spawn_app().await;
    world(&app).await;
    for (back, expected) in [
        ("", "/mijn-leidraad"),
        ("/", "/mijn-leidraad"),
        ("/standaard", "/standaard"),
        ("https://evil.example/", "/mijn-leidraad"),
    ] {
        let response = Browser::new(&app)
            .post(
                "/inloggen",
                &[
                    ("email", "staff@a.example"),
                    ("password", PASSWORD),
                    ("terug", back),
                ],
            )
            .await;
        assert_eq!(location(&response), expected, "terug={back:?}");
    }
    let signed_in = Browser::signed_in(&app, "staff@a.example").await;
    assert_eq!(
        location(&signed_in.get("/inloggen").await),
        "/mijn-leidraad",
        "the sign-in page sends someone signed in on"
    );
}

#[tokio::test]
async fn every_role_sees_a_first_step_that_fits_it() {
    let app = spawn_app().await;
    let world = world(&app).await;

    let leader = start_page(&Browser::signed_in(&app, "school-leader@a.example").await).await;
    assert!(leader.contains("Begin je eerste zelfreflectie"), "{leader}");
    assert!(leader.contains(r#"href="/reflecties""#));
    assert!(leader.contains("Als schoolleider"));

    let staff = start_page(&Browser::signed_in(&app, "staff@a.example").await).await;
    let staff_text = text_of(&staff);
    assert!(staff_text.contains("Als teamlid"), "{staff_text}");
    assert!(
        staff_text.contains("Bestuur A") && staff_text.contains("School: School A1"),
        "their organisation and school: {staff_text}"
    );

    let coach = start_page(&Browser::signed_in(&app, "coach@a.example").await).await;
    let coach_text = text_of(&coach);
    assert!(coach_text.contains("Als coach"), "{coach_text}");
    assert!(coach_text.contains("Nog niemand heeft een reflectie met je gedeeld"));
    assert!(!coach_text.contains("Nog geen scholen"));

    let admin = start_page(&Browser::signed_in(&app, "admin@a.example").await).await;
    let admin_text = text_of(&admin);
    for expected in [
        "Wat je beheert",
        "Bestuur A",
        "5 leden",
        "2 scholen",
        "1 open uitnodiging",
    ] {
        assert!(admin_text.contains(expected), "{expected}: {admin_text}");
    }
    let org = world.org_a;
    assert!(admin.contains(&format!(r#"href="/organisaties/{org}/logboek""#)));
    assert!(
        !admin.contains(r#"href="/reflecties""#),
        "an admin may not reflect: no way to an empty page"
    );
    assert!(!admin_text.contains("Begin je eerste zelfreflectie"));

    let board = start_page(&Browser::signed_in(&app, "board-member@a.example").await).await;
    let board_text = text_of(&board);
    assert!(board_text.contains("5 leden") && board_text.contains("2 scholen"));
    assert!(
        !board_text.contains("open uitnodiging"),
        "invitations are the admin's: {board_text}"
    );
    assert!(!board.contains(r#"href="/reflecties""#));
    assert!(!board.contains(&format!(r#"href="/organisaties/{org}/logboek""#)));
}

#[tokio::test]
async fn an_open_reflection_shows_its_progress_and_the_way_back_and_a_share_reaches_the_reader() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let started = call(
        &leader,
        Method::POST,
        "/api/v1/reflections",
        Some(json!({"organisation": world.org_a.get(), "domains": ["visie"]})),
    )
    .await;
    assert_eq!(started.status(), StatusCode::CREATED);
    let id = started.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    for (card, pile) in [("visie-01", 1), ("visie-02", 2), ("visie-03", 4)] {
        let path = format!("/api/v1/reflections/{id}/answers/{card}");
        let saved = call(&leader, Method::PUT, &path, Some(json!({"pile": pile}))).await;
        assert_eq!(saved.status(), StatusCode::OK);
    }
    let page = start_page(&leader).await;
    let text = text_of(&page);
    assert!(text.contains("3 van 7 kaarten gelegd"), "{text}");
    assert!(text.contains("Visiegestuurd werken"));
    assert!(page.contains(&format!(r#"href="/reflecties/{id}/sorteren""#)));
    assert!(page.contains(r#"<progress max="7" value="3""#));
    assert!(!text.contains("Begin je eerste zelfreflectie"));

    let finished = call(
        &leader,
        Method::POST,
        &format!("/api/v1/reflections/{id}/finish"),
        None,
    )
    .await;
    assert_eq!(finished.status(), StatusCode::NO_CONTENT);
    let text = text_of(&start_page(&leader).await);
    assert!(!text.contains("Verder sorteren"), "nothing open: {text}");
    for step in [
        "Kies je focuskaarten",
        "Deel je profiel",
        "Begin een nieuw moment",
    ] {
        assert!(text.contains(step), "{step}: {text}");
    }

    let shared = call(
        &leader,
        Method::POST,
        &format!("/api/v1/reflections/{id}/shares"),
        Some(json!({"email": "board-member@a.example"})),
    )
    .await;
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    let board = start_page(&Browser::signed_in(&app, "board-member@a.example").await).await;
    let board_text = text_of(&board);
    assert!(
        board_text.contains("Gedeeld met jou Zelfreflectie Test school-leader"),
        "{board_text}"
    );
    assert!(board.contains(&format!(r#"href="/reflecties/{id}""#)));
    let leader_text = text_of(&start_page(&leader).await);
    assert!(!leader_text.contains("Deel je profiel"), "{leader_text}");
}

#[tokio::test]
async fn the_home_page_and_the_menu_lead_a_signed_in_person_to_the_start_page() {
    let app = spawn_app().await;
    world(&app).await;
    let anonymous = app.get_html("/").await;
    assert!(!anonymous.contains(r#"href="/mijn-leidraad""#));
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    let home = staff.get("/").await.text().await.unwrap();
    assert!(home.contains("Naar Mijn Leidraad") && home.contains("Welkom terug, Test staff"));
    assert!(
        count(&home, r#"href="/mijn-leidraad""#) >= 2,
        "banner and menu"
    );
    let standard = staff.get("/standaard").await.text().await.unwrap();
    assert!(
        standard.contains(r#"href="/mijn-leidraad""#),
        "the menu on every page"
    );
    assert!(
        standard.contains(r#"href="/reflecties""#),
        "staff may reflect"
    );
}

#[tokio::test]
async fn the_reflections_overview_offers_nothing_empty_to_a_role_that_does_not_reflect() {
    let app = spawn_app().await;
    world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let page = text_of(&admin.get("/reflecties").await.text().await.unwrap());
    assert!(
        page.contains("Zelfreflectie is er voor schoolleiders"),
        "{page}"
    );
    assert!(!page.contains("Begin hierboven"), "{page}");
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let page = leader.get("/reflecties").await.text().await.unwrap();
    assert!(
        page.contains(r#"action="/reflecties""#),
        "a leader may start one"
    );
}

#[tokio::test]
async fn the_start_page_costs_one_statement_and_one_more_for_who_is_asking() {
    let app = spawn_app().await;
    world(&app).await;
    for email in ["admin@a.example", "school-leader@a.example"] {
        let browser = Browser::signed_in(&app, email).await;
        app.clock.advance(3);
        let before = app.store.statements_sent();
        assert_eq!(browser.get("/mijn-leidraad").await.status(), StatusCode::OK);
        let cold = app.store.statements_sent() - before;
        let before = app.store.statements_sent();
        assert_eq!(browser.get("/mijn-leidraad").await.status(), StatusCode::OK);
        let warm = app.store.statements_sent() - before;
        assert!(cold <= 2 && warm <= 1, "{email}: {cold} cold, {warm} warm");
    }
}

#[tokio::test]
async fn the_start_page_speaks_english_too() {
    let app = spawn_app().await;
    world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let page = admin
        .client
        .get(app.url("/mijn-leidraad"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let text = text_of(&page);
    assert!(
        text.contains("My Leidraad") && text.contains("What you manage"),
        "{text}"
    );
    assert!(text.contains("5 members"));
}
