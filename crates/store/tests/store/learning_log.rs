//! The learning log in the store, on every backend: activities with their cards and the
//! owner's plan themes only, newest first; a Leidraad source confirmed or dismissed once; the
//! register cycle; evidence files kept with their bytes (10 MB round trip), the per-person
//! quota, access for whom a plan is shared with; and erasure taking all of it.

use leidraad_domain::accounts::PersonId;
use leidraad_store::Store;
use leidraad_store::learning_log::{ActivityFields, Change, NewEvidence};
use leidraad_store::plans::NewTheme;
use leidraad_store::test_support::backends;

use crate::feedback::{count, person, raw};
use crate::fresh_store;

pub(crate) fn fields<'a>(
    title: &'a str,
    day: &'a str,
    points: i64,
    themes: &'a [i64],
) -> ActivityFields<'a> {
    const DOMAINS: &[String] = &[];
    ActivityFields {
        kind: "course",
        title,
        happened_on: day,
        minutes: 90,
        points,
        framework_id: "schoolleider",
        domains: DOMAINS,
        cards: DOMAINS,
        themes,
        learned: "Veel",
        differently: "",
    }
}

async fn theme_of(store: &Store, owner: PersonId) -> i64 {
    let plan = store
        .ensure_plan(owner, 2026, "schoolleider", 1)
        .await
        .unwrap();
    let theme = NewTheme {
        title: "Feedback vragen",
        goal: "",
        monitoring: "",
        status: "planned",
        source_kind: "own",
        source_id: None,
        source_item: "",
        cards: &[],
    };
    match store.add_theme(owner, plan.id, &theme, 1).await.unwrap() {
        leidraad_store::plans::Change::Done(id) => id,
        other => panic!("{other:?}"),
    }
}

pub(crate) fn done<T: std::fmt::Debug>(change: Change<T>) -> T {
    match change {
        Change::Done(value) => value,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn activities_are_the_owners_with_their_cards_and_own_themes() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let other = person(&store, "ander@x.example").await;
        let mine = theme_of(&store, owner).await;
        let theirs = theme_of(&store, other).await;
        let cards = vec!["visie-01".to_owned(), "visie-03".to_owned()];
        let domains = vec!["visie".to_owned()];
        let first = done(
            store
                .add_activity(
                    owner,
                    ActivityFields {
                        cards: &cards,
                        domains: &domains,
                        ..fields("Cursus", "2026-03-01", 20, &[mine])
                    },
                    None,
                    10,
                )
                .await
                .unwrap(),
        );
        let second = done(
            store
                .add_activity(owner, fields("Boek", "2026-05-01", 0, &[]), None, 11)
                .await
                .unwrap(),
        );
        // Another person's theme refuses the whole activity: nothing of it stays.
        assert_eq!(
            store
                .add_activity(
                    owner,
                    fields("Stiekem", "2026-06-01", 0, &[theirs]),
                    None,
                    12
                )
                .await
                .unwrap(),
            Change::ThemeUnknown,
            "{backend:?}"
        );
        let log = store.activities_of(owner).await.unwrap();
        assert_eq!(
            log.iter().map(|a| a.id).collect::<Vec<_>>(),
            [second, first],
            "newest first"
        );
        assert_eq!(log[1].cards, cards);
        assert_eq!(log[1].domains, domains);
        assert_eq!(log[1].themes, [(mine, "Feedback vragen".to_owned())]);
        assert!(store.activities_of(other).await.unwrap().is_empty());
        assert_eq!(store.activity(other, first).await.unwrap(), None);

        // Changing: only the owner, and the cards and themes are replaced.
        assert_eq!(
            store
                .update_activity(other, first, fields("Van mij", "2026-03-01", 5, &[]), 20)
                .await
                .unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store
                .update_activity(
                    owner,
                    first,
                    fields("Cursus", "2026-03-02", 30, &[theirs]),
                    20
                )
                .await
                .unwrap(),
            Change::ThemeUnknown
        );
        done(
            store
                .update_activity(owner, first, fields("Cursus II", "2026-03-02", 30, &[]), 20)
                .await
                .unwrap(),
        );
        let changed = store.activity(owner, first).await.unwrap().unwrap();
        assert_eq!((changed.title.as_str(), changed.points), ("Cursus II", 30));
        assert!(changed.cards.is_empty() && changed.themes.is_empty());

        assert!(!store.delete_activity(other, first).await.unwrap());
        assert!(store.delete_activity(owner, first).await.unwrap());
        assert_eq!(store.activities_of(owner).await.unwrap().len(), 1);
        store.close().await;
    }
}

#[tokio::test]
async fn a_leidraad_source_lands_once_confirmed_or_dismissed() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let entry = fields("", "2026-02-01", 0, &[]);
        let id = done(
            store
                .add_activity(owner, entry, Some(("reflection", 7)), 10)
                .await
                .unwrap(),
        );
        assert_eq!(
            store
                .add_activity(owner, entry, Some(("reflection", 7)), 11)
                .await
                .unwrap(),
            Change::AlreadyLogged,
            "{backend:?}"
        );
        done(
            store
                .dismiss_suggestion(owner, ("team-scan", 3), "schoolleider", "2026-01-01", 12)
                .await
                .unwrap(),
        );
        assert_eq!(
            store
                .add_activity(owner, entry, Some(("team-scan", 3)), 13)
                .await
                .unwrap(),
            Change::AlreadyLogged
        );
        let pool = raw(&database.url).await;
        let sources = "activities WHERE source_kind IS NOT NULL";
        assert_eq!(count(&pool, sources).await, 2);
        // Deleting a confirmed entry keeps it dismissed: it is not suggested again.
        assert!(store.delete_activity(owner, id).await.unwrap());
        assert!(store.activities_of(owner).await.unwrap().is_empty());
        assert_eq!(count(&pool, sources).await, 2);
        assert_eq!(count(&pool, "activities WHERE confirmed = 0").await, 2);
        store.close().await;
    }
}

#[tokio::test]
async fn a_cycle_is_set_once_per_person_and_moved() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        assert_eq!(store.register_cycle(owner).await.unwrap(), None);
        store
            .set_register_cycle(owner, "2024-08-01", 100, 1)
            .await
            .unwrap();
        store
            .set_register_cycle(owner, "2025-01-01", 120, 2)
            .await
            .unwrap();
        let cycle = store.register_cycle(owner).await.unwrap().unwrap();
        assert_eq!(
            (cycle.starts_on.as_str(), cycle.target),
            ("2025-01-01", 120)
        );
        store.close().await;
    }
}

fn file(bytes: &[u8], activity_id: Option<i64>) -> NewEvidence<'_> {
    NewEvidence {
        activity_id,
        filename: "bewijs.pdf",
        content_type: "application/pdf",
        bytes,
    }
}

#[tokio::test]
async fn ten_megabytes_go_in_and_come_back_byte_for_byte() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let activity = done(
            store
                .add_activity(owner, fields("Cursus", "2026-03-01", 20, &[]), None, 1)
                .await
                .unwrap(),
        );
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend((0..10 * 1024 * 1024 - 9).map(|i: usize| (i % 251) as u8));
        assert_eq!(bytes.len(), 10 * 1024 * 1024);
        let record = done(
            store
                .add_evidence(owner, file(&bytes, Some(activity)), 200 << 20, 5)
                .await
                .unwrap(),
        );
        assert_eq!(record.size_bytes, 10 * 1024 * 1024);
        assert_eq!(record.activity_id, Some(activity));
        let back = store.evidence_content(record.id).await.unwrap().unwrap();
        assert!(back == bytes, "{backend:?}: the bytes differ");
        let listed = store.activity(owner, activity).await.unwrap().unwrap();
        assert_eq!(listed.evidence, std::slice::from_ref(&record));
        assert_eq!(store.log_head(owner).await.unwrap().used_bytes, 10 << 20);
        store.close().await;
    }
}

#[tokio::test]
async fn files_stay_within_the_quota_and_their_owners_activities() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let other = person(&store, "ander@x.example").await;
        let theirs = done(
            store
                .add_activity(other, fields("Hun cursus", "2026-03-01", 0, &[]), None, 1)
                .await
                .unwrap(),
        );
        assert_eq!(
            store
                .add_evidence(owner, file(b"%PDF-1", Some(theirs)), 100, 2)
                .await
                .unwrap(),
            Change::NotFound,
            "{backend:?}"
        );
        done(
            store
                .add_evidence(owner, file(&[1; 60], None), 100, 2)
                .await
                .unwrap(),
        );
        assert_eq!(
            store
                .add_evidence(owner, file(&[1; 41], None), 100, 3)
                .await
                .unwrap(),
            Change::QuotaFull
        );
        let last = done(
            store
                .add_evidence(owner, file(&[1; 40], None), 100, 4)
                .await
                .unwrap(),
        );
        assert!(!store.delete_evidence(other, last.id).await.unwrap());
        assert!(store.delete_evidence(owner, last.id).await.unwrap());
        assert_eq!(store.evidence_of(owner).await.unwrap().len(), 1);
        store.close().await;
    }
}

#[tokio::test]
async fn access_tells_whether_any_plan_is_shared_with_the_viewer() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let coach = person(&store, "coach@x.example").await;
        let stranger = person(&store, "vreemd@x.example").await;
        let record = done(
            store
                .add_evidence(owner, file(b"%PDF-1", None), 100, 1)
                .await
                .unwrap(),
        );
        let shared = |viewer| {
            let store = store.clone();
            async move {
                store
                    .evidence_access(record.id, viewer)
                    .await
                    .unwrap()
                    .unwrap()
                    .1
            }
        };
        assert!(!shared(coach).await);
        let plan = store
            .ensure_plan(owner, 2026, "schoolleider", 1)
            .await
            .unwrap();
        assert_eq!(
            store.share_plan(owner, plan.id, coach, 2).await.unwrap(),
            leidraad_store::plans::Change::Done(())
        );
        assert!(shared(coach).await, "{backend:?}");
        assert!(!shared(stranger).await);
        assert_eq!(
            store
                .evidence_access(record.id + 1000, owner)
                .await
                .unwrap(),
            None
        );
        store.close().await;
    }
}

#[tokio::test]
async fn erasing_the_account_takes_the_log_and_every_file() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let theme = theme_of(&store, owner).await;
        let cards = vec!["visie-01".to_owned()];
        let activity = done(
            store
                .add_activity(
                    owner,
                    ActivityFields {
                        cards: &cards,
                        ..fields("Cursus", "2026-03-01", 20, &[theme])
                    },
                    Some(("dialogue", 4)),
                    1,
                )
                .await
                .unwrap(),
        );
        done(
            store
                .add_evidence(owner, file(b"%PDF-1", Some(activity)), 100, 2)
                .await
                .unwrap(),
        );
        store
            .set_register_cycle(owner, "2025-01-01", 100, 3)
            .await
            .unwrap();
        let export = store.personal_data(owner).await.unwrap().unwrap();
        assert_eq!(export.learning_log.activities.len(), 1);
        assert_eq!(export.learning_log.evidence_files.len(), 1);
        let json = serde_json::to_string(&export).unwrap();
        assert!(json.contains("\"filename\":\"bewijs.pdf\""));
        assert!(!json.contains("content\""), "no bytes in the export");
        store.erase_person(owner).await.unwrap();
        let pool = raw(&database.url).await;
        for table in [
            "activities",
            "activity_cards",
            "activity_themes",
            "register_cycles",
            "evidence_files",
        ] {
            assert_eq!(count(&pool, table).await, 0, "{backend:?} {table}");
        }
        pool.close().await;
        store.close().await;
    }
}
