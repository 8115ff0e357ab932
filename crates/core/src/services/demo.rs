//! Realistic generated tenants for benchmarks, screenshots and trying the app
//! (`dpo-desk-cli demo`): German and English names, every field filled, links to master
//! data. Each tenant is built as a tenant document and imported, so it passes the same
//! validation and permission gate as any import.

use chrono::NaiveDate;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::domain::activities::{
    ActivityInput, ActivityLink, ActivityRole, ActivityStatus, DpiaNecessity,
};
use crate::domain::companies::dpo_check::DpoCheck;
use crate::domain::companies::{CompanyInput, DesignatedDpo};
use crate::domain::master_data::{catalogue, MasterItemInput, MasterKind};
use crate::domain::toms::{TomInput, TomReview, TomStatus};
use crate::kernel::text::Language;
use crate::services::tenant_transfer::{
    ActivityRecord, AreaRecord, CompanyRecord, TenantDocument, TenantHeader, TomRecord, FORMAT,
    VERSION,
};

const CLIENTS_DE: &[&str] = &[
    "Bäckerei",
    "Autohaus",
    "Zahnarztpraxis",
    "Steuerberatung",
    "Hausverwaltung",
    "Pflegedienst",
    "Elektrotechnik",
    "Spedition",
    "Gärtnerei",
    "Architekturbüro",
    "Physiotherapie",
    "Druckerei",
    "Reisebüro",
    "Optiker",
    "Metallbau",
    "Kita",
];
const CLIENTS_EN: &[&str] = &[
    "Bakery",
    "Car Dealership",
    "Dental Practice",
    "Tax Advisers",
    "Property Management",
    "Care Services",
    "Electrical Works",
    "Logistics",
    "Garden Centre",
    "Architects",
    "Physiotherapy",
    "Printing Works",
    "Travel Agency",
    "Opticians",
    "Metalworks",
];
const SURNAMES: &[&str] = &[
    "Schmidt", "Müller", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein",
    "Wolf", "Neumann", "Schwarz", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright",
    "Green", "Hall",
];
const CITIES: &[&str] = &[
    "Köln", "Berlin", "Hamburg", "München", "Leipzig", "Münster", "Freiburg", "Dresden", "Bremen",
    "Kassel",
];
const AREAS_DE: &[&str] = &[
    "Personal",
    "Vertrieb",
    "Buchhaltung",
    "IT",
    "Marketing",
    "Einkauf",
    "Kundenservice",
    "Geschäftsführung",
];
const AREAS_EN: &[&str] = &[
    "Human resources",
    "Sales",
    "Accounting",
    "IT",
    "Marketing",
    "Purchasing",
    "Customer service",
    "Management",
];
const ACTIVITIES_DE: &[&str] = &[
    "Lohn- und Gehaltsabrechnung",
    "Bewerbermanagement",
    "Zeiterfassung",
    "Personalakte",
    "Betriebliches Eingliederungsmanagement",
    "Kundenverwaltung (CRM)",
    "Angebotserstellung",
    "Newsletter-Versand",
    "Website mit Kontaktformular",
    "Videoüberwachung",
    "Zutrittskontrolle",
    "Finanzbuchhaltung",
    "Mahnwesen",
    "Lieferantenverwaltung",
    "E-Mail-Archivierung",
    "Telefonanlage",
    "Fuhrparkverwaltung",
    "Schulungsnachweise",
    "Beschwerdemanagement",
    "Social-Media-Auftritt",
    "Terminvereinbarung",
    "Reisekostenabrechnung",
    "Backup und Wiederherstellung",
    "Ticketsystem",
    "Besucherverwaltung",
];
const ACTIVITIES_EN: &[&str] = &[
    "Payroll",
    "Recruiting",
    "Time recording",
    "Personnel files",
    "Occupational health management",
    "Customer management (CRM)",
    "Quotations",
    "Newsletter",
    "Website contact form",
    "CCTV",
    "Access control",
    "Financial accounting",
    "Dunning",
    "Supplier management",
    "E-mail archiving",
    "Telephone system",
    "Fleet management",
    "Training records",
    "Complaint handling",
    "Social media presence",
    "Appointments",
    "Travel expenses",
    "Backup and restore",
    "Ticket system",
    "Visitor management",
];
const PROCESSES_DE: &[&str] = &[
    "Personalwesen",
    "Vertrieb und Marketing",
    "Rechnungswesen",
    "IT-Betrieb",
    "Einkauf",
    "Verwaltung",
];
const PROCESSES_EN: &[&str] = &[
    "Human resources",
    "Sales and marketing",
    "Accounting",
    "IT operations",
    "Purchasing",
    "Administration",
];
const PROCESSORS: &[&str] = &[
    "DATEV eG",
    "Microsoft Ireland Operations Ltd.",
    "IONOS SE",
    "Hetzner Online GmbH",
    "Personio SE & Co. KG",
    "Mailchimp (Intuit Inc.)",
];

fn plain(kind: MasterKind, name: &str) -> MasterItemInput {
    MasterItemInput::named(kind, name)
}

/// One generated tenant with `activities` processing activities, reproducible from `seed`.
pub fn tenant(seed: u64, index: usize, activities: usize) -> TenantDocument {
    tenant_with_companies(seed, index, 1 + index % 3, activities)
}

/// A demo tenant with a given number of companies (benchmarks of copies).
pub fn tenant_with_companies(
    seed: u64,
    index: usize,
    companies_count: usize,
    activities: usize,
) -> TenantDocument {
    let mut rng = StdRng::seed_from_u64(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let german = index % 3 != 2;
    let lang = if german {
        Language::German
    } else {
        Language::English
    };
    let surname = *(if german {
        &SURNAMES[..12]
    } else {
        &SURNAMES[12..]
    })
    .choose(&mut rng)
    .expect("names");
    let client = if german {
        CLIENTS_DE[index % CLIENTS_DE.len()]
    } else {
        CLIENTS_EN[index % CLIENTS_EN.len()]
    };
    let name = if german {
        format!("{client} {surname} GmbH ({})", index + 1)
    } else {
        format!("{surname} {client} Ltd ({})", index + 1)
    };

    let mut items = catalogue::entries(lang);
    for p in if german { PROCESSES_DE } else { PROCESSES_EN } {
        items.push(plain(MasterKind::BusinessProcess, p));
    }
    for (years, law) in [
        (10, "§ 147 AO"),
        (6, "§ 257 HGB"),
        (3, "§ 195 BGB"),
        (1, ""),
    ] {
        let mut item = plain(
            MasterKind::RetentionPeriod,
            &if german {
                format!("{years} Jahre")
            } else {
                format!("{years} years")
            },
        );
        item.code = law.into();
        items.push(item);
    }
    for (category, de, en) in [
        ("internal", "Personalabteilung", "HR department"),
        ("external", "Steuerberater", "Tax adviser"),
        ("external", "Finanzamt", "Tax office"),
        ("processor", "Lohnbüro", "Payroll service"),
    ] {
        let mut item = plain(MasterKind::Recipient, if german { de } else { en });
        item.category = category.into();
        items.push(item);
    }
    for (i, processor) in PROCESSORS.iter().enumerate() {
        let mut item = plain(MasterKind::Processor, processor);
        item.category = ["signed", "signed", "requested", "none"][i % 4].into();
        item.date = (item.category == "signed").then(|| {
            NaiveDate::from_ymd_opt(2023 + (i as i32 % 3), 1 + (i as u32 % 12), 15).expect("date")
        });
        item.email = "privacy@example.com".into();
        items.push(item);
    }
    for s in SURNAMES.iter().take(4) {
        let mut person = plain(
            MasterKind::Person,
            &format!("{} {s}", if german { "Frau" } else { "Ms" }),
        );
        person.category = "employee".into();
        person.email = format!("{}@example.com", s.to_lowercase());
        items.push(person);
    }
    items.push(plain(
        MasterKind::Customer,
        if german {
            "Stammkunden"
        } else {
            "Regular customers"
        },
    ));
    let positions = |kind: MasterKind| -> Vec<i64> {
        items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kind == kind)
            .map(|(p, _)| p as i64 + 1)
            .collect()
    };
    let by_kind: Vec<(MasterKind, Vec<i64>)> = [
        MasterKind::DataCategory,
        MasterKind::PersonGroup,
        MasterKind::LegalBasis,
        MasterKind::Application,
        MasterKind::RetentionPeriod,
        MasterKind::Recipient,
        MasterKind::Processor,
    ]
    .into_iter()
    .map(|k| (k, positions(k)))
    .collect();
    let processes = positions(MasterKind::BusinessProcess);
    let countries: Vec<(i64, String)> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.kind == MasterKind::ThirdCountry && i.category != "eu_eea")
        .map(|(p, i)| (p as i64 + 1, i.category.clone()))
        .collect();

    let area_names = if german { AREAS_DE } else { AREAS_EN };
    let activity_names = if german { ACTIVITIES_DE } else { ACTIVITIES_EN };
    let mut companies = Vec::new();
    let mut remaining = activities;
    for c in 0..companies_count {
        let company_name = if c == 0 {
            name.clone()
        } else {
            format!(
                "{name} – {}{}",
                ["Service", "Holding"][c % 2],
                if c >= 3 {
                    format!(" {c}")
                } else {
                    String::new()
                }
            )
        };
        let per_company = if c + 1 == companies_count {
            remaining
        } else {
            activities / companies_count
        };
        remaining -= per_company;
        let area_count = 3 + rng.gen_range(0..area_names.len() - 3);
        let mut areas: Vec<AreaRecord> = area_names[..area_count]
            .iter()
            .map(|a| AreaRecord {
                name: a.to_string(),
                description: String::new(),
                activities: Vec::new(),
            })
            .collect();
        for n in 0..per_company {
            let base = activity_names[(n + c) % activity_names.len()];
            let activity_name = if n < activity_names.len() {
                base.to_string()
            } else {
                format!("{base} {}", n / activity_names.len() + 1)
            };
            let mut links = Vec::new();
            for (_, pool) in &by_kind {
                let take = rng.gen_range(1..=2);
                for p in pool.choose_multiple(&mut rng, take) {
                    links.push(ActivityLink {
                        item_id: *p,
                        detail: String::new(),
                    });
                }
            }
            if rng.gen_bool(0.2) {
                let (p, category) = countries.choose(&mut rng).expect("countries");
                let detail = if category == "adequacy_decision" {
                    "adequacy_decision"
                } else {
                    "standard_contractual_clauses"
                };
                links.push(ActivityLink {
                    item_id: *p,
                    detail: detail.into(),
                });
            }
            links.sort_by_key(|l| l.item_id);
            links.dedup_by_key(|l| l.item_id);
            let status = [
                ActivityStatus::Active,
                ActivityStatus::Active,
                ActivityStatus::InReview,
                ActivityStatus::Draft,
                ActivityStatus::Inactive,
            ][rng.gen_range(0..5)];
            let data = ActivityInput {
                status,
                role: if rng.gen_bool(0.15) {
                    ActivityRole::Processor
                } else {
                    ActivityRole::Controller
                },
                responsible: format!(
                    "{} {}",
                    if german {
                        "Abteilungsleitung"
                    } else {
                        "Head of"
                    },
                    SURNAMES.choose(&mut rng).expect("names")
                ),
                purposes: if german {
                    format!("Durchführung von {base} im Rahmen des Geschäftsbetriebs")
                } else {
                    format!("Carrying out {base} in the course of business")
                },
                business_process_id: processes.choose(&mut rng).copied(),
                controller_details: String::new(),
                processing_categories: String::new(),
                specific_toms: if german {
                    "Rollenbasierte Zugriffe, Verschlüsselung".into()
                } else {
                    "Role-based access, encryption".into()
                },
                dpia_required: if rng.gen_bool(0.1) {
                    DpiaNecessity::Required
                } else {
                    DpiaNecessity::NotRequired
                },
                dpia_reason: String::new(),
                review_planned: NaiveDate::from_ymd_opt(
                    2026 + rng.gen_range(0..2),
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28),
                ),
                review_done: NaiveDate::from_ymd_opt(
                    2025,
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28),
                ),
                review_result: if german {
                    "Keine Beanstandungen".into()
                } else {
                    "No findings".into()
                },
                review_follow_up: String::new(),
                notes: String::new(),
                links,
                ..ActivityInput::new(0, &activity_name)
            };
            let area = rng.gen_range(0..areas.len());
            areas[area].activities.push(ActivityRecord {
                data,
                editor: None,
                dpia_check: None,
                dpias: Vec::new(),
            });
        }
        for area in &mut areas {
            area.activities
                .sort_by(|a, b| a.data.name.cmp(&b.data.name));
        }
        companies.push(CompanyRecord {
            data: CompanyInput {
                name: company_name,
                legal_form: if german { "GmbH".into() } else { "Ltd".into() },
                street: format!(
                    "{} {}",
                    if german {
                        "Hauptstraße"
                    } else {
                        "High Street"
                    },
                    1 + index % 90
                ),
                postal_code: format!("{:05}", 10000 + (index * 137) % 89999),
                city: CITIES[index % CITIES.len()].into(),
                country: if german {
                    "Deutschland".into()
                } else {
                    "United Kingdom".into()
                },
                register_court: if german {
                    format!("Amtsgericht {}", CITIES[index % CITIES.len()])
                } else {
                    String::new()
                },
                register_number: format!("HRB {}", 1000 + index),
                vat_id: if german {
                    crate::kernel::vat_id::german_with_stem(10_000_000 + index as u32)
                } else {
                    String::new()
                },
                phone: format!("+49 221 {:06}", index),
                email: format!("info{index}@example.com"),
                website: format!("https://example.com/{index}"),
                is_controller: true,
                is_processor: c == 1,
                managing_directors: vec![format!(
                    "{} {surname}",
                    if german { "Dr." } else { "Mr" }
                )],
                representative: String::new(),
                dpo_check: Some(DpoCheck {
                    twenty_persons_processing: index.is_multiple_of(2),
                    ..Default::default()
                }),
                dpo: DesignatedDpo {
                    kind: "external".into(),
                    name: "Anna Meier".into(),
                    email: "dsb@example.com".into(),
                    ..Default::default()
                },
            },
            areas,
            website_texts: Vec::new(),
        });
    }
    let language = if german {
        Language::German
    } else {
        Language::English
    };
    let toms = demo_toms(&mut rng, language, companies.len());
    for activity in companies
        .iter_mut()
        .flat_map(|c| c.areas.iter_mut())
        .flat_map(|a| a.activities.iter_mut())
    {
        let mut ids: Vec<i64> = (0..rng.gen_range(0..4))
            .map(|_| rng.gen_range(1..=toms.len() as i64))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        activity.data.tom_ids = ids;
    }
    TenantDocument {
        requests: Vec::new(),
        breaches: Vec::new(),
        processor_agreements: Vec::new(),
        courses: Vec::new(),
        folders: Vec::new(),
        documents: Vec::new(),
        format: FORMAT.into(),
        version: VERSION,
        tenant: TenantHeader {
            name,
            is_template: false,
        },
        master_items: items,
        companies,
        toms,
    }
}

/// The catalogue as an office that has adopted most of it: valid for some companies, most
/// active and described, reviewed once, some still in review, a few inactive.
fn demo_toms(rng: &mut StdRng, language: Language, companies: usize) -> Vec<TomRecord> {
    let german = language == Language::German;
    crate::domain::toms::catalogue::catalogue(language)
        .measures
        .iter()
        .map(|m| {
            let roll = rng.gen_range(0..10);
            let status = match roll {
                0 => TomStatus::Inactive,
                1 | 2 => TomStatus::InReview,
                _ => TomStatus::Active,
            };
            let reviewed_on =
                NaiveDate::from_ymd_opt(2025, rng.gen_range(1..=12), rng.gen_range(1..=28))
                    .expect("a valid day");
            let next_review = crate::domain::toms::one_year_after(reviewed_on);
            let mut company_ids: Vec<i64> = (1..=companies as i64)
                .filter(|_| status != TomStatus::Inactive && rng.gen_bool(0.8))
                .collect();
            company_ids.sort_unstable();
            let active = status == TomStatus::Active;
            TomRecord {
                catalogue_key: Some(m.key.clone()),
                data: TomInput {
                    tenant_id: 0,
                    protection_type: m.protection_type,
                    kind: m.kind,
                    title: m.title.clone(),
                    description: m.description.clone(),
                    implementation: match (active, german) {
                        (false, _) => String::new(),
                        (true, true) => {
                            "Umgesetzt und dokumentiert; Nachweis im Ordner IT-Sicherheit.".into()
                        }
                        (true, false) => {
                            "In place and documented; evidence in the IT security folder.".into()
                        }
                    },
                    art32: m.art32.clone(),
                    sdm: m.sdm.clone(),
                    status,
                    editor_id: None,
                    next_review: active.then_some(next_review),
                    company_ids,
                },
                editor: None,
                reviews: if active {
                    vec![TomReview {
                        id: 0,
                        reviewed_on,
                        reviewer: "Anna Meier".into(),
                        result: if german {
                            "Wirksam".into()
                        } else {
                            "Effective".into()
                        },
                        next_review: Some(next_review),
                        recorded_at: reviewed_on
                            .and_hms_opt(10, 0, 0)
                            .expect("a valid time")
                            .and_utc(),
                        recorded_by: "demo".into(),
                    }]
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// A tenant for the TOM list benchmark (issue 11): `companies` companies, each with its own
/// copy of the first `per_company` catalogue measures, valid for it, most adopted.
pub fn tom_benchmark_tenant(companies: usize, per_company: usize) -> TenantDocument {
    let mut rng = StdRng::seed_from_u64(11);
    let measures: Vec<_> = crate::domain::toms::catalogue::catalogue(Language::German)
        .measures
        .iter()
        .take(per_company)
        .collect();
    let mut toms = Vec::with_capacity(companies * measures.len());
    for company in 1..=companies as i64 {
        for m in &measures {
            let status = match rng.gen_range(0..10) {
                0 => TomStatus::Inactive,
                1 | 2 => TomStatus::InReview,
                _ => TomStatus::Active,
            };
            toms.push(TomRecord {
                catalogue_key: Some(m.key.clone()),
                data: TomInput {
                    tenant_id: 0,
                    protection_type: m.protection_type,
                    kind: m.kind,
                    title: m.title.clone(),
                    description: m.description.clone(),
                    implementation: String::new(),
                    art32: m.art32.clone(),
                    sdm: m.sdm.clone(),
                    status,
                    editor_id: None,
                    next_review: NaiveDate::from_ymd_opt(
                        2026 + rng.gen_range(0..2),
                        rng.gen_range(1..=12),
                        rng.gen_range(1..=28),
                    ),
                    company_ids: vec![company],
                },
                editor: None,
                reviews: Vec::new(),
            });
        }
    }
    TenantDocument {
        requests: Vec::new(),
        breaches: Vec::new(),
        processor_agreements: Vec::new(),
        courses: Vec::new(),
        folders: Vec::new(),
        documents: Vec::new(),
        format: FORMAT.into(),
        version: VERSION,
        tenant: TenantHeader {
            name: format!("Filialnetz mit {companies} Firmen"),
            is_template: false,
        },
        master_items: Vec::new(),
        companies: (1..=companies)
            .map(|i| CompanyRecord {
                data: CompanyInput {
                    name: format!("Filiale {i:03} GmbH"),
                    is_controller: true,
                    ..Default::default()
                },
                areas: Vec::new(),
                website_texts: Vec::new(),
            })
            .collect(),
        toms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenants_are_reproducible_and_hold_what_was_asked() {
        let a = tenant(7, 3, 50);
        assert_eq!(a, tenant(7, 3, 50));
        let count: usize = a
            .companies
            .iter()
            .flat_map(|c| &c.areas)
            .map(|area| area.activities.len())
            .sum();
        assert_eq!(count, 50);
        assert!(a
            .companies
            .iter()
            .flat_map(|c| &c.areas)
            .flat_map(|area| &area.activities)
            .all(|x| !x.data.links.is_empty()));
    }
}
