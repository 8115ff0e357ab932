//! A master data list as CSV or JSON.

use crate::domain::master_data::MasterItem;
use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

pub fn file(list: &[MasterItem], format: ExportFormat, style: TableStyle) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
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
                    style.flag(d.special_category),
                    if d.category.is_empty() {
                        String::new()
                    } else {
                        style.label("master-category", &d.category)
                    },
                    d.date.map(|d| d.to_string()).unwrap_or_default(),
                    d.email.clone(),
                    d.phone.clone(),
                    i.usage_count.to_string(),
                ]
            }),
        ),
    }
}
