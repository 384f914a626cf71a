//! Board members' estimates of a scan: each person's apart, written only while the scan is
//! open, read back for the release with the estimator's name, listed per organisation without
//! the viewer's own scans, in the estimator's export, and gone with their account.

use leidraad_domain::accounts::{OrganisationId, PersonId};
use leidraad_store::Store;
use leidraad_store::space_scans::{Change, NewScan, NewUnit};
use leidraad_store::test_support::backends;

use super::{done, scan};
use crate::feedback::{count, person, raw};
use crate::fresh_store;

async fn save(
    store: &Store,
    who: PersonId,
    scan: i64,
    statement: &str,
    answer: &str,
) -> Change<()> {
    store
        .save_board_estimate(who, scan, statement, answer)
        .await
        .unwrap()
}

/// A scan of `owner` in `organisation` with one unit.
async fn scan_of(store: &Store, owner: PersonId, organisation: OrganisationId, token: &str) -> i64 {
    store
        .create_scan(&NewScan {
            person: owner,
            organisation,
            questionnaire_id: "teamscan-professionele-ruimte",
            content_fingerprint: "abc",
            title: "Nog een scan",
            threshold: 5,
            closes_at: 10_000,
            now: 200,
            units: vec![NewUnit {
                school: None,
                label: "Alle scholen",
                share_token: token,
            }],
        })
        .await
        .unwrap()
}

fn pairs(answers: &[(&str, &str)]) -> Vec<(String, String)> {
    answers
        .iter()
        .map(|(s, a)| ((*s).to_owned(), (*a).to_owned()))
        .collect()
}

#[tokio::test]
async fn each_board_member_estimates_apart_and_only_while_the_scan_is_open() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "leider@x.example").await;
        let henk = person(&store, "b-henk@x.example").await;
        let anna = person(&store, "a-anna@x.example").await;
        let (id, _, _) = scan(&store, owner).await;
        done(save(&store, henk, id, "a-1", "eens").await);
        done(save(&store, henk, id, "a-1", "oneens").await);
        done(save(&store, henk, id, "b-2", "weet-ik-niet").await);
        done(save(&store, anna, id, "a-1", "helemaal-eens").await);
        // Taking back what is not there is no refusal.
        done(save(&store, anna, id, "c-9", "").await);
        assert_eq!(
            store.board_estimate(id, henk).await.unwrap(),
            pairs(&[("a-1", "oneens"), ("b-2", "weet-ik-niet")])
        );
        done(save(&store, henk, id, "b-2", "").await);
        assert_eq!(
            store.board_estimate(id, henk).await.unwrap(),
            pairs(&[("a-1", "oneens")])
        );
        // Neither the owner's estimate nor anyone else's is touched.
        assert!(store.scan_estimate(id).await.unwrap().is_empty());
        assert_eq!(
            store.board_estimate(id, anna).await.unwrap(),
            pairs(&[("a-1", "helemaal-eens")])
        );
        assert_eq!(
            save(&store, henk, id + 99, "a-1", "eens").await,
            Change::NotFound
        );

        // For the release: everyone's, by name.
        let all = store.board_estimates(id).await.unwrap();
        let names: Vec<(&str, PersonId)> =
            all.iter().map(|e| (e.name.as_str(), e.person)).collect();
        assert_eq!(
            names,
            [("a-anna@x.example", anna), ("b-henk@x.example", henk)]
        );
        assert_eq!(all[1].answers, pairs(&[("a-1", "oneens")]));

        // Closed for release: nothing changes any more, and the rows stay.
        done(store.close_scan(owner, id).await.unwrap());
        assert_eq!(
            save(&store, henk, id, "a-1", "eens").await,
            Change::WrongState
        );
        assert_eq!(save(&store, henk, id, "a-1", "").await, Change::WrongState);
        assert_eq!(
            save(&store, henk, id, "b-1", "eens").await,
            Change::WrongState
        );
        assert_eq!(store.board_estimates(id).await.unwrap(), all);
        done(store.release_scan(owner, id, 0, "{}", 500).await.unwrap());
        assert_eq!(
            save(&store, anna, id, "a-1", "eens").await,
            Change::WrongState
        );
        assert_eq!(store.board_estimates(id).await.unwrap(), all);
        store.close().await;
    }
}

#[tokio::test]
async fn a_board_member_lists_the_scans_of_others_in_their_organisation() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "leider@x.example").await;
        let board = person(&store, "bestuur@x.example").await;
        let (id, organisation, _) = scan(&store, owner).await;
        // The board member's own scan in the same organisation, and a scan of another.
        let own = scan_of(&store, board, organisation, "share-own").await;
        let other = store.create_organisation("Elders", owner, 1).await.unwrap();
        let elsewhere = scan_of(&store, owner, other, "share-elders").await;
        assert!(own != id && elsewhere != id);
        done(save(&store, board, id, "a-1", "eens").await);
        done(save(&store, board, id, "a-2", "oneens").await);
        // Another board member's estimate counts for them only.
        let colleague = person(&store, "collega@x.example").await;
        done(save(&store, colleague, id, "a-2", "oneens").await);
        let listed = store.board_scans(organisation, board).await.unwrap();
        let ids: Vec<i64> = listed.iter().map(|s| s.scan.id).collect();
        assert_eq!(ids, [id]);
        assert_eq!((listed[0].answered, listed[0].estimated), (0, 2));
        // Seen from the owner's side: only the board member's scan.
        let theirs = store.board_scans(organisation, owner).await.unwrap();
        let ids: Vec<i64> = theirs.iter().map(|s| s.scan.id).collect();
        assert_eq!(ids, [own]);
        assert_eq!(theirs[0].estimated, 0);
        store.close().await;
    }
}

#[tokio::test]
async fn a_board_members_estimates_are_in_their_export_and_go_with_their_account() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let pool = raw(&database.url).await;
        let owner = person(&store, "leider@x.example").await;
        let board = person(&store, "bestuur@x.example").await;
        let (id, _, _) = scan(&store, owner).await;
        done(save(&store, board, id, "a-1", "eens").await);
        done(save(&store, board, id, "b-1", "oneens").await);
        let data = store.personal_data(board).await.unwrap().unwrap();
        assert_eq!(data.space_scan_board_estimates.len(), 1);
        let exported = &data.space_scan_board_estimates[0];
        assert_eq!(
            (exported.scan_id, exported.title.as_str()),
            (id, "Teamscan 2026")
        );
        assert_eq!(
            exported.answers,
            pairs(&[("a-1", "eens"), ("b-1", "oneens")])
        );
        // The owner's export holds their own scan, not the board member's answers.
        let owners = store.personal_data(owner).await.unwrap().unwrap();
        assert!(owners.space_scan_board_estimates.is_empty());

        // Released results can be written again (a departed estimator taken out).
        done(store.close_scan(owner, id).await.unwrap());
        done(store.release_scan(owner, id, 0, "{}", 500).await.unwrap());
        assert!(store.replace_scan_results(id, r#"{"x":1}"#).await.unwrap());
        assert_eq!(
            store.scan_results(id).await.unwrap(),
            Some((500, r#"{"x":1}"#.to_owned()))
        );
        assert!(!store.replace_scan_results(id + 99, "{}").await.unwrap());

        store.erase_person(board).await.unwrap();
        assert_eq!(count(&pool, "space_scan_board_estimates").await, 0);
        assert!(store.board_estimates(id).await.unwrap().is_empty());
        store.close().await;
    }
}
