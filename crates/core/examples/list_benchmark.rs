//! Benchmark of the core's activity list and full-text search on a demo database
//! (`demo --tenants 100 --activities 20000`), printing medians over 100 queries each.
//!
//!     cargo run --release -p dpo-desk-core --example list_benchmark [-- --tenants 100 --activities 20000]
//!
//! Also measures the worst case of one tenant holding all activities, and one tenant of
//! `--big` (100,000) activities: the windows the list asks for, whole-list reads beside them.

mod common;

use std::time::Instant;

use dpo_desk_core::domain::activities::{ActivityQuery, ActivitySortColumn};
use dpo_desk_core::{Desk, Session};

const QUERIES: usize = 100;
const WORDS: &[&str] = &[
    "lohn",
    "kunden",
    "video",
    "bewerber",
    "newsletter",
    "zeit",
    "backup",
    "reise",
    "payroll",
    "crm",
];

fn fill(desk: &mut Desk, admin: &mut Session, tenants: usize, activities: usize) -> Vec<i64> {
    let started = Instant::now();
    let mut ids = Vec::new();
    for index in 0..tenants {
        let share = activities / tenants + usize::from(index < activities % tenants);
        ids.push(
            desk.import_tenant(
                admin,
                &dpo_desk_core::services::demo::tenant(1, index, share),
            )
            .expect("import")
            .id,
        );
    }
    println!(
        "  filled {tenants} tenants with {activities} activities in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    ids
}

fn measure(desk: &Desk, admin: &mut Session, tenants: &[i64]) {
    let mut list = Vec::new();
    let mut rows = 0;
    for i in 0..QUERIES {
        let tenant = tenants[i % tenants.len()];
        let started = Instant::now();
        rows = desk.activities(admin, tenant, None).expect("list").len();
        list.push(started.elapsed());
    }
    let mut search = Vec::new();
    let mut hits = 0;
    for i in 0..QUERIES {
        let tenant = tenants[i % tenants.len()];
        let started = Instant::now();
        hits += desk
            .activities(admin, tenant, Some(WORDS[i % WORDS.len()]))
            .expect("search")
            .len();
        search.push(started.elapsed());
    }
    let mut global = Vec::new();
    for i in 0..QUERIES {
        let started = Instant::now();
        desk.search(admin, tenants[i % tenants.len()], WORDS[i % WORDS.len()])
            .expect("search");
        global.push(started.elapsed());
    }
    println!(
        "  list of a tenant ({rows} rows):          median {:>8.2} ms",
        common::median_ms(list)
    );
    // What the window asks for: the first 200 rows by name, the last 200, and the first
    // 200 sorted by last change, newest first (each with the list's length).
    for (label, sort, descending, last) in [
        (
            "first window of 200 by name",
            ActivitySortColumn::Name,
            false,
            false,
        ),
        (
            "last window of 200 by name",
            ActivitySortColumn::Name,
            false,
            true,
        ),
        (
            "first window by last change",
            ActivitySortColumn::Updated,
            true,
            false,
        ),
    ] {
        let query = ActivityQuery {
            sort,
            descending,
            ..Default::default()
        };
        let mut times = Vec::new();
        for i in 0..QUERIES {
            let tenant = tenants[i % tenants.len()];
            let offset = if last {
                rows.saturating_sub(200) as u32
            } else {
                0
            };
            let started = Instant::now();
            desk.activity_window(admin, tenant, &query, offset, 200)
                .expect("window");
            times.push(started.elapsed());
        }
        println!("  {label:<38} median {:>8.2} ms", common::median_ms(times));
    }
    println!(
        "  full-text search in the list ({} hits avg): median {:>8.2} ms",
        hits / QUERIES,
        common::median_ms(search)
    );
    let mut windowed = Vec::new();
    for i in 0..QUERIES {
        let tenant = tenants[i % tenants.len()];
        let query = ActivityQuery {
            search: Some(WORDS[i % WORDS.len()].into()),
            ..Default::default()
        };
        let started = Instant::now();
        desk.activity_window(admin, tenant, &query, 0, 200)
            .expect("search window");
        windowed.push(started.elapsed());
    }
    println!(
        "  full-text search, first window of 200:  median {:>8.2} ms",
        common::median_ms(windowed)
    );
    println!(
        "  tenant-wide search (all record types):  median {:>8.2} ms",
        common::median_ms(global)
    );
}

fn main() {
    let tenants = common::arg("--tenants", 100);
    let activities = common::arg("--activities", 20000);
    let big = common::arg("--big", 100_000);
    for (label, t, a) in [
        ("demo database", tenants, activities),
        ("worst case: one tenant with all activities", 1, activities),
        ("one tenant with --big activities", 1, big),
    ] {
        let (dir, mut desk, mut admin) = common::installation();
        println!("{label} ({t} tenants, {a} activities):");
        let ids = fill(&mut desk, &mut admin, t, a);
        measure(&desk, &mut admin, &ids);
        let size = std::fs::metadata(dir.path().join(dpo_desk_core::store::DATABASE_FILE))
            .map(|m| m.len())
            .unwrap_or(0);
        println!("  database file: {:.1} MiB", size as f64 / 1048576.0);
    }
}
