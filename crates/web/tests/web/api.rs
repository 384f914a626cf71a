use std::collections::BTreeSet;

use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use serde_json::{Value, json};

use crate::accounts::{Browser, world};
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
    // Both ways round, against the table the router is built from: every API route is in
    // the document with its method, and the document promises no route that is not served.
    let served: Vec<(String, &str)> = leidraad_web::route_table()
        .into_iter()
        .filter(|(_, path, _)| path.starts_with("/api/") && *path != "/api/v1/openapi.json")
        .map(|(method, path, _)| (method.as_str().to_lowercase(), path))
        .collect();
    for (method, path) in &served {
        assert!(
            doc["paths"][path][method].is_object(),
            "{method} {path} is served but not in the OpenAPI document"
        );
    }
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for method in operations.as_object().unwrap().keys() {
            assert!(
                served.iter().any(|(m, p)| m == method && p == path),
                "{method} {path} is in the OpenAPI document but not served"
            );
        }
    }
    app.stop().await;
}

/// The operations anyone may call without an account: the standard's content.
const PUBLIC_OPERATIONS: [&str; 4] = [
    "/api/v1/frameworks",
    "/api/v1/frameworks/{id}",
    "/api/v1/cards",
    "/api/v1/dialogue-cards",
];

/// Follows a `$ref` within the document.
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(reference) => reference
            .trim_start_matches("#/")
            .split('/')
            .fold(doc, |node, key| &node[key]),
        None => value,
    }
}

#[tokio::test]
async fn the_openapi_document_says_who_may_call_each_operation_and_how_it_can_fail() {
    let app = spawn_app().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    assert!(
        doc.get("security").is_none(),
        "every operation says for itself who may call it"
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let name = format!("{} {path}", method.to_uppercase());
            if PUBLIC_OPERATIONS.contains(&path.as_str()) {
                assert_eq!(operation["security"], json!([]), "{name} is public");
            } else if path.starts_with("/api/v1/rater") {
                assert_eq!(
                    operation["security"],
                    json!([{"link": []}]),
                    "{name} needs a rater's link"
                );
            } else if path.starts_with("/api/v1/respondent") {
                assert_eq!(
                    operation["security"],
                    json!([{"scan-link": []}]),
                    "{name} needs a respondent's link"
                );
            } else if path.starts_with("/api/v1/scan-links/") {
                // The shared token in the path is the credential; no header is looked at.
                assert_eq!(operation["security"], json!([]), "{name} needs no header");
            } else {
                assert_eq!(
                    operation["security"],
                    json!([{"bearer": []}]),
                    "{name} needs a token"
                );
            }
            // What the middleware and the extractors can answer before or around the handler.
            let parameters = operation["parameters"]
                .as_array()
                .map_or(&[][..], Vec::as_slice);
            let has_body = operation.get("requestBody").is_some();
            let shared_link = path.starts_with("/api/v1/scan-links/");
            let mut expected = vec!["500"];
            if !shared_link {
                expected.push("401");
            }
            if !parameters.is_empty() || has_body {
                expected.push("400");
            }
            if parameters.iter().any(|p| p["in"] == "path") {
                expected.push("404");
            }
            if method != "get" {
                expected.push("403");
            }
            if has_body {
                expected.extend(["413", "415"]);
            }
            let responses = operation["responses"].as_object().unwrap();
            let statuses: BTreeSet<&str> = responses.keys().map(String::as_str).collect();
            for status in expected {
                assert!(
                    statuses.contains(status),
                    "{name} does not document {status}"
                );
            }
            assert!(
                !statuses.contains("422"),
                "{name}: bad input is 400, never 422"
            );
            if shared_link {
                assert!(!statuses.contains("401"), "{name} looks at no credential");
            } else {
                let unauthorized = resolve(&doc, &responses["401"]);
                assert!(
                    unauthorized["headers"]["WWW-Authenticate"].is_object(),
                    "{name}: 401 comes with WWW-Authenticate"
                );
            }
            for (status, response) in responses {
                if status.as_str() < "400" {
                    continue;
                }
                let response = resolve(&doc, response);
                assert!(
                    !response["description"]
                        .as_str()
                        .unwrap_or_default()
                        .is_empty(),
                    "{name} {status} says when"
                );
                assert_eq!(
                    response["content"]["application/problem+json"]["schema"]["$ref"],
                    "#/components/schemas/Problem",
                    "{name} {status} is a problem object"
                );
            }
        }
    }
    assert!(operations >= 33, "{operations} operations");
    for (method, path) in leidraad_web::organisation_route_table() {
        if path.starts_with("/api/") {
            let method = method.as_str().to_lowercase();
            assert!(
                doc["paths"][path][&method].is_object(),
                "{method} {path} is not documented"
            );
        }
    }
    app.stop().await;
}

/// The choice the document pins: JSON of the wrong shape (an array where an object belongs
/// too) is 400 like malformed JSON, never axum's 422; a whole number may be written `2.0`, as JSON Schema's `integer` allows; and a
/// public route still refuses an unknown token, as documented.
#[tokio::test]
async fn json_of_the_wrong_shape_is_a_400_and_whole_numbers_may_be_floats() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let organisation = world.org_a.get();
    let post = |content_type: &'static str, body: String| {
        leader
            .client
            .post(app.url("/api/v1/reflections"))
            .header("x-csrf-token", &leader.csrf)
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
    };
    let json_type = "application/json";
    for (content_type, body, status, code) in [
        (
            json_type,
            r#"{"organisation": "one"}"#.to_owned(),
            400,
            "bad-request",
        ),
        (json_type, "{}".to_owned(), 400, "bad-request"),
        // serde would read a struct from an array of its fields; the document allows objects.
        (json_type, format!("[{organisation}]"), 400, "bad-request"),
        (
            json_type,
            r#"{"organisation": "#.to_owned(),
            400,
            "bad-request",
        ),
        (
            json_type,
            format!(r#"{{"organisation": {organisation}.5}}"#),
            400,
            "bad-request",
        ),
        (
            "text/plain",
            format!(r#"{{"organisation": {organisation}}}"#),
            415,
            "unsupported-media-type",
        ),
    ] {
        let response = post(content_type, body.clone()).await.unwrap();
        assert_eq!(response.status(), status, "{body}");
        assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], code, "{body}");
    }
    let whole = post(
        json_type,
        format!(r#"{{"organisation": {organisation}.0}}"#),
    )
    .await
    .unwrap();
    assert_eq!(whole.status(), StatusCode::CREATED);

    let stale = app
        .client
        .get(app.url("/api/v1/frameworks"))
        .header(AUTHORIZATION, "Bearer not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(stale.headers()["www-authenticate"], "Bearer");
    app.stop().await;
}
