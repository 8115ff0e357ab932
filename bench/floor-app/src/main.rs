//! The floor of the stack (issue 16): DPO Desk's start and memory are measured against this
//! app, which does nothing but open one window with one static page that calls `ui_ready`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

struct StartedAt(Instant);

/// The page is painted: the same lines DPO Desk writes, so one benchmark reads both.
#[tauri::command]
fn ui_ready(started: tauri::State<'_, StartedAt>, page_ms: f64) {
    let now = started.0.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "dpo-desk-floor: start trace: page began loading at {} ms",
        (now - page_ms).max(0.0).round()
    );
    eprintln!("dpo-desk-floor: ui ready after {} ms", now.round());
}

fn main() {
    let started = Instant::now();
    tauri::Builder::default()
        .manage(StartedAt(started))
        .setup(move |_| {
            eprintln!(
                "dpo-desk-floor: start trace: window set up at {} ms",
                started.elapsed().as_millis()
            );
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the floor app runs");
}
