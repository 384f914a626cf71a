//! A save never erases text it did not mean to change, with script or without.

use crate::accounts::{Browser, csrf_in, world};
use crate::helpers::spawn_app;
use crate::reflections::call;
use reqwest::{Method, StatusCode};
use serde_json::json;

use super::*;

#[tokio::test]
async fn a_save_from_a_page_loaded_earlier_keeps_the_newer_note() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_reflection(&leader, world.org_a.get()).await;
    let list_path = format!("/reflecties/{id}/lijst?domein=visie");
    let sort_path = format!("/reflecties/{id}/sorteren?kaart=visie-01");
    let list = leader.get(&list_path).await.text().await.unwrap();
    let sort = leader.get(&sort_path).await.text().await.unwrap();
    assert!(
        !list.contains("data-note"),
        "the list no longer carries notes to send back"
    );
    // Elsewhere, a note, evidence and a star are saved.
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    let saved = call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"note": "nieuw", "evidence": "jaarplan", "starred": true})),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    // The page's script changes only the pile.
    let moved = call(&leader, Method::PATCH, &card, Some(json!({"pile": 2}))).await;
    assert_eq!(moved.status(), StatusCode::OK);
    // The list's form, without script, posts every pile as the page showed it.
    let csrf = csrf_in(&list).unwrap();
    let response = leader
        .client
        .post(app.url(&format!("/reflecties/{id}/lijst")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("domein", "visie"),
            ("was-visie-01", ""),
            ("pile-visie-01", ""),
            ("was-visie-02", ""),
            ("pile-visie-02", "4"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The sort page, loaded before, is sent again with its old note untouched.
    let csrf = csrf_in(&sort).unwrap();
    let response = leader
        .client
        .post(app.url(&format!("/reflecties/{id}/kaarten/visie-01")))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("pile", "3"),
            ("note", ""),
            ("note_was", ""),
            ("evidence", ""),
            ("evidence_was", ""),
            ("starred_was", "false"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let answers = app.store.answers(id).await.unwrap();
    let first = answers.iter().find(|a| a.card_id == "visie-01").unwrap();
    assert_eq!(
        (
            first.pile.map(|p| p.score()),
            first.note.as_str(),
            first.evidence.as_str(),
            first.starred
        ),
        (Some(3), "nieuw", "jaarplan", true),
        "only the pile changed"
    );
    let second = answers.iter().find(|a| a.card_id == "visie-02").unwrap();
    assert_eq!(second.pile.map(|p| p.score()), Some(4));
    // PATCH with nonsense changes nothing.
    for body in [
        json!({"pile": 5}),
        json!({"note": "a\u{0}b"}),
        json!({"starred": "ja"}),
    ] {
        let refused = call(&leader, Method::PATCH, &card, Some(body.clone())).await;
        assert!(refused.status().is_client_error(), "{body}");
    }
    let after = app.store.answers(id).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(
        after.iter().find(|a| a.card_id == "visie-01").unwrap().note,
        "nieuw"
    );
}

/// Reads the value of the hidden field `name` from a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("the field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn the_sort_form_without_script_keeps_typed_text_through_a_refusal_and_line_breaks() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = open_reflection(&leader, world.org_a.get()).await;
    let action = format!("/reflecties/{id}/kaarten/visie-01");
    let page = leader
        .get(&format!("/reflecties/{id}/sorteren?kaart=visie-01"))
        .await
        .text()
        .await
        .unwrap();
    let post = |fields: Vec<(&'static str, String)>| {
        let mut fields = fields;
        fields.push(("csrf_token", csrf_in(&page).unwrap()));
        leader.client.post(app.url(&action)).form(&fields).send()
    };
    // A note and evidence with a control character: refused, the page comes back.
    let refused = post(vec![
        ("note", "mijn notitie".into()),
        ("note_was", hidden(&page, "note_was")),
        ("evidence", "zie\u{b}bijlage".into()),
        ("evidence_was", hidden(&page, "evidence_was")),
        ("starred_was", hidden(&page, "starred_was")),
    ])
    .await
    .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let again = refused.text().await.unwrap();
    assert!(
        again.contains("mijn notitie"),
        "the typed note is shown again"
    );
    // The person fixes the evidence and saves the page as it came back.
    let saved = post(vec![
        ("note", "mijn notitie".into()),
        ("note_was", hidden(&again, "note_was")),
        ("evidence", "zie bijlage\r\nen het jaarplan".into()),
        ("evidence_was", hidden(&again, "evidence_was")),
        ("starred_was", hidden(&again, "starred_was")),
    ])
    .await
    .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let stored = &app.store.answers(id).await.unwrap()[0];
    assert_eq!(stored.note, "mijn notitie", "not lost after the refusal");
    // Elsewhere the evidence changes; the page that shows the old one (with its line break,
    // sent back by the browser as CRLF) only moves the card.
    let card = format!("/api/v1/reflections/{id}/answers/visie-01");
    call(
        &leader,
        Method::PATCH,
        &card,
        Some(json!({"evidence": "nieuw bewijs"})),
    )
    .await;
    let shown = stored.evidence.clone();
    let moved = post(vec![
        ("pile", "2".into()),
        ("note", "mijn notitie".into()),
        ("note_was", "mijn notitie".into()),
        ("evidence", shown.replace('\n', "\r\n")),
        ("evidence_was", shown),
        ("starred_was", "false".into()),
    ])
    .await
    .unwrap();
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let after = &app.store.answers(id).await.unwrap()[0];
    assert_eq!(after.evidence, "nieuw bewijs", "the newer evidence stays");
    assert_eq!(after.pile.map(|p| p.score()), Some(2));
}
