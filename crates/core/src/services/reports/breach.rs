//! The notification of a personal data breach to the supervisory authority (Art. 33(3)
//! GDPR): the controller, the DPO's contact, the nature of the breach with the categories
//! and approximate numbers of data subjects and records, the likely consequences and the
//! measures, then the 72-hour timeline, the risk assessment and the notifications made.

use genpdf::elements::Break;
use genpdf::Element;

use super::pdf::{self, Fields, Layout, Meta, Progress};
use super::{date, optional_date};
use crate::domain::breaches::Breach;
use crate::domain::companies::Company;
use crate::kernel::error::CoreResult;
use crate::kernel::text::{text, Language};
use crate::services::generators::name_with_form;

pub(crate) struct BreachReport {
    pub breach: Breach,
    pub tenant_name: String,
    /// The tenant's controllers, whose DPO the authority may contact.
    pub companies: Vec<Company>,
}

fn instant(l: Language, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at.with_timezone(&chrono::Local);
    format!("{}, {}", date(l, local.date_naive()), local.format("%H:%M"))
}

impl BreachReport {
    pub fn render(&self, meta: &Meta, progress: Progress) -> CoreResult<Vec<u8>> {
        pdf::render(meta, 1, progress, |layout| self.build(layout))
    }

    fn build(&self, layout: &Layout) -> Vec<Box<dyn Element>> {
        let l = layout.language;
        let missing = text(l, "report-not-specified");
        let b = &self.breach;
        let d = &b.data;
        let mut out: Vec<Box<dyn Element>> = vec![
            Box::new(pdf::heading(&text(l, "breach-report-title"), 18)),
            Box::new(pdf::heading(&d.title, 12)),
            Box::new(pdf::muted(&text(l, "breach-report-intro"))),
        ];

        out.push(Box::new(Break::new(1)));
        out.push(Box::new(pdf::heading(
            &text(l, "breach-report-controller"),
            13,
        )));
        let mut controller =
            Fields::new().text(text(l, "breach-report-tenant"), self.tenant_name.clone());
        for company in &self.companies {
            let c = &company.data;
            let place = format!("{} {}", c.postal_code, c.city);
            let address = [c.street.as_str(), place.trim()]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            controller = controller
                .text(text(l, "breach-report-company"), name_with_form(c))
                .text(text(l, "breach-report-address"), address)
                .text(
                    text(l, "breach-report-dpo"),
                    [c.dpo.name.as_str(), &c.dpo.email, &c.dpo.phone]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", "),
                );
        }
        out.push(Box::new(controller.build(&missing)));

        out.push(Box::new(Break::new(1)));
        out.push(Box::new(pdf::heading(&text(l, "breach-report-nature"), 13)));
        out.push(Box::new(
            Fields::new()
                .text(
                    text(l, "breach-report-discovered"),
                    instant(l, d.discovered_at),
                )
                .text(text(l, "breach-report-occurred"), d.occurred.clone())
                .text(text(l, "breach-report-description"), d.description.clone())
                .text(
                    text(l, "breach-report-subject-categories"),
                    d.subject_categories.clone(),
                )
                .text(
                    text(l, "breach-report-subjects-approx"),
                    d.subjects_approx.clone(),
                )
                .text(
                    text(l, "breach-report-record-categories"),
                    d.record_categories.clone(),
                )
                .text(
                    text(l, "breach-report-records-approx"),
                    d.records_approx.clone(),
                )
                .build(&missing),
        ));

        out.push(Box::new(Break::new(1)));
        out.push(Box::new(pdf::heading(
            &text(l, "breach-report-consequences"),
            13,
        )));
        out.push(Box::new(
            Fields::new()
                .text(
                    text(l, "breach-report-consequences-likely"),
                    d.consequences.clone(),
                )
                .text(
                    text(l, "breach-report-measures-taken"),
                    d.measures_taken.clone(),
                )
                .text(
                    text(l, "breach-report-measures-proposed"),
                    d.measures_proposed.clone(),
                )
                .build(&missing),
        ));

        out.push(Box::new(Break::new(1)));
        out.push(Box::new(pdf::heading(
            &text(l, "breach-report-assessment"),
            13,
        )));
        let mut assessment = Fields::new()
            .text(
                text(l, "breach-report-risk"),
                text(l, &format!("breach-risk-{}", d.risk.as_str())),
            )
            .text(
                text(l, "breach-report-risk-reasons"),
                d.risk_reasons.clone(),
            )
            .text(
                text(l, "breach-report-deadline"),
                instant(l, b.timing.authority_deadline),
            )
            .text(
                text(l, "breach-report-notified"),
                d.authority_notified_at
                    .map(|t| instant(l, t))
                    .unwrap_or_default(),
            )
            .text(
                text(l, "breach-report-reference"),
                d.authority_reference.clone(),
            );
        if !d.late_reasons.is_empty() {
            assessment = assessment.text(
                text(l, "breach-report-late-reasons"),
                d.late_reasons.clone(),
            );
        }
        assessment = assessment.text(
            text(l, "breach-report-subjects-notified"),
            match d.subjects_notified_on {
                Some(on) => format!(
                    "{} – {}",
                    optional_date(l, Some(on)),
                    d.subjects_notified_how
                ),
                None => d.subjects_not_notified_reason.clone(),
            },
        );
        out.push(Box::new(assessment.build(&missing)));
        out
    }
}
