//! The shapes every list export shares: CSV for spreadsheets (UTF-8 with a byte-order mark
//! so Excel reads umlauts; the header in the user's language from the text catalogue),
//! XLSX (a real workbook: bold frozen header, auto-filter, column widths, dates as dates)
//! or JSON (complete records). Each domain says its columns in its own `export.rs`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{text, Language};

mod xlsx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// `csv`, `json` or `xlsx` (the CLI's `--format`).
    pub fn parse(text: &str) -> Option<ExportFormat> {
        match text {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "xlsx" => Some(ExportFormat::Xlsx),
            _ => None,
        }
    }
}

/// Which character separates CSV fields: the office's choice, or the language's habit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvSeparator {
    /// `;` in German (German spreadsheets split a CSV file on it), `,` in English.
    ByLanguage,
    Comma,
    Semicolon,
}

impl CsvSeparator {
    /// The stored setting: 0 by language, 1 comma, 2 semicolon.
    pub fn from_setting(value: i64) -> Self {
        match value {
            1 => CsvSeparator::Comma,
            2 => CsvSeparator::Semicolon,
            _ => CsvSeparator::ByLanguage,
        }
    }
}

/// How a table export writes: the language of its header and values, the CSV separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableStyle {
    pub language: Language,
    pub delimiter: u8,
}

impl TableStyle {
    pub fn new(language: Language, separator: CsvSeparator) -> Self {
        let delimiter = match (separator, language) {
            (CsvSeparator::Comma, _) => b',',
            (CsvSeparator::Semicolon, _) => b';',
            (CsvSeparator::ByLanguage, Language::German) => b';',
            (CsvSeparator::ByLanguage, Language::English) => b',',
        };
        TableStyle {
            language,
            delimiter,
        }
    }

    /// A code's wording in the language: `label("activity-status", "active")` → "Aktiv".
    pub fn label(&self, prefix: &str, code: &str) -> String {
        text(self.language, &format!("{prefix}-{code}"))
    }

    /// "ja"/"yes" for a set flag, empty otherwise.
    pub fn flag(&self, value: bool) -> String {
        if value {
            text(self.language, "value-yes")
        } else {
            String::new()
        }
    }
}

/// The bytes of a finished export and the file name to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub suggested_name: String,
    pub bytes: Vec<u8>,
}

/// A record's name as part of a file name: the characters some OS refuses in file names
/// replaced, the ends trimmed.
pub fn file_name_part(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if r#"\/:*?"<>|"#.contains(c) { '_' } else { c })
        .collect();
    // A leading dot hides the file on Unix; Windows drops trailing dots and spaces.
    clean
        .trim_matches(|c: char| c.is_whitespace() || c == '.')
        .to_string()
}

/// The complete records as pretty JSON.
pub(crate) fn json<T: Serialize>(list: &[T]) -> Vec<u8> {
    serde_json::to_vec_pretty(list).expect("records serialise")
}

/// A list as a table file (CSV or XLSX): the header is the catalogue's wording of `columns`
/// in `language`.
pub(crate) fn table(
    format: ExportFormat,
    style: TableStyle,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Xlsx => xlsx::workbook(style.language, columns, rows),
        _ => csv_bytes(style, columns, rows),
    }
}

/// An ISO date cell as a German spreadsheet reads a date (13.03.2026); English keeps ISO,
/// which every spreadsheet reads and nobody reads as month-first by mistake.
fn local_date(language: Language, cell: &str) -> String {
    match (language, xlsx::as_date(cell)) {
        (Language::German, Some(day)) => day.format("%d.%m.%Y").to_string(),
        _ => cell.to_string(),
    }
}

/// A cell a spreadsheet would run as a formula when the CSV is opened (`=`, `+`, `-`, `@`, or
/// a tab or carriage return first: OWASP's "CSV injection") gets a leading apostrophe, which
/// makes it text; a plain number such as `-12` stays a number. XLSX cells are written as
/// strings and never need this.
pub(crate) fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && cell.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV file: the header is the catalogue's wording of `columns` in `language`.
fn csv_bytes(
    style: TableStyle,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> CoreResult<Vec<u8>> {
    let header: Vec<String> = columns.iter().map(|id| text(style.language, id)).collect();
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(style.delimiter)
            .from_writer(&mut out);
        let fail = |e: csv::Error| CoreError::Corrupt(format!("CSV: {e}"));
        writer.write_record(&header).map_err(fail)?;
        for row in rows {
            writer
                .write_record(
                    row.iter()
                        .map(|cell| inert(&local_date(style.language, cell)).into_owned()),
                )
                .map_err(fail)?;
        }
        writer.flush().map_err(|e| CoreError::io("export", e))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_become_text_and_numbers_stay_numbers() {
        for risky in [
            "=HYPERLINK(\"https://evil.example\")",
            "+SUM(1,2)",
            "-1+1",
            "@cmd",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(inert(risky), format!("'{risky}"), "{risky:?}");
        }
        for safe in ["-12", "+3.5", "Lohnabrechnung", "", "a=b", "12-3"] {
            assert_eq!(inert(safe), safe, "{safe:?}");
        }
    }
}
