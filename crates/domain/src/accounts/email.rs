//! E-mail addresses as people type them into a sign-up or sign-in form.
//!
//! The rules are deliberately those of a form, not of RFC 5322: trimmed, exactly one `@`, a
//! local part without whitespace or control characters, and a domain of dot-separated DNS
//! labels. Quoted local parts (`"jan jansen"@school.nl`) and address literals (`jan@[10.0.0.1]`)
//! are refused; nobody signs up to a school tool with those.
//!
//! Internationalised domain names are out of scope: the domain must be ASCII, so a domain like
//! `bücher.nl` has to be typed in its punycode form (`xn--bcher-kva.nl`). The local part may
//! hold any non-control, non-whitespace character, since mail servers decide what it means.

use std::fmt;
use std::str::FromStr;

/// RFC 5321's limit on a forward path, the longest address mail can be delivered to.
pub const MAX_EMAIL_CHARS: usize = 254;
/// RFC 5321's limit on the part before the `@`.
pub const MAX_LOCAL_PART_CHARS: usize = 64;
/// The DNS limit on one label of a domain name.
pub const MAX_DOMAIN_LABEL_CHARS: usize = 63;

/// A syntactically valid e-mail address in its normalised form: the domain in lower case (DNS
/// ignores case) and the local part exactly as typed (the receiving server may not).
///
/// Two addresses that differ only in the case of their local part are different values but
/// have the same [`Email::lookup_key`]; uniqueness and sign-in go by that key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email {
    address: String,
    at: usize,
}

impl Email {
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let address = input.trim();
        if address.is_empty() {
            return Err(EmailError::Empty);
        }
        if address.chars().count() > MAX_EMAIL_CHARS {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = split_at_the_only_at_sign(address)?;
        check_local_part(local)?;
        check_domain(domain)?;
        Ok(Email {
            address: format!("{local}@{}", domain.to_ascii_lowercase()),
            at: local.len(),
        })
    }

    /// The normalised address, as shown and as mail is sent to.
    pub fn as_str(&self) -> &str {
        &self.address
    }

    /// The part before the `@`, as typed.
    pub fn local_part(&self) -> &str {
        &self.address[..self.at]
    }

    /// The part after the `@`, in lower case.
    pub fn domain(&self) -> &str {
        &self.address[self.at + 1..]
    }

    /// The whole address in lower case: the key that makes accounts unique and finds the
    /// account at sign-in, so that `Jan@School.nl` and `jan@school.nl` are one person.
    pub fn lookup_key(&self) -> String {
        format!("{}@{}", self.local_part().to_lowercase(), self.domain())
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.address)
    }
}

impl FromStr for Email {
    type Err = EmailError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Email::parse(s)
    }
}

/// Why a typed address was refused. The messages are for logs and developers; people see the
/// translation of [`EmailError::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the e-mail address is empty")]
    Empty,
    #[error("the e-mail address is longer than {MAX_EMAIL_CHARS} characters")]
    TooLong,
    #[error("an e-mail address has exactly one `@`")]
    NotOneAtSign,
    #[error("the part of the e-mail address before the `@` is empty")]
    LocalPartEmpty,
    #[error(
        "the part of the e-mail address before the `@` is longer than {MAX_LOCAL_PART_CHARS} characters"
    )]
    LocalPartTooLong,
    #[error(
        "the part of the e-mail address before the `@` contains a space or a control character"
    )]
    LocalPartInvalid,
    #[error("the domain of the e-mail address must be written in ASCII (use its xn-- form)")]
    DomainNotAscii,
    #[error("the domain of the e-mail address is not a valid domain name")]
    DomainInvalid,
}

impl EmailError {
    /// Every variant, so the web layer can check that each code has a translation.
    pub const ALL: [EmailError; 8] = [
        EmailError::Empty,
        EmailError::TooLong,
        EmailError::NotOneAtSign,
        EmailError::LocalPartEmpty,
        EmailError::LocalPartTooLong,
        EmailError::LocalPartInvalid,
        EmailError::DomainNotAscii,
        EmailError::DomainInvalid,
    ];

    /// A stable code for the web layer to translate and the API to return.
    pub fn code(self) -> &'static str {
        match self {
            EmailError::Empty => "email-empty",
            EmailError::TooLong => "email-too-long",
            EmailError::NotOneAtSign => "email-invalid",
            EmailError::LocalPartEmpty => "email-local-part-empty",
            EmailError::LocalPartTooLong => "email-local-part-too-long",
            EmailError::LocalPartInvalid => "email-local-part-invalid",
            EmailError::DomainNotAscii => "email-domain-not-ascii",
            EmailError::DomainInvalid => "email-domain-invalid",
        }
    }
}

fn split_at_the_only_at_sign(address: &str) -> Result<(&str, &str), EmailError> {
    let mut parts = address.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => Ok((local, domain)),
        _ => Err(EmailError::NotOneAtSign),
    }
}

fn check_local_part(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::LocalPartEmpty);
    }
    if local.chars().count() > MAX_LOCAL_PART_CHARS {
        return Err(EmailError::LocalPartTooLong);
    }
    if local.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(EmailError::LocalPartInvalid);
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), EmailError> {
    if !domain.is_ascii() {
        return Err(EmailError::DomainNotAscii);
    }
    // At least one dot: an address at a bare host name (`jan@localhost`) is almost always a
    // typing error in a form like ours.
    if !domain.contains('.') || !domain.split('.').all(is_domain_label) {
        return Err(EmailError::DomainInvalid);
    }
    Ok(())
}

/// A DNS label as host names use it: letters, digits and inner hyphens.
fn is_domain_label(label: &str) -> bool {
    (1..=MAX_DOMAIN_LABEL_CHARS).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Result<Email, EmailError> {
        Email::parse(input)
    }

    #[test]
    fn an_address_is_trimmed_and_its_domain_lowercased() {
        let email = parse("  Jan.Jansen@Basisschool-De-Linde.NL \n").unwrap();
        assert_eq!(email.as_str(), "Jan.Jansen@basisschool-de-linde.nl");
        assert_eq!(email.to_string(), "Jan.Jansen@basisschool-de-linde.nl");
        assert_eq!(email.local_part(), "Jan.Jansen");
        assert_eq!(email.domain(), "basisschool-de-linde.nl");
    }

    #[test]
    fn the_lookup_key_lowercases_the_whole_address() {
        let upper = parse("Jan@School.nl").unwrap();
        let lower = parse("jan@school.nl").unwrap();
        assert_ne!(upper, lower);
        assert_eq!(upper.lookup_key(), "jan@school.nl");
        assert_eq!(upper.lookup_key(), lower.lookup_key());
    }

    #[test]
    fn a_non_ascii_local_part_is_kept_and_lowercased_in_the_key() {
        let email = parse("Zoë@school.nl").unwrap();
        assert_eq!(email.local_part(), "Zoë");
        assert_eq!(email.lookup_key(), "zoë@school.nl");
    }

    #[test]
    fn common_real_world_addresses_are_accepted() {
        for address in [
            "a@b.nl",
            "jan+leidraad@school.nl",
            "o'brien@mail.example.co.uk",
            "j_de-vries@x-1.org",
            "123@456.nl",
        ] {
            assert!(parse(address).is_ok(), "{address} should be accepted");
        }
    }

    #[test]
    fn from_str_parses_like_parse() {
        assert_eq!("jan@school.nl".parse::<Email>(), parse("jan@school.nl"));
        assert_eq!("".parse::<Email>(), Err(EmailError::Empty));
    }

    #[test]
    fn an_empty_or_blank_address_is_refused() {
        assert_eq!(parse(""), Err(EmailError::Empty));
        assert_eq!(parse(" \t "), Err(EmailError::Empty));
    }

    #[test]
    fn an_address_of_254_characters_is_accepted_and_255_refused() {
        let domain = format!(
            "{}.{}.{}.nl",
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(58)
        );
        let at_limit = format!(
            "{}@{domain}",
            "j".repeat(MAX_EMAIL_CHARS - 1 - domain.len())
        );
        assert_eq!(at_limit.chars().count(), 254);
        assert!(parse(&at_limit).is_ok());
        assert_eq!(parse(&format!("j{at_limit}")), Err(EmailError::TooLong));
    }

    #[test]
    fn an_address_needs_exactly_one_at_sign() {
        assert_eq!(parse("jan.school.nl"), Err(EmailError::NotOneAtSign));
        assert_eq!(parse("jan@@school.nl"), Err(EmailError::NotOneAtSign));
        assert_eq!(parse("jan@piet@school.nl"), Err(EmailError::NotOneAtSign));
    }

    #[test]
    fn the_local_part_has_one_to_64_characters() {
        assert_eq!(parse("@school.nl"), Err(EmailError::LocalPartEmpty));
        assert!(parse(&format!("{}@school.nl", "é".repeat(64))).is_ok());
        assert_eq!(
            parse(&format!("{}@school.nl", "j".repeat(65))),
            Err(EmailError::LocalPartTooLong)
        );
    }

    #[test]
    fn the_local_part_has_no_whitespace_or_control_characters() {
        for address in [
            "jan jansen@school.nl",
            "jan\u{a0}@school.nl",
            "jan\u{7}@school.nl",
        ] {
            assert_eq!(
                parse(address),
                Err(EmailError::LocalPartInvalid),
                "{address:?}"
            );
        }
    }

    #[test]
    fn the_domain_must_be_ascii() {
        assert_eq!(parse("jan@bücher.nl"), Err(EmailError::DomainNotAscii));
        assert!(parse("jan@xn--bcher-kva.nl").is_ok());
    }

    #[test]
    fn the_domain_is_dot_separated_labels_of_letters_digits_and_inner_hyphens() {
        for address in [
            "jan@",
            "jan@localhost",
            "jan@.nl",
            "jan@school.",
            "jan@school..nl",
            "jan@-school.nl",
            "jan@school-.nl",
            "jan@school.nl-",
            "jan@scho_ol.nl",
            "jan@school nl.nl",
            "jan@[10.0.0.1]",
        ] {
            assert_eq!(
                parse(address),
                Err(EmailError::DomainInvalid),
                "{address:?}"
            );
        }
    }

    #[test]
    fn a_domain_label_has_at_most_63_characters() {
        assert!(parse(&format!("jan@{}.nl", "a".repeat(63))).is_ok());
        assert_eq!(
            parse(&format!("jan@{}.nl", "a".repeat(64))),
            Err(EmailError::DomainInvalid)
        );
    }

    #[test]
    fn every_error_has_its_own_stable_code() {
        let codes: Vec<&str> = EmailError::ALL.iter().map(|e| e.code()).collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        assert!(codes.iter().all(|c| c.starts_with("email-")));
        assert_eq!(EmailError::TooLong.code(), "email-too-long");
        assert_eq!(EmailError::NotOneAtSign.code(), "email-invalid");
    }
}
