//! The demo's people: an admin, a board member, two school leaders, a coach and staff at two
//! schools, each a member through an invitation accepted on the spot, and one invitation
//! left open.

use leidraad_domain::accounts::limits::INVITATION_LIFETIME;
use leidraad_domain::accounts::{HashMemory, OrganisationId, PersonId, Role, RoleSet, SchoolId};
use leidraad_store::Store;
use leidraad_store::accounts::{NewInvitation, NewPerson};

use super::{DEMO_ORGANISATION, DEMO_PASSWORD};
use crate::admin::new_account_in;

/// (email, name, roles, school index) for everyone in the demo.
pub(super) const PEOPLE: &[(&str, &str, &[Role], Option<usize>)] = &[
    (
        "beheerder@leidraad.example",
        "Anouk Bakker",
        &[Role::Admin],
        None,
    ),
    (
        "bestuurder@leidraad.example",
        "Henk Jansen",
        &[Role::BoardMember],
        None,
    ),
    (
        "schoolleider.linde@leidraad.example",
        "Sanne de Vries",
        &[Role::SchoolLeader],
        Some(0),
    ),
    (
        "schoolleider.regenboog@leidraad.example",
        "Mehmet Yılmaz",
        &[Role::SchoolLeader],
        Some(1),
    ),
    (
        "coach@leidraad.example",
        "Ingrid Visser",
        &[Role::Coach],
        None,
    ),
    (
        "daan.smit@leidraad.example",
        "Daan Smit",
        &[Role::Staff],
        Some(0),
    ),
    (
        "fatima.el-amrani@leidraad.example",
        "Fatima El Amrani",
        &[Role::Staff],
        Some(0),
    ),
    (
        "joost.meijer@leidraad.example",
        "Joost Meijer",
        &[Role::Staff],
        Some(0),
    ),
    (
        "lotte.mulder@leidraad.example",
        "Lotte Mulder",
        &[Role::Staff],
        Some(0),
    ),
    (
        "priya.ramdin@leidraad.example",
        "Priya Ramdin",
        &[Role::Staff],
        Some(0),
    ),
    (
        "bram.de.boer@leidraad.example",
        "Bram de Boer",
        &[Role::Staff],
        Some(1),
    ),
    (
        "emma.bos@leidraad.example",
        "Emma Bos",
        &[Role::Staff],
        Some(1),
    ),
    (
        "noah.peters@leidraad.example",
        "Noah Peters",
        &[Role::Staff],
        Some(1),
    ),
    (
        "sara.hendriks@leidraad.example",
        "Sara Hendriks",
        &[Role::Staff],
        Some(1),
    ),
    (
        "yusuf.kaya@leidraad.example",
        "Yusuf Kaya",
        &[Role::Staff],
        Some(1),
    ),
];

const SCHOOLS: [&str; 2] = ["OBS De Linde", "IKC De Regenboog"];

/// The demo organisation and its people, in the order of [`PEOPLE`]: what the other parts
/// of the demo build on.
pub(super) struct Members {
    pub organisation: OrganisationId,
    pub people: Vec<PersonId>,
}

/// Creates everyone in [`PEOPLE`], the organisation and its schools, and makes each person a
/// member with their roles.
pub(super) async fn seed(store: &Store, now: i64) -> Result<Members, String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    let mut people = Vec::new();
    // One hashing buffer for every demo account, returned to the system after seeding.
    let mut memory = HashMemory::new();
    for (email, name, _, _) in PEOPLE {
        let account = new_account_in(email, name, DEMO_PASSWORD, &mut memory)?;
        let id = store
            .create_person(NewPerson {
                email: account.email.as_str(),
                email_key: &account.email.lookup_key(),
                name: account.name.as_str(),
                password_hash: &account.password_hash,
                now,
            })
            .await
            .map_err(fail)?;
        people.push(id);
    }
    drop(memory);
    let organisation = store
        .create_organisation(DEMO_ORGANISATION, people[0], now)
        .await
        .map_err(fail)?;
    let mut schools = Vec::new();
    for name in SCHOOLS {
        schools.push(
            store
                .create_school(organisation, name, now)
                .await
                .map_err(fail)?,
        );
    }
    for (index, (_, _, roles, school)) in PEOPLE.iter().enumerate().skip(1) {
        join(
            store,
            organisation,
            people[0],
            people[index],
            roles,
            school.map(|s| schools[s]),
            now,
        )
        .await?;
    }
    invite_one(store, organisation, people[0], schools[0], now).await?;
    Ok(Members {
        organisation,
        people,
    })
}

async fn join(
    store: &Store,
    organisation: OrganisationId,
    admin: PersonId,
    person: PersonId,
    roles: &[Role],
    school: Option<SchoolId>,
    now: i64,
) -> Result<(), String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    // An invitation accepted on the spot: the same path a real member takes.
    let token = leidraad_app::new_secret();
    let email = store
        .person(person)
        .await
        .map_err(fail)?
        .map(|p| p.email.to_lowercase())
        .unwrap_or_default();
    store
        .create_invitation(NewInvitation {
            organisation,
            school,
            email: &email,
            roles: roles.iter().copied().collect::<RoleSet>(),
            token_digest: &token.digest(),
            invited_by: admin,
            now,
            expires_at: now + INVITATION_LIFETIME,
        })
        .await
        .map_err(fail)?;
    store
        .accept_invitation_as_person(&token.digest(), person, now)
        .await
        .map_err(fail)?
        .ok_or("a fresh demo invitation could not be accepted")?;
    Ok(())
}

/// One open invitation, so the invitations table is not empty.
async fn invite_one(
    store: &Store,
    organisation: OrganisationId,
    admin: PersonId,
    school: SchoolId,
    now: i64,
) -> Result<(), String> {
    store
        .create_invitation(NewInvitation {
            organisation,
            school: Some(school),
            email: "nieuwe.collega@leidraad.example",
            roles: Role::Staff.into(),
            token_digest: &leidraad_app::new_secret().digest(),
            invited_by: admin,
            now,
            expires_at: now + INVITATION_LIFETIME,
        })
        .await
        .map_err(|e| leidraad_app::error_chain(&e))?;
    Ok(())
}
