//! Tables as an XLSX workbook, written by `rust_xlsxwriter`: one sheet per table, the header
//! row bold and kept in view, columns as wide as the table asks, long texts wrapped, numbers as
//! numbers. A text is always written as text, so a note that starts with `=` stays a note:
//! unlike CSV, nothing here needs defusing.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use super::download::{Cell, Table};
use crate::error::AppError;

/// Longest sheet name Excel accepts.
const SHEET_NAME_CHARS: usize = 31;
/// Columns wider than this many characters wrap their text instead of growing.
const WRAP_FROM: f64 = 40.0;

/// The workbook of `tables`, in order.
pub fn workbook(tables: &[Table]) -> Result<Vec<u8>, AppError> {
    write(tables).map_err(|error| {
        tracing::error!(%error, "an XLSX download could not be written");
        AppError::Internal
    })
}

fn write(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_align(FormatAlign::Top);
    let plain = Format::new().set_align(FormatAlign::Top);
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&table.name))?;
        for (col, (name, width)) in (0u16..).zip(&table.columns) {
            sheet.set_column_width(col, *width)?;
            sheet.write_string_with_format(0, col, name.as_ref(), &header)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (row, cells) in (1u32..).zip(&table.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                let wide = table
                    .columns
                    .get(usize::from(col))
                    .is_some_and(|(_, width)| *width >= WRAP_FROM);
                let format = if wide { &wrapped } else { &plain };
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string_with_format(row, col, text.as_ref(), format)?
                    }
                    Cell::Number(value, _) => {
                        sheet.write_number_with_format(row, col, *value, format)?
                    }
                };
            }
        }
        let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(0);
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    book.save_to_buffer()
}

/// `name` as Excel accepts a sheet's name: without `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(SHEET_NAME_CHARS)
        .collect();
    let name = name.trim_matches('\'').trim();
    if name.is_empty() {
        "Blad".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_keep_to_what_excel_accepts() {
        assert_eq!(sheet_name("Per domein"), "Per domein");
        assert_eq!(sheet_name("a/b:c?"), "a-b-c-");
        assert_eq!(sheet_name(&"x".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("''"), "Blad");
    }

    #[test]
    fn a_workbook_is_a_zip_archive() {
        let table = Table {
            name: "Kaarten".into(),
            columns: vec![("Kaart".into(), 50.0), ("Score".into(), 8.0)],
            rows: vec![vec![Cell::plain("=1+1"), Cell::Number(2.5, "2,5".into())]],
        };
        let bytes = workbook(&[table]).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }
}
