//! Turns the deck files into a validated [`Library`]. Every problem is collected, not just the
//! first, and each names its file and, where there is one, the item.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use super::raw::{
    RawCard, RawCards, RawDialogueCard, RawDialogueCards, RawDomain, RawDomainKind, RawFramework,
    RawLocalized,
};
use super::{Card, DialogueCard, Domain, DomainKind, Framework, Library, Localized};
use crate::fingerprint::fingerprint;

pub const FRAMEWORK_FILE: &str = "framework.toml";
pub const CARDS_FILE: &str = "cards.toml";
pub const DIALOGUE_CARDS_FILE: &str = "dialogue-cards.toml";
const MAX_OWN_CARDS_PER_DOMAIN: u8 = 10;
const MAX_ID_LEN: usize = 64;

/// One content file: its path relative to the content folder (`deck/file.toml`, with `/`) and
/// its text. Reading the files is the caller's business; this crate does no IO.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub item: Option<String>,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{}: `{}`: {}", self.file, item, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}

/// All problems found in the content, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(
            f,
            "invalid content ({count} problem{}):",
            if count == 1 { "" } else { "s" }
        )?;
        for error in &self.0 {
            writeln!(f, "  - {error}")?;
        }
        Ok(())
    }
}

/// Parses and validates every deck among `files`. Files are grouped into decks by their first
/// path segment; files outside a deck folder and non-TOML files (such as a README) are ignored.
pub fn load_library(files: &[SourceFile]) -> Result<Library, ContentErrors> {
    let mut decks: BTreeMap<&str, Vec<&SourceFile>> = BTreeMap::new();
    for file in files {
        if let Some((deck, name)) = file.path.split_once('/')
            && name.ends_with(".toml")
        {
            decks.entry(deck).or_default().push(file);
        }
    }
    let mut problems = Problems::default();
    if decks.is_empty() {
        problems.file(
            "content",
            "no decks found: expected folders with a framework.toml",
        );
    }
    let mut frameworks = Vec::new();
    for (deck, deck_files) in decks {
        if let Some(framework) = load_deck(deck, &deck_files, &mut problems) {
            frameworks.push(framework);
        }
    }
    let mut seen = HashSet::new();
    for framework in &frameworks {
        if !seen.insert(framework.id.clone()) {
            let file = format!("{}/{FRAMEWORK_FILE}", framework.id);
            problems.item(&file, &framework.id, "duplicate framework id");
        }
    }
    problems.into_result(Library { frameworks })
}

#[derive(Default)]
struct Problems(Vec<ContentError>);

impl Problems {
    fn file(&mut self, file: &str, problem: impl Into<String>) {
        self.0.push(ContentError {
            file: file.to_owned(),
            item: None,
            problem: problem.into(),
        });
    }

    fn item(&mut self, file: &str, item: &str, problem: impl Into<String>) {
        self.0.push(ContentError {
            file: file.to_owned(),
            item: Some(item.to_owned()),
            problem: problem.into(),
        });
    }

    fn into_result<T>(self, value: T) -> Result<T, ContentErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ContentErrors(self.0))
        }
    }
}

fn load_deck(deck: &str, files: &[&SourceFile], problems: &mut Problems) -> Option<Framework> {
    let find = |name: &str| files.iter().find(|f| f.path == format!("{deck}/{name}"));
    for file in files {
        let name = &file.path[deck.len() + 1..];
        if ![FRAMEWORK_FILE, CARDS_FILE, DIALOGUE_CARDS_FILE].contains(&name) {
            problems.file(
                &file.path,
                format!("unknown content file: expected {FRAMEWORK_FILE}, {CARDS_FILE} or {DIALOGUE_CARDS_FILE}"),
            );
        }
    }
    let Some(framework_file) = find(FRAMEWORK_FILE) else {
        problems.file(
            &format!("{deck}/{FRAMEWORK_FILE}"),
            "missing: every deck needs one",
        );
        return None;
    };
    let raw_framework: RawFramework = parse(framework_file, problems)?;
    let raw_cards: Vec<RawCard> = match find(CARDS_FILE) {
        Some(file) => parse::<RawCards>(file, problems)?.cards,
        None => {
            problems.file(
                &format!("{deck}/{CARDS_FILE}"),
                "missing: every deck needs cards",
            );
            return None;
        }
    };
    let raw_dialogue: Vec<RawDialogueCard> = match find(DIALOGUE_CARDS_FILE) {
        Some(file) => parse::<RawDialogueCards>(file, problems)?.dialogue_cards,
        None => Vec::new(),
    };
    let paths = DeckPaths::new(deck);
    let before = problems.0.len();
    let mut ids = IdRegistry::default();
    let framework = build_framework(&paths, raw_framework, problems, &mut ids);
    let cards = build_cards(&paths, raw_cards, &framework.domains, problems, &mut ids);
    let dialogue_cards = build_dialogue_cards(&paths, raw_dialogue, problems, &mut ids);
    check_every_domain_has_cards(&paths, &framework.domains, &cards, problems);
    if problems.0.len() > before {
        return None;
    }
    let mut texts: Vec<&str> = Vec::new();
    for file in files {
        texts.push(&file.path);
        texts.push(&file.text);
    }
    Some(Framework {
        fingerprint: fingerprint(texts),
        card_index: index_by_id(cards.iter().map(|c| c.id.as_str())),
        dialogue_index: index_by_id(dialogue_cards.iter().map(|c| c.id.as_str())),
        cards,
        dialogue_cards,
        ..framework
    })
}

fn index_by_id<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
}

fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile, problems: &mut Problems) -> Option<T> {
    match toml::from_str(&file.text) {
        Ok(value) => Some(value),
        Err(error) => {
            problems.file(&file.path, one_line(&error.to_string()));
            None
        }
    }
}

/// toml's messages are multi-line pictures of the source (a location line, the source line
/// with a caret, then the message); a log line wants the location and the message.
fn one_line(message: &str) -> String {
    let mut lines = message.lines().map(str::trim).filter(|l| !l.is_empty());
    let location = lines.next().unwrap_or_default();
    let explanation: Vec<&str> = lines.filter(|l| !l.contains('|')).collect();
    if explanation.is_empty() {
        location.to_owned()
    } else {
        format!("{location}: {}", explanation.join(" "))
    }
}

struct DeckPaths {
    framework: String,
    cards: String,
    dialogue: String,
}

impl DeckPaths {
    fn new(deck: &str) -> Self {
        DeckPaths {
            framework: format!("{deck}/{FRAMEWORK_FILE}"),
            cards: format!("{deck}/{CARDS_FILE}"),
            dialogue: format!("{deck}/{DIALOGUE_CARDS_FILE}"),
        }
    }
}

/// Ids are unique across a deck's domains, cards and dialogue cards, so that one id names one
/// thing in URLs and in stored answers.
#[derive(Default)]
struct IdRegistry(HashSet<String>);

impl IdRegistry {
    fn claim(&mut self, file: &str, id: &str, problems: &mut Problems) {
        if !is_valid_id(id) {
            problems.item(
                file,
                id,
                format!("invalid id: use 1 to {MAX_ID_LEN} lowercase letters, digits and '-', starting with a letter or digit"),
            );
        } else if !self.0.insert(id.to_owned()) {
            problems.item(file, id, "duplicate id");
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    first_ok
        && id.len() <= MAX_ID_LEN
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn localized(
    file: &str,
    item: &str,
    field: &str,
    raw: RawLocalized,
    problems: &mut Problems,
) -> Localized {
    let mut take = |text: Option<String>, language: &str| match text.map(|t| t.trim().to_owned()) {
        None => {
            problems.item(
                file,
                item,
                format!("{field}: missing translation `{language}`"),
            );
            String::new()
        }
        Some(t) if t.is_empty() => {
            problems.item(file, item, format!("{field}: empty text in `{language}`"));
            String::new()
        }
        Some(t) => t,
    };
    let nl = take(raw.nl, "nl");
    let en = take(raw.en, "en");
    Localized { nl, en }
}

fn build_framework(
    paths: &DeckPaths,
    raw: RawFramework,
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Framework {
    let file = &paths.framework;
    ids.claim(file, &raw.id, problems);
    if raw.version.trim().is_empty() {
        problems.item(file, &raw.id, "version: empty");
    }
    if raw.own_cards_per_domain > MAX_OWN_CARDS_PER_DOMAIN {
        problems.item(
            file,
            &raw.id,
            format!("own_cards_per_domain: at most {MAX_OWN_CARDS_PER_DOMAIN}"),
        );
    }
    if raw.domains.is_empty() {
        problems.item(
            file,
            &raw.id,
            "no domains: a deck needs at least one [[domains]]",
        );
    }
    let domains = raw
        .domains
        .into_iter()
        .map(|d| build_domain(file, d, problems, ids))
        .collect();
    Framework {
        title: localized(file, &raw.id, "title", raw.title, problems),
        description: localized(file, &raw.id, "description", raw.description, problems),
        id: raw.id,
        version: raw.version.trim().to_owned(),
        own_cards_per_domain: raw.own_cards_per_domain,
        domains,
        cards: Vec::new(),
        dialogue_cards: Vec::new(),
        fingerprint: String::new(),
        card_index: HashMap::new(),
        dialogue_index: HashMap::new(),
    }
}

fn build_domain(
    file: &str,
    raw: RawDomain,
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Domain {
    ids.claim(file, &raw.id, problems);
    let title = localized(file, &raw.id, "title", raw.title, problems);
    let heading = match raw.heading {
        Some(heading) => localized(file, &raw.id, "heading", heading, problems),
        None => title.clone(),
    };
    Domain {
        kind: match raw.kind {
            RawDomainKind::Practice => DomainKind::Practice,
            RawDomainKind::Quality => DomainKind::Quality,
        },
        id: raw.id,
        title,
        heading,
    }
}

fn build_cards(
    paths: &DeckPaths,
    raw: Vec<RawCard>,
    domains: &[Domain],
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Vec<Card> {
    let file = &paths.cards;
    raw.into_iter()
        .map(|card| {
            ids.claim(file, &card.id, problems);
            if !domains.iter().any(|d| d.id == card.domain) {
                problems.item(file, &card.id, format!("unknown domain `{}`", card.domain));
            }
            Card {
                text: localized(file, &card.id, "text", card.text, problems),
                id: card.id,
                domain: card.domain,
            }
        })
        .collect()
}

fn build_dialogue_cards(
    paths: &DeckPaths,
    raw: Vec<RawDialogueCard>,
    problems: &mut Problems,
    ids: &mut IdRegistry,
) -> Vec<DialogueCard> {
    let file = &paths.dialogue;
    raw.into_iter()
        .map(|card| {
            ids.claim(file, &card.id, problems);
            DialogueCard {
                question: localized(file, &card.id, "question", card.question, problems),
                follow_up: card
                    .follow_up
                    .map(|f| localized(file, &card.id, "follow_up", f, problems)),
                id: card.id,
            }
        })
        .collect()
}

fn check_every_domain_has_cards(
    paths: &DeckPaths,
    domains: &[Domain],
    cards: &[Card],
    problems: &mut Problems,
) {
    for domain in domains {
        if !cards.iter().any(|c| c.domain == domain.id) {
            problems.item(&paths.framework, &domain.id, "domain has no cards");
        }
    }
}

#[cfg(test)]
mod tests;
