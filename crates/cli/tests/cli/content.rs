//! `leidraad content check`, and the server refusing content that does not pass it.

use std::path::{Path, PathBuf};

use crate::{leidraad, run, temp_dir};

fn content_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// A copy of the shipped deck in which `file` has `from` replaced by `to`.
fn broken_content(file: &str, from: &str, to: &str) -> PathBuf {
    let dir = temp_dir();
    let deck = dir.join("beroepsstandaard-schoolleiders");
    std::fs::create_dir_all(&deck).unwrap();
    for name in ["framework.toml", "cards.toml", "dialogue-cards.toml"] {
        let text = std::fs::read_to_string(
            content_source()
                .join("beroepsstandaard-schoolleiders")
                .join(name),
        )
        .unwrap();
        let text = if name == file {
            assert!(text.contains(from), "{from} is not in {name}");
            text.replacen(from, to, 1)
        } else {
            text
        };
        std::fs::write(deck.join(name), text).unwrap();
    }
    dir
}

#[test]
fn content_check_accepts_the_shipped_decks() {
    let (output, stdout, _) = run(leidraad().args(["content", "check"]));
    assert!(output.status.success());
    assert!(
        stdout.contains("ok: beroepsstandaard-schoolleiders"),
        "{stdout}"
    );
    assert!(
        stdout.contains("9 domains, 80 cards, 22 dialogue cards"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: teamscan-professionele-ruimte")
            && stdout.contains("60 statements, 9 roles, 2 open questions"),
        "{stdout}"
    );
    let (output, _, _) = run(leidraad().arg("content").arg("check").arg(content_source()));
    assert!(output.status.success());
}

#[test]
fn content_check_rejects_broken_content_naming_file_and_item() {
    let cases = [
        (
            "cards.toml",
            "domain = \"visie\"",
            "domain = \"visioen\"",
            "cards.toml: `visie-01`: unknown domain `visioen`",
        ),
        (
            "cards.toml",
            "id = \"visie-02\"",
            "id = \"visie-01\"",
            "cards.toml: `visie-01`: duplicate id",
        ),
        (
            "cards.toml",
            "id = \"visie-01\"",
            "id = \"visie-01\"\ncolour = \"red\"",
            "cards.toml: TOML parse error at line 3, column 1: unknown field `colour`",
        ),
        (
            "dialogue-cards.toml",
            "question = { nl = \"Hoe beschrijf",
            "question = { nl = \"  \", xx = \"Hoe beschrijf",
            "dialogue-cards.toml",
        ),
        (
            "framework.toml",
            "kind = \"quality\"",
            "kind = \"deugd\"",
            "framework.toml",
        ),
    ];
    for (file, from, to, expected) in cases {
        let dir = broken_content(file, from, to);
        let (output, stdout, stderr) = run(leidraad().args(["content", "check"]).arg(&dir));
        assert_eq!(
            output.status.code(),
            Some(2),
            "{file}: {from} → {to}\n{stdout}{stderr}"
        );
        assert!(stderr.contains("invalid content"), "{stderr}");
        assert!(
            stderr.contains(expected),
            "expected `{expected}` in:\n{stderr}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn a_missing_translation_is_named() {
    let dir = broken_content(
        "cards.toml",
        ", en = \"I use shared values as the foundation\"",
        "",
    );
    let (output, _, stderr) = run(leidraad().args(["content", "check"]).arg(&dir));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("cards.toml: `visie-01`: text: missing translation `en`"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_server_refuses_to_start_on_invalid_content() {
    let content = broken_content("cards.toml", "domain = \"visie\"", "domain = \"visioen\"");
    let data = temp_dir();
    let (output, _, stderr) = run(leidraad()
        .args(["serve", "--bind", "127.0.0.1:0", "--content-dir"])
        .arg(&content)
        .arg("--data-dir")
        .arg(&data));
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unknown domain `visioen`"), "{stderr}");
    std::fs::remove_dir_all(content).unwrap();
    std::fs::remove_dir_all(data).unwrap();
}
