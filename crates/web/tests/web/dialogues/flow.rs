//! A dialogue's life over HTTP.

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

#[tokio::test]
async fn pick_your_card_shows_the_picks_by_name_or_only_how_often() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    for anonymous in [false, true] {
        let extra: &[(&str, &str)] = if anonymous {
            &[("anonymous_picks", "ja")]
        } else {
            &[]
        };
        let id = start(&leader, "kies-je-kaart", extra).await;
        let code = code_of(&leader, id).await;
        let ayla = join(&app, &code, "Ayla", false).await;
        let bram = join(&app, &code, "Bram", false).await;
        let picks = [
            ("kaart", "dialoog-01"),
            ("kaart", "dialoog-02"),
            ("collega", "Bram"),
        ];
        assert_eq!(
            participant_post(&app, &ayla, "keuze", &picks).await,
            StatusCode::NO_CONTENT
        );
        let own = [("kaart", "dialoog-02")];
        assert_eq!(
            participant_post(&app, &bram, "keuze", &own).await,
            StatusCode::NO_CONTENT
        );
        let screen = text_of(
            &leader
                .get(&format!("/dialogen/{id}"))
                .await
                .text()
                .await
                .unwrap(),
        );
        assert!(screen.contains("2 deelnemers hebben gekozen"), "{screen}");
        assert_eq!(
            control(&leader, id, "keuzes-tonen", &[]).await,
            StatusCode::NO_CONTENT
        );
        let phone = text_of(&app.get_html(&format!("/d/{bram}")).await);
        assert!(phone.contains("2 keer gekozen"), "{phone}");
        assert_eq!(
            phone.contains("Ayla ziet dit in Bram"),
            !anonymous,
            "{phone}"
        );
    }
}

#[tokio::test]
async fn an_intervision_moves_through_its_phases_and_keeps_the_bringers_take_away() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "intervisie", &[]).await;
    let code = code_of(&leader, id).await;
    // A colleague who is signed in joins as themselves.
    let colleague = Browser::signed_in(&app, "staff@a.example").await;
    let joined = colleague.post("/meedoen", &[("code", &code)]).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    let bringer = joined.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/d/")
        .to_owned();
    let participant = app.store.participants(id).await.unwrap().remove(0);
    assert!(participant.person_id.is_some());
    let pid = participant.id.to_string();
    assert_eq!(
        control(&leader, id, "inbrenger", &[("deelnemer", &pid)]).await,
        StatusCode::NO_CONTENT
    );
    let phases = [
        "Verhelderende vragen",
        "Verkennen met de kaarten",
        "Advies of reflectie",
        "Wat neem je mee?",
    ];
    for phase in phases {
        assert_eq!(
            control(&leader, id, "fase", &[]).await,
            StatusCode::NO_CONTENT
        );
        let page = text_of(&app.get_html(&format!("/d/{bringer}")).await);
        assert!(page.contains(phase), "{phase}: {page}");
    }
    assert_eq!(
        control(&leader, id, "fase", &[]).await,
        StatusCode::CONFLICT,
        "the last phase"
    );
    let take_away = "Ik ga het gesprek met de ouders eerder voeren.";
    assert_eq!(
        participant_post(&app, &bringer, "notitie", &[("note", take_away)]).await,
        StatusCode::NO_CONTENT
    );
    let person = world.people["staff"].1;
    let saved = app.store.saved_dialogues(person).await.unwrap();
    assert_eq!(
        saved.len(),
        1,
        "the take-away is in the bringer's portfolio"
    );
    assert_eq!(saved[0].note, take_away);
    assert!(text_of(&app.get_html(&format!("/d/{bringer}")).await).contains(take_away));
}

#[tokio::test]
async fn the_summary_is_shared_after_removals_and_exported_as_markdown() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "vrij-gesprek", &[("anonymous", "ja")]).await;
    let token = join(&app, &code_of(&leader, id).await, "Ayla", false).await;
    control(&leader, id, "kies", &[("kaart", "dialoog-04")]).await;
    for text in ["Houden we dit vol?", "# Kop\n- geen lijst"] {
        participant_post(&app, &token, "bijdrage", &[("text", text)]).await;
    }
    let waiting: Vec<i64> = {
        let events = app.store.dialogue_events(id, 0, false).await.unwrap();
        events
            .iter()
            .filter(|e| e.body.contains("submitted"))
            .map(|e| {
                serde_json::from_str::<serde_json::Value>(&e.body).unwrap()["contribution"]["id"]
                    .as_i64()
                    .unwrap()
            })
            .collect()
    };
    for c in &waiting {
        control(&leader, id, "tonen", &[("bijdrage", &c.to_string())]).await;
    }
    let summary_path = format!("/d/{token}/samenvatting");
    assert_eq!(
        app.get(&summary_path).await.status(),
        StatusCode::CONFLICT,
        "not shared yet"
    );
    assert_eq!(
        control(&leader, id, "delen", &[]).await,
        StatusCode::CONFLICT,
        "not ended yet"
    );
    assert_eq!(
        control(&leader, id, "einde", &[]).await,
        StatusCode::NO_CONTENT
    );
    let removal = [("bijdrage", waiting[0].to_string())];
    let removal: Vec<(&str, &str)> = removal.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        control(&leader, id, "wissen", &removal).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        control(&leader, id, "delen", &[]).await,
        StatusCode::NO_CONTENT
    );
    let markdown = leader.get(&format!("/dialogen/{id}/samenvatting.md")).await;
    assert!(
        markdown.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    let markdown = markdown.text().await.unwrap();
    assert!(markdown.starts_with("# Teamoverleg"), "{markdown}");
    assert!(markdown.contains("wet- of regelgeving"), "{markdown}");
    assert!(
        !markdown.contains("Houden we dit vol"),
        "removed before sharing"
    );
    assert!(
        markdown.contains("> # Kop\n> - geen lijst"),
        "typed text stays a quote: {markdown}"
    );
    let print = leader
        .get(&format!("/dialogen/{id}/samenvatting/afdrukken"))
        .await;
    assert_eq!(print.status(), StatusCode::OK);
    let shared = text_of(&app.get_html(&summary_path).await);
    // Ayla joined without an account: nothing to keep it in but the download.
    assert!(shared.contains("zonder in te loggen"), "{shared}");
    assert_eq!(
        participant_post(&app, &token, "bewaren", &[]).await,
        StatusCode::CONFLICT
    );
    assert!(shared.contains("geen lijst") && !shared.contains("Houden we dit vol"));
    assert!(
        app.store
            .dialogue_events(id, 0, false)
            .await
            .unwrap()
            .iter()
            .all(|e| !e.body.contains("Houden we"))
    );
    // The code died with the end.
    let code = record(&app, id).await.join_code;
    assert_eq!(code, None);
}

#[tokio::test]
async fn codes_die_after_two_idle_days_and_ended_dialogues_go_after_the_retention_period() {
    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let idle = start(&leader, "vrij-gesprek", &[]).await;
    let kept = start(&leader, "vrij-gesprek", &[]).await;
    let code = code_of(&leader, idle).await;
    join(&app, &code, "Ayla", false).await;
    control(&leader, kept, "einde", &[]).await;
    let keep = leader
        .post(
            &format!("/dialogen/{kept}/bewaren"),
            &[("note", "Goed gesprek")],
        )
        .await;
    assert_eq!(keep.status(), StatusCode::SEE_OTHER);
    app.clock.advance(48 * 3600 + 1);
    let late = app
        .client
        .get(app.url(&format!("/meedoen?code={code}")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        late.status(),
        StatusCode::NOT_FOUND,
        "a code dies after 48 hours idle"
    );
    let (ended, deleted) = leidraad_app::dialogues::sweep(&app.state).await.unwrap();
    assert_eq!((ended, deleted), (1, 0));
    app.clock.advance(30 * 86_400);
    let (_, deleted) = leidraad_app::dialogues::sweep(&app.state).await.unwrap();
    assert_eq!(
        deleted, 1,
        "the idle one, ended 30 days ago; the kept one stays"
    );
    assert!(app.store.dialogue(idle).await.unwrap().is_none());
    assert!(app.store.dialogue(kept).await.unwrap().is_some());
    // Weeks later the leader signs in again and finds the kept one marked as kept.
    let leader = Browser::signed_in(&app, LEADER).await;
    let list = text_of(&leader.get("/dialogen").await.text().await.unwrap());
    assert!(list.contains("· bewaard"), "marked as kept: {list}");
}
