//! Closing a round releases its report once: what was submitted is in it, a group below its
//! threshold is nowhere in it, and nothing can be added after.

use serde_json::Value;

use super::*;
use crate::accounts::world;
use crate::helpers::spawn_app;

#[tokio::test]
async fn closing_releases_a_report_with_the_team_and_without_a_group_of_two() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let leader = Browser::signed_in(&app, LEADER).await;
    let me = person(&app, LEADER).await;
    let round = new_round(&leader, &world, &["visie"]).await;
    let (team, colleagues) = (
        group(&app, round, "team").await,
        group(&app, round, "collegas").await,
    );
    let mut team_tokens = Vec::new();
    for _ in 0..3 {
        team_tokens.push(add_rater(&app, round, me, team).await);
    }
    let colleague_tokens = [
        add_rater(&app, round, me, colleagues).await,
        add_rater(&app, round, me, colleagues).await,
    ];
    open(&app, round, me).await;
    for token in &team_tokens {
        submit_in_store(
            &app,
            token,
            &[("visie-01", 4), ("visie-02", 3)],
            &[("", "Fijne leider")],
        )
        .await;
    }
    for token in &colleague_tokens {
        submit_in_store(
            &app,
            token,
            &[("visie-01", 1)],
            &[("visie", "Alleen wij twee")],
        )
        .await;
    }
    let closed = leader
        .post(&format!("/feedback/{round}/sluiten"), &[])
        .await;
    assert_eq!(closed.status(), reqwest::StatusCode::SEE_OTHER);
    let (_, snapshot) = app.store.report_of(round).await.unwrap().unwrap();
    let report: Value = serde_json::from_str(&snapshot).unwrap();
    let groups = report["groups"].as_array().unwrap();
    let shown: Vec<bool> = groups
        .iter()
        .map(|g| g["shown"].as_bool().unwrap())
        .collect();
    assert_eq!(shown, [true, false, false], "{report}");
    assert!(!snapshot.contains("Alleen wij twee"), "{snapshot}");
    assert!(app.store.responses_of(round).await.unwrap().is_empty());
    let late = app
        .store
        .link_by_digest(&Secret::parse(&team_tokens[0]).unwrap().digest())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(late.state, RoundState::Closed);
}
