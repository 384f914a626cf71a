use crate::content::{SourceFile, load_library};
use crate::space_scan::{Agreement, Direction, ElementGroup, ScanAnswer};

const DECK: &str = r#"
id = "deck"
version = "1"
title = { nl = "Kader", en = "Framework" }
description = { nl = "Een kader", en = "A framework" }

[[domains]]
id = "visie"
kind = "practice"
title = { nl = "Visie", en = "Vision" }
"#;

const CARDS: &str = r#"
[[cards]]
id = "visie-01"
domain = "visie"
text = { nl = "Ik creëer", en = "I create" }
"#;

const SCAN: &str = r#"
id = "scan"
version = "1"
title = { nl = "Teamscan", en = "Team scan" }
description = { nl = "Hoeveel ruimte?", en = "How much room?" }

[[scale]]
answer = "helemaal-oneens"
label = { nl = "Helemaal oneens", en = "Strongly disagree" }
[[scale]]
answer = "oneens"
label = { nl = "Oneens", en = "Disagree" }
[[scale]]
answer = "eens"
label = { nl = "Eens", en = "Agree" }
[[scale]]
answer = "helemaal-eens"
label = { nl = "Helemaal eens", en = "Strongly agree" }
[[scale]]
answer = "weet-ik-niet"
label = { nl = "Weet ik niet", en = "Don't know" }

[[sections]]
id = "ruimte"
title = { nl = "Ruimte", en = "Room" }

[[roles]]
id = "mentor"
name = { nl = "Mentor", en = "Mentor" }
description = { nl = "Je begeleidt nieuwe collega’s.", en = "You guide new colleagues." }
source = "Mentor"

[[roles]]
id = "anders"
name = { nl = "Anders", en = "Other" }
description = { nl = "Een andere rol.", en = "Another role." }
source = "……"
other = true

[[open_questions]]
id = "geeft-ruimte"
question = { nl = "Wat geeft je ruimte?", en = "What gives you room?" }
"#;

const STATEMENTS: &str = r#"
[[statements]]
id = "ruimte-01"
section = "ruimte"
direction = "more"
text = { nl = "Ik kies zelf hoe ik les geef.", en = "I choose how I teach." }

[[statements]]
id = "ruimte-02"
section = "ruimte"
direction = "less"
text = { nl = "Voor bijna alles moet ik toestemming vragen.", en = "I need permission for almost everything." }
"#;

const COVERAGE: &str = r#"
[[elements]]
id = "ruimte-nemen"
group = "movement"
label = { nl = "Ruimte nemen", en = "Taking room" }
source = "ruimte nemen"
statements = ["ruimte-01"]

[[elements]]
id = "toestemming"
group = "killer"
label = { nl = "Overal toestemming voor vragen", en = "Permission for everything" }
source = "Overal toestemming voor moeten vragen"
statements = ["ruimte-02", "ruimte-01"]

[[left_out]]
source = "Overheid en samenleving"
reason = "not for teachers"
"#;

fn files(scan: &str, statements: &str, coverage: &str) -> Vec<SourceFile> {
    let file = |path: &str, text: &str| SourceFile {
        path: path.into(),
        text: text.into(),
    };
    vec![
        file("deck/framework.toml", DECK),
        file("deck/cards.toml", CARDS),
        file("scan/space-scan.toml", scan),
        file("scan/statements.toml", statements),
        file("scan/coverage.toml", coverage),
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

fn assert_problem(files: &[SourceFile], expected: &str) {
    let problems = problems_of(files);
    assert!(
        problems.iter().any(|p| p == expected),
        "expected {expected:?} among {problems:#?}"
    );
}

#[test]
fn a_scan_folder_loads_beside_the_decks() {
    let library = load_library(&files(SCAN, STATEMENTS, COVERAGE)).unwrap();
    assert_eq!(library.frameworks.len(), 1);
    let scan = library.space_scan("scan").unwrap();
    assert_eq!(scan.title.nl, "Teamscan");
    let answers: Vec<ScanAnswer> = scan.scale.iter().map(|s| s.answer).collect();
    assert_eq!(answers, ScanAnswer::ALL);
    assert_eq!(scan.scale_label(ScanAnswer::DontKnow).en, "Don't know");
    assert_eq!(
        scan.scale_label(ScanAnswer::Agreement(Agreement::Agree)).nl,
        "Eens"
    );
    assert_eq!(scan.statements_of("ruimte").count(), 2);
    assert_eq!(
        scan.statement("ruimte-02").unwrap().direction,
        Direction::Less
    );
    assert!(scan.role("anders").unwrap().other);
    assert!(!scan.role("mentor").unwrap().other);
    assert_eq!(scan.open_questions.len(), 1);
    let killers: Vec<&str> = scan
        .elements_of(ElementGroup::Killer)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(killers, ["toestemming"]);
    let covering: Vec<&str> = scan
        .elements_covering("ruimte-01")
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(covering, ["ruimte-nemen", "toestemming"]);
    assert_eq!(scan.left_out.len(), 1);
    assert!(!scan.fingerprint.is_empty());
}

#[test]
fn the_fingerprint_follows_every_file() {
    let before = load_library(&files(SCAN, STATEMENTS, COVERAGE)).unwrap();
    let coverage = COVERAGE.replace("Taking room", "Taking space");
    let after = load_library(&files(SCAN, STATEMENTS, &coverage)).unwrap();
    assert_ne!(
        before.space_scans[0].fingerprint,
        after.space_scans[0].fingerprint
    );
}

#[test]
fn a_statement_without_a_translation_or_with_an_empty_text_is_refused() {
    let statements = STATEMENTS.replace(", en = \"I choose how I teach.\"", "");
    assert_problem(
        &files(SCAN, &statements, COVERAGE),
        "scan/statements.toml: `ruimte-01`: text: missing translation `en`",
    );
    let statements = STATEMENTS.replace("Ik kies zelf hoe ik les geef.", "  ");
    assert_problem(
        &files(SCAN, &statements, COVERAGE),
        "scan/statements.toml: `ruimte-01`: text: empty text in `nl`",
    );
}

#[test]
fn control_characters_are_refused_in_every_text() {
    let statements = STATEMENTS.replace("Ik kies zelf", "Ik kies\\tzelf");
    assert_problem(
        &files(SCAN, &statements, COVERAGE),
        "scan/statements.toml: `ruimte-01`: text: control character in `nl`",
    );
    let scan = SCAN.replace("You guide new", "You\\u0007 guide new");
    assert_problem(
        &files(&scan, STATEMENTS, COVERAGE),
        "scan/space-scan.toml: `mentor`: description: control character in `en`",
    );
    let coverage = COVERAGE.replace("source = \"ruimte nemen\"", "source = \"ruimte\\nnemen\"");
    assert_problem(
        &files(SCAN, STATEMENTS, &coverage),
        "scan/coverage.toml: `ruimte-nemen`: source: control character",
    );
}

#[test]
fn ids_are_unique_across_the_scan() {
    let statements = STATEMENTS.replace("id = \"ruimte-02\"", "id = \"ruimte-01\"");
    assert_problem(
        &files(SCAN, &statements, COVERAGE),
        "scan/statements.toml: `ruimte-01`: duplicate id",
    );
    let coverage = COVERAGE.replace("id = \"toestemming\"", "id = \"mentor\"");
    assert_problem(
        &files(SCAN, STATEMENTS, &coverage),
        "scan/coverage.toml: `mentor`: duplicate id",
    );
    let scan = SCAN.replace("id = \"mentor\"", "id = \"Mentor\"");
    assert!(
        problems_of(&files(&scan, STATEMENTS, COVERAGE))
            .iter()
            .any(|p| p.starts_with("scan/space-scan.toml: `Mentor`: invalid id"))
    );
}

#[test]
fn a_statement_in_an_unknown_section_and_an_empty_section_are_refused() {
    let statements = STATEMENTS.replace("section = \"ruimte\"", "section = \"ruimtes\"");
    let problems = problems_of(&files(SCAN, &statements, COVERAGE));
    assert!(
        problems.contains(&"scan/statements.toml: `ruimte-01`: unknown section `ruimtes`".into())
    );
    assert!(problems.contains(&"scan/space-scan.toml: `ruimte`: section has no statements".into()));
}

#[test]
fn a_direction_other_than_more_or_less_is_refused() {
    let statements = STATEMENTS.replace("direction = \"less\"", "direction = \"minder\"");
    let problems = problems_of(&files(SCAN, &statements, COVERAGE));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("scan/statements.toml: "),
        "{problems:?}"
    );
    assert!(problems[0].contains("minder"), "{problems:?}");
}

#[test]
fn every_element_needs_a_statement_and_every_statement_it_names_must_exist() {
    let coverage = COVERAGE.replace("statements = [\"ruimte-01\"]", "statements = []");
    assert_problem(
        &files(SCAN, STATEMENTS, &coverage),
        "scan/coverage.toml: `ruimte-nemen`: no statements: every element needs one",
    );
    let coverage = COVERAGE.replace("[\"ruimte-01\"]", "[\"ruimte-09\"]");
    assert_problem(
        &files(SCAN, STATEMENTS, &coverage),
        "scan/coverage.toml: `ruimte-nemen`: unknown statement `ruimte-09`",
    );
    let coverage = COVERAGE.replace("[\"ruimte-01\"]", "[\"ruimte-01\", \"ruimte-01\"]");
    assert_problem(
        &files(SCAN, STATEMENTS, &coverage),
        "scan/coverage.toml: `ruimte-nemen`: statement `ruimte-01` listed twice",
    );
    let coverage = COVERAGE.replace("group = \"killer\"", "group = \"killers\"");
    let problems = problems_of(&files(SCAN, STATEMENTS, &coverage));
    assert!(
        problems[0].starts_with("scan/coverage.toml: `toestemming`: unknown group `killers`"),
        "{problems:?}"
    );
}

#[test]
fn the_scale_must_list_every_answer_in_order() {
    let scan = SCAN.replace("answer = \"weet-ik-niet\"", "answer = \"neutraal\"");
    assert_problem(
        &files(&scan, STATEMENTS, COVERAGE),
        "scan/space-scan.toml: `scan`: scale: list the answers helemaal-oneens, oneens, eens, helemaal-eens, weet-ik-niet in this order, one [[scale]] each",
    );
}

#[test]
fn unknown_keys_unknown_files_and_missing_files_are_refused() {
    let statements = STATEMENTS.replace("direction = \"more\"", "direction = \"more\"\nweight = 2");
    let problems = problems_of(&files(SCAN, &statements, COVERAGE));
    assert!(
        problems[0].starts_with("scan/statements.toml: ") && problems[0].contains("weight"),
        "{problems:?}"
    );
    let mut with_extra = files(SCAN, STATEMENTS, COVERAGE);
    with_extra.push(SourceFile {
        path: "scan/cards.toml".into(),
        text: String::new(),
    });
    assert!(
        problems_of(&with_extra)[0]
            .starts_with("scan/cards.toml: unknown content file: a scan folder holds")
    );
    let without_coverage: Vec<SourceFile> = files(SCAN, STATEMENTS, COVERAGE)
        .into_iter()
        .filter(|f| f.path != "scan/coverage.toml")
        .collect();
    assert_eq!(
        problems_of(&without_coverage),
        ["scan/coverage.toml: missing: every scan needs one"]
    );
}

#[test]
fn a_library_with_only_a_scan_still_needs_a_deck() {
    let only_scan: Vec<SourceFile> = files(SCAN, STATEMENTS, COVERAGE)
        .into_iter()
        .filter(|f| f.path.starts_with("scan/"))
        .collect();
    assert_eq!(
        problems_of(&only_scan),
        ["content: no decks found: expected folders with a framework.toml"]
    );
}
