//! What the window's process holds: the data folder, the opened installation (if any) and
//! the signed-in session (if any). Commands go through `with_session`, which also ends a
//! session the core reports as expired.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use dpo_desk_core::client::{Phase, StartupState};
use dpo_desk_core::installation::{self, Opening};
use dpo_desk_core::keystore::KeyStore;
use dpo_desk_core::{Clock, CoreError, CoreResult, Desk, Session};

use crate::error::{ShellError, ShellResult};

pub enum Stage {
    Setup,
    RecoveryKey { keyring_error: Option<String> },
    Open { desk: Box<Desk>, session: Option<Session>, locked_user: Option<String> },
}

pub struct AppState {
    pub data_dir: PathBuf,
    pub keystore: Arc<dyn KeyStore>,
    pub clock: Arc<dyn Clock>,
    stage: Mutex<Stage>,
}

impl AppState {
    /// Opens the installation in `data_dir` as far as it can without asking anyone.
    pub fn start(data_dir: PathBuf, keystore: Arc<dyn KeyStore>, clock: Arc<dyn Clock>) -> CoreResult<Self> {
        let stage = match installation::open(&data_dir, keystore.as_ref(), clock.clone())? {
            Opening::NeedsSetup => Stage::Setup,
            Opening::NeedsRecoveryKey { keyring_error } => Stage::RecoveryKey { keyring_error },
            Opening::Ready(desk) => Stage::Open { desk: Box::new(desk), session: None, locked_user: None },
        };
        Ok(AppState { data_dir, keystore, clock, stage: Mutex::new(stage) })
    }

    pub fn stage(&self) -> MutexGuard<'_, Stage> {
        // A panic while holding the lock leaves the state as it was written; keep serving.
        self.stage.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn startup_state(&self) -> ShellResult<StartupState> {
        let os_locale = sys_locale::get_locale();
        let data_dir = self.data_dir.display().to_string();
        let mut stage = self.stage();
        Ok(match &mut *stage {
            Stage::Setup => StartupState {
                phase: Phase::Setup,
                office_name: None,
                data_dir,
                keyring_error: None,
                os_locale,
                session: None,
                locked_user: None,
            },
            Stage::RecoveryKey { keyring_error } => StartupState {
                phase: Phase::RecoveryKey,
                office_name: None,
                data_dir,
                keyring_error: keyring_error.clone(),
                os_locale,
                session: None,
                locked_user: None,
            },
            Stage::Open { desk, session, locked_user } => {
                let info = match session.as_mut() {
                    Some(s) => match desk.session_info(s) {
                        Ok(info) => Some(info),
                        Err(CoreError::SessionExpired { .. }) => {
                            *locked_user = session.take().map(|s| s.user_name);
                            None
                        }
                        Err(e) => return Err(e.into()),
                    },
                    None => None,
                };
                StartupState {
                    phase: if info.is_some() { Phase::SignedIn } else { Phase::SignIn },
                    office_name: Some(desk.office_name()?),
                    data_dir,
                    keyring_error: None,
                    os_locale,
                    session: info,
                    locked_user: locked_user.clone(),
                }
            }
        })
    }

    pub fn set_stage(&self, stage: Stage) {
        *self.stage() = stage;
    }

    /// Runs `f` with the open desk, whatever the session.
    pub fn with_desk<T>(&self, f: impl FnOnce(&mut Desk, &mut Option<Session>) -> CoreResult<T>) -> ShellResult<T> {
        let mut stage = self.stage();
        match &mut *stage {
            Stage::Open { desk, session, locked_user } => {
                let result = f(desk, session);
                if session.is_some() {
                    *locked_user = None;
                }
                Ok(result?)
            }
            _ => Err(ShellError::NotOpen),
        }
    }

    /// Runs `f` for the signed-in user. An expired or invalid session is ended here, so
    /// the next `startup_state` shows the sign-in screen.
    pub fn with_session<T>(&self, f: impl FnOnce(&mut Desk, &mut Session) -> CoreResult<T>) -> ShellResult<T> {
        let mut stage = self.stage();
        let Stage::Open { desk, session, locked_user } = &mut *stage else {
            return Err(ShellError::NotOpen);
        };
        let Some(current) = session.as_mut() else {
            return Err(CoreError::SessionRequired.into());
        };
        match f(desk, current) {
            Err(e @ (CoreError::SessionExpired { .. } | CoreError::UserDeactivated | CoreError::SessionRequired)) => {
                *locked_user = session.take().map(|s| s.user_name);
                Err(e.into())
            }
            other => Ok(other?),
        }
    }
}
