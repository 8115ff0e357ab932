//! Benchmark of copies between tenants (issue 14): a tenant copy 1:1 of a tenant with
//! 5 companies, 5,000 activities, their master data, TOMs and DPIA-free records, and a data
//! copy of 100 activities into another tenant; medians of 5, release build.
//!
//!     cargo run --release -p dpo-desk-core --example copy_benchmark

mod common;

use std::time::Instant;

use dpo_desk_core::kernel::vocabulary::ObjectType;
use dpo_desk_core::services::data_copy::CopyRequest;

fn main() {
    let (_dir, mut desk, mut admin) = common::installation();
    let doc = dpo_desk_core::services::demo::tenant_with_companies(1, 0, 5, 5000);
    let tenant = desk.import_tenant(&mut admin, &doc).expect("import").id;
    let companies = desk.companies(&mut admin, tenant).expect("companies").len();
    let activities = desk
        .activities(&mut admin, tenant, None)
        .expect("activities");
    let masters: usize = dpo_desk_core::domain::master_data::MasterKind::ALL
        .iter()
        .map(|k| {
            desk.master_items(&mut admin, tenant, *k)
                .expect("items")
                .len()
        })
        .sum();
    println!(
        "source: {companies} companies, {} activities, {masters} master data items, {} TOMs",
        activities.len(),
        desk.toms(&mut admin, tenant, &Default::default())
            .expect("toms")
            .len()
    );
    let mut parts = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let started = Instant::now();
        let (doc, _) = desk.export_tenant(&mut admin, tenant).expect("export");
        parts.0.push(started.elapsed());
        let started = Instant::now();
        desk.import_tenant(&mut admin, &doc).expect("import");
        parts.1.push(started.elapsed());
    }
    println!(
        "  of which: reading the tenant {:.0} ms, writing the copy {:.0} ms",
        common::median_ms(parts.0),
        common::median_ms(parts.1)
    );
    let mut tenant_copy = Vec::new();
    for i in 0..5 {
        let started = Instant::now();
        desk.copy_tenant(&mut admin, tenant, Some(&format!("Kopie {i}")))
            .expect("copy");
        tenant_copy.push(started.elapsed());
    }
    println!(
        "  tenant copy 1:1                       median {:>8.0} ms",
        common::median_ms(tenant_copy)
    );
    let ids: Vec<i64> = activities.iter().take(100).map(|a| a.id).collect();
    let mut data_copy = Vec::new();
    for i in 0..5 {
        let target = desk
            .create_tenant(&mut admin, &format!("Ziel {i}"), false)
            .expect("target")
            .id;
        let started = Instant::now();
        desk.copy_to_tenants(
            &mut admin,
            &CopyRequest {
                object: ObjectType::ProcessingActivity,
                ids: ids.clone(),
                targets: vec![target],
                parent: None,
            },
        )
        .expect("data copy");
        data_copy.push(started.elapsed());
    }
    println!(
        "  data copy of 100 activities           median {:>8.0} ms",
        common::median_ms(data_copy)
    );
}
