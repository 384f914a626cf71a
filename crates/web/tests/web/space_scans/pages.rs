//! The team scan through its pages, as a leader and teachers in browsers use it: start, share,
//! estimate, answer through the shared link (once per browser), nothing shown below the
//! threshold, release, results and their files, a dialogue from the largest gaps, views per
//! team only where they cannot be subtracted, and nonsense refused without a change.

use reqwest::StatusCode;
use reqwest::header::LOCATION;

use crate::accounts::{Browser, World, world};
use crate::helpers::{TestApp, spawn_app};

pub const LEADER: &str = "school-leader@a.example";

/// A date `days` from the app's today, as a date field sends it.
pub fn days_ahead(app: &TestApp, days: i64) -> String {
    let local =
        leidraad_domain::local_time::LocalDateTime::amsterdam(app.clock.now() + days * 86_400);
    format!("{:04}-{:02}-{:02}", local.year, local.month, local.day)
}

/// Starts a scan of school A1 as the leader; its id.
pub async fn start(leader: &Browser<'_>, world: &World, extra: &[(&str, &str)]) -> i64 {
    let organisation = world.org_a.get().to_string();
    let school = world.school_a1.get().to_string();
    let closes = days_ahead(leader.app, 14);
    let mut fields = vec![
        ("organisation", organisation.as_str()),
        ("school", school.as_str()),
        ("title", "Teamscan voorjaar"),
        ("closes_on", closes.as_str()),
    ];
    if !extra.iter().any(|(name, _)| *name == "threshold") {
        fields.push(("threshold", "5"));
    }
    fields.extend_from_slice(extra);
    let response = leader.post("/teamscans", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "start");
    let location = response.headers()[LOCATION].to_str().unwrap().to_owned();
    location.trim_start_matches("/teamscans/").parse().unwrap()
}

/// The shared links' tokens on the scan's overview, in the units' order.
pub async fn share_tokens(leader: &Browser<'_>, id: i64) -> Vec<String> {
    let html = leader
        .get(&format!("/teamscans/{id}"))
        .await
        .text()
        .await
        .unwrap();
    html.match_indices("/s/")
        .map(|(at, _)| {
            html[at + 3..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect::<String>()
        })
        .filter(|token| token.len() == 64)
        .collect::<Vec<_>>()
        .into_iter()
        .fold(Vec::new(), |mut seen, token| {
            if !seen.contains(&token) {
                seen.push(token);
            }
            seen
        })
}

pub fn statements(app: &TestApp) -> Vec<String> {
    app.state.library.space_scans[0]
        .statements
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

/// A teacher's browser that opens the shared link: it lands on the questionnaire.
pub async fn teacher<'a>(app: &'a TestApp, share: &str) -> (Browser<'a>, String) {
    let browser = Browser::new(app);
    let response = browser.get(&format!("/s/{share}")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[LOCATION], "/vragenlijst");
    let html = browser.get("/vragenlijst").await.text().await.unwrap();
    let csrf = crate::accounts::csrf_in(&html).expect("the questionnaire's form token");
    (browser, csrf)
}

/// Hands in a whole questionnaire without script: every statement `answer`, a role, the open
/// questions.
pub async fn answer_all(
    app: &TestApp,
    browser: &Browser<'_>,
    csrf: &str,
    answer: &str,
    open: &str,
) -> reqwest::Response {
    let names: Vec<String> = statements(app)
        .iter()
        .map(|id| format!("card-{id}"))
        .collect();
    let mut fields: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), answer)).collect();
    fields.push(("card-rol-mentor", "willen"));
    fields.push(("card-rol-data-coach", "nu"));
    fields.push(("open-wat-geeft-ruimte", open));
    fields.push(("anders", "Cultuurcoördinator"));
    fields.push(("csrf_token", csrf));
    browser
        .client
        .post(app.url("/vragenlijst/inleveren"))
        .form(&fields)
        .send()
        .await
        .unwrap()
}

async fn text(browser: &Browser<'_>, path: &str) -> (StatusCode, String) {
    let response = browser.get(path).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn six_teachers_answer_through_the_shared_link_and_the_results_show_from_the_fifth() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world, &[]).await;
    let share = share_tokens(&leader, id).await.remove(0);
    // The leader expects more room than the team will report.
    let estimate: Vec<(String, &str)> = statements(&app)
        .iter()
        .map(|s| (format!("card-{s}"), "helemaal-eens"))
        .collect();
    let fields: Vec<(&str, &str)> = estimate.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let saved = leader
        .post(&format!("/teamscans/{id}/inschatting"), &fields)
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    let mut answered = Vec::new();
    for n in 0..4 {
        let (browser, csrf) = teacher(&app, &share).await;
        let response = answer_all(&app, &browser, &csrf, "oneens", &format!("Tijd {n}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "teacher {n}");
        answered.push(browser);
    }
    // A browser that has answered cannot answer again through the shared link.
    let again = &answered[0];
    assert_eq!(
        again.get(&format!("/s/{share}")).await.headers()[LOCATION],
        "/vragenlijst"
    );
    let (_, thanks) = text(again, "/vragenlijst").await;
    assert!(thanks.contains("Dank je wel"), "{thanks}");
    assert_eq!(app.store.scan_response_count(id).await.unwrap(), 4);

    // Four of five: nothing to see, and no release.
    let (_, overview) = text(&leader, &format!("/teamscans/{id}")).await;
    assert!(overview.contains("4 antwoorden"), "{overview}");
    assert!(!overview.contains("/vrijgeven"));
    let (_, results) = text(&leader, &format!("/teamscans/{id}/resultaten")).await;
    assert!(results.contains("Nog geen resultaten"));
    assert!(!results.contains("Tijd 0"));
    let refused = leader
        .post(&format!("/teamscans/{id}/vrijgeven"), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let csv = leader.get(&format!("/teamscans/{id}/resultaten.csv")).await;
    assert_eq!(csv.status(), StatusCode::CONFLICT);

    for n in 4..6 {
        let (browser, csrf) = teacher(&app, &share).await;
        let response = answer_all(&app, &browser, &csrf, "eens", &format!("Tijd {n}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let released = leader
        .post(&format!("/teamscans/{id}/vrijgeven"), &[])
        .await;
    assert_eq!(released.status(), StatusCode::SEE_OTHER);
    let (status, results) = text(&leader, &format!("/teamscans/{id}/resultaten")).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "6 mensen hebben geantwoord",
        "Waar jij en je team het meest verschillen",
        "Mentor",
        "Tijd 5",
        "Cultuurcoördinator",
        "Wat ruimte wegneemt",
    ] {
        assert!(results.contains(expected), "{expected}");
    }
    // After the release the shared link takes nobody in, and nothing but the results is left.
    let late = Browser::new(&app);
    let (_, closed) = text(&late, &format!("/s/{share}")).await;
    assert!(closed.contains("gesloten"), "{closed}");
    assert!(app.store.scan_responses(id).await.unwrap().is_empty());

    // The files hold what the page holds.
    let csv = leader.get(&format!("/teamscans/{id}/resultaten.csv")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"Stelling\""));
    let xlsx = leader
        .get(&format!("/teamscans/{id}/resultaten.xlsx"))
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));
    let json: serde_json::Value = leader
        .get(&format!("/teamscans/{id}/resultaten.json"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(json["results"]["respondents"], 6);
    assert!(json["results"]["shown"]["gaps"].as_array().unwrap().len() > 5);

    // One click: a live dialogue with the largest gaps as its deck.
    let started = leader.post(&format!("/teamscans/{id}/dialoog"), &[]).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let dialogue = started.headers()[LOCATION].to_str().unwrap().to_owned();
    let gap = json["results"]["shown"]["gaps"][0]["statement"]
        .as_str()
        .unwrap()
        .to_owned();
    let text_of_gap = app.state.library.space_scans[0]
        .statement(&gap)
        .unwrap()
        .text
        .nl
        .clone();
    let (_, screen) = text(&leader, &dialogue).await;
    assert!(
        screen.contains(&text_of_gap.replace('\'', "&#x27;")) || screen.contains(&text_of_gap),
        "{text_of_gap}"
    );
}

#[tokio::test]
async fn a_team_is_shown_apart_only_where_it_and_the_rest_meet_the_threshold() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    for (split, shown) in [([4, 2], false), ([3, 3], true)] {
        let id = start(
            &leader,
            &world,
            &[("teams", "Onderbouw\nBovenbouw"), ("threshold", "3")],
        )
        .await;
        let shares = share_tokens(&leader, id).await;
        assert_eq!(shares.len(), 2);
        for (share, count) in shares.iter().zip(split) {
            for _ in 0..count {
                let (browser, csrf) = teacher(&app, share).await;
                answer_all(&app, &browser, &csrf, "eens", "").await;
            }
        }
        leader
            .post(&format!("/teamscans/{id}/vrijgeven"), &[])
            .await;
        let (_, results) = text(&leader, &format!("/teamscans/{id}/resultaten")).await;
        assert!(results.contains("Per school of team"));
        let hidden = results
            .matches("Te weinig antwoorden om apart te tonen")
            .count();
        assert_eq!(hidden, if shown { 0 } else { 2 }, "{split:?}");
        assert_eq!(results.contains("3 antwoorden"), shown, "{split:?}");
    }
}

#[tokio::test]
async fn the_forms_refuse_nonsense_with_a_reason_and_change_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let organisation = world.org_a.get().to_string();
    let school = world.school_a1.get().to_string();
    let other_school = world.school_b.get().to_string();
    let closes = days_ahead(&app, 14);
    let past = days_ahead(&app, -2);
    let base = [
        ("organisation", organisation.as_str()),
        ("title", "Teamscan"),
        ("closes_on", closes.as_str()),
    ];
    for (field, value, words) in [
        ("threshold", "2", "minstens 3"),
        ("threshold", "drie", "heel getal"),
        ("school", other_school.as_str(), "Kies een school"),
        ("title", "", "1 tot 80 tekens"),
        ("closes_on", past.as_str(), ""),
    ] {
        let mut fields: Vec<(&str, &str)> = base
            .iter()
            .filter(|(name, _)| *name != field)
            .copied()
            .collect();
        if field != "school" {
            fields.push(("school", school.as_str()));
        }
        if field != "threshold" {
            fields.push(("threshold", "5"));
        }
        fields.push((field, value));
        let response = leader.post("/teamscans", &fields).await;
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{field}={value}"
        );
        let html = response.text().await.unwrap();
        assert!(html.contains(words), "{field}={value}");
    }
    // A teacher may not start one at all.
    let teacher_account = Browser::signed_in(&app, "staff@a.example").await;
    let response = teacher_account
        .post(
            "/teamscans",
            &[
                ("organisation", organisation.as_str()),
                ("school", school.as_str()),
                ("title", "Teamscan"),
                ("closes_on", closes.as_str()),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let owner = world.people["school-leader"].1;
    assert!(app.store.scans_of(owner).await.unwrap().is_empty());

    // The questionnaire: an answer off the scale, a role that is no role, a bell in a text.
    let id = start(&leader, &world, &[]).await;
    let share = share_tokens(&leader, id).await.remove(0);
    let (browser, csrf) = teacher(&app, &share).await;
    let statement = format!("card-{}", statements(&app)[0]);
    for (field, value, words) in [
        (statement.as_str(), "7", "Kies een van de antwoorden"),
        ("card-rol-mentor", "misschien", "Kies bij een rol"),
        ("open-wat-geeft-ruimte", "bel\u{7}", "stuurtekens"),
    ] {
        let response = browser
            .client
            .post(app.url("/vragenlijst"))
            .form(&[(field, value), ("csrf_token", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{field}");
        assert!(response.text().await.unwrap().contains(words), "{field}");
    }
    // Handing in nothing is refused too; a post without the form token is no post at all.
    let empty = browser
        .client
        .post(app.url("/vragenlijst/inleveren"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let forged = browser
        .client
        .post(app.url("/vragenlijst/inleveren"))
        .form(&[(statement.as_str(), "eens")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.store.scan_response_count(id).await.unwrap(), 0);

    // Someone else's scan does not exist for them.
    let board = Browser::signed_in(&app, "board-member@a.example").await;
    for path in [
        format!("/teamscans/{id}"),
        format!("/teamscans/{id}/resultaten"),
        format!("/teamscans/{id}/inschatting"),
    ] {
        assert_eq!(
            board.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let response = board
        .post(&format!("/teamscans/{id}/verwijderen"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(app.store.scan(id).await.unwrap().is_some());
}

#[tokio::test]
async fn a_shared_links_token_is_no_personal_link_and_someone_else_starts_afresh() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world, &[]).await;
    let share = share_tokens(&leader, id).await.remove(0);
    // A token made through the shared link (as an API client gets one) does not open as a
    // mailed link: nobody can hand it to a colleague and read along.
    let minted: serde_json::Value = app
        .client
        .post(app.url(&format!("/api/v1/scan-links/{share}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = minted["token"].as_str().unwrap();
    let colleague = Browser::new(&app);
    let opened = colleague.get(&format!("/t/{token}")).await;
    assert_eq!(opened.status(), StatusCode::NOT_FOUND);

    // On a shared computer the next person starts afresh: the waiting draft is erased.
    let (laptop, csrf) = teacher(&app, &share).await;
    let statement = format!("card-{}", statements(&app)[0]);
    let saved = laptop
        .client
        .post(app.url("/vragenlijst"))
        .form(&[
            (statement.as_str(), "eens"),
            ("open-wat-geeft-ruimte", "Alleen voor mij"),
            ("csrf_token", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, page) = text(&laptop, "/vragenlijst").await;
    assert!(page.contains("Alleen voor mij") && page.contains("/vragenlijst/opnieuw"));
    let afresh = laptop
        .client
        .post(app.url("/vragenlijst/opnieuw"))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(afresh.status(), StatusCode::SEE_OTHER);
    assert_eq!(afresh.headers()[LOCATION], format!("/s/{share}"));
    let next = laptop.get(&format!("/s/{share}")).await;
    assert_eq!(next.headers()[LOCATION], "/vragenlijst");
    let (_, page) = text(&laptop, "/vragenlijst").await;
    assert!(!page.contains("Alleen voor mij"), "a fresh questionnaire");

    // Without script, a refusal loses none of the other answers posted with it.
    let csrf = crate::accounts::csrf_in(&page).unwrap();
    let refused = laptop
        .client
        .post(app.url("/vragenlijst/inleveren"))
        .form(&[
            ("open-wat-geeft-ruimte", "Tijd om samen te leren"),
            ("card-rol-mentor", "misschien"),
            ("csrf_token", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("Tijd om samen te leren")
    );
}
