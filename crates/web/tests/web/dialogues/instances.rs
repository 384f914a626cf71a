//! Several instances on one PostgreSQL database: a phone connected to one instance follows a
//! dialogue its facilitator runs on another, through LISTEN/NOTIFY. On SQLite there is one
//! process, and this test has nothing to prove.

use std::time::{Duration, Instant};

use leidraad_store::Backend;
use reqwest::StatusCode;

use super::{LEADER, Stream, code_of, control, join, kinds, participant_post, start};
use crate::accounts::{Browser, world};
use crate::helpers::{spawn_app, spawn_instance_of};

#[tokio::test]
async fn two_instances_on_one_postgres_database_share_a_dialogue() {
    let first = spawn_app().await;
    if first.store.backend() != Backend::Postgres {
        return;
    }
    let second = spawn_instance_of(&first).await;
    world(&first).await;
    let leader = Browser::signed_in(&first, LEADER).await;
    let id = start(&leader, "trek-een-kaart", &[]).await;
    let code = code_of(&leader, id).await;
    // Ayla's phone reached the second instance, Bram's the first.
    let ayla = join(&second, &code, "Ayla", false).await;
    let bram = join(&first, &code, "Bram", false).await;
    let mut on_second = Stream::open(
        &second.client,
        &second.url(&format!("/d/{ayla}/stroom")),
        Some(0),
    )
    .await;
    let mut on_first = Stream::open(
        &first.client,
        &first.url(&format!("/d/{bram}/stroom")),
        Some(0),
    )
    .await;
    on_second.drain().await;
    on_first.drain().await;
    let desk_url = first.url(&format!("/dialogen/{id}/stroom"));
    let last = first.store.dialogue(id).await.unwrap().unwrap().last_seq;
    let mut desk = Stream::open(&leader.client, &desk_url, Some(last)).await;
    for round in 1..=5 {
        let sent = Instant::now();
        assert_eq!(
            control(&leader, id, "trek", &[]).await,
            StatusCode::NO_CONTENT
        );
        for stream in [&mut on_second, &mut on_first] {
            let card = stream.until("card").await.pop().unwrap();
            assert_eq!(card.1["round"], round);
        }
        assert!(
            sent.elapsed() < Duration::from_secs(1),
            "within a second: {:?}",
            sent.elapsed()
        );
    }
    // A contribution through the second instance reaches the facilitator on the first.
    let text = [("text", "Via de andere server")];
    assert_eq!(
        participant_post(&second, &ayla, "bijdrage", &text).await,
        StatusCode::NO_CONTENT
    );
    let waiting = desk.until("submitted").await;
    assert_eq!(
        waiting.last().unwrap().1["contribution"]["text"],
        "Via de andere server"
    );
    // Both phones saw the same events in the same order, none twice.
    let a = on_second.drain().await;
    let b = on_first.drain().await;
    assert_eq!(kinds(&a), kinds(&b));
    second.stop().await;
}
