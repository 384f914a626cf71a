//! The password policy, after NIST SP 800-63B: long enough, not absurdly long, no composition
//! rules (no "one digit and one capital"), and never one of the passwords attackers try first.
//!
//! Lengths count Unicode scalar values (`chars`), and nothing is trimmed: a space at either end
//! is part of the secret the person chose. Hashing is the web layer's business; this module
//! only decides whether a candidate may become a password at all.

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use super::email::Email;

pub const MIN_PASSWORD_CHARS: usize = 12;
/// Long enough for any passphrase, short enough that hashing a hostile input stays cheap.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// The published common-password list of zxcvbn-ts, one password per line, most frequent
/// first. It holds short passwords too: it is shipped whole, as published, so that it can be
/// compared with its source; the length rule refuses those anyway.
const COMMON_PASSWORDS_FILE: &str = include_str!("../../data/common-passwords.txt");

/// Built on first use, so only a process that checks a password pays for the table.
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| common_passwords_in(COMMON_PASSWORDS_FILE).collect());

/// The passwords in a list file: every line except empty ones and comments. A comment is `#`
/// alone or `# ` followed by text, so that an entry that merely starts with `#` (the list holds
/// `#name?`) is still an entry.
fn common_passwords_in(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|line| !(line.is_empty() || *line == "#" || line.starts_with("# ")))
}

/// Whether `candidate`, ignoring case, is on the common-password list.
pub fn is_common_password(candidate: &str) -> bool {
    COMMON_PASSWORDS.contains(candidate.to_lowercase().as_str())
}

/// A password that passed the policy. It cannot be printed by accident: there is no `Display`,
/// its `Debug` hides the secret, and the only way to the text is [`Password::expose`], whose
/// name makes every use stand out in review.
pub struct Password(String);

impl Password {
    /// Checks a candidate for a new password. `email` is the address of the account it is for,
    /// when known: a password equal to the address, or to its part before the `@`, is the first
    /// thing anyone who knows the address would try.
    pub fn parse(candidate: &str, email: Option<&Email>) -> Result<Password, PasswordError> {
        let length = candidate.chars().count();
        if length < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort);
        }
        if length > MAX_PASSWORD_CHARS {
            return Err(PasswordError::TooLong);
        }
        if is_common_password(candidate) {
            return Err(PasswordError::Common);
        }
        if email.is_some_and(|email| is_like_email(candidate, email)) {
            return Err(PasswordError::LikeEmail);
        }
        Ok(Password(candidate.to_owned()))
    }

    /// The secret itself, for hashing. Never log or display it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

fn is_like_email(candidate: &str, email: &Email) -> bool {
    let candidate = candidate.to_lowercase();
    candidate == email.lookup_key() || candidate == email.local_part().to_lowercase()
}

/// Why a candidate password was refused. People see the translation of [`PasswordError::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password is shorter than {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password is longer than {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    #[error("the password is on the list of commonly used passwords")]
    Common,
    #[error("the password is the same as the e-mail address or its part before the `@`")]
    LikeEmail,
}

impl PasswordError {
    /// Every variant, so the web layer can check that each code has a translation.
    pub const ALL: [PasswordError; 4] = [
        PasswordError::TooShort,
        PasswordError::TooLong,
        PasswordError::Common,
        PasswordError::LikeEmail,
    ];

    /// A stable code for the web layer to translate and the API to return.
    pub fn code(self) -> &'static str {
        match self {
            PasswordError::TooShort => "password-too-short",
            PasswordError::TooLong => "password-too-long",
            PasswordError::Common => "password-common",
            PasswordError::LikeEmail => "password-like-email",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(candidate: &str) -> Option<PasswordError> {
        Password::parse(candidate, None).err()
    }

    #[test]
    fn eleven_characters_are_too_short_and_twelve_are_enough() {
        assert_eq!(refusal(&"x".repeat(11)), Some(PasswordError::TooShort));
        assert_eq!(refusal(&"x".repeat(12)), None);
    }

    #[test]
    fn one_hundred_twenty_eight_characters_are_allowed_and_129_too_long() {
        assert_eq!(refusal(&"x".repeat(128)), None);
        assert_eq!(refusal(&"x".repeat(129)), Some(PasswordError::TooLong));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(refusal(&"é".repeat(11)), Some(PasswordError::TooShort));
        assert_eq!(refusal(&"é".repeat(12)), None);
        assert_eq!(refusal(&"é".repeat(128)), None);
        assert_eq!(refusal(&"é".repeat(129)), Some(PasswordError::TooLong));
    }

    #[test]
    fn surrounding_spaces_are_part_of_the_password_and_are_not_trimmed() {
        assert_eq!(refusal(" 1234567890 "), None);
        let password = Password::parse("  lange zin  ", None).unwrap();
        assert_eq!(password.expose(), "  lange zin  ");
        assert_eq!(refusal(" short pass "), None);
        assert_eq!(refusal(" shortpass "), Some(PasswordError::TooShort));
    }

    #[test]
    fn a_common_password_is_refused() {
        assert!(COMMON_PASSWORDS.contains("password1234"));
        assert_eq!(refusal("password1234"), Some(PasswordError::Common));
        assert_eq!(refusal("qwerty123456"), Some(PasswordError::Common));
    }

    #[test]
    fn the_common_password_check_ignores_case() {
        assert_eq!(refusal("PassWord1234"), Some(PasswordError::Common));
        assert_eq!(refusal("QWERTY123456"), Some(PasswordError::Common));
        assert!(is_common_password("DRAGON"));
    }

    #[test]
    fn only_exact_matches_are_common() {
        assert_eq!(refusal("password12345678"), None);
        assert_eq!(refusal("mijn schoolplein in de zon"), None);
    }

    #[test]
    fn a_password_equal_to_the_email_address_or_its_local_part_is_refused() {
        let email = Email::parse("Jan.Jansen.Linde@School.nl").unwrap();
        let like_email = |candidate: &str| Password::parse(candidate, Some(&email)).err();
        assert_eq!(
            like_email("Jan.Jansen.Linde"),
            Some(PasswordError::LikeEmail)
        );
        assert_eq!(
            like_email("jan.jansen.linde"),
            Some(PasswordError::LikeEmail)
        );
        assert_eq!(
            like_email("JAN.JANSEN.LINDE@SCHOOL.NL"),
            Some(PasswordError::LikeEmail)
        );
        assert_eq!(like_email("jan.jansen.linde!"), None);
        assert_eq!(
            refusal("jan.jansen.linde"),
            None,
            "without an e-mail there is no rule"
        );
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let password = Password::parse("geheim-wachtwoord-42", None).unwrap();
        assert_eq!(format!("{password:?}"), "Password(…)");
        assert_eq!(format!("{:?}", Ok::<_, ()>(password)), "Ok(Password(…))");
    }

    #[test]
    fn the_shipped_list_is_the_published_list_with_at_least_ten_thousand_entries() {
        assert!(
            COMMON_PASSWORDS.len() >= 10_000,
            "{}",
            COMMON_PASSWORDS.len()
        );
        assert!(COMMON_PASSWORDS.contains("123456"));
        assert!(
            COMMON_PASSWORDS.contains("#name?"),
            "an entry starting with # is kept"
        );
        assert_eq!(
            common_passwords_in(COMMON_PASSWORDS_FILE).next(),
            Some("123456"),
            "the most frequent password comes first"
        );
    }

    #[test]
    fn the_shipped_list_is_lowercased_and_has_no_duplicates() {
        let entries: Vec<&str> = common_passwords_in(COMMON_PASSWORDS_FILE).collect();
        assert_eq!(
            entries.len(),
            COMMON_PASSWORDS.len(),
            "duplicates in the list"
        );
        let not_lowercase: Vec<&&str> = entries
            .iter()
            .filter(|entry| entry.to_lowercase() != **entry)
            .collect();
        assert!(not_lowercase.is_empty(), "{not_lowercase:?}");
    }

    #[test]
    fn the_list_file_credits_its_source_and_license() {
        assert!(COMMON_PASSWORDS_FILE.starts_with("# "));
        assert!(COMMON_PASSWORDS_FILE.contains("zxcvbn-ts"));
        assert!(COMMON_PASSWORDS_FILE.contains("MIT License"));
    }

    #[test]
    fn comments_and_empty_lines_are_not_entries() {
        let text = "# a comment\n#\n\nfirst\n#second\r\nthird\n";
        let entries: Vec<&str> = common_passwords_in(text).collect();
        assert_eq!(entries, ["first", "#second", "third"]);
    }

    #[test]
    fn every_error_has_its_own_stable_code() {
        let codes: Vec<&str> = PasswordError::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(
            codes,
            [
                "password-too-short",
                "password-too-long",
                "password-common",
                "password-like-email"
            ]
        );
    }
}
