//! Accepting an invitation: a new account with name and password, or an existing one that
//! signs in and joins.

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

async fn open_invitation(
    state: &AppState,
    token: &str,
) -> Result<
    (
        leidraad_domain::accounts::Secret,
        leidraad_store::accounts::Invitation,
    ),
    AppError,
> {
    let secret = accounts::secret_from_link(token)?;
    let invitation = state
        .store
        .invitation_by_token(&secret.digest())
        .await?
        .ok_or(AppError::NotFound)?;
    if !invitation.is_open(state.clock.now()) {
        return Err(AppError::Conflict {
            code: "invitation-closed",
        });
    }
    Ok((secret, invitation))
}

async fn invitation_page(
    state: &AppState,
    tr: Tr,
    token: &str,
    viewer: Option<&crate::auth::Viewer>,
    invitation: &leidraad_store::accounts::Invitation,
) -> Result<InvitationPage, AppError> {
    let existing_account = state
        .store
        .person_by_email(&invitation.email)
        .await?
        .is_some();
    let signed_in_as_invitee = viewer.is_some_and(|v| v.email.to_lowercase() == invitation.email);
    Ok(InvitationPage {
        page: PageContext::new(tr, format!("/uitnodiging/{token}"), Section::Other),
        action: format!("/uitnodiging/{token}"),
        organisation: invitation.organisation_name.clone(),
        email: invitation.email.clone(),
        roles: invitation
            .roles
            .iter()
            .map(|r| tr.t(&format!("role-{}", r.code())).into_owned())
            .collect(),
        existing_account,
        signed_in_as_invitee,
        name: String::new(),
        error: String::new(),
    })
}

pub async fn get_invitation(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (_, invitation) = open_invitation(&state, &token).await?;
    let page = invitation_page(&state, tr, &token, viewer.as_deref(), &invitation).await?;
    render(&page).map(without_referrer)
}

pub async fn post_invitation(
    State(state): State<AppState>,
    tr: Tr,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(token): Path<String>,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let (secret, invitation) = open_invitation(&state, &token).await?;
    let now = state.clock.now();
    let mut page = invitation_page(&state, tr, &token, viewer.as_deref(), &invitation).await?;
    if page.existing_account {
        let Some(viewer) = viewer.filter(|_| page.signed_in_as_invitee) else {
            page.error = message(tr, "invitation-sign-in-first");
            return again(&page, StatusCode::CONFLICT);
        };
        let organisation = state
            .store
            .accept_invitation_as_person(&secret.digest(), viewer.person, now)
            .await?
            .ok_or(AppError::Conflict {
                code: "invitation-closed",
            })?;
        state.forget_identities();
        accounts::audit(
            &state,
            Some(organisation),
            Some(viewer.person),
            None,
            "invitation",
            "accepted",
            &invitation.roles.to_codes(),
        )
        .await?;
        return Ok(Redirect::to(&format!("/organisaties/{organisation}")).into_response());
    }
    page.name = form.get("name").trim().to_owned();
    let email = Email::parse(&invitation.email).map_err(|_| AppError::Internal)?;
    let parsed = PersonName::parse(form.get("name"))
        .map_err(|e| e.code())
        .and_then(|name| new_password(&form, Some(&email)).map(|p| (name, p)));
    let (name, password) = match parsed {
        Ok(parsed) => parsed,
        Err(code) => {
            page.error = message(tr, code);
            return again(&page, StatusCode::BAD_REQUEST).map(without_referrer);
        }
    };
    let hash = accounts::hash(password).await?;
    let accepted = state
        .store
        .accept_invitation_as_new_person(
            &secret.digest(),
            NewPerson {
                email: email.as_str(),
                email_key: &email.lookup_key(),
                name: name.as_str(),
                password_hash: hash.as_str(),
                now,
            },
        )
        .await;
    state.forget_identities();
    let (organisation, person) = match accepted {
        Ok(Some(accepted)) => accepted,
        Ok(None) => {
            return Err(AppError::Conflict {
                code: "invitation-closed",
            });
        }
        Err(StoreError::Conflict) => {
            return Err(AppError::Conflict {
                code: "email-taken",
            });
        }
        Err(error) => return Err(error.into()),
    };
    accounts::audit(
        &state,
        Some(organisation),
        Some(person),
        None,
        "invitation",
        "accepted",
        &invitation.roles.to_codes(),
    )
    .await?;
    let mut response = Redirect::to(&format!("/organisaties/{organisation}")).into_response();
    crate::auth::start_session(
        &state,
        person,
        &user_agent(&headers),
        response.headers_mut(),
    )
    .await?;
    Ok(response)
}
