//! The start page and the account pages in Chromium on a 390-px phone: every role lands on
//! Mijn Leidraad after signing in, nothing scrolls sideways, the buttons are big enough to
//! tap, and axe finds nothing serious, in both languages; and at 1280 px the header keeps a
//! member's sections on one row.

use reqwest::Method;
use serde_json::{Value, json};

use crate::accounts::PASSWORD;
use crate::browser::phone::too_wide;
use crate::browser::{Browser, axe_source, axe_violations, enabled, sign_in, switch_language};
use crate::helpers::{TestApp, spawn_app};
use crate::reflections::call;

/// What is wider than the window (see [`too_wide`]), or a button lower than 44 px, on the
/// page shown now.
async fn phone_problems(browser: &Browser, page: &str) -> Vec<String> {
    let small = browser
        .execute(
            "return [...document.querySelectorAll(
                 'main .button, main button, .account-nav a, .account-nav button')]
               .filter(e => e.getClientRects().length > 0)
               .filter(e => e.getBoundingClientRect().height < 44)
               .slice(0, 5)
               .map(e => 'small: ' + e.textContent.trim() + ' ('
                 + Math.round(e.getBoundingClientRect().height) + ' px)');",
        )
        .await;
    let small = small.as_array().expect("a list").iter();
    too_wide(browser)
        .await
        .into_iter()
        .map(|wide| format!("{page}: wide: {wide}"))
        .chain(small.map(|v| format!("{page}: {}", v.as_str().unwrap_or_default())))
        .collect()
}

/// A leader with a moment in progress and a finished one shared with the board member.
async fn reflections(app: &TestApp, organisation: i64) {
    let leader = crate::accounts::Browser::signed_in(app, "school-leader@a.example").await;
    let mut ids = Vec::new();
    for domains in [
        json!(["visie"]),
        json!(["visie", "medewerkers", "omgeving"]),
    ] {
        let started = call(
            &leader,
            Method::POST,
            "/api/v1/reflections",
            // The second starts while the first is open: confirmed, as the page would ask.
            Some(json!({"organisation": organisation, "domains": domains, "confirm": true})),
        )
        .await;
        let id = started.json::<Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        for card in ["visie-01", "visie-02", "visie-03"] {
            let path = format!("/api/v1/reflections/{id}/answers/{card}");
            call(&leader, Method::PUT, &path, Some(json!({"pile": 2}))).await;
        }
        ids.push(id);
    }
    let finish = format!("/api/v1/reflections/{}/finish", ids[0]);
    call(&leader, Method::POST, &finish, None).await;
    let share = format!("/api/v1/reflections/{}/shares", ids[0]);
    let body = json!({"email": "board-member@a.example"});
    call(&leader, Method::POST, &share, Some(body)).await;
}

/// Switches the language where the switch is in view, then goes back to the phone's width.
async fn wide_switch(browser: &Browser, language: &str) {
    browser.set_window_size(1280, 900).await;
    switch_language(browser, language).await;
    browser.set_window_size(390, 844).await;
}

/// At 1280 px a member's sections fit one row under the site's menu, and the language
/// switch stays up on the brand's row.
async fn wide_header_problems(browser: &Browser, who: &str) -> Vec<String> {
    let header = browser
        .execute(
            "const middle = (e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
             const ys = [...document.querySelectorAll('.account-nav--member a, .account-nav--member button')].map(middle);
             const rows = ys.filter((y, i) => ys.findIndex((z) => Math.abs(z - y) < 10) === i).length;
             const beside = Math.abs(middle(document.querySelector('.language-switch button'))
                 - middle(document.querySelector('.brand'))) < 20;
             return { rows, beside };",
        )
        .await;
    let mut problems = Vec::new();
    if header["rows"] != 1 {
        problems.push(format!(
            "{who}: the sections take {} rows at 1280 px",
            header["rows"]
        ));
    }
    if header["beside"] != true {
        problems.push(format!(
            "{who}: the language switch left the brand's row at 1280 px"
        ));
    }
    problems
}

#[tokio::test]
async fn every_role_lands_on_its_start_page_which_fits_a_phone_and_passes_axe() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let world = crate::accounts::world(&app).await;
    let org = world.org_a;
    reflections(&app, org.get()).await;
    let browser = Browser::start().await;
    browser.set_window_size(390, 844).await;
    let mut problems = Vec::new();
    let mut serious = Vec::new();
    for email in [
        "school-leader@a.example",
        "staff@a.example",
        "coach@a.example",
        "board-member@a.example",
        "admin@a.example",
    ] {
        sign_in(&browser, &app, email, PASSWORD).await;
        let landed = browser.execute("return location.pathname").await;
        assert_eq!(landed, "/mijn-leidraad", "{email} lands on the start page");
        problems.extend(phone_problems(&browser, &format!("{email} /mijn-leidraad")).await);
        let mut pages = vec!["/mijn-leidraad".to_owned(), "/account".to_owned()];
        if email == "admin@a.example" {
            pages.extend([
                "/account/verwijderen".to_owned(),
                "/reflecties".to_owned(),
                format!("/organisaties/{org}"),
                format!(
                    "/organisaties/{org}/scholen/{}/verwijderen",
                    world.school_a1
                ),
                format!("/organisaties/{org}/logboek"),
                format!("/organisaties/{org}/postvak-uit"),
            ]);
        }
        for language in ["nl", "en"] {
            if language == "en" {
                wide_switch(&browser, "en").await;
            }
            for page in &pages {
                serious.extend(axe_violations(&browser, &axe, &app.url(page), language).await);
                problems.extend(phone_problems(&browser, &format!("{email} {page}")).await);
            }
            if language == "en" {
                wide_switch(&browser, "nl").await;
            }
        }
        // On a phone the menu folds away behind its button: sign out where it is in view.
        browser.set_window_size(1280, 900).await;
        problems.extend(wide_header_problems(&browser, email).await);
        let sign_out = browser.find(".account-nav button").await;
        browser.click(&sign_out).await;
        browser.wait_for("location.pathname === '/inloggen'").await;
        browser.set_window_size(390, 844).await;
    }
    for link in ["/uitnodiging/onbekend", "/wachtwoord-herstellen/onbekend"] {
        serious.extend(axe_violations(&browser, &axe, &app.url(link), "nl").await);
        problems.extend(phone_problems(&browser, link).await);
    }
    browser.close().await;
    app.stop().await;
    assert!(problems.is_empty(), "on a phone:\n{}", problems.join("\n"));
    assert!(
        serious.is_empty(),
        "serious or critical violations:\n{}",
        serious.join("\n")
    );
}
