//! Setup, sign-in, CSRF and sessions.

use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;

use crate::helpers::spawn_app;

use super::*;

#[tokio::test]
async fn a_fresh_install_leads_to_setup_which_refuses_nonsense_and_runs_once() {
    let app = spawn_app().await;
    let response = app.get("/inloggen").await;
    assert_eq!(location(&response), "/installatie");
    let browser = Browser::new(&app);
    for (organisation, email, password, again, code) in [
        (
            "",
            "a@b.example",
            PASSWORD,
            PASSWORD,
            "Vul de naam van de organisatie in",
        ),
        (
            "Bestuur",
            "geen-adres",
            PASSWORD,
            PASSWORD,
            "geen geldig e-mailadres",
        ),
        (
            "Bestuur",
            "a@b.example",
            "kort",
            "kort",
            "minstens 12 tekens",
        ),
        (
            "Bestuur",
            "a@b.example",
            "password1234",
            "password1234",
            "veelgebruikte",
        ),
        (
            "Bestuur",
            "a@b.example",
            PASSWORD,
            "iets anders dan dat",
            "niet gelijk",
        ),
    ] {
        let response = browser
            .post(
                "/installatie",
                &[
                    ("organisation", organisation),
                    ("name", "Ada"),
                    ("email", email),
                    ("password", password),
                    ("password_again", again),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let html = response.text().await.unwrap();
        assert!(html.contains(code), "{code}: {html}");
        assert_eq!(app.store.count_people().await.unwrap(), 0, "nothing stored");
    }
    let fields = [
        ("organisation", "Bestuur Noord"),
        ("name", "Ada"),
        ("email", "Ada@Noord.example"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ];
    let response = browser.post("/installatie", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        "/mijn-leidraad?melding=ingericht",
        "the new admin lands on the start page"
    );
    let html = browser
        .get(&location(&response))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Bestuur Noord") && html.contains("beheerder"),
        "{html}"
    );
    let second = Browser::new(&app).post("/installatie", &fields).await;
    assert_eq!(second.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.store.count_people().await.unwrap(), 1);
}

#[tokio::test]
async fn signing_in_sets_a_fresh_strict_cookie_and_refuses_both_unknown_and_wrong_alike() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::new(&app);
    let wrong = browser
        .post(
            "/inloggen",
            &[
                ("email", "admin@a.example"),
                ("password", "not the password"),
            ],
        )
        .await;
    let unknown = browser
        .post(
            "/inloggen",
            &[
                ("email", "nobody@a.example"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(
        (wrong.status(), unknown.status()),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    let (wrong, unknown) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert!(wrong.contains("horen niet bij elkaar"));
    assert_eq!(
        wrong.replace("admin@a.example", "X"),
        unknown.replace("nobody@a.example", "X"),
        "the same answer for a known and an unknown email"
    );

    let mut cookies = Vec::new();
    for _ in 0..2 {
        let response = Browser::new(&app)
            .post(
                "/inloggen",
                &[
                    ("email", "ADMIN@a.example"),
                    ("password", PASSWORD),
                    ("terug", "/account"),
                ],
            )
            .await;
        assert_eq!(location(&response), "/account");
        let cookie = response
            .headers()
            .get(SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        for attribute in [
            "leidraad_session=",
            "HttpOnly",
            "SameSite=Lax",
            "Path=/",
            "Max-Age=43200",
        ] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        cookies.push(cookie);
    }
    assert_ne!(cookies[0], cookies[1], "a new session id at every sign-in");
    assert_eq!(
        app.store
            .sessions_of(world.people["admin"].1)
            .await
            .unwrap()
            .len(),
        2
    );
    let outside = browser
        .post(
            "/inloggen",
            &[
                ("email", "admin@a.example"),
                ("password", PASSWORD),
                ("terug", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(
        location(&outside),
        "/mijn-leidraad",
        "never back to another site"
    );
}

#[tokio::test]
async fn state_never_changes_without_the_session_token_or_from_another_site() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/scholen", world.org_a);
    let without_token = admin
        .client
        .post(app.url(&path))
        .form(&[("name", "Sneaky")])
        .send()
        .await
        .unwrap();
    assert_eq!(without_token.status(), StatusCode::FORBIDDEN);
    assert!(
        without_token
            .text()
            .await
            .unwrap()
            .contains("Verzoek geweigerd")
    );
    let cross_site = admin
        .client
        .post(app.url(&path))
        .header("origin", "https://evil.example")
        .form(&[("name", "Sneaky"), ("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let fetch_site = admin
        .client
        .post(app.url(&path))
        .header("sec-fetch-site", "cross-site")
        .form(&[("name", "Sneaky"), ("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_site.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.schools(world.org_a).await.unwrap().len(),
        2,
        "no school added"
    );
    let proper = admin.post(&path, &[("name", "School A3")]).await;
    assert_eq!(proper.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.schools(world.org_a).await.unwrap().len(), 3);
}

#[tokio::test]
async fn sessions_end_on_sign_out_when_idle_and_when_old() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = Browser::signed_in(&app, "admin@a.example").await;
    assert_eq!(browser.get("/account").await.status(), StatusCode::OK);
    app.clock.advance(29 * 60);
    assert_eq!(
        browser.get("/account").await.status(),
        StatusCode::OK,
        "29 idle minutes"
    );
    app.clock.advance(31 * 60);
    let expired = browser.get("/account").await;
    assert_eq!(expired.status(), StatusCode::SEE_OTHER, "31 idle minutes");
    assert_eq!(
        location(&expired),
        "/inloggen?terug=%2Faccount&melding=sessie-verlopen",
        "back to the page after signing in, told why"
    );
    let told = browser.get(&location(&expired)).await.text().await.unwrap();
    assert!(
        told.contains("sessie is verlopen"),
        "the sign-in page says why"
    );

    let browser = Browser::signed_in(&app, "admin@a.example").await;
    for _ in 0..25 {
        app.clock.advance(29 * 60);
        if browser.get("/account").await.status() != StatusCode::OK {
            break;
        }
    }
    assert_eq!(
        browser.get("/account").await.status(),
        StatusCode::SEE_OTHER,
        "12 hours at most"
    );

    let browser = Browser::signed_in(&app, "admin@a.example").await;
    let jar_copy = browser.get("/account").await;
    assert_eq!(jar_copy.status(), StatusCode::OK);
    assert_eq!(
        browser.post("/uitloggen", &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        browser.get("/account").await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_person_sees_their_sessions_and_ends_another_one() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let laptop = Browser::signed_in(&app, "admin@a.example").await;
    let phone = Browser::signed_in(&app, "admin@a.example").await;
    let sessions = app
        .store
        .sessions_of(world.people["admin"].1)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 2);
    let html = laptop.get("/account").await.text().await.unwrap();
    assert!(html.contains("deze sessie"));
    let phone_session = sessions.iter().map(|s| s.id).max().unwrap();
    let response = laptop
        .post(&format!("/account/sessies/{phone_session}/beeindigen"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        phone.get("/account").await.status(),
        StatusCode::SEE_OTHER,
        "the phone is out"
    );
    assert_eq!(laptop.get("/account").await.status(), StatusCode::OK);
    let other = Browser::signed_in(&app, "staff@a.example").await;
    let laptop_session = app
        .store
        .sessions_of(world.people["admin"].1)
        .await
        .unwrap()[0]
        .id;
    let response = other
        .post(
            &format!("/account/sessies/{laptop_session}/beeindigen"),
            &[],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "never someone else's session"
    );
    assert_eq!(laptop.get("/account").await.status(), StatusCode::OK);
}
