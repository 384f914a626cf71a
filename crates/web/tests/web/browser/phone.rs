//! Every signed-in page on a 390-px phone, walked from the route table: nothing is wider than
//! the screen, also with the header's menu open. A page added later is walked without a hand
//! edit here.

use leidraad_web::Reach;
use reqwest::Method;
use serde_json::json;

use super::*;
use crate::accounts::{PASSWORD, world};
use crate::reflections::call;
use crate::routes::path_for_anyone;

/// What is wider than the window on the page shown now, at most five, with where it ends.
pub async fn too_wide(browser: &Browser) -> Vec<String> {
    let found = browser
        .execute(
            "const inner = window.innerWidth;
             const wide = [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > inner + 1)
               .slice(0, 5)
               .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '')
                 + ' ends at ' + Math.round(e.getBoundingClientRect().right));
             const scroll = document.documentElement.scrollWidth > inner
               ? ['the page scrolls sideways: ' + document.documentElement.scrollWidth] : [];
             return scroll.concat(wide);",
        )
        .await;
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A finished reflection on three domains with a few cards sorted, and an earlier one, so the
/// profile, the comparison and the exports have something to show.
async fn two_moments(leader: &crate::accounts::Browser<'_>, organisation: i64) -> (i64, i64) {
    let mut ids = Vec::new();
    for _ in 0..2 {
        let started = call(
            leader,
            Method::POST,
            "/api/v1/reflections",
            Some(json!({"organisation": organisation,
                        "domains": ["visie", "medewerkers", "omgeving"]})),
        )
        .await;
        let id = started.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        for (card, pile) in [("visie-02", 4), ("medewerkers-03", 1), ("omgeving-11", 3)] {
            let path = format!("/api/v1/reflections/{id}/answers/{card}");
            let body = json!({"pile": pile, "note": "Een notitie van een flinke lengte om te zien of de tekst netjes afbreekt op een smal scherm."});
            let saved = call(leader, Method::PUT, &path, Some(body)).await;
            assert!(saved.status().is_success(), "{path}: {}", saved.status());
        }
        let finish = format!("/api/v1/reflections/{id}/finish");
        call(leader, Method::POST, &finish, None).await;
        ids.push(id);
    }
    (ids[0], ids[1])
}

/// The API and downloads are not pages.
fn is_page(path: &str) -> bool {
    !(path.starts_with("/api/")
        || path.ends_with(".csv")
        || path.ends_with(".json")
        || path.ends_with(".xlsx")
        || path.contains("{table}"))
}

#[tokio::test]
async fn every_signed_in_page_fits_a_phone_also_with_the_menu_open() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = crate::accounts::Browser::signed_in(&app, "school-leader@a.example").await;
    let (earlier, later) = two_moments(&leader, world.org_a.get()).await;
    let scan = crate::space_scans::pages::start(&leader, &world, &[]).await;
    let browser = Browser::start().await;
    browser.set_window_size(390, 844).await;
    let mut problems = Vec::new();
    // The admin reads the organisation's pages; the leader her own, her reflections and a
    // team scan.
    for (email, reaches) in [
        ("admin@a.example", vec![Reach::Organisation]),
        (
            "school-leader@a.example",
            vec![Reach::Personal, Reach::Reflection, Reach::Scan],
        ),
    ] {
        sign_in(&browser, &app, email, PASSWORD).await;
        for (method, pattern, reach) in leidraad_web::route_table() {
            if method != Method::GET || !reaches.contains(&reach) || !is_page(pattern) {
                continue;
            }
            let mut path = if reach == Reach::Scan {
                pattern.replace("{id}", &scan.to_string())
            } else {
                path_for_anyone(pattern, &world, later)
            };
            if pattern == "/reflecties/vergelijk" {
                path = format!("{path}?a={earlier}&b={later}");
            }
            browser.goto(&app.url(&path)).await;
            for problem in too_wide(&browser).await {
                problems.push(format!("{email} {path}: {problem}"));
            }
            // The header's menu, opened, must fit too.
            let toggle = browser.find_all(".menu-toggle").await;
            if let Some(toggle) = toggle.first() {
                browser.click(toggle).await;
                for problem in too_wide(&browser).await {
                    problems.push(format!("{email} {path} with the menu open: {problem}"));
                }
            }
        }
        browser.goto(&app.url("/organisaties")).await;
        let sign_out = browser.find("form[action='/uitloggen'] button").await;
        browser
            .execute("document.querySelector('.site-header').classList.add('site-header--open')")
            .await;
        browser.click(&sign_out).await;
        browser.wait_for("location.pathname === '/inloggen'").await;
    }
    browser.close().await;
    assert!(problems.is_empty(), "on a phone:\n{}", problems.join("\n"));
}
