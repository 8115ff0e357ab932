//! The processor agreements as CSV, XLSX or JSON.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub fn file(
    list: &[super::ProcessorAgreement],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-agreement-id",
                "column-agreement-processor",
                "column-agreement-subject",
                "column-agreement-signed",
                "column-agreement-activities",
                "column-agreement-sub-processors",
                "column-agreement-countries",
                "column-agreement-tom-check",
                "column-agreement-tom-result",
                "column-agreement-next-review",
                "column-agreement-files",
                "column-agreement-editor",
            ],
            list.iter().map(|g| {
                vec![
                    g.id.to_string(),
                    g.processor_name.clone(),
                    g.data.subject.clone(),
                    date(g.data.signed_on),
                    g.activities
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    g.data.sub_processors.clone(),
                    g.country_names
                        .iter()
                        .map(|c| format!("{} ({})", c.name, c.safeguard))
                        .collect::<Vec<_>>()
                        .join("; "),
                    date(g.data.tom_check_on),
                    g.data.tom_check_result.clone(),
                    date(g.data.next_review),
                    g.attachments
                        .iter()
                        .map(|f| f.file_name.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    g.editor_name.clone().unwrap_or_default(),
                ]
            }),
        ),
    }
}
