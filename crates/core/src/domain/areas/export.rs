//! The area list as CSV or JSON.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

pub fn file(list: &[super::Area], format: ExportFormat, style: TableStyle) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-area-id",
                "column-area-name",
                "column-area-company",
                "column-area-description",
                "column-area-activities",
            ],
            list.iter().map(|a| {
                vec![
                    a.id.to_string(),
                    a.name.clone(),
                    a.company_name.clone(),
                    a.description.clone(),
                    a.activity_count.to_string(),
                ]
            }),
        ),
    }
}
