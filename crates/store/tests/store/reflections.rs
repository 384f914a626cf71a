//! Reflections in the store, on every backend: only the author writes, a finished reflection
//! is read-only, own cards are bounded, prefilling copies, shares are named and withdrawn.
//! Answers, and their group commit, are in [`answers`].

use leidraad_domain::accounts::PersonId;
use leidraad_domain::reflection::Pile;
use leidraad_store::Store;
use leidraad_store::accounts::NewPerson;
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, Change, NewReflection};
use leidraad_store::test_support::backends;

use crate::fresh_store;

mod answers;

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
