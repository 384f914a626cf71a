//! A dialogue's life over HTTP: cards and the timer, the stream, moderation, the room.

use leidraad_store::dialogues::DialogueRecord;
use reqwest::StatusCode;

use super::{LEADER, Stream, code_of, control, join, kinds, participant_post, start};
use crate::accounts::{Browser, world};
use crate::helpers::{spawn_app, text_of};

async fn record(app: &crate::helpers::TestApp, id: i64) -> DialogueRecord {
    app.store.dialogue(id).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_facilitator_draws_cards_and_the_room_follows_on_its_phones() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "trek-een-kaart", &[("anonymous", "ja")]).await;
    let screen = leader.get(&format!("/dialogen/{id}")).await;
    assert_eq!(screen.headers()["cache-control"], "no-store");
    let html = screen.text().await.unwrap();
    assert!(html.contains("<svg"), "the QR code is on the screen");
    let code = code_of(&leader, id).await;
    assert_eq!(code.len(), 6);
    assert!(html.contains(&format!("/meedoen?code={code}")));
    let ayla = join(&app, &code, "Ayla", false).await;
    let bram = join(&app, &code, "Bram", false).await;
    let _quiet = join(&app, &code, "", true).await;
    let mut phone = Stream::open(&app.client, &app.url(&format!("/d/{bram}/stroom")), None).await;
    assert_eq!(
        kinds(&phone.drain().await),
        ["timer", "joined", "joined", "joined"]
    );
    assert_eq!(
        control(&leader, id, "trek", &[]).await,
        StatusCode::NO_CONTENT
    );
    let drawn = phone.until("card").await;
    let card = drawn.last().unwrap().1.clone();
    assert_eq!(card["round"], 1);
    assert_eq!(
        card["speaker"], "Ayla",
        "the named take turns in the order they joined"
    );
    let page = app.get_html(&format!("/d/{ayla}")).await;
    assert!(text_of(&page).contains("Ronde 1"), "{}", text_of(&page));
    // Twenty-two draws show every card once, then the deck is used up.
    let mut seen = vec![card["card"].as_str().unwrap().to_owned()];
    for _ in 1..22 {
        assert_eq!(
            control(&leader, id, "trek", &[]).await,
            StatusCode::NO_CONTENT
        );
        let event = phone.until("card").await.pop().unwrap().1;
        seen.push(event["card"].as_str().unwrap().to_owned());
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 22);
    assert_eq!(
        control(&leader, id, "trek", &[]).await,
        StatusCode::CONFLICT
    );
    phone.drain().await;
    // The timer: started, paused, reset, each an event on every phone.
    for action in ["timer-start", "timer-pauze", "timer-reset"] {
        assert_eq!(
            control(&leader, id, action, &[]).await,
            StatusCode::NO_CONTENT
        );
        let timer = phone.until("timer").await.pop().unwrap().1;
        let running = timer["timer"]["running"].as_bool().unwrap();
        assert_eq!(running, action == "timer-start", "{action}");
    }
}

#[tokio::test]
async fn a_reconnecting_phone_gets_exactly_what_came_after_its_last_event() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "vrij-gesprek", &[]).await;
    let token = join(&app, &code_of(&leader, id).await, "Ayla", false).await;
    let url = app.url(&format!("/d/{token}/stroom"));
    let mut first = Stream::open(&app.client, &url, None).await;
    control(&leader, id, "volgende", &[]).await;
    let before = first.until("card").await;
    let last_seen = before.last().unwrap().0;
    drop(first);
    // While the phone is away: two cards and a contribution waiting for the facilitator.
    control(&leader, id, "volgende", &[]).await;
    participant_post(&app, &token, "bijdrage", &[("text", "Onderweg bedacht")]).await;
    control(&leader, id, "kies", &[("kaart", "dialoog-10")]).await;
    let mut again = Stream::open(&app.client, &url, Some(last_seen)).await;
    let caught_up = again.drain().await;
    let numbers: Vec<i64> = caught_up.iter().map(|e| e.0).collect();
    assert!(numbers.iter().all(|n| *n > last_seen), "{numbers:?}");
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    // The first card's timer came after the card this phone saw last.
    assert_eq!(
        kinds(&caught_up),
        ["timer", "card", "timer", "card", "timer"]
    );
    assert_eq!(caught_up[3].1["card"], "dialoog-10");
    // The room never receives what only the facilitator sees.
    let all = Stream::open(&app.client, &url, Some(0)).await.drain().await;
    assert!(!kinds(&all).contains(&"submitted".to_owned()));
    // `?na=` works the same for a first connection; garbage counts as the start.
    let fresh = app.url(&format!("/d/{token}/stroom?na={last_seen}"));
    assert_eq!(
        Stream::open(&app.client, &fresh, None)
            .await
            .drain()
            .await
            .len(),
        5
    );
    let garbage = app.url(&format!("/d/{token}/stroom?na=-7x"));
    assert_eq!(
        Stream::open(&app.client, &garbage, None)
            .await
            .drain()
            .await
            .len(),
        all.len()
    );
}

#[tokio::test]
async fn anonymous_contributions_reach_the_facilitator_without_their_author() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "vrij-gesprek", &[("anonymous", "ja")]).await;
    let code = code_of(&leader, id).await;
    let ayla = join(&app, &code, "Ayla", false).await;
    let bram = join(&app, &code, "Bram", false).await;
    control(&leader, id, "volgende", &[]).await;
    let facilitator_url = app.url(&format!("/dialogen/{id}/stroom"));
    let mut desk = Stream::open(
        &leader.client,
        &facilitator_url,
        Some(record(&app, id).await.last_seq),
    )
    .await;
    let mut room = Stream::open(&app.client, &app.url(&format!("/d/{bram}/stroom")), Some(0)).await;
    room.drain().await;
    let named = [("text", "Wat bedoelen we met eigenaarschap?")];
    assert_eq!(
        participant_post(&app, &ayla, "bijdrage", &named).await,
        StatusCode::NO_CONTENT
    );
    let hidden = [
        ("text", "Ik durf dit niet hardop te zeggen"),
        ("anoniem", "ja"),
    ];
    assert_eq!(
        participant_post(&app, &ayla, "bijdrage", &hidden).await,
        StatusCode::NO_CONTENT
    );
    let waiting: Vec<_> = desk.drain().await;
    assert_eq!(kinds(&waiting), ["submitted", "submitted"]);
    assert_eq!(waiting[0].1["contribution"]["name"], "Ayla");
    assert!(waiting[1].1["contribution"]["name"].is_null());
    assert!(
        room.drain().await.is_empty(),
        "the room sees nothing before the facilitator shows it"
    );
    let screen = text_of(
        &leader
            .get(&format!("/dialogen/{id}"))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(screen.contains("Ik durf dit niet hardop te zeggen"));
    // Nothing in the database leads from the anonymous one to Ayla.
    let anonymous_id = waiting[1].1["contribution"]["id"].as_i64().unwrap();
    let stored = app
        .store
        .contribution(id, anonymous_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, None);
    let show = anonymous_id.to_string();
    assert_eq!(
        control(&leader, id, "tonen", &[("bijdrage", &show)]).await,
        StatusCode::NO_CONTENT
    );
    let shown = room.until("shown").await.pop().unwrap().1;
    assert_eq!(
        shown["contribution"]["text"],
        "Ik durf dit niet hardop te zeggen"
    );
    assert!(shown["contribution"]["name"].is_null());
    let phone = text_of(&app.get_html(&format!("/d/{bram}")).await);
    assert!(phone.contains("Ik durf dit niet hardop te zeggen"));
    assert!(!phone.contains("eigenaarschap"), "not shown yet");
    // Hiding all contributions, and the room's screens say so.
    control(&leader, id, "bijdragen-verbergen", &[]).await;
    assert_eq!(
        room.until("visibility").await.pop().unwrap().1["visible"],
        false
    );
}

#[tokio::test]
async fn the_facilitator_locks_the_room_and_removes_a_participant() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "vrij-gesprek", &[]).await;
    let code = code_of(&leader, id).await;
    let ayla = join(&app, &code, "Ayla", false).await;
    assert_eq!(
        control(&leader, id, "sluiten", &[]).await,
        StatusCode::NO_CONTENT
    );
    let late = app
        .client
        .post(app.url("/meedoen"))
        .form(&[("code", code.as_str()), ("name", "Laat")])
        .send()
        .await
        .unwrap();
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert!(text_of(&late.text().await.unwrap()).contains("ruimte gesloten"));
    control(&leader, id, "openen", &[]).await;
    let participants = app.store.participants(id).await.unwrap();
    let ayla_id = participants[0].id.to_string();
    assert_eq!(
        control(
            &leader,
            id,
            "deelnemer-verwijderen",
            &[("deelnemer", &ayla_id)]
        )
        .await,
        StatusCode::NO_CONTENT
    );
    let removed = app.get(&format!("/d/{ayla}")).await;
    assert_eq!(removed.status(), StatusCode::CONFLICT);
    let text = [("text", "Mag ik nog iets zeggen?")];
    assert_eq!(
        participant_post(&app, &ayla, "bijdrage", &text).await,
        StatusCode::CONFLICT
    );
    assert!(app.store.shown_contributions(id).await.unwrap().is_empty());
    // Someone else's dialogue is not there for another leader.
    let other = Browser::signed_in(&app, "board-member@a.example").await;
    assert_eq!(
        control(&other, id, "einde", &[]).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.get(&format!("/dialogen/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(record(&app, id).await.ended_at.is_none());
}
