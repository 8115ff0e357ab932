//! The technical and organisational measures valid for one company (Art. 32 GDPR), grouped
//! by protection type: each with its kind, status, description, how it is done here and
//! its last and next review.

use std::collections::BTreeMap;

use genpdf::elements::{Break, LinearLayout};
use genpdf::Element;

use super::optional_date;
use super::pdf::{self, Fields, KeepSpace, Layout, Meta, Progress};
use crate::domain::companies::Company;
use crate::domain::toms::{ProtectionType, Tom};
use crate::kernel::error::CoreResult;
use crate::kernel::text::{text, with, Language};

pub(crate) struct TomReport {
    company: Company,
    by_type: BTreeMap<ProtectionType, Vec<Tom>>,
    count: usize,
}

impl TomReport {
    pub fn new(company: Company, toms: Vec<Tom>) -> Self {
        let count = toms.len();
        let mut by_type: BTreeMap<ProtectionType, Vec<Tom>> = BTreeMap::new();
        for tom in toms {
            by_type
                .entry(tom.data.protection_type)
                .or_default()
                .push(tom);
        }
        TomReport {
            company,
            by_type,
            count,
        }
    }

    pub fn render(&self, meta: &Meta, progress: Progress) -> CoreResult<Vec<u8>> {
        pdf::render(meta, self.by_type.len() as u64, progress, |layout| {
            self.build(layout)
        })
    }

    fn build(&self, layout: &Layout) -> Vec<Box<dyn Element>> {
        let l = layout.language;
        let mut out: Vec<Box<dyn Element>> = Vec::new();
        out.push(Box::new(pdf::heading(&text(l, "toms-report-title"), 18)));
        out.push(Box::new(pdf::heading(
            &with(
                l,
                "toms-report-subtitle",
                &[("company", self.company.data.name.as_str())],
            ),
            12,
        )));
        if self.count == 0 {
            out.push(Box::new(pdf::muted(&text(l, "toms-report-none"))));
            return out;
        }
        out.push(Box::new(pdf::muted(&with(
            l,
            "toms-report-summary",
            &[("count", self.count.to_string().as_str())],
        ))));
        let titles: Vec<String> = self
            .by_type
            .iter()
            .map(|(kind, toms)| format!("{} ({})", type_name(l, *kind), toms.len()))
            .collect();
        out.push(Box::new(Break::new(1)));
        out.push(Box::new(pdf::heading(&text(l, "report-contents"), 12)));
        out.push(Box::new(pdf::contents(layout, &titles)));
        for (index, (kind, toms)) in self.by_type.iter().enumerate() {
            out.push(Box::new(KeepSpace(50.0)));
            out.push(Box::new(layout.section(index, self.group(l, *kind, toms))));
        }
        out
    }

    fn group(&self, l: Language, kind: ProtectionType, toms: &[Tom]) -> LinearLayout {
        let mut section = LinearLayout::vertical();
        section.push(Break::new(1));
        section.push(pdf::heading(&type_name(l, kind), 13));
        for tom in toms {
            let d = &tom.data;
            let last = tom.reviews.first().map(|r| r.reviewed_on);
            section.push(Break::new(0.5));
            section.push(pdf::heading(&d.title, 10));
            let art32: Vec<&str> = d.art32.iter().map(|g| g.as_str()).collect();
            section.push(
                Fields::new()
                    .text(
                        text(l, "toms-report-kind"),
                        text(l, &format!("tom-kind-{}", d.kind.as_str())),
                    )
                    .text(
                        text(l, "toms-report-status"),
                        text(l, &format!("tom-status-{}", d.status.as_str())),
                    )
                    .text(text(l, "toms-report-description"), d.description.clone())
                    .text(
                        text(l, "toms-report-implementation"),
                        d.implementation.clone(),
                    )
                    .text(
                        text(l, "toms-report-art32"),
                        art32
                            .iter()
                            .map(|g| format!("({g})"))
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                    .text(text(l, "toms-report-last-review"), optional_date(l, last))
                    .text(
                        text(l, "toms-report-next-review"),
                        optional_date(l, d.next_review),
                    )
                    .build(&text(l, "report-not-specified")),
            );
        }
        section
    }
}

fn type_name(l: Language, kind: ProtectionType) -> String {
    text(l, &format!("protection-type-{}", kind.as_str()))
}
