//! Password hashing: Argon2id with the OWASP parameters (m = 19 456 KiB, t = 2, p = 1). The
//! salt comes from the caller, so this module stays pure; the web layer draws it from the
//! operating system's random source.

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use super::password::Password;

/// Memory in KiB. Changing any of these three makes [`needs_rehash`] true for older hashes.
pub const ARGON2_MEMORY_KIB: u32 = 19_456;
pub const ARGON2_ITERATIONS: u32 = 2;
pub const ARGON2_PARALLELISM: u32 = 1;
pub const SALT_BYTES: usize = 16;

fn hasher() -> Argon2<'static> {
    let params = Params::new(
        ARGON2_MEMORY_KIB,
        ARGON2_ITERATIONS,
        ARGON2_PARALLELISM,
        None,
    )
    .expect("the Argon2 parameters are valid constants");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A password hash in PHC string form (`$argon2id$v=19$m=19456,t=2,p=1$…`).
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// A hash as stored; checked only when used, by [`verify_password`].
    pub fn from_stored(text: String) -> PasswordHash {
        PasswordHash(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash(…)")
    }
}

pub fn hash_password(password: &Password, salt: [u8; SALT_BYTES]) -> PasswordHash {
    let hash = hasher()
        .hash_password_with_salt(password.expose().as_bytes(), &salt)
        .expect("hashing with a 16-byte salt and valid parameters cannot fail");
    PasswordHash(hash.to_string())
}

/// Whether `candidate` is the password behind `hash`. A malformed stored hash never matches.
pub fn verify_password(candidate: &str, hash: &PasswordHash) -> bool {
    hasher()
        .verify_password(candidate.as_bytes(), hash.as_str())
        .is_ok()
}

/// Whether a stored hash was made with weaker or other parameters than today's, so that the
/// next successful sign-in should store a new one.
pub fn needs_rehash(hash: &PasswordHash) -> bool {
    let expected = format!(
        "$argon2id$v=19$m={ARGON2_MEMORY_KIB},t={ARGON2_ITERATIONS},p={ARGON2_PARALLELISM}$"
    );
    !hash.as_str().starts_with(&expected)
}

/// A hash of no one's password. Checking a sign-in for an unknown email against it costs the
/// same time as checking a real one, so the answer's timing does not tell which emails exist.
pub fn decoy_hash() -> &'static PasswordHash {
    static DECOY: LazyLock<PasswordHash> = LazyLock::new(|| {
        let password = Password::parse("decoy password that matches nothing", None)
            .expect("the decoy password passes the policy");
        hash_password(&password, [7; SALT_BYTES])
    });
    &DECOY
}

#[cfg(test)]
mod tests {
    use super::*;

    fn password(text: &str) -> Password {
        Password::parse(text, None).unwrap()
    }

    #[test]
    fn the_parameters_are_pinned_to_argon2id_m19456_t2_p1() {
        let hash = hash_password(&password("correct horse battery"), [1; SALT_BYTES]);
        assert!(
            hash.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{}",
            hash.as_str()
        );
        assert!(!needs_rehash(&hash));
    }

    #[test]
    fn a_hash_verifies_its_password_and_nothing_else() {
        let hash = hash_password(&password("correct horse battery"), [2; SALT_BYTES]);
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("", &hash));
    }

    #[test]
    fn different_salts_give_different_hashes() {
        let a = hash_password(&password("correct horse battery"), [3; SALT_BYTES]);
        let b = hash_password(&password("correct horse battery"), [4; SALT_BYTES]);
        assert_ne!(a, b);
    }

    #[test]
    fn malformed_or_weaker_stored_hashes_never_verify_and_ask_for_a_rehash() {
        let garbage = PasswordHash::from_stored("not a hash".into());
        assert!(!verify_password("anything at all", &garbage));
        assert!(needs_rehash(&garbage));
        let weaker =
            PasswordHash::from_stored("$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA".into());
        assert!(needs_rehash(&weaker));
    }

    #[test]
    fn the_hash_never_shows_in_debug_output() {
        let hash = hash_password(&password("correct horse battery"), [5; SALT_BYTES]);
        assert_eq!(format!("{hash:?}"), "PasswordHash(…)");
    }
}
