//! Answers off the questionnaire or the scale, and other bodies that cannot be used.

use super::*;

#[tokio::test]
async fn answers_off_the_questionnaire_or_the_scale_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let owner = api_token(&app, LEADER).await;
    let mut body = new_scan(&app, &world);
    body["threshold"] = json!(3);
    let created = start(&app, &owner, body).await;
    let id = created["id"].as_i64().unwrap();
    let unit = created["units"][0]["id"].as_i64().unwrap();
    let link = respondent(&app, &created["units"][0]).await;
    let saved = send(
        &app,
        &link,
        Method::PUT,
        "/api/v1/respondent/open/wat-geeft-ruimte",
        Some(json!({"text": "Tijd"})),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let before = stored(&app, id, &[&link]).await;

    let long = "x".repeat(2001);
    let answers = "/api/v1/respondent/answers/ruimte-01";
    let submit = "/api/v1/respondent/submit";
    let estimate = format!("/api/v1/scans/{id}/estimate/ruimte-01");
    let unknown_estimate = format!("/api/v1/scans/{id}/estimate/onbekend-99");
    let invitations = format!("/api/v1/scans/{id}/invitations");
    let cases: Vec<(&str, Method, &str, Value, StatusCode, &str)> = vec![
        (
            &link,
            Method::PUT,
            answers,
            json!({"answer": 5}),
            StatusCode::BAD_REQUEST,
            "scan-answer-invalid",
        ),
        (
            &link,
            Method::PUT,
            answers,
            json!({"answer": 0}),
            StatusCode::BAD_REQUEST,
            "scan-answer-invalid",
        ),
        (
            &link,
            Method::PUT,
            answers,
            json!({"answer": "neutraal"}),
            StatusCode::BAD_REQUEST,
            "scan-answer-invalid",
        ),
        (
            &link,
            Method::PUT,
            answers,
            json!({"answer": 2.5}),
            StatusCode::BAD_REQUEST,
            "bad-request",
        ),
        (
            &link,
            Method::PUT,
            answers,
            json!({"antwoord": "eens"}),
            StatusCode::BAD_REQUEST,
            "bad-request",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/answers/onbekend-99",
            json!({"answer": "eens"}),
            StatusCode::BAD_REQUEST,
            "scan-statement-unknown",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/roles/schoolleider",
            json!({"answer": "nu"}),
            StatusCode::BAD_REQUEST,
            "scan-role-unknown",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/roles/mentor",
            json!({"answer": "misschien"}),
            StatusCode::BAD_REQUEST,
            "bad-request",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/open/onbekend",
            json!({"text": "Tijd"}),
            StatusCode::BAD_REQUEST,
            "scan-open-question-unknown",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/open/wat-geeft-ruimte",
            json!({"text": "Tijd\u{0}en ruimte"}),
            StatusCode::BAD_REQUEST,
            "scan-open-answer-invalid",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/open/wat-geeft-ruimte",
            json!({"text": long}),
            StatusCode::BAD_REQUEST,
            "scan-open-answer-invalid",
        ),
        (
            &link,
            Method::PUT,
            "/api/v1/respondent/other-role",
            json!({"text": "Coach\u{1b}[2J"}),
            StatusCode::BAD_REQUEST,
            "scan-open-answer-invalid",
        ),
        (
            &link,
            Method::POST,
            submit,
            json!({"ratings": {"ruimte-01": 7}}),
            StatusCode::BAD_REQUEST,
            "scan-answer-invalid",
        ),
        (
            &link,
            Method::POST,
            submit,
            json!({"ratings": {"onbekend-99": "eens"}}),
            StatusCode::BAD_REQUEST,
            "scan-statement-unknown",
        ),
        (
            &link,
            Method::POST,
            submit,
            json!({"ratings": {"ruimte-01": "eens"}, "roles": {"schoolleider": "nu"}}),
            StatusCode::BAD_REQUEST,
            "scan-role-unknown",
        ),
        (
            &link,
            Method::POST,
            submit,
            json!({"ratings": {"ruimte-01": "eens"}, "open": {"wat-beperkt-ruimte": "Regels\u{7}"}}),
            StatusCode::BAD_REQUEST,
            "scan-open-answer-invalid",
        ),
        (
            &link,
            Method::POST,
            submit,
            json!({}),
            StatusCode::BAD_REQUEST,
            "scan-response-empty",
        ),
        (
            &link,
            Method::POST,
            submit,
            json!({"ratings": {"ruimte-01": ""}}),
            StatusCode::BAD_REQUEST,
            "scan-response-empty",
        ),
        (
            &owner,
            Method::PUT,
            &estimate,
            json!({"answer": 0}),
            StatusCode::BAD_REQUEST,
            "scan-answer-invalid",
        ),
        (
            &owner,
            Method::PUT,
            &estimate,
            json!({"answer": "heel eens"}),
            StatusCode::BAD_REQUEST,
            "scan-answer-invalid",
        ),
        (
            &owner,
            Method::PUT,
            &unknown_estimate,
            json!({"answer": "eens"}),
            StatusCode::BAD_REQUEST,
            "scan-statement-unknown",
        ),
        (
            &owner,
            Method::PUT,
            &unknown_estimate,
            json!({"answer": ""}),
            StatusCode::BAD_REQUEST,
            "scan-statement-unknown",
        ),
        (
            &owner,
            Method::POST,
            &invitations,
            json!({"unit": unit, "addresses": "an@school.example, geen adres"}),
            StatusCode::BAD_REQUEST,
            "scan-email-invalid",
        ),
        (
            &owner,
            Method::POST,
            &invitations,
            json!({"unit": unit, "addresses": " ,; "}),
            StatusCode::BAD_REQUEST,
            "scan-email-invalid",
        ),
        (
            &owner,
            Method::POST,
            &invitations,
            json!({"unit": unit + 1_000, "addresses": "an@school.example"}),
            StatusCode::NOT_FOUND,
            "not-found",
        ),
    ];
    for (token, method, path, body, status, code) in cases {
        let response = send(&app, token, method.clone(), path, Some(body.clone())).await;
        assert_eq!(response.status(), status, "{method} {path} {body}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], code, "{method} {path} {body}");
    }
    for (token, path) in [
        (&link, answers),
        (&link, submit),
        (&owner, estimate.as_str()),
    ] {
        let method = if path == submit {
            Method::POST
        } else {
            Method::PUT
        };
        for body in ["{\"answer\": ", "[\"eens\"]", "\"eens\""] {
            let response = raw(&app, token, method.clone(), path, body).await;
            assert_eq!(
                refused(response, StatusCode::BAD_REQUEST).await,
                "bad-request",
                "{path} {body}"
            );
        }
    }
    assert_eq!(stored(&app, id, &[&link]).await, before);
    let owner_id = world.people["school-leader"].1;
    assert!(
        app.store
            .scan_invitations(owner_id, id)
            .await
            .unwrap()
            .is_empty()
    );
    app.stop().await;
}
