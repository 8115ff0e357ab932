//! The floor of the stack (issue 16): DPO Desk's start and memory are measured against this
//! app, which does nothing but open one window with one static page that calls `ui_ready`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

struct StartedAt(Instant);

/// The page is painted: the same line DPO Desk writes, so one benchmark reads both.
#[tauri::command]
fn ui_ready(started: tauri::State<'_, StartedAt>) {
    eprintln!(
        "dpo-desk-floor: ui ready after {} ms",
        started.0.elapsed().as_millis()
    );
}

fn main() {
    let started = Instant::now();
    tauri::Builder::default()
        .manage(StartedAt(started))
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the floor app runs");
}
