//! The accounts part of the store, on every backend: setup, schools and members, the walls
//! between organisations, invitations; sessions, tokens and reset links in [`sign_in`],
//! erasure in [`erasure`].

use leidraad_domain::accounts::{OrganisationId, PersonId, Role, RoleSet, SchoolId};
use leidraad_store::accounts::{NewInvitation, NewPerson};
use leidraad_store::test_support::backends;
use leidraad_store::{Store, StoreError};

use crate::fresh_store;

mod erasure;
mod sign_in;

fn person<'a>(email: &'a str, name: &'a str) -> NewPerson<'a> {
    NewPerson {
        email,
        email_key: email,
        name,
        password_hash: "$argon2id$test",
        now: 1_000,
    }
}

/// An organisation with an admin, one school and a second organisation beside it.
async fn two_organisations(store: &Store) -> (OrganisationId, PersonId, SchoolId, OrganisationId) {
    let (organisation, admin) = store
        .create_first_organisation("Stichting Noord", person("admin@noord.example", "Ada"))
        .await
        .unwrap()
        .expect("an empty installation");
    let school = store
        .create_school(organisation, "De Linde", 1_000)
        .await
        .unwrap();
    let other_admin = store
        .create_person(person("admin@zuid.example", "Zoë"))
        .await
        .unwrap();
    let other = store
        .create_organisation("Stichting Zuid", other_admin, 1_000)
        .await
        .unwrap();
    (organisation, admin, school, other)
}

#[tokio::test]
async fn setup_creates_the_first_organisation_once_only() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        assert_eq!(store.count_people().await.unwrap(), 0);
        let (organisation, admin) = store
            .create_first_organisation("Stichting Noord", person("a@noord.example", "Ada"))
            .await
            .unwrap()
            .unwrap();
        let again = store
            .create_first_organisation("Stichting Twee", person("b@noord.example", "Bob"))
            .await
            .unwrap();
        assert_eq!(again, None, "{backend:?}");
        assert_eq!(store.count_people().await.unwrap(), 1);
        let memberships = store.memberships_of(admin).await.unwrap();
        assert_eq!(memberships.len(), 1);
        assert_eq!(memberships[0].organisation.id, organisation.get());
        assert_eq!(memberships[0].roles, RoleSet::from(Role::Admin));
        store.close().await;
    }
}

#[tokio::test]
async fn an_email_and_a_school_name_are_unique() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (organisation, _, _, other) = two_organisations(&store).await;
        let error = store
            .create_person(person("admin@noord.example", "Again"))
            .await
            .unwrap_err();
        assert!(
            matches!(error, StoreError::Conflict),
            "{backend:?}: {error:?}"
        );
        let error = store
            .create_school(organisation, "De Linde", 1)
            .await
            .unwrap_err();
        assert!(
            matches!(error, StoreError::Conflict),
            "{backend:?}: {error:?}"
        );
        // The same name in another organisation is another school.
        store.create_school(other, "De Linde", 1).await.unwrap();
        store.close().await;
    }
}

#[tokio::test]
async fn nothing_of_one_organisation_is_reachable_through_another() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (organisation, admin, school, other) = two_organisations(&store).await;
        assert_eq!(store.school(other, school).await.unwrap(), None);
        assert!(!store.rename_school(other, school, "Weg").await.unwrap());
        assert!(!store.delete_school(other, school).await.unwrap());
        assert_eq!(store.member(other, admin).await.unwrap(), None);
        assert!(
            !store
                .update_member(other, admin, Role::Staff.into(), &[])
                .await
                .unwrap()
        );
        assert!(!store.remove_member(other, admin).await.unwrap());
        // A school of another organisation cannot be attached to a member.
        let foreign_school = store.create_school(other, "Elders", 1).await.unwrap();
        assert!(
            store
                .update_member(
                    organisation,
                    admin,
                    Role::Admin.into(),
                    &[school, foreign_school]
                )
                .await
                .unwrap()
        );
        let member = store.member(organisation, admin).await.unwrap().unwrap();
        assert_eq!(member.schools, [school], "{backend:?}");
        assert_eq!(
            store
                .school(organisation, school)
                .await
                .unwrap()
                .unwrap()
                .name,
            "De Linde"
        );
        store.close().await;
    }
}

#[tokio::test]
async fn members_have_roles_and_schools_and_can_be_removed() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (organisation, admin, school, _) = two_organisations(&store).await;
        let roles = RoleSet::from([Role::SchoolLeader, Role::Coach]);
        assert!(
            store
                .update_member(organisation, admin, roles.with(Role::Admin), &[school])
                .await
                .unwrap()
        );
        let memberships = store.memberships_of(admin).await.unwrap();
        assert_eq!(memberships[0].schools, [school]);
        assert!(memberships[0].roles.contains(Role::Coach));
        assert_eq!(store.count_admins(organisation).await.unwrap(), 1);
        assert!(store.remove_member(organisation, admin).await.unwrap());
        assert!(
            store.memberships_of(admin).await.unwrap().is_empty(),
            "{backend:?}"
        );
        assert!(
            store.person(admin).await.unwrap().is_some(),
            "the account stays"
        );
        store.close().await;
    }
}

#[tokio::test]
async fn an_invitation_is_accepted_once_and_not_after_revocation_or_expiry() {
    for backend in backends() {
        let (store, _database) = fresh_store(backend).await;
        let (organisation, admin, school, other) = two_organisations(&store).await;
        let invite = |digest: &'static str, expires_at: i64| NewInvitation {
            organisation,
            school: Some(school),
            email: "nieuw@noord.example",
            roles: Role::Staff.into(),
            token_digest: digest,
            invited_by: admin,
            now: 1_000,
            expires_at,
        };
        let id = store.create_invitation(invite("t1", 5_000)).await.unwrap();
        let (joined, newcomer) = store
            .accept_invitation_as_new_person("t1", person("nieuw@noord.example", "Nina"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(joined, organisation);
        let member = store.member(organisation, newcomer).await.unwrap().unwrap();
        assert_eq!(
            (member.roles, member.schools),
            (RoleSet::from(Role::Staff), vec![school])
        );
        assert_eq!(
            store
                .accept_invitation_as_person("t1", admin, 1_001)
                .await
                .unwrap(),
            None,
            "{backend:?}: used once"
        );
        let invitation = store.invitation(organisation, id).await.unwrap().unwrap();
        assert!(!invitation.is_open(1_001));
        assert_eq!(store.invitation(other, id).await.unwrap(), None);

        let revoked = store.create_invitation(invite("t2", 5_000)).await.unwrap();
        assert!(
            !store
                .revoke_invitation(other, revoked, 1_100)
                .await
                .unwrap()
        );
        assert!(
            store
                .revoke_invitation(organisation, revoked, 1_100)
                .await
                .unwrap()
        );
        assert_eq!(
            store
                .accept_invitation_as_person("t2", newcomer, 1_200)
                .await
                .unwrap(),
            None
        );

        store.create_invitation(invite("t3", 2_000)).await.unwrap();
        assert_eq!(
            store
                .accept_invitation_as_person("t3", newcomer, 2_000)
                .await
                .unwrap(),
            None
        );
        assert_eq!(store.invitations(organisation).await.unwrap().len(), 3);
        store.close().await;
    }
}
