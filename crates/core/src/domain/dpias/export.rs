//! The DPIA list as CSV or JSON: one line per current assessment.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};
use crate::kernel::text::text;

pub fn file(list: &[super::Dpia], format: ExportFormat, style: TableStyle) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-dpia-id",
                "column-dpia-activity",
                "column-dpia-version",
                "column-dpia-status",
                "column-dpia-progress",
                "column-dpia-sections",
                "column-dpia-risks",
                "column-dpia-highest",
                "column-dpia-highest-residual",
                "column-dpia-validator",
                "column-dpia-validated",
                "column-dpia-review",
            ],
            list.iter().map(|d| {
                let level = |l: Option<super::RiskLevel>| {
                    l.map(|l| text(style.language, &format!("risk-level-{}", l.as_str())))
                        .unwrap_or_default()
                };
                vec![
                    d.id.to_string(),
                    d.activity_name.clone(),
                    d.version.to_string(),
                    text(
                        style.language,
                        &format!("dpia-status-{}", d.status.as_str()),
                    ),
                    // Two numbers, not "5/6": spreadsheets read a slash as a date.
                    d.progress.iter().filter(|p| p.done).count().to_string(),
                    d.progress.len().to_string(),
                    d.risks.len().to_string(),
                    level(d.risks.iter().filter_map(|r| r.level).max()),
                    level(d.risks.iter().filter_map(|r| r.residual_level).max()),
                    d.validator_name.clone(),
                    d.validated_at.map(|x| x.to_string()).unwrap_or_default(),
                    d.data
                        .review_date
                        .map(|x| x.to_string())
                        .unwrap_or_default(),
                ]
            }),
        ),
    }
}
