//! Generated from the route table: every route answers a signed-out caller, an outsider and
//! every role exactly as its reach and the policy say, and changes nothing it may not.

use leidraad_domain::accounts::{Action, Actor, Membership, Target, decide};
use leidraad_web::Reach;
use reqwest::StatusCode;
use reqwest::header::LOCATION;

use crate::accounts::{Browser, World, world};
use crate::helpers::{FRAMEWORK, TestApp, spawn_app};

/// A fingerprint of everything an outsider could try to change.
async fn snapshot(app: &TestApp, world: &World) -> String {
    let org = world.org_a;
    let store = &app.store;
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        store.organisation(org).await.unwrap(),
        store.schools(org).await.unwrap(),
        store.members(org).await.unwrap(),
        store.invitations(org).await.unwrap(),
    )
}

/// Fills a route pattern with organisation A's ids.
pub fn path_in_a(pattern: &str, world: &World) -> String {
    pattern
        .replace("{org}", &world.org_a.to_string())
        .replace("{school}", &world.school_a1.to_string())
        .replace("{person}", &world.people["staff"].1.to_string())
        .replace("{invitation}", &world.invitation_a.to_string())
}

#[tokio::test]
async fn every_organisation_route_answers_an_outsider_404_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let outsider = Browser::signed_in(&app, &world.admin_b.0).await;
    let before = snapshot(&app, &world).await;
    let routes = leidraad_web::organisation_route_table();
    assert!(routes.len() >= 20, "{routes:?}");
    for (method, pattern) in routes {
        let path = path_in_a(pattern, &world);
        assert!(!path.contains('{'), "an unfilled parameter in {pattern}");
        let response = outsider.request(method.clone(), &path).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{method} {path} as an outsider"
        );
        // The same route with an id that exists nowhere answers the same.
        let missing = path.replacen(&format!("/{}", world.org_a), "/987654", 1);
        let response = outsider.request(method.clone(), &missing).await;
        assert_eq!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{method} {missing}"
        );
    }
    assert_eq!(snapshot(&app, &world).await, before);
}

/// The action each organisation route asks the policy about; a new route must be added here
/// or the matrix test fails.
fn action_of(method: &reqwest::Method, pattern: &str) -> (Action, bool) {
    use Action::*;
    let manage = |a| (a, true);
    match (method.as_str(), pattern.trim_start_matches("/api/v1")) {
        (
            "GET",
            "/organisaties/{org}" | "/organisations/{org}" | "/organisations/{org}/schools",
        ) => (ViewOrganisation, false),
        ("POST", "/organisaties/{org}/naam") => manage(ManageOrganisation),
        ("POST", p) if p.contains("scholen") || p.ends_with("/schools") => manage(ManageSchools),
        // The confirmation page asks the same question as the deletion it leads to.
        ("GET", "/organisaties/{org}/scholen/{school}/verwijderen") => (ManageSchools, false),
        ("GET", "/organisaties/{org}/leden/{person}") => (ManageMembers, false),
        ("GET", "/organisations/{org}/members") => (ViewMembers, false),
        ("POST" | "PATCH" | "DELETE", p) if p.contains("leden") || p.contains("members") => {
            manage(ManageMembers)
        }
        ("GET", "/organisations/{org}/invitations") => (ViewInvitations, false),
        (_, p) if p.contains("uitnodigingen") || p.contains("invitations") => {
            manage(ManageInvitations)
        }
        ("GET", "/organisaties/{org}/logboek") => (ViewAuditLog, false),
        ("GET", "/organisaties/{org}/postvak-uit") => (ViewOutbox, false),
        other => panic!("no action known for {other:?}: add the route to action_of"),
    }
}

#[tokio::test]
async fn every_role_gets_exactly_what_the_policy_grants_on_every_organisation_route() {
    let app = spawn_app().await;
    let world = world(&app).await;
    for (code, (email, person)) in &world.people {
        if *code == "admin" {
            continue; // The admin's writes would change the world for the others; see below.
        }
        let browser = Browser::signed_in(&app, email).await;
        let memberships = app.store.memberships_of(*person).await.unwrap();
        let actor = memberships.iter().fold(Actor::new(*person), |actor, m| {
            actor.with_membership(
                Membership::new(m.organisation.organisation_id(), m.roles)
                    .in_schools(m.schools.clone()),
            )
        });
        let before = snapshot(&app, &world).await;
        for (method, pattern) in leidraad_web::organisation_route_table() {
            let (action, _) = action_of(&method, pattern);
            let path = path_in_a(pattern, &world);
            let response = browser.request(method.clone(), &path).await;
            let status = response.status();
            let members_by_school = pattern.ends_with("/members") && code == &"school-leader";
            let allowed = decide(&actor, action, &Target::organisation(world.org_a)).is_allowed()
                || members_by_school;
            if allowed {
                assert!(
                    status.is_success() || status.is_redirection(),
                    "{code} {method} {path}: {status}"
                );
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{code} {method} {path}");
            }
        }
        assert_eq!(
            snapshot(&app, &world).await,
            before,
            "{code} changed nothing"
        );
    }
    // The admin may do everything; only the page routes that read are walked, so the world
    // stays intact (the writes are covered by the flows above).
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    for (method, pattern) in leidraad_web::organisation_route_table() {
        if method == reqwest::Method::GET {
            let path = path_in_a(pattern, &world);
            assert_eq!(
                admin.request(method.clone(), &path).await.status(),
                StatusCode::OK,
                "admin GET {path}"
            );
        }
    }
}

/// A reflection of organisation A's school leader, for the `{id}` of reflection routes.
async fn reflection_in_a(app: &TestApp, world: &World) -> i64 {
    let leader = Browser::signed_in(app, "school-leader@a.example").await;
    let started = leader
        .client
        .post(app.url("/api/v1/reflections"))
        .header("x-csrf-token", &leader.csrf)
        .json(&serde_json::json!({"organisation": world.org_a.get(), "domains": ["visie"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), StatusCode::CREATED);
    started.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// Fills every parameter a route pattern can have with something that exists.
pub fn path_for_anyone(pattern: &str, world: &World, reflection: i64) -> String {
    path_in_a(pattern, world)
        .replace("{id}", &reflection.to_string())
        .replace("{framework}", FRAMEWORK)
        .replace("{card}", "omgeving-11")
        .replace("{domain}", "omgeving")
        .replace("{statement}", "ruimte-01")
        .replace("{role}", "mentor")
        .replace("{question}", "wat-geeft-ruimte")
        .replace("{token}", "not-a-token")
        .replace("{group}", "1")
        .replace("{link}", "1")
        .replace("{table}", "people.csv")
        .replace("{version}", "0")
        .replace("{name}", "app.css")
}

#[tokio::test]
async fn the_route_table_holds_every_kind_of_route() {
    let table = leidraad_web::route_table();
    for reach in [
        Reach::Public,
        Reach::Personal,
        Reach::Organisation,
        Reach::Reflection,
    ] {
        let count = table.iter().filter(|(_, _, r)| *r == reach).count();
        assert!(count >= 5, "{reach:?}: {count}");
    }
    let links = table.iter().filter(|(_, _, r)| *r == Reach::Link).count();
    assert!(links >= 8, "the rater's pages and API: {links}");
}

#[tokio::test]
async fn every_route_that_is_not_public_sends_a_signed_out_caller_to_sign_in_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let reflection = reflection_in_a(&app, &world).await;
    let before = snapshot(&app, &world).await;
    let answers = app.store.answers(reflection).await.unwrap();
    let stranger = &app.client;
    for (method, pattern, reach) in leidraad_web::route_table() {
        // A rater's link routes and a participant's need no account: see the walks below.
        if reach == Reach::Public || reach == Reach::Link || reach == Reach::Participant {
            continue;
        }
        let path = path_for_anyone(pattern, &world, reflection);
        let response = stranger
            .request(method.clone(), app.url(&path))
            .form(&[("name", "X"), ("email", "x@a.example")])
            .send()
            .await
            .unwrap();
        let status = response.status();
        if path.starts_with("/api/") {
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
        } else {
            assert_eq!(status, StatusCode::SEE_OTHER, "{method} {path}");
            let location = response.headers()[LOCATION].to_str().unwrap();
            assert!(
                location.starts_with("/inloggen?terug="),
                "{method} {path}: {location}"
            );
        }
    }
    assert_eq!(snapshot(&app, &world).await, before);
    assert_eq!(app.store.answers(reflection).await.unwrap(), answers);
}

#[tokio::test]
async fn every_public_route_answers_a_signed_out_caller_without_asking_who_they_are() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let before = snapshot(&app, &world).await;
    for (method, pattern, reach) in leidraad_web::route_table() {
        if reach != Reach::Public {
            continue;
        }
        let path = path_for_anyone(pattern, &world, 1);
        let response = app
            .client
            .request(method.clone(), app.url(&path))
            .send()
            .await
            .unwrap();
        let status = response.status();
        assert!(
            !status.is_server_error()
                && status != StatusCode::UNAUTHORIZED
                && status != StatusCode::FORBIDDEN
                && status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}: {status}"
        );
        if let Some(location) = response.headers().get(LOCATION) {
            let location = location.to_str().unwrap();
            // "Sign in first, then come back" is what only non-public routes answer.
            assert!(
                !location.starts_with("/inloggen?terug="),
                "{method} {path}: {location}"
            );
        }
    }
    assert_eq!(snapshot(&app, &world).await, before);
}

/// What a caller without a link could try to change: a rater's draft and submission.
async fn link_snapshot(app: &TestApp, link: i64, round: i64) -> String {
    format!(
        "{:?}|{:?}",
        app.store.draft_of(link).await.unwrap(),
        app.store.responses_of(round).await.unwrap(),
    )
}

#[tokio::test]
async fn every_link_route_refuses_a_caller_without_a_link_or_with_garbage_and_changes_nothing() {
    use crate::feedback::rater::{link_id, open_round_with_rater};
    let app = spawn_app().await;
    let world = world(&app).await;
    let (round, token) = open_round_with_rater(&app, &world, &["omgeving"]).await;
    let link = link_id(&app, &token).await;
    let before = link_snapshot(&app, link, round).await;
    let routes: Vec<_> = leidraad_web::route_table()
        .into_iter()
        .filter(|(_, _, reach)| *reach == Reach::Link)
        .collect();
    assert!(routes.len() >= 8, "{routes:?}");
    // No link at all, a malformed one, and one of the right form that exists nowhere; the
    // leader's own session is no link either.
    let leader = crate::accounts::Browser::signed_in(&app, "school-leader@a.example").await;
    let cookies = [
        None,
        Some("leidraad_link=garbage".to_owned()),
        Some(format!("leidraad_link={}", "0".repeat(64))),
    ];
    for (method, pattern, _) in &routes {
        let path = path_for_anyone(pattern, &world, 1);
        for cookie in &cookies {
            let mut request = app
                .client
                .request(method.clone(), app.url(&path))
                .form(&[("card-omgeving-11", "vaak"), ("bevestigd", "ja")]);
            if let Some(cookie) = cookie {
                request = request.header(reqwest::header::COOKIE, cookie);
            }
            let status = request.send().await.unwrap().status();
            assert!(
                !status.is_success() && !status.is_server_error(),
                "{method} {path} with {cookie:?}: {status}"
            );
        }
        let response = leader.request(method.clone(), &path).await;
        let status = response.status();
        assert!(
            !status.is_success() && !status.is_server_error(),
            "{method} {path} with a session: {status}"
        );
    }
    assert_eq!(link_snapshot(&app, link, round).await, before);
}

#[tokio::test]
async fn every_participant_route_refuses_a_caller_without_a_token_or_with_garbage() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let routes: Vec<_> = leidraad_web::route_table()
        .into_iter()
        .filter(|(_, _, reach)| *reach == Reach::Participant)
        .collect();
    assert!(routes.len() >= 7, "{routes:?}");
    let leader = crate::accounts::Browser::signed_in(&app, "school-leader@a.example").await;
    for (method, pattern, _) in &routes {
        for token in ["not-a-token".to_owned(), "0".repeat(64)] {
            let path = pattern.replace("{token}", &token);
            let status = app
                .client
                .request(method.clone(), app.url(&path))
                .form(&[("text", "Hallo"), ("note", "x"), ("kaart", "dialoog-01")])
                .send()
                .await
                .unwrap()
                .status();
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}");
            // A session is no token either: these routes do not look at it.
            let status = leader.request(method.clone(), &path).await.status();
            assert!(
                !status.is_success() && !status.is_server_error(),
                "{method} {path} with a session: {status}"
            );
        }
    }
    let _ = world;
}
