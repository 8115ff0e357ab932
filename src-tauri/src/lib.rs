//! The desktop shell: opens the installation named by `DPO_DESK_DATA_DIR` (or the OS's
//! app-data folder), then serves the window's commands.

mod admin;
mod commands;
mod error;
mod records;
mod state;

use std::sync::Arc;
use std::time::Instant;

use dpo_desk_core::installation;
use dpo_desk_core::keystore::OsKeyring;
use dpo_desk_core::SystemClock;

pub use error::{ShellError, ShellResult};
pub use state::AppState;

pub struct StartedAt(pub Instant);

pub fn run() {
    let started = Instant::now();
    let data_dir = match installation::default_data_dir() {
        Ok(dir) => dir,
        Err(e) => fatal(&e.to_string()),
    };
    let state = AppState::start(data_dir, Arc::new(OsKeyring), Arc::new(SystemClock));
    tauri::Builder::default()
        .manage(state)
        .manage(StartedAt(started))
        .invoke_handler(tauri::generate_handler![
            commands::startup_state,
            commands::create_installation,
            commands::unlock_with_recovery_key,
            commands::sign_in,
            commands::accept_invitation,
            commands::sign_out,
            commands::touch_session,
            commands::session_info,
            commands::refresh_session,
            commands::change_password,
            commands::set_language,
            commands::dashboard,
            commands::settings,
            commands::update_settings,
            commands::audit_log,
            commands::ui_ready,
            records::set_current_tenant,
            records::tenant_overview,
            records::companies,
            records::create_company,
            records::update_company,
            records::areas,
            records::create_area,
            records::activities,
            records::activity,
            records::editors,
            records::create_activity,
            records::update_activity,
            admin::users,
            admin::create_user,
            admin::update_user_access,
            admin::deactivate_user,
            admin::roles,
            admin::role_catalogue,
            admin::create_role,
            admin::update_role,
            admin::create_tenant,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .unwrap_or_else(|e| fatal(&format!("the window could not be started: {e}")));
}

/// Without a data folder or a window there is nowhere else to say it.
fn fatal(message: &str) -> ! {
    eprintln!("DPO Desk cannot start: {message}");
    std::process::exit(1);
}
