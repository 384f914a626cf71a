//! The development plan through its pages, as a leader and their coach use it: a theme made in
//! one click from a blind spot, two of one's own, a fourth refused with the standard's reason,
//! texts saved only over what the page showed, actions and review moments, sharing with the
//! coach and withdrawing it; and nonsense refused without a change.

use leidraad_domain::development::{Day, SchoolYear};
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, LOCATION};

use crate::accounts::{Browser, world};
use crate::feedback::report::released;
use crate::helpers::{TestApp, spawn_app};

const LEADER: &str = "school-leader@a.example";

fn this_year(app: &TestApp) -> String {
    SchoolYear::of(Day::today(app.clock.now())).to_string()
}

/// Adds a theme through the plan page's form; the new theme's id.
async fn add(leader: &Browser<'_>, year: &str, fields: &[(&str, &str)]) -> i64 {
    let response = leader
        .post(&format!("/ontwikkelplan/{year}/themas"), fields)
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{fields:?}");
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    location
        .trim_start_matches("/ontwikkelplan/thema/")
        .parse()
        .unwrap()
}

async fn page(browser: &Browser<'_>, path: &str) -> (StatusCode, String) {
    let response = browser.get(path).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_leader_plans_three_themes_one_from_a_blind_spot_and_shares_the_plan_with_the_coach() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let round = released(&app, &world, &leader).await;
    let year = this_year(&app);

    let response = leader.get("/ontwikkelplan").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("no-store"),
        "a plan is personal"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("Maak een thema van je resultaten"), "{html}");
    assert!(html.contains("Blinde vlek uit de 360°-feedback"));
    assert!(html.contains(&format!("name=\"source_id\" value=\"{round}\"")));
    assert!(html.contains("name=\"source_item\" value=\"visie-02\""));

    // One click beside the blind spot on the report itself: the theme takes the card's words,
    // links back to the report and holds its card.
    let (_, report) = page(&leader, &format!("/feedback/{round}/rapport")).await;
    assert!(
        report.contains("action=\"/ontwikkelplan/themas\""),
        "{report}"
    );
    let response = leader
        .post(
            "/ontwikkelplan/themas",
            &[
                ("source_kind", "blind-spot"),
                ("source_id", &round.to_string()),
                ("source_item", "visie-02"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    let blind: i64 = location
        .trim_start_matches("/ontwikkelplan/thema/")
        .parse()
        .unwrap();
    let card = &app.state.library.frameworks[0]
        .card("visie-02")
        .unwrap()
        .text
        .nl;
    let (_, made) = app.store.theme(blind).await.unwrap().unwrap();
    assert!(
        card.starts_with(made.title.trim_end_matches('…')),
        "{}",
        made.title
    );
    let (status, html) = page(&leader, &format!("/ontwikkelplan/thema/{blind}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("href=\"/feedback/{round}/rapport\"")),
        "{html}"
    );
    assert!(html.contains("value=\"visie-02\" checked"));
    // Once used, the blind spot is no longer offered.
    let (_, plan) = page(&leader, "/ontwikkelplan").await;
    assert!(!plan.contains("name=\"source_item\" value=\"visie-02\""));

    add(
        &leader,
        &year,
        &[("title", "Feedback vragen"), ("goal", "Elke maand")],
    )
    .await;
    add(&leader, &year, &[("title", "Eigenaarschap")]).await;
    let fourth = leader
        .post(
            &format!("/ontwikkelplan/{year}/themas"),
            &[("title", "Nog een"), ("goal", "Te veel")],
        )
        .await;
    assert_eq!(fourth.status(), StatusCode::CONFLICT);
    let html = fourth.text().await.unwrap();
    assert!(html.contains("hoogstens drie thema"), "{html}");
    let person = crate::feedback::person(&app, LEADER).await;
    let start = SchoolYear::parse(&year).unwrap().start_year();
    let plan = app
        .store
        .plan_of(person, i64::from(start))
        .await
        .unwrap()
        .unwrap();
    let full = app.store.full_plan(plan.id).await.unwrap().unwrap();
    assert_eq!(full.themes.len(), 3, "the fourth changed nothing");

    // Share with the coach: they read it, a colleague it was not shared with does not.
    let coach = Browser::signed_in(&app, "coach@a.example").await;
    let shared = format!("/ontwikkelplan/gedeeld/{}", plan.id);
    assert_eq!(coach.get(&shared).await.status(), StatusCode::NOT_FOUND);
    let response = leader
        .post(
            &format!("/ontwikkelplan/{year}/delen"),
            &[("email", "coach@a.example")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // A course the leader logged for the blind-spot theme, with its certificate.
    let framework = app.state.library.frameworks[0].id.clone();
    let course = leidraad_store::learning_log::ActivityFields {
        kind: "course",
        title: "Cursus feedback vragen",
        happened_on: &Day::today(app.clock.now()).to_string(),
        minutes: 120,
        points: 10,
        framework_id: &framework,
        domains: &[],
        cards: &[],
        themes: &[blind],
        learned: "Vragen is iets anders dan peilen.",
        differently: "",
    };
    let leidraad_store::learning_log::Change::Done(activity) = app
        .store
        .add_activity(person, course, None, app.clock.now())
        .await
        .unwrap()
    else {
        panic!("logged");
    };
    let file = leidraad_store::learning_log::NewEvidence {
        activity_id: Some(activity),
        filename: "certificaat.pdf",
        content_type: "application/pdf",
        bytes: crate::learning_log::PDF,
    };
    app.store
        .add_evidence(person, file, 200 << 20, app.clock.now())
        .await
        .unwrap();
    let (status, html) = page(&coach, &shared).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Cursus feedback vragen"),
        "the course that served a theme"
    );
    let at = html.find("/logboek/bestanden/").expect("its certificate");
    let href = &html[at..at + html[at..].find('"').unwrap()];
    assert_eq!(coach.get(href).await.status(), StatusCode::OK);
    assert!(
        html.contains("Feedback vragen") && html.contains("Elke maand"),
        "{html}"
    );
    assert!(html.contains("Ontwikkelplan van Test school-leader"));
    let (_, start) = page(&coach, "/mijn-leidraad").await;
    assert!(
        start.contains(&shared),
        "the coach finds it on their start page"
    );
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    assert_eq!(staff.get(&shared).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        staff
            .get(&format!("/ontwikkelplan/thema/{blind}"))
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "someone else's theme is not there"
    );
    let coach_id = crate::feedback::person(&app, "coach@a.example").await;
    let response = leader
        .post(
            &format!("/ontwikkelplan/{year}/delen/{}/intrekken", coach_id.get()),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(coach.get(&shared).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_themes_texts_actions_and_moments_change_only_as_meant() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let year = this_year(&app);
    let id = add(&leader, &year, &[("title", "Feedback vragen")]).await;
    let theme = |app: &TestApp| {
        let store = app.store.clone();
        async move { store.theme(id).await.unwrap().unwrap().1 }
    };
    let texts = format!("/ontwikkelplan/thema/{id}/teksten");

    let saved = leader
        .post(&texts, &[("goal", "Elke maand"), ("goal-base", "")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // A second tab that still shows the empty goal does not overwrite it.
    let stale = leader
        .post(
            &texts,
            &[("goal", "Van het oude tabblad"), ("goal-base", "")],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(
        stale
            .text()
            .await
            .unwrap()
            .contains("intussen ergens anders gewijzigd")
    );
    assert_eq!(theme(&app).await.goal, "Elke maand");
    let bad = leader
        .post(
            &texts,
            &[("monitoring", "a\u{1b}b"), ("monitoring-base", "")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(theme(&app).await.monitoring, "");

    let actions = format!("/ontwikkelplan/thema/{id}/acties");
    let bad_date = leader
        .post(&actions, &[("text", "Lezen"), ("due_on", "15-01-2027")])
        .await;
    assert_eq!(bad_date.status(), StatusCode::BAD_REQUEST);
    assert!(bad_date.text().await.unwrap().contains("jjjj-mm-dd"));
    assert!(theme(&app).await.actions.is_empty());
    let added = leader
        .post(&actions, &[("text", "Lezen"), ("due_on", "2027-01-15")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let action = theme(&app).await.actions[0].id;
    leader
        .post(&format!("{actions}/{action}"), &[("done", "1")])
        .await;
    assert!(theme(&app).await.actions[0].done);
    let (_, html) = page(&leader, &format!("/ontwikkelplan/thema/{id}")).await;
    assert!(html.contains("1 van 1 acties gedaan"), "{html}");

    let moments = format!("/ontwikkelplan/thema/{id}/momenten");
    let no_day = leader.post(&moments, &[("due_on", "")]).await;
    assert_eq!(no_day.status(), StatusCode::BAD_REQUEST);
    leader.post(&moments, &[("due_on", "2027-03-01")]).await;
    let moment = theme(&app).await.reviews[0].id;
    leader
        .post(
            &format!("{moments}/{moment}"),
            &[("note", "Halverwege: loopt")],
        )
        .await;
    assert_eq!(theme(&app).await.reviews[0].note, "Halverwege: loopt");

    // Cards: a card of the standard is kept, one of no framework refused whole.
    let settings = format!("/ontwikkelplan/thema/{id}");
    let wrong = leader
        .post(
            &settings,
            &[
                ("title", "Feedback vragen"),
                ("status", "underway"),
                ("card", "visie-01"),
                ("card", "ruimte-01"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert!(theme(&app).await.cards.is_empty());
    assert_eq!(theme(&app).await.status, "planned");
    let right = leader
        .post(
            &settings,
            &[
                ("title", "Feedback vragen"),
                ("status", "underway"),
                ("card", "visie-01"),
            ],
        )
        .await;
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    assert_eq!(theme(&app).await.cards, ["visie-01"]);
    let unknown = leader
        .post(&settings, &[("title", "X"), ("status", "klaar")])
        .await;
    assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);

    // Carried into next year once; the year in a path is checked.
    let carried = leader
        .post(&format!("/ontwikkelplan/thema/{id}/meenemen"), &[])
        .await;
    assert_eq!(carried.status(), StatusCode::SEE_OTHER);
    let again = leader
        .post(&format!("/ontwikkelplan/thema/{id}/meenemen"), &[])
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(
        leader.get("/ontwikkelplan/2026-2028").await.status(),
        StatusCode::BAD_REQUEST
    );
    // Deleting the account says the plans go with it.
    let (_, delete) = page(&leader, "/account/verwijderen").await;
    assert!(
        delete.contains("je 2 ontwikkelplannen, met hun thema&#39;s"),
        "{delete}"
    );
    let deleted = leader
        .post(&format!("/ontwikkelplan/thema/{id}/verwijderen"), &[])
        .await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert!(app.store.theme(id).await.unwrap().is_none());
}

#[tokio::test]
async fn a_theme_is_made_from_a_gap_on_the_team_scans_results() {
    use crate::space_scans::pages::{answer_all, share_tokens, start, statements, teacher};
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let scan = start(&leader, &world, &[]).await;
    // The leader expects much more room than the team will say it feels.
    let names: Vec<String> = statements(&app)
        .iter()
        .map(|s| format!("card-{s}"))
        .collect();
    let estimate: Vec<(&str, &str)> = names
        .iter()
        .map(|n| (n.as_str(), "helemaal-eens"))
        .collect();
    leader
        .post(&format!("/teamscans/{scan}/inschatting"), &estimate)
        .await;
    let share = share_tokens(&leader, scan).await.remove(0);
    for n in 0..5 {
        let (browser, csrf) = teacher(&app, &share).await;
        answer_all(&app, &browser, &csrf, "oneens", &format!("Tijd {n}")).await;
    }
    let released = leader
        .post(&format!("/teamscans/{scan}/vrijgeven"), &[])
        .await;
    assert_eq!(released.status(), StatusCode::SEE_OTHER);
    let (_, results) = page(&leader, &format!("/teamscans/{scan}/resultaten")).await;
    let marker = "name=\"source_item\" value=\"";
    let at = results.find(marker).expect("a gap offers a theme") + marker.len();
    let statement = &results[at..at + results[at..].find('"').unwrap()];
    let response = leader
        .post(
            "/ontwikkelplan/themas",
            &[
                ("source_kind", "scan-gap"),
                ("source_id", &scan.to_string()),
                ("source_item", statement),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    let (status, html) = page(&leader, &location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("href=\"/teamscans/{scan}/resultaten\"")),
        "{html}"
    );
    assert!(html.contains("Verschil tussen inschatting en team"));
    // A statement that is no gap of this scan is refused and adds nothing.
    let refused = leader
        .post(
            "/ontwikkelplan/themas",
            &[
                ("source_kind", "scan-gap"),
                ("source_id", &scan.to_string()),
                ("source_item", "geen-stelling"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let person = crate::feedback::person(&app, LEADER).await;
    let plans = app.store.plans_of(person).await.unwrap();
    assert_eq!(plans[0].1, 1, "one theme");
}
