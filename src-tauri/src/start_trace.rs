//! The start of the app, phase by phase, in the log: where the time to the sign-in screen goes
//! (bench/startup.py collects these lines; the README shows their medians).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// The instant the process began its work; the first call fixes it.
pub fn began() -> Instant {
    *STARTED.get_or_init(Instant::now)
}

/// One phase reached, with the milliseconds since the process began.
pub fn mark(phase: &str) {
    tracing::info!(
        "dpo-desk: start trace: {phase} at {} ms",
        began().elapsed().as_millis()
    );
}

/// The page's first command: marked once.
pub fn first_command() {
    static SEEN: AtomicBool = AtomicBool::new(false);
    if !SEEN.swap(true, Ordering::Relaxed) {
        mark("first command from the page");
    }
}
