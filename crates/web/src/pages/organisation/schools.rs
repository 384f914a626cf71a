//! An organisation's schools: add, rename, delete.

use super::*;
use crate::pages::render_refused;

pub async fn post_create_school(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    match organisations::create_school(&state, &viewer, organisation, form.get("name"))
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(back(organisation, "school")),
        Err(error) => again(&state, tr, &viewer, organisation, error, "").await,
    }
}

pub async fn post_rename_school(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((org, school)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let school = SchoolId(school);
    let typed = form.get("name");
    match organisations::rename_school(&state, &viewer, organisation, school, typed).await {
        Ok(()) => Ok(back(organisation, "school")),
        Err(error) => again(&state, tr, &viewer, organisation, error.into(), "").await,
    }
}

#[derive(Template)]
#[template(path = "school_delete.html")]
pub struct DeleteSchoolPage {
    page: PageContext,
    organisation_id: i64,
    organisation: String,
    school_id: i64,
    school: String,
    members: usize,
    open_invitations: usize,
    error: String,
}

async fn delete_school_page(
    state: &AppState,
    tr: Tr,
    viewer: &Viewer,
    organisation: OrganisationId,
    school: SchoolId,
) -> Result<DeleteSchoolPage, AppError> {
    let deletion = organisations::school_deletion(state, viewer, organisation, school).await?;
    Ok(DeleteSchoolPage {
        page: PageContext::new(
            tr,
            format!("/organisaties/{organisation}/scholen/{school}/verwijderen"),
            Section::Other,
        ),
        organisation_id: organisation.get(),
        organisation: viewer.membership(organisation)?.organisation.name.clone(),
        school_id: deletion.school.id,
        school: deletion.school.name,
        members: deletion.members,
        open_invitations: deletion.open_invitations,
        error: String::new(),
    })
}

/// "Weet je het zeker?", naming the school and who is attached to it.
pub async fn get_delete_school(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((org, school)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    render(&delete_school_page(&state, tr, &viewer, organisation, SchoolId(school)).await?)
}

/// Deletes the school, only from its confirmation page; a POST without the confirmation
/// field changes nothing and shows that page again with the reason.
pub async fn post_delete_school(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path((org, school)): Path<(i64, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let school = SchoolId(school);
    if !super::super::profile::confirmed(&form) {
        // Asked first, so that a role that may not delete learns only that.
        let mut page = delete_school_page(&state, tr, &viewer, organisation, school).await?;
        page.error = tr.t("problem-confirmation-missing").into_owned();
        return render_refused(&page, StatusCode::BAD_REQUEST);
    }
    organisations::delete_school(&state, &viewer, organisation, school).await?;
    Ok(back(organisation, "school-weg"))
}
