//! Invitations: made, accepted, expired.

use leidraad_domain::accounts::{Role, RoleSet};
use reqwest::StatusCode;

use crate::helpers::spawn_app;

use super::*;

#[tokio::test]
async fn an_admin_invites_and_the_invitee_joins_with_name_and_password() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/uitnodigingen", world.org_a);
    let before = app.store.invitations(world.org_a).await.unwrap().len();
    for (email, role) in [
        ("geen-adres", "staff"),
        ("nieuw@a.example", "king"),
        ("nieuw@a.example", ""),
    ] {
        let response = admin.post(&path, &[("email", email), ("role", role)]).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{email} {role}");
    }
    let foreign_school = world.school_b.to_string();
    let response = admin
        .post(
            &path,
            &[
                ("email", "nieuw@a.example"),
                ("role", "staff"),
                ("school", &foreign_school),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "a school of another organisation"
    );
    assert_eq!(
        app.store.invitations(world.org_a).await.unwrap().len(),
        before,
        "nothing stored"
    );

    let school = world.school_a2.to_string();
    let response = admin
        .post(
            &path,
            &[
                ("email", "Nieuw@A.example"),
                ("role", "staff"),
                ("role", "coach"),
                ("school", &school),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    let link = link_in(&html, "/uitnodiging/");
    assert!(
        newest_mail(&app).await.contains(&link),
        "the mailed link is the shown link"
    );

    let invitee = Browser::new(&app);
    let page = invitee.get(&link).await.text().await.unwrap();
    assert!(page.contains("Bestuur A") && page.contains("teamlid") && page.contains("coach"));
    let short = invitee
        .post(
            &link,
            &[
                ("name", "Nina"),
                ("password", "kort"),
                ("password_again", "kort"),
            ],
        )
        .await;
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    assert!(
        app.store
            .person_by_email("nieuw@a.example")
            .await
            .unwrap()
            .is_none()
    );
    let joined = invitee
        .post(
            &link,
            &[
                ("name", "Nina Nieuw"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        location(&joined),
        "/mijn-leidraad?melding=welkom",
        "a newcomer lands on the start page"
    );
    let nina = app
        .store
        .person_by_email("nieuw@a.example")
        .await
        .unwrap()
        .unwrap();
    let member = app
        .store
        .member(world.org_a, nina.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.roles, RoleSet::from([Role::Staff, Role::Coach]));
    assert_eq!(member.schools, [world.school_a2]);
    assert_eq!(
        invitee.get("/account").await.status(),
        StatusCode::OK,
        "signed in at once"
    );
    assert_eq!(
        Browser::new(&app).get(&link).await.status(),
        StatusCode::GONE,
        "used once"
    );

    let revoke = format!(
        "/organisaties/{}/uitnodigingen/{}/intrekken",
        world.org_a, world.invitation_a
    );
    assert_eq!(
        admin.post(&revoke, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        admin.post(&revoke, &[]).await.status(),
        StatusCode::NOT_FOUND,
        "revoked already"
    );
    let log = app.store.audit_log(world.org_a, 50).await.unwrap();
    let events: Vec<_> = log
        .iter()
        .map(|e| format!("{} {}", e.event, e.outcome))
        .collect();
    for expected in [
        "invitation created",
        "invitation accepted",
        "invitation revoked",
        "sign-in succeeded",
    ] {
        assert!(
            events.iter().any(|e| e == expected),
            "{expected} in {events:?}"
        );
    }
}

#[tokio::test]
async fn an_invitation_expires_after_seven_days() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let path = format!("/organisaties/{}/uitnodigingen", world.org_a);
    let html = admin
        .post(&path, &[("email", "laat@a.example"), ("role", "staff")])
        .await
        .text()
        .await
        .unwrap();
    let link = link_in(&html, "/uitnodiging/");
    app.clock.advance(7 * 86_400 - 60);
    assert_eq!(Browser::new(&app).get(&link).await.status(), StatusCode::OK);
    app.clock.advance(120);
    let late = Browser::new(&app).get(&link).await;
    assert_eq!(late.status(), StatusCode::GONE);
    assert!(late.text().await.unwrap().contains("verlopen"));
}
