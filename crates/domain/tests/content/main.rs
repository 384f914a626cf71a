//! The shipped decks, checked against the published text they come from: every statement and
//! every dialogue card of the printed set is in the content, word for word, in order. The team
//! scan's questionnaire is checked against its source text in [`space_scan`].

use std::path::{Path, PathBuf};

use leidraad_domain::{Library, SourceFile, load_library};

mod space_scan;

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn shipped_library() -> Library {
    let mut files = Vec::new();
    for deck in std::fs::read_dir(content_dir()).unwrap() {
        let deck = deck.unwrap().path();
        if !deck.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&deck).unwrap() {
            let file = file.unwrap().path();
            files.push(SourceFile {
                path: format!(
                    "{}/{}",
                    deck.file_name().unwrap().to_string_lossy(),
                    file.file_name().unwrap().to_string_lossy()
                ),
                text: std::fs::read_to_string(&file).unwrap(),
            });
        }
    }
    load_library(&files).unwrap_or_else(|e| panic!("{e}"))
}

/// Joins a block's lines as the layout broke them: a space between lines, none after a line
/// that ends in a slash ("taken/" + "verantwoordelijkheden"), whitespace runs folded.
fn fold_layout(block: &[&str]) -> String {
    let mut text = String::new();
    for line in block {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() && !text.ends_with('/') {
            text.push(' ');
        }
        text.push_str(line);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The seed's blocks: runs of lines separated by three or more blank lines.
fn blocks(seed: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut blank_run = 0;
    for line in seed.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if blank_run >= 3 && !current.is_empty() {
            blocks.push(fold_layout(&current));
            current.clear();
        }
        blank_run = 0;
        current.push(line);
    }
    if !current.is_empty() {
        blocks.push(fold_layout(&current));
    }
    blocks
}

const DIALOGUE_MARK: &str = "Dialoog kaarten";

struct Seed {
    /// Per domain heading, its statements.
    domains: Vec<(String, Vec<String>)>,
    dialogue_cards: Vec<String>,
}

fn parse_seed() -> Seed {
    let path = content_dir().join("sources/beroepsstandaard-schoolleiders.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let mut seed = Seed {
        domains: Vec::new(),
        dialogue_cards: Vec::new(),
    };
    let mut in_dialogue = false;
    for block in blocks(&text) {
        if block == DIALOGUE_MARK {
            in_dialogue = true;
        } else if in_dialogue {
            let card = block.strip_suffix(DIALOGUE_MARK).unwrap_or(&block).trim();
            seed.dialogue_cards.push(card.to_owned());
        } else if block.starts_with("Leidinggeven aan") || block.ends_with("kwaliteiten") {
            seed.domains.push((block, Vec::new()));
        } else {
            seed.domains
                .last_mut()
                .expect("a heading first")
                .1
                .push(block);
        }
    }
    seed
}

#[test]
fn the_seed_holds_nine_domains_eighty_statements_and_twenty_two_dialogue_cards() {
    let seed = parse_seed();
    let counts: Vec<usize> = seed.domains.iter().map(|(_, cards)| cards.len()).collect();
    assert_eq!(counts, [7, 14, 12, 9, 12, 6, 7, 6, 7]);
    assert_eq!(seed.dialogue_cards.len(), 22);
}

#[test]
fn every_statement_of_the_seed_is_in_the_content_verbatim_and_in_order() {
    let seed = parse_seed();
    let library = shipped_library();
    let deck = library.framework("beroepsstandaard-schoolleiders").unwrap();
    assert_eq!(deck.domains.len(), seed.domains.len());
    for (domain, (heading, statements)) in deck.domains.iter().zip(&seed.domains) {
        assert_eq!(&domain.heading.nl, heading, "heading of {}", domain.id);
        let cards: Vec<&str> = deck
            .cards_of(&domain.id)
            .map(|c| c.text.nl.as_str())
            .collect();
        assert_eq!(cards, *statements, "statements of {}", domain.id);
    }
    assert_eq!(deck.cards.len(), 80);
}

#[test]
fn every_dialogue_card_of_the_seed_is_in_the_content_verbatim_and_in_order() {
    let seed = parse_seed();
    let library = shipped_library();
    let deck = library.framework("beroepsstandaard-schoolleiders").unwrap();
    let content: Vec<String> = deck
        .dialogue_cards
        .iter()
        .map(|c| match &c.follow_up {
            Some(f) => format!("{} {}", c.question.nl, f.nl),
            None => c.question.nl.clone(),
        })
        .collect();
    assert_eq!(content, seed.dialogue_cards);
}

#[test]
fn the_typography_of_the_printed_set_is_kept() {
    let library = shipped_library();
    let deck = &library.frameworks[0];
    let all: String = deck
        .cards
        .iter()
        .map(|c| c.text.nl.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for mark in [
        "‘waartoe’",
        "–",
        "én",
        "creëer",
        "beïnvloeden",
        "taken/verantwoordelijkheden",
    ] {
        assert!(all.contains(mark), "{mark} is missing");
    }
    assert!(!all.contains("  "), "no double spaces");
}

#[test]
fn every_card_has_an_english_translation_that_differs_from_the_dutch() {
    let library = shipped_library();
    for card in &library.frameworks[0].cards {
        assert!(!card.text.en.is_empty());
        assert_ne!(card.text.en, card.text.nl, "{} is not translated", card.id);
    }
}
