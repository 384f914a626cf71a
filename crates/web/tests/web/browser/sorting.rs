//! Sorting cards in Chromium (issue 10): a session that ends mid-sort loses nothing and leads
//! back to the same card (or board) with the text or the move, saved then; text the server
//! holds that is newer is never overwritten; the form without script gives typed text back.
//! The board by keyboard (`keyboard`) and both pages on a phone with axe (`phone`) follow.

use leidraad_store::reflections::NewReflection;

use super::*;

mod keyboard;
mod phone;
use crate::accounts::{PASSWORD, world};
use crate::helpers::TestApp;

pub const LEADER: &str = "school-leader@a.example";

/// An open reflection of the school leader on the domains "visie" (seven cards) and
/// "omgeving" (which holds the longest card of the standard).
pub async fn visie(app: &TestApp) -> i64 {
    let world = world(app).await;
    let library = leidraad_domain::load_library(&leidraad_web::embedded_content()).unwrap();
    let framework = library.default_framework().unwrap();
    app.store
        .create_reflection(NewReflection {
            person: world.people["school-leader"].1,
            organisation: Some(world.org_a),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &["visie".to_owned(), "omgeving".to_owned()],
            now: app.clock.now(),
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap()
}

async fn note_of(app: &TestApp, id: i64, card: &str) -> String {
    app.store
        .answers(id)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.card_id == card)
        .map(|a| a.note)
        .unwrap_or_default()
}

pub async fn pile_of(app: &TestApp, id: i64, card: &str) -> Option<u8> {
    app.store
        .answers(id)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.card_id == card)
        .and_then(|a| a.pile.map(|p| p.score()))
}

/// The draft the page keeps on the device for a card, as JSON text, or null.
fn draft(id: i64, card: &str) -> String {
    format!("localStorage.getItem('leidraad-concept:{id}:{card}')")
}

/// Signs in on the sign-in page shown now, as the person does after the session ended.
async fn sign_in_here(browser: &Browser) {
    browser.wait_for("location.pathname === '/inloggen'").await;
    fill_and_submit(
        browser,
        &[("#email", LEADER), ("#password", PASSWORD)],
        "main form button[type=submit]",
    )
    .await;
    browser.wait_for("location.pathname !== '/inloggen'").await;
}

#[tokio::test]
async fn an_expired_session_mid_sort_loses_nothing_and_the_person_returns_to_the_same_card() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let id = visie(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, LEADER, PASSWORD).await;
    let card = format!("/reflecties/{id}/sorteren?kaart=visie-02");
    browser.goto(&app.url(&card)).await;
    let note = browser.find("#note").await;
    browser
        .send_keys(&note, "Dertig minuten over nagedacht")
        .await;
    browser
        .wait_for("document.querySelector('.save-status').textContent === 'Opgeslagen'")
        .await;
    assert_eq!(
        note_of(&app, id, "visie-02").await,
        "Dertig minuten over nagedacht"
    );

    // Half an hour away from the keyboard; then the rest of the thought.
    app.clock.advance(31 * 60);
    browser
        .send_keys(&note, ": we doen dit al jaren, samen met het team.")
        .await;
    browser
        .wait_for("!document.querySelector('.session-ended').hidden")
        .await;
    let said = browser.text(&browser.find(".session-ended").await).await;
    assert!(
        said.contains("Je sessie is verlopen. Log opnieuw in; je tekst blijft bewaard."),
        "{said}"
    );
    assert!(!said.contains("controleer de verbinding"), "{said}");
    // A pile chosen now is not taken for saved: the page stays on this card.
    browser.execute("document.activeElement.blur()").await;
    browser.press(&["3"]).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(browser.location().await.ends_with("kaart=visie-02"));
    let kept = browser
        .execute(&format!("return {}", draft(id, "visie-02")))
        .await;
    let kept = kept.as_str().expect("a draft on the device");
    assert!(
        kept.contains("samen met het team") && kept.contains("\"pile\""),
        "{kept}"
    );
    assert_eq!(
        note_of(&app, id, "visie-02").await,
        "Dertig minuten over nagedacht",
        "the server has only what it confirmed"
    );

    // Signing in again leads back to this card, where the text is put back and saved.
    let link = browser.find(".session-ended a").await;
    browser.click(&link).await;
    sign_in_here(&browser).await;
    assert_eq!(browser.location().await, card);
    browser
        .wait_for(
            "document.querySelector('.save-status').textContent.startsWith('Je tekst van eerder')",
        )
        .await;
    let full = "Dertig minuten over nagedacht: we doen dit al jaren, samen met het team.";
    let shown = browser
        .execute("return document.getElementById('note').value")
        .await;
    assert_eq!(shown.as_str(), Some(full));
    assert_eq!(note_of(&app, id, "visie-02").await, full);
    assert_eq!(pile_of(&app, id, "visie-02").await, Some(3));
    browser
        .wait_for(&format!("{} === null", draft(id, "visie-02")))
        .await;
    browser.close().await;
    app.stop().await;
}

#[tokio::test]
async fn a_kept_draft_never_overwrites_newer_text_and_the_form_without_script_gives_text_back() {
    if !enabled() {
        return;
    }
    let axe = axe_source();
    let app = spawn_app().await;
    let id = visie(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, LEADER, PASSWORD).await;
    let card = format!("/reflecties/{id}/sorteren?kaart=visie-04");
    browser.goto(&app.url(&card)).await;
    app.clock.advance(31 * 60);
    // The form sent as without script (no script handler runs): the session has ended. The
    // note is set and sent in one script: the page's focus refresh, still under way, would
    // otherwise put the server's empty note back in between (it leaves alone only what is
    // typed, and a value set by script is not typed), and nothing new would be sent.
    browser
        .execute(
            "document.getElementById('note').value = 'mijn oude gedachte'; \
             HTMLFormElement.prototype.submit.call(document.querySelector('form.sort-card'))",
        )
        .await;
    browser
        .wait_for("!!document.querySelector('[data-kept-card]')")
        .await;
    let page = browser.text(&browser.find("main").await).await;
    assert!(page.contains("Je sessie is verlopen"), "{page}");
    assert!(
        page.contains("op dit apparaat bewaard"),
        "kept on the device: {page}"
    );
    let mut serious = axe_here(&browser, &axe).await;

    // Meanwhile the note is written elsewhere: that newer text must stay.
    use leidraad_store::reflections::{AnswerFields, AnswerUpdate};
    let person = app.store.reflection(id).await.unwrap().unwrap().person_id;
    let elsewhere = AnswerUpdate {
        card_id: "visie-04",
        pile: None,
        note: "op de telefoon geschreven",
        evidence: "",
        starred: false,
        fields: AnswerFields {
            pile: false,
            note: true,
            evidence: false,
            starred: false,
        },
    };
    app.store
        .save_answer(person, id, elsewhere, app.clock.now())
        .await
        .unwrap();
    let link = browser.find("[data-kept-card] a.button").await;
    browser.click(&link).await;
    sign_in_here(&browser).await;
    assert_eq!(browser.location().await, card);
    browser
        .wait_for("!!document.querySelector('.draft-conflict')")
        .await;
    let offered = browser.text(&browser.find(".draft-conflict").await).await;
    assert!(offered.contains("mijn oude gedachte"), "{offered}");
    let shown = browser
        .execute("return document.getElementById('note').value")
        .await;
    assert_eq!(shown.as_str(), Some("op de telefoon geschreven"));
    assert_eq!(
        note_of(&app, id, "visie-04").await,
        "op de telefoon geschreven",
        "the newer text on the server stays"
    );
    serious.extend(axe_violations(&browser, &axe, &app.url(&card), "nl").await);
    browser.close().await;
    app.stop().await;
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

/// Runs axe on the page shown now (a form's answer cannot be fetched again by its address);
/// returns the serious and critical violations.
async fn axe_here(browser: &Browser, axe: &str) -> Vec<String> {
    browser.execute(axe).await;
    let violations = browser.execute_async(RUN_AXE).await;
    violations
        .as_array()
        .expect("a list of violations")
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| format!("{} on the kept page: {}", v["id"], v["target"]))
        .collect()
}

#[tokio::test]
async fn a_move_on_the_board_after_the_session_ended_is_made_after_signing_in_again() {
    if !enabled() {
        return;
    }
    let app = spawn_app().await;
    let id = visie(&app).await;
    let browser = Browser::start().await;
    sign_in(&browser, &app, LEADER, PASSWORD).await;
    let board = format!("/reflecties/{id}/lijst?domein=visie");
    browser.goto(&app.url(&board)).await;
    app.clock.advance(31 * 60);
    let three = browser
        .find(".board-card[data-card='visie-05'] .move[value$='=3']")
        .await;
    browser.click(&three).await;
    browser
        .wait_for("!document.querySelector('.session-ended').hidden")
        .await;
    assert_eq!(pile_of(&app, id, "visie-05").await, None, "not saved");
    let link = browser.find(".session-ended a").await;
    browser.click(&link).await;
    sign_in_here(&browser).await;
    assert_eq!(browser.location().await, board, "back at the board");
    browser
        .wait_for("document.querySelector('#stapel-3 [data-card=\"visie-05\"]') !== null")
        .await;
    browser
        .wait_for(&format!("{} === null", draft(id, "visie-05")))
        .await;
    assert_eq!(pile_of(&app, id, "visie-05").await, Some(3));
    browser.close().await;
    app.stop().await;
}
