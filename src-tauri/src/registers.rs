//! Commands for the registers (requests, breaches, processor agreements), their files, the
//! deadline dashboard and the deadline alerts: the session, the core call, the error
//! mapping; the alerts are shown through the notifier.

use dpo_desk_core::domain::breaches::{Breach, BreachField, BreachInput, BreachRow};
use dpo_desk_core::domain::processor_agreements::{
    AgreementInput, AgreementRow, ProcessorAgreement,
};
use dpo_desk_core::domain::requests::{DataSubjectRequest, RequestField, RequestInput, RequestRow};
use dpo_desk_core::kernel::vocabulary::ObjectType;
use dpo_desk_core::services::deadlines::{DeadlineAlert, DeadlineBoard};
use dpo_desk_core::services::exports::{ExportFile, ExportFormat};
use dpo_desk_core::store::attachments::RecordAttachment;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_export, Picker};
use crate::notifications::Notifications;
use crate::state::AppState;

#[tauri::command(async)]
pub fn requests(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<RequestRow>> {
    state.with_session(|desk, session| desk.requests(session, tenant_id))
}

#[tauri::command(async)]
pub fn request(state: State<'_, AppState>, id: i64) -> ShellResult<DataSubjectRequest> {
    state.with_session(|desk, session| desk.request(session, id))
}

#[tauri::command(async)]
pub fn create_request(
    state: State<'_, AppState>,
    request: RequestInput,
) -> ShellResult<DataSubjectRequest> {
    state.with_session(|desk, session| desk.create_request(session, &request))
}

#[tauri::command(async)]
pub fn update_request(
    state: State<'_, AppState>,
    id: i64,
    request: RequestInput,
) -> ShellResult<DataSubjectRequest> {
    state.with_session(|desk, session| desk.update_request(session, id, &request))
}

#[tauri::command(async)]
pub fn mass_change_requests(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    field: RequestField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_requests(session, &ids, &field))
}

#[tauri::command(async)]
pub fn delete_requests(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_requests(session, &ids))
}

#[tauri::command(async)]
pub fn export_requests(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file =
        state.with_session(|desk, session| desk.export_requests(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn breaches(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<BreachRow>> {
    state.with_session(|desk, session| desk.breaches(session, tenant_id))
}

#[tauri::command(async)]
pub fn breach(state: State<'_, AppState>, id: i64) -> ShellResult<Breach> {
    state.with_session(|desk, session| desk.breach(session, id))
}

#[tauri::command(async)]
pub fn create_breach(state: State<'_, AppState>, breach: BreachInput) -> ShellResult<Breach> {
    state.with_session(|desk, session| desk.create_breach(session, &breach))
}

#[tauri::command(async)]
pub fn update_breach(
    state: State<'_, AppState>,
    id: i64,
    breach: BreachInput,
) -> ShellResult<Breach> {
    state.with_session(|desk, session| desk.update_breach(session, id, &breach))
}

#[tauri::command(async)]
pub fn mass_change_breaches(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    field: BreachField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_breaches(session, &ids, &field))
}

#[tauri::command(async)]
pub fn delete_breaches(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_breaches(session, &ids))
}

#[tauri::command(async)]
pub fn export_breaches(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file =
        state.with_session(|desk, session| desk.export_breaches(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn processor_agreements(
    state: State<'_, AppState>,
    tenant_id: i64,
) -> ShellResult<Vec<AgreementRow>> {
    state.with_session(|desk, session| desk.processor_agreements(session, tenant_id))
}

#[tauri::command(async)]
pub fn processor_agreement(state: State<'_, AppState>, id: i64) -> ShellResult<ProcessorAgreement> {
    state.with_session(|desk, session| desk.processor_agreement(session, id))
}

#[tauri::command(async)]
pub fn create_processor_agreement(
    state: State<'_, AppState>,
    agreement: AgreementInput,
) -> ShellResult<ProcessorAgreement> {
    state.with_session(|desk, session| desk.create_processor_agreement(session, &agreement))
}

#[tauri::command(async)]
pub fn update_processor_agreement(
    state: State<'_, AppState>,
    id: i64,
    agreement: AgreementInput,
) -> ShellResult<ProcessorAgreement> {
    state.with_session(|desk, session| desk.update_processor_agreement(session, id, &agreement))
}

#[tauri::command(async)]
pub fn delete_processor_agreements(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_processor_agreements(session, &ids))
}

#[tauri::command(async)]
pub fn export_processor_agreements(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| {
        desk.export_processor_agreements(session, tenant_id, format)
    })?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn record_attachments(
    state: State<'_, AppState>,
    object: ObjectType,
    record_id: i64,
) -> ShellResult<Vec<RecordAttachment>> {
    state.with_session(|desk, session| desk.record_attachments(session, object, record_id))
}

/// Asks for a file and attaches it; `None` when the person cancelled.
#[tauri::command(async)]
pub fn add_record_attachment(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    object: ObjectType,
    record_id: i64,
    title: String,
) -> ShellResult<Option<RecordAttachment>> {
    // Checked before the dialog opens, so nobody picks a file only to be refused.
    state.with_session(|desk, session| desk.record_attachments(session, object, record_id))?;
    let Some(path) = picker.0.open(&title, "") else {
        return Ok(None);
    };
    let bytes = crate::files::read_checked(&path, dpo_desk_core::store::attachments::check_size)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    state
        .with_session(|desk, session| {
            desk.add_record_attachment(session, object, record_id, &name, &bytes)
        })
        .map(Some)
}

/// Saves a copy of the file where the person chooses.
#[tauri::command(async)]
pub fn save_record_attachment(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    object: ObjectType,
    id: i64,
    title: String,
) -> ShellResult<Option<String>> {
    let (name, bytes) =
        state.with_session(|desk, session| desk.record_attachment_content(session, object, id))?;
    let extension = std::path::Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().to_string())
        .unwrap_or_default();
    save_export(
        &picker,
        &title,
        ExportFile {
            suggested_name: name,
            bytes,
        },
        &extension,
    )
}

#[tauri::command(async)]
pub fn remove_record_attachment(
    state: State<'_, AppState>,
    object: ObjectType,
    id: i64,
) -> ShellResult<()> {
    state.with_session(|desk, session| desk.remove_record_attachment(session, object, id))
}

#[tauri::command(async)]
pub fn deadlines(state: State<'_, AppState>, tenant_id: Option<i64>) -> ShellResult<DeadlineBoard> {
    state.with_session(|desk, session| desk.deadlines(session, tenant_id))
}

/// The dashboard's share of `deadlines`: the counts of all, the first `first` items.
#[tauri::command(async)]
pub fn next_deadlines(
    state: State<'_, AppState>,
    tenant_id: Option<i64>,
    first: u32,
) -> ShellResult<DeadlineBoard> {
    state.with_session(|desk, session| desk.next_deadlines(session, tenant_id, first as usize))
}

/// Shows the deadline alerts due now as native notifications (each level once per user;
/// the core keeps count) and answers them for the window.
#[tauri::command(async)]
pub fn deadline_alerts(
    state: State<'_, AppState>,
    notifications: State<'_, Notifications>,
) -> ShellResult<Vec<DeadlineAlert>> {
    let alerts = state.with_session(|desk, session| desk.deadline_alerts(session))?;
    for alert in &alerts {
        if let Err(e) = notifications.0.notify(&alert.summary, &alert.body) {
            tracing::warn!("dpo-desk: the notification could not be shown: {e}");
        }
    }
    Ok(alerts)
}
