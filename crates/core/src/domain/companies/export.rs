//! The company list as CSV or JSON.

use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

pub fn file(
    list: &[super::Company],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => {
            let flag = |b: bool| style.flag(b);
            table(
                format,
                style,
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
                    "column-company-representative",
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
                        d.representative.clone(),
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
