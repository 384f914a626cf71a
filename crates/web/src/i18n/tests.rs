//! The locales against what uses them. Nothing here is a list kept by hand: the keys come from
//! every `.ftl` file under `locales/{nl,en}/`, and their uses from every template under
//! `templates/` and every source file under `src/` (and the use cases' `crates/app/src`,
//! whose mail texts these locales hold), read from disk when the test runs.
//!
//! A use is a call of `t`, `t1` (the [`Tr`] methods) or `text` (the use cases' mail texts)
//! whose first argument is a string literal. Calls with a computed key (`t(&format!(…))`,
//! `t(key)`) cannot be checked here; the test prints each one with its place, and the families
//! the domain names (`role-{code}`, the rating scale's labels) are checked in full below.
//! Test code (`mod tests { … }`, `tests.rs`) is not a use.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use leidraad_domain::RaterAnswer;
use leidraad_domain::accounts::Role;

use super::*;

/// The crate's folder, so the test reads what is on disk now rather than a list of files.
fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends in `extension`, in a stable order.
fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.to_string_lossy().ends_with(extension) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every message a language defines, each with the files that define it.
fn defined_keys(language: Language) -> BTreeMap<String, Vec<PathBuf>> {
    let dir = crate_dir().join("locales").join(language.code());
    let files = files_under(&dir, ".ftl");
    assert!(!files.is_empty(), "no .ftl files in {}", dir.display());
    let mut keys: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in files {
        for key in message_keys(&read(&file)) {
            keys.entry(key).or_default().push(file.clone());
        }
    }
    keys
}

/// How a source names a message: with a literal key, or with one computed at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
enum KeyUse {
    Literal(String),
    /// The start of the call's first argument, for the listing.
    Computed(String),
}

/// The calls of `.t(`, `.t1(` and `text(` in `source`, with their line numbers. A literal
/// key may sit on the line after the parenthesis, as rustfmt leaves long calls. Of `text(`
/// only calls with a literal count.
fn key_uses(source: &str) -> Vec<(usize, KeyUse)> {
    let bytes = source.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut uses = Vec::new();
    for (at, _) in source.char_indices() {
        let rest = &source[at..];
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let call = if (rest.starts_with("t(") || rest.starts_with("t1(") || rest.starts_with("t2("))
            && before == Some(b'.')
        {
            rest.find('(')
        } else if rest.starts_with("text(")
            && !before.is_some_and(ident)
            && !source[..at].ends_with("fn ")
        {
            Some("text".len())
        } else {
            None
        };
        let Some(open) = call else { continue };
        let argument = rest[open + 1..].trim_start();
        let line = source[..at].matches('\n').count() + 1;
        if let Some(literal) = argument.strip_prefix('"') {
            let key = literal.split('"').next().unwrap_or_default();
            uses.push((line, KeyUse::Literal(key.to_owned())));
        } else if !rest.starts_with("text(") {
            // `text` is a common name (`s.text()`, a schema helper): only its literal calls
            // are taken for keys, the others are not listed.
            let shown: String = argument
                .chars()
                .take_while(|c| *c != '\n')
                .take(60)
                .collect();
            uses.push((line, KeyUse::Computed(shown)));
        }
    }
    uses
}

/// Product code only: the inline test module at the end of a file is cut off.
fn without_tests(source: &str) -> &str {
    source
        .find("\n#[cfg(test)]\nmod tests {")
        .map_or(source, |at| &source[..at])
}

/// Every template and product source file, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    let root = crate_dir();
    let mut files = files_under(&root.join("templates"), ".html");
    files.extend(files_under(&root.join("src"), ".rs"));
    let app = root.join("../app/src");
    if app.is_dir() {
        files.extend(files_under(&app, ".rs"));
    }
    files
        .into_iter()
        .filter(|path| path.file_name().is_some_and(|name| name != "tests.rs"))
        .filter(|path| !path.components().any(|c| c.as_os_str() == "tests"))
        .map(|path| {
            let text = read(&path);
            (path, without_tests(&text).to_owned())
        })
        .collect()
}

fn shown(path: &Path) -> String {
    path.strip_prefix(crate_dir())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn both_languages_have_exactly_the_same_keys_each_defined_once() {
    let [nl, en] = Language::ALL.map(defined_keys);
    let missing_in_en: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let missing_in_nl: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(missing_in_en.is_empty(), "missing in en: {missing_in_en:?}");
    assert!(missing_in_nl.is_empty(), "missing in nl: {missing_in_nl:?}");
    for keys in [&nl, &en] {
        let twice: Vec<_> = keys.iter().filter(|(_, files)| files.len() > 1).collect();
        assert!(twice.is_empty(), "defined more than once: {twice:?}");
    }
}

#[test]
fn every_key_a_template_or_source_file_uses_exists_in_both_languages() {
    let defined = Language::ALL.map(defined_keys);
    let mut missing = String::new();
    let mut computed = String::new();
    let (mut files, mut literals) = (0, 0);
    for (path, text) in sources() {
        files += 1;
        for (line, key_use) in key_uses(&text) {
            match key_use {
                KeyUse::Literal(key) => {
                    literals += 1;
                    for (language, keys) in Language::ALL.iter().zip(&defined) {
                        if !keys.contains_key(&key) {
                            let _ = writeln!(
                                missing,
                                "`{key}` ({}:{line}) is missing in {}",
                                shown(&path),
                                language.code()
                            );
                        }
                    }
                }
                KeyUse::Computed(argument) => {
                    let _ = writeln!(computed, "  {}:{line}: {argument}", shown(&path));
                }
            }
        }
    }
    eprintln!("message keys computed at run time, not checked here:\n{computed}");
    assert!(missing.is_empty(), "{missing}");
    // The scan must have found what is there: every page names dozens of keys.
    assert!(files > 50, "only {files} files scanned");
    assert!(literals > 300, "only {literals} literal keys found");
}

#[test]
fn every_key_the_domain_names_exists_in_both_languages() {
    let defined = Language::ALL.map(defined_keys);
    let mut named: Vec<String> = Role::ALL
        .iter()
        .map(|role| format!("role-{}", role.code()))
        .collect();
    named.extend(RaterAnswer::ALL.map(|answer| answer.label_key().to_owned()));
    for key in named {
        for (language, keys) in Language::ALL.iter().zip(&defined) {
            assert!(keys.contains_key(&key), "`{key}` is missing in {language}");
        }
    }
}

#[test]
fn the_scanner_finds_literal_keys_and_lists_computed_ones() {
    let source = concat!(
        "{{ page.tr.t(\"home-title\") }}\n",
        "let x = tr.t1(\n    \"card-count\", \"count\", 3);\n",
        "subject: text(\"mail-reset-subject\"),\n",
        "tr.t(&format!(\"role-{}\", code));\n",
        "tr.t(key)\n",
        "context(\"not-a-key\"); pub fn t(&self, key: &str) {}\n",
        "fn text(&self) {} format!(\"{}\", x.t)\n",
        "{{ s.text() }} let note = text(input.note)?;\n",
    );
    assert_eq!(
        key_uses(source),
        [
            (1, KeyUse::Literal("home-title".into())),
            (2, KeyUse::Literal("card-count".into())),
            (4, KeyUse::Literal("mail-reset-subject".into())),
            (5, KeyUse::Computed("&format!(\"role-{}\", code));".into())),
            (6, KeyUse::Computed("key)".into())),
        ]
    );
    let with_tests = "a\n#[cfg(test)]\nmod tests {\n tr.t(\"x\")\n}\n";
    assert_eq!(without_tests(with_tests), "a");
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
