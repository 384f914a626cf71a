//! A board member's estimate through the pages: listed on `/teamscans`, given on the same
//! cards as the owner's (posted whole without script, a bad answer saving nothing), fixed
//! once the leader releases, and then a list of its own on the leader's results page and in
//! the files. Nobody else reaches it: another school's leader, a member without the board
//! role, an outsider and the owner get 404 and change nothing.

use leidraad_domain::accounts::Role;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, LOCATION};

use super::pages::{LEADER, answer_all, share_tokens, start, teacher};
use crate::accounts::{Browser, World, add_person, join, world};
use crate::helpers::{TestApp, spawn_app};

const BOARD: &str = "board-member@a.example";

fn statements(app: &TestApp) -> Vec<String> {
    app.state.library.space_scans[0]
        .statements
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

/// The whole estimate form: every statement `answer`.
fn every_statement(app: &TestApp, answer: &'static str) -> Vec<(String, &'static str)> {
    statements(app)
        .iter()
        .map(|s| (format!("card-{s}"), answer))
        .collect()
}

async fn post_all(browser: &Browser<'_>, path: &str, fields: &[(String, &str)]) -> StatusCode {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    browser.post(path, &fields).await.status()
}

async fn text(browser: &Browser<'_>, path: &str) -> (StatusCode, String) {
    let response = browser.get(path).await;
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_board_members_estimate_stands_beside_the_team_in_the_leaders_results() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world, &[("threshold", "3")]).await;
    let board = Browser::signed_in(&app, BOARD).await;
    let person = world.people["board-member"].1;

    let (_, list) = text(&board, "/teamscans").await;
    for expected in [
        "Teamscans in je organisatie",
        &format!("/teamscans/{id}/bestuur"),
        "School A1 · 0 antwoorden",
        "0 van 60 stellingen ingeschat",
    ] {
        assert!(list.contains(expected), "{expected}");
    }
    let page = board.get(&format!("/teamscans/{id}/bestuur")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()[CACHE_CONTROL], "no-store");
    let page = page.text().await.unwrap();
    for expected in [
        "Jouw inschatting: Teamscan voorjaar",
        "Test school-leader houdt deze teamscan met het team van School A1",
        "/api/v1/scans/{id}/board-estimate/ruimte-01",
        "Inschatting bewaren",
    ] {
        let expected = expected.replace("{id}", &id.to_string());
        assert!(page.contains(&expected), "{expected}");
    }

    // Without script the form posts whole; one answer off the scale saves nothing.
    let path = format!("/teamscans/{id}/bestuur");
    let mut fields = every_statement(&app, "helemaal-eens");
    fields[3].1 = "bijna";
    assert_eq!(
        post_all(&board, &path, &fields).await,
        StatusCode::BAD_REQUEST
    );
    assert!(
        app.store
            .board_estimate(id, person)
            .await
            .unwrap()
            .is_empty()
    );
    fields[3].1 = "helemaal-eens";
    let saved = board
        .post(
            &path,
            &fields
                .iter()
                .map(|(n, v)| (n.as_str(), *v))
                .collect::<Vec<_>>(),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(saved.headers()[LOCATION], "/teamscans");
    assert_eq!(
        app.store.board_estimate(id, person).await.unwrap().len(),
        60
    );
    let (_, list) = text(&board, "/teamscans").await;
    assert!(list.contains("60 van 60 stellingen ingeschat"));

    // The leader's own estimate, the team's answers, the release.
    let own = every_statement(&app, "eens");
    let status = post_all(&leader, &format!("/teamscans/{id}/inschatting"), &own).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let share = share_tokens(&leader, id).await.remove(0);
    for n in 0..3 {
        let (browser, csrf) = teacher(&app, &share).await;
        let response = answer_all(&app, &browser, &csrf, "oneens", &format!("Tijd {n}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let released = leader
        .post(&format!("/teamscans/{id}/vrijgeven"), &[])
        .await;
    assert_eq!(released.status(), StatusCode::SEE_OTHER);

    // Fixed now: shown, not offered, and a post changes nothing.
    let (_, fixed) = text(&board, &path).await;
    assert!(
        fixed.contains("Test school-leader ziet jouw inschatting nu naast het beeld van het team"),
        "{fixed}"
    );
    assert!(fixed.contains("<fieldset class=\"rate-frozen\" disabled>"));
    assert!(!fixed.contains("Inschatting bewaren"));
    let later = every_statement(&app, "oneens");
    assert_eq!(post_all(&board, &path, &later).await, StatusCode::CONFLICT);
    let held = app.store.board_estimate(id, person).await.unwrap();
    assert!(held.iter().all(|(_, answer)| answer == "helemaal-eens"));

    let (_, results) = text(&leader, &format!("/teamscans/{id}/resultaten")).await;
    for expected in [
        "Waar jij en je team het meest verschillen",
        "Inschatting van Test board-member (bestuur) naast het beeld van het team",
        "Inschatting 4, het team 2,0",
        "2,0 hoger ingeschat",
    ] {
        assert!(results.contains(expected), "{expected}");
    }
    let csv = leader.get(&format!("/teamscans/{id}/resultaten.csv")).await;
    let csv = csv.text().await.unwrap();
    assert!(csv.contains("\"Inschatting Test board-member\""), "{csv}");
    let json: serde_json::Value = leader
        .get(&format!("/teamscans/{id}/resultaten.json"))
        .await
        .json()
        .await
        .unwrap();
    let board_gaps = &json["results"]["shown"]["board_gaps"];
    assert_eq!(board_gaps[0]["by"], "Test board-member");
    assert_eq!(board_gaps[0]["gaps"].as_array().unwrap().len(), 60);
    app.stop().await;
}

/// A school leader of school A2, beside the world's leader of A1.
async fn second_leader(app: &TestApp, world: &World) -> &'static str {
    let email = "school-leader-2@a.example";
    let person = add_person(app, email, "Tweede leider").await;
    let admin = world.people["admin"].1;
    let roles = Role::SchoolLeader.into();
    join(
        app,
        world.org_a,
        admin,
        person,
        email,
        roles,
        Some(world.school_a2),
    )
    .await;
    email
}

#[tokio::test]
async fn nobody_but_the_organisations_board_members_reaches_a_board_estimate() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world, &[]).await;
    let other_leader = second_leader(&app, &world).await;
    let path = format!("/teamscans/{id}/bestuur");
    let fields = every_statement(&app, "eens");
    for email in [
        LEADER,
        other_leader,
        "staff@a.example",
        "coach@a.example",
        "admin@a.example",
        "admin@b.example",
    ] {
        let browser = Browser::signed_in(&app, email).await;
        let (status, _) = text(&browser, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{email}");
        assert_eq!(
            post_all(&browser, &path, &fields).await,
            StatusCode::NOT_FOUND
        );
        let (_, list) = text(&browser, "/teamscans").await;
        assert!(!list.contains("Teamscans in je organisatie"), "{email}");
    }
    let (status, _) = text(&leader, &format!("/teamscans/{}/bestuur", id + 99)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(app.store.board_estimates(id).await.unwrap().is_empty());

    // A board member's own scan is theirs to run, not to estimate as the board.
    let board = Browser::signed_in(&app, BOARD).await;
    let own = start(&board, &world, &[]).await;
    let (status, _) = text(&board, &format!("/teamscans/{own}/bestuur")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = text(&board, "/teamscans").await;
    assert!(!list.contains(&format!("/teamscans/{own}/bestuur")));
    assert!(list.contains(&format!("/teamscans/{id}/bestuur")));
    app.stop().await;
}

#[tokio::test]
async fn a_board_member_who_leaves_leaves_no_list_behind() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world, &[("threshold", "3")]).await;
    let path = format!("/teamscans/{id}/bestuur");
    // A second board member estimates too, and leaves the board before the release.
    let email = "board-2@a.example";
    let second = add_person(&app, email, "Tweede bestuurder").await;
    let admin = world.people["admin"].1;
    let roles = Role::BoardMember.into();
    join(&app, world.org_a, admin, second, email, roles, None).await;
    for who in [BOARD, email] {
        let browser = Browser::signed_in(&app, who).await;
        let fields = every_statement(&app, "helemaal-eens");
        assert_eq!(
            post_all(&browser, &path, &fields).await,
            StatusCode::SEE_OTHER
        );
    }
    assert!(app.store.remove_member(world.org_a, second).await.unwrap());
    let share = share_tokens(&leader, id).await.remove(0);
    for n in 0..3 {
        let (browser, csrf) = teacher(&app, &share).await;
        let response = answer_all(&app, &browser, &csrf, "oneens", &format!("Tijd {n}")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let released = leader
        .post(&format!("/teamscans/{id}/vrijgeven"), &[])
        .await;
    assert_eq!(released.status(), StatusCode::SEE_OTHER);
    let results_path = format!("/teamscans/{id}/resultaten");
    let (_, results) = text(&leader, &results_path).await;
    assert!(results.contains("Inschatting van Test board-member (bestuur)"));
    assert!(!results.contains("Tweede bestuurder"));

    // Erasing the account takes the list out of the released results as well.
    let board = Browser::signed_in(&app, BOARD).await;
    let erased = board
        .post(
            "/account/verwijderen",
            &[
                ("current_password", crate::accounts::PASSWORD),
                ("bevestiging", "ja"),
            ],
        )
        .await;
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    let (_, results) = text(&leader, &results_path).await;
    assert!(!results.contains("(bestuur)"), "{results}");
    assert!(results.contains("Wat ruimte wegneemt"));
    let (_, snapshot) = app.store.scan_results(id).await.unwrap().unwrap();
    assert!(snapshot.contains("\"board_gaps\":[]"), "{snapshot}");
    let remaining = app.store.board_estimates(id).await.unwrap();
    let names: Vec<&str> = remaining.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Tweede bestuurder"]);
    app.stop().await;
}
