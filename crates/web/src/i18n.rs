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

/// The locale files, one folder per language and one file per capability, as the loader
/// above reads them.
static LOCALE_FILES: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/locales");

/// Every message without arguments, per language (in [`Language::ALL`] order).
static PLAIN_MESSAGES: LazyLock<[HashMap<String, String>; 2]> = LazyLock::new(|| {
    let mut maps = [HashMap::new(), HashMap::new()];
    for (language, map) in Language::ALL.iter().zip(&mut maps) {
        let Some(folder) = LOCALE_FILES.get_dir(language.code()) else {
            continue;
        };
        let sources = folder.files().filter_map(|file| file.contents_utf8());
        for key in sources.flat_map(message_keys) {
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

    /// A message with two arguments, e.g. "3 of 80".
    pub fn t2(
        &self,
        key: &str,
        first: (&'static str, impl Into<FluentArg>),
        second: (&'static str, impl Into<FluentArg>),
    ) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(first.0), first.1.into().0);
        args.insert(Cow::Borrowed(second.0), second.1.into().0);
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

impl From<&&usize> for FluentArg {
    fn from(value: &&usize) -> Self {
        FluentArg(FluentValue::from(**value))
    }
}

impl From<u32> for FluentArg {
    fn from(value: u32) -> Self {
        FluentArg(FluentValue::from(value))
    }
}

impl From<&u32> for FluentArg {
    fn from(value: &u32) -> Self {
        FluentArg(FluentValue::from(*value))
    }
}

impl From<i64> for FluentArg {
    fn from(value: i64) -> Self {
        FluentArg(FluentValue::from(value))
    }
}

impl From<&i64> for FluentArg {
    fn from(value: &i64) -> Self {
        FluentArg(FluentValue::from(*value))
    }
}

impl From<i32> for FluentArg {
    fn from(value: i32) -> Self {
        FluentArg(FluentValue::from(value))
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
mod tests;
