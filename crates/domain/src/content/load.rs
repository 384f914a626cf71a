//! Turns the deck files into a validated [`Library`]: finds each deck's files and parses them
//! here, builds and checks the model from them in [`build`], and reports every problem found,
//! not just the first, each naming its file and, where there is one, the item
//! ([`problems`]).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::raw::{RawCard, RawCards, RawDialogueCard, RawDialogueCards, RawFramework};
use super::{Framework, Library};
use crate::fingerprint::fingerprint;
use crate::space_scan;

mod build;
mod problems;

use build::{
    DeckPaths, build_cards, build_dialogue_cards, build_framework, check_every_domain_has_cards,
};
pub(crate) use build::{IdRegistry, localized};
pub(crate) use problems::Problems;
pub use problems::{ContentError, ContentErrors};

pub const FRAMEWORK_FILE: &str = "framework.toml";
pub const CARDS_FILE: &str = "cards.toml";
pub const DIALOGUE_CARDS_FILE: &str = "dialogue-cards.toml";

/// One content file: its path relative to the content folder (`deck/file.toml`, with `/`) and
/// its text. Reading the files is the caller's business; this crate does no IO.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Parses and validates every deck among `files`. Files are grouped into decks by their first
/// path segment; files outside a deck folder and non-TOML files (such as a README) are ignored.
/// A folder that holds a [`space_scan::SCAN_FILE`] is a team-scan questionnaire, not a deck:
/// it is loaded and checked by [`space_scan::load_scan`] into [`Library::space_scans`].
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
    if decks.is_empty()
        || decks
            .iter()
            .all(|(deck, files)| space_scan::is_scan_folder(deck, files))
    {
        problems.file(
            "content",
            "no decks found: expected folders with a framework.toml",
        );
    }
    let mut frameworks = Vec::new();
    let mut space_scans = Vec::new();
    for (deck, deck_files) in decks {
        if space_scan::is_scan_folder(deck, &deck_files) {
            if let Some(scan) = space_scan::load_scan(deck, &deck_files, &mut problems) {
                space_scans.push(scan);
            }
        } else if let Some(framework) = load_deck(deck, &deck_files, &mut problems) {
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
    let mut seen = HashSet::new();
    for scan in &space_scans {
        if !seen.insert(scan.id.clone()) {
            let file = format!("{}/{}", scan.id, space_scan::SCAN_FILE);
            problems.item(&file, &scan.id, "duplicate space scan id");
        }
    }
    problems.into_result(Library {
        frameworks,
        space_scans,
    })
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
    let before = problems.count();
    let mut ids = IdRegistry::default();
    let framework = build_framework(&paths, raw_framework, problems, &mut ids);
    let cards = build_cards(&paths, raw_cards, &framework.domains, problems, &mut ids);
    let dialogue_cards = build_dialogue_cards(&paths, raw_dialogue, problems, &mut ids);
    check_every_domain_has_cards(&paths, &framework.domains, &cards, problems);
    if problems.count() > before {
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

pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    file: &SourceFile,
    problems: &mut Problems,
) -> Option<T> {
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

#[cfg(test)]
mod tests;
