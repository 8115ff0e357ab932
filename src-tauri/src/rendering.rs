//! How WebKitGTK draws the window on Linux.
//!
//! By default WebKitGTK composites every page with OpenGL. Where no GPU driver is at hand
//! (a virtual machine, an old office PC, Mesa's software renderer, Xvfb) each change of the
//! page's layers then holds the next frame back by 300–600 ms: the dashboard after a
//! tenant switch was painted after 390 ms although its DOM was ready after 30 ms. The
//! app's pages are forms and lists, which WebKit draws without compositing at full speed;
//! Evolution and Eclipse turn compositing off on GTK 3 as well (they saw blank views on some
//! drivers). `DPO_DESK_GPU_COMPOSITING=1` keeps WebKit's default, and whoever sets
//! `WEBKIT_DISABLE_COMPOSITING_MODE` themselves keeps their value. Programs the app opens
//! (a link, a document) inherit the variable: a WebKitGTK browser opened that way draws the
//! same way, which costs it nothing visible. Taking the variable out of the environment once
//! WebKit has read it would race with other threads reading the environment.

/// The variable WebKitGTK reads when its first web view is created.
#[cfg(target_os = "linux")]
const WEBKIT_VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// Ours, for a machine where compositing with the GPU works better.
#[cfg(target_os = "linux")]
const OPT_OUT: &str = "DPO_DESK_GPU_COMPOSITING";

/// Call first in `main`, before any thread starts: the environment is process-wide.
pub fn draw_without_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(WEBKIT_VARIABLE).is_none()
        && std::env::var_os(OPT_OUT).is_none_or(|v| v != "1")
    {
        std::env::set_var(WEBKIT_VARIABLE, "1");
    }
}
