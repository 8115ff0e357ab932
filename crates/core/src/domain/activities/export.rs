//! The activity list as CSV (every Art. 30 field, links by name) or JSON.

use crate::domain::activities::{Activity, LinkedItem};
use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat};
use crate::kernel::text::Language;
use crate::kernel::vocabulary::MasterKind;

fn names(linked: &[LinkedItem], kind: MasterKind) -> String {
    linked
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| {
            if l.detail.is_empty() {
                l.name.clone()
            } else {
                format!("{} ({})", l.name, l.detail)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

const ACTIVITY_COLUMNS: &[&str] = &[
    "column-activity-id",
    "column-activity-name",
    "column-activity-company",
    "column-activity-area",
    "column-activity-status",
    "column-activity-role",
    "column-activity-responsible",
    "column-activity-editor",
    "column-activity-purposes",
    "column-activity-business-process",
    "column-activity-applications",
    "column-activity-data-categories",
    "column-activity-person-groups",
    "column-activity-legal-bases",
    "column-activity-retention-periods",
    "column-activity-recipients",
    "column-activity-processors",
    "column-activity-third-countries",
    "column-activity-dpia",
    "column-activity-next-review",
    "column-activity-last-review",
    "column-activity-notes",
];

pub fn file(list: &[Activity], format: ExportFormat, language: Language) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            table(
                format,
                language,
                ACTIVITY_COLUMNS,
                list.iter().map(|a| {
                    let d = &a.data;
                    vec![
                        a.id.to_string(),
                        d.name.clone(),
                        a.company_name.clone(),
                        a.area_name.clone(),
                        d.status.as_str().into(),
                        d.role.as_str().into(),
                        d.responsible.clone(),
                        a.editor_name.clone().unwrap_or_default(),
                        d.purposes.clone(),
                        a.business_process_name.clone().unwrap_or_default(),
                        names(&a.linked, MasterKind::Application),
                        names(&a.linked, MasterKind::DataCategory),
                        names(&a.linked, MasterKind::PersonGroup),
                        names(&a.linked, MasterKind::LegalBasis),
                        names(&a.linked, MasterKind::RetentionPeriod),
                        names(&a.linked, MasterKind::Recipient),
                        names(&a.linked, MasterKind::Processor),
                        names(&a.linked, MasterKind::ThirdCountry),
                        d.dpia_required.as_str().into(),
                        date(d.review_planned),
                        date(d.review_done),
                        d.notes.clone(),
                    ]
                }),
            )
        }
    }
}
