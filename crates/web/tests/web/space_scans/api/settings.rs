//! Settings a scan cannot start with.

use super::*;

#[tokio::test]
async fn bad_settings_are_refused_with_their_code_and_start_no_scan() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = api_token(&app, LEADER).await;
    let board = api_token(&app, BOARD).await;
    let base = new_scan(&app, &world);
    let with = |field: &str, value: Value| {
        let mut body = base.clone();
        body[field] = value;
        body
    };
    let (a1, a2, b) = (
        world.school_a1.get(),
        world.school_a2.get(),
        world.school_b.get(),
    );
    let mut across_with_teams = with("schools", json!([a1, a2]));
    across_with_teams["teams"] = json!(["Onderbouw"]);
    let cases = [
        (
            &leader,
            with("threshold", json!(2)),
            StatusCode::BAD_REQUEST,
            "scan-threshold-too-low",
        ),
        (
            &leader,
            with("threshold", json!(-1)),
            StatusCode::BAD_REQUEST,
            "scan-threshold-invalid",
        ),
        (
            &leader,
            with("schools", json!([b])),
            StatusCode::BAD_REQUEST,
            "scan-school-unknown",
        ),
        (
            &leader,
            with("schools", json!([])),
            StatusCode::BAD_REQUEST,
            "scan-school-unknown",
        ),
        (
            &leader,
            with("title", json!("Scan\u{7}")),
            StatusCode::BAD_REQUEST,
            "scan-label-invalid",
        ),
        (
            &leader,
            with("title", json!(" ")),
            StatusCode::BAD_REQUEST,
            "scan-label-invalid",
        ),
        (
            &leader,
            with("teams", json!(["Onderbouw", "onderbouw"])),
            StatusCode::BAD_REQUEST,
            "scan-team-twice",
        ),
        (
            &leader,
            with("teams", json!(["Boven\nbouw"])),
            StatusCode::BAD_REQUEST,
            "scan-label-invalid",
        ),
        (
            &leader,
            with("closes_on", json!(date_in(&app, -1))),
            StatusCode::BAD_REQUEST,
            "feedback-date-past",
        ),
        (
            &leader,
            with("closes_on", json!("morgen")),
            StatusCode::BAD_REQUEST,
            "feedback-date-invalid",
        ),
        (
            &leader,
            with("treshold", json!(3)),
            StatusCode::BAD_REQUEST,
            "bad-request",
        ),
        (
            &leader,
            with("schools", json!("1")),
            StatusCode::BAD_REQUEST,
            "bad-request",
        ),
        // A school leader starts a scan for a school they lead only, and for one school.
        (
            &leader,
            with("schools", json!([a2])),
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (
            &leader,
            with("schools", json!([a1, a2])),
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (
            &board,
            across_with_teams,
            StatusCode::BAD_REQUEST,
            "scan-teams-one-school",
        ),
    ];
    for (token, body, status, code) in cases {
        let response = send(
            &app,
            token,
            Method::POST,
            "/api/v1/scans",
            Some(body.clone()),
        )
        .await;
        assert_eq!(response.status(), status, "{body}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["code"], code, "{body}");
    }
    for (body, status) in [
        ("{\"organisation\": ", StatusCode::BAD_REQUEST),
        (
            "[1, [1], \"Scan\", \"2030-01-01\"]",
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let response = raw(&app, &leader, Method::POST, "/api/v1/scans", body).await;
        assert_eq!(refused(response, status).await, "bad-request", "{body}");
    }
    for email in [LEADER, BOARD] {
        let person = world.people[email.split('@').next().unwrap()].1;
        assert!(
            app.store.scans_of(person).await.unwrap().is_empty(),
            "{email}"
        );
    }
    app.stop().await;
}
