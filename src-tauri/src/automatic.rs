//! The automatic daily backup while the window runs: tried shortly after start and then
//! every few minutes; the core makes at most one attempt per day. A failure (the USB disk
//! unplugged, a read-only share) is reported as a native notification, not ignored.

use dpo_desk_core::kernel::text::{text, with, Language};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::error::ShellError;
use crate::notifications::Notifications;
use crate::state::AppState;

const FIRST_RUN: Duration = Duration::from_secs(5);
const EVERY: Duration = Duration::from_secs(10 * 60);

pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(FIRST_RUN);
        loop {
            run_once(&app);
            std::thread::sleep(EVERY);
        }
    });
}

fn run_once<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    match state.with_desk(|desk, _| desk.run_automatic_backup()) {
        Ok(Some(path)) => {
            tracing::info!("dpo-desk: automatic backup written to {}", path.display())
        }
        Ok(None) | Err(ShellError::NotOpen) => {}
        Err(e) => {
            // Before anybody signs in there is no user's language: the OS's decides.
            let language = Language::of(sys_locale::get_locale().as_deref());
            // The place, in any language; the notification's text says what to check.
            let reason = match &e {
                ShellError::Core(core) => core.path().map(str::to_string),
                _ => None,
            }
            .unwrap_or_else(|| e.to_string());
            let summary = text(language, "notification-automatic-backup-failed-title");
            let body = with(
                language,
                "notification-automatic-backup-failed-body",
                &[("reason", &reason)],
            );
            if let Err(shown) = app.state::<Notifications>().0.notify(&summary, &body) {
                tracing::error!("dpo-desk: automatic backup failed ({e}) and the notification could not be shown: {shown}");
            }
        }
    }
}
