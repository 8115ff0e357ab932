//! Reports → PDF (SPEC §12): the desk reads what the report shows, the PDF is laid out
//! off the desk with progress sent to the window and a cancel button, then saved through
//! the native save dialog (temporary name, renamed).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use dpo_desk_core::services::exports::write_atomically;
use dpo_desk_core::services::reports::{ReportJob, ReportRequest};
use tauri::ipc::Channel;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_path, Picker};
use crate::state::AppState;

/// Set by the window's cancel button; the report being read or laid out stops at its next
/// page. Cleared when a report starts (one report is made at a time: the window disables
/// the other buttons meanwhile).
#[derive(Default)]
pub struct ReportCancel(Arc<AtomicBool>);

impl ReportCancel {
    fn start(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Lays the job out (progress in percent to `progress`), then asks where to save it.
fn lay_out_and_save(
    job: ReportJob,
    cancel: &ReportCancel,
    picker: &Picker,
    title: &str,
    progress: Channel<u32>,
) -> ShellResult<Option<String>> {
    if cancel.0.load(Ordering::SeqCst) {
        return Err(dpo_desk_core::CoreError::Cancelled.into());
    }
    let stop = cancel.0.clone();
    let mut last = u32::MAX;
    let file = crate::state::long_work(|| {
        job.render(Box::new(move |done, total| {
            let percent =
                u32::try_from((done * 100).checked_div(total).unwrap_or(100)).unwrap_or(100);
            if percent != last {
                last = percent;
                let _ = progress.send(percent);
            }
            !stop.load(Ordering::SeqCst)
        }))
    })?;
    let Some(path) = save_path(picker, title, &file.suggested_name, "pdf") else {
        return Ok(None);
    };
    write_atomically(&path, &file.bytes)?;
    Ok(Some(path.display().to_string()))
}

/// Makes the report and saves it where the person chooses; `None` when they cancelled
/// the dialog (cancelling the work answers the error `cancelled`).
#[tauri::command(async)]
pub fn make_report(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    cancel: State<'_, ReportCancel>,
    request: ReportRequest,
    title: String,
    on_progress: Channel<u32>,
) -> ShellResult<Option<String>> {
    cancel.start();
    let job = state.with_session(|desk, session| desk.prepare_report(session, &request))?;
    lay_out_and_save(job, &cancel, &picker, &title, on_progress)
}

/// The same report as of a backup file opened read-only (the backup browser's file).
#[tauri::command(async)]
pub fn make_report_from_backup(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    cancel: State<'_, ReportCancel>,
    file: String,
    request: ReportRequest,
    title: String,
    on_progress: Channel<u32>,
) -> ShellResult<Option<String>> {
    cancel.start();
    let path = PathBuf::from(file);
    let job = state.with_session(|desk, session| {
        desk.prepare_report_from_backup(session, &path, &request, &mut |_, _| {})
    })?;
    lay_out_and_save(job, &cancel, &picker, &title, on_progress)
}

/// Stops the report being laid out.
#[tauri::command(async)]
pub fn cancel_report(cancel: State<'_, ReportCancel>) {
    cancel.0.store(true, Ordering::SeqCst);
}

/// The recovery-key sheet for the owner, after the password once more (at setup the
/// wizard passes the password just chosen).
#[tauri::command(async)]
pub fn save_recovery_sheet(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    cancel: State<'_, ReportCancel>,
    password: String,
    title: String,
    on_progress: Channel<u32>,
) -> ShellResult<Option<String>> {
    cancel.start();
    let job = state.with_session(|desk, session| desk.recovery_sheet(session, &password))?;
    lay_out_and_save(job, &cancel, &picker, &title, on_progress)
}
