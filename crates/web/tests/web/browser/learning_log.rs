//! The learning log in Chromium: a leader two years into their cycle opens the log (progress
//! bar, a suggestion from Leidraad, the add form, the activities) and an activity with its
//! evidence, adds an activity through the form and confirms the suggestion. axe on every
//! page, no sideways scroll and 44 px targets on a 390 px phone.
//!
//! With `LEIDRAAD_LOG_SCREENSHOTS=<folder>` it also saves screenshots at 390 and 1280 px.

use leidraad_domain::development::Day;
use leidraad_store::learning_log::{ActivityFields, Change, NewEvidence};
use leidraad_store::reflections::NewReflection;

use super::dialogue::{phone_problems, screenshot};
use super::*;
use crate::accounts::{PASSWORD, world};

const LEADER: &str = "school-leader@a.example";
const DAY: i64 = 86_400;

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

/// Two years of a log: a cycle, three activities (two with points), a PDF, and a finished
/// reflection waiting as a suggestion.
async fn seed(app: &crate::helpers::TestApp, person: leidraad_domain::accounts::PersonId) -> i64 {
    let now = app.clock.now();
    let day = |days: i64| Day::today(now - days * DAY).to_string();
    app.store
        .set_register_cycle(person, &day(730), 100, now)
        .await
        .unwrap();
    let mut last = 0;
    for (days, kind, title, points) in [
        (600, "course", "Leidinggeven aan verandering", 20),
        (
            300,
            "master-module",
            "Mastermodule Onderwijskwaliteit en data",
            30,
        ),
        (
            40,
            "intervision",
            "Intervisie met drie collega-schoolleiders",
            0,
        ),
    ] {
        let domains = vec!["visie".to_owned()];
        let fields = ActivityFields {
            kind,
            title,
            happened_on: &day(days),
            minutes: 90,
            points,
            framework_id: FRAMEWORK,
            domains: &domains,
            cards: &[],
            themes: &[],
            learned: "Dat een visie pas leeft als het team haar kan navertellen.",
            differently: "",
        };
        match app
            .store
            .add_activity(person, fields, None, now)
            .await
            .unwrap()
        {
            Change::Done(id) => last = id,
            other => panic!("{other:?}"),
        }
    }
    let pdf = b"%PDF-1.4\n%%EOF\n";
    let file = NewEvidence {
        activity_id: Some(last),
        filename: "certificaat-intervisie.pdf",
        content_type: "application/pdf",
        bytes: pdf,
    };
    app.store
        .add_evidence(person, file, 1 << 30, now)
        .await
        .unwrap();
    let reflection = app
        .store
        .create_reflection(NewReflection {
            person,
            organisation: None,
            framework_id: FRAMEWORK,
            content_fingerprint: "x",
            domains: &[],
            now,
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap();
    app.store
        .finish_reflection(person, reflection, now)
        .await
        .unwrap();
    last
}

#[tokio::test]
async fn a_leader_reads_their_progress_adds_an_activity_and_confirms_a_suggestion() {
    if !enabled() {
        return;
    }
    let shots = std::env::var_os("LEIDRAAD_LOG_SCREENSHOTS").map(std::path::PathBuf::from);
    let shots = shots.as_deref();
    let axe = axe_source();
    let app = spawn_app().await;
    let world = world(&app).await;
    let activity = seed(&app, world.people["school-leader"].1).await;

    let leader = Browser::start().await;
    leader.set_window_size(1280, 900).await;
    sign_in(&leader, &app, LEADER, PASSWORD).await;
    leader.goto(&app.url("/logboek")).await;
    leader
        .wait_for("document.querySelector('main').textContent.includes('50 van 100 punten')")
        .await;
    let mut problems = look(&leader, &axe, "log", shots).await;

    leader.goto(&app.url(&format!("/logboek/{activity}"))).await;
    problems.extend(look(&leader, &axe, "log-activity", shots).await);

    leader.goto(&app.url("/logboek/nieuw")).await;
    problems.extend(look(&leader, &axe, "log-new", shots).await);
    leader
        .execute("document.querySelector('#day').value = '2026-11-20'")
        .await;
    fill_and_submit(
        &leader,
        &[
            ("#title", "Boek over professionele ruimte"),
            ("#hours", "2,5"),
        ],
        ".activity-form button[type=submit]",
    )
    .await;
    leader
        .wait_for("location.search.includes('toegevoegd=ja')")
        .await;
    leader.goto(&app.url("/logboek")).await;
    let confirm = leader.find(".log-line--suggestion form button").await;
    leader.click(&confirm).await;
    leader
        .wait_for("document.querySelector('h1').textContent.includes('Zelfreflectie')")
        .await;
    leader.goto(&app.url("/logboek/cyclus")).await;
    problems.extend(look(&leader, &axe, "log-cycle", shots).await);
    leader.close().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
