//! Benchmark of what the window asks the core for on the dashboard of a big installation
//! (`demo --tenants 100 --activities 80000`): switching the tenant, the tenant's tiles and
//! deadlines, the office-wide panels and the header search, medians over 20 calls each.
//!
//!     cargo run --release -p dpo-desk-core --example dashboard_benchmark [-- --tenants 100 --activities 80000]

mod common;

use std::time::{Duration, Instant};

const CALLS: usize = 20;
const WORDS: &[&str] = &[
    "lohn",
    "video",
    "kunden",
    "bewerber",
    "zeit",
    "reise",
    "newsletter",
];

fn report<T>(label: &str, mut call: impl FnMut(usize) -> T) {
    let samples: Vec<Duration> = (0..CALLS)
        .map(|i| {
            let started = Instant::now();
            std::hint::black_box(call(i));
            started.elapsed()
        })
        .collect();
    println!(
        "  {label:<44} median {:>8.2} ms",
        common::median_ms(samples)
    );
}

fn main() {
    let tenants = common::arg("--tenants", 100);
    let activities = common::arg("--activities", 80_000);
    let (_dir, mut desk, mut admin) = common::installation();
    let started = Instant::now();
    let ids: Vec<i64> = (0..tenants)
        .map(|index| {
            let share = activities / tenants + usize::from(index < activities % tenants);
            desk.import_tenant(
                &mut admin,
                &dpo_desk_core::services::demo::tenant(1, index, share),
            )
            .expect("import")
            .id
        })
        .collect();
    println!(
        "big installation ({tenants} tenants, {activities} activities), filled in {:.1} s:",
        started.elapsed().as_secs_f64()
    );
    let tenant = |i: usize| ids[i % 2];
    report("set the current tenant", |i| {
        desk.set_current_tenant(&mut admin, tenant(i))
            .expect("switch")
    });
    report("session (menu, tenants, rights)", |_| {
        desk.session_info(&mut admin).expect("session")
    });
    report("tenant tiles (tenant_overview)", |i| {
        desk.tenant_overview(&mut admin, tenant(i)).expect("tiles")
    });
    report("tenant deadlines", |i| {
        desk.deadlines(&mut admin, Some(tenant(i)))
            .expect("deadlines")
    });
    report("office-wide deadlines", |_| {
        desk.deadlines(&mut admin, None).expect("deadlines")
    });
    report("office dashboard", |_| {
        desk.dashboard(&mut admin).expect("dashboard")
    });
    report("due TOM reviews (8)", |_| {
        desk.due_tom_reviews(&mut admin, 8).expect("due")
    });
    report("DPIA overview", |_| {
        desk.dpia_overview(&mut admin).expect("dpia")
    });
    report("header search", |i| {
        desk.search(&mut admin, tenant(i), WORDS[i % WORDS.len()])
            .expect("search")
    });
}
