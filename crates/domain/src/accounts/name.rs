//! A person's display name: what colleagues see next to a shared reflection or in a member
//! list. It is not an identity (the e-mail address is), so the rules only keep it printable.

use std::fmt;
use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;

pub const MAX_PERSON_NAME_CHARS: usize = 100;

/// A display name: trimmed, 1 to 100 characters, no control characters (no line breaks or
/// tabs that would break a list or a CSV export). It is stored in Unicode NFC, so that "José"
/// typed on a phone and on a laptop is one spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<PersonName, PersonNameError> {
        let name: String = input.trim().nfc().collect();
        if name.is_empty() {
            return Err(PersonNameError::Empty);
        }
        if name.chars().count() > MAX_PERSON_NAME_CHARS {
            return Err(PersonNameError::TooLong);
        }
        if name.chars().any(char::is_control) {
            return Err(PersonNameError::Invalid);
        }
        Ok(PersonName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PersonName {
    type Err = PersonNameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PersonName::parse(s)
    }
}

/// Why a typed name was refused. People see the translation of [`PersonNameError::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PersonNameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is longer than {MAX_PERSON_NAME_CHARS} characters")]
    TooLong,
    #[error("the name contains a control character, such as a line break or a tab")]
    Invalid,
}

impl PersonNameError {
    /// Every variant, so the web layer can check that each code has a translation.
    pub const ALL: [PersonNameError; 3] = [
        PersonNameError::Empty,
        PersonNameError::TooLong,
        PersonNameError::Invalid,
    ];

    /// A stable code for the web layer to translate and the API to return.
    pub fn code(self) -> &'static str {
        match self {
            PersonNameError::Empty => "name-empty",
            PersonNameError::TooLong => "name-too-long",
            PersonNameError::Invalid => "name-invalid",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_kept_as_typed_otherwise() {
        let name = PersonName::parse("  Fatima el Amrani-de Vries ").unwrap();
        assert_eq!(name.as_str(), "Fatima el Amrani-de Vries");
        assert_eq!(name.to_string(), "Fatima el Amrani-de Vries");
    }

    #[test]
    fn a_name_is_stored_in_composed_form() {
        let decomposed = "Jose\u{301}";
        assert_eq!(PersonName::parse(decomposed).unwrap().as_str(), "José");
        assert_eq!(PersonName::parse(decomposed), PersonName::parse("José"));
    }

    #[test]
    fn an_empty_or_blank_name_is_refused() {
        assert_eq!(PersonName::parse(""), Err(PersonNameError::Empty));
        assert_eq!(PersonName::parse(" \t\n "), Err(PersonNameError::Empty));
    }

    #[test]
    fn a_name_has_at_most_100_characters() {
        assert!(PersonName::parse(&"ë".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse(&"ë".repeat(101)),
            Err(PersonNameError::TooLong)
        );
        assert!(
            PersonName::parse(&format!("  {}  ", "a".repeat(100))).is_ok(),
            "surrounding spaces do not count"
        );
    }

    #[test]
    fn a_name_with_a_control_character_is_refused() {
        for name in ["Jan\nJansen", "Jan\tJansen", "Jan\u{0}", "Jan\u{85}Jansen"] {
            assert_eq!(
                PersonName::parse(name),
                Err(PersonNameError::Invalid),
                "{name:?}"
            );
        }
    }

    #[test]
    fn every_error_has_its_own_stable_code() {
        let codes: Vec<&str> = PersonNameError::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(codes, ["name-empty", "name-too-long", "name-invalid"]);
    }
}
