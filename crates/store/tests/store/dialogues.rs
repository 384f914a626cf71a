//! Live dialogues in the store, on every backend: numbered events written with their change,
//! joining by code (not once ended or locked), anonymous contributions stored without their
//! author, removal taking the text out of the events, picks, saves, retention, and on
//! PostgreSQL the notices that carry events to other instances.

use leidraad_domain::accounts::PersonId;
use leidraad_domain::dialogue::{Audience, ContributionView, Event};
use leidraad_store::Store;
use leidraad_store::dialogues::{NewDialogue, Notice, Outcome, StoredEvent};
use leidraad_store::test_support::backends;
use leidraad_store::{Backend, StoreError};

use crate::feedback::{count, person, raw};
use crate::fresh_store;

fn deck() -> Vec<String> {
    (1..=22).map(|n| format!("dialoog-{n:02}")).collect()
}

async fn dialogue(store: &Store, facilitator: PersonId, code: &str) -> i64 {
    store
        .create_dialogue(&NewDialogue {
            person: facilitator,
            framework_id: "beroepsstandaard-schoolleiders",
            format: "trek-een-kaart",
            title: "Teamoverleg",
            deck: &deck(),
            join_code: code,
            allow_anonymous: true,
            anonymous_picks: false,
            minutes: 3,
            now: 1_000,
        })
        .await
        .unwrap()
}

fn done<T: std::fmt::Debug>(outcome: Outcome<T>) -> T {
    match outcome {
        Outcome::Done(value) => value,
        other => panic!("expected done, got {other:?}"),
    }
}

async fn join(store: &Store, dialogue: i64, token: &str, name: Option<&str>) -> i64 {
    done(
        store
            .join_dialogue(dialogue, token, name, None, 1_100)
            .await
            .unwrap(),
    )
    .0
}

fn card(n: u32) -> Event {
    Event::Card {
        card: format!("dialoog-{n:02}"),
        round: n,
        speaker: None,
    }
}

#[tokio::test]
async fn events_are_numbered_per_dialogue_and_read_back_from_any_number() {
    for backend in backends() {
        let (store, _db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let first = dialogue(&store, leader, "123456").await;
        let second = dialogue(&store, leader, "654321").await;
        let ayla = join(&store, first, "digest-a", Some("Ayla")).await;
        for n in 1..=3 {
            done(
                store
                    .record_dialogue_event(first, leader, &card(n), 1_200)
                    .await
                    .unwrap(),
            );
        }
        done(
            store
                .record_dialogue_event(second, leader, &card(9), 1_200)
                .await
                .unwrap(),
        );
        let all = store.dialogue_events(first, 0, false).await.unwrap();
        assert_eq!(all.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!(
            all[0].event().unwrap(),
            Event::Joined {
                participant: ayla,
                name: Some("Ayla".into())
            }
        );
        let after = store.dialogue_events(first, 2, false).await.unwrap();
        assert_eq!(after.iter().map(|e| e.seq).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(
            store.dialogue_events(second, 0, false).await.unwrap()[0].seq,
            1
        );
        assert_eq!(store.dialogue(first).await.unwrap().unwrap().last_seq, 4);
        store.close().await;
    }
}

#[tokio::test]
async fn only_the_facilitator_records_events_and_after_the_end_only_sharing() {
    for backend in backends() {
        let (store, _db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let other = person(&store, "ander@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        let refused = store
            .record_dialogue_event(id, other, &card(1), 2)
            .await
            .unwrap();
        assert_eq!(refused, Outcome::NotFound);
        done(
            store
                .record_dialogue_event(id, leader, &Event::Ended, 3)
                .await
                .unwrap(),
        );
        let record = store.dialogue(id).await.unwrap().unwrap();
        assert_eq!((record.ended_at, record.join_code), (Some(3), None));
        let late = store
            .record_dialogue_event(id, leader, &card(1), 4)
            .await
            .unwrap();
        assert_eq!(late, Outcome::Ended);
        done(
            store
                .record_dialogue_event(id, leader, &Event::Shared, 5)
                .await
                .unwrap(),
        );
        // The code is free for a new dialogue.
        dialogue(&store, leader, "123456").await;
        store.close().await;
    }
}

#[tokio::test]
async fn a_code_finds_only_a_running_active_dialogue_and_counts_guesses() {
    for backend in backends() {
        let (store, _db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        let taken = store
            .create_dialogue(&NewDialogue {
                person: leader,
                framework_id: "x",
                format: "vrij-gesprek",
                title: "x",
                deck: &deck(),
                join_code: "123456",
                allow_anonymous: false,
                anonymous_picks: false,
                minutes: 1,
                now: 1,
            })
            .await;
        assert!(matches!(taken, Err(StoreError::Conflict)));
        let found = store.dialogue_by_code("123456", 999, "k", 0).await.unwrap();
        assert_eq!(found.found.map(|d| d.id), Some(id));
        assert_eq!(found.guesses, 0);
        let idle = store
            .dialogue_by_code("123456", 1_000, "k", 0)
            .await
            .unwrap();
        assert!(idle.found.is_none(), "idle since its last event");
        store.record_sign_in_failure(&["k"], 50).await.unwrap();
        assert_eq!(
            store
                .dialogue_by_code("000000", 0, "k", 0)
                .await
                .unwrap()
                .guesses,
            1
        );
        assert_eq!(store.end_idle_dialogues(1_000, 5_000).await.unwrap(), 1);
        let ended = store.dialogue_by_code("123456", 0, "k", 0).await.unwrap();
        assert!(ended.found.is_none());
        store.close().await;
    }
}

#[tokio::test]
async fn joining_stops_when_locked_or_ended_and_removed_participants_add_nothing() {
    for backend in backends() {
        let (store, _db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        let ayla = join(&store, id, "digest-a", Some("Ayla")).await;
        let (record, of) = store.participant("digest-a").await.unwrap().unwrap();
        assert_eq!(
            (record.id, record.name.as_deref(), of.id),
            (ayla, Some("Ayla"), id)
        );
        done(
            store
                .record_dialogue_event(id, leader, &Event::Locked { locked: true }, 2)
                .await
                .unwrap(),
        );
        let locked = store
            .join_dialogue(id, "digest-b", None, None, 3)
            .await
            .unwrap();
        assert_eq!(locked, Outcome::Locked);
        let removal = Event::Removed { participant: ayla };
        done(
            store
                .record_dialogue_event(id, leader, &removal, 4)
                .await
                .unwrap(),
        );
        let after = store
            .add_contribution(ayla, false, None, None, "Hallo", 5)
            .await
            .unwrap();
        assert_eq!(after, Outcome::NotFound);
        let unknown = Event::Removed {
            participant: ayla + 100,
        };
        let refused = store
            .record_dialogue_event(id, leader, &unknown, 6)
            .await
            .unwrap();
        assert_eq!(refused, Outcome::NotFound);
        done(
            store
                .record_dialogue_event(id, leader, &Event::Ended, 7)
                .await
                .unwrap(),
        );
        let ended = store
            .join_dialogue(id, "digest-c", None, None, 8)
            .await
            .unwrap();
        assert_eq!(ended, Outcome::Ended);
        store.close().await;
    }
}

fn submitted(event: &StoredEvent) -> ContributionView {
    match event.event().unwrap() {
        Event::Submitted { contribution } => contribution,
        other => panic!("expected submitted, got {other:?}"),
    }
}

#[tokio::test]
async fn an_anonymous_contribution_is_stored_without_its_author_and_waits() {
    for backend in backends() {
        let (store, db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        let ayla = join(&store, id, "digest-a", Some("Ayla")).await;
        let named = done(
            store
                .add_contribution(ayla, false, Some("dialoog-01"), None, "Ik", 2)
                .await
                .unwrap(),
        );
        let hidden = done(
            store
                .add_contribution(ayla, true, Some("dialoog-01"), None, "Wij", 3)
                .await
                .unwrap(),
        );
        assert_eq!(named.audience, Audience::Facilitator);
        assert_eq!(submitted(&named).name.as_deref(), Some("Ayla"));
        assert_eq!(submitted(&hidden).name, None);
        let pool = raw(&db.url).await;
        let authored = count(
            &pool,
            "dialogue_contributions WHERE participant_id IS NOT NULL OR name IS NOT NULL",
        )
        .await;
        assert_eq!(authored, 1, "only the named one knows its author");
        assert!(!hidden.body.contains("Ayla"));
        assert!(store.shown_contributions(id).await.unwrap().is_empty());
        let shown = Event::Shown {
            contribution: submitted(&hidden),
        };
        done(
            store
                .record_dialogue_event(id, leader, &shown, 4)
                .await
                .unwrap(),
        );
        let room = store.shown_contributions(id).await.unwrap();
        assert_eq!(
            room.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["Wij"]
        );
        let events = store.dialogue_events(id, 0, true).await.unwrap();
        assert!(events.iter().all(|e| e.audience == Audience::Room));
        assert_eq!(
            events.len(),
            2,
            "joined and shown; the submissions are the facilitator's"
        );
        pool.close().await;
        store.close().await;
    }
}

#[tokio::test]
async fn removing_a_contribution_takes_its_text_out_of_every_event() {
    for backend in backends() {
        let (store, db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let other = person(&store, "ander@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        let ayla = join(&store, id, "digest-a", Some("Ayla")).await;
        let event = done(
            store
                .add_contribution(ayla, true, None, None, "Geheim plan", 2)
                .await
                .unwrap(),
        );
        let view = submitted(&event);
        done(
            store
                .record_dialogue_event(
                    id,
                    leader,
                    &Event::Shown {
                        contribution: view.clone(),
                    },
                    3,
                )
                .await
                .unwrap(),
        );
        assert_eq!(
            store
                .remove_contribution(id, other, view.id, 4)
                .await
                .unwrap(),
            Outcome::NotFound
        );
        let hidden = done(
            store
                .remove_contribution(id, leader, view.id, 4)
                .await
                .unwrap(),
        );
        assert_eq!(
            hidden.event().unwrap(),
            Event::Hidden {
                contribution: view.id
            }
        );
        let events = store.dialogue_events(id, 0, false).await.unwrap();
        assert!(
            events.iter().all(|e| !e.body.contains("Geheim")),
            "{events:?}"
        );
        assert_eq!(events.last().unwrap().seq, hidden.seq);
        let pool = raw(&db.url).await;
        assert_eq!(count(&pool, "dialogue_contributions").await, 0);
        pool.close().await;
        store.close().await;
    }
}

#[tokio::test]
async fn picks_are_replaced_and_counted_per_participant() {
    for backend in backends() {
        let (store, _db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        let ayla = join(&store, id, "digest-a", Some("Ayla")).await;
        let bram = join(&store, id, "digest-b", Some("Bram")).await;
        let pick =
            |card: &str, colleague: Option<&str>| (card.to_owned(), colleague.map(Into::into));
        done(
            store
                .set_picks(
                    ayla,
                    &[pick("dialoog-01", None), pick("dialoog-02", None)],
                    2,
                )
                .await
                .unwrap(),
        );
        done(
            store
                .set_picks(ayla, &[pick("dialoog-03", Some("Bram"))], 3)
                .await
                .unwrap(),
        );
        let last = done(
            store
                .set_picks(bram, &[pick("dialoog-03", None)], 4)
                .await
                .unwrap(),
        );
        assert_eq!(last.event().unwrap(), Event::Picked { participants: 2 });
        let picks = store.picks(id).await.unwrap();
        assert_eq!(picks.len(), 2);
        assert_eq!(picks[0].1.colleague.as_deref(), Some("Bram"));
        store.close().await;
    }
}

#[tokio::test]
async fn ended_dialogues_go_after_the_retention_period_unless_saved() {
    for backend in backends() {
        let (store, db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let kept = dialogue(&store, leader, "111111").await;
        let gone = dialogue(&store, leader, "222222").await;
        let running = dialogue(&store, leader, "333333").await;
        for id in [kept, gone, running] {
            let ayla = join(&store, id, &format!("digest-{id}"), Some("Ayla")).await;
            done(
                store
                    .add_contribution(ayla, false, None, None, "Tekst", 2)
                    .await
                    .unwrap(),
            );
        }
        for id in [kept, gone] {
            done(
                store
                    .record_dialogue_event(id, leader, &Event::Ended, 10)
                    .await
                    .unwrap(),
            );
        }
        store
            .save_dialogue(leader, kept, "Mijn les", 11)
            .await
            .unwrap();
        assert_eq!(store.delete_old_dialogues(9).await.unwrap(), 0);
        assert_eq!(store.delete_old_dialogues(10).await.unwrap(), 1);
        assert!(store.dialogue(gone).await.unwrap().is_none());
        assert!(store.dialogue(kept).await.unwrap().is_some());
        assert!(store.dialogue(running).await.unwrap().is_some());
        let pool = raw(&db.url).await;
        for table in ["dialogue_participants", "dialogue_contributions"] {
            assert_eq!(count(&pool, table).await, 2, "{table}");
        }
        let dangling = count(
            &pool,
            &format!("dialogue_events WHERE dialogue_id = {gone}"),
        )
        .await;
        assert_eq!(dangling, 0);
        let saved = store.saved_dialogues(leader).await.unwrap();
        assert_eq!(
            (saved[0].dialogue.id, saved[0].note.as_str()),
            (kept, "Mijn les")
        );
        store.unsave_dialogue(leader, kept).await.unwrap();
        assert_eq!(store.delete_old_dialogues(10).await.unwrap(), 1);
        pool.close().await;
        store.close().await;
    }
}

#[tokio::test]
async fn postgres_carries_events_to_every_listening_instance_in_order() {
    for backend in backends() {
        let (store, db) = fresh_store(backend).await;
        let Some(mut listener) = store.listen_dialogues().await.unwrap() else {
            assert_eq!(backend, Backend::Sqlite);
            store.close().await;
            continue;
        };
        // A second instance: its own store on the same database.
        let other = Store::connect(&db.url).await.unwrap();
        let leader = person(&store, "leider@school.nl").await;
        let id = dialogue(&store, leader, "123456").await;
        for n in 1..=5 {
            done(
                other
                    .record_dialogue_event(id, leader, &card(n), 2)
                    .await
                    .unwrap(),
            );
        }
        let long = "x".repeat(8_000);
        let ayla = join(&other, id, "digest-a", Some("Ayla")).await;
        done(
            other
                .add_contribution(ayla, false, None, None, &long, 3)
                .await
                .unwrap(),
        );
        let mut heard = Vec::new();
        while heard.len() < 7 {
            match listener.next().await.unwrap() {
                Notice::Event(event) => heard.push(event),
                Notice::Lost => panic!("the connection was not lost"),
            }
        }
        assert_eq!(
            heard.iter().map(|e| e.seq).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6, 7]
        );
        assert_eq!(heard[0].event().unwrap(), card(1));
        assert!(
            heard[6].body.contains(&long),
            "a long event is read from the store"
        );
        other.close().await;
        store.close().await;
    }
}

#[tokio::test]
async fn the_personal_export_holds_ones_dialogues_and_erasure_takes_them() {
    for backend in backends() {
        let (store, db) = fresh_store(backend).await;
        let leader = person(&store, "leider@school.nl").await;
        let colleague = person(&store, "collega@school.nl").await;
        let own = dialogue(&store, leader, "111111").await;
        let theirs = dialogue(&store, colleague, "222222").await;
        let ayla = join(&store, own, "digest-a", Some("Ayla")).await;
        done(
            store
                .record_dialogue_event(own, leader, &card(4), 2)
                .await
                .unwrap(),
        );
        let event = done(
            store
                .add_contribution(ayla, true, None, None, "Goed punt", 3)
                .await
                .unwrap(),
        );
        let shown = Event::Shown {
            contribution: submitted(&event),
        };
        done(
            store
                .record_dialogue_event(own, leader, &shown, 4)
                .await
                .unwrap(),
        );
        store
            .save_dialogue(leader, theirs, "Van Tom geleerd", 5)
            .await
            .unwrap();
        let data = store.personal_data(leader).await.unwrap().unwrap();
        assert_eq!(data.dialogues.len(), 2);
        let facilitated = data.dialogues.iter().find(|d| d.id == own).unwrap();
        assert!(facilitated.facilitated);
        assert_eq!(facilitated.cards, ["dialoog-04"]);
        assert_eq!(facilitated.contributions[0].text, "Goed punt");
        assert_eq!(facilitated.contributions[0].name, None);
        let kept = data.dialogues.iter().find(|d| d.id == theirs).unwrap();
        assert_eq!(
            (kept.facilitated, kept.note.as_deref()),
            (false, Some("Van Tom geleerd"))
        );
        store.erase_person(leader).await.unwrap();
        let pool = raw(&db.url).await;
        assert_eq!(count(&pool, "dialogues").await, 1, "only the colleague's");
        assert_eq!(count(&pool, "dialogue_saves").await, 0);
        assert_eq!(count(&pool, "dialogue_participants").await, 0);
        pool.close().await;
        store.close().await;
    }
}
