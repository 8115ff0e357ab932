//! The request list as CSV, XLSX or JSON: one line per request with its deadline.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};
use crate::kernel::text::text;

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub fn file(
    list: &[super::DataSubjectRequest],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-request-id",
                "column-request-kind",
                "column-request-requester",
                "column-request-received",
                "column-request-channel",
                "column-request-status",
                "column-request-deadline",
                "column-request-overdue",
                "column-request-extension",
                "column-request-extension-reason",
                "column-request-identity",
                "column-request-answered",
                "column-request-refusal-reason",
                "column-request-activities",
                "column-request-editor",
            ],
            list.iter().map(|r| {
                let name = |prefix: &str, id: &str| text(style.language, &format!("{prefix}-{id}"));
                let yes_no = |b: bool| text(style.language, if b { "yes" } else { "no" });
                vec![
                    r.id.to_string(),
                    name("request-kind", r.data.kind.as_str()),
                    r.data.requester.clone(),
                    r.data.received_on.to_string(),
                    name("request-channel", r.data.channel.as_str()),
                    name("request-status", r.data.status.as_str()),
                    r.timing.deadline.to_string(),
                    yes_no(r.timing.overdue),
                    r.data.extension_months.to_string(),
                    r.data.extension_reason.clone(),
                    [
                        r.data.identity_method.clone(),
                        date(r.data.identity_checked_on),
                    ]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                    date(r.data.answered_on),
                    r.data.refusal_reason.clone(),
                    r.activities
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    r.editor_name.clone().unwrap_or_default(),
                ]
            }),
        ),
    }
}
