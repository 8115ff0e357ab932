//! The breach register as CSV, XLSX or JSON: one line per breach with the Art. 33(3) items.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};
use crate::kernel::text::text;

pub fn file(
    list: &[super::Breach],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-breach-id",
                "column-breach-title",
                "column-breach-discovered",
                "column-breach-occurred",
                "column-breach-description",
                "column-breach-subjects",
                "column-breach-records",
                "column-breach-consequences",
                "column-breach-measures",
                "column-breach-risk",
                "column-breach-risk-reasons",
                "column-breach-deadline",
                "column-breach-authority-notified",
                "column-breach-reference",
                "column-breach-late-reasons",
                "column-breach-subjects-notified",
                "column-breach-status",
            ],
            list.iter().map(|b| {
                let name = |prefix: &str, id: &str| text(style.language, &format!("{prefix}-{id}"));
                let local = |t: chrono::DateTime<chrono::Utc>| {
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                };
                let d = &b.data;
                let joined = |parts: &[&str]| {
                    parts
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                vec![
                    b.id.to_string(),
                    d.title.clone(),
                    local(d.discovered_at),
                    d.occurred.clone(),
                    d.description.clone(),
                    joined(&[&d.subject_categories, &d.subjects_approx]),
                    joined(&[&d.record_categories, &d.records_approx]),
                    d.consequences.clone(),
                    joined(&[&d.measures_taken, &d.measures_proposed]),
                    name("breach-risk", d.risk.as_str()),
                    d.risk_reasons.clone(),
                    local(b.timing.authority_deadline),
                    d.authority_notified_at.map(local).unwrap_or_default(),
                    d.authority_reference.clone(),
                    d.late_reasons.clone(),
                    match d.subjects_notified_on {
                        Some(on) => joined(&[&on.to_string(), &d.subjects_notified_how]),
                        None => d.subjects_not_notified_reason.clone(),
                    },
                    name("breach-status", d.status.as_str()),
                ]
            }),
        ),
    }
}
