//! The sort page and the pile board on a phone: no wider than the screen, tap targets of
//! 44 px, the piles and the star on the first screen; and axe in both languages.

use super::super::phone::too_wide;
use super::super::*;
use super::{LEADER, visie};
use crate::accounts::PASSWORD;

/// The viewport of a phone of `width` × `height` CSS pixels, with its overlay scrollbars: a
/// window of that size would lose some of it to the browser's own frame.
async fn phone(browser: &Browser, width: u32, height: u32) {
    let metrics = serde_json::json!({
        "cmd": "Emulation.setDeviceMetricsOverride",
        "params": { "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true },
    });
    browser
        .command(reqwest::Method::POST, "/goog/cdp/execute", Some(metrics))
        .await;
}

/// Visible controls matching `css` smaller than 44 px in either direction.
async fn small_targets(browser: &Browser, css: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll(\"{css}\")]
           .filter(e => e.offsetParent !== null)
           .map(e => [e, e.getBoundingClientRect()])
           .filter(([, r]) => r.width < 44 || r.height < 44)
           .map(([e, r]) => e.className + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));"
    );
    let found = browser.execute(&script).await;
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn both_pages_fit_a_phone_with_piles_and_star_on_the_first_screen_and_pass_axe() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let id = visie(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, LEADER, PASSWORD).await;
    // A long card, a note and a star, so the pages show everything they can.
    let sort = app.url(&format!("/reflecties/{id}/sorteren?kaart=visie-04"));
    browser.goto(&sort).await;
    let star = browser.find(".star-toggle").await;
    browser.click(&star).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent === 'Opgeslagen'")
        .await;
    let board = app.url(&format!("/reflecties/{id}/lijst?domein=visie"));
    let mut serious = Vec::new();
    for language in ["nl", "en"] {
        serious.extend(axe_violations(&browser, &axe, &sort, language).await);
        serious.extend(axe_violations(&browser, &axe, &board, language).await);
        if language == "nl" {
            switch_language(&browser, "en").await;
        }
    }
    switch_language(&browser, "nl").await;

    for (width, height) in [(390, 844), (360, 740)] {
        phone(&browser, width, height).await;
        browser.goto(&sort).await;
        let inner = browser.execute("return window.innerWidth").await;
        assert_eq!(inner, serde_json::json!(width), "the window is a phone's");
        assert_eq!(
            too_wide(&browser).await,
            Vec::<String>::new(),
            "sort at {width}"
        );
        assert_eq!(
            small_targets(&browser, ".pile, .star-toggle, .sort-top a, .pager a").await,
            Vec::<String>::new()
        );
        // At 390 × 844 the piles and the star are on the first screen, for the longest card
        // of the standard too.
        let longest = app.url(&format!("/reflecties/{id}/sorteren?kaart=omgeving-02"));
        let first_screen = if width == 390 {
            vec![&sort, &longest]
        } else {
            Vec::new()
        };
        for page in first_screen {
            browser.goto(page).await;
            let below = browser
                .execute(
                    "return [...document.querySelectorAll('.pile, .star-toggle')]
                       .filter(e => e.getBoundingClientRect().bottom > window.innerHeight)
                       .map(e => e.className);",
                )
                .await;
            let layout = browser
                .execute(
                    "return [window.innerHeight].concat([...document.querySelectorAll('header, .sort-top, .sort-card__text, .pile--4, .star-toggle')]
                       .map(e => e.className + ' ' + Math.round(e.getBoundingClientRect().top) + '-' + Math.round(e.getBoundingClientRect().bottom)));",
                )
                .await;
            assert_eq!(
                below,
                serde_json::json!([]),
                "all four piles and the star in view: {layout}"
            );
        }
        browser.goto(&board).await;
        assert_eq!(
            too_wide(&browser).await,
            Vec::<String>::new(),
            "board at {width}"
        );
        assert_eq!(
            small_targets(
                &browser,
                ".move, .board-tabs a, .board-card__edit, .domain-picker select"
            )
            .await,
            Vec::<String>::new()
        );
    }
    serious.extend(axe_violations(&browser, &axe, &board, "nl").await);
    browser.close().await;
    app.stop().await;
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}
