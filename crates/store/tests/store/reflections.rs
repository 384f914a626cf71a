//! Reflections in the store, on every backend: only the author writes, a finished reflection
//! is read-only, own cards are bounded, prefilling copies, shares are named and withdrawn.

use leidraad_domain::accounts::PersonId;
use leidraad_domain::reflection::Pile;
use leidraad_store::Store;
use leidraad_store::accounts::NewPerson;
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, Change, NewReflection};
use leidraad_store::test_support::backends;

use crate::fresh_store;

async fn person(store: &Store, email: &str) -> PersonId {
    store
        .create_person(NewPerson {
            email,
            email_key: email,
            name: email,
            password_hash: "$argon2id$test",
            now: 1,
        })
        .await
        .unwrap()
}

fn domains() -> Vec<String> {
    vec!["visie".into(), "medewerkers".into()]
}

async fn reflection(store: &Store, author: PersonId, prefill_from: Option<i64>) -> Option<i64> {
    store
        .create_reflection(NewReflection {
            person: author,
            organisation: None,
            framework_id: "beroepsstandaard-schoolleiders",
            content_fingerprint: "abc",
            domains: &domains(),
            now: 100,
            prefill_from,
        })
        .await
        .unwrap()
}

fn answer(card: &str, pile: Option<Pile>) -> AnswerUpdate<'_> {
    AnswerUpdate {
        card_id: card,
        pile,
        note: "omdat",
        evidence: "https://example.org/bewijs",
        starred: false,
        fields: AnswerFields::ALL,
    }
}

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
async fn own_cards_are_bounded_per_domain_and_take_their_answers_along() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        let mut keys = Vec::new();
        for n in 0..4 {
            match store
                .add_own_card(author, id, "visie", &format!("Ik {n}"), 4, 100)
                .await
                .unwrap()
            {
                Change::Done(card) => keys.push((card.id, card.key())),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            store
                .add_own_card(author, id, "visie", "Ik 5", 4, 100)
                .await
                .unwrap(),
            Change::TooManyOwnCards,
            "{backend:?}"
        );
        assert!(matches!(
            store
                .add_own_card(author, id, "medewerkers", "Ik", 4, 100)
                .await
                .unwrap(),
            Change::Done(_)
        ));
        let (card, key) = keys[0].clone();
        store
            .save_answer(author, id, answer(&key, Some(Pile::Sometimes)), 110)
            .await
            .unwrap();
        store
            .set_focus_cards(author, id, std::slice::from_ref(&key))
            .await
            .unwrap();
        assert_eq!(
            store
                .update_own_card(author, id, card, "Ik anders")
                .await
                .unwrap(),
            Change::Done(())
        );
        assert_eq!(
            store.delete_own_card(author, id, card).await.unwrap(),
            Change::Done(())
        );
        assert!(store.answers(id).await.unwrap().is_empty());
        assert!(store.focus_cards(id).await.unwrap().is_empty());
        assert_eq!(store.own_cards(id).await.unwrap().len(), 4);
        store.close().await;
    }
}

#[tokio::test]
async fn a_new_moment_can_start_from_the_last_one() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let other = person(&store, "b@x.example").await;
        let first = reflection(&store, author, None).await.unwrap();
        let Change::Done(own) = store
            .add_own_card(author, first, "visie", "Ik eigen", 4, 100)
            .await
            .unwrap()
        else {
            panic!("own card");
        };
        store
            .save_answer(author, first, answer("visie-01", Some(Pile::Often)), 110)
            .await
            .unwrap();
        store
            .save_answer(
                author,
                first,
                answer(&own.key(), Some(Pile::SecondNature)),
                110,
            )
            .await
            .unwrap();
        store.finish_reflection(author, first, 120).await.unwrap();

        assert_eq!(
            reflection(&store, other, Some(first)).await,
            None,
            "{backend:?}: not someone else's"
        );
        let second = reflection(&store, author, Some(first)).await.unwrap();
        let copied = store.own_cards(second).await.unwrap();
        assert_eq!(copied.len(), 1);
        assert_ne!(copied[0].id, own.id);
        let answers = store.answers(second).await.unwrap();
        let keys: Vec<_> = answers
            .iter()
            .map(|a| (a.card_id.clone(), a.pile))
            .collect();
        assert!(
            keys.contains(&(copied[0].key(), Some(Pile::SecondNature))),
            "{keys:?}"
        );
        assert!(keys.contains(&("visie-01".to_owned(), Some(Pile::Often))));
        assert_eq!(
            store
                .reflection(second)
                .await
                .unwrap()
                .unwrap()
                .prefilled_from,
            Some(first)
        );
        assert_eq!(store.reflections_of(author).await.unwrap().len(), 2);
        store.close().await;
    }
}

#[tokio::test]
async fn a_finished_reflection_is_shared_by_name_and_withdrawn() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = person(&store, "a@x.example").await;
        let coach = person(&store, "coach@x.example").await;
        let id = reflection(&store, author, None).await.unwrap();
        assert_eq!(
            store
                .share_reflection(author, id, coach, 100)
                .await
                .unwrap(),
            Change::Finished
        );
        store.finish_reflection(author, id, 110).await.unwrap();
        assert_eq!(
            store.share_reflection(coach, id, coach, 120).await.unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store
                .share_reflection(author, id, coach, 120)
                .await
                .unwrap(),
            Change::Done(())
        );
        assert_eq!(store.reflection_viewers(id).await.unwrap(), [coach]);
        let shared = store.reflections_shared_with(coach).await.unwrap();
        assert_eq!(
            (shared[0].0.id, shared[0].1.as_str()),
            (id, "a@x.example"),
            "{backend:?}"
        );
        assert!(!store.unshare_reflection(coach, id, coach).await.unwrap());
        assert!(store.unshare_reflection(author, id, coach).await.unwrap());
        assert!(store.reflection_viewers(id).await.unwrap().is_empty());

        store
            .share_reflection(author, id, coach, 130)
            .await
            .unwrap();
        store.erase_person(author).await.unwrap();
        assert_eq!(
            store.reflection(id).await.unwrap(),
            None,
            "erasure takes the reflections"
        );
        assert!(
            store
                .reflections_shared_with(coach)
                .await
                .unwrap()
                .is_empty()
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
