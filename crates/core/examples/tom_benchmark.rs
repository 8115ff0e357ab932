//! Benchmark of the core's TOM list (issue 11): one tenant with 100 companies × 94 measures
//! (9,400 rows), printing medians of the whole list and of each filter the window and the
//! command line offer.
//!
//!     cargo run --release -p dpo-desk-core --example tom_benchmark [-- --companies 100 --per-company 94]

use std::sync::Arc;
use std::time::{Duration, Instant};

use dpo_desk_core::desk::installation::{self, SetupRequest};
use dpo_desk_core::domain::toms::{ProtectionType, TomFilter, TomStatus};
use dpo_desk_core::store::keystore::MemoryKeyStore;
use dpo_desk_core::SystemClock;

const QUERIES: usize = 50;

/// The filter of the i-th query of a case.
type FilterOf<'a> = Box<dyn Fn(usize) -> TomFilter + 'a>;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let companies = arg("--companies", 100);
    let per_company = arg("--per-company", 94);
    let dir = tempfile::tempdir().expect("temp dir");
    let created = installation::create(
        dir.path(),
        &SetupRequest {
            office_name: "Benchmark".into(),
            owner_name: "admin".into(),
            owner_password: "Benchmark-2026!".into(),
        },
        &MemoryKeyStore::default(),
        Arc::new(SystemClock),
    )
    .expect("installation");
    let mut desk = created.desk;
    let mut admin = desk.sign_in("admin", "Benchmark-2026!").expect("sign in");
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
            median(times)
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
        median(export)
    );
}
