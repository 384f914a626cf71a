//! Development plans in the store, on every backend: one plan per person and school year, at
//! most three themes (a fourth is refused, and a freed place is used again), a text saved only
//! over what the writer saw, items and shares that only the owner changes, and erasure.

use leidraad_store::plans::{Change, ItemFields, ItemKind, NewTheme, ThemeFields};
use leidraad_store::test_support::backends;

use crate::feedback::{count, person, raw};
use crate::fresh_store;

fn theme<'a>(title: &'a str, cards: &'a [String]) -> NewTheme<'a> {
    NewTheme {
        title,
        goal: "",
        monitoring: "",
        status: "planned",
        source_kind: "blind-spot",
        source_id: Some(7),
        source_item: "kaart-1",
        cards,
    }
}

#[tokio::test]
async fn a_plan_holds_three_themes_and_only_its_owner_changes_them() {
    for backend in backends() {
        let (store, database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let other = person(&store, "ander@x.example").await;
        let plan = store
            .ensure_plan(owner, 2026, "schoolleider", 10)
            .await
            .unwrap();
        assert_eq!(
            store
                .ensure_plan(owner, 2026, "schoolleider", 20)
                .await
                .unwrap(),
            plan,
            "one plan per school year"
        );
        let cards = vec!["a-1".to_owned(), "a-2".to_owned()];
        let mut ids = Vec::new();
        for title in ["Een", "Twee", "Drie"] {
            match store
                .add_theme(owner, plan.id, &theme(title, &cards), 30)
                .await
                .unwrap()
            {
                Change::Done(id) => ids.push(id),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(
            store
                .add_theme(owner, plan.id, &theme("Vier", &cards), 40)
                .await
                .unwrap(),
            Change::Full
        );
        assert_eq!(
            store
                .add_theme(other, plan.id, &theme("Van een ander", &cards), 40)
                .await
                .unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store.delete_theme(other, ids[1], 50).await.unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store.delete_theme(owner, ids[1], 50).await.unwrap(),
            Change::Done(())
        );
        let again = store
            .add_theme(owner, plan.id, &theme("Weer twee", &[]), 60)
            .await
            .unwrap();
        let Change::Done(again) = again else {
            panic!("{again:?}")
        };
        let full = store.full_plan(plan.id).await.unwrap().unwrap();
        let titles: Vec<&str> = full.themes.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Een", "Weer twee", "Drie"],
            "the freed place is used again"
        );
        assert_eq!(full.themes[0].cards, cards);
        assert_eq!(full.themes[0].source_kind, "blind-spot");
        assert_eq!(full.themes[0].source_id, Some(7));
        assert_eq!(full.plan.updated_at, 60);

        let new_cards = vec!["b-1".to_owned()];
        let fields = ThemeFields {
            title: Some("Een, scherper"),
            status: Some("underway"),
            cards: Some(&new_cards),
        };
        assert_eq!(
            store
                .update_theme(other, ids[0], &fields, 70)
                .await
                .unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store
                .update_theme(owner, ids[0], &fields, 70)
                .await
                .unwrap(),
            Change::Done(())
        );
        let (found_plan, found) = store.theme(ids[0]).await.unwrap().unwrap();
        assert_eq!(found_plan.id, plan.id);
        assert_eq!(
            (found.title.as_str(), found.status.as_str()),
            ("Een, scherper", "underway")
        );
        assert_eq!(found.cards, new_cards);
        assert_eq!(store.theme(again + 1000).await.unwrap(), None);

        let pool = raw(&database.url).await;
        assert_eq!(count(&pool, "plan_theme_cards").await, 3);
        store.erase_person(owner).await.unwrap();
        assert_eq!(count(&pool, "development_plans").await, 0);
        assert_eq!(count(&pool, "plan_themes").await, 0);
        assert_eq!(count(&pool, "plan_theme_cards").await, 0);
        store.close().await;
    }
}

#[tokio::test]
async fn a_text_is_saved_only_over_what_its_writer_saw() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let other = person(&store, "ander@x.example").await;
        let plan = store
            .ensure_plan(owner, 2026, "schoolleider", 10)
            .await
            .unwrap();
        let Change::Done(id) = store
            .add_theme(owner, plan.id, &theme("Een", &[]), 10)
            .await
            .unwrap()
        else {
            panic!()
        };
        let save = |person, base: Option<&'static str>, text: &'static str| {
            let store = store.clone();
            async move {
                store
                    .save_theme_text(person, id, "goal", base, text, 20)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(save(owner, Some(""), "Eerste").await, Change::Done(()));
        assert_eq!(
            save(owner, Some("Eerste"), "Tweede").await,
            Change::Done(())
        );
        // A second tab still holding "Eerste" does not overwrite "Tweede".
        assert_eq!(
            save(owner, Some("Eerste"), "Derde").await,
            Change::TextChanged("Tweede".to_owned())
        );
        // The same save again (a retry after a lost answer) is no conflict.
        assert_eq!(
            save(owner, Some("Eerste"), "Tweede").await,
            Change::Done(())
        );
        assert_eq!(save(owner, None, "Vierde").await, Change::Done(()));
        assert_eq!(save(other, None, "Van een ander").await, Change::NotFound);
        assert_eq!(
            store
                .save_theme_text(owner, id, "title", None, "x", 20)
                .await
                .unwrap(),
            Change::NotFound
        );
        let (_, found) = store.theme(id).await.unwrap().unwrap();
        assert_eq!(found.goal, "Vierde");
        store.close().await;
    }
}

#[tokio::test]
async fn actions_review_moments_and_shares_belong_to_the_owner() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let owner = person(&store, "sanne@x.example").await;
        let coach = person(&store, "coach@x.example").await;
        let plan = store
            .ensure_plan(owner, 2026, "schoolleider", 10)
            .await
            .unwrap();
        let Change::Done(id) = store
            .add_theme(owner, plan.id, &theme("Een", &[]), 10)
            .await
            .unwrap()
        else {
            panic!()
        };
        let action = |text| ItemFields {
            text: Some(text),
            due_on: Some("2027-01-15"),
            done: None,
        };
        let Change::Done(first) = store
            .add_theme_item(owner, id, ItemKind::Action, action("Lezen"), 2, 20)
            .await
            .unwrap()
        else {
            panic!()
        };
        store
            .add_theme_item(owner, id, ItemKind::Action, action("Bezoek"), 2, 20)
            .await
            .unwrap();
        assert_eq!(
            store
                .add_theme_item(owner, id, ItemKind::Action, action("Te veel"), 2, 20)
                .await
                .unwrap(),
            Change::Full
        );
        assert_eq!(
            store
                .add_theme_item(coach, id, ItemKind::ReviewMoment, action("x"), 2, 20)
                .await
                .unwrap(),
            Change::NotFound
        );
        let done = ItemFields {
            done: Some(true),
            ..ItemFields::default()
        };
        assert_eq!(
            store
                .update_theme_item(coach, id, ItemKind::Action, first, done, 30)
                .await
                .unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store
                .update_theme_item(owner, id, ItemKind::Action, first, done, 30)
                .await
                .unwrap(),
            Change::Done(())
        );
        // An item id of the other kind is not found under this one.
        assert_eq!(
            store
                .delete_theme_item(owner, id, ItemKind::ReviewMoment, first)
                .await
                .unwrap(),
            Change::NotFound
        );
        store
            .add_theme_item(
                owner,
                id,
                ItemKind::ReviewMoment,
                action("Halverwege"),
                12,
                20,
            )
            .await
            .unwrap();
        let (_, found) = store.theme(id).await.unwrap().unwrap();
        assert_eq!(found.actions.len(), 2);
        assert!(
            found
                .actions
                .iter()
                .any(|a| a.id == first && a.done && a.text == "Lezen")
        );
        assert_eq!(found.reviews[0].note, "Halverwege");
        assert_eq!(found.reviews[0].due_on, "2027-01-15");

        assert_eq!(
            store.share_plan(coach, plan.id, owner, 40).await.unwrap(),
            Change::NotFound
        );
        assert_eq!(
            store.share_plan(owner, plan.id, coach, 40).await.unwrap(),
            Change::Done(())
        );
        assert_eq!(
            store.share_plan(owner, plan.id, coach, 41).await.unwrap(),
            Change::Done(())
        );
        assert_eq!(store.plan_viewers(plan.id).await.unwrap().len(), 1);
        let shared = store.plans_shared_with(coach).await.unwrap();
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].1, "sanne@x.example");
        assert!(!store.unshare_plan(coach, plan.id, coach).await.unwrap());
        // The owner's export holds the plan with its themes, items and whom it is shared with.
        let data = store.personal_data(owner).await.unwrap().unwrap();
        let json = serde_json::to_value(&data).unwrap();
        let plans = &json["development_plans"];
        assert_eq!(plans[0]["plan"]["school_year"], 2026);
        assert_eq!(plans[0]["themes"][0]["actions"][0]["text"], "Lezen");
        assert_eq!(plans[0]["shared_with"][0], "coach@x.example");
        let coach_data =
            serde_json::to_value(store.personal_data(coach).await.unwrap().unwrap()).unwrap();
        assert_eq!(coach_data["development_plans"], serde_json::json!([]));
        assert!(store.unshare_plan(owner, plan.id, coach).await.unwrap());
        assert!(store.plans_shared_with(coach).await.unwrap().is_empty());
        store.close().await;
    }
}
