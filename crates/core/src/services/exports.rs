//! Lists written out as CSV (for spreadsheets; UTF-8 with a byte-order mark so Excel reads
//! umlauts) or JSON (complete records), and files written so that a crash never leaves a
//! half-written one: a temporary name first, then a rename.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::activities::{Activity, LinkedItem};
use crate::domain::master_data::{MasterItem, MasterKind};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{text, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// The bytes of a finished export and the file name to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub suggested_name: String,
    pub bytes: Vec<u8>,
}

/// A CSV file: the header is the catalogue's wording of `columns` in `language`.
fn csv_bytes(
    language: Language,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> CoreResult<Vec<u8>> {
    let header: Vec<String> = columns.iter().map(|id| text(language, id)).collect();
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new().from_writer(&mut out);
        let fail = |e: csv::Error| CoreError::Corrupt(format!("CSV: {e}"));
        writer.write_record(&header).map_err(fail)?;
        for row in rows {
            writer.write_record(&row).map_err(fail)?;
        }
        writer.flush().map_err(|e| CoreError::io("export", e))?;
    }
    Ok(out)
}

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

pub fn activities(
    list: &[Activity],
    format: ExportFormat,
    language: Language,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(serde_json::to_vec_pretty(list).expect("activities serialise")),
        ExportFormat::Csv => {
            let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            csv_bytes(
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

pub fn master_items(
    list: &[MasterItem],
    format: ExportFormat,
    language: Language,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(serde_json::to_vec_pretty(list).expect("items serialise")),
        ExportFormat::Csv => csv_bytes(
            language,
            &[
                "column-master-id",
                "column-master-name",
                "column-master-description",
                "column-master-code",
                "column-master-special-category",
                "column-master-category",
                "column-master-date",
                "column-master-email",
                "column-master-phone",
                "column-master-usage",
            ],
            list.iter().map(|i| {
                let d = &i.data;
                vec![
                    i.id.to_string(),
                    d.name.clone(),
                    d.description.clone(),
                    d.code.clone(),
                    if d.special_category {
                        "1".into()
                    } else {
                        String::new()
                    },
                    d.category.clone(),
                    d.date.map(|d| d.to_string()).unwrap_or_default(),
                    d.email.clone(),
                    d.phone.clone(),
                    i.usage_count.to_string(),
                ]
            }),
        ),
    }
}

pub fn companies(
    list: &[crate::domain::companies::Company],
    format: ExportFormat,
    language: Language,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(serde_json::to_vec_pretty(list).expect("companies serialise")),
        ExportFormat::Csv => {
            let flag = |b: bool| if b { "1".to_string() } else { String::new() };
            csv_bytes(
                language,
                &[
                    "column-company-id",
                    "column-company-name",
                    "column-company-legal-form",
                    "column-company-street",
                    "column-company-postal-code",
                    "column-company-city",
                    "column-company-country",
                    "column-company-register-court",
                    "column-company-register-number",
                    "column-company-vat-id",
                    "column-company-phone",
                    "column-company-email",
                    "column-company-website",
                    "column-company-controller",
                    "column-company-processor",
                    "column-company-managing-directors",
                    "column-company-dpo-required",
                    "column-company-dpo",
                ],
                list.iter().map(|c| {
                    let d = &c.data;
                    vec![
                        c.id.to_string(),
                        d.name.clone(),
                        d.legal_form.clone(),
                        d.street.clone(),
                        d.postal_code.clone(),
                        d.city.clone(),
                        d.country.clone(),
                        d.register_court.clone(),
                        d.register_number.clone(),
                        d.vat_id.clone(),
                        d.phone.clone(),
                        d.email.clone(),
                        d.website.clone(),
                        flag(d.is_controller),
                        flag(d.is_processor),
                        d.managing_directors.join("; "),
                        c.dpo_verdict
                            .as_ref()
                            .map(|v| flag(v.required))
                            .unwrap_or_default(),
                        d.dpo.name.clone(),
                    ]
                }),
            )
        }
    }
}

pub fn areas(
    list: &[crate::domain::areas::Area],
    format: ExportFormat,
    language: Language,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(serde_json::to_vec_pretty(list).expect("areas serialise")),
        ExportFormat::Csv => csv_bytes(
            language,
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

pub fn tenants(
    list: &[crate::domain::tenants::TenantSummary],
    format: ExportFormat,
    language: Language,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(serde_json::to_vec_pretty(list).expect("tenants serialise")),
        ExportFormat::Csv => {
            let date = |d: Option<chrono::DateTime<chrono::Utc>>| {
                d.map(|d| d.date_naive().to_string()).unwrap_or_default()
            };
            csv_bytes(
                language,
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
                        if t.is_template {
                            "1".into()
                        } else {
                            String::new()
                        },
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

/// Writes the file under a temporary name beside the target, syncs it and renames it into
/// place, so the target is either the old file or the complete new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> CoreResult<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| CoreError::validation("path", "format", "a file name is needed"))?;
    let temp = dir.join(format!(".{}.part", name.to_string_lossy()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(CoreError::io(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every header a CSV export writes comes from the catalogue in both languages (a
    /// missing text fails here: `text` asserts in tests).
    #[test]
    fn every_csv_header_is_in_the_german_and_english_catalogue() {
        for language in Language::ALL {
            let headers = [
                activities(&[], ExportFormat::Csv, language).unwrap(),
                master_items(&[], ExportFormat::Csv, language).unwrap(),
                companies(&[], ExportFormat::Csv, language).unwrap(),
                areas(&[], ExportFormat::Csv, language).unwrap(),
                tenants(&[], ExportFormat::Csv, language).unwrap(),
            ];
            for bytes in headers {
                let line = String::from_utf8(bytes).unwrap();
                assert!(!line.contains("column-"), "{line}");
            }
        }
        let german =
            String::from_utf8(areas(&[], ExportFormat::Csv, Language::German).unwrap()).unwrap();
        assert_eq!(
            german.trim_start_matches('\u{feff}').trim_end(),
            "ID,Bereich,Firma,Beschreibung,Verarbeitungen"
        );
    }
}
