//! Commands for copies between tenants. They run on a worker thread (`async`), so a long
//! copy never freezes the window.

use dpo_desk_core::domain::tenants::Tenant;
use dpo_desk_core::services::data_copy::{CopyRequest, CopySummary};
use tauri::State;

use crate::error::ShellResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn copy_tenant(
    state: State<'_, AppState>,
    id: i64,
    name: Option<String>,
) -> ShellResult<Tenant> {
    state.with_session(|desk, session| desk.copy_tenant(session, id, name.as_deref()))
}

#[tauri::command(async)]
pub fn create_tenant_from_template(
    state: State<'_, AppState>,
    template_id: i64,
    name: String,
) -> ShellResult<Tenant> {
    state
        .with_session(|desk, session| desk.create_tenant_from_template(session, template_id, &name))
}

#[tauri::command(async)]
pub fn copy_to_tenants(
    state: State<'_, AppState>,
    request: CopyRequest,
) -> ShellResult<CopySummary> {
    state.with_session(|desk, session| desk.copy_to_tenants(session, &request))
}
