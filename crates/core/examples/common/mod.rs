//! What every core benchmark needs: its options, medians, and a fresh installation with
//! its owner signed in (a `mod` of the examples, not an example of its own).

use std::sync::Arc;
use std::time::Duration;

use dpo_desk_core::desk::installation::{self, SetupRequest};
use dpo_desk_core::store::keystore::MemoryKeyStore;
use dpo_desk_core::{Desk, Session, SystemClock};

/// `--name N` from the command line, or `default`.
#[allow(dead_code)] // not every benchmark takes options
pub fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The median of the samples, in milliseconds.
pub fn median_ms(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

/// A new installation in a temporary folder (removed when the folder is dropped), with the
/// desk and its owner's session.
pub fn installation() -> (tempfile::TempDir, Desk, Session) {
    let dir = tempfile::tempdir().expect("temp dir");
    let created = installation::create(
        dir.path(),
        &SetupRequest {
            office_name: "Benchmark".into(),
            owner_name: "admin".into(),
            owner_password: "Benchmark-2026!".into(),
        },
        &MemoryKeyStore::default(),
        Arc::new(SystemClock),
    )
    .expect("installation");
    let mut desk = created.desk;
    let admin = desk.sign_in("admin", "Benchmark-2026!").expect("sign in");
    (dir, desk, admin)
}
