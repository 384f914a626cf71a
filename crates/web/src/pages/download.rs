//! Files to download: tables as CSV for Dutch Excel (and as XLSX, in [`super::workbook`]), and
//! attachments that are never cached.

use std::borrow::Cow;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// A table to download: a sheet of a workbook, or a CSV file.
pub struct Table<'a> {
    /// The sheet's name.
    pub name: Cow<'a, str>,
    /// Column names, as people read them, with a column's width in characters.
    pub columns: Vec<(Cow<'a, str>, f64)>,
    pub rows: Vec<Vec<Cell<'a>>>,
}

/// One field of a table.
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    /// A number, with how people read it in the file's language ("2,7"): a workbook keeps the
    /// number, a CSV file the text.
    Number(f64, String),
}

impl<'a> Cell<'a> {
    pub fn plain(text: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(text.into())
    }

    fn as_text(&self) -> &str {
        match self {
            Cell::Text(text) => text,
            Cell::Number(_, text) => text,
        }
    }
}

/// The byte order mark: without it Excel reads a CSV file as the system's code page and shows
/// "Ã©" for "é".
const BOM: &str = "\u{feff}";

/// A table as CSV that Excel opens in a Dutch (or any comma-decimal) setting, where the list
/// separator is a semicolon: a UTF-8 byte order mark, semicolons between fields, every field
/// quoted by RFC 4180 (the `csv` crate), quotes doubled, lines ending in CRLF; numbers as people
/// read them. A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return) is defused with a leading `'`. Rows may have fewer or more
/// fields than the header; they are written as given.
pub fn csv_of(table: &Table) -> String {
    let mut writer = writer();
    // Writing to memory cannot fail, and UTF-8 in gives UTF-8 out: the expects are for the
    // compiler, not for people.
    writer
        .write_record(table.columns.iter().map(|(name, _)| defused(name)))
        .expect("a CSV record is written to memory");
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|cell| defused(cell.as_text())))
            .expect("a CSV record is written to memory");
    }
    finish(writer)
}

fn writer() -> csv::Writer<Vec<u8>> {
    let mut bytes = Vec::with_capacity(8192);
    bytes.extend_from_slice(BOM.as_bytes());
    csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(bytes)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer
        .into_inner()
        .expect("a CSV table is flushed to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// The field's bytes, with a `'` before them if a spreadsheet would read the field as a
/// formula (OWASP's CSV injection list).
fn defused(field: &str) -> Cow<'_, [u8]> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned([b"'", field.as_bytes()].concat())
    } else {
        Cow::Borrowed(field.as_bytes())
    }
}

pub const CSV: &str = "text/csv; charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// An attachment named `file_name` (ASCII letters, digits, `-` and `.`: what every browser
/// saves as given), never cached.
pub fn download(body: Vec<u8>, content_type: &'static str, file_name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests;
