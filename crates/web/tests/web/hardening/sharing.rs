//! Sharing reveals nothing about other organisations and cannot slip past its limit.

use crate::accounts::{Browser, world};
use crate::helpers::spawn_app;
use crate::reflections::call;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use super::*;

#[tokio::test]
async fn shares_sent_at_once_cannot_slip_past_the_hourly_limit() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let id = finished_reflection(&leader, world.org_a.get()).await;
    let share = format!("/api/v1/reflections/{id}/shares");
    let tries = (0..40).map(|n| {
        let request = leader
            .client
            .post(app.url(&share))
            .header("x-csrf-token", &leader.csrf)
            .json(&json!({ "email": format!("probe{n}@b.example") }));
        async move { request.send().await.unwrap() }
    });
    let answers = futures_join_all(tries).await;
    let let_through = answers
        .iter()
        .filter(|r| r.status() != StatusCode::TOO_MANY_REQUESTS)
        .count();
    // Tries are counted in the order they were written: the first twenty are answered on
    // their merits, none after them.
    assert_eq!(let_through, 20, "{let_through} of 40 got past the limit");
    let log = app.store.audit_log(world.org_a, 200).await.unwrap();
    let tried = log
        .iter()
        .filter(|e| e.event == "reflection-share-try")
        .count();
    assert_eq!(tried, 40, "every try is in the audit log");
}

/// Runs the futures at once and gathers their outcomes, in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut set = Vec::new();
    for future in futures {
        set.push(tokio::spawn(future));
    }
    let mut out = Vec::new();
    for handle in set {
        out.push(handle.await.unwrap());
    }
    out
}

#[tokio::test]
async fn sharing_tells_nothing_about_addresses_outside_ones_own_organisations() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let open = open_reflection(&leader, world.org_a.get()).await;
    // On an open reflection every address gets the same answer, known or not.
    let mut answers = Vec::new();
    for email in ["admin@b.example", "niemand@b.example", "coach@a.example"] {
        let response = call(
            &leader,
            Method::POST,
            &format!("/api/v1/reflections/{open}/shares"),
            Some(json!({ "email": email })),
        )
        .await;
        answers.push(response.status());
    }
    assert_eq!(answers, [StatusCode::CONFLICT; 3]);

    let id = finished_reflection(&leader, world.org_a.get()).await;
    let share = format!("/api/v1/reflections/{id}/shares");
    let mut bodies = Vec::new();
    for email in ["admin@b.example", "niemand@b.example"] {
        let response = call(
            &leader,
            Method::POST,
            &share,
            Some(json!({ "email": email })),
        )
        .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{email}");
        bodies.push(response.json::<Value>().await.unwrap());
    }
    assert_eq!(bodies[0], bodies[1], "an account elsewhere looks like none");
    assert_eq!(bodies[0]["code"], "share-person-unknown");
    let colleague = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "coach@a.example"})),
    )
    .await;
    assert_eq!(colleague.status(), StatusCode::NO_CONTENT);

    let log = app.store.audit_log(world.org_a, 50).await.unwrap();
    let shares: Vec<_> = log
        .iter()
        .filter(|e| e.event == "reflection-share")
        .collect();
    assert_eq!(shares.len(), 6, "every try is in the audit log");
    assert_eq!(
        shares.iter().filter(|e| e.outcome == "succeeded").count(),
        1
    );

    // Twenty tries an hour; the next waits.
    for n in 0..14 {
        let email = format!("probe{n}@b.example");
        let response = call(
            &leader,
            Method::POST,
            &share,
            Some(json!({ "email": email })),
        )
        .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }
    let throttled = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "board-member@a.example"})),
    )
    .await;
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(throttled.headers().contains_key("retry-after"));
    app.clock.advance(3601);
    let leader = Browser::signed_in(&app, "school-leader@a.example").await;
    let later = call(
        &leader,
        Method::POST,
        &share,
        Some(json!({"email": "board-member@a.example"})),
    )
    .await;
    assert_eq!(later.status(), StatusCode::NO_CONTENT, "after an hour");
}
