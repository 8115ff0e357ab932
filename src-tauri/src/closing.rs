//! Closing the window with unsaved changes asks first (nothing typed is lost): the window
//! reports whether a form holds changes; a close request is then held back and the window
//! asked, and it closes only when the person chooses to discard them.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{Emitter, Manager, Runtime, Window, WindowEvent};

/// Whether the window holds changes not yet saved.
#[derive(Default)]
pub struct Unsaved(AtomicBool);

impl Unsaved {
    pub fn set(&self, unsaved: bool) {
        self.0.store(unsaved, Ordering::SeqCst);
    }

    pub fn get(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// The event the window answers with its "discard your changes?" dialog.
pub const CLOSE_REQUESTED: &str = "close-requested";

pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        if window.state::<Unsaved>().get() {
            api.prevent_close();
            let _ = window.emit(CLOSE_REQUESTED, ());
        }
    }
}

#[tauri::command]
pub fn set_unsaved(unsaved: tauri::State<'_, Unsaved>, value: bool) {
    unsaved.set(value);
}

/// The person chose to discard the changes: close for real.
#[tauri::command]
pub fn close_window<R: Runtime>(window: Window<R>, unsaved: tauri::State<'_, Unsaved>) {
    unsaved.set(false);
    let _ = window.close();
}
