//! Signing in: passwords checked in the hashing pool, the throttle, and new sessions.

use std::net::IpAddr;

use leidraad_domain::accounts::{
    Email, Password, PasswordHash, PersonId, Secret, decoy_hash, digest_of, hash_password_in,
    needs_rehash, verify_password_in,
};

use super::{audit, organisations_of};
use crate::secrets::{new_salt, new_secret};
use crate::{App, Error};

/// Argon2 takes tens of milliseconds of CPU and 19 MiB: off the async threads, in the hashing
/// pool (at most one hash per core at once, in buffers allocated once).
pub async fn hash(password: Password) -> Result<PasswordHash, Error> {
    let salt = new_salt();
    crate::hashing::pool()
        .run(move |memory| hash_password_in(&password, salt, memory))
        .await
        .ok_or(Error::Internal)
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
    state: &App,
    person: PersonId,
    candidate: &str,
) -> Result<bool, Error> {
    let record = state.store.person(person).await?.ok_or(Error::NotFound)?;
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
    state: &App,
    email_text: &str,
    password: &str,
    address: Option<IpAddr>,
) -> Result<SignIn, Error> {
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

/// Starts a session and returns its secret, for the adapter to hand to the browser; a fresh
/// id at every sign-in.
pub async fn start_session(
    state: &App,
    person: PersonId,
    user_agent: &str,
) -> Result<Secret, Error> {
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
    Ok(secret)
}
