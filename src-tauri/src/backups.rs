//! Tools → Backups: list, create (with progress), download through the save dialog,
//! delete, restore from a file (owner), CSV of a module as of a backup, and the daily
//! reminder shown as a native notification.

use std::path::PathBuf;

use dpo_desk_core::desk::backups::{AutomaticBackup, RestoreReport};
use dpo_desk_core::services::backup::browse::BackupContents;
use dpo_desk_core::services::backup::escalation::BackupLevel;
use dpo_desk_core::services::backup::file::{BackupHeader, EXTENSION};
use dpo_desk_core::services::backup::{BackupEntry, BackupModule};
use dpo_desk_core::CoreError;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::error::ShellResult;
use crate::files::{save_path, Picker};
use crate::notifications::Notifications;
use crate::state::AppState;

/// Sent to the window while long backup work runs.
#[derive(Debug, Clone, Serialize)]
struct Progress {
    done: u64,
    total: u64,
}

/// Reports progress at most once per percent.
fn progress_reporter<R: Runtime>(app: &AppHandle<R>) -> impl FnMut(u64, u64) + '_ {
    let mut last = u64::MAX;
    move |done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        if percent != last {
            last = percent;
            let _ = app.emit("backup-progress", Progress { done, total });
        }
    }
}

#[tauri::command(async)]
pub fn backups(state: State<'_, AppState>) -> ShellResult<Vec<BackupEntry>> {
    state.with_session(|desk, session| desk.backups(session))
}

#[tauri::command(async)]
pub fn create_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ShellResult<BackupEntry> {
    // Only the first and the last step hold the desk: the writing runs on a connection of
    // its own, so the other screens keep answering meanwhile.
    let job = state.with_session(|desk, session| desk.start_backup(session))?;
    let mut progress = progress_reporter(&app);
    let written = crate::state::long_work(|| job.run(&mut progress))?;
    state.with_session(|desk, session| desk.finish_backup(session, written))
}

/// Asks where to save the backup, then copies it there; `None` when the person cancelled.
#[tauri::command(async)]
pub fn download_backup(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    id: i64,
    title: String,
) -> ShellResult<Option<String>> {
    let name = state.with_session(|desk, session| desk.backup_file_name(session, id))?;
    let Some(path) = save_path(&picker, &title, &name, EXTENSION) else {
        return Ok(None);
    };
    state.with_session(|desk, session| desk.download_backup(session, id, &path))?;
    Ok(Some(path.display().to_string()))
}

/// Reads a backup kept in the app completely and checks every byte.
#[tauri::command(async)]
pub fn verify_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> ShellResult<BackupHeader> {
    let job = state.with_session(|desk, session| desk.start_verify(session, id))?;
    let mut progress = progress_reporter(&app);
    Ok(crate::state::long_work(|| job.run(&mut progress))?)
}

#[tauri::command(async)]
pub fn delete_backup(state: State<'_, AppState>, id: i64) -> ShellResult<()> {
    state.with_session(|desk, session| desk.delete_backup(session, id))
}

/// Restores from a backup file the person picks (everything, or one module); `None`
/// when they cancelled.
#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    module: Option<BackupModule>,
    title: String,
) -> ShellResult<Option<RestoreReport>> {
    // The owner check first, so nobody picks a file only to be refused (the core checks
    // again when it restores).
    state.with_session(|desk, session| {
        if desk.session_info(session)?.is_owner {
            Ok(())
        } else {
            Err(CoreError::OwnerRequired)
        }
    })?;
    let Some(path) = picker.0.open(&title, EXTENSION) else {
        return Ok(None);
    };
    let mut progress = progress_reporter(&app);
    state
        .with_session(|desk, session| desk.restore_backup(session, &path, module, &mut progress))
        .map(Some)
}

/// Writes a module's lists as CSV as of a backup: the file, then the folder, are picked.
#[tauri::command(async)]
pub fn backup_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    module: BackupModule,
    file_title: String,
    folder_title: String,
) -> ShellResult<Option<Vec<String>>> {
    let Some(path) = picker.0.open(&file_title, EXTENSION) else {
        return Ok(None);
    };
    let Some(folder) = picker.0.folder(&folder_title) else {
        return Ok(None);
    };
    let mut progress = progress_reporter(&app);
    let files: Vec<PathBuf> = state.with_session(|desk, session| {
        desk.backup_csv(session, &path, module, &folder, &mut progress)
    })?;
    Ok(Some(
        files.iter().map(|f| f.display().to_string()).collect(),
    ))
}

/// The texts of the notification for each level, in the user's language (the window
/// translates them).
#[derive(Debug, Clone, Deserialize)]
pub struct ReminderTexts {
    pub due: NoticeText,
    pub notify_all: NoticeText,
    pub locked: NoticeText,
}

#[derive(Debug, Clone, Deserialize)]
pub struct NoticeText {
    pub summary: String,
    pub body: String,
}

/// Shows the backup reminder due for this user now as a native notification (at most
/// once per level and day; the core keeps count). Answers the level notified, if any.
#[tauri::command(async)]
pub fn backup_reminder(
    state: State<'_, AppState>,
    notifications: State<'_, Notifications>,
    texts: ReminderTexts,
) -> ShellResult<Option<BackupLevel>> {
    let due = state.with_session(|desk, session| desk.backup_reminder(session))?;
    if let Some(level) = due {
        let text = match level {
            BackupLevel::Due => &texts.due,
            BackupLevel::NotifyAll => &texts.notify_all,
            BackupLevel::Locked | BackupLevel::Ok => &texts.locked,
        };
        if let Err(e) = notifications.0.notify(&text.summary, &text.body) {
            // The in-app banner still shows; a desktop without a notification service
            // is no reason to fail the command.
            tracing::warn!("dpo-desk: the notification could not be shown: {e}");
        }
    }
    Ok(due)
}

#[tauri::command(async)]
pub fn automatic_backup(state: State<'_, AppState>) -> ShellResult<AutomaticBackup> {
    state.with_session(|desk, session| desk.automatic_backup(session))
}

/// Asks for the folder of the automatic daily backup and turns it on; `None` when the
/// person cancelled.
#[tauri::command(async)]
pub fn choose_automatic_backup_folder(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    title: String,
) -> ShellResult<Option<AutomaticBackup>> {
    // The right first, so nobody picks a folder only to be refused.
    state.with_session(|desk, session| desk.settings(session).map(drop))?;
    let Some(folder) = picker.0.folder(&title) else {
        return Ok(None);
    };
    state
        .with_session(|desk, session| desk.set_automatic_backup(session, Some(&folder)))
        .map(Some)
}

#[tauri::command(async)]
pub fn stop_automatic_backup(state: State<'_, AppState>) -> ShellResult<AutomaticBackup> {
    state.with_session(|desk, session| desk.set_automatic_backup(session, None))
}

/// Opens a backup file the person picks read-only and answers what it holds; `None`
/// when they cancelled.
#[tauri::command(async)]
pub fn browse_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    title: String,
) -> ShellResult<Option<BackupContents>> {
    let Some(path) = picker.0.open(&title, EXTENSION) else {
        return Ok(None);
    };
    let mut progress = progress_reporter(&app);
    state
        .with_session(|desk, session| desk.browse_backup(session, &path, &mut progress))
        .map(Some)
}
