//! A whole scan through the API, from start to the released results.

use super::*;

#[tokio::test]
async fn a_whole_scan_runs_through_the_api_from_start_to_results() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let owner = api_token(&app, LEADER).await;
    let created = start(&app, &owner, new_scan(&app, &world)).await;
    let id = created["id"].as_i64().unwrap();
    let unit = &created["units"][0];
    assert_eq!(unit["label"], "School A1");
    let share_url = unit["share_url"].as_str().unwrap();
    assert!(share_url.starts_with(&app.url("/s/")), "{share_url}");

    let list = send(&app, &owner, Method::GET, "/api/v1/scans", None).await;
    let list: Value = list.json().await.unwrap();
    let item = &list["scans"][0];
    assert_eq!(
        (
            &item["id"],
            &item["state"],
            &item["threshold"],
            &item["answered"]
        ),
        (&json!(id), &json!("open"), &json!(5), &json!(0))
    );
    assert_eq!(item["closes_on"], date_in(&app, 14));

    // The estimate: three statements, as a code, a score and "don't know"; one taken back.
    let estimate_at = |statement: &str| format!("/api/v1/scans/{id}/estimate/{statement}");
    for (statement, answer) in [
        ("ruimte-01", json!("eens")),
        ("ruimte-02", json!(4)),
        ("ruimte-03", json!("weet-ik-niet")),
        ("ruimte-04", json!("oneens")),
        ("ruimte-04", json!("")),
    ] {
        let body = Some(json!({ "answer": answer }));
        let saved = send(&app, &owner, Method::PUT, &estimate_at(statement), body).await;
        assert_eq!(saved.status(), StatusCode::OK, "{statement} {answer}");
    }
    let estimate_path = format!("/api/v1/scans/{id}/estimate");
    let estimate = send(&app, &owner, Method::GET, &estimate_path, None).await;
    let estimate: Value = estimate.json().await.unwrap();
    assert_eq!(
        estimate["answers"],
        json!({"ruimte-01": "eens", "ruimte-02": "helemaal-eens", "ruimte-03": "weet-ik-niet"})
    );
    assert_eq!(statement_ids(&estimate).len(), 60);

    // Personal links by mail; an address mailed before is not mailed again.
    let invitations = format!("/api/v1/scans/{id}/invitations");
    let unit_id = unit["id"].as_i64().unwrap();
    for (addresses, mailed) in [
        ("an@school.example, bo@school.example", 2),
        ("bo@school.example;\ncor@school.example", 1),
    ] {
        let body = json!({"unit": unit_id, "addresses": addresses});
        let sent = send(&app, &owner, Method::POST, &invitations, Some(body)).await;
        assert_eq!(sent.status(), StatusCode::OK);
        assert_eq!(sent.json::<Value>().await.unwrap()["mailed"], mailed);
    }
    let mail = newest_mail(&app).await;
    assert!(mail.contains("To: cor@school.example"), "{mail}");
    let mailed_link = mail[mail.find("/t/").expect("a personal link") + 3..][..64].to_owned();

    // Five respondents: four through the shared link, one through the mailed link. The first
    // autosaves item by item and submits its draft; the others send everything at once.
    let mut links = Vec::new();
    for _ in 0..4 {
        links.push(respondent(&app, unit).await);
    }
    links.push(mailed_link);
    let form = send(&app, &links[0], Method::GET, "/api/v1/respondent", None).await;
    assert_eq!(form.headers()["cache-control"], "no-store");
    let form: Value = form.json().await.unwrap();
    assert_eq!(form["status"], "open");
    assert_eq!(form["asked_by"], "Test school-leader");
    assert_eq!(form["threshold"], 5);
    assert_eq!(form["scale"].as_array().unwrap().len(), 5);
    let statements = statement_ids(&form);
    assert_eq!(statements.len(), 60);
    let first = &links[0];
    for (path, body) in [
        (
            "/api/v1/respondent/answers/ruimte-01",
            json!({"answer": "helemaal-eens"}),
        ),
        ("/api/v1/respondent/answers/ruimte-02", json!({"answer": 1})),
        (
            "/api/v1/respondent/roles/mentor",
            json!({"answer": "beide"}),
        ),
        (
            "/api/v1/respondent/roles/anders",
            json!({"answer": "willen"}),
        ),
        ("/api/v1/respondent/roles/leider", json!({"answer": "nu"})),
        ("/api/v1/respondent/roles/leider", json!({"answer": null})),
        (
            "/api/v1/respondent/open/wat-geeft-ruimte",
            json!({"text": "Tijd samen."}),
        ),
        (
            "/api/v1/respondent/other-role",
            json!({"text": "Cultuurcoach"}),
        ),
    ] {
        let saved = send(&app, first, Method::PUT, path, Some(body)).await;
        assert_eq!(saved.status(), StatusCode::OK, "{path}");
    }
    // A text is saved over what the writer saw, or refused.
    let path = "/api/v1/respondent/open/wat-geeft-ruimte";
    let stale = json!({"text": "Anders", "base": "Iets anders"});
    let stale = send(&app, first, Method::PUT, path, Some(stale)).await;
    assert_eq!(
        refused(stale, StatusCode::CONFLICT).await,
        "scan-text-changed"
    );
    let seen = json!({"text": "Tijd samen.\nEn ruimte.", "base": "Tijd samen."});
    let seen = send(&app, first, Method::PUT, path, Some(seen)).await;
    assert_eq!(seen.status(), StatusCode::OK);
    let form: Value = send(&app, first, Method::GET, "/api/v1/respondent", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        form["draft"],
        json!({
            "ratings": {"ruimte-01": "helemaal-eens", "ruimte-02": "helemaal-oneens"},
            "roles": {"mentor": "beide", "anders": "willen"},
            "open": {"wat-geeft-ruimte": "Tijd samen.\nEn ruimte."},
            "other_role": "Cultuurcoach",
        })
    );
    let submitted = send(&app, first, Method::POST, "/api/v1/respondent/submit", None).await;
    assert_eq!(submitted.status(), StatusCode::OK);
    assert_eq!(
        submitted.json::<Value>().await.unwrap()["status"],
        "submitted"
    );

    let whole = |n: usize| {
        let ratings: serde_json::Map<String, Value> = statements
            .iter()
            .map(|s| (s.clone(), json!("helemaal-eens")))
            .collect();
        json!({
            "ratings": ratings,
            "roles": {"mentor": "nu", "leider": "nee"},
            "open": {"wat-beperkt-ruimte": format!("Vergaderingen ({n})")},
        })
    };
    let release = format!("/api/v1/scans/{id}/release");
    for (n, link) in links.iter().enumerate().skip(1) {
        if n == 4 {
            // Four answered: the results would show nothing, so the release is refused.
            let early = send(&app, &owner, Method::POST, &release, None).await;
            assert_eq!(
                refused(early, StatusCode::CONFLICT).await,
                "scan-too-few-responses"
            );
            assert_eq!(
                app.store.scan(id).await.unwrap().unwrap().state.code(),
                "open"
            );
        }
        let body = Some(whole(n));
        let sent = send(&app, link, Method::POST, "/api/v1/respondent/submit", body).await;
        assert_eq!(sent.status(), StatusCode::OK, "respondent {n}");
        let form: Value = send(&app, link, Method::GET, "/api/v1/respondent", None)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(form["status"], "submitted");
        assert_eq!(form["draft"]["ratings"], json!({}));
    }

    let detail: Value = send(
        &app,
        &owner,
        Method::GET,
        &format!("/api/v1/scans/{id}"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(detail["answered"], 5);
    assert_eq!(detail["may_release"], true);
    assert_eq!(detail["estimated"], 3);
    assert_eq!(detail["statements"], 60);
    let invited: Vec<&str> = detail["invited"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["email"].as_str().unwrap())
        .collect();
    assert_eq!(invited.len(), 3, "{invited:?}");
    let before = send(
        &app,
        &owner,
        Method::GET,
        &format!("/api/v1/scans/{id}/results"),
        None,
    )
    .await
    .json::<Value>()
    .await
    .unwrap();
    assert_eq!(before["results"], Value::Null);

    let released = send(&app, &owner, Method::POST, &release, None).await;
    assert_eq!(released.status(), StatusCode::NO_CONTENT);
    let results: Value = send(
        &app,
        &owner,
        Method::GET,
        &format!("/api/v1/scans/{id}/results"),
        None,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(results["state"], "vrijgegeven");
    assert_eq!(results["answered"], 5);
    assert_eq!(results["comparison"], Value::Null);
    let snapshot = &results["results"];
    assert_eq!(
        (&snapshot["respondents"], &snapshot["threshold"]),
        (&json!(5), &json!(5))
    );
    let shown = &snapshot["shown"];
    // Five rated ruimte-01 "helemaal eens"; the owner estimated "eens".
    let scan = &app.state.library.space_scans[0];
    let direction = scan.statement("ruimte-01").unwrap().direction;
    let room = |code: &str| {
        f64::from(
            ScanAnswer::from_code(code)
                .unwrap()
                .room(direction)
                .unwrap(),
        )
    };
    let gaps = shown["gaps"].as_array().unwrap();
    let gap = gaps.iter().find(|g| g["statement"] == "ruimte-01").unwrap();
    assert_eq!(gap["team"], room("helemaal-eens"));
    assert_eq!(gap["estimate"], room("eens"));
    assert_eq!(gap["gap"], room("eens") - room("helemaal-eens"));
    assert!(
        !gaps.iter().any(|g| g["statement"] == "ruimte-03"),
        "\"don't know\" has no room to compare"
    );
    let first_statement = &shown["figures"]["sections"][0]["statements"][0];
    assert_eq!(first_statement["statement"], "ruimte-01");
    assert_eq!(
        first_statement["spread"]["by_room"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let roles = shown["figures"]["roles"].as_array().unwrap();
    let mentor = roles.iter().find(|r| r["role"] == "mentor").unwrap();
    assert_eq!(
        (&mentor["now"], &mentor["would_like"]),
        (&json!(5), &json!(1))
    );
    assert_eq!(shown["other_roles"], json!(["Cultuurcoach"]));
    let texts = shown["open_answers"].as_array().unwrap();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(shown["subgroups"], json!([]), "one unit has no subgroups");

    // Released: the list counts the results' respondents, the links are gone, the shared link
    // takes nobody new, and the estimate is frozen.
    let list: Value = send(&app, &owner, Method::GET, "/api/v1/scans", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&list["scans"][0]["state"], &list["scans"][0]["answered"]),
        (&json!("vrijgegeven"), &json!(5))
    );
    let gone = send(&app, &links[1], Method::GET, "/api/v1/respondent", None).await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let share = share_url.rsplit('/').next().unwrap();
    let late = app
        .client
        .post(app.url(&format!("/api/v1/scan-links/{share}")))
        .send()
        .await
        .unwrap();
    assert_eq!(refused(late, StatusCode::CONFLICT).await, "scan-closed");
    let frozen = Some(json!({"answer": 1}));
    let frozen = send(&app, &owner, Method::PUT, &estimate_at("ruimte-05"), frozen).await;
    assert_eq!(refused(frozen, StatusCode::CONFLICT).await, "scan-closed");
    app.stop().await;
}
