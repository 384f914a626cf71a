//! 360° feedback in the store, on every backend: a round's life from concept to stored
//! report here; groups and links only changed by their leader and only in the states that
//! allow it, and counts (never names) of who answered, in [`setup`]; submitting and
//! releasing, and what they leave in the tables, in [`submit`]; the self-rating, erasure and
//! the export in [`erasure`].

use leidraad_domain::accounts::PersonId;
use leidraad_store::Store;
use leidraad_store::accounts::NewPerson;
use leidraad_store::feedback::{Change, NewGroup, NewLink, NewRound, RoundState};
use leidraad_store::test_support::backends;
use sqlx::{AnyPool, AssertSqlSafe, Row};

use crate::fresh_store;

mod erasure;
mod setup;
mod submit;

pub(crate) async fn person(store: &Store, email: &str) -> PersonId {
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

fn cards() -> Vec<String> {
    (1..=80).map(|n| format!("kaart-{n:02}")).collect()
}

fn group(kind: &str) -> NewGroup<'_> {
    NewGroup {
        kind,
        label: None,
        threshold: 3,
        comment_threshold: 3,
        identifiable: false,
    }
}

fn response_id() -> String {
    format!("{:032x}", fastrand::u128(..))
}

/// Submits `link` under a fresh random response id.
async fn submit(
    store: &Store,
    link: i64,
    answers: Option<&[(String, i64)]>,
    comments: Option<&[(String, String)]>,
) -> Change<()> {
    let id = response_id();
    store.submit(link, &id, answers, comments).await.unwrap()
}

/// A round of `leader` with a team and a colleagues group and `sizes` links in each; the
/// links' token digests are `t<round>-<group index>-<n>`.
struct Round {
    id: i64,
    groups: [i64; 2],
    /// (group index, link id)
    links: Vec<(usize, i64)>,
}

async fn concept(store: &Store, leader: PersonId, sizes: [usize; 2]) -> Round {
    let id = store
        .create_round(&NewRound {
            person: leader,
            organisation: None,
            framework_id: "beroepsstandaard-schoolleiders",
            content_fingerprint: "abc",
            cards: &cards(),
            request: "Hoe zie jij mij?",
            closes_at: 5_000,
            coach: None,
            now: 100,
        })
        .await
        .unwrap();
    let mut groups = [0; 2];
    for (slot, kind) in groups.iter_mut().zip(["team", "collegas"]) {
        let Change::Done(group) = store.add_group(id, leader, &group(kind)).await.unwrap() else {
            panic!("add group");
        };
        *slot = group;
    }
    let mut links = Vec::new();
    for (index, size) in sizes.into_iter().enumerate() {
        for n in 0..size {
            let digest = format!("t{id}-{index}-{n}");
            let link = NewLink {
                group: groups[index],
                token_digest: &digest,
                email: Some("rater@x.example"),
                name: "",
                now: 110,
            };
            let Change::Done(link) = store.add_link(id, leader, &link).await.unwrap() else {
                panic!("add link");
            };
            links.push((index, link));
        }
    }
    Round { id, groups, links }
}

async fn open(store: &Store, leader: PersonId, sizes: [usize; 2]) -> Round {
    let round = concept(store, leader, sizes).await;
    let opened = store
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
    assert_eq!(opened, Change::Done(()));
    round
}

/// A plain connection to the test database, to look at the tables themselves.
pub(crate) async fn raw(url: &str) -> AnyPool {
    AnyPool::connect(url).await.unwrap()
}

pub(crate) async fn count(pool: &AnyPool, sql: &str) -> i64 {
    let row = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*) AS n FROM {sql}")))
        .fetch_one(pool)
        .await
        .unwrap();
    row.try_get("n").unwrap()
}

#[tokio::test]
async fn a_round_lives_from_concept_through_approval_to_a_stored_report() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let coach = person(&store, "coach@x.example").await;
        let round = concept(&store, leader, [3, 0]).await;
        let setup = store
            .update_round_setup(round.id, leader, "Wat zie je?", 6_000, Some(coach))
            .await
            .unwrap();
        assert_eq!(setup, Change::Done(()), "{backend:?}");
        let (concept_, waiting, open_) = (
            RoundState::Concept,
            RoundState::AwaitingApproval,
            RoundState::Open,
        );
        let to_coach = store.set_state(round.id, leader, concept_, waiting, None, 150);
        assert_eq!(to_coach.await.unwrap(), Change::Done(()));
        assert_eq!(store.rounds_for_coach(coach).await.unwrap().len(), 1);
        let self_approved = store.set_state(round.id, leader, waiting, open_, None, 160);
        assert_eq!(self_approved.await.unwrap(), Change::WrongState);
        let sent_back = store.set_state(round.id, coach, waiting, concept_, Some("Meer"), 170);
        assert_eq!(sent_back.await.unwrap(), Change::Done(()));
        assert_eq!(
            store.round(round.id).await.unwrap().unwrap().coach_note,
            "Meer"
        );
        store
            .set_state(round.id, leader, concept_, waiting, None, 180)
            .await
            .unwrap();
        let approved = store.set_state(round.id, coach, waiting, open_, None, 200);
        assert_eq!(approved.await.unwrap(), Change::Done(()));
        let again = store.set_state(round.id, coach, waiting, open_, None, 201);
        assert_eq!(
            again.await.unwrap(),
            Change::WrongState,
            "a compare-and-set"
        );
        let record = store.round(round.id).await.unwrap().unwrap();
        assert_eq!(
            (record.state, record.opened_at, record.closes_at),
            (open_, Some(200), 6_000)
        );
        assert_eq!(record.cards, cards());
        assert!(store.rounds_for_coach(coach).await.unwrap().is_empty());

        let link_ids: Vec<i64> = round.links.iter().map(|(_, link)| *link).collect();
        store.mark_invited(&link_ids, 210).await.unwrap();
        let view = store
            .link_by_digest(&format!("t{}-0-0", round.id))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (view.id, view.group_id, view.answered, view.state),
            (link_ids[0], round.groups[0], false, open_)
        );
        assert_eq!(store.link_by_digest("t-9-9").await.unwrap(), None);
        let reading = store
            .rater_link(&format!("t{}-0-0", round.id), "adres", 0)
            .await
            .unwrap();
        let (found, with_round) = reading.found.unwrap();
        assert_eq!((found, reading.guesses), (view.clone(), 0));
        assert_eq!(with_round, record);
        store.record_sign_in_failure(&["adres"], 205).await.unwrap();
        store.record_sign_in_failure(&["adres"], 206).await.unwrap();
        let unknown = store.rater_link("t-9-9", "adres", 205).await.unwrap();
        assert_eq!((unknown.found.is_none(), unknown.guesses), (true, 1));
        for (n, link) in link_ids.iter().enumerate() {
            let saved = store.save_draft_answer(*link, "kaart-01", 3).await.unwrap();
            assert_eq!(saved, Change::Done(()));
            let comment = format!("Opmerking {n}");
            store.save_draft_comment(*link, "", &comment).await.unwrap();
            assert_eq!(submit(&store, *link, None, None).await, Change::Done(()));
        }
        store
            .save_self_answer(round.id, leader, "kaart-01", Some(4))
            .await
            .unwrap();
        let responses = store.responses_of(round.id).await.unwrap();
        assert_eq!(responses.len(), 3);
        assert!(responses.iter().all(|r| r.group_id == round.groups[0]
            && r.answers == [("kaart-01".to_owned(), 3)]
            && r.comments.len() == 1));

        assert!(store.rounds_due(5_999).await.unwrap().is_empty());
        assert_eq!(store.rounds_due(6_000).await.unwrap(), [round.id]);
        let unreleased = store.report_reading(round.id).await.unwrap().unwrap();
        assert_eq!(unreleased.report, None);
        let released = store.release(round.id, None, "{\"groups\":[]}", 3, 6_000);
        assert_eq!(released.await.unwrap(), Change::Done(()));
        assert_eq!(
            store.report_of(round.id).await.unwrap(),
            Some((6_000, "{\"groups\":[]}".to_owned()))
        );
        let record = store.round(round.id).await.unwrap().unwrap();
        assert_eq!(
            (record.state, record.closed_at),
            (RoundState::Closed, Some(6_000))
        );
        assert!(store.rounds_due(9_999).await.unwrap().is_empty());
        assert_eq!(
            store.self_answers(round.id).await.unwrap(),
            [("kaart-01".to_owned(), 4)],
            "the self-rating stays"
        );

        let viewer = person(&store, "kijker@x.example").await;
        let shared = store.share_round(round.id, leader, viewer, 6_100);
        assert_eq!(shared.await.unwrap(), Change::Done(()));
        let reading = store.report_reading(round.id).await.unwrap().unwrap();
        assert_eq!(reading.round, record);
        assert_eq!(reading.report, Some((6_000, "{\"groups\":[]}".to_owned())));
        assert_eq!(reading.viewers.len(), 1);
        assert_eq!(reading.viewers[0].0, viewer);
        let names = store.person(leader).await.unwrap().unwrap().name;
        assert_eq!(reading.leader_name, names);
        assert_eq!(
            store
                .report_reading(round.id + 1000)
                .await
                .unwrap()
                .map(|r| r.round),
            None
        );
        let seen = store.rounds_shared_with(viewer).await.unwrap();
        assert_eq!(seen.len(), 1);
        assert!(store.unshare_round(round.id, leader, viewer).await.unwrap());
        assert!(store.rounds_shared_with(viewer).await.unwrap().is_empty());
        store.close().await;
    }
}
