//! Password hashing: Argon2id with the OWASP parameters (m = 19 456 KiB, t = 2, p = 1). The
//! salt comes from the caller, so this module stays pure; the web layer draws it from the
//! operating system's random source.
//!
//! Every hash works in 19 MiB of memory. [`hash_password_in`] and [`verify_password_in`] take
//! that memory from the caller as a [`HashMemory`], so a server can allocate a few buffers once
//! and reuse them, instead of asking the allocator for 19 MiB per sign-in (which glibc then
//! keeps, per thread arena, for ever). [`hash_password`] and [`verify_password`] allocate a
//! buffer for one call, for the command line and tests.

use std::sync::LazyLock;

use argon2::password_hash::phc::{Output, ParamsString, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};

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

/// The working memory of one Argon2 computation with today's parameters: 19 456 blocks of
/// 1 KiB. Allocate it once and pass it to every hash; its contents never matter between calls
/// (Argon2 writes every block before it reads it).
pub struct HashMemory(Box<[Block]>);

impl HashMemory {
    /// Allocates (and touches) the 19 MiB.
    pub fn new() -> HashMemory {
        HashMemory(vec![Block::new(); hasher().params().block_count()].into_boxed_slice())
    }

    /// Its size in bytes.
    pub fn bytes(&self) -> usize {
        self.0.len() * Block::SIZE
    }
}

impl Default for HashMemory {
    fn default() -> Self {
        HashMemory::new()
    }
}

impl std::fmt::Debug for HashMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HashMemory({} KiB)", self.0.len())
    }
}

/// Hashes with today's parameters in a buffer allocated for this one call.
pub fn hash_password(password: &Password, salt: [u8; SALT_BYTES]) -> PasswordHash {
    hash_password_in(password, salt, &mut HashMemory::new())
}

/// Hashes with today's parameters in the caller's `memory`.
pub fn hash_password_in(
    password: &Password,
    salt: [u8; SALT_BYTES],
    memory: &mut HashMemory,
) -> PasswordHash {
    let hasher = hasher();
    let mut output = [0u8; argon2::Params::DEFAULT_OUTPUT_LEN];
    hasher
        .hash_password_into_with_memory(
            password.expose().as_bytes(),
            &salt,
            &mut output,
            &mut memory.0[..],
        )
        .expect("hashing with a 16-byte salt, valid parameters and enough memory cannot fail");
    let phc = argon2::PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(hasher.params()).expect("the parameters are valid"),
        salt: Some(Salt::new(&salt).expect("16 bytes is a valid salt")),
        hash: Some(Output::new(&output).expect("32 bytes is a valid output")),
    };
    PasswordHash(phc.to_string())
}

/// Whether `candidate` is the password behind `hash`, checked in a buffer allocated for this
/// one call. A malformed stored hash never matches.
pub fn verify_password(candidate: &str, hash: &PasswordHash) -> bool {
    verify_password_in(candidate, hash, &mut HashMemory::new())
}

/// Whether `candidate` is the password behind `hash`, checked in the caller's `memory` with
/// the parameters stored in the hash. A malformed stored hash never matches, and neither does
/// one whose parameters need more memory than today's: memory stays bounded by the caller's
/// buffers, whatever a stored hash says (such a hash can only be reset).
pub fn verify_password_in(candidate: &str, hash: &PasswordHash, memory: &mut HashMemory) -> bool {
    let Ok(stored) = argon2::PasswordHash::new(hash.as_str()) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&stored.salt, &stored.hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(stored.algorithm.as_str()) else {
        return false;
    };
    let version = match stored.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(version)) => version,
        Some(Err(_)) => return false,
    };
    let Ok(params) = Params::try_from(&stored) else {
        return false;
    };
    if params.block_count() > memory.0.len() {
        return false;
    }
    let mut output = [0u8; Output::MAX_LENGTH];
    let output = &mut output[..expected.len()];
    let computed = Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(candidate.as_bytes(), salt, output, &mut memory.0[..])
        .ok()
        .and_then(|()| Output::new(output).ok());
    // `Output`'s equality is constant-time.
    computed.is_some_and(|computed| computed == *expected)
}

/// Whether a stored hash was made with weaker or other parameters than today's, so that the
/// next successful sign-in should store a new one.
pub fn needs_rehash(hash: &PasswordHash) -> bool {
    let expected = format!(
        "$argon2id$v=19$m={ARGON2_MEMORY_KIB},t={ARGON2_ITERATIONS},p={ARGON2_PARALLELISM}$"
    );
    !hash.as_str().starts_with(&expected)
}

/// "decoy password that matches nothing" hashed with the salt `[7; 16]` and today's
/// parameters. Written out rather than computed on first use, which would cost that request a
/// hash on an async thread and 19 MiB outside the server's hashing buffers; a test checks it
/// against a fresh hash.
const DECOY_PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$BwcHBwcHBwcHBwcHBwcHBw$NwpXbiKVXPt2HUOi/kFu7wdouNVgVKj0b9YubTnKNpY";

/// A hash of no one's password. Checking a sign-in for an unknown email against it costs the
/// same time as checking a real one, so the answer's timing does not tell which emails exist.
pub fn decoy_hash() -> &'static PasswordHash {
    static DECOY: LazyLock<PasswordHash> = LazyLock::new(|| PasswordHash(DECOY_PHC.to_owned()));
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
    fn the_decoy_is_todays_hash_of_the_decoy_password() {
        const DECOY_PASSWORD: &str = "decoy password that matches nothing";
        let fresh = hash_password(&password(DECOY_PASSWORD), [7; SALT_BYTES]);
        assert_eq!(
            decoy_hash().as_str(),
            fresh.as_str(),
            "set DECOY_PHC to the fresh hash"
        );
        assert!(!needs_rehash(decoy_hash()));
        assert!(verify_password(DECOY_PASSWORD, decoy_hash()));
    }

    #[test]
    fn a_reused_buffer_gives_the_same_hashes_as_the_argon2_crate() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let mut memory = HashMemory::new();
        assert_eq!(memory.bytes(), 19_456 * 1024);
        for (text, salt) in [("correct horse battery", 1), ("another long password", 2)] {
            let ours = hash_password_in(&password(text), [salt; SALT_BYTES], &mut memory);
            let theirs = hasher()
                .hash_password_with_salt(text.as_bytes(), &[salt; SALT_BYTES])
                .unwrap()
                .to_string();
            assert_eq!(ours.as_str(), theirs);
            assert!(verify_password_in(text, &ours, &mut memory));
            assert!(!verify_password_in("wrong password!", &ours, &mut memory));
            assert!(
                hasher()
                    .verify_password(text.as_bytes(), ours.as_str())
                    .is_ok()
            );
        }
    }

    #[test]
    fn hashes_with_other_parameters_verify_in_the_same_buffer_if_they_fit() {
        use argon2::password_hash::PasswordHasher;
        let mut memory = HashMemory::new();
        let weaker = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        )
        .hash_password_with_salt(b"an older password", &[6; SALT_BYTES])
        .unwrap()
        .to_string();
        let weaker = PasswordHash::from_stored(weaker);
        assert!(verify_password_in(
            "an older password",
            &weaker,
            &mut memory
        ));
        assert!(needs_rehash(&weaker));
        // One that needs more memory than today's parameters is refused, not allocated for.
        let bigger = PasswordHash::from_stored(
            "$argon2id$v=19$m=4000000,t=2,p=1$BwcHBwcHBwcHBwcHBwcHBw$\
             AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                .into(),
        );
        let parsed = argon2::PasswordHash::new(bigger.as_str()).expect("a well-formed hash");
        assert!(Params::try_from(&parsed).is_ok());
        assert!(!verify_password_in("anything at all", &bigger, &mut memory));
    }

    #[test]
    fn the_hash_never_shows_in_debug_output() {
        let hash = hash_password(&password("correct horse battery"), [5; SALT_BYTES]);
        assert_eq!(format!("{hash:?}"), "PasswordHash(…)");
    }
}
