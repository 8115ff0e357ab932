//! Administration → user management: users, roles, tenants (administrators only; the
//! core refuses everyone else).

use dpo_desk_core::access::roles::{Role, RoleDefinition};
use dpo_desk_core::access::users::{CreatedUser, NewUser, UserAccess, UserSummary};
use dpo_desk_core::desk::RoleCatalogue;
use dpo_desk_core::domain::tenants::{Tenant, TenantField, TenantSummary};
use dpo_desk_core::services::exports::{ExportFile, ExportFormat};
use dpo_desk_core::services::tenant_transfer;
use dpo_desk_core::CoreError;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_export, Picker};
use crate::state::AppState;

#[tauri::command(async)]
pub fn users(state: State<'_, AppState>) -> ShellResult<Vec<UserSummary>> {
    state.with_session(|desk, session| desk.users(session))
}

#[tauri::command(async)]
pub fn create_user(state: State<'_, AppState>, user: NewUser) -> ShellResult<CreatedUser> {
    state.with_session(|desk, session| desk.create_user(session, &user))
}

#[tauri::command(async)]
pub fn update_user_access(
    state: State<'_, AppState>,
    name: String,
    access: UserAccess,
) -> ShellResult<UserSummary> {
    state.with_session(|desk, session| desk.update_user_access(session, &name, &access))
}

#[tauri::command(async)]
pub fn deactivate_user(state: State<'_, AppState>, name: String) -> ShellResult<UserSummary> {
    state.with_session(|desk, session| desk.deactivate_user(session, &name))
}

#[tauri::command(async)]
pub fn roles(state: State<'_, AppState>) -> ShellResult<Vec<Role>> {
    state.with_session(|desk, session| desk.roles(session))
}

#[tauri::command(async)]
pub fn role_catalogue(state: State<'_, AppState>) -> ShellResult<RoleCatalogue> {
    state.with_session(|desk, session| desk.role_catalogue(session))
}

#[tauri::command(async)]
pub fn create_role(state: State<'_, AppState>, role: RoleDefinition) -> ShellResult<Role> {
    state.with_session(|desk, session| desk.create_role(session, &role))
}

#[tauri::command(async)]
pub fn update_role(state: State<'_, AppState>, id: i64, role: RoleDefinition) -> ShellResult<Role> {
    state.with_session(|desk, session| desk.update_role(session, id, &role))
}

#[tauri::command(async)]
pub fn create_tenant(
    state: State<'_, AppState>,
    name: String,
    is_template: bool,
) -> ShellResult<Tenant> {
    state.with_session(|desk, session| desk.create_tenant(session, &name, is_template))
}

#[tauri::command(async)]
pub fn update_tenant(
    state: State<'_, AppState>,
    id: i64,
    name: String,
    is_template: bool,
) -> ShellResult<Tenant> {
    state.with_session(|desk, session| desk.update_tenant(session, id, &name, is_template))
}

#[tauri::command(async)]
pub fn set_tenant_archived(
    state: State<'_, AppState>,
    id: i64,
    archived: bool,
) -> ShellResult<Tenant> {
    state.with_session(|desk, session| desk.set_tenant_archived(session, id, archived))
}

#[tauri::command(async)]
pub fn delete_tenant(state: State<'_, AppState>, id: i64) -> ShellResult<i64> {
    state.with_session(|desk, session| desk.delete_tenant(session, id))
}

#[tauri::command(async)]
pub fn export_tenant(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    id: i64,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| {
        let (doc, suggested_name) = desk.export_tenant(session, id)?;
        Ok(ExportFile {
            suggested_name,
            bytes: serde_json::to_vec_pretty(&doc).expect("document serialises"),
        })
    })?;
    save_export(&picker, &title, file, "json")
}

/// Asks for a tenant file and imports it; `None` when the person cancelled.
#[tauri::command(async)]
pub fn import_tenant(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    title: String,
) -> ShellResult<Option<Tenant>> {
    let Some(path) = picker.0.open(&title, "json") else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| CoreError::io(&path, e))?;
    let doc = tenant_transfer::parse(&bytes)?;
    state
        .with_session(|desk, session| desk.import_tenant(session, &doc))
        .map(Some)
}

#[tauri::command(async)]
pub fn tenant_summaries(state: State<'_, AppState>) -> ShellResult<Vec<TenantSummary>> {
    state.with_session(|desk, session| desk.tenant_summaries(session))
}

#[tauri::command(async)]
pub fn mass_change_tenants(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    field: TenantField,
) -> ShellResult<usize> {
    state.with_session(|desk, session| desk.mass_change_tenants(session, &ids, field))
}

#[tauri::command(async)]
pub fn export_tenant_list(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| desk.export_tenant_list(session, format))?;
    save_export(&picker, &title, file, format.extension())
}
