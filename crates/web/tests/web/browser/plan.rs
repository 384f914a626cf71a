//! The development plan in Chromium: a leader with a released 360° report makes a theme of its
//! blind spot in one click, writes the goal (autosaved, still there after a reload), adds an
//! action; logs a course for that theme with a PDF certificate as evidence (chosen in the
//! file field) and sees the cycle's points move; shares the plan with their coach, who reads
//! it. axe on every page, no sideways
//! scroll and 44 px targets on a 390 px phone.
//!
//! With `LEIDRAAD_PLAN_SCREENSHOTS=<folder>` it also saves screenshots at 390 and 1280 px.

use super::dialogue::{phone_problems, screenshot};
use super::*;
use crate::accounts::{Browser as Http, PASSWORD, world};
use crate::feedback::report::released;

const LEADER: &str = "school-leader@a.example";
const COACH: &str = "coach@a.example";

/// The page at 390 px: what axe and the phone rules find, and the screenshots.
async fn look(
    browser: &Browser,
    axe: &str,
    what: &str,
    shots: Option<&std::path::Path>,
) -> Vec<String> {
    browser.set_window_size(390, 844).await;
    let mut problems = axe_on_screen(browser, axe, what).await;
    problems.extend(phone_problems(browser, what).await);
    screenshot(browser, shots, &format!("{what}-390"), 390).await;
    screenshot(browser, shots, &format!("{what}-1280"), 1280).await;
    browser.set_window_size(1280, 900).await;
    problems
}

#[tokio::test]
async fn a_leader_makes_a_theme_of_a_blind_spot_and_the_coach_reads_the_shared_plan() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_PLAN_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let axe = axe_source();
    let app = spawn_app().await;
    let world = world(&app).await;
    let http = Http::signed_in(&app, LEADER).await;
    released(&app, &world, &http).await;

    let leader = Browser::start().await;
    leader.set_window_size(1280, 900).await;
    sign_in(&leader, &app, LEADER, PASSWORD).await;
    leader.goto(&app.url("/ontwikkelplan")).await;
    let mut problems = look(&leader, &axe, "plan-empty", shots).await;

    // 1. One click makes a theme of the blind spot.
    let make = leader
        .find("input[name=source_item][value='visie-02'] ~ button")
        .await;
    leader.click(&make).await;
    leader
        .wait_for("location.pathname.startsWith('/ontwikkelplan/thema/')")
        .await;
    let theme = leader.location().await;

    // 2. The goal autosaves as it is typed and is there after a reload.
    let goal = leader.find("#goal").await;
    leader
        .send_keys(&goal, "Elke maand vraag ik twee collega's om feedback.")
        .await;
    leader
        .wait_for(
            "document.querySelector('#goal').parentElement.querySelector('.save-state').textContent.trim() \
             === document.querySelector('.rating-words').dataset.saved",
        )
        .await;
    leader.goto(&app.url(&theme)).await;
    leader
        .wait_for("document.querySelector('#goal').value.includes('twee collega')")
        .await;
    // A date field types by the browser's locale; its value is what the form sends.
    leader
        .execute("document.querySelector('#action-due').value = '2027-01-15'")
        .await;
    fill_and_submit(
        &leader,
        &[("#action-text", "Intervisie met twee collega-schoolleiders")],
        "#acties form.plan-add button[type=submit]",
    )
    .await;
    leader
        .wait_for("document.querySelector('.plan-item__text')?.textContent.includes('Intervisie')")
        .await;
    problems.extend(look(&leader, &axe, "plan-theme", shots).await);

    // 3. A course for the theme, with a PDF as evidence: the cycle's points move.
    let person = crate::feedback::person(&app, LEADER).await;
    let today = leidraad_domain::development::Day::today(app.clock.now());
    app.store
        .set_register_cycle(
            person,
            &today.plus_days(-30).to_string(),
            100,
            app.clock.now(),
        )
        .await
        .unwrap();
    leader.goto(&app.url("/logboek")).await;
    let points = "document.querySelector('.cycle-facts dd').textContent.trim()";
    assert_eq!(leader.execute(&format!("return {points}")).await, "0");
    let add = leader.find(".log-heading a.button").await;
    leader.click(&add).await;
    leader
        .wait_for("location.pathname === '/logboek/nieuw'")
        .await;
    leader
        .execute(&format!(
            "document.querySelector('#kind').value = 'course';
             document.querySelector('#day').value = '{}';
             document.querySelector('input[name=theme]').checked = true;",
            today.plus_days(-2)
        ))
        .await;
    fill_and_submit(
        &leader,
        &[
            ("#title", "Cursus feedback geven en vragen"),
            ("#hours", "6"),
            ("#points", "20"),
        ],
        ".activity-form button[type=submit]",
    )
    .await;
    leader
        .wait_for("/^\\/logboek\\/\\d+/.test(location.pathname)")
        .await;
    let certificate = std::env::temp_dir().join(format!("certificaat-{}.pdf", fastrand::u64(..)));
    std::fs::write(&certificate, crate::learning_log::PDF).unwrap();
    let file = leader.find("#file").await;
    leader.send_keys(&file, certificate.to_str().unwrap()).await;
    let upload = leader.find(".upload-form button[type=submit]").await;
    leader.click(&upload).await;
    leader
        .wait_for("document.querySelector('.file-list')?.textContent.includes('certificaat')")
        .await;
    std::fs::remove_file(&certificate).unwrap();
    leader.goto(&app.url("/logboek")).await;
    assert_eq!(leader.execute(&format!("return {points}")).await, "20");

    // 4. The plan, shared with the coach.
    leader.goto(&app.url("/ontwikkelplan")).await;
    fill_and_submit(
        &leader,
        &[("#share-email", COACH)],
        "#h-share ~ form button[type=submit]",
    )
    .await;
    leader
        .wait_for("location.search.includes('melding=gedeeld')")
        .await;
    problems.extend(look(&leader, &axe, "plan", shots).await);
    leader.close().await;

    // 5. The coach reads it.
    let plans = app.store.plans_of(person).await.unwrap();
    let coach = Browser::start().await;
    coach.set_window_size(1280, 900).await;
    sign_in(&coach, &app, COACH, PASSWORD).await;
    coach
        .goto(&app.url(&format!("/ontwikkelplan/gedeeld/{}", plans[0].0.id)))
        .await;
    coach
        .wait_for("document.querySelector('main').textContent.includes('twee collega')")
        .await;
    problems.extend(look(&coach, &axe, "plan-shared", shots).await);
    coach.close().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
