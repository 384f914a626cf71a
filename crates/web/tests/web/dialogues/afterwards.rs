//! After the dialogue: the summary, its export and sharing, and how long it is kept.

use leidraad_store::dialogues::DialogueRecord;
use reqwest::StatusCode;

use super::{LEADER, code_of, control, join, participant_post, start};
use crate::accounts::{Browser, world};
use crate::helpers::{spawn_app, text_of};

async fn record(app: &crate::helpers::TestApp, id: i64) -> DialogueRecord {
    app.store.dialogue(id).await.unwrap().unwrap()
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

/// What Leidraad offers `browser`'s person for their learning log.
async fn suggestions(browser: &Browser<'_>) -> serde_json::Value {
    let path = "/api/v1/learning-log/suggestions";
    let response = crate::reflections::call(browser, reqwest::Method::GET, path, None).await;
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_member_who_joined_under_their_own_name_finds_the_ended_dialogue_in_their_log() {
    use crate::reflections::call;

    let app = spawn_app().await;
    world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, "vrij-gesprek", &[("anonymous", "ja")]).await;
    let code = code_of(&leader, id).await;
    let colleague = Browser::signed_in(&app, "staff@a.example").await;
    let joined = colleague.post("/meedoen", &[("code", &code)]).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    let unnamed = Browser::signed_in(&app, "coach@a.example").await;
    let joined = unnamed
        .post("/meedoen", &[("code", &code), ("anoniem", "ja")])
        .await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        suggestions(&colleague).await["suggestions"],
        serde_json::json!([]),
        "not while it runs"
    );
    assert_eq!(
        control(&leader, id, "einde", &[]).await,
        StatusCode::NO_CONTENT
    );
    let offered = suggestions(&colleague).await;
    let offered = offered["suggestions"].as_array().unwrap();
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert_eq!(offered[0]["kind"], "dialogue");
    assert_eq!(offered[0]["id"], id);
    assert_eq!(offered[0]["title"], "Teamoverleg");
    assert_eq!(
        suggestions(&unnamed).await["suggestions"],
        serde_json::json!([]),
        "who joined anonymously is not known to have been there"
    );
    let confirm = format!("/api/v1/learning-log/suggestions/dialogue/{id}/confirm");
    let response = call(&colleague, reqwest::Method::POST, &confirm, None).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let log = text_of(&colleague.get("/logboek").await.text().await.unwrap());
    assert!(log.contains("Teamoverleg"), "{log}");
}
