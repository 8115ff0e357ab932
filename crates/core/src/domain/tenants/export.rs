//! The tenant list as CSV or JSON.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

pub fn file(
    list: &[super::TenantSummary],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let date = |d: Option<chrono::DateTime<chrono::Utc>>| {
                d.map(|d| d.date_naive().to_string()).unwrap_or_default()
            };
            table(
                format,
                style,
                &[
                    "column-tenant-id",
                    "column-tenant-name",
                    "column-tenant-template",
                    "column-tenant-archived",
                    "column-tenant-created",
                    "column-tenant-companies",
                    "column-tenant-activities",
                ],
                list.iter().map(|s| {
                    let t = &s.tenant;
                    vec![
                        t.id.to_string(),
                        t.name.clone(),
                        style.flag(t.is_template),
                        date(t.archived_at),
                        date(Some(t.created_at)),
                        s.company_count.to_string(),
                        s.activity_count.to_string(),
                    ]
                }),
            )
        }
    }
}
