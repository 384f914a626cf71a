//! What the log page reads on every visit, on every backend: the stamp that every change to
//! the log replaces (and nothing else does), the cycle and the bytes used in one read, the
//! list's lines with their file counts, and Leidraad's own activities still to confirm.

use leidraad_store::learning_log::{LogHead, NewEvidence};
use leidraad_store::test_support::backends;

use crate::feedback::person;
use crate::fresh_store;
use crate::learning_log::{done, fields};

#[tokio::test]
async fn every_change_to_a_log_and_nothing_else_gives_it_a_new_stamp() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let other = person(&store, "ander@x.example").await;
        let head = store.log_head(owner).await.unwrap();
        assert_eq!(
            head,
            LogHead {
                stamp: None,
                cycle: None,
                used_bytes: 0
            },
            "{backend:?}"
        );
        let mut seen = vec![None];
        let mut changed = |stamp: Option<i64>, what: &str| {
            assert!(!seen.contains(&stamp), "{backend:?}: {what} kept the stamp");
            seen.push(stamp);
        };
        let stamp = || async { store.log_head(owner).await.unwrap().stamp };

        let id = done(
            store
                .add_activity(owner, fields("Cursus", "2026-03-01", 20, &[]), None, 10)
                .await
                .unwrap(),
        );
        changed(stamp().await, "adding");
        done(
            store
                .update_activity(owner, id, fields("Cursus II", "2026-03-01", 20, &[]), 11)
                .await
                .unwrap(),
        );
        changed(stamp().await, "changing");
        let file = done(
            store
                .add_evidence(
                    owner,
                    NewEvidence {
                        activity_id: Some(id),
                        filename: "a.pdf",
                        content_type: "application/pdf",
                        bytes: b"%PDF-1.4 x",
                    },
                    1 << 20,
                    12,
                )
                .await
                .unwrap(),
        );
        changed(stamp().await, "a file");
        let lines = store.log_lines(owner).await.unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].title.as_str(), lines[0].files), ("Cursus II", 1));
        assert!(!lines[0].from_leidraad);
        assert_eq!(store.log_head(owner).await.unwrap().used_bytes, 10);

        // Someone else's change, a refused one and the cycle leave this log's stamp alone.
        let before = stamp().await;
        done(
            store
                .add_activity(other, fields("Ander", "2026-03-01", 0, &[]), None, 13)
                .await
                .unwrap(),
        );
        assert!(!store.delete_evidence(other, file.id).await.unwrap());
        assert!(!store.delete_activity(other, id).await.unwrap());
        store
            .set_register_cycle(owner, "2025-08-01", 120, 14)
            .await
            .unwrap();
        let head = store.log_head(owner).await.unwrap();
        assert_eq!(head.stamp, before, "{backend:?}");
        let cycle = head.cycle.unwrap();
        assert_eq!(
            (cycle.starts_on.as_str(), cycle.target),
            ("2025-08-01", 120)
        );

        assert!(store.delete_evidence(owner, file.id).await.unwrap());
        changed(stamp().await, "deleting a file");
        assert_eq!(store.log_lines(owner).await.unwrap()[0].files, 0);
        assert!(store.delete_activity(owner, id).await.unwrap());
        changed(stamp().await, "deleting");
        assert!(store.log_lines(owner).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_confirmed_suggestion_is_a_line_from_leidraad() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        done(
            store
                .add_activity(
                    owner,
                    fields("", "2026-04-01", 0, &[]),
                    Some(("reflection", 7)),
                    10,
                )
                .await
                .unwrap(),
        );
        done(
            store
                .add_activity(owner, fields("Boek", "2026-05-01", 0, &[]), None, 11)
                .await
                .unwrap(),
        );
        let lines = store.log_lines(owner).await.unwrap();
        assert_eq!(
            lines
                .iter()
                .map(|l| (l.title.as_str(), l.from_leidraad))
                .collect::<Vec<_>>(),
            [("Boek", false), ("", true)],
            "{backend:?}: newest first"
        );
    }
}

#[tokio::test]
async fn an_ended_dialogue_is_offered_to_whoever_took_part_under_their_own_name() {
    use leidraad_domain::dialogue::Event;
    use leidraad_store::dialogues::{NewDialogue, Outcome};

    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let coach = person(&store, "coach@x.example").await;
        let sanne = person(&store, "sanne@x.example").await;
        let mehmet = person(&store, "mehmet@x.example").await;
        let deck = ["dialoog-01".to_owned()];
        let id = store
            .create_dialogue(&NewDialogue {
                person: coach,
                framework_id: "beroepsstandaard-schoolleiders",
                format: "intervisie",
                title: "Intervisie schoolleiders",
                deck: &deck,
                join_code: "123456",
                allow_anonymous: true,
                anonymous_picks: false,
                minutes: 3,
                now: 1_000,
            })
            .await
            .unwrap();
        let mut joined = Vec::new();
        // Sanne joins twice (phone and laptop), Mehmet once and is removed; the coach joins
        // their own dialogue too, and one person joins anonymously (no person recorded).
        for (n, who) in [Some(sanne), Some(sanne), Some(mehmet), Some(coach), None]
            .into_iter()
            .enumerate()
        {
            let Outcome::Done((participant, _)) = store
                .join_dialogue(id, &format!("digest-{n}"), Some("Naam"), who, 1_100)
                .await
                .unwrap()
            else {
                panic!("{backend:?}: joined");
            };
            joined.push(participant);
        }
        let removed = Event::Removed {
            participant: joined[2],
        };
        store
            .record_dialogue_event(id, coach, &removed, 1_200)
            .await
            .unwrap();
        let offered = |sources: Vec<leidraad_store::learning_log::LogSource>| {
            sources
                .into_iter()
                .map(|s| (s.kind, s.id, s.title, s.at))
                .collect::<Vec<_>>()
        };
        assert!(
            offered(store.unlogged_sources(sanne).await.unwrap()).is_empty(),
            "{backend:?}: not while it runs"
        );
        store
            .record_dialogue_event(id, coach, &Event::Ended, 1_300)
            .await
            .unwrap();
        let once = vec![(
            "dialogue".to_owned(),
            id,
            "Intervisie schoolleiders".to_owned(),
            1_300,
        )];
        assert_eq!(offered(store.unlogged_sources(sanne).await.unwrap()), once);
        assert_eq!(
            offered(store.unlogged_sources(coach).await.unwrap()),
            once,
            "{backend:?}: the facilitator once, though they joined too"
        );
        assert!(
            offered(store.unlogged_sources(mehmet).await.unwrap()).is_empty(),
            "{backend:?}: removed by the facilitator"
        );
        done(
            store
                .dismiss_suggestion(sanne, ("dialogue", id), "x", "2026-01-01", 1_400)
                .await
                .unwrap(),
        );
        assert!(store.unlogged_sources(sanne).await.unwrap().is_empty());
        assert_eq!(
            offered(store.unlogged_sources(coach).await.unwrap()),
            once,
            "{backend:?}: one person's choice is theirs alone"
        );
    }
}
