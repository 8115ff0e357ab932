//! A list as an Excel workbook: one sheet, the header bold and frozen, an auto-filter over
//! the table, columns as wide as their content (within limits), dates as dates and whole
//! numbers as numbers — so sorting and filtering in the spreadsheet work as expected.
//!
//! The domains give their rows as text (the same rows as the CSV). A column is written as
//! dates or numbers only when every filled cell of it is one, so a postal code "01067" or
//! a free text that happens to look like a date in one row stays text.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{text, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    Number,
}

/// Excel's dates start in 1900; an earlier one stays text.
pub(super) fn as_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|d| d.year() >= 1900)
}

/// Excel's limit for one cell; a longer text is cut with a visible mark rather than
/// failing the whole export.
const CELL_LIMIT: usize = 32_767;

fn within_cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.chars().count() <= CELL_LIMIT {
        value.into()
    } else {
        let mut cut: String = value.chars().take(CELL_LIMIT - 1).collect();
        cut.push('…');
        cut.into()
    }
}

/// A whole number as a person writes it: no leading zero, no plus sign, at most 15 digits
/// (Excel keeps 15 significant digits).
fn as_number(value: &str) -> Option<i64> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let canonical = !digits.is_empty()
        && digits.len() <= 15
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if canonical {
        value.parse().ok()
    } else {
        None
    }
}

fn kind_of(rows: &[Vec<String>], column: usize) -> Kind {
    let mut filled = rows
        .iter()
        .filter_map(|r| r.get(column))
        .filter(|v| !v.is_empty())
        .peekable();
    if filled.peek().is_none() {
        return Kind::Text;
    }
    let values: Vec<&String> = filled.collect();
    if values.iter().all(|v| as_date(v).is_some()) {
        Kind::Date
    } else if values.iter().all(|v| as_number(v).is_some()) {
        Kind::Number
    } else {
        Kind::Text
    }
}

fn failed(e: XlsxError) -> CoreError {
    CoreError::Corrupt(format!("the XLSX file could not be written: {e}"))
}

/// The width a column needs: its longest line among the header and the first rows, within
/// sensible limits (Excel's unit is about one character).
fn width(header: &str, rows: &[Vec<String>], column: usize, kind: Kind) -> f64 {
    let longest = rows
        .iter()
        .take(500)
        .filter_map(|r| r.get(column))
        .map(|v| v.lines().map(|l| l.chars().count()).max().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let content = if kind == Kind::Date { 11 } else { longest };
    (content.max(header.chars().count()) as f64 + 3.0).clamp(8.0, 60.0)
}

pub(super) fn workbook(
    language: Language,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> CoreResult<Vec<u8>> {
    let header: Vec<String> = columns.iter().map(|id| text(language, id)).collect();
    let rows: Vec<Vec<String>> = rows.collect();
    let kinds: Vec<Kind> = (0..header.len()).map(|c| kind_of(&rows, c)).collect();
    let bold = Format::new().set_bold();
    let date = Format::new()
        .set_num_format(match language {
            Language::German => "dd.mm.yyyy",
            Language::English => "yyyy-mm-dd",
        })
        .set_align(FormatAlign::Left);

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, title) in header.iter().enumerate() {
        let col = c as u16;
        sheet
            .write_string_with_format(0, col, title, &bold)
            .map_err(failed)?;
        sheet
            .set_column_width(col, width(title, &rows, c, kinds[c]))
            .map_err(failed)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let at = (r + 1) as u32;
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let col = c as u16;
            match kinds.get(c).copied().unwrap_or(Kind::Text) {
                Kind::Date => {
                    let day = as_date(value).expect("the column holds only dates");
                    let excel = ExcelDateTime::from_ymd(
                        day.year() as u16,
                        day.month() as u8,
                        day.day() as u8,
                    )
                    .map_err(failed)?;
                    sheet
                        .write_date_with_format(at, col, &excel, &date)
                        .map_err(failed)?;
                }
                Kind::Number => {
                    let number = as_number(value).expect("the column holds only numbers");
                    sheet.write_number(at, col, number as f64).map_err(failed)?;
                }
                Kind::Text => {
                    sheet
                        .write_string(at, col, within_cell(value))
                        .map_err(failed)?;
                }
            }
        }
    }
    if !header.is_empty() {
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        sheet
            .autofilter(0, 0, rows.len() as u32, (header.len() - 1) as u16)
            .map_err(failed)?;
    }
    workbook.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_is_typed_only_when_every_filled_cell_fits() {
        let rows = vec![
            vec!["2026-03-01".into(), "12".into(), "01067".into()],
            vec!["".into(), "7".into(), "50667".into()],
        ];
        assert_eq!(kind_of(&rows, 0), Kind::Date);
        assert_eq!(kind_of(&rows, 1), Kind::Number);
        assert_eq!(kind_of(&rows, 2), Kind::Text, "a leading zero keeps text");
        assert_eq!(as_number("-3"), Some(-3));
        assert_eq!(as_number("1e5"), None);
        assert_eq!(as_date("2026-02-30"), None);
        assert_eq!(as_date("1899-12-31"), None, "before Excel's dates");
        let long = "x".repeat(40_000);
        assert_eq!(within_cell(&long).chars().count(), CELL_LIMIT);
        assert!(within_cell(&long).ends_with('…'));
    }
}
