//! Accepting an invitation: a new account with name and password, or an existing one that
//! signs in and joins.

use leidraad_domain::accounts::Secret;

use super::*;

#[derive(Template)]
#[template(path = "invitation.html")]
pub struct InvitationPage {
    page: PageContext,
    action: String,
    organisation: String,
    email: String,
    roles: Vec<String>,
    /// An account with this email exists: sign in (as that person) and join.
    existing_account: bool,
    signed_in_as_invitee: bool,
    name: String,
    error: String,
}

fn invitation_page(
    tr: Tr,
    token: &str,
    viewer: Option<&crate::auth::Viewer>,
    open: &accounts::OpenInvitation,
) -> InvitationPage {
    let invitation = &open.invitation;
    InvitationPage {
        page: PageContext::new(tr, format!("/uitnodiging/{token}"), Section::Other),
        action: format!("/uitnodiging/{token}"),
        organisation: invitation.organisation_name.clone(),
        email: invitation.email.clone(),
        roles: invitation
            .roles
            .iter()
            .map(|r| tr.t(&format!("role-{}", r.code())).into_owned())
            .collect(),
        existing_account: open.existing_account,
        signed_in_as_invitee: viewer.is_some_and(|v| accounts::is_invitee(v, invitation)),
        name: String::new(),
        error: String::new(),
    }
}

/// The invitation behind the link, or the page that says why it no longer works.
async fn open_or_closed(
    state: &AppState,
    tr: Tr,
    token: &str,
    signed_in: bool,
) -> Result<Result<(Secret, accounts::OpenInvitation), Response>, AppError> {
    let path = format!("/uitnodiging/{token}");
    let Ok(secret) = accounts::secret_from_link(token) else {
        return Ok(Err(invitation_closed(tr, &path, None, signed_in)?));
    };
    match accounts::open_invitation(state, &secret).await {
        Ok(open) => Ok(Ok((secret, open))),
        Err(leidraad_app::Error::NotFound) => {
            Ok(Err(invitation_closed(tr, &path, None, signed_in)?))
        }
        Err(leidraad_app::Error::Conflict { .. }) => {
            closed_answer(state, tr, &secret, &path, signed_in)
                .await
                .map(Err)
        }
        Err(error) => Err(error.into()),
    }
}

async fn closed_answer(
    state: &AppState,
    tr: Tr,
    secret: &Secret,
    path: &str,
    signed_in: bool,
) -> Result<Response, AppError> {
    let closed = accounts::closed_invitation(state, secret).await?;
    invitation_closed(tr, path, closed.as_ref(), signed_in)
}

pub async fn get_invitation(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let open = match open_or_closed(&state, tr, &token, viewer.is_some()).await? {
        Ok((_, open)) => open,
        Err(page) => return Ok(page),
    };
    render(&invitation_page(tr, &token, viewer.as_deref(), &open)).map(without_referrer)
}

pub async fn post_invitation(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let (secret, open) = match open_or_closed(&state, tr, &token, viewer.is_some()).await? {
        Ok(open) => open,
        Err(page) => return Ok(page),
    };
    let path = format!("/uitnodiging/{token}");
    let mut page = invitation_page(tr, &token, viewer.as_deref(), &open);
    if open.existing_account {
        let accepted = match &viewer {
            Some(viewer) => accounts::accept_invitation_as(&state, &secret, viewer).await,
            None => Err(leidraad_app::Error::Conflict {
                code: "invitation-sign-in-first",
            }),
        };
        return match accepted {
            Ok(_) => Ok(Redirect::to(&format!("{START_PATH}?melding=lid")).into_response()),
            // Accepted by someone else, or withdrawn, between the page and the answer.
            Err(leidraad_app::Error::Conflict {
                code: "invitation-closed",
            }) => closed_answer(&state, tr, &secret, &path, true).await,
            Err(leidraad_app::Error::Conflict {
                code: code @ "invitation-sign-in-first",
            }) => {
                page.error = message(tr, code);
                again(&page, StatusCode::CONFLICT)
            }
            Err(error) => Err(error.into()),
        };
    }
    page.name = form.get("name").trim().to_owned();
    let accepted =
        accounts::accept_invitation_as_new(&state, &secret, form.get("name"), &new_password(&form))
            .await;
    let person = match accepted {
        Ok((_, person)) => person,
        Err(leidraad_app::Error::BadRequest { code }) => {
            page.error = message(tr, code);
            return again(&page, StatusCode::BAD_REQUEST).map(without_referrer);
        }
        Err(leidraad_app::Error::Conflict {
            code: "invitation-closed",
        }) => return closed_answer(&state, tr, &secret, &path, viewer.is_some()).await,
        Err(error) => return Err(error.into()),
    };
    let mut response = Redirect::to(&format!("{START_PATH}?melding=welkom")).into_response();
    crate::auth::start_session(
        &state,
        person,
        &user_agent(&headers),
        response.headers_mut(),
    )
    .await?;
    Ok(response)
}
