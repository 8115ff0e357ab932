//! Commands for tenants, companies, areas and processing activities: the session, the
//! core call, the error mapping.

use dpo_desk_core::activities::{Activity, ActivityInput};
use dpo_desk_core::areas::{Area, AreaInput};
use dpo_desk_core::companies::{Company, CompanyInput};
use dpo_desk_core::desk::{EditorChoice, SessionInfo, TenantOverview};
use tauri::State;

use crate::error::ShellResult;
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
pub fn create_company(state: State<'_, AppState>, tenant_id: i64, company: CompanyInput) -> ShellResult<Company> {
    state.with_session(|desk, session| desk.create_company(session, tenant_id, &company))
}

#[tauri::command(async)]
pub fn update_company(state: State<'_, AppState>, id: i64, company: CompanyInput) -> ShellResult<Company> {
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
pub fn activities(state: State<'_, AppState>, tenant_id: i64, search: Option<String>) -> ShellResult<Vec<Activity>> {
    state.with_session(|desk, session| desk.activities(session, tenant_id, search.as_deref()))
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
pub fn create_activity(state: State<'_, AppState>, activity: ActivityInput) -> ShellResult<Activity> {
    state.with_session(|desk, session| desk.create_activity(session, &activity))
}

#[tauri::command(async)]
pub fn update_activity(state: State<'_, AppState>, id: i64, activity: ActivityInput) -> ShellResult<Activity> {
    state.with_session(|desk, session| desk.update_activity(session, id, &activity))
}
