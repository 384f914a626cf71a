use leidraad_domain::accounts::{OrganisationId, PersonId, SchoolId};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::people::{insert_person, upsert_membership};
use super::{Invitation, NewInvitation, NewPerson, roles_in};
use crate::{Store, StoreError};

macro_rules! invitation_query {
    () => {
        "SELECT i.id, i.organisation_id, o.name AS organisation_name, \
     i.school_id, i.email, i.roles, p.name AS invited_by_name, i.created_at, i.expires_at, \
     i.accepted_at, i.revoked_at \
     FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
     LEFT JOIN people p ON p.id = i.invited_by"
    };
}

fn invitation_from(row: &AnyRow) -> Result<Invitation, StoreError> {
    Ok(Invitation {
        id: row.try_get("id")?,
        organisation_id: OrganisationId(row.try_get("organisation_id")?),
        organisation_name: row.try_get("organisation_name")?,
        school_id: row.try_get::<Option<i64>, _>("school_id")?.map(SchoolId),
        email: row.try_get("email")?,
        roles: roles_in(row, "roles")?,
        invited_by_name: row.try_get("invited_by_name")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        accepted_at: row.try_get("accepted_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}

impl Store {
    /// A new invitation. A school of another organisation is refused by the query: the
    /// invitation is then made without a school rather than with someone else's.
    pub async fn create_invitation(&self, new: NewInvitation<'_>) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO invitations (organisation_id, school_id, email, roles, token_digest, \
                 invited_by, created_at, expires_at) \
             VALUES ($1, (SELECT id FROM schools WHERE id = $2 AND organisation_id = $1), \
                 $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(new.organisation.get())
        .bind(new.school.map_or(-1, SchoolId::get))
        .bind(new.email)
        .bind(new.roles.to_codes())
        .bind(new.token_digest)
        .bind(new.invited_by.get())
        .bind(new.now)
        .bind(new.expires_at)
        .fetch_one(self.writer())
        .await
        .map_err(StoreError::from_insert)?;
        Ok(row.try_get("id")?)
    }

    /// The organisation's invitations, newest first, accepted and revoked ones included.
    pub async fn invitations(
        &self,
        organisation: OrganisationId,
    ) -> Result<Vec<Invitation>, StoreError> {
        let rows = sqlx::query(concat!(
            invitation_query!(),
            " WHERE i.organisation_id = $1 ORDER BY i.created_at DESC, i.id DESC"
        ))
        .bind(organisation.get())
        .fetch_all(self.reader())
        .await?;
        rows.iter().map(invitation_from).collect()
    }

    pub async fn invitation(
        &self,
        organisation: OrganisationId,
        id: i64,
    ) -> Result<Option<Invitation>, StoreError> {
        let row = sqlx::query(concat!(
            invitation_query!(),
            " WHERE i.organisation_id = $1 AND i.id = $2"
        ))
        .bind(organisation.get())
        .bind(id)
        .fetch_optional(self.reader())
        .await?;
        row.as_ref().map(invitation_from).transpose()
    }

    pub async fn invitation_by_token(
        &self,
        token_digest: &str,
    ) -> Result<Option<Invitation>, StoreError> {
        let row = sqlx::query(concat!(invitation_query!(), " WHERE i.token_digest = $1"))
            .bind(token_digest)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(invitation_from).transpose()
    }

    /// Withdraws an open invitation. `Ok(false)`: no such open invitation in this organisation.
    pub async fn revoke_invitation(
        &self,
        organisation: OrganisationId,
        id: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE invitations SET revoked_at = $1 WHERE organisation_id = $2 AND id = $3 \
             AND revoked_at IS NULL AND accepted_at IS NULL",
        )
        .bind(now)
        .bind(organisation.get())
        .bind(id)
        .execute(self.writer())
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Accepts an open invitation by creating the invitee's account. `Ok(None)`: the
    /// invitation was used, revoked or expired in the meantime.
    pub async fn accept_invitation_as_new_person(
        &self,
        token_digest: &str,
        person: NewPerson<'_>,
    ) -> Result<Option<(OrganisationId, PersonId)>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(invitation) = claim_invitation(&mut tx, token_digest, person.now).await? else {
            return Ok(None);
        };
        let id = insert_person(&mut tx, &person).await?;
        join(&mut tx, &invitation, id, person.now).await?;
        tx.commit().await?;
        Ok(Some((invitation.organisation_id, id)))
    }

    /// Accepts an open invitation for a person who already has an account.
    pub async fn accept_invitation_as_person(
        &self,
        token_digest: &str,
        person: PersonId,
        now: i64,
    ) -> Result<Option<OrganisationId>, StoreError> {
        let mut tx = self.writer().begin().await?;
        let Some(invitation) = claim_invitation(&mut tx, token_digest, now).await? else {
            return Ok(None);
        };
        join(&mut tx, &invitation, person, now).await?;
        tx.commit().await?;
        Ok(Some(invitation.organisation_id))
    }
}

/// Marks the invitation accepted if it is still open; the `UPDATE … WHERE open` makes two
/// simultaneous acceptances of one link impossible.
async fn claim_invitation(
    tx: &mut Transaction<'_, Any>,
    token_digest: &str,
    now: i64,
) -> Result<Option<Invitation>, StoreError> {
    let claimed = sqlx::query(
        "UPDATE invitations SET accepted_at = $1 WHERE token_digest = $2 \
         AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token_digest)
    .execute(&mut **tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(None);
    }
    let row = sqlx::query(concat!(invitation_query!(), " WHERE i.token_digest = $1"))
        .bind(token_digest)
        .fetch_one(&mut **tx)
        .await?;
    invitation_from(&row).map(Some)
}

async fn join(
    tx: &mut Transaction<'_, Any>,
    invitation: &Invitation,
    person: PersonId,
    now: i64,
) -> Result<(), StoreError> {
    upsert_membership(
        tx,
        invitation.organisation_id,
        person,
        invitation.roles,
        now,
    )
    .await?;
    if let Some(school) = invitation.school_id {
        sqlx::query(
            "INSERT INTO school_members (school_id, person_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(school.get())
        .bind(person.get())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
