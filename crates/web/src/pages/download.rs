//! Files to download: CSV tables and attachments that are never cached.

use std::borrow::Cow;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// A CSV table by RFC 4180 (the `csv` crate): every field quoted, quotes doubled, lines
/// ending in CRLF. A field that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) is defused with a leading `'`. Rows may have fewer or
/// more fields than the header; they are written as given.
pub fn csv_table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to memory cannot fail, and UTF-8 in gives UTF-8 out: the expects are for the
    // compiler, not for people.
    writer
        .write_record(header.iter().map(|h| defused(h)))
        .expect("a CSV record is written to memory");
    for row in rows {
        writer
            .write_record(row.iter().map(|f| defused(f)))
            .expect("a CSV record is written to memory");
    }
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
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> impl Iterator<Item = Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|f| (*f).to_owned()).collect())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn every_field_is_quoted_and_every_line_ends_in_crlf() {
        let csv = csv_table(&["a", "b"], rows(&[&["1", "twee"], &["", "x y"]]));
        assert_eq!(csv, "\"a\",\"b\"\r\n\"1\",\"twee\"\r\n\"\",\"x y\"\r\n");
    }

    #[test]
    fn a_table_without_rows_is_its_header() {
        assert_eq!(
            csv_table(&["organisation_id", "organisation"], rows(&[])),
            "\"organisation_id\",\"organisation\"\r\n"
        );
    }

    #[test]
    fn quotes_are_doubled_and_separators_and_line_breaks_stay_inside_the_field() {
        let csv = csv_table(
            &["note"],
            rows(&[
                &["zei \"ja\", toen"],
                &["regel 1\nregel 2\r\nregel 3"],
                &["é, ü; ✓"],
            ]),
        );
        assert_eq!(
            csv,
            "\"note\"\r\n\"zei \"\"ja\"\", toen\"\r\n\"regel 1\nregel 2\r\nregel 3\"\r\n\"é, ü; ✓\"\r\n"
        );
    }

    #[test]
    fn fields_a_spreadsheet_would_run_are_defused() {
        for formula in ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let csv = csv_table(&["f"], rows(&[&[formula]]));
            assert_eq!(csv, format!("\"f\"\r\n\"'{formula}\"\r\n"), "{formula:?}");
        }
        let csv = csv_table(&["f"], rows(&[&["=\"x\""], &["a=b"], &[" =x"]]));
        assert_eq!(
            csv, "\"f\"\r\n\"'=\"\"x\"\"\"\r\n\"a=b\"\r\n\" =x\"\r\n",
            "only a leading character counts; quotes are doubled after defusing"
        );
    }

    #[test]
    fn rows_of_another_length_than_the_header_are_written_as_given() {
        let csv = csv_table(&["a", "b"], rows(&[&["1"], &["1", "2", "3"]]));
        assert_eq!(csv, "\"a\",\"b\"\r\n\"1\"\r\n\"1\",\"2\",\"3\"\r\n");
    }
}
