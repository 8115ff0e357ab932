//! The activity list as CSV (every Art. 30 field, links by name) or JSON.

use crate::domain::activities::{Activity, LinkedItem};
use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};
use crate::kernel::vocabulary::MasterKind;

/// The linked items of `kind`, "; "-separated: with the article of a legal basis, the
/// Art. 9/10 mark of a special category, the safeguard of a transfer in words (an EU/EEA
/// state marked as such: no transfer).
fn names(linked: &[LinkedItem], kind: MasterKind, style: &TableStyle) -> String {
    linked
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| {
            let mut name = l.name.clone();
            if kind == MasterKind::LegalBasis && !l.code.is_empty() && !name.contains(&l.code) {
                name = format!("{name} ({})", l.code);
            }
            if l.special_category {
                name.push_str(" (Art. 9/10)");
            }
            if kind == MasterKind::ThirdCountry {
                let note = if l.in_eu_eea {
                    style.label("master-category", "eu_eea")
                } else if l.detail.is_empty() {
                    style.label("safeguard", "none")
                } else {
                    style.label("safeguard", &l.detail)
                };
                name = format!("{name} ({note})");
            }
            name
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
    "column-activity-controller-details",
    "column-activity-processing-categories",
    "column-activity-applications",
    "column-activity-data-categories",
    "column-activity-person-groups",
    "column-activity-legal-bases",
    "column-activity-retention-periods",
    "column-activity-recipients",
    "column-activity-processors",
    "column-activity-third-countries",
    "column-activity-specific-toms",
    "column-activity-further-measures",
    "column-activity-dpia",
    "column-activity-dpia-reason",
    "column-activity-next-review",
    "column-activity-last-review",
    "column-activity-review-result",
    "column-activity-review-follow-up",
    "column-activity-notes",
    "column-activity-created",
    "column-activity-updated",
];

/// Every field of each activity, values in words of the user's language (a spreadsheet
/// is read by people, the JSON by programs).
pub fn file(list: &[Activity], format: ExportFormat, style: TableStyle) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            ACTIVITY_COLUMNS,
            list.iter().map(|a| {
                let d = &a.data;
                let linked = |kind| names(&a.linked, kind, &style);
                let date =
                    |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                vec![
                    a.id.to_string(),
                    d.name.clone(),
                    a.company_name.clone(),
                    a.area_name.clone(),
                    style.label("activity-status", d.status.as_str()),
                    style.label("ropa", d.role.as_str()),
                    d.responsible.clone(),
                    a.editor_name.clone().unwrap_or_default(),
                    d.purposes.clone(),
                    a.business_process_name.clone().unwrap_or_default(),
                    d.controller_details.clone(),
                    d.processing_categories.clone(),
                    linked(MasterKind::Application),
                    linked(MasterKind::DataCategory),
                    linked(MasterKind::PersonGroup),
                    linked(MasterKind::LegalBasis),
                    linked(MasterKind::RetentionPeriod),
                    linked(MasterKind::Recipient),
                    linked(MasterKind::Processor),
                    linked(MasterKind::ThirdCountry),
                    a.toms
                        .iter()
                        .map(|t| t.title.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    d.specific_toms.clone(),
                    style.label("dpia-necessity", d.dpia_required.as_str()),
                    d.dpia_reason.clone(),
                    date(d.review_planned),
                    date(d.review_done),
                    d.review_result.clone(),
                    d.review_follow_up.clone(),
                    d.notes.clone(),
                    a.created_at.date_naive().to_string(),
                    a.updated_at.date_naive().to_string(),
                ]
            }),
        ),
    }
}
