//! The commands the window may call. Each one checks the stage, calls the core and maps
//! the error; no rule lives here.

use dpo_desk_core::desk::client::{
    AcceptInvitationRequest, PasswordChangeRequest, SetupResult, SignInRequest, StartupState,
};
use dpo_desk_core::desk::installation::{self, SetupRequest};
use dpo_desk_core::desk::{Dashboard, SessionInfo};
use dpo_desk_core::services::audit_log::{AuditChoices, AuditFilter, AuditLine};
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::store::audit::AuditEntry;
use dpo_desk_core::store::settings::{AppSettings, SettingKey};
use tauri::State;

use crate::error::{ShellError, ShellResult};
use crate::state::{AppState, Stage};

#[tauri::command(async)]
pub fn startup_state(state: State<'_, AppState>) -> ShellResult<StartupState> {
    crate::start_trace::first_command();
    state.startup_state()
}

#[tauri::command(async)]
pub fn create_installation(
    state: State<'_, AppState>,
    request: SetupRequest,
) -> ShellResult<SetupResult> {
    if !matches!(*state.stage(), Stage::Setup) {
        return Err(ShellError::WrongPhase("setup"));
    }
    let created = installation::create(
        &state.data_dir,
        &request,
        state.keystore.as_ref(),
        state.clock.clone(),
    )?;
    let mut desk = created.desk;
    let mut session = desk.sign_in(&request.owner_name, &request.owner_password)?;
    let info = desk.session_info(&mut session)?;
    state.set_stage(Stage::Open {
        desk: Box::new(desk),
        session: Some(session),
        locked_user: None,
    });
    Ok(SetupResult {
        recovery_key: created.recovery_key.display(),
        keyring_error: created.keyring_error,
        session: info,
    })
}

/// A new machine: sets the installation up from a backup file the person picks and the
/// recovery key they type (SPEC §10); answers the sign-in state, or `None` when they
/// cancelled the dialog.
#[tauri::command(async)]
pub fn restore_installation(
    state: State<'_, AppState>,
    picker: State<'_, crate::files::Picker>,
    recovery_key: String,
    title: String,
) -> ShellResult<Option<StartupState>> {
    if !matches!(*state.stage(), Stage::Setup) {
        return Err(ShellError::WrongPhase("setup"));
    }
    // A mistyped key is said before the dialog opens.
    dpo_desk_core::store::keys::RecoveryKey::parse(&recovery_key)?;
    let Some(file) = picker
        .0
        .open(&title, dpo_desk_core::services::backup::file::EXTENSION)
    else {
        return Ok(None);
    };
    let desk = installation::restore_from_backup(
        &state.data_dir,
        &file,
        &recovery_key,
        state.keystore.as_ref(),
        state.clock.clone(),
    )?;
    state.set_stage(Stage::Open {
        desk: Box::new(desk),
        session: None,
        locked_user: None,
    });
    state.startup_state().map(Some)
}

#[tauri::command(async)]
pub fn unlock_with_recovery_key(
    state: State<'_, AppState>,
    recovery_key: String,
) -> ShellResult<StartupState> {
    if !matches!(*state.stage(), Stage::RecoveryKey { .. }) {
        return Err(ShellError::WrongPhase("recovery_key"));
    }
    let (desk, keyring_error) = installation::unlock_with_recovery_key(
        &state.data_dir,
        &recovery_key,
        state.keystore.as_ref(),
        state.clock.clone(),
    )?;
    state.set_stage(Stage::Open {
        desk: Box::new(desk),
        session: None,
        locked_user: None,
    });
    let mut startup = state.startup_state()?;
    startup.keyring_error = keyring_error;
    Ok(startup)
}

#[tauri::command(async)]
pub fn sign_in(state: State<'_, AppState>, request: SignInRequest) -> ShellResult<SessionInfo> {
    state.with_desk(|desk, session| {
        let mut fresh = desk.sign_in(&request.user_name, &request.password)?;
        let info = desk.session_info(&mut fresh)?;
        *session = Some(fresh);
        Ok(info)
    })
}

#[tauri::command(async)]
pub fn accept_invitation(
    state: State<'_, AppState>,
    request: AcceptInvitationRequest,
) -> ShellResult<SessionInfo> {
    state.with_desk(|desk, session| {
        let mut fresh = desk.accept_invitation(
            &request.user_name,
            &request.invitation_code,
            &request.new_password,
        )?;
        let info = desk.session_info(&mut fresh)?;
        *session = Some(fresh);
        Ok(info)
    })
}

#[tauri::command(async)]
pub fn sign_out(state: State<'_, AppState>) -> ShellResult<()> {
    state.with_desk(|desk, session| match session.take() {
        Some(s) => desk.sign_out(&s),
        None => Ok(()),
    })
}

#[tauri::command(async)]
pub fn touch_session(state: State<'_, AppState>) -> ShellResult<()> {
    state.with_session(|desk, session| desk.touch(session))
}

#[tauri::command(async)]
pub fn session_info(state: State<'_, AppState>) -> ShellResult<SessionInfo> {
    state.with_session(|desk, session| desk.session_info(session))
}

/// The window's periodic re-read of menus and rights; not counted as activity.
#[tauri::command(async)]
pub fn refresh_session(state: State<'_, AppState>) -> ShellResult<SessionInfo> {
    state.with_session(|desk, session| desk.refresh_session(session))
}

#[tauri::command(async)]
pub fn change_password(
    state: State<'_, AppState>,
    request: PasswordChangeRequest,
) -> ShellResult<()> {
    state.with_session(|desk, session| {
        desk.change_password(session, &request.current_password, &request.new_password)
    })
}

#[tauri::command(async)]
pub fn set_language(state: State<'_, AppState>, language: String) -> ShellResult<SessionInfo> {
    state.with_session(|desk, session| {
        desk.set_language(session, &language)?;
        desk.session_info(session)
    })
}

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>) -> ShellResult<Dashboard> {
    state.with_session(|desk, session| desk.dashboard(session))
}

#[tauri::command(async)]
pub fn settings(state: State<'_, AppState>) -> ShellResult<AppSettings> {
    state.with_session(|desk, session| desk.settings(session))
}

#[tauri::command(async)]
pub fn update_settings(
    state: State<'_, AppState>,
    settings: AppSettings,
) -> ShellResult<AppSettings> {
    state.with_session(|desk, session| {
        let changes: Vec<(SettingKey, i64)> = settings.entries().to_vec();
        desk.update_settings(session, &changes)
    })
}

#[tauri::command(async)]
pub fn audit_log(
    state: State<'_, AppState>,
    limit: u32,
    before_id: Option<i64>,
) -> ShellResult<Vec<AuditEntry>> {
    state.with_session(|desk, session| desk.audit_log(session, limit, before_id))
}

#[tauri::command(async)]
pub fn audit_lines(
    state: State<'_, AppState>,
    filter: AuditFilter,
    limit: u32,
    before_id: Option<i64>,
) -> ShellResult<Vec<AuditLine>> {
    state.with_session(|desk, session| desk.audit_lines(session, &filter, limit, before_id))
}

#[tauri::command(async)]
pub fn audit_choices(state: State<'_, AppState>) -> ShellResult<AuditChoices> {
    state.with_session(|desk, session| desk.audit_choices(session))
}

#[tauri::command(async)]
pub fn export_audit_log(
    state: State<'_, AppState>,
    picker: State<'_, crate::files::Picker>,
    filter: AuditFilter,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file =
        state.with_session(|desk, session| desk.export_audit_log(session, &filter, format))?;
    crate::files::save_export(&picker, &title, file, format.extension())
}

/// A moment of the page's start, by the page's own clock (`performance.mark`).
#[derive(Debug, serde::Deserialize)]
pub struct PageMark {
    pub name: String,
    pub ms: f64,
}

/// The UI reports that its first screen is interactive; the start-up time goes to the log
/// with the page's own marks on the process's clock (the start-up benchmark reads them).
#[tauri::command]
pub fn ui_ready(started: State<'_, crate::StartedAt>, page_ms: f64, marks: Vec<PageMark>) {
    // The page's clock starts when WebKit begins loading it.
    let page_began = (started.0.elapsed().as_secs_f64() * 1000.0 - page_ms).max(0.0);
    tracing::info!(
        "dpo-desk: start trace: page began loading at {} ms",
        page_began.round()
    );
    for mark in marks.iter().filter(|m| m.ms.is_finite() && m.ms >= 0.0) {
        // Only the page's own names: a line of the trace, never anything typed.
        let name: String = mark
            .name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
            .take(60)
            .collect();
        tracing::info!(
            "dpo-desk: start trace: page: {name} at {} ms",
            (page_began + mark.ms).round()
        );
    }
    crate::start_trace::mark("first screen painted");
    tracing::info!(
        "dpo-desk: ui ready after {} ms",
        started.0.elapsed().as_millis()
    );
}

/// Opens a web or mail link of a course page in the system's browser or mail program;
/// anything else is refused.
#[tauri::command(async)]
pub fn open_link(url: String) -> ShellResult<()> {
    let link = dpo_desk_core::kernel::validate::outside_link(&url).ok_or_else(|| {
        dpo_desk_core::CoreError::validation(
            "link",
            "scheme",
            "only web (https) and e-mail links can be opened",
        )
    })?;
    open::that_detached(link)
        .map_err(|e| dpo_desk_core::CoreError::io(std::path::Path::new(link), e))?;
    Ok(())
}
