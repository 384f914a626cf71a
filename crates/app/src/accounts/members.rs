//! Members of an organisation: invitations, roles and schools, removal.

use leidraad_domain::Language;
use leidraad_domain::accounts::limits::INVITATION_LIFETIME;
use leidraad_domain::accounts::{
    Action, Email, OrganisationId, PersonId, Role, RoleSet, SchoolId, Target,
};
use leidraad_store::accounts::NewInvitation;

use super::{audit, link_base};
use crate::mail::OutgoingMessage;
use crate::secrets::new_secret;
use crate::{App, Error, Viewer};

/// Roles from form values or JSON; at least one, all known.
pub fn parse_roles<'a>(codes: impl IntoIterator<Item = &'a str>) -> Result<RoleSet, Error> {
    let roles = codes
        .into_iter()
        .map(|code| code.parse::<Role>())
        .collect::<Result<RoleSet, _>>()
        .map_err(|_| Error::BadRequest {
            code: "role-unknown",
        })?;
    if roles.is_empty() {
        return Err(Error::BadRequest {
            code: "roles-empty",
        });
    }
    Ok(roles)
}

/// A school id from a form or JSON that must belong to the organisation; anything else is
/// refused as unknown.
pub async fn school_of(
    state: &App,
    organisation: OrganisationId,
    school: i64,
) -> Result<SchoolId, Error> {
    state
        .store
        .school(organisation, SchoolId(school))
        .await?
        .map(|s| s.school_id())
        .ok_or(Error::BadRequest {
            code: "school-unknown",
        })
}

/// Who is invited, as what, and to which school.
pub struct InvitationRequest<'a> {
    pub email: &'a Email,
    pub roles: RoleSet,
    pub school: Option<SchoolId>,
}

pub struct CreatedInvitation {
    pub id: i64,
    pub link: String,
}

/// Invites `email` with `roles` (and optionally a school), mails the link and returns it so
/// an admin can also pass it on by hand.
pub async fn invite(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    request: InvitationRequest<'_>,
    language: Language,
) -> Result<CreatedInvitation, Error> {
    viewer.may(
        Action::ManageInvitations,
        &Target::organisation(organisation),
    )?;
    let InvitationRequest {
        email,
        roles,
        school,
    } = request;
    // Someone already in the organisation is not invited again: the link would only change
    // nothing, and the admin would not learn why.
    if let Some(person) = state.store.person_by_email(&email.lookup_key()).await?
        && state.store.member(organisation, person.id).await?.is_some()
    {
        return Err(Error::Conflict {
            code: "already-member",
        });
    }
    let now = state.clock.now();
    let token = new_secret();
    let id = state
        .store
        .create_invitation(NewInvitation {
            organisation,
            school,
            email: &email.lookup_key(),
            roles,
            token_digest: &token.digest(),
            invited_by: viewer.person,
            now,
            expires_at: now + INVITATION_LIFETIME,
        })
        .await?;
    let link = format!("{}/uitnodiging/{}", link_base(state)?, token.expose());
    let organisation_name = viewer.membership(organisation)?.organisation.name.clone();
    let text = |key: &str, argument| state.messages.text(language, key, argument);
    let named = Some(("organisation", organisation_name.as_str()));
    let message = OutgoingMessage {
        organisation: Some(organisation),
        to: email,
        kind: "invitation",
        subject: text("mail-invitation-subject", named),
        body: format!(
            "{}\n\n{link}\n\n{}\n",
            text("mail-invitation-body", named),
            text("mail-invitation-expiry", None)
        ),
    };
    state.mailer.send(&state.store, message, now).await?;
    audit(
        state,
        Some(organisation),
        Some(viewer.person),
        None,
        "invitation",
        "created",
        &roles.to_codes(),
    )
    .await?;
    Ok(CreatedInvitation { id, link })
}

/// Changes a member's roles and schools. The last admin cannot give up the role: an
/// organisation without an admin could never be managed again.
pub async fn update_member(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    person: PersonId,
    roles: RoleSet,
    schools: &[SchoolId],
) -> Result<(), Error> {
    viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
    let member = state
        .store
        .member(organisation, person)
        .await?
        .ok_or(Error::NotFound)?;
    let loses_admin = member.roles.contains(Role::Admin) && !roles.contains(Role::Admin);
    if loses_admin && state.store.count_admins(organisation).await? <= 1 {
        return Err(Error::Conflict { code: "last-admin" });
    }
    state
        .store
        .update_member(organisation, person, roles, schools)
        .await?;
    state.forget_identities();
    if member.roles != roles {
        let detail = format!("{}>{}", member.roles.to_codes(), roles.to_codes());
        audit(
            state,
            Some(organisation),
            Some(viewer.person),
            Some(person),
            "role-change",
            "succeeded",
            &detail,
        )
        .await?;
    }
    Ok(())
}

pub async fn remove_member(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    person: PersonId,
) -> Result<(), Error> {
    viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
    let member = state
        .store
        .member(organisation, person)
        .await?
        .ok_or(Error::NotFound)?;
    if member.roles.contains(Role::Admin) && state.store.count_admins(organisation).await? <= 1 {
        return Err(Error::Conflict { code: "last-admin" });
    }
    state.store.remove_member(organisation, person).await?;
    state.forget_identities();
    audit(
        state,
        Some(organisation),
        Some(viewer.person),
        Some(person),
        "member-removed",
        "succeeded",
        "",
    )
    .await?;
    Ok(())
}
