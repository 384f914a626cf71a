use crate::helpers::{FRAMEWORK, spawn_app};

#[tokio::test]
async fn frameworks_are_listed_with_their_counts() {
    let app = spawn_app().await;
    let json = app.get_json("/api/v1/frameworks").await;
    let frameworks = json["frameworks"].as_array().unwrap();
    assert_eq!(frameworks.len(), 1);
    let f = &frameworks[0];
    assert_eq!(f["id"], FRAMEWORK);
    assert_eq!(f["title"]["nl"], "Beroepsstandaard schoolleiders");
    assert_eq!(f["domain_count"], 9);
    assert_eq!(f["card_count"], 80);
    assert_eq!(f["dialogue_card_count"], 22);
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 16);
    app.stop().await;
}

#[tokio::test]
async fn a_framework_has_its_domains_with_their_cards_in_order() {
    let app = spawn_app().await;
    let json = app
        .get_json(&format!("/api/v1/frameworks/{FRAMEWORK}"))
        .await;
    let domains = json["domains"].as_array().unwrap();
    let counts: Vec<usize> = domains
        .iter()
        .map(|d| d["cards"].as_array().unwrap().len())
        .collect();
    assert_eq!(counts, [7, 14, 12, 9, 12, 6, 7, 6, 7]);
    let kinds: Vec<&str> = domains
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "practice", "practice", "practice", "practice", "practice", "quality", "quality",
            "quality", "quality"
        ]
    );
    assert_eq!(domains[0]["cards"][0]["id"], "visie-01");
    assert_eq!(
        domains[0]["cards"][0]["text"]["nl"],
        "Ik gebruik gezamenlijke waarden als basis"
    );
    assert_eq!(
        domains[0]["cards"][0]["url"],
        format!("/kaders/{FRAMEWORK}/kaarten/visie-01")
    );
    assert_eq!(json["own_cards_per_domain"], 4);

    let missing = app.get("/api/v1/frameworks/nope").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
    let problem: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(problem["status"], 404);
    assert_eq!(problem["code"], "not-found");
    app.stop().await;
}

#[tokio::test]
async fn cards_are_listed_and_searched_per_language() {
    let app = spawn_app().await;
    let all = app.get_json("/api/v1/cards").await;
    assert_eq!(all["cards"].as_array().unwrap().len(), 80);

    let found = app.get_json("/api/v1/cards?q=creeer").await;
    let cards = found["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0]["id"], "omgeving-11");
    assert_eq!(cards[0]["matched_in"], serde_json::json!(["nl"]));

    let english_only = app.get_json("/api/v1/cards?q=shared+values&lang=en").await;
    assert_eq!(english_only["cards"][0]["id"], "visie-01");
    let dutch_only = app.get_json("/api/v1/cards?q=shared+values&lang=nl").await;
    assert!(dutch_only["cards"].as_array().unwrap().is_empty());

    let in_deck = app
        .get_json(&format!("/api/v1/cards?framework={FRAMEWORK}&q=leren"))
        .await;
    assert!(!in_deck["cards"].as_array().unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn dialogue_cards_carry_their_follow_up_question() {
    let app = spawn_app().await;
    let json = app.get_json("/api/v1/dialogue-cards").await;
    let cards = json["dialogue_cards"].as_array().unwrap();
    assert_eq!(cards.len(), 22);
    let with_follow_up = cards.iter().filter(|c| !c["follow_up"].is_null()).count();
    assert_eq!(with_follow_up, 10);
    assert_eq!(cards[6]["question"]["nl"], "Wanneer is goed goed genoeg?");
    assert_eq!(
        cards[6]["follow_up"]["nl"],
        "Wanneer is goed niet goed genoeg?"
    );
    let found = app.get_json("/api/v1/dialogue-cards?q=expertise").await;
    assert_eq!(found["dialogue_cards"][0]["id"], "dialoog-22");
    app.stop().await;
}

#[tokio::test]
async fn bad_api_input_gets_a_problem_in_the_requested_language() {
    let app = spawn_app().await;
    let cases = [
        ("/api/v1/cards?lang=de", 400, "unknown-language"),
        (
            "/api/v1/cards?q=a+b+c+d+e+f+g+h+i+j+k+l+m",
            400,
            "query-too-many-terms",
        ),
        ("/api/v1/cards?framework=nope", 404, "not-found"),
        ("/api/v1/dialogue-cards?lang=xx", 400, "unknown-language"),
        ("/api/v1/nothing-here", 404, "not-found"),
    ];
    for (path, status, code) in cases {
        let response = app.get_as(path, "en", None).await;
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
        let problem: serde_json::Value = response.json().await.unwrap();
        assert_eq!(problem["code"], code, "{path}");
        assert_eq!(problem["status"], status, "{path}");
        assert!(!problem["detail"].as_str().unwrap().is_empty());
    }
    let dutch: serde_json::Value = app.get("/api/v1/cards?lang=de").await.json().await.unwrap();
    assert_eq!(dutch["detail"], "Kies Nederlands (nl) of Engels (en).");
    app.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = spawn_app().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/frameworks",
        "/api/v1/frameworks/{id}",
        "/api/v1/cards",
        "/api/v1/dialogue-cards",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/cards"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(params, ["q", "lang", "framework"]);
    for schema in ["FrameworkDetail", "CardItem", "DialogueCardItem", "Problem"] {
        assert!(
            doc["components"]["schemas"][schema].is_object(),
            "{schema} missing"
        );
    }
    app.stop().await;
}
