use crate::helpers::{FRAMEWORK, count, spawn_app, text_of};

#[tokio::test]
async fn search_ignores_case_and_accents_and_marks_what_it_found() {
    let app = spawn_app().await;
    let html = app.get_html("/zoeken?q=CREEER").await;
    assert!(html.contains("<mark>creëer</mark>"), "{html}");
    assert!(html.contains(&format!("/kaders/{FRAMEWORK}/kaarten/omgeving-11")));
    assert!(text_of(&html).contains("1 kaart gevonden"));
    let html = app.get_html("/zoeken?q=beinvloeden").await;
    assert!(html.contains("<mark>beïnvloeden</mark>"));
    app.stop().await;
}

#[tokio::test]
async fn search_finds_cards_in_both_languages_and_shows_where() {
    let app = spawn_app().await;
    // English words on the Dutch page: found in the English text, shown beside the Dutch.
    let html = app.get_html("/zoeken?q=shared+values").await;
    let text = text_of(&html);
    assert!(text.contains("Gevonden in de Engelse tekst"), "{text}");
    assert!(html.contains(&format!("/kaders/{FRAMEWORK}/kaarten/visie-01")));
    assert!(html.contains("<mark>shared</mark> <mark>values</mark>"));
    app.stop().await;
}

#[tokio::test]
async fn search_covers_dialogue_cards_and_their_follow_up_questions() {
    let app = spawn_app().await;
    let html = app.get_html("/zoeken?q=goed+genoeg").await;
    assert!(html.contains(&format!("/kaders/{FRAMEWORK}/dialoogkaarten/dialoog-07")));
    let html = app.get_html("/zoeken?q=expertise").await;
    assert!(
        html.contains("dialoog-22"),
        "a word of a follow-up question is found"
    );
    app.stop().await;
}

#[tokio::test]
async fn every_word_must_match_and_nothing_found_is_said_kindly() {
    let app = spawn_app().await;
    let both = app.get_html("/zoeken?q=visie+communiceer").await;
    assert_eq!(count(&both, "class=\"result\""), 1);
    let none = app.get_html("/zoeken?q=xylofoon").await;
    let text = text_of(&none);
    assert!(text.contains("Geen kaarten gevonden"), "{text}");
    assert!(text.contains("Probeer een ander of korter woord"));
    app.stop().await;
}

#[tokio::test]
async fn an_empty_search_shows_the_form_and_a_blank_query_asks_for_a_word() {
    let app = spawn_app().await;
    let html = app.get_html("/zoeken").await;
    assert!(html.contains("id=\"search-q\""));
    assert!(!html.contains("role=\"alert\""));
    let html = app.get_html("/zoeken?q=+++").await;
    assert!(text_of(&html).contains("Typ een woord om te zoeken"));
    app.stop().await;
}

#[tokio::test]
async fn a_query_of_ten_thousand_characters_gets_a_clear_400_in_the_users_language() {
    let app = spawn_app().await;
    let long = "a".repeat(10_000);
    let response = app.get_as(&format!("/zoeken?q={long}"), "en", None).await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("longer than 200 characters"));
    assert!(html.contains("aria-invalid=\"true\""));
    let response = app.get(&format!("/api/v1/cards?q={long}")).await;
    assert_eq!(response.status(), 400);
    let problem: serde_json::Value = response.json().await.unwrap();
    assert_eq!(problem["code"], "query-too-long");
    app.stop().await;
}
