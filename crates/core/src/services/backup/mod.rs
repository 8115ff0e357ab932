//! Backups (SPEC §10): one for the whole installation, kept inside the app (at most 7) or
//! written to an outside folder, downloaded through the save dialog or the CLI, restored
//! whole or by module, read as CSV as of their date. The file format is in `file`; the
//! reminder rule in `escalation`; the operations a client calls are on `Desk`
//! (`desk::backups`).

pub mod browse;
pub mod escalation;
pub mod file;
pub mod modules;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};

pub use modules::BackupModule;

/// Backups kept inside the app at most; the next one is refused (SPEC §10).
pub const MAX_IN_APP: usize = 7;
/// Days an automatic backup is kept in the outside folder.
pub const KEEP_OUTSIDE_DAYS: i64 = 7;
pub const BACKUP_DIR: &str = "backups";

/// A backup as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupEntry {
    pub id: i64,
    pub file_name: String,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub size: i64,
    pub automatic: bool,
    /// When it was first saved outside the app; `None` while it is only inside.
    pub downloaded_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, file_name, created_at, created_by, size, automatic, downloaded_at";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BackupEntry> {
    Ok(BackupEntry {
        id: r.get(0)?,
        file_name: r.get(1)?,
        created_at: r.get(2)?,
        created_by: r.get(3)?,
        size: r.get(4)?,
        automatic: r.get(5)?,
        downloaded_at: r.get(6)?,
    })
}

pub(crate) fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

/// The backups kept inside the app, newest first.
pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<BackupEntry>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM backups WHERE stored_in_app = 1 ORDER BY created_at DESC, id DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn in_app(conn: &Connection, id: i64) -> CoreResult<BackupEntry> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM backups WHERE id = ?1 AND stored_in_app = 1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::validation("backup", "unknown", format!("no backup with id {id}")))
}

/// When the newest backup that also exists outside the app was made: the reminder
/// interval counts from there.
pub(crate) fn last_downloaded(conn: &Connection) -> CoreResult<Option<DateTime<Utc>>> {
    Ok(conn.query_row(
        "SELECT MAX(created_at) FROM backups WHERE downloaded_at IS NOT NULL",
        [],
        |r| r.get(0),
    )?)
}

pub(crate) fn insert(
    conn: &Connection,
    file_name: &str,
    stored_in_app: bool,
    header: &file::BackupHeader,
    size: u64,
    downloaded_at: Option<DateTime<Utc>>,
) -> CoreResult<i64> {
    conn.execute(
        "INSERT INTO backups (file_name, stored_in_app, created_at, created_by, size, automatic, downloaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![file_name, stored_in_app, header.created_at, header.created_by, size as i64, header.automatic, downloaded_at],
    )?;
    Ok(conn.last_insert_rowid())
}

/// At start: what an interrupted backup or restore left behind goes (temporary files), and
/// a listed backup whose file is gone is no longer listed. Files are never deleted here
/// unless they are unfinished.
/// Whether a backup is being written right now, by this or another process on the same data
/// folder (the app and the command line): its job holds a lock on its reservation file.
fn backup_in_progress(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|entry| {
        entry.file_name().to_string_lossy().ends_with(".reserved")
            && std::fs::File::open(entry.path())
                .is_ok_and(|file| matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock)))
    })
}

/// A marker file, created and locked for as long as the work it marks: another process
/// sees the work in progress (`backup_in_progress`) and leaves its working files alone.
/// The marker goes when the work does. Where it cannot be made, the work goes on unmarked.
pub(crate) struct Held {
    marker: PathBuf,
    _lock: Option<std::fs::File>,
}

pub(crate) fn hold(marker: PathBuf) -> Held {
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&marker)
        .and_then(|file| file.lock().map(|()| file))
        .ok();
    Held {
        marker,
        _lock: lock,
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.marker);
    }
}

/// Removes what an interrupted backup or restore left behind. While another process writes
/// a backup into the same folder, its working files are its own and stay.
pub(crate) fn tidy(conn: &Connection, data_dir: &Path) -> CoreResult<()> {
    let dir = dir(data_dir);
    let writing = backup_in_progress(&dir);
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with('.')
                && (name.ends_with(".part")
                    || name.ends_with(".reserved")
                    || name.contains(".snapshot-")
                    || name.ends_with(".partial"))
                && !writing
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    // A restore (or a read of a backup) in another process holds its staged copy here.
    let restoring = backup_in_progress(data_dir);
    if let Ok(entries) = std::fs::read_dir(data_dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if (name.starts_with(".restore-") || name.starts_with("..restore-")) && !restoring {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    for entry in list(conn)? {
        if !dir.join(&entry.file_name).is_file() {
            conn.execute("DELETE FROM backups WHERE id = ?1", [entry.id])?;
        }
    }
    Ok(())
}

/// Copies a finished file to `target` under a temporary name, synced, then renamed.
pub(crate) fn copy_atomically(source: &Path, target: &Path) -> CoreResult<()> {
    let temp = file::partial_name(target);
    let result = (|| -> std::io::Result<()> {
        std::fs::copy(source, &temp)?;
        std::fs::File::open(&temp)?.sync_all()?;
        std::fs::rename(&temp, target)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(CoreError::io(target, e));
    }
    file::sync_dir(target);
    Ok(())
}
