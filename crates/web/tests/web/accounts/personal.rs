//! API tokens, the data download and deleting one's account.

use reqwest::StatusCode;

use crate::helpers::spawn_app;

use super::*;

#[tokio::test]
async fn api_tokens_are_made_on_the_profile_used_as_bearer_and_revoked() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::signed_in(&app, "school-leader@a.example").await;
    let empty = browser.post("/account/tokens", &[("name", "  ")]).await;
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let html = browser
        .post("/account/tokens", &[("name", "rapportage")])
        .await
        .text()
        .await
        .unwrap();
    let marker = r#"id="new-token">"#;
    let start = html.find(marker).unwrap() + marker.len();
    let token = &html[start..start + 64];
    let me = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let me: serde_json::Value = me.json().await.unwrap();
    assert_eq!(me["email"], "school-leader@a.example");
    assert_eq!(me["organisations"][0]["roles"][0], "school-leader");
    // A bearer request needs no CSRF token: a browser never attaches one on its own.
    let members = app
        .client
        .get(app.url(&format!("/api/v1/organisations/{}/members", world.org_a)))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let members: serde_json::Value = members.json().await.unwrap();
    let names: Vec<&str> = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only the members of the leader's own school: {names:?}"
    );

    let tokens = app
        .store
        .api_tokens_of(world.people["school-leader"].1)
        .await
        .unwrap();
    let revoke = browser
        .post(&format!("/account/tokens/{}/intrekken", tokens[0].id), &[])
        .await;
    assert_eq!(revoke.status(), StatusCode::SEE_OTHER);
    let after = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(after.headers()["www-authenticate"], "Bearer");
    assert_eq!(after.headers()["content-type"], "application/problem+json");
    let garbage = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth("nonsense")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/api/v1/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_person_downloads_their_data_and_deletes_their_account() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    let json = browser.get("/account/gegevens.json").await;
    assert_eq!(json.status(), StatusCode::OK);
    assert!(
        json.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = json.json().await.unwrap();
    assert_eq!(data["account"]["email"], "staff@a.example");
    assert_eq!(data["memberships"][0]["schools"][0], "School A1");
    assert!(
        data.to_string().find("argon2").is_none(),
        "no password hash"
    );
    let csv = browser
        .get("/account/gegevens/lidmaatschappen.csv")
        .await
        .text()
        .await
        .unwrap();
    // For Excel in Dutch: a byte order mark, semicolons, words instead of codes.
    assert!(
        csv.starts_with("\u{feff}\"Organisatie\";\"Rollen\";\"Scholen\""),
        "{csv}"
    );
    assert!(
        csv.contains("\"Bestuur A\";\"teamlid\";\"School A1\""),
        "{csv}"
    );
    assert_eq!(
        browser.get("/account/gegevens/anders.csv").await.status(),
        StatusCode::NOT_FOUND
    );

    let staff = world.people["staff"].1;
    let confirm = browser.get("/account/verwijderen").await;
    assert_eq!(confirm.status(), StatusCode::OK);
    let confirm = confirm.text().await.unwrap();
    assert!(
        confirm.contains("Weet je het zeker?")
            && confirm.contains("staff@a.example")
            && confirm.contains("Bestuur A"),
        "names what will be lost: {confirm}"
    );
    let unconfirmed = browser
        .post("/account/verwijderen", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(unconfirmed.status(), StatusCode::BAD_REQUEST);
    assert!(
        unconfirmed
            .text()
            .await
            .unwrap()
            .contains("nog niet bevestigd"),
        "says why nothing happened"
    );
    assert!(app.store.person(staff).await.unwrap().is_some());
    let wrong = browser
        .post(
            "/account/verwijderen",
            &[
                ("current_password", "not my password"),
                ("bevestiging", "ja"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert!(app.store.person(staff).await.unwrap().is_some());
    let deleted = browser
        .post(
            "/account/verwijderen",
            &[("current_password", PASSWORD), ("bevestiging", "ja")],
        )
        .await;
    assert_eq!(location(&deleted), "/inloggen?melding=account-verwijderd");
    assert_eq!(app.store.person(staff).await.unwrap(), None);
    assert_eq!(app.store.member(world.org_a, staff).await.unwrap(), None);
    assert!(app.store.sessions_of(staff).await.unwrap().is_empty());
    assert!(app.store.personal_data(staff).await.unwrap().is_none());
    let log = app.store.audit_log(world.org_a, 50).await.unwrap();
    assert!(log.iter().any(|e| e.event == "erasure"));
    assert!(
        log.iter()
            .all(|e| e.actor_name.as_deref() != Some("Test staff")),
        "the name is gone from the log"
    );

    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let warned = admin
        .get("/account/verwijderen")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        warned.contains("enige beheerder van Bestuur A"),
        "the last admin is told before trying: {warned}"
    );
    let last = admin
        .post(
            "/account/verwijderen",
            &[("current_password", PASSWORD), ("bevestiging", "ja")],
        )
        .await;
    assert_eq!(
        last.status(),
        StatusCode::CONFLICT,
        "the last admin stays until replaced"
    );
}
