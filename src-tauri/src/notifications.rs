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
            .body(&as_plain_text(body))
            .show()
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

/// The notifier the commands use, as Tauri state.
pub struct Notifications(pub Box<dyn Notifier>);

/// A body as text the notification service shows as typed. Freedesktop servers read a
/// body's `<b>`, `<a href>`, `<img>` as markup, and a body carries record titles and tenant
/// names someone typed; so `&`, `<` and `>` are escaped there. Elsewhere bodies are plain
/// text already.
fn as_plain_text(body: &str) -> String {
    if cfg!(all(unix, not(target_os = "macos"))) {
        body.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        body.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::as_plain_text;

    #[test]
    #[cfg(all(unix, not(target_os = "macos")))]
    fn markup_typed_into_a_title_is_shown_not_interpreted() {
        assert_eq!(
            as_plain_text("“<a href='file:///etc/passwd'>Klick</a> & <img src=x>” (Müller & Söhne)"),
            "“&lt;a href='file:///etc/passwd'&gt;Klick&lt;/a&gt; &amp; &lt;img src=x&gt;” (Müller &amp; Söhne)"
        );
    }
}
