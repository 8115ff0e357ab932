//! Benchmark, not a test (ignored in the suite): one tenant with 100 companies × 94 TOMs
//! (9,400 rows); the time from clicking "TOMs" until the list shows its first rows in the
//! real window.
//!
//!     bench/tom_list.sh        (builds nothing; uses DPO_DESK_APP or the debug build)

use std::time::Duration;

use dpo_desk_e2e::{cli, App, Keyring, OWNER, PASSWORD};

async fn first_rows_ms(app: &App) -> f64 {
    app.click("[data-menu=dashboard]").await;
    app.find("[data-testid=welcome]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let elapsed = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const started = performance.now();
             const check = () => document.querySelector('[data-tom]') ? done(performance.now() - started) : requestAnimationFrame(check);
             document.querySelector('[data-menu=toms]').click();
             requestAnimationFrame(check);",
            vec![],
        )
        .await
        .expect("measure");
    elapsed.as_f64().expect("milliseconds")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: bench/tom_list.sh"]
async fn tom_list_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Benchmark").await;
    app.quit().await;
    let doc = dpo_desk_core::services::demo::tom_benchmark_tenant(100, 94);
    let file = data.path().join("toms-tenant.json");
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let tenant = cli(
        data.path(),
        &key,
        &["tenant", "import", file.to_str().unwrap()],
    );
    let name = tenant["name"]
        .as_str()
        .expect("the tenant's name")
        .to_string();

    let app = App::launch(data.path(), Keyring::Session).await;
    app.sign_in(OWNER, PASSWORD).await;
    app.choose("[data-testid=tenant-switch]", &name).await;
    app.wait_text("#tenant-tiles", &name).await;
    let mut times = Vec::new();
    for _ in 0..7 {
        times.push(first_rows_ms(&app).await);
    }
    let count = app.wait_text("[data-testid=tom-count]", "9400").await;
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "TOM list, {count} in one tenant of 100 companies: first rows after a click, median of 7: {:.0} ms (runs {:?})",
        times[3],
        times.iter().map(|t| t.round()).collect::<Vec<_>>()
    );
    app.screenshot("bench-tom-list").await;
    app.quit().await;
}
