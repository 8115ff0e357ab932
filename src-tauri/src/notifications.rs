//! Native OS notifications behind a small trait, so tests can observe what would be shown.

/// Shows a notification; an error says why the OS would not show it.
pub trait Notifier: Send + Sync {
    fn notify(&self, summary: &str, body: &str) -> Result<(), String>;
}

/// The desktop's notification service (freedesktop D-Bus on Linux, Notification Center
/// on macOS, toast notifications on Windows).
pub struct NativeNotifier;

impl Notifier for NativeNotifier {
    fn notify(&self, summary: &str, body: &str) -> Result<(), String> {
        notify_rust::Notification::new()
            .appname("DPO Desk")
            .summary(summary)
            .body(body)
            .show()
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

/// The notifier the commands use, as Tauri state.
pub struct Notifications(pub Box<dyn Notifier>);
