//! Where the content files come from: the copy embedded in the binary (one file to deploy), or
//! a folder on disk for people who edit decks. Either way the domain crate gets plain text.

use std::path::Path;

use include_dir::{Dir, include_dir};
use leidraad_domain::SourceFile;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../content");

/// The content folder as it was when the binary was built.
pub fn embedded_content() -> Vec<SourceFile> {
    let mut files = Vec::new();
    collect_embedded(&EMBEDDED, &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn collect_embedded(dir: &Dir<'static>, files: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if let Some(text) = file.contents_utf8() {
            files.push(SourceFile {
                path: file.path().to_string_lossy().replace('\\', "/"),
                text: text.to_owned(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, files);
    }
}

/// Reads every file of `dir` one level of deck folders deep, as `deck/file` paths.
pub fn read_content_dir(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    for deck in std::fs::read_dir(dir)? {
        let deck = deck?;
        if !deck.file_type()?.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(deck.path())? {
            let file = file?;
            if !file.file_type()?.is_file() {
                continue;
            }
            let path = format!(
                "{}/{}",
                deck.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            );
            let text = std::fs::read_to_string(file.path()).map_err(|e| {
                std::io::Error::new(e.kind(), format!("{}: {e}", file.path().display()))
            })?;
            files.push(SourceFile { path, text });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
