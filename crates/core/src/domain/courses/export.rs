//! The course list and the learners' results as CSV, XLSX or JSON.

use super::assignments::AssignmentRow;
use super::CourseRow;
use crate::kernel::error::CoreResult;
use crate::kernel::export::{json, table, ExportFormat, TableStyle};

fn price(cents: Option<i64>) -> String {
    cents
        .map(|c| format!("{}.{:02}", c / 100, c % 100))
        .unwrap_or_default()
}

pub fn file(list: &[CourseRow], format: ExportFormat, style: TableStyle) -> CoreResult<Vec<u8>> {
    match format {
        ExportFormat::Json => Ok(json(list)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-course-id",
                "column-course-name",
                "column-course-language",
                "column-course-active",
                "column-course-pass-percent",
                "column-course-price",
                "column-course-pages",
                "column-course-questions",
                "column-course-assigned",
                "column-course-passed",
                "column-course-updated",
            ],
            list.iter().map(|c| {
                vec![
                    c.id.to_string(),
                    c.name.clone(),
                    c.language.clone(),
                    style.flag(c.active),
                    c.pass_percent.to_string(),
                    price(c.price_cents),
                    c.pages.to_string(),
                    c.questions.to_string(),
                    c.assigned.to_string(),
                    c.passed.to_string(),
                    crate::kernel::clock::local_day(c.updated_at).to_string(),
                ]
            }),
        ),
    }
}

/// One line per learner and course: the statistics per user.
pub fn results_file(
    rows: &[AssignmentRow],
    format: ExportFormat,
    style: TableStyle,
) -> CoreResult<Vec<u8>> {
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    match format {
        ExportFormat::Json => Ok(json(rows)),
        ExportFormat::Csv | ExportFormat::Xlsx => table(
            format,
            style,
            &[
                "column-result-learner",
                "column-result-course",
                "column-result-due",
                "column-result-overdue",
                "column-result-state",
                "column-result-attempts",
                "column-result-best-score",
                "column-result-last-score",
                "column-result-passed-on",
                "column-result-certificate",
            ],
            rows.iter().map(|r| {
                vec![
                    r.user_name.clone(),
                    r.course_name.clone(),
                    r.due_on.map(|d| d.to_string()).unwrap_or_default(),
                    style.flag(r.overdue),
                    style.label("course-state", r.state.as_str()),
                    r.attempts.to_string(),
                    number(r.best_score),
                    number(r.last_score),
                    r.passed_at
                        .map(|d| crate::kernel::clock::local_day(d).to_string())
                        .unwrap_or_default(),
                    r.certificate_code.clone().unwrap_or_default(),
                ]
            }),
        ),
    }
}
