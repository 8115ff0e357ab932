//! Benchmark of the core's TOM list (issue 11): one tenant with 100 companies × 94 measures
//! (9,400 rows), printing medians of the whole list and of each filter the window and the
//! command line offer.
//!
//!     cargo run --release -p dpo-desk-core --example tom_benchmark [-- --companies 100 --per-company 94]

mod common;

use std::time::Instant;

use dpo_desk_core::domain::toms::{ProtectionType, TomFilter, TomStatus};

const QUERIES: usize = 50;

/// The filter of the i-th query of a case.
type FilterOf<'a> = Box<dyn Fn(usize) -> TomFilter + 'a>;

fn main() {
    let companies = common::arg("--companies", 100);
    let per_company = common::arg("--per-company", 94);
    let (_dir, mut desk, mut admin) = common::installation();
    let started = Instant::now();
    let doc = dpo_desk_core::services::demo::tom_benchmark_tenant(companies, per_company);
    let tenant = desk.import_tenant(&mut admin, &doc).expect("import").id;
    println!(
        "one tenant, {companies} companies × {per_company} measures: imported in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let company_ids: Vec<i64> = desk
        .companies(&mut admin, tenant)
        .expect("companies")
        .iter()
        .map(|c| c.id)
        .collect();
    let cases: Vec<(&str, FilterOf)> = vec![
        ("whole list", Box::new(|_| TomFilter::default())),
        (
            "one company",
            Box::new(|i| TomFilter {
                company_id: Some(company_ids[i % company_ids.len()]),
                ..Default::default()
            }),
        ),
        (
            "one status",
            Box::new(|i| TomFilter {
                status: Some(TomStatus::ALL[i % TomStatus::ALL.len()]),
                ..Default::default()
            }),
        ),
        (
            "one protection type",
            Box::new(|i| TomFilter {
                protection_type: Some(ProtectionType::ALL[i % ProtectionType::ALL.len()]),
                ..Default::default()
            }),
        ),
        (
            "review due",
            Box::new(|_| TomFilter {
                review_due: true,
                ..Default::default()
            }),
        ),
        (
            "company + status + type",
            Box::new(|i| TomFilter {
                company_id: Some(company_ids[i % company_ids.len()]),
                status: Some(TomStatus::Active),
                protection_type: Some(ProtectionType::ALL[i % ProtectionType::ALL.len()]),
                review_due: false,
            }),
        ),
    ];
    for (label, filter) in &cases {
        let mut times = Vec::new();
        let mut rows = 0;
        for i in 0..QUERIES {
            let f = filter(i);
            let started = Instant::now();
            rows += desk.toms(&mut admin, tenant, &f).expect("list").len();
            times.push(started.elapsed());
        }
        println!(
            "  {label:<26} {:>6} rows avg   median {:>8.2} ms",
            rows / QUERIES,
            common::median_ms(times)
        );
    }
    let mut export = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        desk.export_toms(
            &mut admin,
            tenant,
            dpo_desk_core::services::exports::ExportFormat::Csv,
        )
        .expect("export");
        export.push(started.elapsed());
    }
    println!(
        "  CSV export of all rows         median {:>8.2} ms",
        common::median_ms(export)
    );
}
