//! Commands for the History tab of every record: the session, the core call, the error
//! mapping.

use dpo_desk_core::kernel::vocabulary::ObjectType;
use dpo_desk_core::services::history::RecordHistory;
use tauri::State;

use crate::error::ShellResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn record_history(
    state: State<'_, AppState>,
    object: ObjectType,
    id: i64,
) -> ShellResult<RecordHistory> {
    state.with_session(|desk, session| desk.record_history(session, object, id))
}

#[tauri::command(async)]
pub fn restore_version(
    state: State<'_, AppState>,
    object: ObjectType,
    id: i64,
    version: u32,
) -> ShellResult<RecordHistory> {
    state.with_session(|desk, session| desk.restore_version(session, object, id, version))
}
