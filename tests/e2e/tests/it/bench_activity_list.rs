//! Benchmark, not a test (ignored in the suite): on a `demo --tenants 100 --activities 20000`
//! database, the time from clicking "Processing activities" until the list shows its first
//! rows in the real window, and the resident memory of all app processes with the list open.
//! Also the worst case of one tenant holding all 20,000 activities.
//!
//!     bench/activity_list.sh        (builds nothing; uses DPO_DESK_APP or the debug build)

use std::time::Duration;

use dpo_desk_e2e::{demo_tenant, App, Keyring, OWNER, PASSWORD};

/// Resident memory of the app and its WebKit processes, in MiB.
fn app_rss_mib() -> f64 {
    let out = std::process::Command::new("ps")
        .args(["-eo", "rss=,comm="])
        .output()
        .expect("ps");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let rss: f64 = parts.next()?.parse().ok()?;
            let comm = parts.collect::<Vec<_>>().join(" ");
            let ours = comm.starts_with("dpo-desk")
                || comm.starts_with("WebKitWebProces")
                || comm.starts_with("WebKitNetworkPr");
            ours.then_some(rss / 1024.0)
        })
        .sum()
}

async fn first_rows_ms(app: &App) -> f64 {
    app.click("[data-menu=dashboard]").await;
    app.find("[data-testid=welcome]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let elapsed = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const started = performance.now();
             const check = () => document.querySelector('[data-activity]') ? done(performance.now() - started) : requestAnimationFrame(check);
             document.querySelector('[data-menu=processing_activities]').click();
             requestAnimationFrame(check);",
            vec![],
        )
        .await
        .expect("measure");
    elapsed.as_f64().expect("milliseconds")
}

async fn run(label: &str, tenants: &str, activities: &str) {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Benchmark").await;
    app.quit().await;
    let (_, name) = demo_tenant(data.path(), &key, tenants, activities);
    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.find("[data-testid=tenant-switch]").await;
    app.choose("[data-testid=tenant-switch]", &name).await;
    app.wait_text("#tenant-tiles", &name).await;
    let mut times = Vec::new();
    for _ in 0..7 {
        times.push(first_rows_ms(&app).await);
    }
    let count = app
        .wait_text("[data-testid=activity-count]", "activit")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let rss = app_rss_mib();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{label}: {count} in the tenant; first rows after a click, median of 7: {:.0} ms (runs {:?}); resident memory of all app processes with the list open: {rss:.0} MiB",
        times[3], times.iter().map(|t| t.round()).collect::<Vec<_>>());
    app.screenshot(&format!("bench-{tenants}-tenants")).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: bench/activity_list.sh"]
async fn activity_list_in_the_window() {
    run("demo --tenants 100 --activities 20000", "100", "20000").await;
    run("one tenant with 20000 activities", "1", "20000").await;
}
