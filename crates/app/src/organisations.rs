//! What admins do to an organisation's schools and invitations, for the pages and the API
//! alike.

use leidraad_domain::accounts::{
    Action, Email, OrganisationId, OrganisationName, Password, PersonId, SchoolId, SchoolName,
    Target,
};
use leidraad_store::StoreError;
use leidraad_store::accounts::{NewAuditEvent, School};

use crate::accounts;
use crate::{App, Error, Viewer};

pub async fn create_school(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    name: &str,
) -> Result<School, Error> {
    viewer.may(Action::ManageSchools, &Target::organisation(organisation))?;
    let name = SchoolName::parse(name).map_err(|e| Error::BadRequest { code: e.code() })?;
    let id = match state
        .store
        .create_school(organisation, name.as_str(), state.clock.now())
        .await
    {
        Err(StoreError::Conflict) => {
            return Err(Error::Conflict {
                code: "school-name-taken",
            });
        }
        other => other?,
    };
    state.forget_identities();
    state
        .store
        .school(organisation, id)
        .await?
        .ok_or(Error::Internal)
}

pub async fn revoke_invitation(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    invitation: i64,
) -> Result<(), Error> {
    viewer.may(
        Action::ManageInvitations,
        &Target::organisation(organisation),
    )?;
    if !state
        .store
        .revoke_invitation(organisation, invitation, state.clock.now())
        .await?
    {
        return Err(Error::NotFound);
    }
    accounts::audit(
        state,
        Some(organisation),
        Some(viewer.person),
        None,
        "invitation",
        "revoked",
        "",
    )
    .await?;
    Ok(())
}

/// Renames the organisation (admins).
pub async fn rename(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    typed: &str,
) -> Result<(), Error> {
    viewer.may(
        Action::ManageOrganisation,
        &Target::organisation(organisation),
    )?;
    let name = OrganisationName::parse(typed).map_err(|e| Error::BadRequest { code: e.code() })?;
    state
        .store
        .rename_organisation(organisation, name.as_str())
        .await?;
    state.forget_identities();
    Ok(())
}

/// Renames a school; a name another school of the organisation has is refused.
pub async fn rename_school(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    school: SchoolId,
    typed: &str,
) -> Result<(), Error> {
    viewer.may(Action::ManageSchools, &Target::school(organisation, school))?;
    let name = SchoolName::parse(typed).map_err(|e| Error::BadRequest { code: e.code() })?;
    match state
        .store
        .rename_school(organisation, school, name.as_str())
        .await
    {
        Ok(true) => {
            state.forget_identities();
            Ok(())
        }
        Ok(false) => Err(Error::NotFound),
        Err(StoreError::Conflict) => Err(Error::Conflict {
            code: "school-name-taken",
        }),
        Err(error) => Err(error.into()),
    }
}

/// What deleting a school would change, for the page that asks "are you sure?".
pub struct SchoolDeletion {
    pub school: School,
    /// Members attached to it: they stay in the organisation, without this school.
    pub members: usize,
    /// Open invitations to it: they stay open, for the organisation without a school.
    pub open_invitations: usize,
}

pub async fn school_deletion(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    school: SchoolId,
) -> Result<SchoolDeletion, Error> {
    viewer.may(Action::ManageSchools, &Target::school(organisation, school))?;
    let school = state
        .store
        .school(organisation, school)
        .await?
        .ok_or(Error::NotFound)?;
    let id = school.school_id();
    let members = state.store.members(organisation).await?;
    let now = state.clock.now();
    let invitations = state.store.invitations(organisation).await?;
    Ok(SchoolDeletion {
        members: members.iter().filter(|m| m.schools.contains(&id)).count(),
        open_invitations: invitations
            .iter()
            .filter(|i| i.school_id == Some(id) && i.is_open(now))
            .count(),
        school,
    })
}

/// Deletes a school; its members stay members of the organisation.
pub async fn delete_school(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    school: SchoolId,
) -> Result<(), Error> {
    viewer.may(Action::ManageSchools, &Target::school(organisation, school))?;
    if !state.store.delete_school(organisation, school).await? {
        return Err(Error::NotFound);
    }
    state.forget_identities();
    Ok(())
}

/// A new organisation on an installation that already runs (`leidraad admin organisation
/// add`): a board, a regional cooperation, a customer of a hosting party.
pub struct NewOrganisation<'a> {
    pub name: &'a str,
    /// Its first admin: an existing account joins as admin; otherwise an account is made.
    pub admin_email: &'a str,
    /// For a new account: its name (default: the part of the address before the @) and
    /// password (required).
    pub admin_name: Option<&'a str>,
    pub password: Option<&'a str>,
}

/// What [`add_organisation`] made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddedOrganisation {
    pub organisation: OrganisationId,
    pub admin: PersonId,
    /// Whether the admin's account was made now (or already existed).
    pub new_account: bool,
}

/// Why an organisation could not be added: a problem code, as the web layer names them.
#[derive(Debug, thiserror::Error)]
pub enum AddOrganisationError {
    #[error("{0}")]
    Refused(&'static str),
    #[error("storage failed: {0}")]
    Store(#[from] leidraad_store::StoreError),
}

/// Adds an organisation with its first admin, by the same rules as the setup page.
pub async fn add_organisation(
    store: &leidraad_store::Store,
    request: NewOrganisation<'_>,
    now: i64,
) -> Result<AddedOrganisation, AddOrganisationError> {
    use leidraad_domain::accounts::PersonName;
    use leidraad_store::accounts::NewPerson;
    let refused = AddOrganisationError::Refused;
    let name = OrganisationName::parse(request.name).map_err(|e| refused(e.code()))?;
    let email = Email::parse(request.admin_email).map_err(|e| refused(e.code()))?;
    let existing = store.person_by_email(&email.lookup_key()).await?;
    let (admin, new_account) = match existing {
        Some(person) => (person.id, false),
        None => {
            let typed_name = request
                .admin_name
                .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or_default());
            let person_name = PersonName::parse(typed_name).map_err(|e| refused(e.code()))?;
            let password = Password::parse(request.password.unwrap_or_default(), Some(&email))
                .map_err(|e| refused(e.code()))?;
            let hash = accounts::hash(password)
                .await
                .map_err(|_| refused("internal"))?;
            let person = store
                .create_person(NewPerson {
                    email: email.as_str(),
                    email_key: &email.lookup_key(),
                    name: person_name.as_str(),
                    password_hash: hash.as_str(),
                    now,
                })
                .await?;
            (person, true)
        }
    };
    let organisation = store.create_organisation(name.as_str(), admin, now).await?;
    store
        .record_audit_event(NewAuditEvent {
            at: now,
            organisation: Some(organisation),
            actor: Some(admin),
            subject: None,
            event: "organisation-created",
            outcome: "succeeded",
            detail: "cli",
        })
        .await?;
    Ok(AddedOrganisation {
        organisation,
        admin,
        new_account,
    })
}
