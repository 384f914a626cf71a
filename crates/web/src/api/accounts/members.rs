//! Schools, members and invitations of one organisation.

use super::*;

#[derive(Serialize, ToSchema)]
pub struct SchoolItem {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SchoolList {
    pub schools: Vec<SchoolItem>,
}

/// The schools the caller may see: all of them for admins and board members, one's own for
/// school leaders and staff.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/schools", tag = "accounts", params(("org" = i64, Path)), responses((status = 200, body = SchoolList)))]
pub async fn list_schools(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
) -> Result<Json<SchoolList>, AppError> {
    let schools = directory::schools(&state, &viewer, OrganisationId(org))
        .await?
        .into_iter()
        .map(|s| SchoolItem {
            id: s.id,
            name: s.name,
            created_at: s.created_at,
        })
        .collect();
    Ok(Json(SchoolList { schools }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewSchool {
    #[schema(schema_with = crate::api::input::school_name)]
    pub name: String,
}

#[utoipa::path(post, path = "/api/v1/organisations/{org}/schools", tag = "accounts", params(("org" = i64, Path)), request_body = NewSchool, responses((status = 201, body = SchoolItem), (status = 409, description = "the organisation has a school of this name (`school-name-taken`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_school(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
    JsonBody(body): JsonBody<NewSchool>,
) -> Result<Response, AppError> {
    let school = create_school(&state, &viewer, OrganisationId(org), &body.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(SchoolItem {
            id: school.id,
            name: school.name,
            created_at: school.created_at,
        }),
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct MemberItem {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub roles: Vec<&'static str>,
    pub schools: Vec<i64>,
    pub joined_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct MemberList {
    pub members: Vec<MemberItem>,
}

fn member_item(member: Member) -> MemberItem {
    MemberItem {
        id: member.person_id.get(),
        name: member.name,
        email: member.email,
        roles: member.roles.iter().map(|r| r.code()).collect(),
        schools: member.schools.iter().map(|s| s.get()).collect(),
        joined_at: member.joined_at,
    }
}

/// Members the caller may see: everyone for admins and board members, the members of their
/// own schools for school leaders; 403 for others.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/members", tag = "accounts", params(("org" = i64, Path)), responses((status = 200, body = MemberList), (status = 403, description = "a member whose roles show no members (staff, coach)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn list_members(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
) -> Result<Json<MemberList>, AppError> {
    let members = directory::members(&state, &viewer, OrganisationId(org)).await?;
    Ok(Json(MemberList {
        members: members.into_iter().map(member_item).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct MemberChange {
    /// The complete new set of roles (at least one).
    #[schema(schema_with = crate::api::input::roles)]
    pub roles: Vec<String>,
    /// The complete new set of schools of this organisation.
    #[serde(default, deserialize_with = "crate::api::input::whole_list")]
    pub schools: Vec<i64>,
}

#[utoipa::path(patch, path = "/api/v1/organisations/{org}/members/{person}", tag = "accounts", params(("org" = i64, Path), ("person" = i64, Path)), request_body = MemberChange, responses((status = 204), (status = 409, description = "would leave the organisation without an admin (`last-admin`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn patch_member(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((org, person)): Path<(i64, i64)>,
    JsonBody(body): JsonBody<MemberChange>,
) -> Result<StatusCode, AppError> {
    let organisation = OrganisationId(org);
    viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
    let roles = accounts::parse_roles(body.roles.iter().map(String::as_str))?;
    let mut schools = Vec::new();
    for id in body.schools {
        schools.push(accounts::school_of(&state, organisation, id).await?);
    }
    accounts::update_member(
        &state,
        &viewer,
        organisation,
        PersonId(person),
        roles,
        &schools,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/v1/organisations/{org}/members/{person}", tag = "accounts", params(("org" = i64, Path), ("person" = i64, Path)), responses((status = 204), (status = 409, description = "would leave the organisation without an admin (`last-admin`)", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn delete_member(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((org, person)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    accounts::remove_member(&state, &viewer, OrganisationId(org), PersonId(person)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct InvitationItem {
    pub id: i64,
    pub email: String,
    pub roles: Vec<&'static str>,
    pub school: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationList {
    pub invitations: Vec<InvitationItem>,
}

#[utoipa::path(get, path = "/api/v1/organisations/{org}/invitations", tag = "accounts", params(("org" = i64, Path)), responses((status = 200, body = InvitationList), (status = 403, description = "only admins see invitations", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn list_invitations(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
) -> Result<Json<InvitationList>, AppError> {
    let invitations = directory::invitations(&state, &viewer, OrganisationId(org))
        .await?
        .into_iter()
        .map(|i| InvitationItem {
            id: i.id,
            email: i.email,
            roles: i.roles.iter().map(|r| r.code()).collect(),
            school: i.school_id.map(|s| s.get()),
            created_at: i.created_at,
            expires_at: i.expires_at,
            accepted_at: i.accepted_at,
            revoked_at: i.revoked_at,
        })
        .collect();
    Ok(Json(InvitationList { invitations }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewInvitationBody {
    #[schema(schema_with = crate::api::input::email)]
    pub email: String,
    #[schema(schema_with = crate::api::input::roles)]
    pub roles: Vec<String>,
    /// A school of this organisation to invite to.
    #[serde(default, deserialize_with = "crate::api::input::optional_whole")]
    pub school: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedInvitationItem {
    pub id: i64,
    /// The link to pass on; it is also mailed. Valid for 7 days.
    pub link: String,
}

#[utoipa::path(post, path = "/api/v1/organisations/{org}/invitations", tag = "accounts", params(("org" = i64, Path)), request_body = NewInvitationBody, responses((status = 201, body = CreatedInvitationItem), (status = 409, description = "the address belongs to someone who is a member already (`already-member`); nothing is sent", body = crate::api::ProblemSchema, content_type = "application/problem+json")))]
pub async fn post_invitation(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
    JsonBody(body): JsonBody<NewInvitationBody>,
) -> Result<Response, AppError> {
    let organisation = OrganisationId(org);
    viewer.may(
        Action::ManageInvitations,
        &Target::organisation(organisation),
    )?;
    let email = Email::parse(&body.email).map_err(|e| AppError::BadRequest { code: e.code() })?;
    let roles = accounts::parse_roles(body.roles.iter().map(String::as_str))?;
    let school = match body.school {
        Some(id) => Some(accounts::school_of(&state, organisation, id).await?),
        None => None,
    };
    let created = accounts::invite(
        &state,
        &viewer,
        organisation,
        accounts::InvitationRequest {
            email: &email,
            roles,
            school,
        },
        tr.lang,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvitationItem {
            id: created.id,
            link: created.link,
        }),
    )
        .into_response())
}

#[utoipa::path(delete, path = "/api/v1/organisations/{org}/invitations/{invitation}", tag = "accounts", params(("org" = i64, Path), ("invitation" = i64, Path)), responses((status = 204)))]
pub async fn delete_invitation(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((org, invitation)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    revoke_invitation(&state, &viewer, OrganisationId(org), invitation).await?;
    Ok(StatusCode::NO_CONTENT)
}
