//! The team scan in Chromium: a leader starts a scan and gives their estimate (autosaved), and
//! so does the organisation's board member, from their list of scans; six teachers answer through the shared link in phone-sized windows; the leader sees nothing
//! while four have answered and can release after the fifth; the full results (gaps, roles
//! map, open answers, the board member's list); the board member's estimate fixed; a dialogue
//! from the largest gap. axe on every page, no sideways scroll
//! and 44 px targets on the phone pages.
//!
//! With `LEIDRAAD_SCAN_SCREENSHOTS=<folder>` it also saves screenshots at 390 and 1280 px.

use super::dialogue::{phone_problems, screenshot};
use super::*;
use crate::accounts::{PASSWORD, world};

const LEADER: &str = "school-leader@a.example";
const BOARD: &str = "board-member@a.example";

/// Clicks every radio of `value` on the page (each click autosaves) and waits until every
/// save on the page says it is saved.
async fn choose_everywhere(browser: &Browser, value: &str) {
    browser
        .execute(&format!(
            "document.querySelectorAll('input[type=radio][value=\"{value}\"]').forEach(i => i.click())"
        ))
        .await;
}

/// Waits until no save on the page is under way or failed: every fieldset that was answered
/// says "bewaard".
async fn all_saved(browser: &Browser) {
    browser
        .wait_for(
            "[...document.querySelectorAll('fieldset[data-save-url]')]
               .filter(f => f.querySelector('input:checked'))
               .every(f => f.querySelector('.save-state').textContent.trim() === (document.querySelector('.rating-words').dataset.saved))",
        )
        .await;
}

async fn answer_as_teacher(
    share: &str,
    n: usize,
    axe: &str,
    shots: Option<&std::path::Path>,
) -> Vec<String> {
    let phone = Browser::start().await;
    phone.set_window_size(390, 844).await;
    phone.goto(share).await;
    phone.wait_for("location.pathname === '/vragenlijst'").await;
    let mut problems = Vec::new();
    if n == 0 {
        problems.extend(axe_on_screen(&phone, axe, "the questionnaire").await);
        problems.extend(phone_problems(&phone, "/vragenlijst").await);
        screenshot(&phone, shots, "questionnaire-390", 390).await;
        screenshot(&phone, shots, "questionnaire-1280", 1280).await;
    }
    choose_everywhere(
        &phone,
        if n.is_multiple_of(2) {
            "oneens"
        } else {
            "eens"
        },
    )
    .await;
    phone
        .execute(
            "document.querySelector('input[name=\"card-rol-mentor\"][value=\"willen\"]').click()",
        )
        .await;
    all_saved(&phone).await;
    let open = phone.find("#open-wat-geeft-ruimte").await;
    phone
        .send_keys(&open, &format!("Vertrouwen van collega {n}"))
        .await;
    let submit = phone
        .find("button[formaction='/vragenlijst/inleveren']")
        .await;
    phone.click(&submit).await;
    phone
        .wait_for("document.querySelector('h1').textContent.includes('Dank je wel')")
        .await;
    // The same browser cannot answer again through the shared link.
    phone.goto(share).await;
    phone
        .wait_for("document.querySelector('h1').textContent.includes('Dank je wel')")
        .await;
    phone.close().await;
    problems
}

#[tokio::test]
async fn a_leader_estimates_six_phones_answer_and_a_dialogue_starts_from_the_largest_gap() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_SCAN_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let axe = axe_source();
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::start().await;
    leader.set_window_size(1280, 900).await;
    sign_in(&leader, &app, LEADER, PASSWORD).await;
    let mut serious = Vec::new();

    // 1. Start a scan and give the estimate, every answer autosaved.
    serious.extend(axe_violations(&leader, &axe, &app.url("/teamscans"), "nl").await);
    screenshot(&leader, shots, "scans-390", 390).await;
    let start = leader.find("#h-start ~ form button[type=submit]").await;
    leader.click(&start).await;
    leader
        .wait_for("/^\\/teamscans\\/\\d+$/.test(location.pathname)")
        .await;
    let id: i64 = leader
        .execute("return location.pathname.split('/').pop()")
        .await
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    serious.extend(axe_on_screen(&leader, &axe, "the overview").await);
    screenshot(&leader, shots, "overview-1280", 1280).await;
    screenshot(&leader, shots, "overview-390", 390).await;
    let share = leader
        .execute("return document.querySelector('.copy-link').value")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    leader
        .goto(&app.url(&format!("/teamscans/{id}/inschatting")))
        .await;
    serious.extend(axe_on_screen(&leader, &axe, "the estimate").await);
    choose_everywhere(&leader, "helemaal-eens").await;
    all_saved(&leader).await;
    let statements = app.state.library.space_scans[0].statements.len();
    assert_eq!(app.store.scan_estimate(id).await.unwrap().len(), statements);

    // The board member finds the scan in their list and estimates it on a phone.
    let board = Browser::start().await;
    board.set_window_size(390, 844).await;
    sign_in(&board, &app, BOARD, PASSWORD).await;
    serious.extend(axe_violations(&board, &axe, &app.url("/teamscans"), "nl").await);
    screenshot(&board, shots, "board-list-390", 390).await;
    let link = board
        .find(&format!("a[href='/teamscans/{id}/bestuur']"))
        .await;
    board.click(&link).await;
    board
        .wait_for("location.pathname.endsWith('/bestuur')")
        .await;
    serious.extend(axe_on_screen(&board, &axe, "the board member's estimate").await);
    serious.extend(phone_problems(&board, "/bestuur").await);
    choose_everywhere(&board, "eens").await;
    all_saved(&board).await;
    let person = app.store.person_by_email(BOARD).await.unwrap().unwrap().id;
    let estimated = app.store.board_estimate(id, person).await.unwrap();
    assert_eq!(estimated.len(), statements);
    screenshot(&board, shots, "board-estimate-390", 390).await;
    screenshot(&board, shots, "board-estimate-1280", 1280).await;

    // 2 and 3. Four phones: nothing to see and nothing to release.
    for n in 0..4 {
        serious.extend(answer_as_teacher(&share, n, &axe, shots).await);
    }
    leader.goto(&app.url(&format!("/teamscans/{id}"))).await;
    let overview = leader.execute("return document.body.innerText").await;
    let overview = overview.as_str().unwrap();
    assert!(overview.contains("4 antwoorden"), "{overview}");
    assert!(
        leader
            .find_all("form[action$='/vrijgeven']")
            .await
            .is_empty()
    );
    leader
        .goto(&app.url(&format!("/teamscans/{id}/resultaten")))
        .await;
    let nothing = leader.execute("return document.body.innerText").await;
    assert!(nothing.as_str().unwrap().contains("Nog geen resultaten"));
    assert!(!nothing.as_str().unwrap().contains("Vertrouwen van collega"));

    // The fifth makes the threshold; the sixth answers too; then the release.
    for n in 4..6 {
        serious.extend(answer_as_teacher(&share, n, &axe, shots).await);
    }
    leader.goto(&app.url(&format!("/teamscans/{id}"))).await;
    let release = leader.find("form[action$='/vrijgeven'] button").await;
    leader.click(&release).await;
    leader
        .wait_for("location.pathname.endsWith('/resultaten')")
        .await;
    let results = leader.execute("return document.body.innerText").await;
    let results = results.as_str().unwrap().to_owned();
    for expected in [
        "6 mensen hebben geantwoord",
        "Waar jij en je team het meest verschillen",
        "Rollen",
        "Vertrouwen van collega 5",
        "Inschatting van Test board-member (bestuur) naast het beeld van het team",
    ] {
        assert!(results.contains(expected), "{expected}");
    }
    serious.extend(axe_on_screen(&leader, &axe, "the results").await);
    screenshot(&leader, shots, "results-1280", 1280).await;
    screenshot(&leader, shots, "results-390", 390).await;
    leader.set_window_size(390, 844).await;
    serious.extend(phone_problems(&leader, "/resultaten").await);
    leader.set_window_size(1280, 900).await;

    // The board member's estimate is fixed now: shown, not offered.
    board.set_window_size(390, 844).await;
    board
        .goto(&app.url(&format!("/teamscans/{id}/bestuur")))
        .await;
    let fixed = board.execute("return document.body.innerText").await;
    assert!(
        fixed
            .as_str()
            .unwrap()
            .contains("ziet jouw inschatting nu naast het beeld van het team"),
        "{fixed}"
    );
    let disabled = board
        .execute("return document.querySelectorAll('input[type=radio]:not(:disabled)').length")
        .await;
    assert_eq!(disabled.as_i64(), Some(0));
    serious.extend(axe_on_screen(&board, &axe, "the fixed board estimate").await);
    screenshot(&board, shots, "board-estimate-fixed-390", 390).await;
    board.close().await;

    // 4. A dialogue from the largest gap.
    let first_gap = leader
        .execute("return document.querySelector('.gap-line__text').textContent")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    let start = leader.find("form[action$='/dialoog'] button").await;
    leader.click(&start).await;
    leader
        .wait_for("/^\\/dialogen\\/\\d+$/.test(location.pathname)")
        .await;
    let screen = leader.execute("return document.body.innerHTML").await;
    assert!(
        screen.as_str().unwrap().contains(&first_gap),
        "the deck holds the largest gap: {first_gap}"
    );
    leader.close().await;
    assert!(serious.is_empty(), "{serious:#?}");
}
