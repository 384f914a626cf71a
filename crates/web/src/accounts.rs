//! What the account pages, the API and the command line share: signing in with the
//! throttle, hashing off the async threads, invitations, member changes with their guards,
//! and the audit log. Every decision about who may do what is the policy's; this module only
//! carries it out.

use std::net::IpAddr;

use axum::http::HeaderMap;
use leidraad_domain::Language;
use leidraad_domain::accounts::limits::{INVITATION_LIFETIME, PASSWORD_RESET_LIFETIME};
use leidraad_domain::accounts::{
    Action, Email, OrganisationId, Password, PasswordHash, PersonId, Role, RoleSet, SchoolId,
    Secret, Target, decoy_hash, digest_of, hash_password_in, needs_rehash, verify_password_in,
};
use leidraad_store::accounts::{NewAuditEvent, NewInvitation};

use crate::AppState;
use crate::auth::{Viewer, new_salt, new_secret};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::mail::OutgoingMessage;

/// Argon2 takes tens of milliseconds of CPU and 19 MiB: off the async threads, in the hashing
/// pool (at most one hash per core at once, in buffers allocated once).
pub async fn hash(password: Password) -> Result<PasswordHash, AppError> {
    let salt = new_salt();
    crate::hashing::pool()
        .run(move |memory| hash_password_in(&password, salt, memory))
        .await
        .ok_or(AppError::Internal)
}

pub async fn verify(candidate: String, hash: PasswordHash) -> bool {
    crate::hashing::pool()
        .run(move |memory| verify_password_in(&candidate, &hash, memory))
        .await
        .unwrap_or(false)
}

/// Whether `candidate` is the person's current password: asked before a password change and
/// before deleting the account.
pub async fn confirms_password(
    state: &AppState,
    person: PersonId,
    candidate: &str,
) -> Result<bool, AppError> {
    let record = state
        .store
        .person(person)
        .await?
        .ok_or(AppError::NotFound)?;
    let hash = PasswordHash::from_stored(record.password_hash);
    Ok(verify(candidate.to_owned(), hash).await)
}

pub enum SignIn {
    Accepted(PersonId),
    Refused,
    /// Too many failures for this account or address; wait this many seconds.
    Throttled(i64),
}

/// Checks an email and password. Unknown and known emails take the same path and time: a
/// real hash or the decoy is verified either way.
pub async fn sign_in(
    state: &AppState,
    email_text: &str,
    password: &str,
    address: Option<IpAddr>,
) -> Result<SignIn, AppError> {
    let now = state.clock.now();
    let email = Email::parse(email_text).ok();
    let account_key = digest_of(&format!(
        "account:{}",
        email
            .as_ref()
            .map_or_else(|| email_text.trim().to_lowercase(), Email::lookup_key)
    ));
    let address_key = digest_of(&format!(
        "address:{}",
        address.map_or_else(|| "unknown".into(), |a| a.to_string())
    ));
    let throttle = state.settings.throttle;
    let since = now - throttle.window;
    let account_failures = state.store.sign_in_failures(&account_key, since).await?;
    let address_failures = state.store.sign_in_failures(&address_key, since).await?;
    if let Some(seconds) = throttle.wait_for(&account_failures, &address_failures, now) {
        audit(state, None, None, None, "sign-in", "throttled", "").await?;
        return Ok(SignIn::Throttled(seconds));
    }
    let person = match &email {
        Some(email) => state.store.person_by_email(&email.lookup_key()).await?,
        None => None,
    };
    let stored = person.as_ref().map_or_else(
        || decoy_hash().clone(),
        |p| PasswordHash::from_stored(p.password_hash.clone()),
    );
    let matches = verify(password.to_owned(), stored.clone()).await && person.is_some();
    let Some(person) = person.filter(|_| matches) else {
        state
            .store
            .record_sign_in_failure(&[&account_key, &address_key], now)
            .await?;
        audit(state, None, None, None, "sign-in", "failed", "").await?;
        return Ok(SignIn::Refused);
    };
    state
        .store
        .clear_sign_in_failures(&account_key, throttle.forget_before(now))
        .await?;
    if needs_rehash(&stored)
        && let Ok(password) = Password::parse(password, None)
    {
        let fresh = hash(password).await?;
        state
            .store
            .replace_password_hash(person.id, fresh.as_str())
            .await?;
    }
    for organisation in organisations_of(state, person.id).await? {
        audit(
            state,
            Some(organisation),
            Some(person.id),
            None,
            "sign-in",
            "succeeded",
            "",
        )
        .await?;
    }
    Ok(SignIn::Accepted(person.id))
}

async fn organisations_of(
    state: &AppState,
    person: PersonId,
) -> Result<Vec<OrganisationId>, AppError> {
    Ok(state
        .store
        .memberships_of(person)
        .await?
        .iter()
        .map(|m| m.organisation.organisation_id())
        .collect())
}

/// The throttle's key for failures on one account; the store sees only its digest.
pub fn account_throttle_key(email_key: &str) -> String {
    digest_of(&format!("account:{email_key}"))
}

pub fn address_throttle_key(address: Option<IpAddr>) -> String {
    digest_of(&format!(
        "address:{}",
        address.map_or_else(|| "unknown".into(), |a| a.to_string())
    ))
}

/// Starts a session and puts its cookie on `headers`; a fresh id at every sign-in.
pub async fn start_session(
    state: &AppState,
    person: PersonId,
    user_agent: &str,
    headers: &mut HeaderMap,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let lifetime = state.settings.session;
    // Sessions that ended on their own are swept here, where sessions are made anyway.
    state
        .store
        .purge_sessions(now - lifetime.idle, now - lifetime.absolute)
        .await?;
    let secret = new_secret();
    let csrf = new_secret();
    state
        .store
        .create_session(&secret.digest(), person, csrf.expose(), user_agent, now)
        .await?;
    state.session_cookie.set(headers, &secret);
    Ok(())
}

/// Records a security event. `detail` carries codes only.
pub async fn audit(
    state: &AppState,
    organisation: Option<OrganisationId>,
    actor: Option<PersonId>,
    subject: Option<PersonId>,
    event: &str,
    outcome: &str,
    detail: &str,
) -> Result<(), AppError> {
    state
        .store
        .record_audit_event(NewAuditEvent {
            at: state.clock.now(),
            organisation,
            actor,
            subject,
            event,
            outcome,
            detail,
        })
        .await?;
    tracing::info!(
        event,
        outcome,
        organisation = organisation.map(|o| o.get()),
        "audit"
    );
    Ok(())
}

/// The address links in mail start with: the configured public URL, never a request header,
/// so nobody can make Leidraad mail a link to a host of their choosing. `leidraad serve`
/// always sets it (from `--public-url`, or from the address it is bound to).
pub fn link_base(state: &AppState) -> Result<String, AppError> {
    match &state.settings.public_url {
        Some(url) => Ok(url.trim_end_matches('/').to_owned()),
        None => {
            tracing::error!("no public URL is configured: mail with a link cannot be sent");
            Err(AppError::Internal)
        }
    }
}

/// Roles from form values or JSON; at least one, all known.
pub fn parse_roles<'a>(codes: impl IntoIterator<Item = &'a str>) -> Result<RoleSet, AppError> {
    let roles = codes
        .into_iter()
        .map(|code| code.parse::<Role>())
        .collect::<Result<RoleSet, _>>()
        .map_err(|_| AppError::BadRequest {
            code: "role-unknown",
        })?;
    if roles.is_empty() {
        return Err(AppError::BadRequest {
            code: "roles-empty",
        });
    }
    Ok(roles)
}

/// A school id from a form or JSON that must belong to the organisation; anything else is
/// refused as unknown.
pub async fn school_of(
    state: &AppState,
    organisation: OrganisationId,
    school: i64,
) -> Result<SchoolId, AppError> {
    state
        .store
        .school(organisation, SchoolId(school))
        .await?
        .map(|s| s.school_id())
        .ok_or(AppError::BadRequest {
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
    state: &AppState,
    viewer: &Viewer,
    organisation: OrganisationId,
    request: InvitationRequest<'_>,
    language: Language,
) -> Result<CreatedInvitation, AppError> {
    viewer.may(
        Action::ManageInvitations,
        &Target::organisation(organisation),
    )?;
    let InvitationRequest {
        email,
        roles,
        school,
    } = request;
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
    let tr = Tr::new(language);
    let message = OutgoingMessage {
        organisation: Some(organisation),
        to: email,
        kind: "invitation",
        subject: tr.t1(
            "mail-invitation-subject",
            "organisation",
            organisation_name.as_str(),
        ),
        body: format!(
            "{}\n\n{link}\n\n{}\n",
            tr.t1(
                "mail-invitation-body",
                "organisation",
                organisation_name.as_str()
            ),
            tr.t("mail-invitation-expiry")
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
    state: &AppState,
    viewer: &Viewer,
    organisation: OrganisationId,
    person: PersonId,
    roles: RoleSet,
    schools: &[SchoolId],
) -> Result<(), AppError> {
    viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
    let member = state
        .store
        .member(organisation, person)
        .await?
        .ok_or(AppError::NotFound)?;
    let loses_admin = member.roles.contains(Role::Admin) && !roles.contains(Role::Admin);
    if loses_admin && state.store.count_admins(organisation).await? <= 1 {
        return Err(AppError::Conflict { code: "last-admin" });
    }
    state
        .store
        .update_member(organisation, person, roles, schools)
        .await?;
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
    state: &AppState,
    viewer: &Viewer,
    organisation: OrganisationId,
    person: PersonId,
) -> Result<(), AppError> {
    viewer.may(Action::ManageMembers, &Target::organisation(organisation))?;
    let member = state
        .store
        .member(organisation, person)
        .await?
        .ok_or(AppError::NotFound)?;
    if member.roles.contains(Role::Admin) && state.store.count_admins(organisation).await? <= 1 {
        return Err(AppError::Conflict { code: "last-admin" });
    }
    state.store.remove_member(organisation, person).await?;
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

/// Sends a reset link if the email belongs to someone. Everything happens after the answer,
/// which is therefore the same, in content and in time, for known and unknown addresses. At
/// most three links an hour per person, so nobody can flood an inbox.
pub fn request_password_reset(state: &AppState, email_text: &str, language: Language) {
    let Ok(email) = Email::parse(email_text) else {
        return;
    };
    let background = state.clone();
    state.mailer.run_after_answer(async move {
        if let Err(error) = send_reset_link(&background, email, language).await {
            tracing::error!(error = %crate::error_chain(&error), "a reset link could not be made");
        }
    });
}

async fn send_reset_link(
    state: &AppState,
    email: Email,
    language: Language,
) -> Result<(), AppError> {
    let Some(person) = state.store.person_by_email(&email.lookup_key()).await? else {
        return Ok(());
    };
    let now = state.clock.now();
    if state
        .store
        .count_password_resets(person.id, now - 3600)
        .await?
        >= 3
    {
        return Ok(());
    }
    let token = new_secret();
    state
        .store
        .create_password_reset(
            &token.digest(),
            person.id,
            now,
            now + PASSWORD_RESET_LIFETIME,
        )
        .await?;
    let tr = Tr::new(language);
    let link = format!(
        "{}/wachtwoord-herstellen/{}",
        link_base(state)?,
        token.expose()
    );
    let message = OutgoingMessage {
        organisation: organisations_of(state, person.id).await?.first().copied(),
        to: &email,
        kind: "password-reset",
        subject: tr.t("mail-reset-subject").into_owned(),
        body: format!(
            "{}\n\n{link}\n\n{}\n",
            tr.t("mail-reset-body"),
            tr.t("mail-reset-expiry")
        ),
    };
    state.mailer.send(&state.store, message, now).await?;
    Ok(())
}

/// Parses a secret from a link; a malformed one is as unknown as a wrong one.
pub fn secret_from_link(text: &str) -> Result<Secret, AppError> {
    Secret::parse(text).ok_or(AppError::NotFound)
}

/// A new organisation on an installation that already runs (`leidraad admin organisation
/// add`): a board, a regional cooperation, a customer of a hosting party.
pub struct NewOrganisation<'a> {
    pub name: &'a str,
    /// Its first admin: an existing account joins as admin; otherwise an account is made.
    pub admin_email: &'a str,
    /// For a new account: its name (default: the part of the address before the @) and
    /// password (required).
    pub admin_name: Option<&'a str>,
    pub password: Option<&'a str>,
}

/// What [`add_organisation`] made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddedOrganisation {
    pub organisation: OrganisationId,
    pub admin: PersonId,
    /// Whether the admin's account was made now (or already existed).
    pub new_account: bool,
}

/// Why an organisation could not be added: a problem code, as the web layer names them.
#[derive(Debug, thiserror::Error)]
pub enum AddOrganisationError {
    #[error("{0}")]
    Refused(&'static str),
    #[error("storage failed: {0}")]
    Store(#[from] leidraad_store::StoreError),
}

/// Adds an organisation with its first admin, by the same rules as the setup page.
pub async fn add_organisation(
    store: &leidraad_store::Store,
    request: NewOrganisation<'_>,
    now: i64,
) -> Result<AddedOrganisation, AddOrganisationError> {
    use leidraad_domain::accounts::{OrganisationName, PersonName};
    use leidraad_store::accounts::NewPerson;
    let refused = AddOrganisationError::Refused;
    let name = OrganisationName::parse(request.name).map_err(|e| refused(e.code()))?;
    let email = Email::parse(request.admin_email).map_err(|e| refused(e.code()))?;
    let existing = store.person_by_email(&email.lookup_key()).await?;
    let (admin, new_account) = match existing {
        Some(person) => (person.id, false),
        None => {
            let typed_name = request
                .admin_name
                .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or_default());
            let person_name = PersonName::parse(typed_name).map_err(|e| refused(e.code()))?;
            let password = Password::parse(request.password.unwrap_or_default(), Some(&email))
                .map_err(|e| refused(e.code()))?;
            let hash = hash(password).await.map_err(|_| refused("internal"))?;
            let person = store
                .create_person(NewPerson {
                    email: email.as_str(),
                    email_key: &email.lookup_key(),
                    name: person_name.as_str(),
                    password_hash: hash.as_str(),
                    now,
                })
                .await?;
            (person, true)
        }
    };
    let organisation = store.create_organisation(name.as_str(), admin, now).await?;
    store
        .record_audit_event(NewAuditEvent {
            at: now,
            organisation: Some(organisation),
            actor: Some(admin),
            subject: None,
            event: "organisation-created",
            outcome: "succeeded",
            detail: "cli",
        })
        .await?;
    Ok(AddedOrganisation {
        organisation,
        admin,
        new_account,
    })
}
