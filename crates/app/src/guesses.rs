//! Guessing a secret that is short enough to guess (a rater's link typed by hand, a dialogue's
//! six-digit code) is limited per client address: after [`GUESS_LIMIT`] wrong tries in
//! [`GUESS_WINDOW`], every try waits, right or wrong. Wrong tries are counted in
//! `sign_in_failures` under a key made of what is guessed and the address.

use std::net::IpAddr;

use leidraad_domain::accounts::digest_of;
use leidraad_domain::accounts::limits::MINUTE;

use crate::{App, Error};

/// Wrong tries one client address may make in [`GUESS_WINDOW`] before it must wait.
pub const GUESS_LIMIT: usize = 10;
pub const GUESS_WINDOW: i64 = MINUTE;

/// The key wrong tries of `what` from `address` are counted under.
pub(crate) fn key(what: &str, address: Option<IpAddr>) -> String {
    digest_of(&format!(
        "{what}:{}",
        address.map_or_else(|| "unknown".into(), |a| a.to_string())
    ))
}

/// What a lookup found, given the wrong tries under `key` that the same read counted: 429
/// with the wait once the limit is reached, 404 (counted as one more) when nothing was found.
pub(crate) async fn settle<T>(
    state: &App,
    key: &str,
    guesses: usize,
    found: Option<T>,
) -> Result<T, Error> {
    let now = state.clock.now();
    if guesses >= GUESS_LIMIT {
        let tries = state
            .store
            .sign_in_failures(key, now - GUESS_WINDOW)
            .await?;
        let oldest = tries.first().copied().unwrap_or(now);
        return Err(Error::TooManyAttempts {
            retry_after: (oldest + GUESS_WINDOW - now).max(1),
        });
    }
    match found {
        Some(found) => Ok(found),
        None => {
            state.store.record_sign_in_failure(&[key], now).await?;
            Err(Error::NotFound)
        }
    }
}
