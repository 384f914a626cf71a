//! Signing in, on every backend: sessions and API tokens are their owners' alone, a reset
//! link works once, failed sign-ins are counted per key.

use leidraad_store::test_support::backends;

use super::{person, two_organisations};
use crate::fresh_store;

#[tokio::test]
async fn sessions_and_tokens_are_their_owners_alone() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (_, admin, _, _) = two_organisations(&store).await;
        let stranger = store
            .create_person(person("x@elders.example", "Xander"))
            .await
            .unwrap();
        let session = store
            .create_session("s1", admin, "csrf", "Firefox", 1_000)
            .await
            .unwrap();
        store
            .create_session("s2", admin, "csrf2", "Chromium", 1_000)
            .await
            .unwrap();
        assert!(!store.end_session(stranger, session).await.unwrap());
        assert_eq!(store.sessions_of(admin).await.unwrap().len(), 2);
        store.touch_session(session, 1_500).await.unwrap();
        assert_eq!(
            store
                .session_by_digest("s1")
                .await
                .unwrap()
                .unwrap()
                .last_seen_at,
            1_500
        );
        assert!(store.end_session(admin, session).await.unwrap());
        assert_eq!(store.session_by_digest("s1").await.unwrap(), None);
        assert_eq!(
            store.purge_sessions(1_001, 0).await.unwrap(),
            1,
            "{backend:?}"
        );

        let token = store
            .create_api_token(admin, "script", "d1", 1_000)
            .await
            .unwrap();
        assert_eq!(store.use_api_token("d1", 1_100).await.unwrap(), Some(admin));
        assert_eq!(
            store.api_tokens_of(admin).await.unwrap()[0].last_used_at,
            Some(1_100)
        );
        assert!(!store.revoke_api_token(stranger, token).await.unwrap());
        assert!(store.revoke_api_token(admin, token).await.unwrap());
        assert_eq!(store.use_api_token("d1", 1_200).await.unwrap(), None);
        store.close().await;
    }
}

#[tokio::test]
async fn a_reset_link_works_once_and_dies_with_a_password_change() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (_, admin, _, _) = two_organisations(&store).await;
        store
            .create_session("s1", admin, "c", "ua", 1_000)
            .await
            .unwrap();
        store
            .create_password_reset("r1", admin, 1_000, 4_600)
            .await
            .unwrap();
        assert_eq!(
            store.password_reset("r1", 4_599).await.unwrap(),
            Some(admin)
        );
        assert_eq!(
            store.password_reset("r1", 4_600).await.unwrap(),
            None,
            "expired"
        );
        assert_eq!(
            store
                .complete_password_reset("r1", "$new", 2_000)
                .await
                .unwrap(),
            Some(admin)
        );
        assert_eq!(
            store
                .complete_password_reset("r1", "$again", 2_001)
                .await
                .unwrap(),
            None
        );
        assert!(
            store.sessions_of(admin).await.unwrap().is_empty(),
            "{backend:?}"
        );
        let account = store.person(admin).await.unwrap().unwrap();
        assert_eq!(
            (account.password_hash.as_str(), account.password_changed_at),
            ("$new", 2_000)
        );

        store
            .create_password_reset("r2", admin, 3_000, 6_600)
            .await
            .unwrap();
        store
            .change_password(admin, "$newer", 3_100, None)
            .await
            .unwrap();
        assert_eq!(store.password_reset("r2", 3_200).await.unwrap(), None);
        store.close().await;
    }
}

#[tokio::test]
async fn failed_sign_ins_are_counted_per_key_and_forgotten() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        store
            .record_sign_in_failure(&["account", "address"], 100)
            .await
            .unwrap();
        store
            .record_sign_in_failure(&["address"], 200)
            .await
            .unwrap();
        assert_eq!(
            store.sign_in_failures("address", 0).await.unwrap(),
            [100, 200]
        );
        assert_eq!(store.sign_in_failures("address", 100).await.unwrap(), [200]);
        store.clear_sign_in_failures("account", 150).await.unwrap();
        assert!(
            store
                .sign_in_failures("account", 0)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            store.sign_in_failures("address", 0).await.unwrap(),
            [200],
            "{backend:?}"
        );
        store.close().await;
    }
}
