//! Refusals: input the rules refuse answers 400 with its code and changes nothing, and a round
//! is its leader's alone: everyone else gets 404 on every route of it.

use super::*;

#[tokio::test]
async fn bad_input_is_refused_with_a_code_and_changes_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let id = start(&leader, &world).await;
    let team = group(&app, id, "team").await;
    let before = stored(&app, id).await;
    let groups = format!("/api/v1/feedback/{id}/groups");
    let raters = format!("/api/v1/feedback/{id}/groups/{team}/raters");
    let cases = [
        (
            Method::POST,
            &groups,
            json!({"kind": "team", "threshold": 2}),
            "anonymity-threshold-too-low",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "bestuur", "threshold": 2, "identifiable": true}),
            "anonymity-threshold-too-low",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "team", "threshold": -1}),
            "anonymity-threshold-too-low",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "team", "threshold": 4, "comment_threshold": 3}),
            "anonymity-comments-below-group",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "team", "identifiable": true}),
            "feedback-identifiable-not-board",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "ouders"}),
            "feedback-group-kind-invalid",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "eigen"}),
            "feedback-label-invalid",
        ),
        (
            Method::POST,
            &groups,
            json!({"kind": "team", "treshold": 5}),
            "bad-request",
        ),
        (
            Method::POST,
            &raters,
            json!({"raters": [{"email": "geen-adres"}]}),
            "feedback-rater-email-invalid",
        ),
        (
            Method::POST,
            &raters,
            json!({"raters": [{"email": "a@a.example", "nmae": "A"}]}),
            "bad-request",
        ),
        (
            Method::POST,
            &raters,
            json!({"copy_links": 51}),
            "feedback-copy-links-invalid",
        ),
        (Method::POST, &raters, json!({}), "feedback-raters-none"),
        (
            Method::PUT,
            &format!("/api/v1/feedback/{id}/zelf/visie-01"),
            json!({"answer": 5}),
            "pile-invalid",
        ),
        (
            Method::PUT,
            &format!("/api/v1/feedback/{id}/zelf/visie-01"),
            json!({"answer": "kan-niet-beoordelen"}),
            "pile-invalid",
        ),
        (
            Method::PUT,
            &format!("/api/v1/feedback/{id}/zelf/bestaat-niet"),
            json!({"answer": 2}),
            "card-unknown",
        ),
        (
            Method::PUT,
            &format!("/api/v1/feedback/{id}/zelf/medewerkers-01"),
            json!({"answer": 2}),
            "card-unknown",
        ),
        (
            Method::PUT,
            &format!("/api/v1/feedback/{id}/zelf/visie-01"),
            json!({"anwser": 2}),
            "bad-request",
        ),
        (
            Method::PATCH,
            &format!("/api/v1/feedback/{id}"),
            json!({"closes_on": "2001-01-01"}),
            "feedback-date-past",
        ),
        (
            Method::PATCH,
            &format!("/api/v1/feedback/{id}"),
            json!({"coach_email": "niemand@a.example"}),
            "feedback-coach-unknown",
        ),
        (
            Method::PATCH,
            &format!("/api/v1/feedback/{id}"),
            json!({"coach_email": LEADER}),
            "feedback-coach-self",
        ),
        (
            Method::POST,
            &format!("/api/v1/feedback/{id}/merge"),
            json!({"into": team, "from": team}),
            "feedback-merge-same",
        ),
        (
            Method::POST,
            &format!("/api/v1/feedback/{id}/send"),
            json!(null),
            "feedback-raters-none",
        ),
    ];
    for (method, path, body, code) in cases {
        let body = (!body.is_null()).then_some(body);
        let response = call(&leader, method.clone(), path, body.clone()).await;
        assert_eq!(
            refused(response, StatusCode::BAD_REQUEST).await,
            code,
            "{method} {path} {body:?}"
        );
    }
    assert_eq!(stored(&app, id).await, before, "nothing changed");

    let organisation = world.org_a.get();
    for (body, code) in [
        (json!({"scope": "alles"}), "feedback-scope-unknown"),
        (json!({"scope": "domeinen"}), "feedback-domains-none"),
        (json!({"closes_on": "morgen"}), "feedback-date-invalid"),
        (json!({"request": "  "}), "feedback-request-invalid"),
        (json!({"titel": "x"}), "bad-request"),
    ] {
        let mut full = json!({
            "organisation": organisation,
            "request": "Hoe ervaren jullie mij?",
            "closes_on": date_in(&app, 14),
        });
        for (key, value) in body.as_object().unwrap() {
            full[key] = value.clone();
        }
        let response = post(&leader, "/api/v1/feedback", Some(full)).await;
        assert_eq!(refused(response, StatusCode::BAD_REQUEST).await, code);
    }
    let me = person(&app, LEADER).await;
    assert_eq!(app.store.rounds_of(me).await.unwrap().len(), 1);
    app.stop().await;
}

/// A request body each route takes, so that only who is asking decides the answer.
fn body_for(method: &Method, pattern: &str, team: i64, board: i64) -> Option<Value> {
    let tail = pattern.trim_start_matches("/api/v1/feedback/{id}");
    let body = match (method.as_str(), tail) {
        ("PATCH", "") => json!({"request": "Anders"}),
        ("POST", "/groups") => json!({"kind": "eigen", "label": "Ouders"}),
        ("POST", "/merge") => json!({"into": team, "from": board}),
        ("POST", "/groups/{group}/raters") => json!({"copy_links": 1}),
        ("POST", "/send-back") => json!({"note": "Nee"}),
        ("PUT", "/zelf/{card}") => json!({"answer": "vaak"}),
        ("POST", "/self-from-reflection") => json!({"reflection": 1}),
        ("POST", "/report/shares") => json!({"email": "coach@a.example"}),
        ("POST", "/report/focus") => json!({"card": "visie-01"}),
        _ => return None,
    };
    Some(body)
}

/// A concept round with a rater and a released one, both of the leader.
async fn two_rounds(app: &TestApp, leader: &Browser<'_>, world: &World) -> [i64; 2] {
    let concept = start(leader, world).await;
    let team = group(app, concept, "team").await;
    add_raters(leader, concept, team, json!({"copy_links": 1})).await;
    let released = start(leader, world).await;
    let team = group(app, released, "team").await;
    let tokens = add_raters(leader, released, team, json!({"copy_links": 3})).await;
    post(leader, &format!("/api/v1/feedback/{released}/send"), None).await;
    for token in &tokens {
        submit_in_store(app, token, &[("visie-01", 3)], &[]).await;
    }
    let closed = post(leader, &format!("/api/v1/feedback/{released}/close"), None).await;
    assert_eq!(closed.status(), StatusCode::NO_CONTENT);
    [concept, released]
}

#[tokio::test]
async fn someone_elses_round_is_not_found_on_every_feedback_route_and_stays_as_it_was() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let rounds = two_rounds(&app, &leader, &world).await;
    let routes: Vec<(Method, &str)> = leidraad_web::route_table()
        .into_iter()
        .filter(|(_, path, _)| path.starts_with("/api/v1/feedback/{id}"))
        .map(|(method, path, _)| (method, path))
        .collect();
    assert!(routes.len() >= 18, "{routes:?}");
    let mut before = Vec::new();
    for id in rounds {
        before.push(stored(&app, id).await);
    }
    let coach = world.people["coach"].1.get().to_string();
    let outsiders = [
        "admin@a.example",
        "board-member@a.example",
        "coach@a.example",
        "staff@a.example",
        world.admin_b.0.as_str(),
    ];
    for email in outsiders {
        let other = Browser::signed_in(&app, email).await;
        for id in rounds {
            let team = group(&app, id, "team").await;
            let links = app.store.links_of(id).await.unwrap();
            let groups = app.store.groups_of(id).await.unwrap();
            let board = groups.last().unwrap().id;
            for (method, pattern) in &routes {
                let path = pattern
                    .replace("{id}", &id.to_string())
                    .replace("{group}", &team.to_string())
                    .replace("{link}", &links[0].id.to_string())
                    .replace("{card}", "visie-01")
                    .replace("{person}", &coach);
                let body = body_for(method, pattern, team, board);
                let status = call(&other, method.clone(), &path, body).await.status();
                assert_eq!(status, StatusCode::NOT_FOUND, "{email}: {method} {path}");
            }
        }
        let list: Value = call(&other, Method::GET, "/api/v1/feedback", None)
            .await
            .json()
            .await
            .unwrap();
        let empty = json!([]);
        assert_eq!(
            (
                &list["rounds"],
                &list["to_approve"],
                &list["shared_with_me"]
            ),
            (&empty, &empty, &empty),
            "{email}"
        );
    }
    for (id, before) in rounds.iter().zip(before) {
        assert_eq!(stored(&app, *id).await, before, "round {id} unchanged");
    }
    app.stop().await;
}
