//! Commands for technical and organisational measures: the session, the core call, the
//! error mapping.

use dpo_desk_core::desk::{DueReviews, TomDetail};
use dpo_desk_core::domain::activities::LinkedActivity;
use dpo_desk_core::domain::toms::{
    ReviewInput, Tom, TomCopyTarget, TomField, TomFilter, TomInput, TomRow,
};
use dpo_desk_core::services::exports::ExportFormat;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_export, Picker};
use crate::state::AppState;

#[tauri::command(async)]
pub fn toms(
    state: State<'_, AppState>,
    tenant_id: i64,
    filter: TomFilter,
) -> ShellResult<Vec<TomRow>> {
    state.with_session(|desk, session| desk.toms(session, tenant_id, &filter))
}

#[tauri::command(async)]
pub fn tom(state: State<'_, AppState>, id: i64) -> ShellResult<TomDetail> {
    state.with_session(|desk, session| desk.tom(session, id))
}

#[tauri::command(async)]
pub fn create_tom(state: State<'_, AppState>, tom: TomInput) -> ShellResult<Tom> {
    state.with_session(|desk, session| desk.create_tom(session, &tom))
}

#[tauri::command(async)]
pub fn update_tom(state: State<'_, AppState>, id: i64, tom: TomInput) -> ShellResult<Tom> {
    state.with_session(|desk, session| desk.update_tom(session, id, &tom))
}

#[tauri::command(async)]
pub fn review_tom(state: State<'_, AppState>, id: i64, review: ReviewInput) -> ShellResult<Tom> {
    state.with_session(|desk, session| desk.review_tom(session, id, &review))
}

#[tauri::command(async)]
pub fn link_tom_activities(
    state: State<'_, AppState>,
    id: i64,
    activity_ids: Vec<i64>,
) -> ShellResult<Vec<LinkedActivity>> {
    state.with_session(|desk, session| desk.link_tom_activities(session, id, &activity_ids))
}

/// Refused with `in_use` and the activities' names while a measure is linked, unless
/// `with_links` confirms the links go too.
#[tauri::command(async)]
pub fn delete_toms(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    with_links: bool,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_toms(session, &ids, with_links))
}

#[tauri::command(async)]
pub fn copy_toms(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    suffix: String,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.copy_toms(session, &ids, &suffix))
}

#[tauri::command(async)]
pub fn copy_toms_to_tenant(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    target: TomCopyTarget,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.copy_toms_to_tenant(session, &ids, &target))
}

#[tauri::command(async)]
pub fn mass_change_toms(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    field: TomField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_toms(session, &ids, &field))
}

#[tauri::command(async)]
pub fn export_toms(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| desk.export_toms(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn due_tom_reviews(state: State<'_, AppState>, limit: u32) -> ShellResult<DueReviews> {
    state.with_session(|desk, session| desk.due_tom_reviews(session, limit))
}
