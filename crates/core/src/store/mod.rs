//! The encrypted SQLite (SQLCipher) file: opening with a key, detecting a wrong key,
//! creating, and bringing the schema up to date.

pub mod attachments;
pub mod audit;
pub mod keys;
pub mod keystore;
pub mod migrations;
pub(crate) mod rows;
pub(crate) mod search_index;
pub mod settings;
pub mod trash;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::kernel::error::{CoreError, CoreResult};
use crate::store::keys::DatabaseKey;

pub const DATABASE_FILE: &str = "dpo-desk.db";

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Kept for the backups, which derive their key from it and copy the file under it.
    key: DatabaseKey,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens an existing database and migrates it; a wrong key or a foreign file is
    /// reported before anything is written.
    pub fn open(path: &Path, key: &DatabaseKey) -> CoreResult<Self> {
        Self::open_with(path, key, &migrations::runner())
    }

    #[doc(hidden)]
    pub fn open_with(
        path: &Path,
        key: &DatabaseKey,
        runner: &refinery::Runner,
    ) -> CoreResult<Self> {
        if !path.is_file() {
            return Err(CoreError::NotInitialized);
        }
        Self::prepare(path, OpenFlags::SQLITE_OPEN_READ_WRITE, key, runner)
    }

    /// Creates a new, empty database at `path` (which must not exist yet).
    pub fn create(path: &Path, key: &DatabaseKey) -> CoreResult<Self> {
        Self::create_with(path, key, &migrations::runner())
    }

    #[doc(hidden)]
    pub fn create_with(
        path: &Path,
        key: &DatabaseKey,
        runner: &refinery::Runner,
    ) -> CoreResult<Self> {
        if path.exists() {
            return Err(CoreError::AlreadyInitialized);
        }
        Self::prepare(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            key,
            runner,
        )
    }

    /// Key, schema check and migrations, then the journal settings: the same for a new
    /// and an existing file.
    fn prepare(
        path: &Path,
        flags: OpenFlags,
        key: &DatabaseKey,
        runner: &refinery::Runner,
    ) -> CoreResult<Self> {
        let conn = Connection::open_with_flags(path, flags)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            key: key.clone(),
        };
        let ready = store
            .unlock(key)
            .and_then(|()| migrations::migrate(&mut store.conn, &store.path, key, runner))
            .and_then(|()| store.tune());
        match ready {
            Ok(()) => Ok(store),
            Err(e) => Err(store.explain(e)),
        }
    }

    fn unlock(&mut self, key: &DatabaseKey) -> CoreResult<()> {
        apply_key(&self.conn, key)?;
        // Before the first read: the app and the command line share the file, and a read
        // may meet the other's checkpoint.
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // A deferred transaction that reads, then writes after the other process committed,
        // fails at once with "database is locked" (the busy timeout cannot help a stale
        // snapshot). Taking the write lock at BEGIN makes it wait its turn instead.
        self.conn
            .set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        // SQLCipher accepts any key; the first read tells whether it was the right one.
        match self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            }) {
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => {
                return Err(CoreError::WrongKey)
            }
            Err(e) => return Err(e.into()),
        }
        self.conn.pragma_update(None, "foreign_keys", true)?;
        Ok(())
    }

    /// Only after the schema check: a refused database must not be touched, and switching
    /// the journal mode writes to the file header.
    fn tune(&self) -> CoreResult<()> {
        // WAL lets the CLI (a scheduled backup, say) work while the app is open.
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        // Every page read from the file is decrypted: a page cache of 32 MiB (the default is
        // 2 MiB) keeps a large tenant's pages decrypted while a copy or an export walks it.
        self.conn.pragma_update(None, "cache_size", -32768)?;
        Ok(())
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Names the cause of a failed database write a person can act on: SQLite reports a
    /// full disk on the write-ahead log as a plain "disk I/O error", but keeps the
    /// system's error number, which tells a full disk and a read-only place apart.
    pub fn explain(&self, error: CoreError) -> CoreError {
        explain(&self.conn, &self.path, error)
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// An empty in-memory stand-in, held while the real file is swapped (restore).
    pub(crate) fn placeholder(path: &Path, key: &DatabaseKey) -> CoreResult<Self> {
        Ok(Store {
            conn: Connection::open_in_memory()?,
            path: path.to_path_buf(),
            key: key.clone(),
        })
    }

    pub(crate) fn key(&self) -> &DatabaseKey {
        &self.key
    }

    pub fn schema_version(&self) -> CoreResult<i64> {
        migrations::applied_version(&self.conn)
    }
}

pub(crate) fn apply_key(conn: &Connection, key: &DatabaseKey) -> CoreResult<()> {
    // A wrong key is an expected event we report ourselves; SQLCipher would also log it
    // to stderr.
    conn.execute_batch(&format!(
        "PRAGMA cipher_log_level = NONE; PRAGMA key = {};",
        key.pragma_value()
    ))?;
    Ok(())
}

/// An encrypted, consistent copy of the open database under the same key, written to a
/// temporary name and renamed so a half-written copy never looks complete.
/// A second, read-only connection to the database, for long reads (a backup's snapshot)
/// that must not hold up the connection the operations use. Under WAL it sees the data as
/// committed when its read begins.
pub(crate) fn open_reader(path: &Path, key: &DatabaseKey) -> CoreResult<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    apply_key(&conn, key)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

/// A read transaction that pins the database file itself. Taken only when the
/// write-ahead log is empty, so the file's bytes are exactly the committed state, and no
/// checkpoint can change them while the transaction lasts (a checkpoint never copies past
/// the place of a reader in the log, and this reader's place is its start). A backup then
/// encrypts the file's pages as they are instead of decrypting and re-encrypting each one.
pub(crate) struct PinnedFile<'c> {
    conn: &'c Connection,
}

impl Drop for PinnedFile<'_> {
    fn drop(&mut self) {
        let _ = self.conn.execute_batch("ROLLBACK");
    }
}

/// Folds the log into the file and pins it on `reader` (see [`PinnedFile`]); `None` when
/// another connection keeps the log busy, and the caller copies page by page instead.
pub(crate) fn pin_file<'c>(
    reader: &'c Connection,
    path: &Path,
    key: &DatabaseKey,
) -> CoreResult<Option<PinnedFile<'c>>> {
    let writer = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    apply_key(&writer, key)?;
    writer.busy_timeout(std::time::Duration::from_secs(2))?;
    let busy: i64 = writer.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    drop(writer);
    if busy != 0 {
        return Ok(None);
    }
    reader.execute_batch("BEGIN")?;
    let pinned = PinnedFile { conn: reader };
    reader.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    // A commit between the checkpoint and the start of the read: the state is partly in the
    // log, so the file alone is not it.
    let log_is_empty = std::fs::metadata(side_file(path, "-wal")).map_or(true, |m| m.len() == 0);
    Ok(log_is_empty.then_some(pinned))
}

/// See [`Store::explain`]; for any connection and the file it writes.
pub(crate) fn explain(conn: &Connection, path: &Path, error: CoreError) -> CoreError {
    use rusqlite::ffi;
    let CoreError::Database(rusqlite::Error::SqliteFailure(failure, _)) = &error else {
        return error;
    };
    let path_text = path.display().to_string();
    if failure.code == ErrorCode::DiskFull {
        return CoreError::DiskFull { path: path_text };
    }
    if failure.extended_code == ffi::SQLITE_READONLY {
        return CoreError::ReadOnly { path: path_text };
    }
    // Only where a system call failed is the error number about this failure; SQLite
    // keeps the last one and never clears it.
    let from_a_system_call = failure.code == ErrorCode::CannotOpen
        || [
            ffi::SQLITE_IOERR_WRITE,
            ffi::SQLITE_IOERR_FSYNC,
            ffi::SQLITE_IOERR_DIR_FSYNC,
            ffi::SQLITE_IOERR_TRUNCATE,
            ffi::SQLITE_IOERR_SHMOPEN,
            ffi::SQLITE_IOERR_SHMSIZE,
            ffi::SQLITE_IOERR_SHMMAP,
        ]
        .contains(&failure.extended_code);
    if !from_a_system_call {
        return error;
    }
    // SAFETY: the handle belongs to a live connection and is only read.
    let errno = unsafe { ffi::sqlite3_system_errno(conn.handle()) };
    if errno == 0 {
        return error;
    }
    match CoreError::io(path, std::io::Error::from_raw_os_error(errno)) {
        CoreError::Io { .. } => error,
        named => named,
    }
}

/// A file SQLite keeps beside the database: its name with `suffix` (`-wal`, `-journal` …).
fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a database file with the journal files SQLite may have left beside it.
pub fn remove_with_journals(path: &Path) {
    let _ = std::fs::remove_file(path);
    for suffix in ["-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(side_file(path, suffix));
    }
}

pub(crate) fn encrypted_copy(src: &Connection, key: &DatabaseKey, target: &Path) -> CoreResult<()> {
    let tmp = target.with_extension("partial");
    remove_with_journals(&tmp);
    {
        // Made by us first, so a missing, full or read-only place is named as such.
        std::fs::File::create(&tmp).map_err(|e| CoreError::io(&tmp, e))?;
        let mut dst = Connection::open(&tmp)?;
        let copied = apply_key(&dst, key).and_then(|()| copy_pages(src, &mut dst));
        if let Err(e) = copied {
            let error = explain(&dst, &tmp, e);
            drop(dst);
            remove_with_journals(&tmp);
            return Err(error);
        }
    }
    std::fs::rename(&tmp, target).map_err(|e| CoreError::io(target, e))?;
    Ok(())
}

/// Every page in one step, under one read transaction: in steps, each commit of another
/// connection restarts the copy, and a steady writer (a script adding records) kept a
/// backup copying for ever (found by the ten-minute two-writers campaign). Readers do not
/// block writers in WAL mode.
fn copy_pages(src: &Connection, dst: &mut Connection) -> CoreResult<()> {
    use rusqlite::backup::{Backup, StepResult};
    let backup = Backup::new(src, dst)?;
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // The source's lock was taken by a writer at that very moment: again, as the
            // busy timeout would.
            _ if std::time::Instant::now() < give_up => {
                std::thread::sleep(std::time::Duration::from_millis(5))
            }
            _ => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    Some("the database stayed busy for 30 seconds".into()),
                )
                .into())
            }
        }
    }
}
