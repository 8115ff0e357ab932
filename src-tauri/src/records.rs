//! Commands for tenants, companies, areas and processing activities: the session, the
//! core call, the error mapping.

use dpo_desk_core::desk::{EditorChoice, SessionInfo, TenantOverview};
use dpo_desk_core::domain::activities::attachments::Attachment;
use dpo_desk_core::domain::activities::{
    Activity, ActivityInput, ActivityQuery, ActivityRow, ActivityWindow, MassChange,
};
use dpo_desk_core::domain::areas::{Area, AreaField, AreaInput};
use dpo_desk_core::domain::companies::{Company, CompanyField, CompanyInput};
use dpo_desk_core::domain::master_data::{
    MasterField, MasterItem, MasterItemInput, MasterKind, Usage,
};
use dpo_desk_core::services::exports::{ExportFile, ExportFormat};
use dpo_desk_core::services::search::SearchHit;
use dpo_desk_core::services::trash::TrashEntry;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_export, Picker};
use crate::state::AppState;

/// Switches the tenant in the header; answers with the refreshed session (menus, rights).
#[tauri::command(async)]
pub fn set_current_tenant(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<SessionInfo> {
    state.with_session(|desk, session| {
        desk.set_current_tenant(session, tenant_id)?;
        desk.session_info(session)
    })
}

#[tauri::command(async)]
pub fn tenant_overview(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<TenantOverview> {
    state.with_session(|desk, session| desk.tenant_overview(session, tenant_id))
}

#[tauri::command(async)]
pub fn companies(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<Company>> {
    state.with_session(|desk, session| desk.companies(session, tenant_id))
}

#[tauri::command(async)]
pub fn create_company(
    state: State<'_, AppState>,
    tenant_id: i64,
    company: CompanyInput,
) -> ShellResult<Company> {
    state.with_session(|desk, session| desk.create_company(session, tenant_id, &company))
}

#[tauri::command(async)]
pub fn update_company(
    state: State<'_, AppState>,
    id: i64,
    company: CompanyInput,
) -> ShellResult<Company> {
    state.with_session(|desk, session| desk.update_company(session, id, &company))
}

#[tauri::command(async)]
pub fn areas(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<Area>> {
    state.with_session(|desk, session| desk.areas(session, tenant_id))
}

#[tauri::command(async)]
pub fn create_area(state: State<'_, AppState>, area: AreaInput) -> ShellResult<Area> {
    state.with_session(|desk, session| desk.create_area(session, &area))
}

#[tauri::command(async)]
pub fn activities(
    state: State<'_, AppState>,
    tenant_id: i64,
    search: Option<String>,
) -> ShellResult<Vec<ActivityRow>> {
    state.with_session(|desk, session| desk.activities(session, tenant_id, search.as_deref()))
}

#[tauri::command(async)]
pub fn activity_window(
    state: State<'_, AppState>,
    tenant_id: i64,
    query: ActivityQuery,
    offset: u32,
    limit: u32,
) -> ShellResult<ActivityWindow> {
    state.with_session(|desk, session| {
        desk.activity_window(session, tenant_id, &query, offset, limit)
    })
}

#[tauri::command(async)]
pub fn activity_ids(
    state: State<'_, AppState>,
    tenant_id: i64,
    query: ActivityQuery,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.activity_ids(session, tenant_id, &query))
}

#[tauri::command(async)]
pub fn activity(state: State<'_, AppState>, id: i64) -> ShellResult<Activity> {
    state.with_session(|desk, session| desk.activity(session, id))
}

#[tauri::command(async)]
pub fn editors(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<EditorChoice>> {
    state.with_session(|desk, session| desk.editors(session, tenant_id))
}

#[tauri::command(async)]
pub fn create_activity(
    state: State<'_, AppState>,
    activity: ActivityInput,
) -> ShellResult<Activity> {
    state.with_session(|desk, session| desk.create_activity(session, &activity))
}

#[tauri::command(async)]
pub fn update_activity(
    state: State<'_, AppState>,
    id: i64,
    activity: ActivityInput,
) -> ShellResult<Activity> {
    state.with_session(|desk, session| desk.update_activity(session, id, &activity))
}

#[tauri::command(async)]
pub fn delete_activities(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_activities(session, &ids))
}

#[tauri::command(async)]
pub fn copy_activities(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    suffix: String,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.copy_activities(session, &ids, &suffix))
}

#[tauri::command(async)]
pub fn mass_change_activities(
    state: State<'_, AppState>,
    change: MassChange,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_activities(session, &change))
}

/// Builds the export, then asks where to save it (without holding the app's state while
/// the dialog is open).
#[tauri::command(async)]
pub fn export_activities(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    search: Option<String>,
    ids: Option<Vec<i64>>,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| {
        desk.export_activities(
            session,
            tenant_id,
            search.as_deref(),
            ids.as_deref(),
            format,
        )
    })?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn master_items(
    state: State<'_, AppState>,
    tenant_id: i64,
    kind: MasterKind,
) -> ShellResult<Vec<MasterItem>> {
    state.with_session(|desk, session| desk.master_items(session, tenant_id, kind))
}

#[tauri::command(async)]
pub fn create_master_item(
    state: State<'_, AppState>,
    tenant_id: i64,
    item: MasterItemInput,
) -> ShellResult<MasterItem> {
    state.with_session(|desk, session| desk.create_master_item(session, tenant_id, &item))
}

#[tauri::command(async)]
pub fn update_master_item(
    state: State<'_, AppState>,
    id: i64,
    item: MasterItemInput,
) -> ShellResult<MasterItem> {
    state.with_session(|desk, session| desk.update_master_item(session, id, &item))
}

#[tauri::command(async)]
pub fn delete_master_items(
    state: State<'_, AppState>,
    kind: MasterKind,
    ids: Vec<i64>,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_master_items(session, kind, &ids))
}

#[tauri::command(async)]
pub fn copy_master_items(
    state: State<'_, AppState>,
    kind: MasterKind,
    ids: Vec<i64>,
    suffix: String,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.copy_master_items(session, kind, &ids, &suffix))
}

#[tauri::command(async)]
pub fn mass_change_master_items(
    state: State<'_, AppState>,
    kind: MasterKind,
    ids: Vec<i64>,
    field: MasterField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_master_items(session, kind, &ids, &field))
}

#[tauri::command(async)]
pub fn master_item_usages(
    state: State<'_, AppState>,
    kind: MasterKind,
    id: i64,
) -> ShellResult<Vec<Usage>> {
    state.with_session(|desk, session| desk.master_item_usages(session, kind, id))
}

#[tauri::command(async)]
pub fn export_master_items(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    kind: MasterKind,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state
        .with_session(|desk, session| desk.export_master_items(session, tenant_id, kind, format))?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn search(
    state: State<'_, AppState>,
    tenant_id: i64,
    text: String,
) -> ShellResult<Vec<SearchHit>> {
    state.with_session(|desk, session| desk.search(session, tenant_id, &text))
}

#[tauri::command(async)]
pub fn trash(state: State<'_, AppState>) -> ShellResult<Vec<TrashEntry>> {
    state.with_session(|desk, session| desk.trash(session))
}

#[tauri::command(async)]
pub fn restore_from_trash(state: State<'_, AppState>, id: i64) -> ShellResult<TrashEntry> {
    state.with_session(|desk, session| desk.restore_from_trash(session, id))
}

#[tauri::command(async)]
pub fn delete_companies(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_companies(session, &ids))
}

#[tauri::command(async)]
pub fn copy_companies(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    suffix: String,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.copy_companies(session, &ids, &suffix))
}

#[tauri::command(async)]
pub fn mass_change_companies(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    field: CompanyField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_companies(session, &ids, &field))
}

#[tauri::command(async)]
pub fn export_companies(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file =
        state.with_session(|desk, session| desk.export_companies(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn delete_areas(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_areas(session, &ids))
}

#[tauri::command(async)]
pub fn attachments(state: State<'_, AppState>, activity_id: i64) -> ShellResult<Vec<Attachment>> {
    state.with_session(|desk, session| desk.attachments(session, activity_id))
}

/// Asks for a file and attaches it; `None` when the person cancelled.
#[tauri::command(async)]
pub fn add_attachment(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    activity_id: i64,
    title: String,
) -> ShellResult<Option<Attachment>> {
    // Checked before the dialog opens, so nobody picks a file only to be refused.
    state.with_session(|desk, session| desk.attachments(session, activity_id))?;
    let Some(path) = picker.0.open(&title, "") else {
        return Ok(None);
    };
    let bytes = crate::files::read_checked(&path, dpo_desk_core::store::attachments::check_size)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    state
        .with_session(|desk, session| desk.add_attachment(session, activity_id, &name, &bytes))
        .map(Some)
}

/// Saves a copy of the attachment where the person chooses.
#[tauri::command(async)]
pub fn save_attachment(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    id: i64,
    title: String,
) -> ShellResult<Option<String>> {
    let (name, bytes) = state.with_session(|desk, session| desk.attachment_content(session, id))?;
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
pub fn remove_attachment(state: State<'_, AppState>, id: i64) -> ShellResult<()> {
    state.with_session(|desk, session| desk.remove_attachment(session, id))
}

#[tauri::command(async)]
pub fn update_area(state: State<'_, AppState>, id: i64, area: AreaInput) -> ShellResult<Area> {
    state.with_session(|desk, session| desk.update_area(session, id, &area))
}

#[tauri::command(async)]
pub fn copy_areas(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    suffix: String,
) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.copy_areas(session, &ids, &suffix))
}

#[tauri::command(async)]
pub fn mass_change_areas(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    field: AreaField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_areas(session, &ids, &field))
}

#[tauri::command(async)]
pub fn export_areas(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| desk.export_areas(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}
