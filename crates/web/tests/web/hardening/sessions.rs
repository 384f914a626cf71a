//! Sessions, names, caching and the throttle behind a proxy.

use crate::accounts::{Browser, world};
use crate::helpers::{spawn_app, spawn_app_configured};
use crate::reflections::call;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;

#[tokio::test]
async fn names_with_control_characters_are_refused_with_a_clear_message_and_change_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let before = app.store.schools(world.org_a).await.unwrap().len();
    for name in ["School\u{0}A3", "School\u{1b}[31m", "twee\nregels"] {
        let api = call(
            &admin,
            Method::POST,
            &format!("/api/v1/organisations/{}/schools", world.org_a),
            Some(json!({ "name": name })),
        )
        .await;
        assert_eq!(api.status(), StatusCode::BAD_REQUEST, "{name:?}");
        let problem: Value = api.json().await.unwrap();
        assert_eq!(problem["code"], "school-name-invalid");
        assert!(!problem["title"].as_str().unwrap().contains("Unknown"));

        let token = call(
            &admin,
            Method::POST,
            "/api/v1/me/tokens",
            Some(json!({ "name": name })),
        )
        .await;
        assert_eq!(token.status(), StatusCode::BAD_REQUEST, "{name:?}");
        assert_eq!(
            token.json::<Value>().await.unwrap()["code"],
            "token-name-invalid"
        );

        let page = admin
            .post(
                &format!("/organisaties/{}/naam", world.org_a),
                &[("name", name)],
            )
            .await;
        assert_eq!(page.status(), StatusCode::BAD_REQUEST, "{name:?}");
        let html = page.text().await.unwrap();
        assert!(html.contains("tekens die niet in een naam horen"), "{html}");
        let school = admin
            .post(
                &format!("/organisaties/{}/scholen", world.org_a),
                &[("name", name)],
            )
            .await;
        assert_eq!(school.status(), StatusCode::BAD_REQUEST, "{name:?}");
    }
    assert_eq!(app.store.schools(world.org_a).await.unwrap().len(), before);
    assert!(
        app.store
            .api_tokens_of(world.people["admin"].1)
            .await
            .unwrap()
            .is_empty()
    );
    let organisation = app.store.organisation(world.org_a).await.unwrap().unwrap();
    assert_eq!(organisation.name, "Bestuur A");
}

#[tokio::test]
async fn email_problems_in_the_api_have_real_titles_in_both_languages() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    for (language, title) in [("nl", "Dit verzoek klopt niet"), ("en", "This request")] {
        let response = admin
            .client
            .post(app.url(&format!(
                "/api/v1/organisations/{}/invitations",
                world.org_a
            )))
            .header("x-csrf-token", &admin.csrf)
            .header("accept-language", language)
            .json(&json!({"email": "geen-adres", "roles": ["staff"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], "email-invalid");
        let shown = problem["title"].as_str().unwrap();
        assert!(!shown.contains("Unknown localization"), "{shown}");
        assert!(shown.contains(title), "{shown}");
    }
}

#[tokio::test]
async fn signing_in_over_an_ended_sessions_cookie_keeps_the_new_session() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    // The session ends on its own while the browser keeps the cookie.
    app.clock.advance(31 * 60);
    let again = browser
        .post(
            "/inloggen",
            &[
                ("email", "staff@a.example"),
                ("password", crate::accounts::PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let cookies: Vec<_> = again
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        cookies.len(),
        1,
        "one cookie, not set and then cleared: {cookies:?}"
    );
    assert!(!cookies[0].contains("Max-Age=0"), "{cookies:?}");
    let profile = browser.get("/account").await;
    assert_eq!(profile.status(), StatusCode::OK, "signed in");
}

#[tokio::test]
async fn with_a_one_minute_idle_limit_an_active_session_stays() {
    let app = spawn_app_configured(None, |settings| settings.session.idle = 60).await;
    world(&app).await;
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    for _ in 0..6 {
        app.clock.advance(40);
        let page = browser.get("/account").await;
        assert_eq!(page.status(), StatusCode::OK, "still signed in");
    }
    app.clock.advance(61);
    let page = browser.get("/account").await;
    assert_eq!(
        page.status(),
        StatusCode::SEE_OTHER,
        "idle for a minute: ended"
    );
}

#[tokio::test]
async fn cached_content_pages_answer_only_get() {
    let app = spawn_app().await;
    for (path, method) in [
        ("/standaard", Method::DELETE),
        ("/standaard", Method::POST),
        ("/api/v1/frameworks", Method::POST),
        ("/dialoogkaarten", Method::PUT),
    ] {
        assert_eq!(app.get(path).await.status(), StatusCode::OK);
        assert_eq!(app.get(path).await.status(), StatusCode::OK, "from memory");
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .header("sec-fetch-site", "same-origin")
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn personal_answers_are_never_stored_by_the_browser() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = finished_reflection(&leader, world.org_a.get()).await;
    for path in [
        "/account".to_owned(),
        "/reflecties".to_owned(),
        format!("/reflecties/{id}"),
        format!("/api/v1/reflections/{id}"),
        "/api/v1/me/export".to_owned(),
        format!("/organisaties/{}", world.org_a),
    ] {
        let response = leader.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        assert!(
            !response.headers().contains_key("strict-transport-security"),
            "no HSTS over plain http"
        );
    }
    let home = app.get("/").await.text().await.unwrap();
    let marker = "rel=\"stylesheet\" href=\"";
    let css = &home[home.find(marker).unwrap() + marker.len()..];
    let css = &css[..css.find('"').unwrap()];
    let response = app.get(css).await;
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable"),
        "assets stay cacheable"
    );

    let https = spawn_app_configured(None, |settings| {
        settings.public_url = Some("https://leidraad.bestuur.example".into());
    })
    .await;
    let response = https.get("/").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

#[tokio::test]
async fn behind_a_proxy_the_throttle_counts_the_address_the_proxy_added_and_lets_colleagues_in() {
    let app = spawn_app_configured(None, |settings| settings.forwarded_hops = 1).await;
    world(&app).await;
    let attempt = |email: String, password: &'static str, spoofed: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/inloggen"))
                .header("x-forwarded-for", format!("{spoofed}, 192.0.2.7"))
                .form(&[("email", email.as_str()), ("password", password)])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // One password sprayed over many accounts, each try with another made-up address in front.
    for n in 0..30 {
        let status = attempt(
            format!("gok{n}@a.example"),
            "Welkom01!welkom",
            format!("10.0.{n}.1"),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "refused, not yet throttled"
        );
    }
    // The address (the proxy's entry) is over its limit now: an account that failed from it
    // waits, whatever the client writes in front.
    assert_eq!(
        attempt(
            "gok0@a.example".into(),
            "Welkom01!welkom",
            "10.9.9.9".into()
        )
        .await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // A colleague on the same network who types the right password gets in.
    assert_eq!(
        attempt(
            "staff@a.example".into(),
            crate::accounts::PASSWORD,
            "10.9.9.9".into()
        )
        .await,
        StatusCode::SEE_OTHER
    );
}
