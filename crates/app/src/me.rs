//! What a person does about their own account: API tokens, the download of everything
//! Leidraad holds about them, and erasure. The profile page, the API and the command line all
//! come here.

use leidraad_domain::accounts::{
    Action, Email, LabelError, Password, PersonId, PersonName, Role, Target, TokenName,
};

use leidraad_store::Store;
use leidraad_store::accounts::NewAuditEvent;

use crate::accounts;
use crate::{App, Error, Viewer, new_secret};

/// A new API token: its name as stored, and its secret, which nobody sees again.
pub struct NewToken {
    pub name: String,
    pub secret: String,
}

/// Creates a token named `typed` (checked by [`TokenName`]).
pub async fn create_token(state: &App, viewer: &Viewer, typed: &str) -> Result<NewToken, Error> {
    viewer.may(Action::ManageOwnApiTokens, &Target::owned_by(viewer.person))?;
    create_token_in(&state.store, viewer.person, typed, state.clock.now(), "").await
}

/// [`create_token`] for the command line, which has a store and no running app (an operator
/// makes a token for someone); `via` goes into the audit entry's detail (`cli`).
pub async fn create_token_in(
    store: &Store,
    person: PersonId,
    typed: &str,
    now: i64,
    via: &str,
) -> Result<NewToken, Error> {
    let name = TokenName::parse(typed).map_err(|e| Error::BadRequest {
        code: LabelError::code(e),
    })?;
    let secret = new_secret();
    store
        .create_api_token(person, name.as_str(), &secret.digest(), now)
        .await?;
    store
        .record_audit_event(NewAuditEvent {
            at: now,
            organisation: None,
            actor: Some(person),
            subject: None,
            event: "api-token",
            outcome: "created",
            detail: via,
        })
        .await?;
    tracing::info!(event = "api-token", outcome = "created", "audit");
    Ok(NewToken {
        name: name.as_str().to_owned(),
        secret: secret.expose().to_owned(),
    })
}

/// Revokes one of the viewer's own tokens; another person's id is not found.
pub async fn revoke_token(state: &App, viewer: &Viewer, id: i64) -> Result<(), Error> {
    viewer.may(Action::ManageOwnApiTokens, &Target::owned_by(viewer.person))?;
    if !state.store.revoke_api_token(viewer.person, id).await? {
        return Err(Error::NotFound);
    }
    state.forget_identities();
    accounts::audit(
        state,
        None,
        Some(viewer.person),
        None,
        "api-token",
        "revoked",
        "",
    )
    .await?;
    Ok(())
}

pub async fn export(
    state: &App,
    viewer: &Viewer,
) -> Result<leidraad_store::accounts::PersonalData, Error> {
    viewer.may(Action::ExportOwnData, &Target::owned_by(viewer.person))?;
    let data = state
        .store
        .personal_data(viewer.person)
        .await?
        .ok_or(Error::NotFound)?;
    accounts::audit(
        state,
        None,
        Some(viewer.person),
        Some(viewer.person),
        "export",
        "succeeded",
        "",
    )
    .await?;
    Ok(data)
}

/// What deleting one's account would take with it, for the page that asks "are you sure?".
pub struct ErasurePreview {
    /// The organisations one would leave.
    pub organisations: Vec<String>,
    /// Organisations of which one is the only admin: deleting is refused until someone else
    /// is admin there too.
    pub last_admin_of: Vec<String>,
    pub reflections: usize,
    /// Of those, how many others can read now.
    pub shared: usize,
    pub api_tokens: usize,
    /// Development plans (one per school year), learning-log activities and evidence files.
    pub plans: usize,
    pub activities: usize,
    pub evidence_files: usize,
}

pub async fn erasure_preview(state: &App, viewer: &Viewer) -> Result<ErasurePreview, Error> {
    viewer.may(Action::DeleteOwnAccount, &Target::owned_by(viewer.person))?;
    let start = state
        .store
        .start_page(viewer.person, state.clock.now())
        .await?;
    let tokens = state.store.api_tokens_of(viewer.person).await?;
    let plans = state.store.plans_of(viewer.person).await?.len();
    let activities = state.store.activities_of(viewer.person).await?.len();
    let evidence_files = state.store.evidence_of(viewer.person).await?.len();
    let mut last_admin_of = Vec::new();
    for membership in &viewer.memberships {
        if is_last_admin(state, membership).await? {
            last_admin_of.push(membership.organisation.name.clone());
        }
    }
    Ok(ErasurePreview {
        organisations: viewer
            .memberships
            .iter()
            .map(|m| m.organisation.name.clone())
            .collect(),
        last_admin_of,
        reflections: start.reflections.len(),
        shared: start.reflections.iter().filter(|r| r.shares > 0).count(),
        api_tokens: tokens.len(),
        plans,
        activities,
        evidence_files,
    })
}

async fn is_last_admin(
    state: &App,
    membership: &leidraad_store::accounts::MembershipRecord,
) -> Result<bool, Error> {
    Ok(membership.roles.contains(Role::Admin)
        && state
            .store
            .count_admins(membership.organisation.organisation_id())
            .await?
            <= 1)
}

pub async fn erase(state: &App, viewer: &Viewer) -> Result<(), Error> {
    for membership in &viewer.memberships {
        if is_last_admin(state, membership).await? {
            return Err(Error::Conflict { code: "last-admin" });
        }
    }
    // Released results keep no list of someone who is gone; the rows go with the account.
    crate::space_scans::forget_board_estimates(state, viewer.person).await?;
    let erased = state.store.erase_person(viewer.person).await?;
    state.forget_identities();
    state.mailer.discard(&erased.outbox_files).await;
    for organisation in erased.organisations {
        accounts::audit(
            state,
            Some(organisation),
            None,
            None,
            "erasure",
            "succeeded",
            "",
        )
        .await?;
    }
    Ok(())
}

/// Changes the name colleagues see.
pub async fn rename(state: &App, viewer: &Viewer, typed: &str) -> Result<(), Error> {
    let name = PersonName::parse(typed).map_err(|e| Error::BadRequest { code: e.code() })?;
    state
        .store
        .rename_person(viewer.person, name.as_str())
        .await?;
    state.forget_identities();
    Ok(())
}

/// What a password change asks: the current password, and the new one twice.
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub again: &'a str,
}

/// Changes one's password. Every other session ends; the one asking stays signed in.
pub async fn change_password(
    state: &App,
    viewer: &Viewer,
    change: PasswordChange<'_>,
) -> Result<(), Error> {
    if !accounts::confirms_password(state, viewer.person, change.current).await? {
        return Err(Error::BadRequest {
            code: "current-password-wrong",
        });
    }
    let email = Email::parse(&viewer.email).ok();
    let password = Password::parse(change.new, email.as_ref())
        .map_err(|e| Error::BadRequest { code: e.code() })?;
    if change.new != change.again {
        return Err(Error::BadRequest {
            code: "password-mismatch",
        });
    }
    let hash = accounts::hash(password).await?;
    let keep = viewer.session.as_ref().map(|s| s.id);
    state
        .store
        .change_password(viewer.person, hash.as_str(), state.clock.now(), keep)
        .await?;
    state.forget_identities();
    accounts::audit(
        state,
        None,
        Some(viewer.person),
        Some(viewer.person),
        "password-change",
        "succeeded",
        "",
    )
    .await
}

/// Ends one of one's own sessions (this one: signing out); another person's is not found.
pub async fn end_session(state: &App, viewer: &Viewer, session: i64) -> Result<(), Error> {
    if !state.store.end_session(viewer.person, session).await? {
        return Err(Error::NotFound);
    }
    state.forget_identities();
    Ok(())
}
