//! Benchmark, not a test (ignored in the suite): on a `demo --tenants 100 --activities 20000`
//! database, the time from clicking "Processing activities" until the list shows its first
//! rows in the real window, and the memory (PSS, RSS) of all app processes with the list open.
//! Also the worst case of one tenant holding all 20,000 activities.
//!
//!     bench/activity_list.sh        (builds nothing; uses DPO_DESK_APP or the debug build)

use std::time::Duration;

use dpo_desk_e2e::{demo_tenant, App, Keyring, OWNER, PASSWORD};

/// Memory of the app and its WebKit processes in MiB: PSS (proportional set size, shared
/// pages divided among their sharers, from /proc/PID/smaps_rollup) and RSS, each summed.
fn app_memory_mib() -> (f64, f64) {
    let out = std::process::Command::new("ps")
        .args(["-eo", "pid=,comm="])
        .output()
        .expect("ps");
    let (mut pss, mut rss) = (0.0, 0.0);
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let mut parts = line.split_whitespace();
        let Some(pid) = parts.next() else { continue };
        let comm = parts.collect::<Vec<_>>().join(" ");
        let ours = comm.starts_with("dpo-desk")
            || comm.starts_with("WebKitWebProces")
            || comm.starts_with("WebKitNetworkPr");
        if !ours {
            continue;
        }
        let rollup =
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        for l in rollup.lines() {
            let kib = |l: &str| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            if l.starts_with("Pss:") {
                pss += kib(l) / 1024.0;
            } else if l.starts_with("Rss:") {
                rss += kib(l) / 1024.0;
            }
        }
    }
    (pss, rss)
}

/// Milliseconds from the click on the menu entry to the first row drawn, with the commands
/// the page sent meanwhile (see `page_trace`).
async fn first_rows(app: &App) -> (f64, String) {
    app.click("[data-menu=dashboard]").await;
    app.find("[data-testid=welcome]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    page_trace(
        app,
        "document.querySelector('[data-menu=processing_activities]').click()",
        "document.querySelector('[data-activity]')",
    )
    .await
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
    let mut trace = String::new();
    for _ in 0..7 {
        let (ms, commands) = first_rows(&app).await;
        times.push(ms);
        trace = commands;
    }
    let count = app
        .wait_text("[data-testid=activity-count]", "activit")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (pss, rss) = app_memory_mib();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{label}: {count} in the tenant; first rows after a click, median of 7: {:.0} ms (runs {:?}); memory of all app processes with the list open: PSS {pss:.0} MiB, RSS {rss:.0} MiB",
        times[3], times.iter().map(|t| t.round()).collect::<Vec<_>>());
    println!("{label}: commands of the last click (ms after it: sent→answered): {trace}");
    app.screenshot(&format!("bench-{tenants}-tenants")).await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: bench/activity_list.sh"]
async fn activity_list_in_the_window() {
    run("demo --tenants 100 --activities 20000", "100", "20000").await;
    run("one tenant with 20000 activities", "1", "20000").await;
    run("one tenant with 100000 activities", "1", "100000").await;
}

/// Milliseconds from `action` (a script run in the page) until `ready` (a script expression)
/// holds, measured by the page's own clock on its animation frames; and the commands the page
/// sent meanwhile, each with the milliseconds from the action until it was sent and until its
/// answer arrived (ui/src/ipc/call.ts measures them while `dpoDeskTraceCalls` is set), when the
/// DOM first met `ready`, and the frames that came more than 50 ms apart (the page, or its
/// drawing, was busy in between).
async fn page_trace(app: &App, action: &str, ready: &str) -> (f64, String) {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         window.dpoDeskTraceCalls = true;
         performance.clearMeasures();
         const started = performance.now();
         const trace = () => performance.getEntriesByType('measure')
           .filter((m) => m.name.startsWith('ipc '))
           .map((m) => `${{m.name.slice(4)}} ${{Math.round(m.startTime - started)}}→${{Math.round(m.startTime + m.duration - started)}}`)
           .join(', ');
         let frame = started;
         const gaps = [];
         const check = () => {{
           const now = performance.now();
           if (now - frame > 50) gaps.push(`frame ${{Math.round(frame - started)}}→${{Math.round(now - started)}}`);
           frame = now;
           if (!({ready})) return requestAnimationFrame(check);
           // Nothing of the probe outlives its round: the next one measures on a quiet page.
           observer.disconnect();
           window.dpoDeskTraceCalls = false;
           done([now - started, [trace(), ...gaps].filter(Boolean).join(', ')]);
         }};
         const observer = new MutationObserver(() => {{
           if ({ready}) {{ gaps.push(`in the DOM ${{Math.round(performance.now() - started)}}`); observer.disconnect(); }}
         }});
         observer.observe(document.body, {{ childList: true, subtree: true, characterData: true }});
         {action};
         requestAnimationFrame(check);"
    );
    let answer = app
        .client
        .execute_async(&script, vec![])
        .await
        .expect("measure");
    (
        answer[0].as_f64().expect("milliseconds"),
        answer[1].as_str().unwrap_or_default().to_string(),
    )
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[times.len() / 2]
}

/// A big installation (issue 16): 100 tenants, 80,000 activities and their 9,400 catalogue
/// measures. Medians of 7 of: the dashboard after "Sign in" is clicked (password check
/// included), a switch to another tenant until its tiles show, and a header search from
/// Enter until its results show (a new search starts empty, so its count is its own).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: bench/activity_list.sh"]
async fn big_installation_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch(data.path(), Keyring::Session).await;
    let key = app.set_up_and_enter("Kanzlei Benchmark").await;
    app.quit().await;
    let (first, first_name) = demo_tenant(data.path(), &key, "100", "80000");
    let tenants = dpo_desk_e2e::cli(data.path(), &key, &["tenant", "list"]);
    let other = tenants
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] != first)
        .unwrap();
    let (other_id, other_name) = (
        other["id"].to_string(),
        other["name"].as_str().unwrap().to_string(),
    );
    let toms = dpo_desk_e2e::cli(
        data.path(),
        &key,
        &["tom", "list", "--tenant", &first.to_string()],
    );
    println!(
        "big installation: 100 tenants, 80000 activities, {} measures per tenant",
        toms.as_array().map(Vec::len).unwrap_or(0)
    );
    let app = App::launch(data.path(), Keyring::Session).await;
    let mut dashboard = Vec::new();
    let mut slowest_sign_in = (0.0, String::new());
    for round in 0..7 {
        if round > 0 {
            app.click("[data-testid=sign-out]").await;
        }
        app.heading("Sign in").await;
        app.type_into("input[name=user_name]", OWNER).await;
        app.type_into("input[name=password]", PASSWORD).await;
        let (ms, trace) = page_trace(
            &app,
            "[...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Sign in').click()",
            // The whole dashboard: the tenant's tiles and deadlines and the office's figures.
            "document.querySelector('[data-tile]') && document.querySelector('[data-testid=next-deadlines]') && document.querySelector('[data-testid=dashboard-office]')",
        )
        .await;
        // The first sign-in loads the shell's scripts: the slowest of the others says more.
        if round > 0 && ms > slowest_sign_in.0 {
            slowest_sign_in = (ms, trace);
        }
        dashboard.push(ms);
    }
    app.choose("[data-testid=tenant-switch]", &first_name).await;
    app.wait_text("#tenant-tiles", &first_name).await;
    let mut switch = Vec::new();
    let mut switch_trace = String::new();
    for round in 0..7 {
        let (id, name) = if round % 2 == 0 {
            (other_id.clone(), other_name.clone())
        } else {
            (first.to_string(), first_name.clone())
        };
        let action = format!(
            "const s = document.querySelector('[data-testid=tenant-switch]');
             Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(s, '{id}');
             s.dispatchEvent(new Event('change', {{ bubbles: true }}))"
        );
        let ready = format!(
            "(document.getElementById('tenant-tiles')?.textContent === {}) && document.querySelector('[data-tile]')",
            serde_json::to_string(&name).unwrap()
        );
        let (ms, trace) = page_trace(&app, &action, &ready).await;
        switch.push(ms);
        switch_trace = trace;
    }
    let mut search = Vec::new();
    let mut search_trace = String::new();
    for (round, word) in [
        "lohn",
        "video",
        "kunden",
        "bewerber",
        "zeit",
        "reise",
        "newsletter",
    ]
    .iter()
    .enumerate()
    {
        let action = format!(
            "const i = document.querySelector('[data-testid=global-search]');
             Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(i, '{word}');
             i.dispatchEvent(new Event('input', {{ bubbles: true }}));
             i.form.requestSubmit()"
        );
        let ready = format!(
            "document.querySelector('h1')?.textContent.includes('{word}') && document.querySelector('[data-testid=search-count]') && {round} >= 0"
        );
        let (ms, trace) = page_trace(&app, &action, &ready).await;
        search.push(ms);
        search_trace = trace;
    }
    println!(
        "big installation: dashboard after sign-in {:.0} ms, tenant switch {:.0} ms, header search {:.0} ms (medians of 7; runs {:?} / {:?} / {:?})",
        median(dashboard.clone()),
        median(switch.clone()),
        median(search.clone()),
        dashboard.iter().map(|t| t.round()).collect::<Vec<_>>(),
        switch.iter().map(|t| t.round()).collect::<Vec<_>>(),
        search.iter().map(|t| t.round()).collect::<Vec<_>>()
    );
    println!(
        "big installation: commands of the slowest sign-in after the first ({:.0} ms): {}",
        slowest_sign_in.0, slowest_sign_in.1
    );
    println!("big installation: commands of the last tenant switch (ms after the change: sent→answered): {switch_trace}");
    println!("big installation: commands of the last header search: {search_trace}");
    app.screenshot("bench-big-installation").await;
    app.quit().await;
}
