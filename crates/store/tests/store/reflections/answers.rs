//! Answers in the store, on every backend: only the author's open reflection is written, a
//! partial save changes only what it names, and answers saved at once are committed together,
//! each with its own outcome, and drained when the store closes.

use leidraad_domain::reflection::Pile;
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, Change};
use leidraad_store::test_support::backends;
use leidraad_store::{Store, StoreError};

use super::{answer, domains, person, reflection};
use crate::fresh_store;

#[tokio::test]
async fn only_the_author_writes_and_the_last_write_per_card_wins() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let other = person(&store, "b@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let record = store.reflection(id).await.unwrap().unwrap();
        assert_eq!(record.domains, domains());
        assert_eq!(
            store
                .save_answer(other, id, answer("visie-01", Some(Pile::Often)), 110)
                .await
                .unwrap(),
            Change::NotFound,
            "{backend:?}"
        );
        store
            .save_answer(author, id, answer("visie-01", Some(Pile::Often)), 110)
            .await
            .unwrap();
        let mut second = answer("visie-01", Some(Pile::NotYet));
        second.starred = true;
        store.save_answer(author, id, second, 120).await.unwrap();
        let answers = store.answers(id).await.unwrap();
        assert_eq!(answers.len(), 1);
        assert_eq!(
            (answers[0].pile, answers[0].starred, answers[0].updated_at),
            (Some(Pile::NotYet), true, 120)
        );

        assert_eq!(
            store.finish_reflection(other, id, 130).await.unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store.finish_reflection(author, id, 130).await.unwrap(),
            Change::Done(())
        );
        assert_eq!(
            store
                .save_answer(author, id, answer("visie-02", Some(Pile::Often)), 140)
                .await
                .unwrap(),
            Change::Finished
        );
        assert_eq!(
            store.finish_reflection(author, id, 150).await.unwrap(),
            Change::Finished
        );
        assert_eq!(store.answers(id).await.unwrap().len(), 1, "nothing changed");
        store.close().await;
    }
}

#[tokio::test]
async fn a_partial_save_leaves_the_rest_of_the_answer_as_stored() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let mut first = answer("visie-01", Some(Pile::Often));
        first.note = "een nieuwe notitie";
        first.starred = true;
        store.save_answer(author, id, first, 110).await.unwrap();
        // A page loaded earlier moves the card: it sends its old note, evidence and star, but
        // means to change only the pile.
        let stale = AnswerUpdate {
            card_id: "visie-01",
            pile: Some(Pile::NotYet),
            note: "oude notitie",
            evidence: "",
            starred: false,
            fields: AnswerFields {
                pile: true,
                ..AnswerFields::NONE
            },
        };
        store.save_answer(author, id, stale, 120).await.unwrap();
        let stored = &store.answers(id).await.unwrap()[0];
        assert_eq!(
            (
                stored.pile,
                stored.note.as_str(),
                stored.evidence.as_str(),
                stored.starred
            ),
            (
                Some(Pile::NotYet),
                "een nieuwe notitie",
                "https://example.org/bewijs",
                true
            ),
            "{backend:?}"
        );
        // A first save that names only the note leaves the card unsorted.
        let note_only = AnswerUpdate {
            card_id: "visie-02",
            pile: Some(Pile::Often),
            note: "alleen dit",
            evidence: "",
            starred: true,
            fields: AnswerFields {
                note: true,
                ..AnswerFields::NONE
            },
        };
        store.save_answer(author, id, note_only, 130).await.unwrap();
        let second = store
            .answers(id)
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.card_id == "visie-02")
            .unwrap();
        assert_eq!(
            (second.pile, second.note.as_str(), second.starred),
            (None, "alleen dit", false),
            "{backend:?}"
        );
        store.close().await;
    }
}

#[tokio::test]
async fn answers_saved_at_once_are_committed_together_each_with_its_own_outcome() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let other = person(&store, "b@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let mut saves = Vec::new();
        for n in 0..200 {
            let store = store.clone();
            let who = if n % 50 == 7 { other } else { author };
            saves.push(tokio::spawn(async move {
                let card = format!("card-{}", n % 80);
                let pile = Pile::from_score(n % 4 + 1).unwrap();
                store
                    .save_answer(who, id, answer(&card, Some(pile)), 1_000 + n)
                    .await
                    .unwrap()
            }));
        }
        let mut outcomes = Vec::new();
        for save in saves {
            outcomes.push(save.await.unwrap());
        }
        let refused = outcomes.iter().filter(|o| **o == Change::NotFound).count();
        assert_eq!(
            refused, 4,
            "{backend:?}: only the stranger's four saves are refused"
        );
        assert_eq!(
            outcomes.iter().filter(|o| **o == Change::Done(())).count(),
            196
        );
        assert_eq!(store.answers(id).await.unwrap().len(), 80);
        store.close().await;
    }
}

#[tokio::test]
async fn answers_to_one_card_saved_at_once_apply_in_their_order() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let only_pile = AnswerFields {
            pile: true,
            ..AnswerFields::NONE
        };
        let only_note = AnswerFields {
            note: true,
            ..AnswerFields::NONE
        };
        // A group splits where the parts change or a card comes again; in any grouping the
        // later answer wins, part by part.
        let updates = [
            (AnswerFields::ALL, Some(Pile::NotYet), "eerst"),
            (only_pile, Some(Pile::Often), "genegeerd"),
            (AnswerFields::ALL, Some(Pile::Sometimes), "tweede"),
            (only_note, None, "laatst"),
            (only_pile, Some(Pile::SecondNature), ""),
        ];
        let mut saves = Vec::new();
        for (n, (fields, pile, note)) in updates.into_iter().enumerate() {
            let store = store.clone();
            saves.push(tokio::spawn(async move {
                let update = AnswerUpdate {
                    card_id: "visie-01",
                    pile,
                    note,
                    evidence: "bewijs",
                    starred: true,
                    fields,
                };
                store
                    .save_answer(author, id, update, 200 + n as i64)
                    .await
                    .unwrap()
            }));
        }
        for save in saves {
            assert_eq!(save.await.unwrap(), Change::Done(()));
        }
        let answers = store.answers(id).await.unwrap();
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].pile, Some(Pile::SecondNature), "{backend:?}");
        assert_eq!(answers[0].note, "laatst");
        assert_eq!(answers[0].evidence, "bewijs");
        assert!(answers[0].starred);
        assert_eq!(answers[0].updated_at, 204);
        store.close().await;
    }
}

#[tokio::test]
async fn a_save_is_one_statement_and_a_refused_one_asks_why_once() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let other = person(&store, "b@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let before = store.statements_sent();
        let saved = store
            .save_answer(author, id, answer("visie-01", Some(Pile::Often)), 110)
            .await
            .unwrap();
        assert_eq!(saved, Change::Done(()));
        assert_eq!(store.statements_sent() - before, 1, "{backend:?}");
        let before = store.statements_sent();
        let refused = store
            .save_answer(other, id, answer("visie-01", Some(Pile::Often)), 120)
            .await
            .unwrap();
        assert_eq!(refused, Change::NotFound);
        assert_eq!(store.statements_sent() - before, 2, "{backend:?}");
        store.close().await;
    }
}

#[tokio::test]
async fn closing_the_store_keeps_every_answer_it_acknowledged() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let mut saves = Vec::new();
        for n in 0..100 {
            let store = store.clone();
            saves.push(tokio::spawn(async move {
                let card = format!("card-{n:03}");
                store
                    .save_answer(author, id, answer(&card, Some(Pile::Often)), 200)
                    .await
            }));
        }
        store.close().await;
        let mut acknowledged = 0;
        for save in saves {
            match save.await.unwrap() {
                Ok(outcome) => {
                    assert_eq!(outcome, Change::Done(()), "{backend:?}");
                    acknowledged += 1;
                }
                Err(error) => assert!(matches!(error, StoreError::Closed), "{error:?}"),
            }
        }
        let again = Store::connect(&database.url).await.unwrap();
        assert_eq!(
            again.answers(id).await.unwrap().len(),
            acknowledged,
            "{backend:?}"
        );
        again.close().await;
    }
}
