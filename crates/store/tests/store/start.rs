//! The start page's one statement, on every backend: own reflections with their counts,
//! what others shared, the organisations with theirs, and one's own schools.

use leidraad_domain::accounts::{PersonId, Role, RoleSet};
use leidraad_domain::reflection::Pile;
use leidraad_store::Store;
use leidraad_store::accounts::{NewInvitation, NewPerson};
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};
use leidraad_store::test_support::backends;

use crate::fresh_store;

fn person(email: &str) -> NewPerson<'_> {
    NewPerson {
        email,
        email_key: email,
        name: email,
        password_hash: "$argon2id$test",
        now: 1,
    }
}

async fn reflection(store: &Store, author: PersonId, now: i64) -> i64 {
    store
        .create_reflection(NewReflection {
            person: author,
            organisation: None,
            framework_id: "beroepsstandaard-schoolleiders",
            content_fingerprint: "abc",
            domains: &["visie".to_owned(), "medewerkers".to_owned()],
            now,
            prefill_from: None,
        })
        .await
        .unwrap()
        .unwrap()
}

async fn sort(store: &Store, author: PersonId, reflection: i64, card: &str, pile: Option<Pile>) {
    let answer = AnswerUpdate {
        card_id: card,
        pile,
        note: "",
        evidence: "",
        starred: false,
        fields: AnswerFields::ALL,
    };
    store
        .save_answer(author, reflection, answer, 200)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_start_page_is_read_in_one_statement_with_its_counts() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (organisation, admin) = store
            .create_first_organisation("Stichting Noord", person("admin@noord.example"))
            .await
            .unwrap()
            .unwrap();
        let school = store
            .create_school(organisation, "De Linde", 10)
            .await
            .unwrap();
        store
            .create_school(organisation, "De Es", 10)
            .await
            .unwrap();
        let leader = store
            .create_person(person("leider@noord.example"))
            .await
            .unwrap();
        let reader = store
            .create_person(person("lezer@noord.example"))
            .await
            .unwrap();
        for (who, email, digest) in [
            (leader, "leider@noord.example", "join-leader"),
            (reader, "lezer@noord.example", "join-reader"),
        ] {
            store
                .create_invitation(NewInvitation {
                    organisation,
                    school: Some(school),
                    email,
                    roles: RoleSet::from([Role::SchoolLeader]),
                    token_digest: digest,
                    invited_by: admin,
                    now: 10,
                    expires_at: 1_000,
                })
                .await
                .unwrap();
            store
                .accept_invitation_as_person(digest, who, 20)
                .await
                .unwrap()
                .unwrap();
        }
        for (digest, expires_at) in [("open", 1_000), ("expired", 50)] {
            store
                .create_invitation(NewInvitation {
                    organisation,
                    school: None,
                    email: "later@noord.example",
                    roles: Role::Staff.into(),
                    token_digest: digest,
                    invited_by: admin,
                    now: 10,
                    expires_at,
                })
                .await
                .unwrap();
        }

        let old = reflection(&store, leader, 100).await;
        sort(&store, leader, old, "visie-01", Some(Pile::Sometimes)).await;
        store.finish_reflection(leader, old, 150).await.unwrap();
        store
            .share_reflection(leader, old, reader, 160)
            .await
            .unwrap();
        let open = reflection(&store, leader, 300).await;
        sort(&store, leader, open, "visie-01", Some(Pile::Often)).await;
        sort(&store, leader, open, "visie-02", Some(Pile::NotYet)).await;
        sort(&store, leader, open, "visie-03", None).await;
        store
            .add_own_card(leader, open, "visie", "Ik lees", 4, 310)
            .await
            .unwrap();

        let start = store.start_page(leader, 100).await.unwrap();
        let ids: Vec<i64> = start.reflections.iter().map(|r| r.id).collect();
        assert_eq!(ids, [open, old], "newest first ({backend:?})");
        let now_open = &start.reflections[0];
        assert_eq!(
            (now_open.sorted, now_open.own_cards, now_open.finished_at),
            (2, 1, None),
            "an unsorted answer is not sorted"
        );
        assert_eq!(now_open.domains, ["visie", "medewerkers"]);
        assert_eq!(
            (
                start.reflections[1].shares,
                start.reflections[1].focus_cards
            ),
            (1, 0)
        );
        assert!(start.shared.is_empty());
        assert_eq!(start.organisations.len(), 1);
        let counted = &start.organisations[0];
        assert_eq!(
            (
                counted.name.as_str(),
                counted.members,
                counted.schools,
                counted.open_invitations
            ),
            ("Stichting Noord", 3, 2, 1),
            "accepted and expired invitations are not open ({backend:?})"
        );
        assert_eq!(start.schools.len(), 1);
        assert_eq!(
            (start.schools[0].id, start.schools[0].name.as_str()),
            (school, "De Linde")
        );

        let read = store.start_page(reader, 100).await.unwrap();
        assert!(read.reflections.is_empty());
        assert_eq!(read.shared.len(), 1);
        assert_eq!(
            (
                read.shared[0].id,
                read.shared[0].author_id,
                read.shared[0].finished_at
            ),
            (old, leader, 150)
        );
        assert_eq!(read.shared[0].author, "leider@noord.example");

        let nobody = store
            .create_person(person("niemand@noord.example"))
            .await
            .unwrap();
        let empty = store.start_page(nobody, 100).await.unwrap();
        assert_eq!(empty, Default::default());
        store.close().await;
    }
}
