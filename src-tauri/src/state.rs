//! What the window's process holds: the data folder, the opened installation (if any) and
//! the signed-in session (if any). Commands go through `with_session`, which also ends a
//! session the core reports as expired.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use dpo_desk_core::desk::client::{Phase, StartupState};
use dpo_desk_core::desk::installation::{self, Opening};
use dpo_desk_core::store::keystore::KeyStore;
use dpo_desk_core::{Clock, CoreError, CoreResult, Desk, ErrorPayload, Session};

use crate::error::{ShellError, ShellResult};

pub enum Stage {
    /// The keyring and the database are being opened on a thread of their own.
    Opening,
    Failed(ErrorPayload),
    Setup,
    RecoveryKey {
        keyring_error: Option<String>,
    },
    Open {
        desk: Box<Desk>,
        session: Option<Session>,
        locked_user: Option<String>,
    },
}

pub struct AppState {
    pub data_dir: PathBuf,
    pub keystore: Arc<dyn KeyStore>,
    pub clock: Arc<dyn Clock>,
    stage: Arc<(Mutex<Stage>, Condvar)>,
}

impl AppState {
    /// Opens the installation in `data_dir` as far as it can without asking anyone. A
    /// failure is kept and shown in the window.
    pub fn start(data_dir: PathBuf, keystore: Arc<dyn KeyStore>, clock: Arc<dyn Clock>) -> Self {
        let stage = Self::opened(&data_dir, keystore.as_ref(), clock.clone());
        AppState {
            data_dir,
            keystore,
            clock,
            stage: Arc::new((Mutex::new(stage), Condvar::new())),
        }
    }

    /// As `start`, but the opening runs on a thread of its own while the window starts;
    /// every use of the stage waits until it is done.
    pub fn start_in_background(
        data_dir: PathBuf,
        keystore: Arc<dyn KeyStore>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let state = AppState {
            data_dir,
            keystore,
            clock,
            stage: Arc::new((Mutex::new(Stage::Opening), Condvar::new())),
        };
        let (dir, keys, clock) = (
            state.data_dir.clone(),
            state.keystore.clone(),
            state.clock.clone(),
        );
        let shared = state.stage.clone();
        std::thread::spawn(move || {
            let stage = Self::opened(&dir, keys.as_ref(), clock);
            crate::start_trace::mark("installation opened (keyring, database, migrations check)");
            let (lock, opened) = &*shared;
            *lock.lock().unwrap_or_else(|p| p.into_inner()) = stage;
            opened.notify_all();
        });
        state
    }

    fn opened(data_dir: &std::path::Path, keystore: &dyn KeyStore, clock: Arc<dyn Clock>) -> Stage {
        match installation::open(data_dir, keystore, clock) {
            Ok(Opening::NeedsSetup) => Stage::Setup,
            Ok(Opening::NeedsRecoveryKey { keyring_error }) => Stage::RecoveryKey { keyring_error },
            Ok(Opening::Ready(desk)) => Stage::Open {
                desk: Box::new(desk),
                session: None,
                locked_user: None,
            },
            Err(e) => {
                tracing::error!(
                    "dpo-desk: cannot open {}: {e} [{}]",
                    data_dir.display(),
                    e.code()
                );
                Stage::Failed(e.payload())
            }
        }
    }

    /// The stage, once the installation has been opened.
    pub fn stage(&self) -> MutexGuard<'_, Stage> {
        let (lock, opened) = &*self.stage;
        // A panic while holding the lock leaves the state as it was written; keep serving.
        let mut stage = lock.lock().unwrap_or_else(|p| p.into_inner());
        while matches!(*stage, Stage::Opening) {
            stage = opened.wait(stage).unwrap_or_else(|p| p.into_inner());
        }
        stage
    }

    pub fn startup_state(&self) -> ShellResult<StartupState> {
        let os_locale = sys_locale::get_locale();
        let data_dir = self.data_dir.display().to_string();
        let mut stage = self.stage();
        Ok(match &mut *stage {
            Stage::Failed(payload) => return Err(ShellError::Startup(payload.clone())),
            // `stage()` waits until the opening is done; kept for the match alone.
            Stage::Opening => return Err(ShellError::NotOpen),
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
            Stage::Open {
                desk,
                session,
                locked_user,
            } => {
                let info = match session.as_mut() {
                    Some(s) => match desk.session_info(s) {
                        Ok(info) => Some(info),
                        Err(CoreError::SessionExpired { .. }) => {
                            *locked_user = session.take().map(|s| s.user_name().to_string());
                            None
                        }
                        Err(e) => return Err(e.into()),
                    },
                    None => None,
                };
                StartupState {
                    phase: if info.is_some() {
                        Phase::SignedIn
                    } else {
                        Phase::SignIn
                    },
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
    pub fn with_desk<T>(
        &self,
        f: impl FnOnce(&mut Desk, &mut Option<Session>) -> CoreResult<T>,
    ) -> ShellResult<T> {
        let mut stage = self.stage();
        match &mut *stage {
            Stage::Open {
                desk,
                session,
                locked_user,
            } => {
                let result = f(desk, session).map_err(|e| desk.explain(e));
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
    pub fn with_session<T>(
        &self,
        f: impl FnOnce(&mut Desk, &mut Session) -> CoreResult<T>,
    ) -> ShellResult<T> {
        long_work(|| self.with_session_here(f))
    }

    fn with_session_here<T>(
        &self,
        f: impl FnOnce(&mut Desk, &mut Session) -> CoreResult<T>,
    ) -> ShellResult<T> {
        let mut stage = self.stage();
        let Stage::Open {
            desk,
            session,
            locked_user,
        } = &mut *stage
        else {
            return Err(ShellError::NotOpen);
        };
        let Some(current) = session.as_mut() else {
            return Err(CoreError::SessionRequired.into());
        };
        match f(desk, current).map_err(|e| desk.explain(e)) {
            Err(
                e @ (CoreError::SessionExpired { .. }
                | CoreError::UserDeactivated
                | CoreError::SessionRequired),
            ) => {
                *locked_user = session.take().map(|s| s.user_name().to_string());
                Err(e.into())
            }
            other => Ok(other?),
        }
    }
}

/// Runs work that may block (waiting for the desk, writing a backup, laying out a PDF) so
/// that the runtime's other tasks move to another thread meanwhile: the window's quick calls
/// keep answering while long jobs run. Outside the runtime (tests) it simply runs `f`.
pub fn long_work<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpo_desk_core::desk::client::Phase;
    use dpo_desk_core::desk::installation::SetupRequest;
    use dpo_desk_core::store::keystore::{MemoryKeyStore, NoKeyStore};
    use dpo_desk_core::store::settings::SettingKey;
    use dpo_desk_core::FixedClock;

    fn clock() -> Arc<FixedClock> {
        Arc::new(FixedClock::new("2026-03-02T09:00:00Z".parse().unwrap()))
    }

    fn install(dir: &std::path::Path, keystore: &dyn KeyStore, clock: Arc<FixedClock>) -> String {
        let request = SetupRequest {
            office_name: "Kanzlei".into(),
            owner_name: "anna".into(),
            owner_password: "Datenschutz-2026!".into(),
        };
        installation::create(dir, &request, keystore, clock)
            .unwrap()
            .recovery_key
            .display()
    }

    /// A keyring that answers only when the test lets it, as a Secret Service over D-Bus may
    /// keep a start waiting.
    struct HeldKeyring(MemoryKeyStore, Mutex<std::sync::mpsc::Receiver<()>>);

    impl KeyStore for HeldKeyring {
        fn load(
            &self,
            installation_id: &str,
        ) -> CoreResult<Option<dpo_desk_core::store::keys::DatabaseKey>> {
            let _ = self.1.lock().unwrap().recv();
            self.0.load(installation_id)
        }
        fn save(
            &self,
            installation_id: &str,
            key: &dpo_desk_core::store::keys::DatabaseKey,
        ) -> CoreResult<()> {
            self.0.save(installation_id, key)
        }
        fn delete(&self, installation_id: &str) -> CoreResult<()> {
            self.0.delete(installation_id)
        }
    }

    #[test]
    fn a_state_opened_beside_the_window_answers_the_page_once_the_database_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let keys = MemoryKeyStore::default();
        install(dir.path(), &keys, clock());
        let (release, held) = std::sync::mpsc::channel();
        let keyring = Arc::new(HeldKeyring(keys, Mutex::new(held)));
        // The start returns while the keyring still holds the opening back (a start that
        // waited for it would never return here: the guard below turns that into a failure).
        let (started, returned) = std::sync::mpsc::channel();
        let path = dir.path().to_path_buf();
        std::thread::spawn(move || {
            let _ = started.send(AppState::start_in_background(path, keyring, clock()));
        });
        let state = returned
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the start does not wait for the keyring");
        release.send(()).unwrap();
        let s = state.startup_state().unwrap();
        assert_eq!(
            (s.phase, s.office_name.as_deref()),
            (Phase::SignIn, Some("Kanzlei")),
            "the first command waits for the opening instead of finding nothing open"
        );
    }

    #[test]
    fn phases_follow_the_installation_and_the_keyring() {
        let dir = tempfile::tempdir().unwrap();
        let keystore: Arc<dyn KeyStore> = Arc::new(MemoryKeyStore::default());
        let state = AppState::start(dir.path().into(), keystore.clone(), clock());
        assert_eq!(state.startup_state().unwrap().phase, Phase::Setup);

        install(dir.path(), keystore.as_ref(), clock());
        let state = AppState::start(dir.path().into(), keystore, clock());
        let s = state.startup_state().unwrap();
        assert_eq!(
            (s.phase, s.office_name.as_deref()),
            (Phase::SignIn, Some("Kanzlei"))
        );

        let state = AppState::start(dir.path().into(), Arc::new(NoKeyStore), clock());
        let s = state.startup_state().unwrap();
        assert_eq!(s.phase, Phase::RecoveryKey);
        assert!(s.keyring_error.is_some());
    }

    #[test]
    fn an_expired_session_is_ended_and_its_user_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let keystore: Arc<dyn KeyStore> = Arc::new(MemoryKeyStore::default());
        let clock = clock();
        install(dir.path(), keystore.as_ref(), clock.clone());
        let state = AppState::start(dir.path().into(), keystore, clock.clone());
        state
            .with_desk(|desk, session| {
                *session = Some(desk.sign_in("anna", "Datenschutz-2026!")?);
                Ok(())
            })
            .unwrap();
        assert_eq!(state.startup_state().unwrap().phase, Phase::SignedIn);
        let idle = state
            .with_session(|desk, s| desk.setting(s, SettingKey::IdleLockMinutes))
            .unwrap();

        clock.advance(chrono::Duration::minutes(idle + 1));
        let err = state.with_session(|desk, s| desk.dashboard(s)).unwrap_err();
        assert_eq!(err.payload().code, "session_expired");
        let s = state.startup_state().unwrap();
        assert_eq!(s.phase, Phase::SignIn);
        assert_eq!(s.locked_user.as_deref(), Some("anna"));
        assert_eq!(
            state
                .with_session(|desk, s| desk.dashboard(s))
                .unwrap_err()
                .payload()
                .code,
            "session_required"
        );
    }

    #[test]
    fn a_failed_start_is_reported_by_startup_state_with_its_code() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(dpo_desk_core::store::DATABASE_FILE),
            b"not a database at all",
        )
        .unwrap();
        std::fs::write(
            dir.path().join(installation::MANIFEST_FILE),
            br#"{"format":1,"installation_id":"x"}"#,
        )
        .unwrap();
        let keystore = MemoryKeyStore::default();
        keystore
            .save(
                "x",
                &dpo_desk_core::store::keys::RecoveryKey::generate().database_key(),
            )
            .unwrap();
        let state = AppState::start(dir.path().into(), Arc::new(keystore), clock());
        // A foreign file does not open with the stored key: the recovery key is asked for.
        assert_eq!(state.startup_state().unwrap().phase, Phase::RecoveryKey);

        state.set_stage(Stage::Failed(
            CoreError::SchemaTooNew {
                found: 9,
                supported: 1,
            }
            .payload(),
        ));
        let err = state.startup_state().unwrap_err();
        assert_eq!(err.payload().code, "schema_too_new");
        assert_eq!(err.payload().params["found"], "9");
    }
}
