//! Roles, members, schools and the organisation's name, on pages and in the API.

use leidraad_domain::accounts::{Role, RoleSet};
use reqwest::StatusCode;

use crate::helpers::spawn_app;

use super::*;

#[tokio::test]
async fn the_last_admin_stays_and_roles_change_with_an_audit_trail() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let me = world.people["admin"].1;
    let path = format!("/organisaties/{}/leden/{me}", world.org_a);
    let response = admin.post(&path, &[("role", "staff")]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("minstens één beheerder")
    );
    let removed = admin
        .post(&format!("{path}/verwijderen"), &[("bevestiging", "ja")])
        .await;
    assert_eq!(removed.status(), StatusCode::CONFLICT);
    assert!(
        app.store
            .member(world.org_a, me)
            .await
            .unwrap()
            .unwrap()
            .roles
            .contains(Role::Admin)
    );

    let coach = world.people["coach"].1;
    let path = format!("/organisaties/{}/leden/{coach}", world.org_a);
    let school = world.school_a1.to_string();
    let response = admin
        .post(
            &path,
            &[
                ("role", "coach"),
                ("role", "school-leader"),
                ("school", &school),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let member = app.store.member(world.org_a, coach).await.unwrap().unwrap();
    assert_eq!(
        member.roles,
        RoleSet::from([Role::SchoolLeader, Role::Coach])
    );
    let log = app.store.audit_log(world.org_a, 10).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.event == "role-change" && e.detail == "coach>school-leader,coach")
    );
    assert_eq!(
        admin
            .post(&format!("{path}/verwijderen"), &[("bevestiging", "ja")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.store.member(world.org_a, coach).await.unwrap(), None);
}

#[tokio::test]
async fn the_api_manages_schools_members_and_invitations_with_clear_refusals() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::signed_in(&app, "admin@a.example").await;
    let html = browser
        .post("/account/tokens", &[("name", "script")])
        .await
        .text()
        .await
        .unwrap();
    let start = html.find(r#"id="new-token">"#).unwrap() + 15;
    let token = html[start..start + 64].to_owned();
    let api = |method: reqwest::Method, path: String| {
        app.client
            .request(method, app.url(&path))
            .bearer_auth(&token)
    };
    let org = world.org_a;
    let created = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/schools"),
    )
    .json(&serde_json::json!({"name": "School A3"}))
    .send()
    .await
    .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let duplicate = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/schools"),
    )
    .json(&serde_json::json!({"name": "School A3"}))
    .send()
    .await
    .unwrap();
    assert_eq!(duplicate.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = duplicate.json().await.unwrap();
    assert_eq!(problem["code"], "school-name-taken");
    let nonsense = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/schools"),
    )
    .header("content-type", "application/json")
    .body("{not json")
    .send()
    .await
    .unwrap();
    assert_eq!(nonsense.status(), StatusCode::BAD_REQUEST);

    let staff = world.people["staff"].1;
    let bad_role = api(
        reqwest::Method::PATCH,
        format!("/api/v1/organisations/{org}/members/{staff}"),
    )
    .json(&serde_json::json!({"roles": ["king"]}))
    .send()
    .await
    .unwrap();
    assert_eq!(bad_role.status(), StatusCode::BAD_REQUEST);
    let foreign = api(
        reqwest::Method::PATCH,
        format!("/api/v1/organisations/{org}/members/{staff}"),
    )
    .json(&serde_json::json!({"roles": ["staff"], "schools": [world.school_b.get()]}))
    .send()
    .await
    .unwrap();
    assert_eq!(foreign.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        app.store.member(org, staff).await.unwrap().unwrap().schools,
        [world.school_a1],
        "unchanged"
    );
    let promoted = api(reqwest::Method::PATCH, format!("/api/v1/organisations/{org}/members/{staff}"))
        .json(&serde_json::json!({"roles": ["staff", "school-leader"], "schools": [world.school_a2.get()]}))
        .send()
        .await
        .unwrap();
    assert_eq!(promoted.status(), StatusCode::NO_CONTENT);

    let invited = api(
        reqwest::Method::POST,
        format!("/api/v1/organisations/{org}/invitations"),
    )
    .json(&serde_json::json!({"email": "script@a.example", "roles": ["staff"]}))
    .send()
    .await
    .unwrap();
    assert_eq!(invited.status(), StatusCode::CREATED);
    let invited: serde_json::Value = invited.json().await.unwrap();
    assert!(invited["link"].as_str().unwrap().contains("/uitnodiging/"));
    let id = invited["id"].as_i64().unwrap();
    let stored = app.store.invitations(org).await.unwrap().len();
    let list: serde_json::Value = api(
        reqwest::Method::GET,
        format!("/api/v1/organisations/{org}/invitations"),
    )
    .send()
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    assert_eq!(list["invitations"].as_array().unwrap().len(), stored);
    let revoked = api(
        reqwest::Method::DELETE,
        format!("/api/v1/organisations/{org}/invitations/{id}"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);

    let openapi = app.get_json("/api/v1/openapi.json").await;
    for path in [
        "/api/v1/me",
        "/api/v1/organisations/{org}/members/{person}",
        "/api/v1/me/tokens",
    ] {
        assert!(openapi["paths"].get(path).is_some(), "{path} documented");
    }
    assert_eq!(
        openapi["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
}

#[tokio::test]
async fn an_admin_renames_the_organisation_and_nonsense_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/naam", world.org_a);
    let page = admin
        .get(&format!("/organisaties/{}", world.org_a))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!(r#"action="{path}""#)),
        "the page offers the form"
    );
    let long = "x".repeat(121);
    for name in ["   ", long.as_str()] {
        let response = admin.post(&path, &[("name", name)]).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let unchanged = app.store.organisation(world.org_a).await.unwrap().unwrap();
    assert_eq!(unchanged.name, "Bestuur A");
    let renamed = admin.post(&path, &[("name", "  Stichting A  ")]).await;
    assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
    let organisation = app.store.organisation(world.org_a).await.unwrap().unwrap();
    assert_eq!(organisation.name, "Stichting A");
    let english = admin
        .client
        .post(app.url(&path))
        .header("accept-language", "en")
        .form(&[("name", ""), ("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert!(
        english
            .text()
            .await
            .unwrap()
            .contains("Enter the name of the organisation")
    );
}

#[tokio::test]
async fn a_changed_role_takes_effect_on_the_very_next_request() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let staff = Browser::signed_in(&app, "staff@a.example").await;
    let invitations = format!("/api/v1/organisations/{}/invitations", world.org_a);
    assert_eq!(
        staff.get(&invitations).await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let member = format!(
        "/organisaties/{}/leden/{}",
        world.org_a, world.people["staff"].1
    );
    let promoted = admin
        .post(&member, &[("role", "staff"), ("role", "admin")])
        .await;
    assert_eq!(promoted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.get(&invitations).await.status(),
        StatusCode::OK,
        "at once"
    );
    let demoted = admin.post(&member, &[("role", "staff")]).await;
    assert_eq!(demoted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        staff.get(&invitations).await.status(),
        StatusCode::FORBIDDEN,
        "at once"
    );
}

#[tokio::test]
async fn removing_a_member_asks_first_and_without_the_tick_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let staff = world.people["staff"].1;
    let page_path = format!("/organisaties/{}/leden/{staff}", world.org_a);
    let page = admin.get(&page_path).await.text().await.unwrap();
    assert!(
        page.contains(r#"name="bevestiging" value="ja" required"#),
        "the page asks for a tick before removing"
    );
    let remove = format!("{page_path}/verwijderen");
    for fields in [vec![], vec![("bevestiging", "nee")]] {
        let refused = admin.post(&remove, &fields).await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
        let text = refused.text().await.unwrap();
        assert!(text.contains("form-error"), "the page says why");
    }
    let members = app.store.members(world.org_a).await.unwrap();
    assert!(
        members.iter().any(|m| m.person_id == staff),
        "still a member"
    );
    let removed = admin.post(&remove, &[("bevestiging", "ja")]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let members = app.store.members(world.org_a).await.unwrap();
    assert!(!members.iter().any(|m| m.person_id == staff), "removed");
}
