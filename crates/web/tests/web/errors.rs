use crate::helpers::{FRAMEWORK, spawn_app, text_of};

#[tokio::test]
async fn an_unknown_card_is_a_404_page_in_the_users_language() {
    let app = spawn_app().await;
    let response = app
        .get(&format!("/kaders/{FRAMEWORK}/kaarten/visie-99"))
        .await;
    assert_eq!(response.status(), 404);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(text_of(&html).contains("Pagina niet gevonden"));

    let english = app
        .get_as(&format!("/kaders/{FRAMEWORK}/kaarten/visie-99"), "en", None)
        .await;
    assert_eq!(english.status(), 404);
    let html = english.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(text_of(&html).contains("Page not found"));
    app.stop().await;
}

#[tokio::test]
async fn unknown_decks_dialogue_cards_and_paths_are_404_pages() {
    let app = spawn_app().await;
    for path in [
        "/kaders/nope",
        "/kaders/nope/kaarten/visie-01",
        &format!("/kaders/{FRAMEWORK}/dialoogkaarten/dialoog-99"),
        "/kaders/nope/dialoogkaarten/trek",
        "/kaders/nope/afdrukken",
        "/does/not/exist",
        &format!("/kaders/{FRAMEWORK}/kaarten/%E2%9C%93%00"),
        &format!("/kaders/{FRAMEWORK}/kaarten/{}", "x".repeat(5000)),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("Pagina niet gevonden"), "{path}");
        assert!(!html.contains("panicked") && !html.contains("RUST_BACKTRACE"));
    }
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_method_is_a_405_page_that_changes_nothing() {
    let app = spawn_app().await;
    let response = app.client.post(app.url("/standaard")).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert!(response.headers().contains_key("allow"));
    assert!(text_of(&response.text().await.unwrap()).contains("Dat kan hier niet"));
    let response = app
        .client
        .delete(app.url("/api/v1/cards"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    app.stop().await;
}

#[tokio::test]
async fn nonsense_query_parameters_never_break_a_page() {
    let app = spawn_app().await;
    for path in [
        "/zoeken?q=%FF%FE",
        "/zoeken?q=<script>alert(1)</script>",
        "/afdrukken?lege=%00",
        &format!("/kaders/{FRAMEWORK}/dialoogkaarten/trek?na=%FF"),
    ] {
        let response = app.get(path).await;
        let status = response.status().as_u16();
        assert!(matches!(status, 200 | 303 | 400), "{path}: {status}");
        let body = response.text().await.unwrap();
        assert!(
            !body.contains("<script>alert"),
            "{path} reflects markup unescaped"
        );
    }
    app.stop().await;
}
