//! Files written so that a crash never leaves a half-written one: a temporary name first,
//! then a rename. The export formats are the kernel's; each domain's columns are in its
//! `export.rs`.

use std::io::Write;
use std::path::Path;

use crate::kernel::error::{CoreError, CoreResult};
pub use crate::kernel::export::{ExportFile, ExportFormat};

/// Writes the file under a temporary name beside the target, syncs it and renames it into
/// place, so the target is either the old file or the complete new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> CoreResult<()> {
    write_atomically_with(path, |file| {
        file.write_all(bytes).map_err(|e| CoreError::io(path, e))
    })
}

/// As `write_atomically`, with the content streamed in by `write` (a document's bytes
/// straight from the database).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> CoreResult<()>,
) -> CoreResult<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if path.file_name().is_none() {
        return Err(CoreError::validation(
            "path",
            "format",
            "a file name is needed",
        ));
    }
    // A short temporary name of its own: a name just under the system's limit must not
    // fail because its temporary form is longer.
    let temp = dir.join(format!(".dpo-desk-{}.part", uuid::Uuid::new_v4().simple()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp).map_err(|e| CoreError::io(path, e))?;
        write(&mut file)?;
        file.sync_all().map_err(|e| CoreError::io(path, e))?;
        std::fs::rename(&temp, path).map_err(|e| CoreError::io(path, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{activities, areas, companies, master_data, tenants};
    use crate::kernel::export::{CsvSeparator, TableStyle};
    use crate::kernel::text::Language;

    /// Every header a CSV export writes comes from the catalogue in both languages (a
    /// missing text fails here: `text` asserts in tests).
    #[test]
    fn every_csv_header_is_in_the_german_and_english_catalogue() {
        for language in Language::ALL {
            let style = TableStyle::new(language, CsvSeparator::ByLanguage);
            let headers = [
                activities::export::file(&[], ExportFormat::Csv, style).unwrap(),
                master_data::export::file(&[], ExportFormat::Csv, style).unwrap(),
                companies::export::file(&[], ExportFormat::Csv, style).unwrap(),
                areas::export::file(&[], ExportFormat::Csv, style).unwrap(),
                tenants::export::file(&[], ExportFormat::Csv, style).unwrap(),
            ];
            for bytes in headers {
                let line = String::from_utf8(bytes).unwrap();
                assert!(!line.contains("column-"), "{line}");
            }
        }
        let german = String::from_utf8(
            areas::export::file(
                &[],
                ExportFormat::Csv,
                TableStyle::new(Language::German, CsvSeparator::ByLanguage),
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(
            german.trim_start_matches('\u{feff}').trim_end(),
            "ID;Bereich;Firma;Beschreibung;Verarbeitungen",
            "German spreadsheets split on the semicolon"
        );
    }
}
