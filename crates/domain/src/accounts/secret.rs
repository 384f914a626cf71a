//! Secrets handed to people: session ids, API tokens, invitation and reset links. Each is 32
//! random bytes shown as 64 hex digits; only its SHA-256 digest is stored, so a copy of the
//! database opens no account. The random bytes come from the caller (the web layer reads the
//! operating system's source), which keeps this module pure.

use sha2::{Digest, Sha256};

pub const SECRET_BYTES: usize = 32;

/// A secret as the person receives it. No `Display`: [`Secret::expose`] marks every use.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn from_random(bytes: [u8; SECRET_BYTES]) -> Secret {
        Secret(hex(&bytes))
    }

    /// A secret as it arrives in a cookie, header or link. Anything that cannot be one of ours
    /// is refused before it reaches the database.
    pub fn parse(text: &str) -> Option<Secret> {
        let valid = text.len() == SECRET_BYTES * 2
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        valid.then(|| Secret(text.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the store keeps and looks up by.
    pub fn digest(&self) -> String {
        hex(&Sha256::digest(self.0.as_bytes()))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// SHA-256 of any text, as hex: for keys that must not be stored in the clear (the email or
/// address a failed sign-in was for).
pub fn digest_of(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 0xf)] as char);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_64_hex_digits_and_parses_back() {
        let secret = Secret::from_random([0xab; SECRET_BYTES]);
        assert_eq!(secret.expose().len(), 64);
        assert_eq!(Secret::parse(secret.expose()), Some(secret));
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["", "abc", &"g".repeat(64), &"A".repeat(64), &"a".repeat(65)] {
            assert_eq!(Secret::parse(text), None, "{text}");
        }
    }

    #[test]
    fn the_digest_is_sha256_and_differs_from_the_secret() {
        let secret = Secret::from_random([0; SECRET_BYTES]);
        let digest = secret.digest();
        assert_eq!(digest.len(), 64);
        assert_ne!(digest, secret.expose());
        // SHA-256("abc"), from FIPS 180-2.
        assert_eq!(
            digest_of("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
