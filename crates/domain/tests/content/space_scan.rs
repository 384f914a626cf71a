//! The questionnaire of the team scan on professional space, checked against its source text
//! (`content/sources/professionele-ruimte.txt`): every item of the text is an element of the
//! coverage map, a teacher-leader role, or deliberately left out; every element is asked about
//! by at least one statement; and the statements are well formed in both languages.

use std::collections::HashSet;

use leidraad_domain::space_scan::{Direction, ElementGroup, SpaceScan};

use super::{content_dir, shipped_library};

const SCAN_ID: &str = "teamscan-professionele-ruimte";
/// The source text's bullet: a private-use character from a symbol font.
const BULLET: char = '\u{f07d}';

fn shipped_scan() -> SpaceScan {
    shipped_library()
        .space_scan(SCAN_ID)
        .expect("the team scan is shipped")
        .clone()
}

fn source_text() -> String {
    std::fs::read_to_string(content_dir().join("sources/professionele-ruimte.txt")).unwrap()
}

/// A line's list marker, if it has one: the bullet, `◦`, `- `, `> ` or a number and a dot.
fn strip_marker(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = line
        .strip_prefix(BULLET)
        .or_else(|| line.strip_prefix('◦'))
        .or_else(|| line.strip_prefix("- "))
        .or_else(|| line.strip_prefix("> "))
        .or_else(|| strip_number(line))?;
    let rest = rest.trim();
    Some(strip_number(rest).map_or(rest, str::trim))
}

fn strip_number(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (digits > 0)
        .then(|| line[digits..].strip_prefix(". "))
        .flatten()
}

/// The source text's items: a line with a list marker, or an indented line, or the first line
/// after a blank one starts an item; the lines after it up to the next such line belong to it.
/// Lines are joined with a space, except after a slash ("nieuwe rollen/" + "taken" does not
/// occur, but "nieuwe" + "rollen/taken" does), and whitespace runs are folded.
fn source_items(text: &str) -> Vec<String> {
    let mut items: Vec<Vec<&str>> = Vec::new();
    let mut after_blank = true;
    for line in text.lines() {
        if line.trim().is_empty() {
            after_blank = true;
            continue;
        }
        let starts =
            after_blank || line.starts_with(char::is_whitespace) || strip_marker(line).is_some();
        after_blank = false;
        if starts {
            items.push(vec![strip_marker(line).unwrap_or(line)]);
        } else if let Some(item) = items.last_mut() {
            item.push(line);
        }
    }
    items
        .into_iter()
        .map(|lines| {
            let mut text = String::new();
            for line in lines {
                if !text.is_empty() && !text.ends_with('/') {
                    text.push(' ');
                }
                text.push_str(line.trim());
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[test]
fn the_source_text_is_read_into_its_items() {
    let items = source_items(&source_text());
    assert_eq!(items.len(), 66, "{items:#?}");
    for expected in [
        "ruimte geven",
        "Ruimte om ervaring op te doen met nieuwe rollen/taken",
        "Rigide regels",
        "Samen formuleren van doelen (WAT) en principes.",
        "Geven ( en nemen) van verantwoordelijkheid",
        "Staan voor je leerlingen",
        "Collectieve autonomie",
        "Blijf in verbinding en motiveer lastige keuzes",
    ] {
        assert!(
            items.iter().any(|i| i == expected),
            "{expected} in {items:#?}"
        );
    }
}

#[test]
fn every_item_of_the_source_is_an_element_a_role_or_left_out_with_a_reason() {
    let scan = shipped_scan();
    let items = source_items(&source_text());
    let accounted: HashSet<&str> = scan
        .elements
        .iter()
        .map(|e| e.source.as_str())
        .chain(scan.roles.iter().map(|r| r.source.as_str()))
        .chain(scan.left_out.iter().map(|l| l.source.as_str()))
        .collect();
    let missing: Vec<&String> = items
        .iter()
        .filter(|i| !accounted.contains(i.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the coverage map: {missing:#?}");
    let unknown: Vec<&&str> = accounted
        .iter()
        .filter(|a| !items.iter().any(|i| i == *a))
        .collect();
    assert!(unknown.is_empty(), "not in the source text: {unknown:#?}");
}

#[test]
fn every_element_of_the_source_has_a_statement_and_every_statement_an_element() {
    let scan = shipped_scan();
    for element in &scan.elements {
        assert!(!element.statements.is_empty(), "{}", element.id);
        for id in &element.statements {
            assert!(scan.statement(id).is_some(), "{}: {id}", element.id);
        }
    }
    for statement in &scan.statements {
        assert!(
            scan.elements_covering(&statement.id).next().is_some(),
            "{} covers no element",
            statement.id
        );
    }
}

#[test]
fn the_issue_s_elements_are_all_there() {
    let scan = shipped_scan();
    let count = |group| scan.elements_of(group).count();
    assert_eq!(count(ElementGroup::Movement), 3);
    assert_eq!(count(ElementGroup::KindOfRoom), 4);
    assert_eq!(count(ElementGroup::Killer), 3);
    assert_eq!(count(ElementGroup::Helper), 4);
    assert_eq!(count(ElementGroup::TimeAndFacilities), 4);
    assert_eq!(count(ElementGroup::OtherDecisions), 3);
    for id in [
        "gedeelde-urgentie",
        "samen-doelen-formuleren",
        "ruimte-voor-het-hoe",
        "persoonlijk-contact",
        "goede-voorbeelden",
        "heldere-afspraken",
        "verantwoordelijkheid",
        "open-over-dilemmas-en-fouten",
        "helder-over-monitoring",
        "staan-voor-leerlingen",
        "lef",
        "meerdere-perspectieven",
        "actief-luisteren",
        "wat-kun-je-zelf-doen",
        "collectieve-autonomie",
        "hitteschild",
        "beredeneerde-keuzes-samen",
    ] {
        assert!(scan.elements.iter().any(|e| e.id == id), "{id}");
    }
    let roles: Vec<&str> = scan.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        roles,
        [
            "verstrekker-van-hulpmiddelen",
            "didactisch-specialist",
            "curriculum-specialist",
            "begeleider-in-de-klas",
            "learning-facilitator",
            "mentor",
            "data-coach",
            "leider",
            "anders"
        ]
    );
    assert_eq!(scan.roles.iter().filter(|r| r.other).count(), 1);
    assert_eq!(scan.open_questions.len(), 2);
}

#[test]
fn statements_are_well_formed_in_both_languages() {
    let scan = shipped_scan();
    assert!(
        (45..=60).contains(&scan.statements.len()),
        "{}",
        scan.statements.len()
    );
    let mut ids = HashSet::new();
    for s in &scan.statements {
        assert!(ids.insert(s.id.as_str()), "{} twice", s.id);
        assert!(s.id.starts_with(&format!("{}-", s.section)), "{}", s.id);
        for text in [&s.text.nl, &s.text.en] {
            assert!(!text.trim().is_empty(), "{}", s.id);
            assert!(!text.chars().any(char::is_control), "{}", s.id);
            assert!(
                text.ends_with('.'),
                "{}: one sentence, ending in a full stop",
                s.id
            );
            assert!(!text.contains("  "), "{}: double space", s.id);
            assert!(!text.contains('\''), "{}: use ’", s.id);
        }
        assert_ne!(s.text.nl, s.text.en, "{} is not translated", s.id);
    }
    let less = scan
        .statements
        .iter()
        .filter(|s| s.direction == Direction::Less)
        .count();
    assert!((5..=20).contains(&less), "{less} statements mean less room");
    for id in ["belemmeren-02", "belemmeren-01", "belemmeren-03"] {
        assert_eq!(
            scan.statement(id).unwrap().direction,
            Direction::Less,
            "{id}"
        );
    }
}
