//! The measure list as CSV or JSON: one line per measure, with its companies, goals and
//! the latest review.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};
use crate::kernel::text::text;

pub fn file(list: &[super::Tom], format: ExportFormat, style: TableStyle) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-tom-id",
                "column-tom-protection-type",
                "column-tom-title",
                "column-tom-kind",
                "column-tom-status",
                "column-tom-companies",
                "column-tom-description",
                "column-tom-implementation",
                "column-tom-art32",
                "column-tom-sdm",
                "column-tom-editor",
                "column-tom-next-review",
                "column-tom-last-review",
                "column-tom-last-result",
            ],
            list.iter().map(|t| {
                let name = |prefix: &str, id: &str| text(style.language, &format!("{prefix}-{id}"));
                let last = t.reviews.first();
                vec![
                    t.id.to_string(),
                    name("protection-type", t.data.protection_type.as_str()),
                    t.data.title.clone(),
                    name("tom-kind", t.data.kind.as_str()),
                    name("tom-status", t.data.status.as_str()),
                    t.companies
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    t.data.description.clone(),
                    t.data.implementation.clone(),
                    t.data
                        .art32
                        .iter()
                        .map(|g| format!("Art. 32(1)({})", g.as_str()))
                        .collect::<Vec<_>>()
                        .join("; "),
                    t.data
                        .sdm
                        .iter()
                        .map(|g| name("sdm-goal", g.as_str()))
                        .collect::<Vec<_>>()
                        .join("; "),
                    t.editor_name.clone().unwrap_or_default(),
                    t.data
                        .next_review
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    last.map(|r| r.reviewed_on.to_string()).unwrap_or_default(),
                    last.map(|r| r.result.clone()).unwrap_or_default(),
                ]
            }),
        ),
    }
}
