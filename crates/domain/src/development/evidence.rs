//! Evidence files: what a leader keeps as proof of an activity (a certificate, a photo of a
//! flip-over, a report). A file is judged by its bytes, never by its name: a program renamed to
//! `.pdf` is still a program. Only documents and images that a reader opens without running
//! anything pass; HTML and SVG (which run script in a browser), executables, scripts and
//! anything not recognised are refused.

use memchr::memmem;

use super::DevelopmentError;

/// At most 10 MB a file.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// At most 200 MB a person, over all their files.
pub const MAX_PERSON_BYTES: u64 = 200 * 1024 * 1024;
const FILENAME_CHARS: usize = 120;

/// A kind of file that is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceType {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Docx,
    Xlsx,
    Pptx,
    Doc,
    Xls,
    Ppt,
    Odt,
    Ods,
    Odp,
}

impl EvidenceType {
    const ALL: [EvidenceType; 14] = [
        EvidenceType::Pdf,
        EvidenceType::Png,
        EvidenceType::Jpeg,
        EvidenceType::Gif,
        EvidenceType::Webp,
        EvidenceType::Docx,
        EvidenceType::Xlsx,
        EvidenceType::Pptx,
        EvidenceType::Doc,
        EvidenceType::Xls,
        EvidenceType::Ppt,
        EvidenceType::Odt,
        EvidenceType::Ods,
        EvidenceType::Odp,
    ];

    pub fn content_type(self) -> &'static str {
        match self {
            EvidenceType::Pdf => "application/pdf",
            EvidenceType::Png => "image/png",
            EvidenceType::Jpeg => "image/jpeg",
            EvidenceType::Gif => "image/gif",
            EvidenceType::Webp => "image/webp",
            EvidenceType::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            EvidenceType::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            EvidenceType::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            EvidenceType::Doc => "application/msword",
            EvidenceType::Xls => "application/vnd.ms-excel",
            EvidenceType::Ppt => "application/vnd.ms-powerpoint",
            EvidenceType::Odt => "application/vnd.oasis.opendocument.text",
            EvidenceType::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            EvidenceType::Odp => "application/vnd.oasis.opendocument.presentation",
        }
    }

    /// Back from a stored content type.
    pub fn from_content_type(stored: &str) -> Option<EvidenceType> {
        EvidenceType::ALL
            .into_iter()
            .find(|kind| kind.content_type() == stored)
    }

    /// The extensions a file of this type goes by; the first is the one given when missing.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            EvidenceType::Pdf => &["pdf"],
            EvidenceType::Png => &["png"],
            EvidenceType::Jpeg => &["jpg", "jpeg"],
            EvidenceType::Gif => &["gif"],
            EvidenceType::Webp => &["webp"],
            EvidenceType::Docx => &["docx"],
            EvidenceType::Xlsx => &["xlsx"],
            EvidenceType::Pptx => &["pptx"],
            EvidenceType::Doc => &["doc"],
            EvidenceType::Xls => &["xls"],
            EvidenceType::Ppt => &["ppt"],
            EvidenceType::Odt => &["odt"],
            EvidenceType::Ods => &["ods"],
            EvidenceType::Odp => &["odp"],
        }
    }

    /// An image that may be shown in the page (the others only download).
    pub fn is_image(self) -> bool {
        matches!(
            self,
            EvidenceType::Png | EvidenceType::Jpeg | EvidenceType::Gif | EvidenceType::Webp
        )
    }
}

/// What a file is, by its first bytes (and, for Office files, the names inside them).
pub fn sniff(bytes: &[u8]) -> Result<EvidenceType, DevelopmentError> {
    let refused = DevelopmentError::EvidenceTypeRefused;
    if bytes.starts_with(b"%PDF-") {
        return Ok(EvidenceType::Pdf);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(EvidenceType::Png);
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return Ok(EvidenceType::Jpeg);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(EvidenceType::Gif);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Ok(EvidenceType::Webp);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office_zip(bytes).ok_or(refused);
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return ole(bytes).ok_or(refused);
    }
    // Everything else, HTML, SVG, programs (ELF, "MZ", Mach-O) and scripts ("#!") among it.
    Err(refused)
}

/// A zip is an Office document when it says so: OOXML by `[Content_Types].xml` and its main
/// folder, ODF by the `mimetype` entry it must store first and uncompressed. A document with
/// macros (`vbaProject.bin`) is refused: it can run code when opened.
fn office_zip(bytes: &[u8]) -> Option<EvidenceType> {
    let has = |name: &[u8]| memmem::find(bytes, name).is_some();
    if has(b"vbaProject.bin") {
        return None;
    }
    if has(b"[Content_Types].xml") {
        return [
            (&b"word/"[..], EvidenceType::Docx),
            (b"xl/", EvidenceType::Xlsx),
            (b"ppt/", EvidenceType::Pptx),
        ]
        .into_iter()
        .find(|(folder, _)| has(folder))
        .map(|(_, kind)| kind);
    }
    // A local file header is 30 bytes, then the name: "mimetype", then its stored content.
    let name = bytes.get(30..38)?;
    if name != b"mimetype" {
        return None;
    }
    let content = bytes.get(38..38 + 50).unwrap_or(&bytes[38..]);
    [
        (
            &b"application/vnd.oasis.opendocument.text"[..],
            EvidenceType::Odt,
        ),
        (
            b"application/vnd.oasis.opendocument.spreadsheet",
            EvidenceType::Ods,
        ),
        (
            b"application/vnd.oasis.opendocument.presentation",
            EvidenceType::Odp,
        ),
    ]
    .into_iter()
    .find(|(mime, _)| content.starts_with(mime) && !content[mime.len()..].starts_with(b"-"))
    .map(|(_, kind)| kind)
}

/// Legacy Office files are OLE compound files, named by the stream inside them (in UTF-16).
/// Other OLE files (installers among them) are refused.
fn ole(bytes: &[u8]) -> Option<EvidenceType> {
    let utf16 =
        |name: &str| -> Vec<u8> { name.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let has = |name: &str| memmem::find(bytes, &utf16(name)).is_some();
    if has("_VBA_PROJECT") || has("Macros") {
        return None;
    }
    if has("WordDocument") {
        Some(EvidenceType::Doc)
    } else if has("Workbook") || has("Book") {
        Some(EvidenceType::Xls)
    } else if has("PowerPoint Document") {
        Some(EvidenceType::Ppt)
    } else {
        None
    }
}

/// A file's size against the limit; an empty file is no evidence.
pub fn check_size(len: usize) -> Result<(), DevelopmentError> {
    match len {
        0 => Err(DevelopmentError::EvidenceTypeRefused),
        len if len > MAX_FILE_BYTES => Err(DevelopmentError::EvidenceTooLarge),
        _ => Ok(()),
    }
}

/// Whether `adding` more bytes still fit beside the `used` ones.
pub fn check_quota(used: u64, adding: usize) -> Result<(), DevelopmentError> {
    if used.saturating_add(adding as u64) > MAX_PERSON_BYTES {
        Err(DevelopmentError::EvidenceQuotaFull)
    } else {
        Ok(())
    }
}

/// A file as it arrived, checked whole: its size, its type by content, and a clean name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEvidence {
    pub kind: EvidenceType,
    pub filename: String,
}

pub fn check_evidence(sent_name: &str, bytes: &[u8]) -> Result<CheckedEvidence, DevelopmentError> {
    check_size(bytes.len())?;
    let kind = sniff(bytes)?;
    Ok(CheckedEvidence {
        kind,
        filename: clean_filename(sent_name, kind),
    })
}

/// The name to show and to download under: no folders, no control characters, no leading dots,
/// at most 120 characters, and an extension that matches what the file is.
pub fn clean_filename(sent: &str, kind: EvidenceType) -> String {
    let base = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let base: String = base
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '"' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    let base = base.trim().trim_start_matches('.').trim();
    let (stem, extension) = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_ascii_lowercase()),
        _ => (base, String::new()),
    };
    let extension = if kind.extensions().contains(&extension.as_str()) {
        extension
    } else {
        kind.extensions()[0].to_owned()
    };
    let stem = if kind
        .extensions()
        .iter()
        .any(|e| base.eq_ignore_ascii_case(e))
        || stem.is_empty()
    {
        "bewijs"
    } else {
        stem
    };
    let room = FILENAME_CHARS - extension.len() - 1;
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{extension}", stem.trim_end())
}
