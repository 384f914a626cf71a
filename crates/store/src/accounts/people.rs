use leidraad_domain::accounts::{OrganisationId, PersonId, Role, RoleSet};
use sqlx::{Any, Row, Transaction};

use super::{NewPerson, PersonRecord, person_from};
use crate::store::Backend;
use crate::{Store, StoreError};

macro_rules! person_columns {
    () => {
        "id, email, name, password_hash, password_changed_at, created_at"
    };
}

impl Store {
    pub async fn count_people(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM people")
            .fetch_one(self.reader())
            .await?;
        Ok(row.try_get("n")?)
    }

    /// The first organisation and its admin, on an empty installation only: `Ok(None)` when
    /// someone already set it up (two browsers racing through the setup page).
    pub async fn create_first_organisation(
        &self,
        organisation_name: &str,
        admin: NewPerson<'_>,
    ) -> Result<Option<(OrganisationId, PersonId)>, StoreError> {
        let mut tx = self.writer().begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("LOCK TABLE people IN EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let row = sqlx::query("SELECT COUNT(*) AS n FROM people")
            .fetch_one(&mut *tx)
            .await?;
        if row.try_get::<i64, _>("n")? > 0 {
            return Ok(None);
        }
        let organisation = insert_organisation(&mut tx, organisation_name, admin.now).await?;
        let person = insert_person(&mut tx, &admin).await?;
        upsert_membership(&mut tx, organisation, person, Role::Admin.into(), admin.now).await?;
        tx.commit().await?;
        Ok(Some((organisation, person)))
    }

    /// A new organisation with `admin` (an existing person) as its admin.
    pub async fn create_organisation(
        &self,
        name: &str,
        admin: PersonId,
        now: i64,
    ) -> Result<OrganisationId, StoreError> {
        let mut tx = self.writer().begin().await?;
        let organisation = insert_organisation(&mut tx, name, now).await?;
        upsert_membership(&mut tx, organisation, admin, Role::Admin.into(), now).await?;
        tx.commit().await?;
        Ok(organisation)
    }

    /// A person without memberships. [`StoreError::Conflict`] when the email is taken.
    pub async fn create_person(&self, person: NewPerson<'_>) -> Result<PersonId, StoreError> {
        let mut tx = self.writer().begin().await?;
        let id = insert_person(&mut tx, &person).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn person(&self, id: PersonId) -> Result<Option<PersonRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            person_columns!(),
            " FROM people WHERE id = $1"
        ))
        .bind(id.get())
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(person_from).transpose()
    }

    pub async fn person_by_email(
        &self,
        email_key: &str,
    ) -> Result<Option<PersonRecord>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            person_columns!(),
            " FROM people WHERE email_key = $1"
        ))
        .bind(email_key)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(person_from).transpose()
    }

    /// The person behind `email_key`, but only when they share an organisation with
    /// `colleague_of`: for sharing, an address outside one's own organisations is as unknown
    /// as one without an account. One query either way, so the time tells nothing either.
    pub async fn colleague_by_email(
        &self,
        email_key: &str,
        colleague_of: PersonId,
    ) -> Result<Option<PersonId>, StoreError> {
        let row = sqlx::query(
            "SELECT p.id FROM people p \
             WHERE p.email_key = $1 AND p.id <> $2 AND EXISTS ( \
                 SELECT 1 FROM memberships theirs JOIN memberships mine \
                     ON mine.organisation_id = theirs.organisation_id \
                 WHERE theirs.person_id = p.id AND mine.person_id = $2)",
        )
        .bind(email_key)
        .bind(colleague_of.get())
        .fetch_optional(self.reader())
        .await?;
        row.map(|row| Ok(PersonId(row.try_get("id")?))).transpose()
    }

    pub async fn rename_person(&self, id: PersonId, name: &str) -> Result<bool, StoreError> {
        let result = sqlx::query("UPDATE people SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(id.get())
            .execute(self.writer())
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Stores a new password hash. Every reset link of the person dies with the old password,
    /// and so does every session except `keep_session` (the one that made the change).
    pub async fn change_password(
        &self,
        id: PersonId,
        password_hash: &str,
        now: i64,
        keep_session: Option<i64>,
    ) -> Result<(), StoreError> {
        let mut tx = self.writer().begin().await?;
        sqlx::query("UPDATE people SET password_hash = $1, password_changed_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now)
            .bind(id.get())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM password_resets WHERE person_id = $1")
            .bind(id.get())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND id <> $2")
            .bind(id.get())
            .bind(keep_session.unwrap_or(-1))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A rehash with stronger parameters, after a successful sign-in; nothing else changes.
    pub async fn replace_password_hash(
        &self,
        id: PersonId,
        password_hash: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE people SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id.get())
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Erases a person: the account and, through the foreign keys, their memberships,
    /// sessions, tokens, reset links and 360° feedback rounds; invitations and mail addressed
    /// to them, and their address on feedback links; their name in the audit log (the events
    /// stay, without the person). Returns the organisations they belonged to, so the caller
    /// can log the erasure there.
    pub async fn erase_person(&self, id: PersonId) -> Result<Erased, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(row) = sqlx::query("SELECT email_key FROM people WHERE id = $1")
            .bind(id.get())
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(Erased::default());
        };
        let email_key: String = row.try_get("email_key")?;
        let organisations = sqlx::query(
            "SELECT organisation_id FROM memberships WHERE person_id = $1 ORDER BY organisation_id",
        )
        .bind(id.get())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get("organisation_id").map(OrganisationId))
        .collect::<Result<Vec<_>, _>>()?;
        let outbox_files = sqlx::query(
            "SELECT outbox_file FROM outgoing_mail \
             WHERE recipient_key = $1 AND outbox_file IS NOT NULL ORDER BY id",
        )
        .bind(&email_key)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get("outbox_file"))
        .collect::<Result<Vec<String>, _>>()?;
        for statement in [
            "DELETE FROM invitations WHERE email = $1",
            "DELETE FROM outgoing_mail WHERE recipient_key = $1",
            // Invited to rate someone: the link stays (its round counts it), the address and
            // the name the leader gave it go.
            "UPDATE feedback_links SET email = NULL, name = '' WHERE lower(email) = $1",
        ] {
            sqlx::query(statement)
                .bind(&email_key)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM people WHERE id = $1")
            .bind(id.get())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Erased {
            organisations,
            outbox_files,
        })
    }
}

/// What an erasure leaves for the caller to do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// The organisations the person belonged to, to log the erasure there.
    pub organisations: Vec<OrganisationId>,
    /// Files in the outbox folder holding mail to the person, to delete: they may hold live
    /// links.
    pub outbox_files: Vec<String>,
}

pub(super) async fn insert_organisation(
    tx: &mut Transaction<'_, Any>,
    name: &str,
    now: i64,
) -> Result<OrganisationId, StoreError> {
    let row =
        sqlx::query("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(name)
            .bind(now)
            .fetch_one(&mut **tx)
            .await?;
    Ok(OrganisationId(row.try_get("id")?))
}

pub(super) async fn insert_person(
    tx: &mut Transaction<'_, Any>,
    person: &NewPerson<'_>,
) -> Result<PersonId, StoreError> {
    let row = sqlx::query(
        "INSERT INTO people (email, email_key, name, password_hash, password_changed_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(person.email)
    .bind(person.email_key)
    .bind(person.name)
    .bind(person.password_hash)
    .bind(person.now)
    .fetch_one(&mut **tx)
    .await
    .map_err(StoreError::from_insert)?;
    Ok(PersonId(row.try_get("id")?))
}

/// Adds the person to the organisation with `roles`, or adds `roles` to the ones they hold.
pub(super) async fn upsert_membership(
    tx: &mut Transaction<'_, Any>,
    organisation: OrganisationId,
    person: PersonId,
    roles: RoleSet,
    now: i64,
) -> Result<(), StoreError> {
    let existing =
        sqlx::query("SELECT roles FROM memberships WHERE organisation_id = $1 AND person_id = $2")
            .bind(organisation.get())
            .bind(person.get())
            .fetch_optional(&mut **tx)
            .await?;
    match existing {
        Some(row) => {
            let held = super::roles_in(&row, "roles")?;
            let merged: RoleSet = held.iter().chain(roles.iter()).collect();
            sqlx::query(
                "UPDATE memberships SET roles = $1 WHERE organisation_id = $2 AND person_id = $3",
            )
            .bind(merged.to_codes())
            .bind(organisation.get())
            .bind(person.get())
            .execute(&mut **tx)
            .await?;
        }
        None => {
            sqlx::query(
                "INSERT INTO memberships (organisation_id, person_id, roles, created_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(organisation.get())
            .bind(person.get())
            .bind(roles.to_codes())
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
