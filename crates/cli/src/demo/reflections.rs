//! The demo's reflections: Sanne has a finished moment of last year, shared with her board
//! member and coach, and a moment in progress; Mehmet has one finished moment on three
//! domains.

use leidraad_domain::accounts::{OrganisationId, PersonId};
use leidraad_domain::reflection::Pile;
use leidraad_domain::{Framework, Library};
use leidraad_store::Store;
use leidraad_store::reflections::{AnswerFields, AnswerUpdate, NewReflection};

use super::DAY;
use super::people::Members;

/// Sanne's two moments and Mehmet's one; `people` indexes follow the demo's people table.
pub(super) async fn seed(
    store: &Store,
    library: &Library,
    members: &Members,
    now: i64,
) -> Result<(), String> {
    let fail = |e: leidraad_store::StoreError| leidraad_app::error_chain(&e);
    let (people, organisation) = (&members.people, members.organisation);
    let framework = library
        .default_framework()
        .ok_or("the demo needs the standard for school leaders")?;
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
    Ok(())
}

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
