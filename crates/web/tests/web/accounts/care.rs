//! The care around the account pages: a confirmation before deleting a school, a page of its
//! own for an invitation link that no longer works, a plain answer when inviting a member,
//! the audit log and the outbox in words, one tone of Dutch, and the account page's new
//! address with the old one redirecting.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{spawn_app, text_of};

use super::*;

#[tokio::test]
async fn deleting_a_school_asks_first_and_a_bare_post_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let org = world.org_a;
    let school = world.school_a1;
    let organisation = admin.get(&format!("/organisaties/{org}")).await;
    let organisation = organisation.text().await.unwrap();
    let confirm = format!("/organisaties/{org}/scholen/{school}/verwijderen");
    assert!(
        organisation.contains(&format!(r#"href="{confirm}""#)),
        "the delete button leads to the question"
    );
    let page = admin.get(&confirm).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = text_of(&page.text().await.unwrap());
    assert!(
        page.contains("Weet je het zeker?")
            && page.contains("Als je School A1 verwijdert")
            && page.contains("2 leden horen bij deze school"),
        "{page}"
    );

    let bare = admin.post(&confirm, &[]).await;
    assert_eq!(bare.status(), StatusCode::BAD_REQUEST);
    assert!(text_of(&bare.text().await.unwrap()).contains("Er is niets veranderd"));
    assert_eq!(
        app.store.schools(org).await.unwrap().len(),
        2,
        "still there"
    );

    let staff = Browser::signed_in(&app, "staff@a.example").await;
    assert_eq!(staff.get(&confirm).await.status(), StatusCode::FORBIDDEN);
    let other = format!("/organisaties/{org}/scholen/{}/verwijderen", world.school_b);
    assert_eq!(admin.get(&other).await.status(), StatusCode::NOT_FOUND);

    let done = admin.post(&confirm, &[("bevestiging", "ja")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.store.schools(org).await.unwrap().len(), 1, "deleted");
}

#[tokio::test]
async fn inviting_a_member_again_says_so_on_the_page_and_in_the_api_and_sends_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let org = world.org_a;
    let before = app.store.invitations(org).await.unwrap().len();
    let page = admin
        .post(
            &format!("/organisaties/{org}/uitnodigingen"),
            &[("email", "Staff@A.example"), ("role", "coach")],
        )
        .await;
    assert_eq!(page.status(), StatusCode::CONFLICT);
    let html = page.text().await.unwrap();
    assert!(html.contains("is al lid van deze organisatie"), "{html}");
    assert!(
        html.contains(r#"value="Staff@A.example""#),
        "what was typed stays"
    );
    let api = admin
        .client
        .post(app.url(&format!("/api/v1/organisations/{org}/invitations")))
        .header("x-csrf-token", &admin.csrf)
        .json(&json!({"email": "staff@a.example", "roles": ["staff"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::CONFLICT);
    assert_eq!(api.headers()["content-type"], "application/problem+json");
    let problem: Value = api.json().await.unwrap();
    assert_eq!(problem["code"], "already-member");
    assert_eq!(app.store.invitations(org).await.unwrap().len(), before);
    app.mail_settled().await;
    assert!(
        app.store.outgoing_mail(org, 10).await.unwrap().is_empty(),
        "no mail went out"
    );
    // Someone with an account elsewhere, not in this organisation, is invited as before.
    let outsider = admin
        .post(
            &format!("/organisaties/{org}/uitnodigingen"),
            &[("email", "admin@b.example"), ("role", "coach")],
        )
        .await;
    assert_eq!(outsider.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_invitation_link_that_no_longer_works_says_what_happened_and_whom_to_ask() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let org = world.org_a;
    let html = admin
        .post(
            &format!("/organisaties/{org}/uitnodigingen"),
            &[("email", "later@a.example"), ("role", "staff")],
        )
        .await
        .text()
        .await
        .unwrap();
    let link = link_in(&html, "/uitnodiging/");
    let id = app.store.invitations(org).await.unwrap()[0].id;
    let revoke = format!("/organisaties/{org}/uitnodigingen/{id}/intrekken");
    assert_eq!(
        admin.post(&revoke, &[]).await.status(),
        StatusCode::SEE_OTHER
    );

    let visitor = Browser::new(&app);
    let revoked = visitor.get(&link).await;
    assert_eq!(revoked.status(), StatusCode::GONE);
    assert_eq!(revoked.headers()["referrer-policy"], "no-referrer");
    let text = text_of(&revoked.text().await.unwrap());
    assert!(
        text.contains("Deze uitnodiging is ingetrokken") && text.contains("Vraag Ada Admin"),
        "{text}"
    );
    let post = visitor
        .post(
            &link,
            &[
                ("name", "Laat"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(post.status(), StatusCode::GONE);
    assert!(
        app.store
            .person_by_email("later@a.example")
            .await
            .unwrap()
            .is_none()
    );

    let unknown = visitor
        .get("/uitnodiging/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(text_of(&unknown.text().await.unwrap()).contains("Deze uitnodiging kennen we niet"));
    let english = visitor
        .client
        .get(app.url(&link))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert!(text_of(&english.text().await.unwrap()).contains("This invitation has been withdrawn"));
}

#[tokio::test]
async fn the_audit_log_and_the_outbox_speak_dutch_and_keep_their_codes() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    let org = world.org_a;
    let coach = world.people["coach"].1;
    let member = format!("/organisaties/{org}/leden/{coach}");
    admin
        .post(&member, &[("role", "coach"), ("role", "staff")])
        .await;
    admin
        .post(
            &format!("/organisaties/{org}/uitnodigingen"),
            &[("email", "nieuw@a.example"), ("role", "staff")],
        )
        .await;
    let log = text_of(
        &admin
            .get(&format!("/organisaties/{org}/logboek"))
            .await
            .text()
            .await
            .unwrap(),
    );
    for words in [
        "inloggen",
        "gelukt",
        "rollen gewijzigd",
        "coach → teamlid, coach",
        "uitnodiging",
        "aangemaakt",
    ] {
        assert!(log.contains(words), "{words}: {log}");
    }
    // (Role codes are left out: the test people are called "Test staff" and so on.)
    for code in ["sign-in", "succeeded", "role-change", "created"] {
        assert!(
            !log.split_whitespace().any(|word| word == code),
            "{code} on a Dutch screen: {log}"
        );
    }
    let stored = app.store.audit_log(org, 50).await.unwrap();
    assert!(
        stored
            .iter()
            .any(|e| e.event == "role-change" && e.detail == "coach>staff,coach")
    );

    app.mail_settled().await;
    let outbox = text_of(
        &admin
            .get(&format!("/organisaties/{org}/postvak-uit"))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(outbox.contains("nieuw@a.example"), "{outbox}");
    // The folder itself is the server's own name (the tests call it leidraad-outbox-…).
    let words = outbox.replace(&app.outbox.display().to_string(), "");
    assert!(!words.to_lowercase().contains("outbox"), "{outbox}");
    assert!(outbox.contains("Waar blijft mail die niet verstuurd kon worden?"));
}

/// The words "u" and "uw", which Leidraad never uses: it says "je".
fn formal_words(html: &str) -> Vec<String> {
    text_of(html)
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| matches!(*word, "u" | "U" | "uw" | "Uw" | "uzelf"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn every_account_and_organisation_screen_says_je() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let org = world.org_a;
    let visitor = Browser::new(&app);
    let mut pages = Vec::new();
    for path in ["/inloggen", "/wachtwoord-vergeten", "/uitnodiging/x"] {
        pages.push((
            path.to_owned(),
            visitor.get(path).await.text().await.unwrap(),
        ));
    }
    let forgot = visitor
        .post("/wachtwoord-vergeten", &[("email", "staff@a.example")])
        .await;
    pages.push(("forgot, sent".to_owned(), forgot.text().await.unwrap()));
    let admin = Browser::signed_in(&app, "admin@a.example").await;
    for path in [
        "/mijn-leidraad".to_owned(),
        "/account".to_owned(),
        "/account/verwijderen".to_owned(),
        "/organisaties".to_owned(),
        format!("/organisaties/{org}"),
        format!("/organisaties/{org}/leden/{}", world.people["staff"].1),
        format!(
            "/organisaties/{org}/scholen/{}/verwijderen",
            world.school_a1
        ),
        format!("/organisaties/{org}/logboek"),
        format!("/organisaties/{org}/postvak-uit"),
    ] {
        let response = admin.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        pages.push((path, response.text().await.unwrap()));
    }
    for email in [
        "staff@a.example",
        "coach@a.example",
        "board-member@a.example",
    ] {
        let someone = Browser::signed_in(&app, email).await;
        for path in ["/mijn-leidraad".to_owned(), format!("/organisaties/{org}")] {
            pages.push((
                format!("{email} {path}"),
                someone.get(&path).await.text().await.unwrap(),
            ));
        }
    }
    pages.push(("mail".to_owned(), newest_mail(&app).await));
    for (path, html) in pages {
        assert!(
            formal_words(&html).is_empty(),
            "{path}: {:?}",
            formal_words(&html)
        );
    }
}

#[tokio::test]
async fn the_account_page_is_mijn_account_and_old_profile_addresses_move_there_for_good() {
    let app = spawn_app().await;
    world(&app).await;
    for (old, new) in [
        ("/profiel", "/account"),
        ("/profiel?melding=naam", "/account?melding=naam"),
        ("/profiel/gegevens.json", "/account/gegevens.json"),
        (
            "/profiel/gegevens/sessies.csv",
            "/account/gegevens/sessies.csv",
        ),
    ] {
        let response = app.get(old).await;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{old}");
        assert_eq!(location(&response), new);
    }
    let browser = Browser::signed_in(&app, "staff@a.example").await;
    let page = browser.get("/account").await.text().await.unwrap();
    assert!(page.contains("<h1>Mijn account</h1>"), "{page}");
    assert!(
        !text_of(&page).to_lowercase().contains("profiel"),
        "profiel is the reflection's word"
    );
}
