//! Benchmark of reports (issue 13): the RoPA PDF of a company with 1,000 fully filled
//! processing activities (time and peak memory, target ≤ 3 s) and the XLSX export of
//! 20,000 activities (time, beside the CSV of the same list); medians, release build.
//!
//!     cargo run --release -p dpo-desk-core --example report_benchmark

mod common;

use std::time::Instant;

use dpo_desk_core::domain::activities::ActivityRole;
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::services::reports::ReportRequest;

/// The process's peak resident memory since the last reset, in MiB (Linux).
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn current_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Starts a new peak measurement (writing 5 to clear_refs resets VmHWM to the current RSS).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let (dir, mut desk, mut admin) = common::installation();

    let doc = dpo_desk_core::services::demo::tenant_with_companies(1, 0, 1, 1000);
    let tenant = desk.import_tenant(&mut admin, &doc).expect("import").id;
    let company = desk.companies(&mut admin, tenant).expect("companies")[0].id;
    let request = ReportRequest::Ropa {
        company_id: company,
        role: ActivityRole::Controller,
        only_active: false,
        language: Some("de".into()),
    };
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    let mut size = 0;
    for _ in 0..3 {
        let before = current_mib();
        reset_peak();
        let started = Instant::now();
        let job = desk.prepare_report(&mut admin, &request).expect("prepare");
        let file = job.render(Box::new(|_, _| true)).expect("render");
        times.push(started.elapsed());
        peaks.push(peak_mib() - before);
        size = file.bytes.len();
        std::fs::write(dir.path().join("ropa.pdf"), &file.bytes).expect("write");
    }
    let pages = std::process::Command::new("pdfinfo")
        .arg(dir.path().join("ropa.pdf"))
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find(|l| l.starts_with("Pages:"))
                .map(|l| l.trim_start_matches("Pages:").trim().to_string())
        })
        .unwrap_or_else(|| "?".into());
    // The first run's peak: later runs reuse memory the allocator kept.
    let peak = peaks.iter().copied().fold(0.0, f64::max);
    println!(
        "RoPA PDF, 1,000 activities:   median {:>7.0} ms, peak memory +{:.0} MiB, {} pages, {:.1} MB",
        common::median_ms(times),
        peak,
        pages,
        size as f64 / 1e6
    );

    let doc = dpo_desk_core::services::demo::tenant_with_companies(2, 1, 3, 20_000);
    let big = desk.import_tenant(&mut admin, &doc).expect("import").id;
    for (name, format) in [("XLSX", ExportFormat::Xlsx), ("CSV ", ExportFormat::Csv)] {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..3 {
            let started = Instant::now();
            let file = desk
                .export_activities(&mut admin, big, None, None, format)
                .expect("export");
            times.push(started.elapsed());
            size = file.bytes.len();
        }
        println!(
            "{name} export, 20,000 activities: median {:>7.0} ms, {:.1} MB",
            common::median_ms(times),
            size as f64 / 1e6
        );
    }
}
