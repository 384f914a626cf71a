//! Submitting and releasing, on every backend, checked in the tables themselves: a response
//! names no link and the draft is gone; a link submits once, and never after release;
//! release leaves no response and no draft of the round behind.

use leidraad_store::StoreError;
use leidraad_store::feedback::{Change, RoundState};
use leidraad_store::test_support::backends;
use leidraad_store::{Backend, Store};
use sqlx::{AnyPool, AssertSqlSafe, Row};

use super::{cards, concept, count, open, person, raw, response_id, submit};
use crate::fresh_store;

/// The columns of a table, by name.
async fn columns(pool: &AnyPool, backend: Backend, table: &str) -> Vec<String> {
    let sql = match backend {
        Backend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}') ORDER BY name"),
        Backend::Postgres => format!(
            "SELECT CAST(column_name AS TEXT) AS name FROM information_schema.columns \
             WHERE table_name = '{table}' ORDER BY name"
        ),
    };
    sqlx::query(AssertSqlSafe(sql))
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get("name").unwrap())
        .collect()
}

/// Every answer of an 80-card form, the first card answered 4 (it was 2 in the draft).
fn form() -> Vec<(String, i64)> {
    cards()
        .into_iter()
        .enumerate()
        .map(|(n, card)| (card, if n == 0 { 4 } else { (n % 5) as i64 }))
        .collect()
}

#[tokio::test]
async fn a_submitted_form_leaves_nothing_that_leads_back_to_its_link() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [3, 0]).await;
        let (_, link) = round.links[1];
        store.save_draft_answer(link, "kaart-01", 2).await.unwrap();
        store.save_draft_comment(link, "", "Eerst").await.unwrap();
        store
            .save_draft_comment(link, "visie", "Was")
            .await
            .unwrap();
        let comments = [
            ("visie".to_owned(), "Anders".to_owned()),
            ("leiderschap".to_owned(), String::new()),
        ];
        let id = response_id();
        let form = form();
        let submitted = store.submit(link, &id, Some(&form), Some(&comments)).await;
        assert_eq!(submitted.unwrap(), Change::Done(()), "{backend:?}");

        let pool = raw(&database.url).await;
        let expected: [(&str, &[&str]); 3] = [
            ("feedback_responses", &["group_id", "id", "round_id"]),
            (
                "feedback_response_answers",
                &["answer", "card_id", "response_id"],
            ),
            (
                "feedback_response_comments",
                &["domain_id", "response_id", "text"],
            ),
        ];
        for (table, names) in expected {
            assert_eq!(columns(&pool, backend, table).await, names, "{table}");
            if backend == Backend::Sqlite {
                let rowid = sqlx::query(AssertSqlSafe(format!("SELECT rowid FROM {table}")))
                    .fetch_all(&pool)
                    .await;
                assert!(rowid.is_err(), "{table} is WITHOUT ROWID");
            }
        }
        let row = sqlx::query("SELECT id, round_id, group_id FROM feedback_responses")
            .fetch_one(&pool)
            .await
            .unwrap();
        let stored: (String, i64, i64) = (
            row.try_get("id").unwrap(),
            row.try_get("round_id").unwrap(),
            row.try_get("group_id").unwrap(),
        );
        assert_eq!(stored, (id.clone(), round.id, round.groups[0]));
        for table in ["feedback_drafts", "feedback_draft_comments"] {
            let drafts = format!("{table} WHERE link_id = {link}");
            assert_eq!(count(&pool, &drafts).await, 0, "{table}");
        }
        assert_eq!(count(&pool, "feedback_response_answers").await, 80);
        let answered = format!("feedback_links WHERE id = {link} AND answered = 1");
        assert_eq!(count(&pool, &answered).await, 1);
        pool.close().await;

        let responses = store.responses_of(round.id).await.unwrap();
        assert_eq!(responses.len(), 1);
        assert_eq!(responses[0].answers, form, "the form's answer wins");
        assert_eq!(
            responses[0].comments,
            [
                (String::new(), "Eerst".to_owned()),
                ("visie".to_owned(), "Anders".to_owned())
            ],
            "an empty comment is no comment"
        );
        let view = store
            .link_by_digest(&format!("t{}-0-1", round.id))
            .await
            .unwrap()
            .unwrap();
        assert!(view.answered);
        let (_, another) = round.links[2];
        let taken = store.submit(another, &id, None, None).await;
        assert!(matches!(taken, Err(StoreError::Conflict)), "{taken:?}");
        let retried = submit(&store, another, None, None).await;
        assert_eq!(retried, Change::Done(()), "the refusal rolled back");
        store.close().await;
    }
}

#[tokio::test]
async fn a_link_submits_once_and_never_after_release() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [2, 0]).await;
        let [(_, first), (_, second)] = round.links[..] else {
            panic!("two links");
        };
        store
            .save_draft_answer(second, "kaart-02", 1)
            .await
            .unwrap();
        let once = submit(&store, first, Some(&form()), None).await;
        assert_eq!(once, Change::Done(()), "{backend:?}");
        let twice = submit(&store, first, Some(&form()), None).await;
        assert_eq!(twice, Change::AlreadySubmitted);
        let late = [
            store.save_draft_answer(first, "kaart-01", 1).await.unwrap(),
            store.delete_draft_answer(first, "kaart-01").await.unwrap(),
            store.save_draft_comment(first, "", "Nog").await.unwrap(),
        ];
        assert_eq!(late, [Change::AlreadySubmitted; 3]);
        assert_eq!(store.responses_of(round.id).await.unwrap().len(), 1);

        let stale = store.release(round.id, Some(leader), "{}", 0, 900);
        assert_eq!(stale.await.unwrap(), Change::ResponsesChanged);
        let record = store.round(round.id).await.unwrap().unwrap();
        assert_eq!(record.state, RoundState::Open, "nothing changed");
        let released = store.release(round.id, Some(leader), "{}", 1, 900);
        assert_eq!(released.await.unwrap(), Change::Done(()));

        let after = submit(&store, second, Some(&form()), None).await;
        assert_eq!(after, Change::WrongState);
        let closed = [
            store
                .save_draft_answer(second, "kaart-01", 1)
                .await
                .unwrap(),
            store.delete_draft_answer(second, "kaart-02").await.unwrap(),
            store.save_draft_comment(second, "", "Nog").await.unwrap(),
        ];
        assert_eq!(closed, [Change::WrongState; 3]);
        assert_eq!(
            submit(&store, first, None, None).await,
            Change::AlreadySubmitted
        );
        let again = store.release(round.id, None, "{}", 0, 901);
        assert_eq!(again.await.unwrap(), Change::WrongState);
        assert_eq!(store.report_of(round.id).await.unwrap().unwrap().0, 900);
        assert_eq!(submit(&store, 9_999, None, None).await, Change::NotFound);
        store.close().await;
    }
}

#[tokio::test]
async fn a_draft_is_written_only_while_the_round_is_open() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = concept(&store, leader, [1, 0]).await;
        let (_, link) = round.links[0];
        let early = store.save_draft_answer(link, "kaart-01", 1);
        assert_eq!(early.await.unwrap(), Change::WrongState, "{backend:?}");
        let early = submit(&store, link, None, None).await;
        assert_eq!(early, Change::WrongState);
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
        for (card, answer) in [("kaart-01", 1), ("kaart-02", 0), ("kaart-01", 3)] {
            let saved = store.save_draft_answer(link, card, answer).await.unwrap();
            assert_eq!(saved, Change::Done(()));
        }
        store
            .save_draft_comment(link, "visie", "Goed")
            .await
            .unwrap();
        store
            .save_draft_comment(link, "", "Algemeen")
            .await
            .unwrap();
        store.save_draft_comment(link, "", "").await.unwrap();
        let gone = store.delete_draft_answer(link, "kaart-02").await.unwrap();
        assert_eq!(gone, Change::Done(()));
        let draft = store.draft_of(link).await.unwrap();
        assert_eq!(draft.answers, [("kaart-01".to_owned(), 3)]);
        assert_eq!(draft.comments, [("visie".to_owned(), "Goed".to_owned())]);
        let nobody = store.save_draft_answer(9_999, "kaart-01", 1);
        assert_eq!(nobody.await.unwrap(), Change::NotFound);
        store.close().await;
    }
}

#[tokio::test]
async fn release_deletes_every_response_and_draft_of_the_round_and_no_other() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let neighbour = person(&store, "buur@x.example").await;
        let round = open(&store, leader, [2, 1]).await;
        let other = open(&store, neighbour, [2, 0]).await;
        for kept in [round, other] {
            let [(_, submitted), (_, drafting), ..] = kept.links[..] else {
                panic!("two links");
            };
            let comment = [("visie".to_owned(), "Tekst".to_owned())];
            let done = submit(&store, submitted, Some(&form()), Some(&comment)).await;
            assert_eq!(done, Change::Done(()), "{backend:?}");
            store
                .save_draft_answer(drafting, "kaart-01", 2)
                .await
                .unwrap();
            store
                .save_draft_comment(drafting, "", "Half")
                .await
                .unwrap();
        }
        let round = store.rounds_of(leader).await.unwrap()[0].round.id;
        let released = store.release(round, Some(leader), "{\"groups\":[]}", 1, 900);
        assert_eq!(released.await.unwrap(), Change::Done(()));

        let pool = raw(&database.url).await;
        let left = [
            ("feedback_responses", 1),
            ("feedback_response_answers", 80),
            ("feedback_response_comments", 1),
            ("feedback_drafts", 1),
            ("feedback_draft_comments", 1),
        ];
        for (table, rows) in left {
            assert_eq!(
                count(&pool, table).await,
                rows,
                "only the other round's: {table}"
            );
        }
        let ours = format!("feedback_responses WHERE round_id = {round}");
        assert_eq!(count(&pool, &ours).await, 0);
        pool.close().await;
        assert!(store.responses_of(round).await.unwrap().is_empty());
        assert_eq!(
            store.progress(round).await.unwrap()[0].2,
            1,
            "the counts stay"
        );
        store.close().await;
    }
}

#[tokio::test]
async fn a_link_submitted_twice_at_once_is_submitted_once() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [1, 0]).await;
        let (_, link) = round.links[0];
        let once = |store: Store| async move { submit(&store, link, Some(&form()), None).await };
        let (a, b) = tokio::join!(
            tokio::spawn(once(store.clone())),
            tokio::spawn(once(store.clone()))
        );
        let mut outcomes = [a.unwrap(), b.unwrap()];
        outcomes.sort_by_key(|change| *change == Change::Done(()));
        assert_eq!(
            outcomes,
            [Change::AlreadySubmitted, Change::Done(())],
            "{backend:?}"
        );
        assert_eq!(store.responses_of(round.id).await.unwrap().len(), 1);
        store.close().await;
    }
}

/// Submissions that arrive together are committed together; one that fails is undone alone
/// and its neighbours are submitted.
#[tokio::test]
async fn a_submission_that_fails_in_a_group_fails_alone() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [4, 0]).await;
        let links: Vec<i64> = round.links.iter().map(|(_, link)| *link).collect();
        let taken = response_id();
        store.submit(links[0], &taken, None, None).await.unwrap();
        store
            .save_draft_answer(links[2], "kaart-01", 2)
            .await
            .unwrap();
        let form = [("kaart-01".to_owned(), 3)];
        let (one, three) = (response_id(), response_id());
        let (first, clash, last) = tokio::join!(
            store.submit(links[1], &one, Some(&form), None),
            store.submit(links[2], &taken, Some(&form), None),
            store.submit(links[3], &three, Some(&form), None),
        );
        assert_eq!(first.unwrap(), Change::Done(()), "{backend:?}");
        assert!(matches!(clash, Err(StoreError::Conflict)), "{clash:?}");
        assert_eq!(last.unwrap(), Change::Done(()), "{backend:?}");
        assert_eq!(store.responses_of(round.id).await.unwrap().len(), 3);
        let kept = store.draft_of(links[2]).await.unwrap();
        assert_eq!(kept.answers, [("kaart-01".to_owned(), 2)], "{backend:?}");
        let again = submit(&store, links[2], None, None).await;
        assert_eq!(again, Change::Done(()), "the link is still unanswered");
        store.close().await;
    }
}

/// A group holds submissions of every kind at once: a whole form over a draft, a draft
/// alone, and a link that answered before; each ends as if it had come alone.
#[tokio::test]
async fn submissions_of_every_kind_in_one_group_end_as_if_alone() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let leader = person(&store, "leider@x.example").await;
        let round = open(&store, leader, [3, 0]).await;
        let links: Vec<i64> = round.links.iter().map(|(_, link)| *link).collect();
        assert_eq!(submit(&store, links[0], None, None).await, Change::Done(()));
        for link in &links[1..] {
            store.save_draft_answer(*link, "kaart-01", 1).await.unwrap();
            store.save_draft_answer(*link, "kaart-02", 2).await.unwrap();
            store
                .save_draft_comment(*link, "", "Uit het concept")
                .await
                .unwrap();
            store
                .save_draft_comment(*link, "visie", "Weg")
                .await
                .unwrap();
        }
        let form = [("kaart-02".to_owned(), 4), ("kaart-03".to_owned(), 0)];
        let comments = [("visie".to_owned(), String::new())];
        let ids = [response_id(), response_id(), response_id()];
        let (again, whole, drafted) = tokio::join!(
            store.submit(links[0], &ids[0], None, None),
            store.submit(links[1], &ids[1], Some(&form), Some(&comments)),
            store.submit(links[2], &ids[2], None, None),
        );
        assert_eq!(again.unwrap(), Change::AlreadySubmitted, "{backend:?}");
        assert_eq!(whole.unwrap(), Change::Done(()), "{backend:?}");
        assert_eq!(drafted.unwrap(), Change::Done(()), "{backend:?}");
        let mut responses = store.responses_of(round.id).await.unwrap();
        assert_eq!(responses.len(), 3);
        responses.retain(|r| !r.answers.is_empty());
        responses.sort_by_key(|r| r.answers.len());
        let answers = |list: &[(&str, i64)]| -> Vec<(String, i64)> {
            list.iter().map(|(c, a)| ((*c).to_owned(), *a)).collect()
        };
        assert_eq!(
            responses[0].answers,
            answers(&[("kaart-01", 1), ("kaart-02", 2)])
        );
        assert_eq!(responses[0].comments.len(), 2, "{backend:?}");
        let mut whole_answers = responses[1].answers.clone();
        whole_answers.sort();
        assert_eq!(
            whole_answers,
            answers(&[("kaart-01", 1), ("kaart-02", 4), ("kaart-03", 0)]),
            "the form's answer wins, the draft's others stay"
        );
        assert_eq!(
            responses[1].comments,
            [(String::new(), "Uit het concept".to_owned())],
            "an emptied comment is no comment"
        );
        for link in &links[1..] {
            let draft = store.draft_of(*link).await.unwrap();
            assert!(draft.answers.is_empty() && draft.comments.is_empty());
        }
        store.close().await;
    }
}
