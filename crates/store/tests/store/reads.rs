//! The reads a signed-in page starts with, each one statement (one round trip on
//! PostgreSQL), give exactly what the separate reads give.

use leidraad_domain::accounts::{PersonId, Role, RoleSet};
use leidraad_domain::reflection::Pile;
use leidraad_store::Store;
use leidraad_store::accounts::{ApiTokenUse, NewPerson};
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, Change, NewReflection};
use leidraad_store::test_support::backends;

use crate::fresh_store;

fn new_person<'a>(email: &'a str, name: &'a str) -> NewPerson<'a> {
    NewPerson {
        email,
        email_key: email,
        name,
        password_hash: "$argon2id$test",
        now: 1_000,
    }
}

/// Runs `read` and returns its result with the number of statements it sent.
async fn counted<T>(store: &Store, read: impl std::future::Future<Output = T>) -> (T, u64) {
    let before = store.statements_sent();
    let value = read.await;
    (value, store.statements_sent() - before)
}

#[tokio::test]
async fn a_viewer_is_one_statement_whatever_the_credential() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (noord, admin) = store
            .create_first_organisation("Stichting Noord", new_person("ada@x.example", "Ada"))
            .await
            .unwrap()
            .unwrap();
        let linde = store.create_school(noord, "De Linde", 1_000).await.unwrap();
        let eik = store.create_school(noord, "De Eik", 1_000).await.unwrap();
        store
            .update_member(
                noord,
                admin,
                RoleSet::from([Role::Admin, Role::SchoolLeader]),
                &[eik, linde],
            )
            .await
            .unwrap();
        // A second organisation whose name sorts first, without schools.
        store
            .create_organisation("Stichting Anders", admin, 1_000)
            .await
            .unwrap();
        let loner = store
            .create_person(new_person("bo@x.example", "Bo"))
            .await
            .unwrap();
        store
            .create_session("s1", admin, "csrf", "Firefox", 1_000)
            .await
            .unwrap();
        let token = store
            .create_api_token(admin, "script", "d1", 1_000)
            .await
            .unwrap();

        let memberships = store.memberships_of(admin).await.unwrap();
        assert_eq!(memberships.len(), 2);
        assert_eq!(memberships[0].organisation.name, "Stichting Anders");

        let (by_session, statements) = counted(&store, store.viewer_by_session("s1")).await;
        let (session, viewer) = by_session.unwrap().expect("a live session");
        assert_eq!(statements, 1, "{backend:?}");
        assert_eq!(Some(session), store.session_by_digest("s1").await.unwrap());
        assert_eq!(viewer.person, admin);
        assert_eq!(
            (viewer.name.as_str(), viewer.email.as_str()),
            ("Ada", "ada@x.example")
        );
        assert_eq!(viewer.memberships, memberships, "{backend:?}");

        let (by_token, statements) = counted(&store, store.viewer_by_api_token("d1")).await;
        let (token_use, token_viewer) = by_token.unwrap().expect("a token");
        assert_eq!(statements, 1);
        assert_eq!(
            token_use,
            ApiTokenUse {
                id: token,
                last_used_at: None
            }
        );
        assert_eq!(token_viewer, viewer);
        store.note_api_token_use(token, 1_100).await.unwrap();
        assert_eq!(
            store
                .viewer_by_api_token("d1")
                .await
                .unwrap()
                .unwrap()
                .0
                .last_used_at,
            Some(1_100)
        );

        let (by_person, statements) = counted(&store, store.viewer(admin)).await;
        assert_eq!(statements, 1);
        assert_eq!(by_person.unwrap(), Some(viewer));
        let alone = store.viewer(loner).await.unwrap().expect("an account");
        assert!(alone.memberships.is_empty());
        assert_eq!(store.viewer(PersonId(9_999)).await.unwrap(), None);
        assert_eq!(store.viewer_by_session("s2").await.unwrap(), None);
        assert_eq!(store.viewer_by_api_token("d2").await.unwrap(), None);
        store.close().await;
    }
}

fn answer<'a>(card: &'a str, pile: Option<Pile>, note: &'a str) -> AnswerUpdate<'a> {
    AnswerUpdate {
        card_id: card,
        pile,
        note,
        evidence: "",
        starred: card.ends_with('2'),
        fields: AnswerFields::ALL,
    }
}

#[tokio::test]
async fn a_full_reflection_is_one_statement_and_the_author_alone_sees_names_and_other_moments() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let author = store
            .create_person(new_person("a@x.example", "Anna"))
            .await
            .unwrap();
        let coach = store
            .create_person(new_person("c@x.example", "Cas"))
            .await
            .unwrap();
        let board = store
            .create_person(new_person("b@x.example", "Bea"))
            .await
            .unwrap();
        let domains = ["visie".to_owned(), "medewerkers".to_owned()];
        let start = |now: i64, prefill_from: Option<i64>| NewReflection {
            person: author,
            organisation: None,
            framework_id: "beroepsstandaard-schoolleiders",
            content_fingerprint: "abc",
            domains: &domains,
            now,
            prefill_from,
        };
        let first = store
            .create_reflection(start(100, None))
            .await
            .unwrap()
            .unwrap();
        for (card, pile) in [("visie-02", Pile::NotYet), ("visie-01", Pile::SecondNature)] {
            store
                .save_answer(author, first, answer(card, Some(pile), "omdat"), 110)
                .await
                .unwrap();
        }
        store
            .save_answer(author, first, answer("medewerkers-01", None, ""), 111)
            .await
            .unwrap();
        let own = match store
            .add_own_card(author, first, "visie", "Ik lees elke week", 3, 112)
            .await
            .unwrap()
        {
            Change::Done(card) => card,
            other => panic!("{other:?}"),
        };
        store
            .add_own_card(author, first, "medewerkers", "Ik luister", 3, 113)
            .await
            .unwrap();
        store
            .set_focus_cards(author, first, &[own.key(), "visie-02".to_owned()])
            .await
            .unwrap();
        store.finish_reflection(author, first, 120).await.unwrap();
        store
            .share_reflection(author, first, coach, 130)
            .await
            .unwrap();
        store
            .share_reflection(author, first, board, 125)
            .await
            .unwrap();
        let second = store
            .create_reflection(start(200, Some(first)))
            .await
            .unwrap()
            .unwrap();

        let (full, statements) = counted(&store, store.full_reflection(first, author)).await;
        let full = full.unwrap().expect("the reflection");
        assert_eq!(statements, 1, "{backend:?}");
        assert_eq!(
            Some(&full.record),
            store.reflection(first).await.unwrap().as_ref()
        );
        assert_eq!(full.author_name, "Anna");
        assert_eq!(
            full.answers,
            store.answers(first).await.unwrap(),
            "{backend:?}"
        );
        assert_eq!(full.answers.len(), 3);
        assert_eq!(full.own_cards, store.own_cards(first).await.unwrap());
        assert_eq!(full.own_cards.len(), 2);
        assert_eq!(full.focus_cards, store.focus_cards(first).await.unwrap());
        assert_eq!(full.focus_cards[0], own.key());
        assert_eq!(
            full.viewers(),
            store.reflection_viewers(first).await.unwrap()
        );
        assert_eq!(full.viewers(), [board, coach], "in the order of sharing");
        assert_eq!(
            (full.shares[0].name.as_str(), full.shares[0].email.as_str()),
            ("Bea", "b@x.example")
        );
        let others: Vec<i64> = full.others.iter().map(|r| r.id).collect();
        assert_eq!(others, [second]);
        assert_eq!(
            full.others[0],
            store.reflection(second).await.unwrap().unwrap()
        );

        let shared = store
            .full_reflection(first, coach)
            .await
            .unwrap()
            .expect("read for the policy to decide");
        assert_eq!(shared.answers, full.answers);
        assert_eq!(shared.viewers(), full.viewers());
        assert!(
            shared
                .shares
                .iter()
                .all(|s| s.name.is_empty() && s.email.is_empty()),
            "only the author sees whom it is shared with"
        );
        assert!(shared.others.is_empty(), "nor the author's other moments");
        assert_eq!(shared.author_name, "Anna");

        let open = store
            .full_reflection(second, author)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(open.answers, store.answers(second).await.unwrap());
        assert_eq!(open.answers.len(), 3, "prefilled");
        assert!(open.shares.is_empty() && open.focus_cards.is_empty());
        assert_eq!(open.others.len(), 1);
        assert_eq!(store.full_reflection(9_999, author).await.unwrap(), None);
        store.close().await;
    }
}

#[tokio::test]
async fn the_lists_of_a_persons_pages_are_one_statement_each() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let anna = store
            .create_person(new_person("a@x.example", "Anna"))
            .await
            .unwrap();
        let bo = store
            .create_person(new_person("b@x.example", "Bo"))
            .await
            .unwrap();
        let domains = ["visie".to_owned()];
        let start = |person: PersonId, now: i64| NewReflection {
            person,
            organisation: None,
            framework_id: "beroepsstandaard-schoolleiders",
            content_fingerprint: "abc",
            domains: &domains,
            now,
            prefill_from: None,
        };
        let mut mine = Vec::new();
        for now in [300, 100, 200] {
            mine.push(
                store
                    .create_reflection(start(anna, now))
                    .await
                    .unwrap()
                    .unwrap(),
            );
        }
        for (card, pile) in [("visie-01", Some(Pile::Often)), ("visie-02", None)] {
            store
                .save_answer(anna, mine[0], answer(card, pile, ""), 310)
                .await
                .unwrap();
        }
        store
            .add_own_card(anna, mine[0], "visie", "Ik schrijf", 4, 311)
            .await
            .unwrap();
        for (now, finished) in [(100, 150), (200, 250)] {
            let theirs = store
                .create_reflection(start(bo, now))
                .await
                .unwrap()
                .unwrap();
            store.finish_reflection(bo, theirs, finished).await.unwrap();
            store
                .share_reflection(bo, theirs, anna, finished)
                .await
                .unwrap();
        }
        let (moments, statements) = counted(&store, store.moments(anna)).await;
        let moments = moments.unwrap();
        assert_eq!(statements, 1, "{backend:?}");
        assert_eq!(moments.own, store.reflections_of(anna).await.unwrap());
        assert_eq!(moments.own.len(), 3);
        assert_eq!(
            moments.shared,
            store.reflections_shared_with(anna).await.unwrap()
        );
        assert_eq!(moments.shared.len(), 2);
        assert_eq!(moments.shared[0].1, "Bo");
        assert_eq!(moments.progress.len(), 3, "own moments only");
        let progress = |id: &i64| moments.progress[id];
        assert_eq!(
            (progress(&mine[0]).sorted, progress(&mine[0]).own_cards),
            (1, 1),
            "a card without a pile is not sorted"
        );
        assert_eq!(progress(&mine[1]), Default::default());
        assert!(store.moments(PersonId(9_999)).await.unwrap().own.is_empty());

        for (n, (digest, agent)) in [("s1", "Firefox"), ("s2", "Chromium")].iter().enumerate() {
            let now = 1_000 + n as i64;
            store
                .create_session(digest, anna, "csrf", agent, now)
                .await
                .unwrap();
        }
        store
            .create_session("s3", bo, "csrf", "Safari", 1_000)
            .await
            .unwrap();
        let script = store
            .create_api_token(anna, "script", "d1", 1_000)
            .await
            .unwrap();
        store
            .create_api_token(anna, "backup", "d2", 1_000)
            .await
            .unwrap();
        store.note_api_token_use(script, 1_100).await.unwrap();
        let (both, statements) = counted(&store, store.sessions_and_tokens(anna)).await;
        let (sessions, tokens) = both.unwrap();
        assert_eq!(statements, 1);
        assert_eq!(
            sessions,
            store.sessions_of(anna).await.unwrap(),
            "{backend:?}"
        );
        assert_eq!(sessions.len(), 2);
        assert_eq!(tokens, store.api_tokens_of(anna).await.unwrap());
        assert_eq!(tokens.len(), 2);
        store.close().await;
    }
}
