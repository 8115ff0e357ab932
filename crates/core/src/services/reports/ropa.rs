//! The records of processing activities of one company as a PDF (Art. 30 GDPR): the
//! controller version with every item of Art. 30(1) (a)–(g) per activity, or the processor
//! version with Art. 30(2) (a)–(d) per controller on whose behalf it processes. An empty
//! item prints as "not specified", so a gap is visible to whoever reads the record.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use genpdf::elements::{Break, LinearLayout};
use genpdf::Element;

use super::pdf::{self, Fields, KeepSpace, Layout, Meta, Progress};
use super::{date, local_day, optional_date};
use crate::domain::activities::{names_of, transfers, Activity, ActivityRole, LinkedItem};
use crate::domain::companies::Company;
use crate::domain::master_data::MasterKind;
use crate::domain::toms::{ProtectionType, Tom};
use crate::kernel::error::CoreResult;
use crate::kernel::text::{text, with, Language};
use crate::services::generators::name_with_form;

pub(crate) struct Ropa {
    company: Company,
    activities: Vec<Activity>,
    /// Every measure of the tenant the reader may see, for the activities' specific ones.
    toms: HashMap<i64, Tom>,
    /// The measures valid for the whole company, in the list's order.
    general: Vec<i64>,
    /// A recipient's kind (internal, external, processor) and a processor's agreement
    /// state, by master item id.
    categories: HashMap<i64, String>,
    role: ActivityRole,
    only_active: bool,
    now: DateTime<Utc>,
}

impl Ropa {
    pub fn new(
        company: Company,
        activities: Vec<Activity>,
        toms: Vec<Tom>,
        categories: HashMap<i64, String>,
        role: ActivityRole,
        only_active: bool,
        now: DateTime<Utc>,
    ) -> Self {
        let general = toms
            .iter()
            .filter(|t| t.data.company_ids.contains(&company.id))
            .map(|t| t.id)
            .collect();
        Ropa {
            company,
            activities,
            toms: toms.into_iter().map(|t| (t.id, t)).collect(),
            general,
            categories,
            role,
            only_active,
            now,
        }
    }

    pub fn render(&self, meta: &Meta, progress: Progress) -> CoreResult<Vec<u8>> {
        let steps = match self.role {
            ActivityRole::Controller => self.activities.len(),
            ActivityRole::Processor => self.by_controller().len(),
        } + 1;
        pdf::render(meta, steps as u64, progress, |layout| self.build(layout))
    }

    fn build(&self, layout: &Layout) -> Vec<Box<dyn Element>> {
        let l = layout.language;
        let mut out: Vec<Box<dyn Element>> = Vec::new();
        out.push(Box::new(self.cover(l)));
        let general_title = text(l, "ropa-general-toms");
        let mut titles = vec![general_title.clone()];
        match self.role {
            ActivityRole::Controller => titles.extend(
                self.activities
                    .iter()
                    .enumerate()
                    .map(|(i, a)| format!("{}. {}", i + 1, a.data.name)),
            ),
            ActivityRole::Processor => titles.extend(
                self.by_controller()
                    .keys()
                    .enumerate()
                    .map(|(i, c)| format!("{}. {}", i + 1, self.controller_title(l, c))),
            ),
        }
        out.push(Box::new(pdf::page_break()));
        out.push(Box::new(pdf::heading(&text(l, "report-contents"), 14)));
        out.push(Box::new(pdf::contents(layout, &titles)));
        out.push(Box::new(pdf::page_break()));
        out.push(Box::new(
            layout.section(0, self.general_toms(l, &general_title)),
        ));
        out.push(Box::new(Break::new(1.5)));
        if titles.len() == 1 {
            out.push(Box::new(pdf::muted(&text(l, "ropa-no-activities"))));
        }
        let general_page = layout.page_of(0);
        match self.role {
            ActivityRole::Controller => {
                for (i, activity) in self.activities.iter().enumerate() {
                    out.push(Box::new(KeepSpace(45.0)));
                    out.push(Box::new(layout.section(
                        i + 1,
                        self.activity_section(l, i + 1, activity, &general_title, general_page),
                    )));
                    out.push(Box::new(Break::new(1.5)));
                }
            }
            ActivityRole::Processor => {
                for (i, (controller, activities)) in self.by_controller().into_iter().enumerate() {
                    out.push(Box::new(KeepSpace(45.0)));
                    out.push(Box::new(layout.section(
                        i + 1,
                        self.controller_section(
                            l,
                            i + 1,
                            &controller,
                            &activities,
                            &general_title,
                            general_page,
                        ),
                    )));
                    out.push(Box::new(Break::new(1.5)));
                }
            }
        }
        out
    }

    fn cover(&self, l: Language) -> LinearLayout {
        let c = &self.company.data;
        let mut cover = LinearLayout::vertical();
        cover.push(Break::new(4));
        cover.push(pdf::heading(&text(l, "ropa-title"), 20));
        cover.push(pdf::heading(
            &text(
                l,
                match self.role {
                    ActivityRole::Controller => "ropa-controller-subtitle",
                    ActivityRole::Processor => "ropa-processor-subtitle",
                },
            ),
            12,
        ));
        cover.push(Break::new(2));
        let name = name_with_form(c);
        let address = join_lines(&[
            c.street.clone(),
            format!("{} {}", c.postal_code, c.city).trim().to_string(),
            c.country.clone(),
        ]);
        let contact = join_lines(&[c.phone.clone(), c.email.clone(), c.website.clone()]);
        let register = [c.register_court.as_str(), c.register_number.as_str()]
            .iter()
            .filter(|s| !s.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let dpo = if c.dpo.name.trim().is_empty() {
            text(l, "ropa-dpo-none")
        } else {
            let kind = match c.dpo.kind.as_str() {
                "internal" => format!(" ({})", text(l, "ropa-dpo-internal")),
                "external" => format!(" ({})", text(l, "ropa-dpo-external")),
                _ => String::new(),
            };
            join_lines(&[
                format!("{}{kind}", c.dpo.name),
                c.dpo.address.clone(),
                c.dpo.phone.clone(),
                c.dpo.email.clone(),
            ])
        };
        let changed = self
            .activities
            .iter()
            .map(|a| a.updated_at)
            .max()
            .unwrap_or(self.company.updated_at)
            .max(self.company.updated_at);
        let today = date(l, local_day(self.now));
        let selection = text(
            l,
            if self.only_active {
                "report-selection-active"
            } else {
                "report-selection-all"
            },
        );
        let role_label = match self.role {
            ActivityRole::Controller => "ropa-controller",
            ActivityRole::Processor => "ropa-processor",
        };
        let fields = Fields::new()
            .text(text(l, role_label), name)
            .text(text(l, "ropa-address"), address)
            .text(text(l, "ropa-contact"), contact)
            .text(text(l, "ropa-register"), register)
            .items(
                text(l, "ropa-managing-directors"),
                c.managing_directors.clone(),
            )
            .text(
                text(l, "ropa-representative"),
                if c.representative.trim().is_empty() {
                    text(l, "ropa-representative-none")
                } else {
                    c.representative.clone()
                },
            )
            .text(text(l, "ropa-dpo"), dpo)
            .text(text(l, "report-date"), today.clone())
            .text(
                text(l, "report-version"),
                with(
                    l,
                    "report-version-value",
                    &[
                        ("date", today.as_str()),
                        ("changed", date(l, local_day(changed)).as_str()),
                    ],
                ),
            )
            .text(
                text(l, "report-selection"),
                format!("{selection} · {}", self.activities.len()),
            );
        cover.push(fields.build(&text(l, "report-not-specified")));
        cover.push(Break::new(1));
        cover.push(pdf::muted(&text(l, "report-enrichment")));
        cover
    }

    fn general_toms(&self, l: Language, title: &str) -> LinearLayout {
        let mut section = LinearLayout::vertical();
        section.push(pdf::heading(title, 13));
        if self.general.is_empty() {
            section.push(pdf::muted(&text(l, "ropa-general-toms-none")));
            return section;
        }
        let mut by_type: BTreeMap<ProtectionType, Vec<&Tom>> = BTreeMap::new();
        for id in &self.general {
            let tom = &self.toms[id];
            by_type
                .entry(tom.data.protection_type)
                .or_default()
                .push(tom);
        }
        let mut fields = Fields::new();
        for (kind, toms) in &by_type {
            let label = text(l, &format!("protection-type-{}", kind.as_str()));
            fields = fields.items(
                label,
                toms.iter()
                    .map(|t| {
                        format!(
                            "{} ({})",
                            t.data.title,
                            text(l, &format!("tom-status-{}", t.data.status.as_str()))
                        )
                    })
                    .collect(),
            );
        }
        section.push(fields.build(&text(l, "report-not-specified")));
        section
    }

    /// (g): the general measures referenced once, the activity's own listed.
    fn measures(
        &self,
        l: Language,
        activity: &Activity,
        general_title: &str,
        general_page: Option<usize>,
    ) -> String {
        let mut lines = Vec::new();
        if !self.general.is_empty() {
            // The first pass does not know the page yet; a number as wide keeps the line
            // breaks, and so the pages, the same in both passes.
            let page = general_page.map_or_else(|| "888".to_string(), |p| p.to_string());
            lines.push(with(
                l,
                "ropa-toms-general",
                &[("section", general_title), ("page", &page)],
            ));
        }
        let specific: Vec<String> = activity
            .data
            .tom_ids
            .iter()
            .filter_map(|id| self.toms.get(id))
            .map(|t| format!("• {}", t.data.title))
            .collect();
        if !specific.is_empty() {
            lines.push(text(l, "ropa-toms-specific"));
            lines.extend(specific);
        }
        if !activity.data.specific_toms.trim().is_empty() {
            lines.push(text(l, "ropa-toms-notes"));
            lines.push(activity.data.specific_toms.trim().to_string());
        }
        lines.join("\n")
    }

    fn activity_section(
        &self,
        l: Language,
        number: usize,
        a: &Activity,
        general_title: &str,
        general_page: Option<usize>,
    ) -> LinearLayout {
        let d = &a.data;
        let mut section = LinearLayout::vertical();
        section.push(pdf::heading(&format!("{number}. {}", d.name), 12));
        let controller = join_lines(&[
            self.company.data.name.clone(),
            if d.responsible.trim().is_empty() {
                String::new()
            } else {
                format!("{}: {}", text(l, "ropa-responsible"), d.responsible.trim())
            },
        ]);
        let purposes = join_lines(&[
            d.purposes.clone(),
            a.business_process_name
                .as_ref()
                .map(|p| format!("{}: {p}", text(l, "ropa-business-process")))
                .unwrap_or_default(),
        ]);
        let fields = Fields::new()
            .text(text(l, "ropa-area"), a.area_name.clone())
            .text(
                text(l, "ropa-status"),
                text(l, &format!("activity-status-{}", d.status.as_str())),
            )
            .text(
                text(l, "ropa-dates"),
                format!(
                    "{} / {}",
                    date(l, local_day(a.created_at)),
                    date(l, local_day(a.updated_at))
                ),
            )
            .text(
                text(l, "ropa-review"),
                review(l, d.review_planned, d.review_done),
            )
            .text(text(l, "ropa-item-a"), controller)
            .text(text(l, "ropa-item-b"), purposes)
            .items(
                text(l, "ropa-legal-bases"),
                names_of(&a.linked, MasterKind::LegalBasis),
            )
            .items(
                text(l, "ropa-item-c-subjects"),
                names_of(&a.linked, MasterKind::PersonGroup),
            )
            .items(text(l, "ropa-item-c-data"), data_categories(l, &a.linked))
            .items(text(l, "ropa-item-d"), self.recipients(l, &a.linked))
            .items_or(
                text(l, "ropa-item-e"),
                transfers(&a.linked, l),
                text(l, "report-none-recorded"),
            )
            .items(
                text(l, "ropa-item-f"),
                names_of(&a.linked, MasterKind::RetentionPeriod),
            )
            .text(
                text(l, "ropa-item-g"),
                self.measures(l, a, general_title, general_page),
            )
            .items(
                text(l, "ropa-applications"),
                names_of(&a.linked, MasterKind::Application),
            )
            .text(
                text(l, "ropa-dpia"),
                text(l, &format!("dpia-necessity-{}", d.dpia_required.as_str())),
            );
        section.push(fields.build(&text(l, "report-not-specified")));
        section
    }

    /// (d) grouped by kind: internal, external, processors (with their agreement state).
    fn recipients(&self, l: Language, linked: &[LinkedItem]) -> Vec<String> {
        let mut out = Vec::new();
        for kind in ["internal", "external", "processor"] {
            let of_kind: Vec<&str> = linked
                .iter()
                .filter(|i| i.kind == MasterKind::Recipient)
                .filter(|i| {
                    self.categories
                        .get(&i.item_id)
                        .map(String::as_str)
                        .unwrap_or("external")
                        == kind
                })
                .map(|i| i.name.as_str())
                .collect();
            if !of_kind.is_empty() {
                out.push(format!(
                    "{}: {}",
                    text(l, &format!("ropa-recipients-{kind}")),
                    of_kind.join(", ")
                ));
            }
        }
        let processors = names_of(linked, MasterKind::Processor);
        if !processors.is_empty() {
            out.push(format!(
                "{}: {}",
                text(l, "ropa-processors"),
                processors.join(", ")
            ));
        }
        out
    }

    /// The processor's activities by the controller they are carried out for (the first
    /// line of the activity's controller details), in name order.
    fn by_controller(&self) -> BTreeMap<String, Vec<&Activity>> {
        let mut groups: BTreeMap<String, Vec<&Activity>> = BTreeMap::new();
        for a in &self.activities {
            groups
                .entry(a.data.controller_details.trim().to_string())
                .or_default()
                .push(a);
        }
        groups
    }

    fn controller_title(&self, l: Language, details: &str) -> String {
        details
            .lines()
            .next()
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| text(l, "ropa-processor-unnamed"))
    }

    fn controller_section(
        &self,
        l: Language,
        number: usize,
        details: &str,
        activities: &[&Activity],
        general_title: &str,
        general_page: Option<usize>,
    ) -> LinearLayout {
        let mut section = LinearLayout::vertical();
        section.push(pdf::heading(
            &format!("{number}. {}", self.controller_title(l, details)),
            12,
        ));
        section.push(
            Fields::new()
                .text(text(l, "ropa-processor-item-a"), details.to_string())
                .build(&text(l, "report-not-specified")),
        );
        for (i, a) in activities.iter().enumerate() {
            let d = &a.data;
            section.push(Break::new(0.8));
            section.push(pdf::heading(&format!("{number}.{} {}", i + 1, d.name), 10));
            let fields = Fields::new()
                .text(
                    text(l, "ropa-status"),
                    text(l, &format!("activity-status-{}", d.status.as_str())),
                )
                .text(
                    text(l, "ropa-review"),
                    review(l, d.review_planned, d.review_done),
                )
                .text(
                    text(l, "ropa-processor-item-b"),
                    d.processing_categories.clone(),
                )
                .items_or(
                    text(l, "ropa-processor-item-c"),
                    transfers(&a.linked, l),
                    text(l, "report-none-recorded"),
                )
                .text(
                    text(l, "ropa-processor-item-d"),
                    self.measures(l, a, general_title, general_page),
                );
            section.push(fields.build(&text(l, "report-not-specified")));
        }
        section
    }
}

fn join_lines(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn review(
    l: Language,
    planned: Option<chrono::NaiveDate>,
    done: Option<chrono::NaiveDate>,
) -> String {
    if planned.is_none() && done.is_none() {
        return String::new();
    }
    let show = |d: Option<chrono::NaiveDate>| {
        let shown = optional_date(l, d);
        if shown.is_empty() {
            "—".to_string()
        } else {
            shown
        }
    };
    format!("{} / {}", show(planned), show(done))
}

/// Data categories, the special ones (Art. 9/10) marked.
fn data_categories(l: Language, linked: &[LinkedItem]) -> Vec<String> {
    linked
        .iter()
        .filter(|i| i.kind == MasterKind::DataCategory)
        .map(|i| {
            if i.special_category {
                format!("{} [{}]", i.name, text(l, "report-special-category"))
            } else {
                i.name.clone()
            }
        })
        .collect()
}
