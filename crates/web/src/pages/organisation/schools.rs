//! An organisation's schools: add, rename, delete.

use super::*;

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

pub async fn post_delete_school(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((org, school)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let school = SchoolId(school);
    organisations::delete_school(&state, &viewer, organisation, school).await?;
    Ok(back(organisation, "school-weg"))
}
