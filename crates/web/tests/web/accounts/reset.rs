//! The sign-in throttle and reset links.

use reqwest::StatusCode;

use crate::helpers::spawn_app;

use super::*;

#[tokio::test]
async fn failed_sign_ins_are_throttled_but_a_reset_still_gets_the_person_in() {
    let app = spawn_app().await;
    world(&app).await;
    let browser = Browser::new(&app);
    for attempt in 0..10 {
        let response = browser
            .post(
                "/inloggen",
                &[
                    ("email", "admin@a.example"),
                    ("password", "wrong password here"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    let throttled = browser
        .post(
            "/inloggen",
            &[("email", "admin@a.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        throttled.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    // 30 s after the tenth failure; the attempts themselves may have taken a second or two.
    let retry_after: i64 = throttled.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((25..=30).contains(&retry_after), "{retry_after}");
    assert!(
        throttled
            .text()
            .await
            .unwrap()
            .contains("Te veel mislukte pogingen")
    );

    let response = browser
        .post("/wachtwoord-vergeten", &[("email", "admin@a.example")])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let link = link_in(&newest_mail(&app).await, "/wachtwoord-herstellen/");
    let new_password = "a brand new passphrase";
    let response = browser
        .post(
            &link,
            &[("password", new_password), ("password_again", new_password)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = browser
        .post(
            "/inloggen",
            &[("email", "admin@a.example"), ("password", new_password)],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "the reset lifted the account's throttle"
    );
}

#[tokio::test]
async fn a_reset_link_works_once_for_an_hour_sends_no_referrer_and_ends_all_sessions() {
    let app = spawn_app().await;
    world(&app).await;
    let old_session = Browser::signed_in(&app, "staff@a.example").await;
    let browser = Browser::new(&app);
    let unknown = browser
        .post("/wachtwoord-vergeten", &[("email", "nobody@a.example")])
        .await;
    let known = browser
        .post("/wachtwoord-vergeten", &[("email", "staff@a.example")])
        .await;
    assert_eq!(
        unknown.text().await.unwrap().replace("nobody", "X"),
        known.text().await.unwrap().replace("staff", "X"),
        "the same answer for known and unknown emails"
    );
    let bad = browser
        .post("/wachtwoord-vergeten", &[("email", "geen adres")])
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    let mail = newest_mail(&app).await;
    assert!(
        mail.contains("To: staff@a.example") && mail.contains("Nieuw wachtwoord voor Leidraad"),
        "{mail}"
    );
    let link = link_in(&mail, "/wachtwoord-herstellen/");
    let page = browser.get(&link).await;
    assert_eq!(page.headers()["referrer-policy"], "no-referrer");
    let weak = browser
        .post(
            &link,
            &[
                ("password", "password1234"),
                ("password_again", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status(), StatusCode::BAD_REQUEST);
    assert_eq!(weak.headers()["referrer-policy"], "no-referrer");
    let fresh = "another good passphrase";
    let done = browser
        .post(&link, &[("password", fresh), ("password_again", fresh)])
        .await;
    assert_eq!(location(&done), "/inloggen?melding=wachtwoord-gewijzigd");
    assert_eq!(
        old_session.get("/account").await.status(),
        StatusCode::SEE_OTHER,
        "old sessions end"
    );
    let again = browser
        .post(
            &link,
            &[
                ("password", "yet another passphrase"),
                ("password_again", "yet another passphrase"),
            ],
        )
        .await;
    assert_eq!(again.status(), StatusCode::GONE, "single use");
    assert_eq!(again.headers()["referrer-policy"], "no-referrer");
    let again = again.text().await.unwrap();
    assert!(
        again.contains("Deze link werkt niet meer")
            && again.contains(r#"href="/wachtwoord-vergeten""#),
        "says what happened and what to do: {again}"
    );

    browser
        .post("/wachtwoord-vergeten", &[("email", "staff@a.example")])
        .await;
    let late = link_in(&newest_mail(&app).await, "/wachtwoord-herstellen/");
    app.clock.advance(3601);
    assert_eq!(
        browser.get(&late).await.status(),
        StatusCode::GONE,
        "an hour at most"
    );
    let nonsense = browser.get("/wachtwoord-herstellen/nonsense").await;
    assert_eq!(nonsense.status(), StatusCode::NOT_FOUND);
    assert_eq!(nonsense.headers()["referrer-policy"], "no-referrer");
    assert!(
        nonsense
            .text()
            .await
            .unwrap()
            .contains("Nieuwe link aanvragen")
    );
}
