//! `leidraad demo`: a demo organisation in which a newcomer can sign in as every role at once.
//! The people and their shared password are listed in the README; later capabilities add
//! their own demo data here.

use leidraad_domain::accounts::limits::INVITATION_LIFETIME;
use leidraad_domain::accounts::{HashMemory, OrganisationId, PersonId, Role, RoleSet, SchoolId};
use leidraad_domain::reflection::Pile;
use leidraad_domain::{Framework, Library};
use leidraad_store::Store;
use leidraad_store::accounts::{NewInvitation, NewPerson};
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};

use crate::admin::{new_account_in, now};

pub const DEMO_PASSWORD: &str = "leidraad-demo-2026";
pub const DEMO_ORGANISATION: &str = "Stichting Rivierenland (demo)";

/// (email, name, roles, school index) for everyone in the demo.
const PEOPLE: &[(&str, &str, &[Role], Option<usize>)] = &[
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

/// Fills the database once; a second run sees the demo admin and leaves everything alone.
pub async fn seed(store: &Store, library: &Library) -> Result<(), String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    if store
        .person_by_email(PEOPLE[0].0)
        .await
        .map_err(fail)?
        .is_some()
    {
        println!("The demo is already in this database.");
        return Ok(());
    }
    let now = now();
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
    let framework = library
        .default_framework()
        .ok_or("the demo needs the standard for school leaders")?;
    // Sanne has a finished moment of last year, shared with her board member and coach,
    // and a moment in progress; Mehmet has one finished moment on three domains.
    let last_year = reflect(
        store,
        framework,
        people[2],
        organisation,
        None,
        now - 365 * DAY,
        0,
    )
    .await?;
    // Her focus cards: the first three growth points (cards on "nog niet").
    let focus: Vec<String> = store
        .answers(last_year)
        .await
        .map_err(fail)?
        .into_iter()
        .filter(|a| a.pile == Some(Pile::NotYet))
        .map(|a| a.card_id)
        .take(3)
        .collect();
    store
        .set_focus_cards(people[2], last_year, &focus)
        .await
        .map_err(fail)?;
    for viewer in [people[1], people[4]] {
        store
            .share_reflection(people[2], last_year, viewer, now - 360 * DAY)
            .await
            .map_err(fail)?;
    }
    reflect(
        store,
        framework,
        people[2],
        organisation,
        Some(last_year),
        now - 10 * DAY,
        1,
    )
    .await?;
    let domains = ["visie", "onderwijskwaliteit", "sociaal"];
    let mehmet = store
        .create_reflection(NewReflection {
            person: people[3],
            organisation: Some(organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &domains.map(String::from),
            now: now - 40 * DAY,
            prefill_from: None,
        })
        .await
        .map_err(fail)?
        .ok_or("a demo reflection")?;
    sort_cards(
        store,
        framework,
        people[3],
        mehmet,
        &domains,
        now - 40 * DAY,
        2,
    )
    .await?;
    store
        .finish_reflection(people[3], mehmet, now - 39 * DAY)
        .await
        .map_err(fail)?;
    println!(
        "Demo ready: {DEMO_ORGANISATION}, {} people; every password is {DEMO_PASSWORD}",
        PEOPLE.len()
    );
    for (email, name, roles, _) in PEOPLE.iter().take(5) {
        let roles: Vec<&str> = roles.iter().map(|r| r.code()).collect();
        println!("  {email:<42} {name} ({})", roles.join(", "));
    }
    Ok(())
}

const DAY: i64 = 86_400;

/// A reflection on the whole standard, every card sorted; `round` shifts the piles so a
/// later moment shows growth. Round 0 is finished, later rounds stay open.
async fn reflect(
    store: &Store,
    framework: &Framework,
    person: PersonId,
    organisation: OrganisationId,
    prefill_from: Option<i64>,
    at: i64,
    round: u64,
) -> Result<i64, String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    let domains: Vec<String> = framework.domains.iter().map(|d| d.id.clone()).collect();
    let id = store
        .create_reflection(NewReflection {
            person,
            organisation: Some(organisation),
            framework_id: &framework.id,
            content_fingerprint: &framework.fingerprint,
            domains: &domains,
            now: at,
            prefill_from,
        })
        .await
        .map_err(fail)?
        .ok_or("a demo reflection")?;
    let ids: Vec<&str> = domains.iter().map(String::as_str).collect();
    sort_cards(store, framework, person, id, &ids, at, round).await?;
    if round == 0 {
        store
            .finish_reflection(person, id, at + DAY)
            .await
            .map_err(fail)?;
    }
    Ok(id)
}

/// Puts every card of `domains` on a pile chosen from its id: realistic-looking, and the
/// same on every run.
async fn sort_cards(
    store: &Store,
    framework: &Framework,
    person: PersonId,
    reflection: i64,
    domains: &[&str],
    at: i64,
    round: u64,
) -> Result<(), String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    for card in framework
        .cards
        .iter()
        .filter(|c| domains.contains(&c.domain.as_str()))
    {
        let spread = card
            .id
            .bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let score = i64::try_from((spread % 4 + 1 + round).min(4)).unwrap_or(4);
        let pile = Pile::from_score(score).map_err(|e| e.to_string())?;
        let note = if spread % 5 == 0 {
            "Zie het gesprek met het team in maart."
        } else {
            ""
        };
        store
            .save_answer(
                person,
                reflection,
                AnswerUpdate {
                    card_id: &card.id,
                    pile: Some(pile),
                    note,
                    evidence: "",
                    starred: spread % 11 == 0,
                    fields: AnswerFields::ALL,
                },
                at,
            )
            .await
            .map_err(fail)?;
    }
    Ok(())
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
