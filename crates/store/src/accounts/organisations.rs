use std::collections::HashMap;

use leidraad_domain::accounts::{OrganisationId, PersonId, Role, RoleSet, SchoolId};
use sqlx::Row;

use super::{
    Member, MembershipRecord, Organisation, School, organisation_from, roles_in, school_from,
};
use crate::{Store, StoreError};

impl Store {
    pub async fn organisation(
        &self,
        id: OrganisationId,
    ) -> Result<Option<Organisation>, StoreError> {
        let row = sqlx::query("SELECT id, name, created_at FROM organisations WHERE id = $1")
            .bind(id.get())
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(organisation_from).transpose()
    }

    pub async fn rename_organisation(
        &self,
        id: OrganisationId,
        name: &str,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query("UPDATE organisations SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(id.get())
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Every organisation the person belongs to, with their roles and schools there: what
    /// the policy needs to decide anything for them.
    pub async fn memberships_of(
        &self,
        person: PersonId,
    ) -> Result<Vec<MembershipRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, o.name, o.created_at, m.roles FROM memberships m \
             JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.person_id = $1 ORDER BY o.name, o.id",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        let schools = sqlx::query(
            "SELECT s.organisation_id, s.id FROM school_members sm \
             JOIN schools s ON s.id = sm.school_id WHERE sm.person_id = $1 ORDER BY s.id",
        )
        .bind(person.get())
        .fetch_all(self.reader())
        .await?;
        let mut schools_by_organisation: HashMap<i64, Vec<SchoolId>> = HashMap::new();
        for row in &schools {
            schools_by_organisation
                .entry(row.try_get("organisation_id")?)
                .or_default()
                .push(SchoolId(row.try_get("id")?));
        }
        rows.iter()
            .map(|row| {
                let organisation = organisation_from(row)?;
                Ok(MembershipRecord {
                    schools: schools_by_organisation
                        .remove(&organisation.id)
                        .unwrap_or_default(),
                    roles: roles_in(row, "roles")?,
                    organisation,
                })
            })
            .collect()
    }

    pub async fn schools(&self, organisation: OrganisationId) -> Result<Vec<School>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, organisation_id, name, created_at FROM schools \
             WHERE organisation_id = $1 ORDER BY name, id",
        )
        .bind(organisation.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(school_from).collect()
    }

    pub async fn school(
        &self,
        organisation: OrganisationId,
        school: SchoolId,
    ) -> Result<Option<School>, StoreError> {
        let row = sqlx::query(
            "SELECT id, organisation_id, name, created_at FROM schools \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(organisation.get())
        .bind(school.get())
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(school_from).transpose()
    }

    /// [`StoreError::Conflict`] when the organisation already has a school of that name.
    pub async fn create_school(
        &self,
        organisation: OrganisationId,
        name: &str,
        now: i64,
    ) -> Result<SchoolId, StoreError> {
        let row = sqlx::query(
            "INSERT INTO schools (organisation_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(organisation.get())
        .bind(name)
        .bind(now)
        .fetch_one(self.writer())
        .await
        .map_err(StoreError::from_insert)?;
        Ok(SchoolId(row.try_get("id")?))
    }

    pub async fn rename_school(
        &self,
        organisation: OrganisationId,
        school: SchoolId,
        name: &str,
    ) -> Result<bool, StoreError> {
        let result =
            sqlx::query("UPDATE schools SET name = $1 WHERE organisation_id = $2 AND id = $3")
                .bind(name)
                .bind(organisation.get())
                .bind(school.get())
                .execute(self.writer())
                .await
                .map_err(StoreError::from_insert)?;
        Ok(result.rows_affected() == 1)
    }

    /// Removes a school; its members stay members of the organisation.
    pub async fn delete_school(
        &self,
        organisation: OrganisationId,
        school: SchoolId,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query("DELETE FROM schools WHERE organisation_id = $1 AND id = $2")
            .bind(organisation.get())
            .bind(school.get())
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }

    pub async fn members(&self, organisation: OrganisationId) -> Result<Vec<Member>, StoreError> {
        self.members_where(organisation, None).await
    }

    pub async fn member(
        &self,
        organisation: OrganisationId,
        person: PersonId,
    ) -> Result<Option<Member>, StoreError> {
        Ok(self
            .members_where(organisation, Some(person))
            .await?
            .into_iter()
            .next())
    }

    async fn members_where(
        &self,
        organisation: OrganisationId,
        person: Option<PersonId>,
    ) -> Result<Vec<Member>, StoreError> {
        let person_filter = person.map_or(-1, PersonId::get);
        let rows = sqlx::query(
            "SELECT p.id, p.name, p.email, m.roles, m.created_at FROM memberships m \
             JOIN people p ON p.id = m.person_id \
             WHERE m.organisation_id = $1 AND ($2 = -1 OR p.id = $2) ORDER BY p.name, p.id",
        )
        .bind(organisation.get())
        .bind(person_filter)
        .fetch_all(self.reader())
        .await?;
        let school_rows = sqlx::query(
            "SELECT sm.person_id, sm.school_id FROM school_members sm \
             JOIN schools s ON s.id = sm.school_id \
             WHERE s.organisation_id = $1 AND ($2 = -1 OR sm.person_id = $2) ORDER BY sm.school_id",
        )
        .bind(organisation.get())
        .bind(person_filter)
        .fetch_all(self.reader())
        .await?;
        let mut schools: HashMap<i64, Vec<SchoolId>> = HashMap::new();
        for row in &school_rows {
            schools
                .entry(row.try_get("person_id")?)
                .or_default()
                .push(SchoolId(row.try_get("school_id")?));
        }
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                Ok(Member {
                    person_id: PersonId(id),
                    name: row.try_get("name")?,
                    email: row.try_get("email")?,
                    roles: roles_in(row, "roles")?,
                    schools: schools.remove(&id).unwrap_or_default(),
                    joined_at: row.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// Replaces a member's roles and schools in one step. Schools of other organisations are
    /// ignored by the query itself. `Ok(false)`: not a member of this organisation.
    pub async fn update_member(
        &self,
        organisation: OrganisationId,
        person: PersonId,
        roles: RoleSet,
        schools: &[SchoolId],
    ) -> Result<bool, StoreError> {
        let mut tx = self.writer().begin().await?;
        let result = sqlx::query(
            "UPDATE memberships SET roles = $1 WHERE organisation_id = $2 AND person_id = $3",
        )
        .bind(roles.to_codes())
        .bind(organisation.get())
        .bind(person.get())
        .execute(&mut *tx)
        .await?;
        if result.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query(
            "DELETE FROM school_members WHERE person_id = $1 \
             AND school_id IN (SELECT id FROM schools WHERE organisation_id = $2)",
        )
        .bind(person.get())
        .bind(organisation.get())
        .execute(&mut *tx)
        .await?;
        for school in schools {
            sqlx::query(
                "INSERT INTO school_members (school_id, person_id) \
                 SELECT id, $1 FROM schools WHERE id = $2 AND organisation_id = $3 \
                 ON CONFLICT DO NOTHING",
            )
            .bind(person.get())
            .bind(school.get())
            .bind(organisation.get())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Ends a membership and the person's place in the organisation's schools.
    pub async fn remove_member(
        &self,
        organisation: OrganisationId,
        person: PersonId,
    ) -> Result<bool, StoreError> {
        let mut tx = self.writer().begin().await?;
        sqlx::query(
            "DELETE FROM school_members WHERE person_id = $1 \
             AND school_id IN (SELECT id FROM schools WHERE organisation_id = $2)",
        )
        .bind(person.get())
        .bind(organisation.get())
        .execute(&mut *tx)
        .await?;
        let result =
            sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND person_id = $2")
                .bind(organisation.get())
                .bind(person.get())
                .execute(&mut *tx)
                .await?;
        tx.commit().await?;
        Ok(result.rows_affected() == 1)
    }

    /// How many members hold the admin role: an organisation never loses its last one.
    pub async fn count_admins(&self, organisation: OrganisationId) -> Result<usize, StoreError> {
        let rows = sqlx::query("SELECT roles FROM memberships WHERE organisation_id = $1")
            .bind(organisation.get())
            .fetch_all(self.reader())
            .await?;
        let mut admins = 0;
        for row in &rows {
            if roles_in(row, "roles")?.contains(Role::Admin) {
                admins += 1;
            }
        }
        Ok(admins)
    }
}
