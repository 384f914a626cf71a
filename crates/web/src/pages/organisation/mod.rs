//! An organisation's pages: its schools, members and invitations, what the viewer's roles
//! allow of them, the audit log and the outbox. Every route here carries the organisation id
//! in its path and every handler asks the policy about exactly that organisation, so an id
//! of another organisation answers 404 like one that does not exist.

use crate::pages::render_refused;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use leidraad_domain::accounts::{
    Action, Email, OrganisationId, PersonId, Role, RoleSet, SchoolId, Target,
};
use leidraad_store::accounts::{AuditEntry, Invitation, Member, OutgoingMail, School};
use serde::Deserialize;

use super::{PageContext, Section, render};
use crate::AppState;
use crate::auth::{SignedIn, Viewer};
use crate::error::AppError;
use crate::form::FormFields;
use crate::i18n::Tr;
use leidraad_app::directory;
use leidraad_app::{accounts, organisations};

mod invitations;
mod logs;
mod members;
mod schools;

pub use invitations::*;
pub use logs::*;
pub use members::*;
pub use schools::*;

/// The organisation-scoped pages, as a table: the router is built from it and the isolation
/// test walks it, so no route can escape the test.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/organisaties/{org}", get(get_organisation)),
        (
            Method::POST,
            "/organisaties/{org}/naam",
            post(post_rename_organisation),
        ),
        (
            Method::POST,
            "/organisaties/{org}/scholen",
            post(post_create_school),
        ),
        (
            Method::POST,
            "/organisaties/{org}/scholen/{school}/naam",
            post(post_rename_school),
        ),
        (
            Method::GET,
            "/organisaties/{org}/scholen/{school}/verwijderen",
            get(get_delete_school),
        ),
        (
            Method::POST,
            "/organisaties/{org}/scholen/{school}/verwijderen",
            post(post_delete_school),
        ),
        (
            Method::GET,
            "/organisaties/{org}/leden/{person}",
            get(get_member),
        ),
        (
            Method::POST,
            "/organisaties/{org}/leden/{person}",
            post(post_member),
        ),
        (
            Method::POST,
            "/organisaties/{org}/leden/{person}/verwijderen",
            post(post_remove_member),
        ),
        (
            Method::POST,
            "/organisaties/{org}/uitnodigingen",
            post(post_invitation),
        ),
        (
            Method::POST,
            "/organisaties/{org}/uitnodigingen/{invitation}/intrekken",
            post(post_revoke_invitation),
        ),
        (
            Method::GET,
            "/organisaties/{org}/logboek",
            get(get_audit_log),
        ),
        (
            Method::GET,
            "/organisaties/{org}/postvak-uit",
            get(get_outbox),
        ),
    ]
}

#[derive(Template)]
#[template(path = "organisations.html")]
pub struct OrganisationsPage {
    page: PageContext,
    organisations: Vec<(i64, String, Vec<String>)>,
}

pub async fn get_organisations(tr: Tr, SignedIn(viewer): SignedIn) -> Result<Response, AppError> {
    let organisations = viewer
        .memberships
        .iter()
        .map(|m| {
            (
                m.organisation.id,
                m.organisation.name.clone(),
                role_labels(tr, m.roles),
            )
        })
        .collect();
    render(&OrganisationsPage {
        page: PageContext::new(tr, "/organisaties", Section::Other),
        organisations,
    })
}

fn role_labels(tr: Tr, roles: RoleSet) -> Vec<String> {
    roles
        .iter()
        .map(|r| tr.t(&format!("role-{}", r.code())).into_owned())
        .collect()
}

pub struct SchoolView {
    pub school: School,
    pub members: Vec<MemberView>,
}

pub struct MemberView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<String>,
}

pub struct InvitationView {
    pub invitation: Invitation,
    pub roles: Vec<String>,
    pub school: String,
    pub status: String,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "organisation.html")]
pub struct OrganisationPage {
    page: PageContext,
    id: i64,
    name: String,
    my_roles: Vec<String>,
    can_manage: bool,
    can_view_all_members: bool,
    can_view_invitations: bool,
    can_view_log: bool,
    /// Every school of the organisation is listed (admins, board members); otherwise only
    /// the viewer's own.
    can_view_all_schools: bool,
    /// Why no school is listed, when none is.
    schools_note: String,
    schools: Vec<SchoolView>,
    members: Vec<MemberView>,
    invitations: Vec<InvitationView>,
    all_roles: Vec<(&'static str, String)>,
    /// The link of an invitation just made, to copy.
    new_link: String,
    notice: String,
    error: String,
    invite_email: String,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    #[serde(default)]
    melding: String,
}

fn organisation_id(id: i64) -> OrganisationId {
    OrganisationId(id)
}

async fn organisation_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    organisation: OrganisationId,
) -> Result<OrganisationPage, AppError> {
    let seen = directory::organisation(state, viewer, organisation).await?;
    let membership = viewer.membership(organisation)?;
    let whole = Target::organisation(organisation);
    let schools: Vec<SchoolView> = seen
        .schools
        .into_iter()
        .map(|(school, members)| SchoolView {
            school,
            members: members.iter().map(|m| member_view(tr, m)).collect(),
        })
        .collect();
    let can_view_all_schools = viewer.allowed(Action::ViewSchools, &whole);
    let schools_note = if !schools.is_empty() {
        String::new()
    } else if can_view_all_schools {
        tr.t("schools-none").into_owned()
    } else if membership.roles.contains(Role::Staff)
        || membership.roles.contains(Role::SchoolLeader)
    {
        tr.t("schools-none-of-yours").into_owned()
    } else {
        tr.t("schools-not-for-your-role").into_owned()
    };
    let now = state.clock.now();
    let when = page_when(tr);
    let can_view_invitations = seen.invitations.is_some();
    let invitations = seen
        .invitations
        .unwrap_or_default()
        .into_iter()
        .map(|invitation| invitation_view(tr, &when, &seen.all_schools, invitation, now))
        .collect();
    let can_view_all_members = seen.members.is_some();
    Ok(OrganisationPage {
        page: PageContext::new(tr, format!("/organisaties/{organisation}"), Section::Other),
        id: organisation.get(),
        name: membership.organisation.name.clone(),
        my_roles: role_labels(tr, membership.roles),
        can_manage: viewer.allowed(Action::ManageMembers, &whole),
        can_view_all_members,
        can_view_invitations,
        can_view_log: viewer.allowed(Action::ViewAuditLog, &whole),
        can_view_all_schools,
        schools_note,
        schools,
        members: seen
            .members
            .unwrap_or_default()
            .iter()
            .map(|m| member_view(tr, m))
            .collect(),
        invitations,
        all_roles: Role::ALL
            .iter()
            .map(|r| (r.code(), tr.t(&format!("role-{}", r.code())).into_owned()))
            .collect(),
        new_link: String::new(),
        notice: String::new(),
        error: String::new(),
        invite_email: String::new(),
    })
}

fn page_when(tr: Tr) -> impl Fn(i64) -> String {
    move |at| leidraad_domain::local_time::LocalDateTime::amsterdam(at).format(tr.lang)
}

fn member_view(tr: Tr, member: &Member) -> MemberView {
    MemberView {
        id: member.person_id.get(),
        name: member.name.clone(),
        email: member.email.clone(),
        roles: role_labels(tr, member.roles),
    }
}

fn invitation_view(
    tr: Tr,
    when: &impl Fn(i64) -> String,
    schools: &[School],
    invitation: Invitation,
    now: i64,
) -> InvitationView {
    let status = if let Some(at) = invitation.accepted_at {
        tr.t1("invitation-accepted-at", "when", when(at))
    } else if let Some(at) = invitation.revoked_at {
        tr.t1("invitation-revoked-at", "when", when(at))
    } else if now >= invitation.expires_at {
        tr.t1("invitation-expired-at", "when", when(invitation.expires_at))
    } else {
        tr.t1("invitation-open-until", "when", when(invitation.expires_at))
    };
    InvitationView {
        roles: role_labels(tr, invitation.roles),
        school: invitation
            .school_id
            .and_then(|id| schools.iter().find(|s| s.school_id() == id))
            .map(|s| s.name.clone())
            .unwrap_or_default(),
        status,
        open: invitation.is_open(now),
        invitation,
    }
}

fn notice(tr: Tr, code: &str) -> String {
    let key = match code {
        "school" => "notice-school-saved",
        "school-weg" => "notice-school-deleted",
        "lid" => "notice-member-saved",
        "lid-weg" => "notice-member-removed",
        "ingetrokken" => "notice-invitation-revoked",
        "naam" => "notice-organisation-renamed",
        _ => return String::new(),
    };
    tr.t(key).into_owned()
}

pub async fn get_organisation(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let mut page = organisation_page(&state, tr, &viewer, organisation_id(org)).await?;
    page.notice = notice(tr, &query.melding);
    render(&page)
}

/// The organisation page again with a problem and, for the invitation form, what was typed.
async fn again(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    organisation: OrganisationId,
    error: AppError,
    invite_email: &str,
) -> Result<Response, AppError> {
    let (status, code) = error.into_refusal()?;
    let mut page = organisation_page(state, tr, viewer, organisation).await?;
    page.error = tr.t(&format!("problem-{code}")).into_owned();
    page.invite_email = invite_email.to_owned();
    render_refused(&page, status)
}

fn back(organisation: OrganisationId, notice: &str) -> Response {
    Redirect::to(&format!("/organisaties/{organisation}?melding={notice}")).into_response()
}

pub async fn post_rename_organisation(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    match organisations::rename(&state, &viewer, organisation, form.get("name")).await {
        Ok(()) => Ok(back(organisation, "naam")),
        Err(error) => again(&state, tr, &viewer, organisation, error.into(), "").await,
    }
}
