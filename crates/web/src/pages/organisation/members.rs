//! One member: roles, schools, removal.

use super::*;
use crate::pages::render_refused;

#[derive(Template)]
#[template(path = "member.html")]
pub struct MemberPage {
    page: PageContext,
    organisation_id: i64,
    organisation: String,
    member: MemberView,
    roles: Vec<(&'static str, String, bool)>,
    schools: Vec<(i64, String, bool)>,
    error: String,
}

async fn member_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    organisation: OrganisationId,
    person: PersonId,
) -> Result<MemberPage, AppError> {
    let (member, schools) = directory::member(state, viewer, organisation, person).await?;
    Ok(MemberPage {
        page: PageContext::new(
            tr,
            format!("/organisaties/{organisation}/leden/{person}"),
            Section::Other,
        ),
        organisation_id: organisation.get(),
        organisation: viewer.membership(organisation)?.organisation.name.clone(),
        roles: Role::ALL
            .iter()
            .map(|r| {
                (
                    r.code(),
                    tr.t(&format!("role-{}", r.code())).into_owned(),
                    member.roles.contains(*r),
                )
            })
            .collect(),
        schools: schools
            .iter()
            .map(|s| {
                (
                    s.id,
                    s.name.clone(),
                    member.schools.contains(&s.school_id()),
                )
            })
            .collect(),
        member: member_view(tr, &member),
        error: String::new(),
    })
}

pub async fn get_member(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((org, person)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    render(&member_page(&state, tr, &viewer, organisation_id(org), PersonId(person)).await?)
}

pub async fn post_member(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((org, person)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let person = PersonId(person);
    let result: Result<(), AppError> = async {
        viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
        let roles = accounts::parse_roles(form.all("role"))?;
        let mut schools = Vec::new();
        for id in form.all("school") {
            let id: i64 = id.parse().map_err(|_| AppError::BadRequest {
                code: "school-unknown",
            })?;
            schools.push(accounts::school_of(&state, organisation, id).await?);
        }
        accounts::update_member(&state, &viewer, organisation, person, roles, &schools).await?;
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Ok(back(organisation, "lid")),
        Err(AppError::BadRequest { code } | AppError::Conflict { code }) => {
            let mut page = member_page(&state, tr, &viewer, organisation, person).await?;
            page.error = tr.t(&format!("problem-{code}")).into_owned();
            render_refused(&page, StatusCode::BAD_REQUEST)
        }
        Err(error) => Err(error),
    }
}

/// Removes the member, only when the page's confirmation box was ticked; without it nothing
/// changes and the member page says why.
pub async fn post_remove_member(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((org, person)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let person = PersonId(person);
    if !super::super::profile::confirmed(&form) {
        // The page is built first, so that a role that may not remove learns only that.
        let mut page = member_page(&state, tr, &viewer, organisation, person).await?;
        page.error = tr.t("problem-confirmation-missing").into_owned();
        return render_refused(&page, StatusCode::BAD_REQUEST);
    }
    match accounts::remove_member(&state, &viewer, organisation, person).await {
        Ok(()) => Ok(back(organisation, "lid-weg")),
        Err(error) => again(&state, tr, &viewer, organisation, error.into(), "").await,
    }
}
