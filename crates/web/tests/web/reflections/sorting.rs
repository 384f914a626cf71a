//! Sorting without losing anything (issue 10): an autosave after the session ended is told so
//! (401 `session-ended`, not "no credentials"); saving keeps a session alive; the sort form
//! posted without a session gives the typed text back and leads to the same card after
//! signing in; the pile board moves one card's pile, with and without script, and refuses
//! nonsense without changing anything.

use crate::accounts::{Browser, PASSWORD, World, csrf_in, world};
use crate::helpers::{TestApp, spawn_app};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;

/// A reflection of organisation A's school leader on the domain "visie", open for sorting.
async fn open_visie(world: &World, leader: &Browser<'_>) -> i64 {
    start(leader, world.org_a.get(), json!({"domains": ["visie"]})).await
}

async fn stored(app: &TestApp, id: i64) -> String {
    format!("{:?}", app.store.answers(id).await.unwrap())
}

#[tokio::test]
async fn an_autosave_after_the_session_ended_says_so_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_visie(&world, &leader).await;
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    let saved = call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "eerst"})),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let before = stored(&app, id).await;

    app.clock.advance(31 * 60);
    let ended = call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "later"})),
    )
    .await;
    assert_eq!(ended.status(), StatusCode::UNAUTHORIZED);
    assert!(ended.headers().contains_key("www-authenticate"));
    let problem: Value = ended.json().await.unwrap();
    assert_eq!(problem["code"], "session-ended", "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("Je sessie is verlopen"),
        "{problem}"
    );
    assert_eq!(stored(&app, id).await, before, "nothing saved");
    // The ended session's cookie is gone now: what follows presents nothing.
    let after = call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "later"})),
    )
    .await;
    let problem: Value = after.json().await.unwrap();
    assert_eq!(problem["code"], "unauthorized");
    let stranger = app
        .client
        .patch(app.url(&card))
        .json(&json!({"note": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        stranger.json::<Value>().await.unwrap()["code"],
        "unauthorized"
    );
    assert_eq!(stored(&app, id).await, before);
}

#[tokio::test]
async fn a_session_signed_out_elsewhere_is_told_so_too_in_english() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let laptop = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_visie(&world, &laptop).await;
    let phone = Browser::signed_in(&app, "school-leader@a.example").await;
    let person = world.people["school-leader"].1;
    let sessions = app.store.sessions_of(person).await.unwrap();
    let first = sessions.iter().map(|s| s.id).min().unwrap();
    let ended = phone
        .post(&format!("/account/sessies/{first}/beeindigen"), &[])
        .await;
    assert_eq!(ended.status(), StatusCode::SEE_OTHER);
    let response = laptop
        .client
        .patch(app.url(&format!("/api/v1/reflections/{id}/answers/visie-01")))
        .header("x-csrf-token", &laptop.csrf)
        .header("accept-language", "en")
        .json(&json!({"pile": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "session-ended");
    assert_eq!(problem["title"], "Session ended");
    assert!(app.store.answers(id).await.unwrap().is_empty());
}

#[tokio::test]
async fn saving_keeps_a_session_alive_and_the_idle_limit_counts_from_the_last_save() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_visie(&world, &leader).await;
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    // Two and a half hours of writing, a save every 25 minutes: never asked to sign in.
    for round in 0..6 {
        app.clock.advance(25 * 60);
        let note = format!("versie {round}");
        let saved = call(&leader, Method::PATCH, &card, Some(json!({"note": note}))).await;
        assert_eq!(saved.status(), StatusCode::OK, "round {round}");
    }
    app.clock.advance(29 * 60);
    let saved = call(&leader, Method::PATCH, &card, Some(json!({"note": "nog"}))).await;
    assert_eq!(
        saved.status(),
        StatusCode::OK,
        "29 minutes after the last save"
    );
    app.clock.advance(31 * 60);
    let ended = call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "te laat"})),
    )
    .await;
    assert_eq!(ended.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.store.answers(id).await.unwrap()[0].note, "nog");
}

#[tokio::test]
async fn the_sort_form_after_the_session_ended_gives_the_text_back_and_leads_to_the_same_card() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_visie(&world, &leader).await;
    let sort = format!("/reflecties/{id}/sorteren?kaart=visie-02");
    let page = leader.get(&sort).await.text().await.unwrap();
    let csrf = csrf_in(&page).unwrap();
    app.clock.advance(31 * 60);
    let typed = "Dertig minuten over nagedacht:\r\nwe doen dit al jaren.";
    let response = leader
        .client
        .post(app.url(&format!("/reflecties/{id}/kaarten/visie-02")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("note", typed),
            ("note_was", ""),
            ("evidence", ""),
            ("evidence_was", ""),
            ("starred_was", "false"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let kept = response.text().await.unwrap();
    let back = format!(
        "/inloggen?terug=%2Freflecties%2F{id}%2Fsorteren%3Fkaart%3Dvisie-02&#38;melding=sessie-verlopen"
    );
    for expected in [
        "Je sessie is verlopen",
        "we doen dit al jaren.",
        "Ik houd focus op het leerproces",
        back.as_str(),
        "data-kept-card=\"visie-02\"",
    ] {
        assert!(kept.contains(expected), "{expected} in {kept}");
    }
    assert!(
        app.store.answers(id).await.unwrap().is_empty(),
        "nothing saved"
    );

    // A pile alone (nothing typed) goes straight to signing in, and back to the card.
    let pile_only = leader
        .client
        .post(app.url(&format!("/reflecties/{id}/kaarten/visie-02")))
        .form(&[("pile", "3"), ("note", ""), ("note_was", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(pile_only.status(), StatusCode::SEE_OTHER);
    let sign_in = location(&pile_only);
    assert_eq!(sign_in, back.replace("&#38;", "&"));
    let notice = app.get(&sign_in).await.text().await.unwrap();
    assert!(notice.contains("Je sessie is verlopen"), "{notice}");
    let signed_in = leader
        .post(
            "/inloggen",
            &[
                ("email", "school-leader@a.example"),
                ("password", PASSWORD),
                ("terug", &sort),
            ],
        )
        .await;
    assert_eq!(location(&signed_in), sort, "back at the same card");
    assert!(app.store.answers(id).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_sort_page_shows_the_card_number_the_piles_meanings_and_a_star_that_toggles() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_visie(&world, &leader).await;
    let sort = format!("/reflecties/{id}/sorteren?kaart=visie-03");
    let page = leader.get(&sort).await.text().await.unwrap();
    for expected in [
        "<span class=\"card-number\">3</span>",
        "Dit doe ik altijd; het hoort bij hoe ik werk.",
        "class=\"star-toggle\" aria-pressed=\"false\"",
        "name=\"star\" value=\"on\"",
    ] {
        assert!(page.contains(expected), "{expected}");
    }
    let action = format!("/reflecties/{id}/kaarten/visie-03");
    let on = leader
        .post(&action, &[("star", "on"), ("starred_was", "false")])
        .await;
    assert_eq!(location(&on), sort, "the same card again");
    assert!(app.store.answers(id).await.unwrap()[0].starred);
    let page = leader.get(&sort).await.text().await.unwrap();
    assert!(page.contains("class=\"star-toggle\" aria-pressed=\"true\""));
    leader
        .post(
            &action,
            &[("star", "off"), ("starred", "on"), ("starred_was", "true")],
        )
        .await;
    assert!(!app.store.answers(id).await.unwrap()[0].starred);
    // "Opslaan" carries the star as the page shows it: unchanged, not written.
    leader
        .post(&action, &[("starred", ""), ("starred_was", "false")])
        .await;
    assert!(!app.store.answers(id).await.unwrap()[0].starred);
}

#[tokio::test]
async fn the_pile_board_moves_one_cards_pile_without_script_and_refuses_nonsense() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_visie(&world, &leader).await;
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"pile": 1, "note": "mijn notitie", "starred": true})),
    )
    .await;
    let board = format!("/reflecties/{id}/lijst?domein=visie");
    let page = leader.get(&board).await.text().await.unwrap();
    for expected in [
        "Nog te leggen",
        "Dit doe ik (nog) niet, of nauwelijks.",
        "Dit doe ik meestal, bewust.",
        "mijn notitie",
        "Wil ik aan werken",
        "value=\"visie-01=1\" class=\"move move--1\" aria-pressed=\"true\"",
        "value=\"visie-07=4\" class=\"move move--4\" aria-pressed=\"false\"",
        "<span class=\"visually-hidden\">Kaart </span>7</span>",
    ] {
        assert!(page.contains(expected), "{expected}");
    }
    assert!(
        page.contains("board-pile--0 board-pile--current"),
        "a phone first shows the cards not laid yet"
    );
    let second = leader
        .get(&format!("{board}&stapel=2"))
        .await
        .text()
        .await
        .unwrap();
    assert!(second.contains("board-pile--2 board-pile--current"));

    // Elsewhere the note changes; the board, loaded before, moves only the pile.
    call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "nieuwer"})),
    )
    .await;
    let moved = leader
        .post(
            &format!("/reflecties/{id}/lijst"),
            &[
                ("domein", "visie"),
                ("stapel", "0"),
                ("was-visie-01", "1"),
                ("move", "visie-01=3"),
            ],
        )
        .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let target = location(&moved);
    assert_eq!(
        target,
        format!("{board}&stapel=0&verplaatst=visie-01#kaart-visie-01")
    );
    let answer = &app.store.answers(id).await.unwrap()[0];
    assert_eq!(
        (
            answer.pile.map(|p| p.score()),
            answer.note.as_str(),
            answer.starred
        ),
        (Some(3), "nieuwer", true)
    );
    let shown = leader.get(&target).await.text().await.unwrap();
    assert!(
        shown.contains("Verplaatst naar ‘vaak’: Ik gebruik gezamenlijke waarden als basis"),
        "{shown}"
    );

    // Nonsense: a clear message, nothing changed, not even the valid part of a form.
    let before = format!("{:?}", app.store.answers(id).await.unwrap());
    for (fields, message) in [
        (vec![("move", "visie-02=7")], "Kies een stapel"),
        (vec![("move", "visie-02")], "Kies een stapel"),
        (
            vec![("move", "medewerkers-01=2")],
            "hoort niet bij deze reflectie",
        ),
        (
            vec![("pile-visie-02", "2"), ("pile-visie-03", "9")],
            "Kies een stapel",
        ),
    ] {
        let mut fields = fields;
        fields.push(("domein", "visie"));
        let refused = leader
            .post(&format!("/reflecties/{id}/lijst"), &fields)
            .await;
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{fields:?}");
        let html = refused.text().await.unwrap();
        assert!(html.contains(message), "{fields:?}: {html}");
        assert!(html.contains("class=\"board domain-1\""), "the board again");
    }
    assert_eq!(
        format!("{:?}", app.store.answers(id).await.unwrap()),
        before
    );

    // Without a session nothing is saved, and signing in leads back to this board.
    let stranger = app
        .client
        .post(app.url(&format!("/reflecties/{id}/lijst")))
        .form(&[("domein", "visie"), ("stapel", "3"), ("move", "visie-02=2")])
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&stranger),
        "/inloggen?terug=%2Freflecties%2F".to_owned()
            + &id.to_string()
            + "%2Flijst%3Fdomein%3Dvisie%26stapel%3D3&melding=sessie-verlopen"
    );
    assert_eq!(
        format!("{:?}", app.store.answers(id).await.unwrap()),
        before
    );
}
