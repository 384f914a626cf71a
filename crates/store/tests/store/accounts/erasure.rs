//! Erasing a person, on every backend: nothing of them is left.

use leidraad_domain::accounts::Role;
use leidraad_store::accounts::{NewAuditEvent, NewInvitation, NewMail};
use leidraad_store::test_support::backends;

use super::{person, two_organisations};
use crate::fresh_store;

#[tokio::test]
async fn erasing_a_person_leaves_nothing_of_them() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (organisation, admin, school, _) = two_organisations(&store).await;
        let leaver = store
            .create_person(person("weg@noord.example", "Wim"))
            .await
            .unwrap();
        store
            .create_invitation(NewInvitation {
                organisation,
                school: Some(school),
                email: "weg@noord.example",
                roles: Role::Staff.into(),
                token_digest: "inv",
                invited_by: admin,
                now: 1_000,
                expires_at: 9_000,
            })
            .await
            .unwrap();
        store
            .accept_invitation_as_person("inv", leaver, 1_100)
            .await
            .unwrap()
            .unwrap();
        store
            .create_session("s", leaver, "c", "ua", 1_100)
            .await
            .unwrap();
        store
            .create_api_token(leaver, "t", "tok", 1_100)
            .await
            .unwrap();
        store
            .create_password_reset("r", leaver, 1_100, 9_000)
            .await
            .unwrap();
        let mail = store
            .enqueue_mail(NewMail {
                organisation: Some(organisation),
                recipient_key: "weg@noord.example",
                recipient: "weg@noord.example",
                kind: "reset",
                subject: "Herstel",
                body: "https://leidraad.example/wachtwoord-herstellen/x",
                now: 1_100,
            })
            .await
            .unwrap();
        store
            .settle_outgoing_mail(mail, None, Some("1100-1.eml"), None)
            .await
            .unwrap();
        store
            .record_audit_event(NewAuditEvent {
                at: 1_100,
                organisation: Some(organisation),
                actor: Some(leaver),
                subject: None,
                event: "sign-in",
                outcome: "succeeded",
                detail: "",
            })
            .await
            .unwrap();
        assert!(store.personal_data(leaver).await.unwrap().is_some());

        let erased = store.erase_person(leaver).await.unwrap();
        assert_eq!(erased.organisations, [organisation]);
        assert_eq!(
            erased.outbox_files,
            ["1100-1.eml"],
            "the caller deletes them"
        );
        assert_eq!(store.person(leaver).await.unwrap(), None);
        assert!(store.personal_data(leaver).await.unwrap().is_none());
        assert_eq!(store.member(organisation, leaver).await.unwrap(), None);
        assert_eq!(store.session_by_digest("s").await.unwrap(), None);
        assert_eq!(store.use_api_token("tok", 2_000).await.unwrap(), None);
        assert_eq!(store.password_reset("r", 2_000).await.unwrap(), None);
        assert!(
            store.invitations(organisation).await.unwrap().is_empty(),
            "{backend:?}"
        );
        assert!(
            store
                .outgoing_mail(organisation, 10)
                .await
                .unwrap()
                .is_empty()
        );
        let log = store.audit_log(organisation, 10).await.unwrap();
        assert_eq!(log.len(), 1, "the event stays");
        assert_eq!(log[0].actor_name, None, "without the person");
        store.close().await;
    }
}
