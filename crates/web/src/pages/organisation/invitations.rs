//! Invitations: send one, revoke one.

use super::*;

pub async fn post_invitation(
    State(state): State<AppState>,
    tr: Tr,
    SignedIn(viewer): SignedIn,
    Path(org): Path<i64>,
    form: FormFields,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    let typed = form.get("email").trim().to_owned();
    let result: Result<_, AppError> = async {
        viewer.may(
            Action::ManageInvitations,
            &Target::organisation(organisation),
        )?;
        let email = Email::parse(&typed).map_err(|e| AppError::BadRequest { code: e.code() })?;
        let roles = accounts::parse_roles(form.all("role"))?;
        let school = match form.get("school") {
            "" => None,
            id => {
                let id: i64 = id.parse().map_err(|_| AppError::BadRequest {
                    code: "school-unknown",
                })?;
                Some(accounts::school_of(&state, organisation, id).await?)
            }
        };
        accounts::invite(
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
        .await
        .map_err(AppError::from)
    }
    .await;
    match result {
        Ok(created) => {
            let mut page = organisation_page(&state, tr, &viewer, organisation).await?;
            page.new_link = created.link;
            page.notice = tr.t1("notice-invitation-sent", "email", typed);
            let mut response = render(&page)?;
            response.headers_mut().insert(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            );
            Ok(response)
        }
        Err(error) => again(&state, tr, &viewer, organisation, error, &typed).await,
    }
}

pub async fn post_revoke_invitation(
    State(state): State<AppState>,
    SignedIn(viewer): SignedIn,
    Path((org, invitation)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let organisation = organisation_id(org);
    organisations::revoke_invitation(&state, &viewer, organisation, invitation).await?;
    Ok(back(organisation, "ingetrokken"))
}
