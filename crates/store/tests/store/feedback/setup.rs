//! A round's setup, on every backend: groups and links change only while a concept (links
//! while open too), only by the round's leader; the leader counts answers per group and never
//! learns whose.

use leidraad_store::StoreError;
use leidraad_store::feedback::{Change, NewLink, RoundState};
use leidraad_store::test_support::backends;

use super::{concept, count, group, open, person, raw, submit};
use crate::fresh_store;

#[tokio::test]
async fn groups_and_links_change_only_while_a_concept_and_a_merge_moves_the_links() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = concept(&store, leader, [2, 1]).await;
        let [team, colleagues] = round.groups;
        let merged = store.merge_groups(round.id, leader, team, colleagues);
        assert_eq!(merged.await.unwrap(), Change::Done(()), "{backend:?}");
        let groups = store.groups_of(round.id).await.unwrap();
        assert_eq!(groups.len(), 1);
        assert_eq!(store.progress(round.id).await.unwrap(), [(team, 3, 0)]);
        let gone = store.merge_groups(round.id, leader, team, colleagues);
        assert_eq!(gone.await.unwrap(), Change::NotFound);
        let board = store.add_group(round.id, leader, &group("bestuur")).await;
        let Change::Done(board) = board.unwrap() else {
            panic!("add group");
        };
        assert_eq!(store.groups_of(round.id).await.unwrap()[1].position, 1);
        let (_, first) = round.links[0];
        let removed = store.remove_link(round.id, leader, first);
        assert_eq!(removed.await.unwrap(), Change::Done(()));
        assert_eq!(store.links_of(round.id).await.unwrap().len(), 2);

        store
            .set_state(
                round.id,
                leader,
                RoundState::Concept,
                RoundState::Open,
                None,
                200,
            )
            .await
            .unwrap();
        let late_group = store.add_group(round.id, leader, &group("eigen")).await;
        assert_eq!(late_group.unwrap(), Change::WrongState);
        let (_, second) = round.links[1];
        let late_remove = store.remove_link(round.id, leader, second);
        assert_eq!(late_remove.await.unwrap(), Change::WrongState);
        let late_group_removal = store.remove_group(round.id, leader, board);
        assert_eq!(late_group_removal.await.unwrap(), Change::WrongState);
        let more = NewLink {
            group: board,
            token_digest: "later",
            email: None,
            name: "Bea",
            now: 300,
        };
        let added = store.add_link(round.id, leader, &more).await.unwrap();
        assert!(
            matches!(added, Change::Done(_)),
            "an open round takes more raters"
        );
        let taken = store.add_link(round.id, leader, &more).await;
        assert!(matches!(taken, Err(StoreError::Conflict)));
        store.close().await;
    }
}

#[tokio::test]
async fn another_persons_round_cannot_be_changed() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let other = person(&store, "ander@x.example").await;
        let round = concept(&store, leader, [2, 1]).await;
        let [team, colleagues] = round.groups;
        let (_, link) = round.links[0];
        let link_to = NewLink {
            group: team,
            token_digest: "stolen",
            email: None,
            name: "",
            now: 1,
        };
        let (concept_, open_) = (RoundState::Concept, RoundState::Open);
        let refusals = [
            store
                .update_round_setup(round.id, other, "x", 1, None)
                .await
                .unwrap(),
            store
                .add_group(round.id, other, &group("eigen"))
                .await
                .unwrap()
                .map(drop),
            store.remove_group(round.id, other, team).await.unwrap(),
            store
                .merge_groups(round.id, other, team, colleagues)
                .await
                .unwrap(),
            store
                .add_link(round.id, other, &link_to)
                .await
                .unwrap()
                .map(drop),
            store.remove_link(round.id, other, link).await.unwrap(),
            store
                .set_state(round.id, other, concept_, open_, None, 1)
                .await
                .unwrap(),
            store
                .save_self_answer(round.id, other, "kaart-01", Some(1))
                .await
                .unwrap(),
            store
                .copy_self_from_reflection(round.id, other, 1)
                .await
                .unwrap()
                .map(drop),
            store
                .release(round.id, Some(other), "{}", 0, 1)
                .await
                .unwrap(),
            store.share_round(round.id, other, other, 1).await.unwrap(),
        ];
        for (n, refusal) in refusals.into_iter().enumerate() {
            assert_eq!(refusal, Change::NotFound, "{backend:?} #{n}");
        }
        assert!(!store.unshare_round(round.id, other, leader).await.unwrap());
        store
            .set_state(round.id, leader, concept_, open_, None, 200)
            .await
            .unwrap();
        let theirs = store.release(round.id, Some(other), "{}", 0, 300);
        assert_eq!(theirs.await.unwrap(), Change::NotFound);
        let record = store.round(round.id).await.unwrap().unwrap();
        assert_eq!(
            (record.request.as_str(), record.state),
            ("Hoe zie jij mij?", open_)
        );
        assert_eq!(store.groups_of(round.id).await.unwrap().len(), 2);
        assert_eq!(store.links_of(round.id).await.unwrap().len(), 3);
        assert!(store.self_answers(round.id).await.unwrap().is_empty());
        store.close().await;
    }
}

#[tokio::test]
async fn the_leader_counts_answers_per_group_but_never_sees_whose() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [3, 2]).await;
        let submitted = [round.links[0].1, round.links[2].1, round.links[4].1];
        for link in submitted {
            submit(&store, link, None, None).await;
        }
        let [team, colleagues] = round.groups;
        assert_eq!(
            store.progress(round.id).await.unwrap(),
            [(team, 3, 2), (colleagues, 2, 1)],
            "{backend:?}"
        );
        let summary = &store.rounds_of(leader).await.unwrap()[0];
        assert_eq!((summary.invited, summary.answered), (5, 3));
        let unanswered: Vec<i64> = store
            .unanswered_links(round.id)
            .await
            .unwrap()
            .iter()
            .map(|link| link.id)
            .collect();
        assert_eq!(unanswered, [round.links[1].1, round.links[3].1]);

        for (n, (_, link)) in round.links.iter().enumerate() {
            let digest = format!("eerste-{n}");
            assert!(store.issue_link(*link, &digest, 600).await.unwrap());
        }
        for (n, link) in unanswered.iter().enumerate() {
            let digest = format!("herinnering-{n}");
            assert!(store.issue_link(*link, &digest, 700).await.unwrap());
        }
        assert!(!store.issue_link(9_999, "niemand", 700).await.unwrap());
        assert_eq!(store.link_by_digest("eerste-1").await.unwrap(), None);
        let reminded = store.link_by_digest("herinnering-0").await.unwrap();
        assert_eq!(reminded.map(|view| view.id), Some(unanswered[0]));
        store.mark_reminded(round.id, 700).await.unwrap();
        let links = store.links_of(round.id).await.unwrap();
        assert_eq!(links.len(), 5);
        assert!(
            links
                .iter()
                .all(|link| link.reminded_at == Some(700) && link.invited_at == Some(600)),
            "every link carries the reminder and its first invitation, answered or not"
        );
        let pool = raw(&database.url).await;
        let answered = "feedback_links WHERE answered = 1";
        assert_eq!(count(&pool, answered).await, 3);
        pool.close().await;
        store.close().await;
    }
}
