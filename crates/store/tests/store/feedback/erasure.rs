//! The leader's own data, on every backend: the self-rating (also copied from a reflection),
//! the personal export with the stored report, and erasure, after which nothing of their
//! rounds is left and their address is gone from other leaders' links.

use leidraad_domain::reflection::Pile;
use leidraad_store::feedback::{Change, NewLink};
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};
use leidraad_store::test_support::backends;

use super::{concept, count, open, person, raw, submit};
use crate::fresh_store;

#[tokio::test]
async fn the_self_rating_changes_until_release_and_may_start_from_a_reflection() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [1, 0]).await;
        let reflection = store
            .create_reflection(NewReflection {
                person: leader,
                organisation: None,
                framework_id: "beroepsstandaard-schoolleiders",
                content_fingerprint: "abc",
                domains: &["visie".to_owned()],
                now: 50,
                prefill_from: None,
            })
            .await
            .unwrap()
            .unwrap();
        for (card, pile) in [
            ("kaart-01", Some(Pile::Often)),
            ("kaart-02", None),
            ("elders-01", Some(Pile::NotYet)),
        ] {
            let answer = AnswerUpdate {
                card_id: card,
                pile,
                note: "",
                evidence: "",
                starred: false,
                fields: AnswerFields::ALL,
            };
            store
                .save_answer(leader, reflection, answer, 60)
                .await
                .unwrap();
        }
        let own = store.save_self_answer(round.id, leader, "kaart-03", Some(2));
        assert_eq!(own.await.unwrap(), Change::Done(()), "{backend:?}");
        let copied = store.copy_self_from_reflection(round.id, leader, reflection);
        assert_eq!(
            copied.await.unwrap(),
            Change::Done(1),
            "only sorted cards of the round"
        );
        let pile = i64::from(Pile::Often.score());
        assert_eq!(
            store.self_answers(round.id).await.unwrap(),
            [("kaart-01".to_owned(), pile), ("kaart-03".to_owned(), 2)]
        );
        let cleared = store.save_self_answer(round.id, leader, "kaart-03", None);
        assert_eq!(cleared.await.unwrap(), Change::Done(()));
        let missing = store.copy_self_from_reflection(round.id, leader, reflection + 1);
        assert_eq!(missing.await.unwrap(), Change::NotFound);

        store.release(round.id, None, "{}", 0, 900).await.unwrap();
        let late = store.save_self_answer(round.id, leader, "kaart-03", Some(1));
        assert_eq!(late.await.unwrap(), Change::WrongState);
        let late = store.copy_self_from_reflection(round.id, leader, reflection);
        assert_eq!(late.await.unwrap(), Change::WrongState);
        assert_eq!(store.self_answers(round.id).await.unwrap().len(), 1);
        store.close().await;
    }
}

#[tokio::test]
async fn the_export_holds_the_rounds_and_erasure_leaves_nothing_of_them() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let viewer = person(&store, "kijker@x.example").await;
        let released = open(&store, leader, [2, 1]).await;
        for (_, link) in &released.links[..2] {
            let answers = [("kaart-01".to_owned(), 3)];
            let comments = [(String::new(), "Fijn".to_owned())];
            let submitted = submit(&store, *link, Some(&answers), Some(&comments)).await;
            assert_eq!(submitted, Change::Done(()), "{backend:?}");
        }
        let snapshot = "{\"others\":2}";
        store
            .release(released.id, None, snapshot, 2, 900)
            .await
            .unwrap();
        store
            .share_round(released.id, leader, viewer, 901)
            .await
            .unwrap();
        let running = open(&store, leader, [2, 0]).await;
        let [(_, submitted), (_, drafting)] = running.links[..] else {
            panic!("two links");
        };
        let answers = [("kaart-02".to_owned(), 1)];
        submit(&store, submitted, Some(&answers), None).await;
        store
            .save_draft_answer(drafting, "kaart-02", 2)
            .await
            .unwrap();
        store
            .save_draft_comment(drafting, "", "Half")
            .await
            .unwrap();
        store
            .save_self_answer(running.id, leader, "kaart-02", Some(3))
            .await
            .unwrap();
        let elsewhere = person(&store, "ander@x.example").await;
        let theirs = concept(&store, elsewhere, [1, 0]).await;
        let invited = NewLink {
            group: theirs.groups[0],
            token_digest: "leider-als-beoordelaar",
            email: Some("Leider@X.example"),
            name: "Leider",
            now: 120,
        };
        let invited = store
            .add_link(theirs.id, elsewhere, &invited)
            .await
            .unwrap();
        assert!(matches!(invited, Change::Done(_)));

        let data = store.personal_data(leader).await.unwrap().unwrap();
        assert_eq!(data.feedback_rounds.len(), 2);
        let exported = data
            .feedback_rounds
            .iter()
            .find(|round| round.round.id == released.id)
            .unwrap();
        assert_eq!(
            (exported.released_at, exported.report.as_deref()),
            (Some(900), Some(snapshot))
        );
        assert_eq!(exported.groups.len(), 2);
        let json = serde_json::to_value(&data).unwrap();
        assert_eq!(json["feedback_rounds"][0]["state"], "open", "newest first");
        assert_eq!(
            json["feedback_rounds"][1]["report"], snapshot,
            "as JSON text"
        );

        store.erase_person(leader).await.unwrap();
        let pool = raw(&database.url).await;
        let left = [
            ("feedback_rounds", 1),
            ("feedback_groups", 2),
            ("feedback_links", 2),
            ("feedback_drafts", 0),
            ("feedback_draft_comments", 0),
            ("feedback_responses", 0),
            ("feedback_response_answers", 0),
            ("feedback_response_comments", 0),
            ("feedback_self_answers", 0),
            ("feedback_reports", 0),
            ("feedback_shares", 0),
        ];
        for (table, rows) in left {
            assert_eq!(count(&pool, table).await, rows, "only the other's: {table}");
        }
        let blanked = "feedback_links \
            WHERE token_digest = 'leider-als-beoordelaar' AND email IS NULL AND name = ''";
        assert_eq!(
            count(&pool, blanked).await,
            1,
            "the address and name are gone"
        );
        pool.close().await;
        assert!(store.rounds_of(leader).await.unwrap().is_empty());
        assert!(store.rounds_shared_with(viewer).await.unwrap().is_empty());
        store.close().await;
    }
}
