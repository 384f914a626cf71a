use super::*;

const FRAMEWORK: &str = r#"
id = "deck"
version = "1"
title = { nl = "Kader", en = "Framework" }
description = { nl = "Een kader", en = "A framework" }
own_cards_per_domain = 4

[[domains]]
id = "visie"
kind = "practice"
title = { nl = "Visie", en = "Vision" }

[[domains]]
id = "sociaal"
kind = "quality"
title = { nl = "Sociaal", en = "Social" }
heading = { nl = "Sociale kwaliteiten", en = "Social qualities" }
"#;

const CARDS: &str = r#"
[[cards]]
id = "visie-01"
domain = "visie"
text = { nl = "Ik creëer", en = "I create" }

[[cards]]
id = "sociaal-01"
domain = "sociaal"
text = { nl = "Ik luister", en = "I listen" }
"#;

const DIALOGUE: &str = r#"
[[dialogue_cards]]
id = "dialoog-01"
question = { nl = "Waarom?", en = "Why?" }
follow_up = { nl = "En dan?", en = "And then?" }
"#;

fn files(framework: &str, cards: &str, dialogue: &str) -> Vec<SourceFile> {
    vec![
        SourceFile {
            path: "deck/framework.toml".into(),
            text: framework.into(),
        },
        SourceFile {
            path: "deck/cards.toml".into(),
            text: cards.into(),
        },
        SourceFile {
            path: "deck/dialogue-cards.toml".into(),
            text: dialogue.into(),
        },
    ]
}

fn problems_of(files: &[SourceFile]) -> Vec<String> {
    load_library(files)
        .expect_err("content should be rejected")
        .0
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_valid_deck_loads_with_its_order_and_lookups() {
    let library = load_library(&files(FRAMEWORK, CARDS, DIALOGUE)).unwrap();
    let deck = library.framework("deck").unwrap();
    assert_eq!(deck.domains.len(), 2);
    assert_eq!(deck.domains[1].heading.nl, "Sociale kwaliteiten");
    assert_eq!(
        deck.domains[0].heading.en, "Vision",
        "heading defaults to the title"
    );
    assert_eq!(deck.card("sociaal-01").unwrap().text.en, "I listen");
    assert_eq!(
        deck.dialogue_card("dialoog-01")
            .unwrap()
            .follow_up
            .as_ref()
            .unwrap()
            .nl,
        "En dan?"
    );
    assert_eq!(deck.own_cards_per_domain, 4);
    assert_eq!(deck.fingerprint.len(), 16);
}

#[test]
fn the_fingerprint_changes_with_any_file() {
    let a = load_library(&files(FRAMEWORK, CARDS, DIALOGUE)).unwrap();
    let b = load_library(&files(
        FRAMEWORK,
        &CARDS.replace("I listen", "I hear"),
        DIALOGUE,
    ))
    .unwrap();
    assert_ne!(a.frameworks[0].fingerprint, b.frameworks[0].fingerprint);
}

#[test]
fn an_unknown_field_is_an_error_naming_the_file_and_the_key() {
    let cards = CARDS.replace("domain = \"visie\"", "domain = \"visie\"\ncolour = \"red\"");
    let problems = problems_of(&files(FRAMEWORK, &cards, DIALOGUE));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("deck/cards.toml: "), "{problems:?}");
    assert!(problems[0].contains("colour"), "{problems:?}");
}

#[test]
fn a_duplicate_id_is_an_error_naming_the_item() {
    let cards = CARDS.replace("sociaal-01", "visie-01");
    let problems = problems_of(&files(FRAMEWORK, &cards, DIALOGUE));
    assert_eq!(problems, ["deck/cards.toml: `visie-01`: duplicate id"]);
}

#[test]
fn a_card_in_an_unknown_domain_is_an_error() {
    let cards = CARDS.replace("domain = \"sociaal\"", "domain = \"emotioneel\"");
    let problems = problems_of(&files(FRAMEWORK, &cards, DIALOGUE));
    assert!(
        problems.contains(&"deck/cards.toml: `sociaal-01`: unknown domain `emotioneel`".to_owned()),
        "{problems:?}"
    );
}

#[test]
fn a_missing_translation_and_an_empty_text_are_errors() {
    let cards = CARDS
        .replace(", en = \"I create\"", "")
        .replace("\"Ik luister\"", "\"   \"");
    let problems = problems_of(&files(FRAMEWORK, &cards, DIALOGUE));
    assert_eq!(
        problems,
        [
            "deck/cards.toml: `visie-01`: text: missing translation `en`",
            "deck/cards.toml: `sociaal-01`: text: empty text in `nl`",
        ]
    );
}

#[test]
fn broken_toml_is_reported_on_one_line_with_its_file() {
    let problems = problems_of(&files(FRAMEWORK, "[[cards]\nid = ", DIALOGUE));
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("deck/cards.toml: "));
    assert!(!problems[0].contains('\n'));
}

#[test]
fn invalid_ids_unknown_kinds_and_stray_files_are_errors() {
    let framework = FRAMEWORK.replace("id = \"visie\"", "id = \"Visie Één\"");
    let problems = problems_of(&files(&framework, CARDS, DIALOGUE));
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`Visie Één`: invalid id")),
        "{problems:?}"
    );

    let framework = FRAMEWORK.replace("kind = \"quality\"", "kind = \"virtue\"");
    let problems = problems_of(&files(&framework, CARDS, DIALOGUE));
    assert!(problems[0].contains("virtue"), "{problems:?}");

    let mut with_stray = files(FRAMEWORK, CARDS, DIALOGUE);
    with_stray.push(SourceFile {
        path: "deck/kards.toml".into(),
        text: String::new(),
    });
    let problems = problems_of(&with_stray);
    assert!(
        problems[0].starts_with("deck/kards.toml: unknown content file"),
        "{problems:?}"
    );
}

#[test]
fn a_deck_without_framework_file_or_domains_without_cards_is_rejected() {
    let only_cards = vec![SourceFile {
        path: "deck/cards.toml".into(),
        text: CARDS.into(),
    }];
    assert_eq!(
        problems_of(&only_cards),
        ["deck/framework.toml: missing: every deck needs one"]
    );

    let cards = CARDS.replace("domain = \"sociaal\"", "domain = \"visie\"");
    let problems = problems_of(&files(FRAMEWORK, &cards, DIALOGUE));
    assert_eq!(
        problems,
        ["deck/framework.toml: `sociaal`: domain has no cards"]
    );
}

#[test]
fn dialogue_cards_are_optional_and_readmes_are_ignored() {
    let mut files = files(FRAMEWORK, CARDS, DIALOGUE);
    files.pop();
    files.push(SourceFile {
        path: "README.md".into(),
        text: "# hi".into(),
    });
    let library = load_library(&files).unwrap();
    assert!(library.frameworks[0].dialogue_cards.is_empty());
}

#[test]
fn no_decks_at_all_is_an_error() {
    assert_eq!(
        problems_of(&[]),
        ["content: no decks found: expected folders with a framework.toml"]
    );
}

#[test]
fn drawing_a_dialogue_card_never_repeats_the_current_one() {
    let dialogue = format!(
        "{DIALOGUE}\n[[dialogue_cards]]\nid = \"dialoog-02\"\nquestion = {{ nl = \"Wie?\", en = \"Who?\" }}\n"
    );
    let library = load_library(&files(FRAMEWORK, CARDS, &dialogue)).unwrap();
    let deck = &library.frameworks[0];
    for roll in 0..10 {
        let drawn = deck.draw_dialogue_card(roll, Some("dialoog-01")).unwrap();
        assert_eq!(drawn.id, "dialoog-02");
    }
}
