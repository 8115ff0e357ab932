//! The document list as CSV, XLSX or JSON: where each document is, its current version and
//! who changed it last (the bytes stay in the database and in backups).

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

pub fn file(
    list: &[super::DocumentRow],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-document-folder",
                "column-document-name",
                "column-document-version",
                "column-document-size",
                "column-document-type",
                "column-document-updated",
                "column-document-updated-by",
                "column-document-tags",
                "column-document-description",
            ],
            list.iter().map(|d| {
                vec![
                    d.folder_path.clone(),
                    d.name.clone(),
                    d.version.to_string(),
                    d.size.to_string(),
                    d.media_type.clone(),
                    d.updated_at.format("%Y-%m-%d %H:%M").to_string(),
                    d.updated_by.clone(),
                    d.tags.join(", "),
                    d.description.clone(),
                ]
            }),
        ),
    }
}
