//! Every user-facing string, through Fluent. Templates ask a [`Tr`] for a key; they never choose
//! between languages themselves.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use leidraad_domain::{Language, Localized};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // Fluent's Unicode isolation marks would end up in attributes and tests; our
        // interpolated values are plain text, so they are not needed.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDENTIFIERS: LazyLock<[LanguageIdentifier; 2]> =
    LazyLock::new(|| Language::ALL.map(|l| l.code().parse().expect("a valid language identifier")));

/// Every message without arguments, per language (in [`Language::ALL`] order).
static PLAIN_MESSAGES: LazyLock<[HashMap<String, String>; 2]> = LazyLock::new(|| {
    let sources = [
        include_str!("../locales/nl/main.ftl"),
        include_str!("../locales/en/main.ftl"),
    ];
    let mut maps = [HashMap::new(), HashMap::new()];
    for ((language, source), map) in Language::ALL.iter().zip(sources).zip(&mut maps) {
        for key in message_keys(source) {
            if let Some(text) = LOCALES.try_lookup(identifier(*language), &key) {
                map.insert(key, text);
            }
        }
    }
    maps
});

/// The ids of the messages an FTL file defines (lines `id = …` at the start of a line).
fn message_keys(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
        .collect()
}

fn identifier(language: Language) -> &'static LanguageIdentifier {
    match language {
        Language::Nl => &IDENTIFIERS[0],
        Language::En => &IDENTIFIERS[1],
    }
}

/// Translations for one request's language.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    pub lang: Language,
}

impl Tr {
    pub fn new(lang: Language) -> Self {
        Tr { lang }
    }

    /// The message `key`. Messages without arguments are formatted once at start-up: a page
    /// asks for a few dozen of them, and a map lookup is much cheaper than a Fluent lookup.
    pub fn t(&self, key: &str) -> Cow<'static, str> {
        let index = match self.lang {
            Language::Nl => 0,
            Language::En => 1,
        };
        match PLAIN_MESSAGES[index].get(key) {
            Some(text) => Cow::Borrowed(text.as_str()),
            None => Cow::Owned(LOCALES.lookup(identifier(self.lang), key)),
        }
    }

    /// The message `key`, or `None` when the locale has no such message.
    pub fn try_t(&self, key: &str) -> Option<Cow<'static, str>> {
        let index = match self.lang {
            Language::Nl => 0,
            Language::En => 1,
        };
        match PLAIN_MESSAGES[index].get(key) {
            Some(text) => Some(Cow::Borrowed(text.as_str())),
            None => LOCALES
                .try_lookup(identifier(self.lang), key)
                .map(Cow::Owned),
        }
    }

    /// A message with one argument, e.g. a count (Fluent picks the plural form).
    pub fn t1(&self, key: &str, name: &'static str, value: impl Into<FluentArg>) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), value.into().0);
        LOCALES.lookup_with_args(identifier(self.lang), key, &args)
    }

    /// Content text in this request's language.
    pub fn pick<'a>(&self, text: &'a Localized) -> &'a str {
        text.get(self.lang)
    }

    /// Content text in the other language, shown as a quiet translation beside the main one.
    pub fn pick_other<'a>(&self, text: &'a Localized) -> &'a str {
        text.get(self.other())
    }

    pub fn other(&self) -> Language {
        match self.lang {
            Language::Nl => Language::En,
            Language::En => Language::Nl,
        }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }
}

pub struct FluentArg(FluentValue<'static>);

impl From<usize> for FluentArg {
    fn from(value: usize) -> Self {
        FluentArg(FluentValue::from(value))
    }
}

impl From<&usize> for FluentArg {
    fn from(value: &usize) -> Self {
        FluentArg(FluentValue::from(*value))
    }
}

impl From<&str> for FluentArg {
    fn from(value: &str) -> Self {
        FluentArg(FluentValue::from(value.to_owned()))
    }
}

impl From<String> for FluentArg {
    fn from(value: String) -> Self {
        FluentArg(FluentValue::from(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(ftl: &str) -> Vec<String> {
        message_keys(ftl)
    }

    #[test]
    fn both_languages_have_exactly_the_same_keys() {
        let nl = keys(include_str!("../locales/nl/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        let missing_in_en: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
        let missing_in_nl: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
        assert!(missing_in_en.is_empty(), "missing in en: {missing_in_en:?}");
        assert!(missing_in_nl.is_empty(), "missing in nl: {missing_in_nl:?}");
    }

    #[test]
    fn every_key_a_template_or_handler_uses_exists_in_both_languages() {
        let sources = [
            include_str!("../templates/base.html"),
            include_str!("../templates/home.html"),
            include_str!("../templates/frameworks.html"),
            include_str!("../templates/standard.html"),
            include_str!("../templates/card.html"),
            include_str!("../templates/dialogue_deck.html"),
            include_str!("../templates/dialogue_card.html"),
            include_str!("../templates/search.html"),
            include_str!("../templates/print.html"),
            include_str!("../templates/error.html"),
            include_str!("../templates/setup.html"),
            include_str!("../templates/sign_in.html"),
            include_str!("../templates/forgot_password.html"),
            include_str!("../templates/reset_password.html"),
            include_str!("../templates/invitation.html"),
            include_str!("../templates/profile.html"),
            include_str!("../templates/organisations.html"),
            include_str!("../templates/organisation.html"),
            include_str!("../templates/member.html"),
            include_str!("../templates/audit_log.html"),
            include_str!("../templates/outbox.html"),
            include_str!("../templates/_password_fields.html"),
            include_str!("../templates/_form_error.html"),
            include_str!("accounts.rs"),
            include_str!("pages/sign_in.rs"),
            include_str!("pages/profile.rs"),
            include_str!("pages/organisation.rs"),
            include_str!("api/accounts.rs"),
            include_str!("../templates/reflections.html"),
            include_str!("../templates/reflection_sort.html"),
            include_str!("../templates/reflection_list.html"),
            include_str!("../templates/reflection_profile.html"),
            include_str!("../templates/reflection_compare.html"),
            include_str!("pages/reflection/mod.rs"),
            include_str!("pages/reflection/overview.rs"),
            include_str!("pages/reflection/sort.rs"),
            include_str!("pages/reflection/profile.rs"),
            include_str!("error.rs"),
            include_str!("pages/mod.rs"),
            include_str!("pages/search.rs"),
        ];
        let defined = [
            keys(include_str!("../locales/nl/main.ftl")),
            keys(include_str!("../locales/en/main.ftl")),
        ];
        for source in sources {
            for key in used_keys(source) {
                for (language, keys) in Language::ALL.iter().zip(&defined) {
                    assert!(keys.contains(&key), "`{key}` is missing in {language}");
                }
            }
        }
    }

    /// Keys in `t("key")` and `t1("key"` calls.
    fn used_keys(source: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for marker in [".t(\"", ".t1(\""] {
            let mut rest = source;
            while let Some(start) = rest.find(marker) {
                rest = &rest[start + marker.len()..];
                if let Some(end) = rest.find('"') {
                    keys.push(rest[..end].to_owned());
                }
            }
        }
        keys
    }

    #[test]
    fn counts_use_the_plural_forms() {
        let nl = Tr::new(Language::Nl);
        assert_eq!(nl.t1("card-count", "count", 1usize), "1 kaart");
        assert_eq!(nl.t1("card-count", "count", 7usize), "7 kaarten");
        assert_eq!(
            Tr::new(Language::En).t1("card-count", "count", 1usize),
            "1 card"
        );
    }
}
