//! The pile board by keyboard alone, on a desktop and on a phone.

use super::super::*;
use super::{LEADER, pile_of, visie};
use crate::accounts::PASSWORD;

/// Presses Tab until the focus is on an element matching `css`, at most `limit` times.
async fn tab_to(browser: &Browser, css: &str, limit: usize) {
    let check = format!(
        "return !!document.activeElement.closest({})",
        serde_json::to_string(css).unwrap()
    );
    for _ in 0..limit {
        if browser.execute(&check).await == serde_json::Value::Bool(true) {
            return;
        }
        browser.press(&[TAB]).await;
    }
    panic!("Tab never reached `{css}`");
}

fn active_card() -> &'static str {
    "(document.activeElement.closest('.board-card') || {}).dataset"
}

#[tokio::test]
async fn the_pile_board_works_by_keyboard_alone() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let id = visie(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, LEADER, PASSWORD).await;
    browser
        .goto(&app.url(&format!("/reflecties/{id}/lijst?domein=visie")))
        .await;
    // From the top of the page, by Tab only: one stop per card, not one per button.
    tab_to(&browser, ".board-card .move", 60).await;
    let first = browser
        .execute(&format!("return {}.card", active_card()))
        .await;
    assert_eq!(first.as_str(), Some("visie-01"));
    browser.press(&[TAB, TAB]).await;
    let second = browser
        .execute(&format!("return {}.card", active_card()))
        .await;
    assert_eq!(
        second.as_str(),
        Some("visie-02"),
        "the next card, after its edit link"
    );

    // A key moves the card; the focus goes with it.
    browser.press(&["2"]).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    assert_eq!(pile_of(&app, id, "visie-02").await, Some(2));
    let focus = browser
        .execute("const a = document.activeElement; return [a.closest('.board-pile').dataset.pile, a.value]")
        .await;
    assert_eq!(focus, serde_json::json!(["2", "visie-02=2"]));
    let said = browser.text(&browser.find(".save-status").await).await;
    assert!(
        said.starts_with("Verplaatst naar ‘soms’: Ik houd focus"),
        "{said}"
    );

    // The arrows go along the card's buttons; Enter moves it there.
    browser.press(&["\u{E012}", ENTER]).await; // ArrowLeft
    browser
        .wait_for("document.querySelector('#stapel-1 [data-card=\"visie-02\"]') !== null")
        .await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    assert_eq!(pile_of(&app, id, "visie-02").await, Some(1));
    let pressed = browser
        .execute("return document.activeElement.getAttribute('aria-pressed') + document.activeElement.value")
        .await;
    assert_eq!(pressed.as_str(), Some("truevisie-02=1"));
    let counts = browser
        .execute("return [...document.querySelectorAll('.board-pile__title .board-count')].map(c => c.textContent)")
        .await;
    assert_eq!(counts, serde_json::json!(["6", "1", "0", "0", "0"]));

    // On a phone one column shows; a card moved off it hands the focus to the next card.
    browser.set_window_size(390, 844).await;
    browser
        .goto(&app.url(&format!("/reflecties/{id}/lijst?domein=visie")))
        .await;
    tab_to(&browser, ".board-card .move", 60).await;
    let first = browser
        .execute(&format!("return {}.card", active_card()))
        .await;
    assert_eq!(
        first.as_str(),
        Some("visie-01"),
        "the column of cards not laid yet"
    );
    browser.press(&["4"]).await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    let next = browser
        .execute(&format!("return [{0}.card, {0}.pile]", active_card()))
        .await;
    assert_eq!(next, serde_json::json!(["visie-03", "0"]));
    assert_eq!(pile_of(&app, id, "visie-01").await, Some(4));
    // The tabs by keyboard: the column of pile 4 shows, with the card just put there first.
    browser
        .goto(&app.url(&format!("/reflecties/{id}/lijst?domein=visie")))
        .await;
    tab_to(&browser, ".board-tabs a[data-show='4']", 60).await;
    browser.press(&[ENTER]).await;
    browser
        .wait_for("document.getElementById('stapel-4').offsetParent !== null")
        .await;
    browser.press(&[TAB]).await;
    let shown = browser
        .execute(&format!("return {}.card", active_card()))
        .await;
    assert_eq!(shown.as_str(), Some("visie-01"));
    // The last card of a column moved away: the focus rests on the column's heading.
    browser.press(&["1"]).await;
    browser
        .wait_for("document.activeElement.id === 'h-pile-4'")
        .await;
    browser
        .wait_for("document.querySelector('.save-status').textContent.endsWith('Opgeslagen')")
        .await;
    assert_eq!(pile_of(&app, id, "visie-01").await, Some(1));
    browser.close().await;
    app.stop().await;
}
