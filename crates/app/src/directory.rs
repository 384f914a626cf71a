//! What a member may see of an organisation (its schools, members, invitations, audit log and
//! outbox) and what a person may see of their own account (sessions, tokens). The page and
//! the API both read through here, so they can never show different things to the same
//! person: every list is filtered by the policy in one place.

use leidraad_domain::accounts::{Action, OrganisationId, PersonId, SchoolId, Target};
use leidraad_store::accounts::{
    ApiTokenRecord, AuditEntry, Invitation, Member, OutgoingMail, School, SessionRecord,
};

use crate::{App, Error, Viewer};

/// How many entries the audit log and the outbox show, newest first.
const LOG_LENGTH: i64 = 500;

/// One organisation as its member may see it.
pub struct OrganisationView {
    /// The schools the viewer may see, each with the members the viewer may see there.
    pub schools: Vec<(School, Vec<Member>)>,
    /// Every member, when the viewer may see them all.
    pub members: Option<Vec<Member>>,
    /// Open and past invitations, when the viewer may see them.
    pub invitations: Option<Vec<Invitation>>,
    /// Every school, for naming those an invitation is for.
    pub all_schools: Vec<School>,
}

/// The organisation page's whole reading: `NotFound` for someone who is not a member.
pub async fn organisation(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<OrganisationView, Error> {
    let whole = Target::organisation(organisation);
    viewer.may(Action::ViewOrganisation, &whole)?;
    let members = state.store.members(organisation).await?;
    let all_schools = state.store.schools(organisation).await?;
    let schools = all_schools
        .iter()
        .filter(|s| viewer.allowed(Action::ViewSchools, &school(organisation, s)))
        .map(|s| {
            let here = if viewer.allowed(Action::ViewMembers, &school(organisation, s)) {
                members
                    .iter()
                    .filter(|m| m.schools.contains(&s.school_id()))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            (s.clone(), here)
        })
        .collect();
    let invitations = if viewer.allowed(Action::ViewInvitations, &whole) {
        Some(state.store.invitations(organisation).await?)
    } else {
        None
    };
    let members = viewer
        .allowed(Action::ViewMembers, &whole)
        .then_some(members);
    Ok(OrganisationView {
        schools,
        members,
        invitations,
        all_schools,
    })
}

fn school<'a>(organisation: OrganisationId, school: &School) -> Target<'a> {
    Target::school(organisation, school.school_id())
}

/// The schools the viewer may see: all for admins and board members, their own for others.
pub async fn schools(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<Vec<School>, Error> {
    viewer.may(
        Action::ViewOrganisation,
        &Target::organisation(organisation),
    )?;
    let schools = state.store.schools(organisation).await?;
    Ok(schools
        .into_iter()
        .filter(|s| viewer.allowed(Action::ViewSchools, &school(organisation, s)))
        .collect())
}

/// The members the viewer may see: everyone for admins and board members, the members of
/// their own schools for school leaders; `Forbidden` for roles that see no members.
pub async fn members(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<Vec<Member>, Error> {
    let whole = Target::organisation(organisation);
    viewer.may(Action::ViewOrganisation, &whole)?;
    if viewer.allowed(Action::ViewMembers, &whole) {
        return Ok(state.store.members(organisation).await?);
    }
    let visible: Vec<SchoolId> = viewer
        .membership(organisation)?
        .schools
        .iter()
        .copied()
        .filter(|s| viewer.allowed(Action::ViewMembers, &Target::school(organisation, *s)))
        .collect();
    if visible.is_empty() {
        return Err(Error::Forbidden);
    }
    let members = state.store.members(organisation).await?;
    Ok(members
        .into_iter()
        .filter(|m| m.schools.iter().any(|s| visible.contains(s)))
        .collect())
}

/// One member with every school of the organisation, for the admin's member page.
pub async fn member(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
    person: PersonId,
) -> Result<(Member, Vec<School>), Error> {
    viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
    let member = state
        .store
        .member(organisation, person)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((member, state.store.schools(organisation).await?))
}

/// The organisation's invitations, for those who may see them.
pub async fn invitations(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<Vec<Invitation>, Error> {
    viewer.may(Action::ViewInvitations, &Target::organisation(organisation))?;
    Ok(state.store.invitations(organisation).await?)
}

/// The newest entries of the organisation's audit log.
pub async fn audit_log(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<Vec<AuditEntry>, Error> {
    viewer.may(Action::ViewAuditLog, &Target::organisation(organisation))?;
    Ok(state.store.audit_log(organisation, LOG_LENGTH).await?)
}

/// The newest mail sent on the organisation's behalf (never its bodies: admins must not see
/// reset links).
pub async fn outbox(
    state: &App,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<Vec<OutgoingMail>, Error> {
    viewer.may(Action::ViewOutbox, &Target::organisation(organisation))?;
    Ok(state.store.outgoing_mail(organisation, LOG_LENGTH).await?)
}

/// The viewer's own sessions and API tokens, in one statement.
pub async fn sessions_and_tokens(
    state: &App,
    viewer: &Viewer,
) -> Result<(Vec<SessionRecord>, Vec<ApiTokenRecord>), Error> {
    Ok(state.store.sessions_and_tokens(viewer.person).await?)
}

/// The viewer's own API tokens.
pub async fn api_tokens(state: &App, viewer: &Viewer) -> Result<Vec<ApiTokenRecord>, Error> {
    viewer.may(Action::ManageOwnApiTokens, &Target::owned_by(viewer.person))?;
    Ok(state.store.api_tokens_of(viewer.person).await?)
}
