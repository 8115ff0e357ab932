//! The support log. What the app reports goes to stderr and to a file in the data folder,
//! `logs/dpo-desk.log.YYYY-MM-DD`, one a day and seven kept: an office without a network can
//! send it to support. Secrets and record contents are never logged.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::fmt::writer::MakeWriterExt;

pub const LOG_DIR: &str = "logs";
const KEPT_FILES: usize = 7;

/// Starts the log; the guard must live as long as the app, or the file misses its tail.
/// Where the folder cannot take a log file, the log goes to stderr alone.
pub fn init(data_dir: &Path) -> Option<WorkerGuard> {
    // The appender prunes old files at once and complains when the folder is not there yet.
    let _ = std::fs::create_dir_all(data_dir.join(LOG_DIR));
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("dpo-desk")
        .filename_suffix("log")
        .max_log_files(KEPT_FILES)
        .build(data_dir.join(LOG_DIR));
    let builder = tracing_subscriber::fmt()
        .with_target(false)
        .with_ansi(false);
    match file {
        Ok(file) => {
            let (writer, guard) = tracing_appender::non_blocking(file);
            let _ = builder.with_writer(std::io::stderr.and(writer)).try_init();
            Some(guard)
        }
        Err(e) => {
            let _ = builder.with_writer(std::io::stderr).try_init();
            tracing::warn!("no log file in {}: {e}", data_dir.display());
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_the_app_reports_lands_in_a_dated_file_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let guard = super::init(dir.path());
        tracing::info!("dpo-desk: ui ready after 5 ms");
        drop(guard);
        let files: Vec<_> = std::fs::read_dir(dir.path().join(super::LOG_DIR))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1);
        let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("dpo-desk.") && name.ends_with(".log"),
            "{name}"
        );
        assert!(std::fs::read_to_string(&files[0])
            .unwrap()
            .contains("ui ready after 5 ms"));
    }
}
