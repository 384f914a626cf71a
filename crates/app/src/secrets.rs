use leidraad_domain::accounts::{SALT_BYTES, SECRET_BYTES, Secret};

/// A fresh secret from the operating system's random source.
pub fn new_secret() -> Secret {
    let mut bytes = [0u8; SECRET_BYTES];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    Secret::from_random(bytes)
}

pub fn new_salt() -> [u8; SALT_BYTES] {
    let mut salt = [0u8; SALT_BYTES];
    getrandom::fill(&mut salt).expect("the operating system's random source is available");
    salt
}
