//! Team scans in the store, on every backend: a scan with units and their shared links,
//! mailed and shared respondent links, drafts saved item by item (a text only over what the
//! writer saw), a submission that keeps nothing leading back to its link and happens once,
//! no answers after the closing or the close, and a release that leaves only the results;
//! board members' estimates in [`board`].

use leidraad_domain::accounts::{OrganisationId, PersonId, SchoolId};
use leidraad_store::Store;
use leidraad_store::space_scans::{Change, NewScan, NewUnit, ScanState};
use leidraad_store::test_support::backends;

use crate::feedback::{count, person, raw};
use crate::fresh_store;

mod board;

const CLOSES: i64 = 10_000;

async fn scan(store: &Store, owner: PersonId) -> (i64, OrganisationId, Vec<SchoolId>) {
    let organisation = store
        .create_organisation("Stichting", owner, 1)
        .await
        .unwrap();
    let linde = store
        .create_school(organisation, "De Linde", 1)
        .await
        .unwrap();
    let eik = store
        .create_school(organisation, "De Eik", 1)
        .await
        .unwrap();
    let id = store
        .create_scan(&NewScan {
            person: owner,
            organisation,
            questionnaire_id: "teamscan-professionele-ruimte",
            content_fingerprint: "abc",
            title: "Teamscan 2026",
            threshold: 5,
            closes_at: CLOSES,
            now: 100,
            units: vec![
                NewUnit {
                    school: Some(linde),
                    label: "De Linde",
                    share_token: "share-linde",
                },
                NewUnit {
                    school: Some(eik),
                    label: "De Eik",
                    share_token: "share-eik",
                },
            ],
        })
        .await
        .unwrap();
    (id, organisation, vec![linde, eik])
}

fn done<T: std::fmt::Debug>(change: Change<T>) -> T {
    match change {
        Change::Done(value) => value,
        other => panic!("expected done, got {other:?}"),
    }
}

#[tokio::test]
async fn a_scan_keeps_its_units_and_shared_links_and_counts_without_saying_who() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "leider@x.example").await;
        let (id, organisation, schools) = scan(&store, owner).await;
        let record = store.scan(id).await.unwrap().unwrap();
        assert_eq!(record.state, ScanState::Open);
        assert_eq!(record.organisation_id, organisation);
        let units = store.units_of(id).await.unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].school_id, Some(schools[0]));
        assert_eq!(units[1].label, "De Eik");
        let (unit, scan_id, state, _) = store.unit_by_share("share-eik").await.unwrap().unwrap();
        assert_eq!((unit, scan_id, state), (units[1].id, id, ScanState::Open));
        assert!(store.unit_by_share("share-none").await.unwrap().is_none());
        // Mailed links: an address twice is invited once.
        let invitations = vec![
            ("a@x.example".to_owned(), "digest-a".to_owned()),
            ("A@x.example".to_owned(), "digest-a2".to_owned()),
            ("b@x.example".to_owned(), "digest-b".to_owned()),
        ];
        let made = store
            .add_scan_invitations(owner, units[0].id, &invitations)
            .await
            .unwrap();
        assert_eq!(
            made,
            Change::Done(vec!["a@x.example".to_owned(), "b@x.example".to_owned()])
        );
        let stranger = person(&store, "ander@x.example").await;
        assert_eq!(
            store
                .add_scan_invitations(stranger, units[0].id, &invitations)
                .await
                .unwrap(),
            Change::NotFound
        );
        let link = done(
            store
                .add_shared_respondent(units[1].id, "digest-browser", 200)
                .await
                .unwrap(),
        );
        assert_eq!((link.scan_id, link.unit_id), (id, units[1].id));
        let summary = &store.scans_of(owner).await.unwrap()[0];
        assert_eq!(
            (summary.links, summary.invited, summary.answered),
            (3, 2, 0)
        );
        assert_eq!(
            store.scan_invitations(owner, id).await.unwrap(),
            vec![
                (units[0].id, "a@x.example".to_owned()),
                (units[0].id, "b@x.example".to_owned())
            ]
        );
        assert!(
            store
                .scan_invitations(stranger, id)
                .await
                .unwrap()
                .is_empty()
        );
        // A replaced shared link opens nothing any more.
        assert!(
            store
                .replace_share_link(owner, units[1].id, "share-eik-2")
                .await
                .unwrap()
        );
        assert!(store.unit_by_share("share-eik").await.unwrap().is_none());
        assert!(
            !store
                .replace_share_link(stranger, units[1].id, "x")
                .await
                .unwrap()
        );
        store.close().await;
    }
}

#[tokio::test]
async fn a_draft_is_saved_item_by_item_and_a_text_only_over_what_was_seen() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "leider@x.example").await;
        let (id, _, _) = scan(&store, owner).await;
        let unit = store.units_of(id).await.unwrap()[0].id;
        let link = done(store.add_shared_respondent(unit, "d1", 200).await.unwrap()).id;
        done(
            store
                .save_scan_draft(link, 300, "s:a-1", "3", None)
                .await
                .unwrap(),
        );
        done(
            store
                .save_scan_draft(link, 300, "r:mentor", "10", None)
                .await
                .unwrap(),
        );
        done(
            store
                .save_scan_draft(link, 300, "o:geeft", "Vertrouwen", Some(""))
                .await
                .unwrap(),
        );
        // Another tab typed over an older text: refused, nothing changes.
        assert_eq!(
            store
                .save_scan_draft(link, 300, "o:geeft", "Tijd", Some("Ruimte"))
                .await
                .unwrap(),
            Change::ResponsesChanged
        );
        done(
            store
                .save_scan_draft(
                    link,
                    300,
                    "o:geeft",
                    "Vertrouwen en tijd",
                    Some("Vertrouwen"),
                )
                .await
                .unwrap(),
        );
        done(
            store
                .save_scan_draft(link, 300, "s:a-1", "", None)
                .await
                .unwrap(),
        );
        let draft: Vec<(String, String)> = store
            .scan_draft(link)
            .await
            .unwrap()
            .into_iter()
            .map(|item| (item.item, item.value))
            .collect();
        assert_eq!(
            draft,
            vec![
                ("o:geeft".to_owned(), "Vertrouwen en tijd".to_owned()),
                ("r:mentor".to_owned(), "10".to_owned())
            ]
        );
        // After the closing moment nothing is saved.
        assert_eq!(
            store
                .save_scan_draft(link, CLOSES, "s:a-2", "2", None)
                .await
                .unwrap(),
            Change::WrongState
        );
        assert_eq!(
            store
                .save_scan_draft(9_999, 300, "s:a-2", "2", None)
                .await
                .unwrap(),
            Change::NotFound
        );
        store.close().await;
    }
}

#[tokio::test]
async fn a_submission_happens_once_keeps_nothing_of_its_link_and_stops_at_the_close() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let pool = raw(&database.url).await;
        let owner = person(&store, "leider@x.example").await;
        let (id, _, _) = scan(&store, owner).await;
        let unit = store.units_of(id).await.unwrap()[1].id;
        let link = done(store.add_shared_respondent(unit, "d1", 200).await.unwrap()).id;
        done(
            store
                .save_scan_draft(link, 300, "s:a-1", "3", None)
                .await
                .unwrap(),
        );
        let response = "0123456789abcdef0123456789abcdef";
        done(
            store
                .submit_scan_response(link, 300, response, r#"{"s":{"a-1":"3"}}"#)
                .await
                .unwrap(),
        );
        assert_eq!(
            store
                .submit_scan_response(link, 300, &"f".repeat(32), "{}")
                .await
                .unwrap(),
            Change::AlreadySubmitted
        );
        assert_eq!(
            store
                .save_scan_draft(link, 300, "s:a-2", "2", None)
                .await
                .unwrap(),
            Change::AlreadySubmitted
        );
        assert_eq!(count(&pool, "space_scan_drafts").await, 0);
        assert_eq!(count(&pool, "space_scan_responses").await, 1);
        let stored = store.scan_responses(id).await.unwrap();
        assert_eq!(stored[0].unit_id, unit);
        assert_eq!(store.scan_response_count(id).await.unwrap(), 1);
        // A link whose scan closed, or opened after the closing moment, takes nothing.
        let late = done(store.add_shared_respondent(unit, "d2", 300).await.unwrap()).id;
        assert_eq!(
            store
                .submit_scan_response(late, CLOSES + 1, &"e".repeat(32), "{}")
                .await
                .unwrap(),
            Change::WrongState
        );
        assert_eq!(
            store
                .add_shared_respondent(unit, "d3", CLOSES)
                .await
                .unwrap(),
            Change::WrongState
        );
        let stranger = person(&store, "ander@x.example").await;
        assert_eq!(
            store.close_scan(stranger, id).await.unwrap(),
            Change::NotFound
        );
        done(store.close_scan(owner, id).await.unwrap());
        done(store.close_scan(owner, id).await.unwrap());
        assert_eq!(
            store
                .submit_scan_response(late, 400, &"e".repeat(32), "{}")
                .await
                .unwrap(),
            Change::WrongState
        );
        assert_eq!(count(&pool, "space_scan_responses").await, 1);
        store.close().await;
    }
}

#[tokio::test]
async fn a_release_stores_the_results_and_leaves_nothing_else_of_the_answers() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let pool = raw(&database.url).await;
        let owner = person(&store, "leider@x.example").await;
        let (id, _, _) = scan(&store, owner).await;
        let unit = store.units_of(id).await.unwrap()[0].id;
        for n in 0..3 {
            let link = done(
                store
                    .add_shared_respondent(unit, &format!("t{n}"), 200)
                    .await
                    .unwrap(),
            )
            .id;
            done(
                store
                    .submit_scan_response(link, 300, &format!("{n:032}"), "{}")
                    .await
                    .unwrap(),
            );
        }
        let waiting = done(store.add_shared_respondent(unit, "t9", 200).await.unwrap()).id;
        done(
            store
                .save_scan_draft(waiting, 300, "s:a-1", "2", None)
                .await
                .unwrap(),
        );
        done(
            store
                .save_scan_estimate(owner, id, "a-1", "4")
                .await
                .unwrap(),
        );
        // Releasing an open scan is refused: it is closed first.
        assert_eq!(
            store.release_scan(owner, id, 3, "{}", 500).await.unwrap(),
            Change::WrongState
        );
        done(store.close_scan(owner, id).await.unwrap());
        assert_eq!(
            store.release_scan(owner, id, 2, "{}", 500).await.unwrap(),
            Change::ResponsesChanged
        );
        done(
            store
                .release_scan(owner, id, 3, r#"{"respondents":3}"#, 500)
                .await
                .unwrap(),
        );
        assert_eq!(
            store.scan_results(id).await.unwrap(),
            Some((500, r#"{"respondents":3}"#.to_owned()))
        );
        for table in [
            "space_scan_responses",
            "space_scan_drafts",
            "space_scan_links",
        ] {
            assert_eq!(count(&pool, table).await, 0, "{table}");
        }
        assert_eq!(
            store.scan(id).await.unwrap().unwrap().state,
            ScanState::Released
        );
        // The count stays when the responses are gone.
        assert_eq!(store.scans_of(owner).await.unwrap()[0].answered, 3);
        assert_eq!(
            store
                .save_scan_estimate(owner, id, "a-1", "2")
                .await
                .unwrap(),
            Change::WrongState
        );
        assert_eq!(
            store.scan_estimate(id).await.unwrap(),
            vec![("a-1".to_owned(), "4".to_owned())]
        );
        // Deleting the owner's account deletes the scan and its results.
        assert!(store.delete_scan(owner, id).await.unwrap());
        assert_eq!(count(&pool, "space_scan_results").await, 0);
        store.close().await;
    }
}
