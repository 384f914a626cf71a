use std::fmt;
use std::str::FromStr;

/// The languages every screen and every content item exists in. Dutch comes first: it is the
/// default whenever the user has not said otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    Nl,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Nl, Language::En];

    /// The BCP 47 tag, as used in `lang` attributes, cookies and the API.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// The language's own name for itself, as a language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Nl => "Nederlands",
            Language::En => "English",
        }
    }

    /// Picks the most preferred supported language from an `Accept-Language` header, honouring
    /// q-values; `None` when the header names none of ours.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut best: Option<(Language, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            let Ok(language) = primary.parse::<Language>() else {
                continue;
            };
            if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
                best = Some((language, quality));
            }
        }
        best.map(|(language, _)| language)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language `{0}`: use `nl` or `en`")]
pub struct UnsupportedLanguage(pub String);

impl FromStr for Language {
    type Err = UnsupportedLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" => Ok(Language::Nl),
            "en" => Ok(Language::En),
            _ => Err(UnsupportedLanguage(s.chars().take(20).collect())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_the_highest_quality_supported_tag() {
        assert_eq!(
            Language::from_accept_language("de-DE,en;q=0.8,nl;q=0.9"),
            Some(Language::Nl)
        );
        assert_eq!(
            Language::from_accept_language("en-GB,en;q=0.9"),
            Some(Language::En)
        );
        assert_eq!(
            Language::from_accept_language("nl-BE;q=0.2, en-US;q=0.5"),
            Some(Language::En)
        );
    }

    #[test]
    fn accept_language_without_a_supported_tag_gives_none() {
        assert_eq!(Language::from_accept_language("fr,de;q=0.5"), None);
        assert_eq!(Language::from_accept_language(""), None);
        assert_eq!(Language::from_accept_language("en;q=0"), None);
        assert_eq!(Language::from_accept_language(";;;,,q=x"), None);
    }

    #[test]
    fn language_codes_parse_case_insensitively_and_reject_others() {
        assert_eq!("EN".parse::<Language>(), Ok(Language::En));
        assert_eq!(" nl ".parse::<Language>(), Ok(Language::Nl));
        assert!("de".parse::<Language>().is_err());
    }
}
