//! The backup operations every client calls, each through the gate.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Local, Utc};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::services::backup::escalation::BackupLevel;
use crate::services::backup::file::{self, BackupHeader, NewBackup};
use crate::services::backup::{self as backup, modules, BackupEntry, BackupModule, MAX_IN_APP};
use crate::store::audit::{self, Change};
use crate::store::keys::DatabaseKey;
use crate::store::settings;
use crate::store::{self, Store};
use crate::Desk;

const AUTO_FOLDER_KEY: &str = "backup.auto_folder";
const AUTO_ERROR_KEY: &str = "backup.auto_last_error";
const AUTO_ATTEMPT_KEY: &str = "backup.auto_last_attempt";
/// The creator named in automatic backups: the installation itself, not a person.
const AUTOMATIC: &str = "automatic";

/// The automatic daily backup (SPEC §10): off while `folder` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AutomaticBackup {
    pub folder: Option<String>,
    pub last_run: Option<DateTime<Utc>>,
    /// Why the last run failed (a missing or read-only folder), until one succeeds.
    pub last_error: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    pub backup: BackupHeader,
    /// The module restored; `None` for a full restore.
    pub module: Option<BackupModule>,
    /// The backup of the state before the restore.
    pub safety_backup: String,
}

fn audit_backup(
    conn: &rusqlite::Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    action: &str,
    object_id: Option<String>,
    new: serde_json::Value,
) -> CoreResult<()> {
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action,
            object_type: ObjectType::Backup.as_str(),
            object_id,
            old: None,
            new: Some(new),
        },
    )
}

/// `dpo-desk-2026-03-02-090000.dpobackup`, with `-2`, `-3` … when that second is taken.
/// The name is reserved by a marker made with `create_new`, so two backups started in the
/// same second (a job of the window and the CLI's, say) never write the same file; the
/// job removes the marker when it is done.
fn free_name(folder: &Path, now: DateTime<Utc>) -> (String, PathBuf) {
    let base = format!("dpo-desk-{}", stamp(now));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{base}.{}", file::EXTENSION)
        } else {
            format!("{base}-{n}.{}", file::EXTENSION)
        };
        let path = folder.join(&name);
        if !path.exists() {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(reservation(&path))
            {
                Ok(_) => return (name, path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                // A folder that is missing or read-only: writing the backup says so.
                Err(_) => return (name, path),
            }
        }
        n += 1;
    }
}

/// A backup decrypted beside the live database for a restore or a read: marked while it
/// lives, so a start of the app or the command line leaves it alone (`backup::tidy`), and
/// removed with its journals when it goes (after a full restore it is the live database
/// already, under the live name).
struct Staged {
    path: PathBuf,
    _held: backup::Held,
}

impl Staged {
    fn beside(data_dir: &Path) -> Staged {
        let path = data_dir.join(format!(".restore-{}.db", uuid::Uuid::new_v4()));
        Staged {
            _held: backup::hold(file::beside(&path, "reserved")),
            path,
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        store::remove_with_journals(&self.path);
    }
}

/// The marker that reserves a backup's file name while it is written.
fn reservation(target: &Path) -> PathBuf {
    file::beside(target, "reserved")
}

fn stamp(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d-%H%M%S")
        .to_string()
}

/// A backup to be written: everything it needs, so it can run on its own connection to
/// the database while the desk serves other calls (SQLite's WAL gives it a consistent
/// view of the committed data).
pub struct BackupJob {
    database: PathBuf,
    key: DatabaseKey,
    snapshot: PathBuf,
    target: PathBuf,
    installation_id: String,
    office_name: String,
    created_by: String,
    created_at: DateTime<Utc>,
    schema_version: i64,
    automatic: bool,
}

/// A backup file a job has written.
pub struct WrittenBackup {
    path: PathBuf,
    header: BackupHeader,
    size: u64,
}

impl WrittenBackup {
    fn file_name(&self) -> CoreResult<String> {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                CoreError::validation("backup", "unknown", "the backup has no file name")
            })
    }
}

/// Reading a backup file completely and checking every byte.
pub struct VerifyJob {
    path: PathBuf,
    key: DatabaseKey,
}

impl VerifyJob {
    pub fn run(self, progress: &mut dyn FnMut(u64, u64)) -> CoreResult<BackupHeader> {
        file::decrypt(&self.path, &self.key.backup_key(), None, progress)
    }
}

impl BackupJob {
    /// Snapshots the database (consistent, still encrypted under the database key) through
    /// a connection of its own and encrypts it into the backup file: the database file
    /// itself, pinned by a read transaction, or a copy made page by page.
    pub fn run(self, progress: &mut dyn FnMut(u64, u64)) -> CoreResult<WrittenBackup> {
        let folder = self.target.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(self.snapshot.parent().expect("in the backup folder"))
            .map_err(|e| CoreError::io(&self.snapshot, e))?;
        if !folder.is_dir() {
            return Err(CoreError::io(
                folder,
                std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
            ));
        }
        // Held while the job writes: a start of the app or the command line on the same folder
        // sees the backup in progress and leaves its working files alone (`backup::tidy`).
        // The snapshot is in the app's backup folder even when the backup goes elsewhere, so
        // it is marked there too (found by the two-writers campaign: a CLI start removed the
        // window's snapshot of a backup into an outside folder).
        let _writing = backup::hold(reservation(&self.target));
        let _snapshotting = backup::hold(reservation(&self.snapshot));
        let result = (|| {
            let new = NewBackup {
                installation_id: &self.installation_id,
                office_name: &self.office_name,
                created_at: self.created_at,
                created_by: &self.created_by,
                schema_version: self.schema_version,
                automatic: self.automatic,
            };
            let backup_key = self.key.backup_key();
            let reader = store::open_reader(&self.database, &self.key)?;
            // The file's own pages when they are the committed state (issue "fast on an old
            // office PC"); else a consistent copy page by page, as another connection keeps
            // the log busy.
            if let Some(pinned) = store::pin_file(&reader, &self.database, &self.key)? {
                let written =
                    file::write(&self.target, &backup_key, &new, &self.database, progress);
                drop(pinned);
                return written;
            }
            store::encrypted_copy(&reader, &self.key, &self.snapshot)?;
            drop(reader);
            file::write(&self.target, &backup_key, &new, &self.snapshot, progress)
        })();
        store::remove_with_journals(&self.snapshot);
        let (header, size) = result?;
        Ok(WrittenBackup {
            path: self.target,
            header,
            size,
        })
    }
}

impl Desk {
    /// What writing a backup into `target` needs, taken from the open installation so the
    /// writing itself can run without it.
    fn backup_job(
        &self,
        created_by: &str,
        now: DateTime<Utc>,
        target: &Path,
        automatic: bool,
    ) -> CoreResult<BackupJob> {
        Ok(BackupJob {
            database: self.store.path().to_path_buf(),
            key: self.store.key().clone(),
            snapshot: self
                .data_dir
                .join(backup::BACKUP_DIR)
                .join(format!(".snapshot-{}.db", uuid::Uuid::new_v4())),
            target: target.to_path_buf(),
            installation_id: self.installation_id()?,
            office_name: self.office_name()?,
            created_by: created_by.to_string(),
            created_at: now,
            schema_version: self.store.schema_version()?,
            automatic,
        })
    }

    /// Snapshots the database and encrypts it into `target`, holding the desk throughout
    /// (the safety backup before a restore, the automatic backup, the CLI).
    fn write_backup(
        &self,
        created_by: &str,
        now: DateTime<Utc>,
        target: &Path,
        automatic: bool,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<(BackupHeader, u64)> {
        let written = self
            .backup_job(created_by, now, target, automatic)?
            .run(progress)?;
        Ok((written.header, written.size))
    }

    /// The native notification due for this user now, if any, noted as given: at most one
    /// per level and local day (SPEC §10). The window asks at sign-in and then now and then.
    pub fn backup_reminder(&mut self, session: &mut Session) -> CoreResult<Option<BackupLevel>> {
        let (user, now) = self.gate(session, Operation::BackupReminder)?;
        let level = self.backup_status(now)?.level;
        let sees_backups = self.sees_backups(&user)?;
        let day = now.with_timezone(&Local).date_naive().to_string();
        let conn = self.store.conn();
        let already: Vec<BackupLevel> = conn
            .prepare("SELECT level FROM backup_notifications WHERE user_id = ?1 AND day = ?2")?
            .query_map(rusqlite::params![user.id, day], |r| r.get::<_, String>(0))?
            .filter_map(|l| l.ok().and_then(|l| BackupLevel::parse(&l)))
            .collect();
        let due = backup::escalation::due_notification(level, sees_backups, &already);
        if let Some(level) = due {
            conn.execute("INSERT OR IGNORE INTO backup_notifications (user_id, level, day) VALUES (?1, ?2, ?3)", rusqlite::params![user.id, level.as_str(), day])?;
        }
        Ok(due)
    }

    /// The backups kept inside the app, newest first.
    pub fn backups(&self, session: &mut Session) -> CoreResult<Vec<BackupEntry>> {
        self.gate(session, Operation::ListBackups)?;
        backup::list(self.store.conn())
    }

    /// A new backup inside the app; the eighth is refused until older ones are deleted.
    pub fn create_backup(
        &mut self,
        session: &mut Session,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<BackupEntry> {
        let job = self.start_backup(session)?;
        let written = job.run(progress)?;
        self.finish_backup(session, written)
    }

    /// The first step of a backup inside the app: checks the right and the limit and
    /// returns the job. The window runs the job without holding the desk, so the other
    /// screens keep answering while it writes, then calls `finish_backup`.
    pub fn start_backup(&mut self, session: &mut Session) -> CoreResult<BackupJob> {
        let (user, now) = self.gate(session, Operation::CreateBackup)?;
        if backup::list(self.store.conn())?.len() >= MAX_IN_APP {
            return Err(CoreError::BackupLimit { max: MAX_IN_APP });
        }
        let folder = backup::dir(&self.data_dir);
        std::fs::create_dir_all(&folder).map_err(|e| CoreError::io(&folder, e))?;
        let (_, target) = free_name(&folder, now);
        self.backup_job(&user.name, now, &target, false)
    }

    /// Records a backup a job has written into the app's folder. Another backup finished
    /// meanwhile may have reached the limit: then this one is removed and refused.
    pub fn finish_backup(
        &mut self,
        session: &mut Session,
        written: WrittenBackup,
    ) -> CoreResult<BackupEntry> {
        let (user, now) = self.gate(session, Operation::CreateBackup)?;
        let file_name = written.file_name()?;
        if written.path.parent() != Some(backup::dir(&self.data_dir).as_path()) {
            return Err(CoreError::validation(
                "backup",
                "unknown",
                "the backup was not written into the app",
            ));
        }
        if backup::list(self.store.conn())?.len() >= MAX_IN_APP {
            let _ = std::fs::remove_file(&written.path);
            return Err(CoreError::BackupLimit { max: MAX_IN_APP });
        }
        let tx = self.store.conn_mut().transaction()?;
        let id = backup::insert(&tx, &file_name, true, &written.header, written.size, None)?;
        audit_backup(
            &tx,
            now,
            &user,
            "create",
            Some(id.to_string()),
            json!({ "file": file_name, "size": written.size }),
        )?;
        let entry = backup::in_app(&tx, id)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Saves a copy of a backup outside the app (the save dialog's or the CLI's target):
    /// this is what resets the reminder.
    pub fn download_backup(
        &mut self,
        session: &mut Session,
        id: i64,
        target: &Path,
    ) -> CoreResult<BackupEntry> {
        let (user, now) = self.gate(session, Operation::DownloadBackup)?;
        let entry = backup::in_app(self.store.conn(), id)?;
        backup::copy_atomically(&backup::dir(&self.data_dir).join(&entry.file_name), target)?;
        let tx = self.store.conn_mut().transaction()?;
        tx.execute(
            "UPDATE backups SET downloaded_at = COALESCE(downloaded_at, ?1) WHERE id = ?2",
            rusqlite::params![now, id],
        )?;
        audit_backup(
            &tx,
            now,
            &user,
            "download",
            Some(id.to_string()),
            json!({ "file": entry.file_name, "to": target.display().to_string() }),
        )?;
        let entry = backup::in_app(&tx, id)?;
        tx.commit()?;
        Ok(entry)
    }

    pub fn delete_backup(&mut self, session: &mut Session, id: i64) -> CoreResult<()> {
        let (user, now) = self.gate(session, Operation::DeleteBackup)?;
        let entry = backup::in_app(self.store.conn(), id)?;
        let tx = self.store.conn_mut().transaction()?;
        tx.execute("UPDATE backups SET stored_in_app = 0 WHERE id = ?1", [id])?;
        audit_backup(
            &tx,
            now,
            &user,
            "delete",
            Some(id.to_string()),
            json!({ "file": entry.file_name }),
        )?;
        tx.commit()?;
        // The row stays (a downloaded backup still counts for the reminder); the file goes
        // after the commit, so a crash leaves at most an unlisted file.
        let path = backup::dir(&self.data_dir).join(&entry.file_name);
        std::fs::remove_file(&path).map_err(|e| CoreError::io(&path, e))?;
        Ok(())
    }

    /// The path of a backup kept inside the app (for "download" through a dialog).
    pub fn backup_file_name(&self, session: &mut Session, id: i64) -> CoreResult<String> {
        self.gate(session, Operation::ListBackups)?;
        Ok(backup::in_app(self.store.conn(), id)?.file_name)
    }

    /// The automatic (or scheduled) backup into an outside folder: counts as downloaded;
    /// older automatic backups of this installation in that folder go after 7 days.
    pub fn create_backup_in(
        &mut self,
        session: &mut Session,
        folder: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<PathBuf> {
        let (user, now) = self.gate(session, Operation::CreateBackup)?;
        let path = self.backup_outside(&user.name, Some(&user), now, folder, progress)?;
        // A successful run into the automatic folder also clears its last error.
        if settings::get_raw(self.store.conn(), AUTO_FOLDER_KEY)?.as_deref()
            == Some(&folder.display().to_string())
        {
            settings::delete_raw(self.store.conn(), AUTO_ERROR_KEY)?;
        }
        Ok(path)
    }

    /// Writes a backup into an outside folder and records it as downloaded.
    fn backup_outside(
        &mut self,
        created_by: &str,
        user: Option<&UserRecord>,
        now: DateTime<Utc>,
        folder: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<PathBuf> {
        let (file_name, target) = free_name(folder, now);
        let (header, size) = self.write_backup(created_by, now, &target, true, progress)?;
        let tx = self.store.conn_mut().transaction()?;
        let id = backup::insert(&tx, &file_name, false, &header, size, Some(now))?;
        let new = json!({ "file": target.display().to_string(), "size": size });
        match user {
            Some(user) => {
                audit_backup(&tx, now, user, "create_outside", Some(id.to_string()), new)?
            }
            None => audit::record(
                &tx,
                now,
                None,
                Change {
                    action: "create_automatic",
                    object_type: ObjectType::Backup.as_str(),
                    object_id: Some(id.to_string()),
                    old: None,
                    new: Some(new),
                },
            )?,
        }
        tx.commit()?;
        self.prune_outside(folder, &header.installation_id, now);
        Ok(target)
    }

    /// The automatic daily backup's folder and how its last run went.
    pub fn automatic_backup(&self, session: &mut Session) -> CoreResult<AutomaticBackup> {
        self.gate(session, Operation::ViewSettings)?;
        self.automatic_backup_state()
    }

    fn automatic_backup_state(&self) -> CoreResult<AutomaticBackup> {
        let conn = self.store.conn();
        let last_run: Option<DateTime<Utc>> =
            conn.query_row("SELECT MAX(created_at) FROM backups WHERE automatic = 1 AND stored_in_app = 0 AND created_by = ?1", [AUTOMATIC], |r| r.get(0))?;
        Ok(AutomaticBackup {
            folder: settings::get_raw(conn, AUTO_FOLDER_KEY)?,
            last_run,
            last_error: settings::get_raw(conn, AUTO_ERROR_KEY)?,
        })
    }

    /// Turns the automatic daily backup on (into `folder`, which must exist) or off.
    pub fn set_automatic_backup(
        &mut self,
        session: &mut Session,
        folder: Option<&Path>,
    ) -> CoreResult<AutomaticBackup> {
        let (user, now) = self.gate(session, Operation::EditSettings)?;
        let conn = self.store.conn();
        match folder {
            Some(folder) => {
                if !folder.is_dir() {
                    return Err(CoreError::validation(
                        "backup_folder",
                        "missing",
                        format!("{} is not a folder", folder.display()),
                    ));
                }
                settings::put_raw(conn, AUTO_FOLDER_KEY, &folder.display().to_string())?;
            }
            None => settings::delete_raw(conn, AUTO_FOLDER_KEY)?,
        }
        // A new choice is tried at the next run, even on a day that already had an attempt.
        settings::delete_raw(conn, AUTO_ERROR_KEY)?;
        settings::delete_raw(conn, AUTO_ATTEMPT_KEY)?;
        audit::record(
            conn,
            now,
            Some(&user.actor()),
            Change {
                action: "update",
                object_type: "settings",
                object_id: Some(AUTO_FOLDER_KEY.into()),
                old: None,
                new: Some(json!({ AUTO_FOLDER_KEY: folder.map(|f| f.display().to_string()) })),
            },
        )?;
        self.automatic_backup_state()
    }

    /// The installation's own daily job (at start and then and again while the app runs,
    /// no user needed): one attempt per local day to write a backup into the chosen folder.
    /// A missing or read-only folder is an error the caller reports (once that day); it is
    /// kept for the Backups page until a run succeeds. `Ok(None)`: off, or tried today.
    pub fn run_automatic_backup(&mut self) -> CoreResult<Option<PathBuf>> {
        let now = self.now()?;
        let conn = self.store.conn();
        let Some(folder) = settings::get_raw(conn, AUTO_FOLDER_KEY)? else {
            return Ok(None);
        };
        let today = now.with_timezone(&Local).date_naive().to_string();
        if settings::get_raw(conn, AUTO_ATTEMPT_KEY)?.as_deref() == Some(today.as_str()) {
            return Ok(None);
        }
        settings::put_raw(conn, AUTO_ATTEMPT_KEY, &today)?;
        match self.backup_outside(AUTOMATIC, None, now, Path::new(&folder), &mut |_, _| {}) {
            Ok(path) => {
                settings::delete_raw(self.store.conn(), AUTO_ERROR_KEY)?;
                Ok(Some(path))
            }
            Err(e) => {
                settings::put_raw(self.store.conn(), AUTO_ERROR_KEY, &e.to_string())?;
                Err(e)
            }
        }
    }

    fn prune_outside(&self, folder: &Path, installation_id: &str, now: DateTime<Utc>) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some(file::EXTENSION) {
                continue;
            }
            if let Ok(header) = file::read_header(&path, &self.store.key().backup_key()) {
                if header.automatic
                    && header.installation_id == installation_id
                    && now - header.created_at > Duration::days(backup::KEEP_OUTSIDE_DAYS)
                {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
    }

    /// Checks a backup file completely (every byte authenticated) without changing
    /// anything; answers its header.
    pub fn verify_backup(
        &self,
        session: &mut Session,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<BackupHeader> {
        self.gate(session, Operation::VerifyBackup)?;
        file::decrypt(path, &self.store.key().backup_key(), None, progress)
    }

    /// Checks a backup kept inside the app completely (the window's "Check").
    pub fn verify_kept_backup(
        &self,
        session: &mut Session,
        id: i64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<BackupHeader> {
        self.start_verify(session, id)?.run(progress)
    }

    /// The check of a kept backup as a job the window runs without holding the desk.
    pub fn start_verify(&self, session: &mut Session, id: i64) -> CoreResult<VerifyJob> {
        self.gate(session, Operation::VerifyBackup)?;
        let entry = backup::in_app(self.store.conn(), id)?;
        Ok(VerifyJob {
            path: backup::dir(&self.data_dir).join(entry.file_name),
            key: self.store.key().clone(),
        })
    }

    /// Decrypts and opens the backup as a database beside the live one (migrated when it
    /// is older; refused when it is newer). Nothing live is touched.
    fn stage(
        &self,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<(BackupHeader, Staged, Store)> {
        let staged = Staged::beside(&self.data_dir);
        let header = file::decrypt(
            path,
            &self.store.key().backup_key(),
            Some(&staged.path),
            progress,
        )?;
        match Store::open(&staged.path, self.store.key()) {
            Ok(store) => Ok((header, staged, store)),
            Err(e) => Err(match e {
                CoreError::WrongKey => CoreError::BackupForeign,
                other => other,
            }),
        }
    }

    /// Restores the whole installation (module `None`) or one module from a backup, after
    /// a safety backup of the current state. Owner only. All or nothing: any error
    /// leaves the database as it was.
    pub fn restore_backup(
        &mut self,
        session: &mut Session,
        path: &Path,
        module: Option<BackupModule>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<RestoreReport> {
        let (user, now) = self.gate(session, Operation::RestoreBackup)?;
        let (header, staged, restored) = self
            .stage(path, progress)
            .map_err(|e| self.store.explain(e))?;
        let result = self.restore_staged(&user, now, &header, &staged.path, restored, module);
        drop(staged);
        result.map_err(|e| self.store.explain(e))
    }

    fn restore_staged(
        &mut self,
        user: &UserRecord,
        now: DateTime<Utc>,
        header: &BackupHeader,
        staging: &Path,
        restored: Store,
        module: Option<BackupModule>,
    ) -> CoreResult<RestoreReport> {
        let safety_dir = self.data_dir.join(store::migrations::SAFETY_DIR);
        std::fs::create_dir_all(&safety_dir).map_err(|e| CoreError::io(&safety_dir, e))?;
        let safety = safety_dir.join(format!("before-restore-{}.{}", stamp(now), file::EXTENSION));
        self.write_backup(&user.name, now, &safety, true, &mut |_, _| {})?;
        let what = json!({ "backup_of": header.created_at, "module": module, "safety_backup": safety.display().to_string() });
        match module {
            Some(module) => {
                drop(restored);
                // The staged copy is under the same key as the live database.
                let raw_key = format!("x'{}'", self.store.key().to_hex());
                let conn = self.store.conn_mut();
                conn.execute(
                    "ATTACH DATABASE ?1 AS bak KEY ?2",
                    rusqlite::params![staging.display().to_string(), raw_key],
                )?;
                let result = modules::restore(conn, module);
                conn.execute_batch("DETACH DATABASE bak")?;
                result?;
                audit_backup(self.store.conn(), now, user, "restore_module", None, what)?;
            }
            None => {
                // What belongs to the installation rather than to its data stays current:
                // the list of backups and the latest time seen.
                carry_over(self.store.conn(), restored.conn())?;
                audit_backup(restored.conn(), now, user, "restore", None, what)?;
                restored.conn().execute_batch(
                    "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;",
                )?;
                drop(restored);
                self.swap_database(staging)?;
            }
        }
        Ok(RestoreReport {
            backup: header.clone(),
            module,
            safety_backup: safety.display().to_string(),
        })
    }

    /// Puts the staged database in place of the live one: the live connection is closed
    /// (its WAL folded in), the staged file renamed over it, and the store reopened.
    fn swap_database(&mut self, staging: &Path) -> CoreResult<()> {
        let live = self.store.path().to_path_buf();
        let key = self.store.key().clone();
        self.store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let old = std::mem::replace(&mut self.store, Store::placeholder(&live, &key)?);
        drop(old);
        for side in ["-wal", "-shm"] {
            let mut name = live.as_os_str().to_owned();
            name.push(side);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
        let renamed = std::fs::rename(staging, &live).map_err(|e| CoreError::io(&live, e));
        file::sync_dir(&live);
        self.store = Store::open(&live, &key)?;
        renamed
    }

    /// Runs `read` on the backup opened beside the live database, then removes the copy.
    pub(crate) fn with_staged<T>(
        &self,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
        read: impl FnOnce(&BackupHeader, &Store) -> CoreResult<T>,
    ) -> CoreResult<T> {
        let (header, staged, store) = self.stage(path, progress)?;
        let result = read(&header, &store);
        drop(store);
        drop(staged);
        result
    }

    /// What a backup file holds, read without restoring it (administrators: it shows every
    /// tenant of the backup).
    pub fn browse_backup(
        &self,
        session: &mut Session,
        path: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<backup::browse::BackupContents> {
        self.gate(session, Operation::BrowseBackup)?;
        self.with_staged(path, progress, |header, staged| {
            backup::browse::contents(staged.conn(), path, header.clone())
        })
    }

    /// The module's lists as CSV files as of the backup's date, without changing anything.
    pub fn backup_csv(
        &mut self,
        session: &mut Session,
        path: &Path,
        module: BackupModule,
        folder: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> CoreResult<Vec<PathBuf>> {
        let (user, _) = self.gate(session, Operation::BackupCsv)?;
        self.with_staged(path, progress, |header, staged| {
            let reader = backup_reader(staged.conn(), &user)?;
            let stamp = header
                .created_at
                .with_timezone(&Local)
                .date_naive()
                .to_string();
            modules::csv(staged.conn(), &reader, module, folder, &stamp)
        })
    }
}

/// Who reads a backup: the backup's account of the same user, so its roles and visibility
/// apply as they were then (the user as now when the backup has no such account).
pub(crate) fn backup_reader(
    conn: &rusqlite::Connection,
    user: &crate::access::accounts::UserRecord,
) -> CoreResult<crate::access::accounts::UserRecord> {
    Ok(crate::access::accounts::by_id(conn, user.id)?.unwrap_or_else(|| user.clone()))
}

/// A row of the backups table, column by column.
type BackupRow = (
    i64,
    String,
    bool,
    DateTime<Utc>,
    String,
    i64,
    bool,
    Option<DateTime<Utc>>,
);

/// Copies the installation's own bookkeeping from the live database into the restored
/// one.
fn carry_over(live: &rusqlite::Connection, restored: &rusqlite::Connection) -> CoreResult<()> {
    let rows: Vec<BackupRow> = live
        .prepare("SELECT id, file_name, stored_in_app, created_at, created_by, size, automatic, downloaded_at FROM backups")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)))?
        .collect::<Result<_, _>>()?;
    restored.execute("DELETE FROM backups", [])?;
    for row in rows {
        restored.execute(
            "INSERT INTO backups (id, file_name, stored_in_app, created_at, created_by, size, automatic, downloaded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7],
        )?;
    }
    if let Some(latest) = settings::get_raw(live, crate::desk::LATEST_SEEN_KEY)? {
        settings::put_raw(restored, crate::desk::LATEST_SEEN_KEY, &latest)?;
    }
    Ok(())
}
