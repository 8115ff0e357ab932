//! Commands for DPIAs: the necessity check, the assessments, the must list, the risk matrix
//! and CNIL PIA files through the native dialogs.

use dpo_desk_core::desk::{DpiaCheckForm, DpiaOverview};
use dpo_desk_core::domain::dpias::check::{CheckInput, DpiaCheck};
use dpo_desk_core::domain::dpias::must_list::MustEntry;
use dpo_desk_core::domain::dpias::{Dpia, DpiaInput, DpiaRow, RiskMatrix, Validation};
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::CoreError;
use serde::Serialize;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_export, save_path, Picker};
use crate::state::AppState;

#[tauri::command(async)]
pub fn dpia_check_form(state: State<'_, AppState>, activity_id: i64) -> ShellResult<DpiaCheckForm> {
    state.with_session(|desk, session| desk.dpia_check_form(session, activity_id))
}

#[tauri::command(async)]
pub fn check_dpia(
    state: State<'_, AppState>,
    activity_id: i64,
    input: CheckInput,
) -> ShellResult<DpiaCheck> {
    state.with_session(|desk, session| desk.check_dpia(session, activity_id, &input))
}

#[tauri::command(async)]
pub fn dpias(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<DpiaRow>> {
    state.with_session(|desk, session| desk.dpias(session, tenant_id))
}

#[tauri::command(async)]
pub fn dpia(state: State<'_, AppState>, id: i64) -> ShellResult<Dpia> {
    state.with_session(|desk, session| desk.dpia(session, id))
}

#[tauri::command(async)]
pub fn start_dpia(state: State<'_, AppState>, activity_id: i64) -> ShellResult<Dpia> {
    state.with_session(|desk, session| desk.start_dpia(session, activity_id))
}

#[tauri::command(async)]
pub fn update_dpia(state: State<'_, AppState>, id: i64, dpia: DpiaInput) -> ShellResult<Dpia> {
    state.with_session(|desk, session| desk.update_dpia(session, id, &dpia))
}

#[tauri::command(async)]
pub fn validate_dpia(
    state: State<'_, AppState>,
    id: i64,
    validation: Validation,
) -> ShellResult<Dpia> {
    state.with_session(|desk, session| desk.validate_dpia(session, id, &validation))
}

#[tauri::command(async)]
pub fn new_dpia_version(state: State<'_, AppState>, id: i64) -> ShellResult<Dpia> {
    state.with_session(|desk, session| desk.new_dpia_version(session, id))
}

#[tauri::command(async)]
pub fn delete_dpias(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_dpias(session, &ids))
}

#[tauri::command(async)]
pub fn export_dpias(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| desk.export_dpias(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}

/// Asks for a CNIL PIA file through the native open dialog and imports it as the
/// activity's assessment; `None` when the person cancels.
#[tauri::command(async)]
pub fn import_cnil(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    activity_id: i64,
    title: String,
) -> ShellResult<Option<Dpia>> {
    let Some(path) = picker.0.open(&title, "json") else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| CoreError::io(&path, e))?;
    state
        .with_session(|desk, session| desk.import_cnil(session, activity_id, &bytes))
        .map(Some)
}

/// Where an export for the CNIL tool went, and which own threats it folded into a
/// standard risk.
#[derive(Serialize)]
pub struct CnilSaved {
    pub path: String,
    pub folded_threats: Vec<String>,
}

#[tauri::command(async)]
pub fn export_cnil(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    id: i64,
    title: String,
) -> ShellResult<Option<CnilSaved>> {
    let export = state.with_session(|desk, session| desk.export_cnil(session, id))?;
    let Some(path) = save_path(&picker, &title, &export.file_name, "json") else {
        return Ok(None);
    };
    dpo_desk_core::services::exports::write_atomically(&path, &export.bytes)?;
    Ok(Some(CnilSaved {
        path: path.display().to_string(),
        folded_threats: export.folded_threats,
    }))
}

#[tauri::command(async)]
pub fn save_must_entry(state: State<'_, AppState>, entry: MustEntry) -> ShellResult<MustEntry> {
    state.with_session(|desk, session| desk.save_must_entry(session, &entry))
}

#[tauri::command(async)]
pub fn remove_must_entry(state: State<'_, AppState>, number: i64) -> ShellResult<()> {
    state.with_session(|desk, session| desk.remove_must_entry(session, number))
}

#[tauri::command(async)]
pub fn risk_matrix(state: State<'_, AppState>) -> ShellResult<RiskMatrix> {
    state.with_session(|desk, session| desk.risk_matrix(session))
}

#[tauri::command(async)]
pub fn update_risk_matrix(
    state: State<'_, AppState>,
    matrix: RiskMatrix,
) -> ShellResult<RiskMatrix> {
    state.with_session(|desk, session| desk.update_risk_matrix(session, &matrix))
}

#[tauri::command(async)]
pub fn dpia_overview(state: State<'_, AppState>) -> ShellResult<DpiaOverview> {
    state.with_session(|desk, session| desk.dpia_overview(session))
}
