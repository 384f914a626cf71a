use super::*;

/// A table of texts, as CSV.
fn csv_table(header: &[&'static str], rows: &[&[&'static str]]) -> String {
    csv_of(&Table {
        name: "t".into(),
        columns: header.iter().map(|h| ((*h).into(), 10.0)).collect(),
        rows: rows
            .iter()
            .map(|row| row.iter().map(|f| Cell::plain(*f)).collect())
            .collect(),
    })
}

/// The table without its byte order mark, which every table starts with.
fn body(csv: &str) -> &str {
    csv.strip_prefix(BOM).expect("a byte order mark first")
}

#[test]
fn a_table_starts_with_a_byte_order_mark_and_separates_fields_with_semicolons() {
    let csv = csv_table(&["a", "b"], &[&["1", "twee"], &["", "x y"]]);
    assert!(csv.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]));
    assert_eq!(
        body(&csv),
        "\"a\";\"b\"\r\n\"1\";\"twee\"\r\n\"\";\"x y\"\r\n"
    );
}

#[test]
fn a_table_without_rows_is_its_header() {
    assert_eq!(
        body(&csv_table(&["organisatie", "rollen"], &[])),
        "\"organisatie\";\"rollen\"\r\n"
    );
}

#[test]
fn quotes_are_doubled_and_separators_and_line_breaks_stay_inside_the_field() {
    let csv = csv_table(
        &["note"],
        &[
            &["zei \"ja\"; toen"],
            &["regel 1\nregel 2\r\nregel 3"],
            &["é, ü; ✓"],
        ],
    );
    assert_eq!(
        body(&csv),
        "\"note\"\r\n\"zei \"\"ja\"\"; toen\"\r\n\"regel 1\nregel 2\r\nregel 3\"\r\n\"é, ü; ✓\"\r\n"
    );
}

#[test]
fn fields_a_spreadsheet_would_run_are_defused() {
    for formula in ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"] {
        let csv = csv_table(&["f"], &[&[formula]]);
        assert_eq!(
            body(&csv),
            format!("\"f\"\r\n\"'{formula}\"\r\n"),
            "{formula:?}"
        );
    }
    let csv = csv_table(&["f"], &[&["=\"x\""], &["a=b"], &[" =x"]]);
    assert_eq!(
        body(&csv),
        "\"f\"\r\n\"'=\"\"x\"\"\"\r\n\"a=b\"\r\n\" =x\"\r\n",
        "only a leading character counts; quotes are doubled after defusing"
    );
}

#[test]
fn rows_of_another_length_than_the_header_are_written_as_given() {
    let csv = csv_table(&["a", "b"], &[&["1"], &["1", "2", "3"]]);
    assert_eq!(body(&csv), "\"a\";\"b\"\r\n\"1\"\r\n\"1\";\"2\";\"3\"\r\n");
}

#[test]
fn a_table_of_cells_writes_numbers_as_people_read_them_and_defuses_text() {
    let table = Table {
        name: "Per domein".into(),
        columns: vec![("Domein".into(), 30.0), ("Score".into(), 8.0)],
        rows: vec![
            vec![Cell::plain("Visie"), Cell::Number(2.75, "2,8".into())],
            vec![
                Cell::plain("=HYPERLINK(\"x\")"),
                Cell::Number(-1.0, "-1".into()),
            ],
        ],
    };
    assert_eq!(
        body(&csv_of(&table)),
        "\"Domein\";\"Score\"\r\n\"Visie\";\"2,8\"\r\n\"'=HYPERLINK(\"\"x\"\")\";\"'-1\"\r\n"
    );
}
