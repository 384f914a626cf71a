//! What a person's start page ("Mijn Leidraad") shows, in one statement: their own
//! reflections with how far each has come, the reflections others shared with them, their
//! organisations with a few counts, and the schools they belong to. The page is where everyone
//! lands after signing in, so it must cost no more than the other personal pages.
//!
//! A `UNION ALL` of five row kinds over the same columns, as the viewer query is written:
//! `o` an own reflection, `s` one shared with the person, `p` a development plan shared with
//! them, `g` an organisation they belong to, `m` a school they belong to. Columns a kind does not use are typed NULLs, so PostgreSQL can
//! match the branches.

use leidraad_domain::accounts::{OrganisationId, PersonId, SchoolId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

/// One of the person's own reflections, with what the start page says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReflectionAtStart {
    pub id: i64,
    pub organisation_id: Option<OrganisationId>,
    pub framework_id: String,
    /// The domain ids in scope, in the framework's order.
    pub domains: Vec<String>,
    pub started_at: i64,
    pub updated_at: i64,
    pub finished_at: Option<i64>,
    /// Cards laid on a pile (own cards included).
    pub sorted: i64,
    pub own_cards: i64,
    pub focus_cards: i64,
    /// How many people it is shared with.
    pub shares: i64,
}

/// A finished reflection someone shared with the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAtStart {
    pub id: i64,
    pub author_id: PersonId,
    pub author: String,
    pub domains: Vec<String>,
    pub finished_at: i64,
}

/// A development plan someone shared with the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAtStart {
    pub id: i64,
    pub owner_id: PersonId,
    pub owner: String,
    /// The year its school year starts in.
    pub school_year: i64,
}

/// An organisation the person belongs to, counted. Whether the person may see these counts
/// is the policy's call in the app layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationAtStart {
    pub id: OrganisationId,
    pub name: String,
    pub members: i64,
    pub schools: i64,
    /// Invitations neither accepted, revoked nor expired.
    pub open_invitations: i64,
}

/// A school the person belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolAtStart {
    pub id: SchoolId,
    pub organisation_id: OrganisationId,
    pub name: String,
}

/// Everything the start page reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartRecord {
    /// Newest first.
    pub reflections: Vec<ReflectionAtStart>,
    /// Newest first.
    pub shared: Vec<SharedAtStart>,
    /// Newest school year first.
    pub shared_plans: Vec<PlanAtStart>,
    /// By name.
    pub organisations: Vec<OrganisationAtStart>,
    /// By name.
    pub schools: Vec<SchoolAtStart>,
}

/// Columns: `kind`, three sort keys, six numbers `n1`–`n6`, three times `at1`–`at3` and two
/// texts `t1`–`t2`.
const START: &str = "\
    SELECT 'o' AS kind, -r.started_at AS sort_a, CAST(NULL AS TEXT) AS sort_text, -r.id AS sort_b, \
        r.id AS n1, r.organisation_id AS n2, \
        (SELECT COUNT(*) FROM reflection_answers a \
            WHERE a.reflection_id = r.id AND a.pile IS NOT NULL) AS n3, \
        (SELECT COUNT(*) FROM own_cards c WHERE c.reflection_id = r.id) AS n4, \
        (SELECT COUNT(*) FROM focus_cards f WHERE f.reflection_id = r.id) AS n5, \
        (SELECT COUNT(*) FROM reflection_shares h WHERE h.reflection_id = r.id) AS n6, \
        r.started_at AS at1, r.finished_at AS at2, r.updated_at AS at3, \
        r.framework_id AS t1, r.domains AS t2 \
    FROM reflections r WHERE r.person_id = $1 \
    UNION ALL \
    SELECT 's', -r.finished_at, CAST(NULL AS TEXT), -r.id, \
        r.id, r.person_id, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
        CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
        r.started_at, r.finished_at, r.updated_at, p.name, r.domains \
    FROM reflection_shares s JOIN reflections r ON r.id = s.reflection_id \
    JOIN people p ON p.id = r.person_id \
    WHERE s.viewer_id = $1 \
    UNION ALL \
    SELECT 'p', -d.school_year, CAST(NULL AS TEXT), -d.id, \
        d.id, d.person_id, d.school_year, CAST(NULL AS BIGINT), \
        CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
        d.created_at, d.updated_at, d.updated_at, p.name, CAST(NULL AS TEXT) \
    FROM development_plan_shares s JOIN development_plans d ON d.id = s.plan_id \
    JOIN people p ON p.id = d.person_id \
    WHERE s.viewer_id = $1 \
    UNION ALL \
    SELECT 'g', CAST(NULL AS BIGINT), o.name, o.id, \
        o.id, CAST(NULL AS BIGINT), \
        (SELECT COUNT(*) FROM memberships x WHERE x.organisation_id = o.id), \
        (SELECT COUNT(*) FROM schools y WHERE y.organisation_id = o.id), \
        (SELECT COUNT(*) FROM invitations i WHERE i.organisation_id = o.id \
            AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > $2), \
        CAST(NULL AS BIGINT), \
        CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), o.created_at, o.name, CAST(NULL AS TEXT) \
    FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
    WHERE m.person_id = $1 \
    UNION ALL \
    SELECT 'm', CAST(NULL AS BIGINT), sc.name, sc.id, \
        sc.id, sc.organisation_id, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
        CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), \
        CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), sc.created_at, sc.name, CAST(NULL AS TEXT) \
    FROM school_members sm JOIN schools sc ON sc.id = sm.school_id \
    WHERE sm.person_id = $1 \
    ORDER BY 1, 2, 3, 4";

fn domains_in(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|d| !d.is_empty())
        .map(str::to_owned)
        .collect()
}

fn reflection_at_start(row: &AnyRow) -> Result<ReflectionAtStart, StoreError> {
    Ok(ReflectionAtStart {
        id: row.try_get("n1")?,
        organisation_id: row.try_get::<Option<i64>, _>("n2")?.map(OrganisationId),
        sorted: row.try_get("n3")?,
        own_cards: row.try_get("n4")?,
        focus_cards: row.try_get("n5")?,
        shares: row.try_get("n6")?,
        started_at: row.try_get("at1")?,
        finished_at: row.try_get("at2")?,
        updated_at: row.try_get("at3")?,
        framework_id: row.try_get("t1")?,
        domains: domains_in(&row.try_get::<String, _>("t2")?),
    })
}

impl Store {
    /// What the start page of `person` shows; `now` decides which invitations are still open.
    pub async fn start_page(&self, person: PersonId, now: i64) -> Result<StartRecord, StoreError> {
        let rows = sqlx::query(START)
            .bind(person.get())
            .bind(now)
            .fetch_all(self.reader())
            .await?;
        let mut start = StartRecord::default();
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            match kind.as_str() {
                "o" => start.reflections.push(reflection_at_start(row)?),
                "s" => start.shared.push(SharedAtStart {
                    id: row.try_get("n1")?,
                    author_id: PersonId(row.try_get("n2")?),
                    author: row.try_get("t1")?,
                    domains: domains_in(&row.try_get::<String, _>("t2")?),
                    // A shared reflection is always finished.
                    finished_at: row
                        .try_get::<Option<i64>, _>("at2")?
                        .ok_or(StoreError::Corrupt("a shared reflection without its end"))?,
                }),
                "p" => start.shared_plans.push(PlanAtStart {
                    id: row.try_get("n1")?,
                    owner_id: PersonId(row.try_get("n2")?),
                    school_year: row.try_get("n3")?,
                    owner: row.try_get("t1")?,
                }),
                "g" => start.organisations.push(OrganisationAtStart {
                    id: OrganisationId(row.try_get("n1")?),
                    name: row.try_get("t1")?,
                    members: row.try_get("n3")?,
                    schools: row.try_get("n4")?,
                    open_invitations: row.try_get("n5")?,
                }),
                "m" => start.schools.push(SchoolAtStart {
                    id: SchoolId(row.try_get("n1")?),
                    organisation_id: OrganisationId(row.try_get("n2")?),
                    name: row.try_get("t1")?,
                }),
                _ => return Err(StoreError::Corrupt("start page row kind")),
            }
        }
        Ok(start)
    }
}
