//! What the log page reads on every visit, on every backend: the stamp that every change to
//! the log replaces (and nothing else does), the cycle and the bytes used in one read, and
//! the list's lines with their file counts.

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
