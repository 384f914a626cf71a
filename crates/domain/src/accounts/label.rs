//! The names people give to things they manage: an organisation, a school, an API token. Each
//! is checked here, once, for the pages, the API and the command line alike: trimmed, in
//! Unicode NFC, not empty, not too long, and without control characters (a NUL byte, an escape
//! or a line break has no place in a name, breaks lists and exports, and PostgreSQL refuses
//! NUL outright).

use std::fmt;

use crate::text::{self, TextError, TextKind};

pub const MAX_ORGANISATION_NAME_CHARS: usize = 120;
pub const MAX_SCHOOL_NAME_CHARS: usize = 120;
pub const MAX_TOKEN_NAME_CHARS: usize = 60;

/// Why a typed name was refused; the code names the kind of thing too
/// (`school-name-too-long`), so the message can say which name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("the {0} name is empty")]
    Empty(LabelKind),
    #[error("the {0} name is too long")]
    TooLong(LabelKind),
    #[error("the {0} name contains a control character")]
    Invalid(LabelKind),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Organisation,
    School,
    Token,
}

impl LabelKind {
    pub const ALL: [LabelKind; 3] = [LabelKind::Organisation, LabelKind::School, LabelKind::Token];

    fn max_chars(self) -> usize {
        match self {
            LabelKind::Organisation => MAX_ORGANISATION_NAME_CHARS,
            LabelKind::School => MAX_SCHOOL_NAME_CHARS,
            LabelKind::Token => MAX_TOKEN_NAME_CHARS,
        }
    }
}

impl fmt::Display for LabelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LabelKind::Organisation => "organisation",
            LabelKind::School => "school",
            LabelKind::Token => "token",
        })
    }
}

impl LabelError {
    /// Every refusal, so the web layer can check that each code has a translation.
    pub fn all() -> impl Iterator<Item = LabelError> {
        LabelKind::ALL.into_iter().flat_map(|kind| {
            [
                LabelError::Empty(kind),
                LabelError::TooLong(kind),
                LabelError::Invalid(kind),
            ]
        })
    }

    /// A stable code for the web layer to translate and the API to return.
    pub fn code(self) -> &'static str {
        match self {
            LabelError::Empty(LabelKind::Organisation) => "organisation-name-empty",
            LabelError::TooLong(LabelKind::Organisation) => "organisation-name-too-long",
            LabelError::Invalid(LabelKind::Organisation) => "organisation-name-invalid",
            LabelError::Empty(LabelKind::School) => "school-name-empty",
            LabelError::TooLong(LabelKind::School) => "school-name-too-long",
            LabelError::Invalid(LabelKind::School) => "school-name-invalid",
            LabelError::Empty(LabelKind::Token) => "token-name-empty",
            LabelError::TooLong(LabelKind::Token) => "token-name-too-long",
            LabelError::Invalid(LabelKind::Token) => "token-name-invalid",
        }
    }
}

fn parse(input: &str, kind: LabelKind) -> Result<String, LabelError> {
    let name = text::clean(input, kind.max_chars(), TextKind::Name).map_err(|e| match e {
        TextError::TooLong => LabelError::TooLong(kind),
        TextError::ControlCharacters => LabelError::Invalid(kind),
    })?;
    if name.is_empty() {
        return Err(LabelError::Empty(kind));
    }
    Ok(name)
}

macro_rules! label {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn parse(input: &str) -> Result<$name, LabelError> {
                parse(input, $kind).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

label!(
    /// An organisation's name (a bestuur): 1–120 characters.
    OrganisationName,
    LabelKind::Organisation
);
label!(
    /// A school's name: 1–120 characters, unique within its organisation (the store checks).
    SchoolName,
    LabelKind::School
);
label!(
    /// An API token's label, so its owner recognises it later: 1–60 characters.
    TokenName,
    LabelKind::Token
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_normalised() {
        let name = OrganisationName::parse("  Stichting Ba\u{0301}sis ").unwrap();
        assert_eq!(name.as_str(), "Stichting Básis");
        assert_eq!(TokenName::parse("laptop").unwrap().to_string(), "laptop");
    }

    #[test]
    fn control_characters_empty_and_long_names_are_refused_with_their_kind() {
        for bad in [
            "OBS\0De Linde",
            "OBS\u{1b}[31m",
            "twee\nregels",
            "tab\there",
        ] {
            assert_eq!(
                SchoolName::parse(bad),
                Err(LabelError::Invalid(LabelKind::School)),
                "{bad:?}"
            );
        }
        assert_eq!(
            TokenName::parse("   ").unwrap_err().code(),
            "token-name-empty"
        );
        assert_eq!(
            OrganisationName::parse(&"x".repeat(121))
                .unwrap_err()
                .code(),
            "organisation-name-too-long"
        );
        assert!(OrganisationName::parse(&"é".repeat(120)).is_ok());
        assert!(TokenName::parse(&"x".repeat(61)).is_err());
    }

    #[test]
    fn every_refusal_has_its_own_code() {
        let codes: std::collections::BTreeSet<_> =
            LabelError::all().map(LabelError::code).collect();
        assert_eq!(codes.len(), 9);
    }
}
