//! An installation on disk: the data folder, its encrypted database and a small manifest
//! naming the installation (so its key can be found in the OS keyring). Handles first
//! setup, later starts with the keyring, and starts with the recovery key instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts;
use crate::access::password;
use crate::desk::Desk;
use crate::kernel::clock::Clock;
use crate::kernel::error::{CoreError, CoreResult};
use crate::store::keys::{DatabaseKey, RecoveryKey};
use crate::store::keystore::KeyStore;
use crate::store::settings;
use crate::store::{Store, DATABASE_FILE};

pub const MANIFEST_FILE: &str = "installation.json";
pub const DATA_DIR_ENV: &str = "DPO_DESK_DATA_DIR";

/// `DPO_DESK_DATA_DIR` when set, else the OS's per-user app-data folder.
pub fn default_data_dir() -> CoreResult<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("eu", "DPO Desk", "DPO Desk")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| CoreError::io("app data folder", std::io::Error::other("no home folder")))
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Manifest {
    format: u32,
    installation_id: String,
}

fn manifest_path(data_dir: &Path) -> PathBuf {
    data_dir.join(MANIFEST_FILE)
}

fn read_manifest(data_dir: &Path) -> Option<Manifest> {
    let text = std::fs::read_to_string(manifest_path(data_dir)).ok()?;
    serde_json::from_str(&text).ok()
}

fn write_manifest(data_dir: &Path, manifest: &Manifest) -> CoreResult<()> {
    let json = serde_json::to_vec_pretty(manifest).expect("manifest serialises");
    crate::services::exports::write_atomically(&manifest_path(data_dir), &json)
}

pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

pub fn is_set_up(data_dir: &Path) -> bool {
    database_path(data_dir).is_file()
}

/// What the wizard collects.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct SetupRequest {
    pub office_name: String,
    pub owner_name: String,
    pub owner_password: String,
}

pub struct Created {
    pub desk: Desk,
    /// Shown to the owner once; nothing keeps it.
    pub recovery_key: RecoveryKey,
    /// Why the key could not go into the OS keyring; then every start asks for the
    /// recovery key.
    pub keyring_error: Option<String>,
}

fn validate_office_name(name: &str) -> CoreResult<String> {
    CoreError::required_name("office_name", name, 200, "the office")
}

/// Keeps the recovery key inside the encrypted database, so the owner can print its sheet
/// again later (SPEC §1). Whoever can read the database holds its key already, and the
/// backups' key derives from it, so this opens nothing new.
fn remember_recovery_key(conn: &rusqlite::Connection, key: &RecoveryKey) -> CoreResult<()> {
    settings::put_raw(conn, super::reports::RECOVERY_KEY_SETTING, &key.display())
}

/// First setup: validates everything before touching the disk, builds the database under
/// a temporary name and renames it into place, so an interrupted setup leaves nothing
/// that looks like an installation.
pub fn create(
    data_dir: &Path,
    request: &SetupRequest,
    keystore: &dyn KeyStore,
    clock: Arc<dyn Clock>,
) -> CoreResult<Created> {
    let office = validate_office_name(&request.office_name)?;
    let owner = accounts::validate_user_name(&request.owner_name)?;
    password::check_new(&request.owner_password, &owner)?;
    if is_set_up(data_dir) {
        return Err(CoreError::AlreadyInitialized);
    }
    std::fs::create_dir_all(data_dir).map_err(|e| CoreError::io(data_dir, e))?;

    let recovery_key = RecoveryKey::generate();
    let key = recovery_key.database_key();
    let installation_id = uuid::Uuid::new_v4().to_string();
    let now = clock.now();

    let partial = data_dir.join(format!("{DATABASE_FILE}.partial"));
    for leftover in [
        partial.clone(),
        partial.with_extension("partial-wal"),
        partial.with_extension("partial-shm"),
    ] {
        let _ = std::fs::remove_file(leftover);
    }
    {
        let mut store = Store::create(&partial, &key)?;
        let tx = store.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO office (id, name, installation_id, installed_at) VALUES (1, ?1, ?2, ?3)",
            params![office, installation_id, now],
        )?;
        accounts::create_owner(&tx, now, &owner, &request.owner_password)?;
        remember_recovery_key(&tx, &recovery_key)?;
        tx.commit()?;
        // Fold the WAL into the main file so the rename below moves one complete file.
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")?;
    }
    write_manifest(
        data_dir,
        &Manifest {
            format: 1,
            installation_id: installation_id.clone(),
        },
    )?;
    let final_path = database_path(data_dir);
    std::fs::rename(&partial, &final_path).map_err(|e| CoreError::io(&final_path, e))?;

    let keyring_error = keystore
        .save(&installation_id, &key)
        .err()
        .map(|e| e.to_string());
    let desk = Desk::new(
        Store::open(&final_path, &key)?,
        clock,
        data_dir.to_path_buf(),
    )?;
    Ok(Created {
        desk,
        recovery_key,
        keyring_error,
    })
}

/// The result of a normal start.
pub enum Opening {
    NeedsSetup,
    /// The keyring had no (fitting) key or could not be reached: ask for the recovery key.
    NeedsRecoveryKey {
        keyring_error: Option<String>,
    },
    Ready(Desk),
}

pub fn open(
    data_dir: &Path,
    keystore: &dyn KeyStore,
    clock: Arc<dyn Clock>,
) -> CoreResult<Opening> {
    if !is_set_up(data_dir) {
        return Ok(Opening::NeedsSetup);
    }
    let Some(manifest) = read_manifest(data_dir) else {
        return Ok(Opening::NeedsRecoveryKey {
            keyring_error: Some(format!("{MANIFEST_FILE} is missing")),
        });
    };
    let key = match keystore.load(&manifest.installation_id) {
        Ok(Some(key)) => key,
        Ok(None) => {
            return Ok(Opening::NeedsRecoveryKey {
                keyring_error: None,
            })
        }
        Err(e) => {
            return Ok(Opening::NeedsRecoveryKey {
                keyring_error: Some(e.to_string()),
            })
        }
    };
    match open_with_key(data_dir, &key, clock) {
        Ok(desk) => Ok(Opening::Ready(desk)),
        Err(CoreError::WrongKey) => Ok(Opening::NeedsRecoveryKey {
            keyring_error: Some("the key in the keyring does not open this database".into()),
        }),
        Err(e) => Err(e),
    }
}

/// Opens with a key the caller already has (the CLI's `--recovery-key-env`).
pub fn open_with_key(
    data_dir: &Path,
    key: &DatabaseKey,
    clock: Arc<dyn Clock>,
) -> CoreResult<Desk> {
    let store = Store::open(&database_path(data_dir), key)?;
    Desk::new(store, clock, data_dir.to_path_buf())
}

/// Opens with the recovery key a person typed and, where a keyring works, remembers the
/// database key there so the next start needs no recovery key. Returns why the keyring
/// could not be used, if it could not.
pub fn unlock_with_recovery_key(
    data_dir: &Path,
    recovery_key: &str,
    keystore: &dyn KeyStore,
    clock: Arc<dyn Clock>,
) -> CoreResult<(Desk, Option<String>)> {
    if !is_set_up(data_dir) {
        return Err(CoreError::NotInitialized);
    }
    let recovery_key = RecoveryKey::parse(recovery_key)?;
    let key = recovery_key.database_key();
    let desk = open_with_key(data_dir, &key, clock)?;
    remember_recovery_key(desk.store.conn(), &recovery_key)?;
    let installation_id = desk.installation_id()?;
    let manifest = Manifest {
        format: 1,
        installation_id: installation_id.clone(),
    };
    if read_manifest(data_dir).as_ref() != Some(&manifest) {
        write_manifest(data_dir, &manifest)?;
    }
    let keyring_error = keystore
        .save(&installation_id, &key)
        .err()
        .map(|e| e.to_string());
    Ok((desk, keyring_error))
}

/// Sets an installation up from a backup file in an empty data folder (SPEC §14 `backup
/// restore FILE` on a new machine): users, settings and data are the backup's, and so is
/// the recovery key. All or nothing: a wrong key or a bad file leaves the folder without
/// an installation.
pub fn restore_from_backup(
    data_dir: &Path,
    file: &Path,
    recovery_key: &str,
    keystore: &dyn KeyStore,
    clock: Arc<dyn Clock>,
) -> CoreResult<Desk> {
    let recovery_key = RecoveryKey::parse(recovery_key)?;
    if is_set_up(data_dir) {
        return Err(CoreError::AlreadyInitialized);
    }
    std::fs::create_dir_all(data_dir).map_err(|e| CoreError::io(data_dir, e))?;
    let key = recovery_key.database_key();
    let staging = data_dir.join(format!(".restore-{}.db", uuid::Uuid::new_v4()));
    let result = (|| {
        let header = crate::services::backup::file::decrypt(
            file,
            &recovery_key.backup_key(),
            Some(&staging),
            &mut |_, _| {},
        )?;
        let installation_id = {
            let store = Store::open(&staging, &key).map_err(|e| {
                if matches!(e, CoreError::WrongKey) {
                    CoreError::BackupForeign
                } else {
                    e
                }
            })?;
            let id: String = store.conn().query_row(
                "SELECT installation_id FROM office WHERE id = 1",
                [],
                |r| r.get(0),
            )?;
            // The backups listed belong to the other machine's folder; the file restored
            // from exists outside the app, so it counts as downloaded.
            store
                .conn()
                .execute("UPDATE backups SET stored_in_app = 0", [])?;
            remember_recovery_key(store.conn(), &recovery_key)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
            crate::services::backup::insert(
                store.conn(),
                &name,
                false,
                &header,
                size,
                Some(clock.now()),
            )?;
            store
                .conn()
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")?;
            id
        };
        write_manifest(
            data_dir,
            &Manifest {
                format: 1,
                installation_id: installation_id.clone(),
            },
        )?;
        let final_path = database_path(data_dir);
        std::fs::rename(&staging, &final_path).map_err(|e| CoreError::io(&final_path, e))?;
        let _ = keystore.save(&installation_id, &key);
        Desk::new(
            Store::open(&final_path, &key)?,
            clock,
            data_dir.to_path_buf(),
        )
    })();
    if result.is_err() {
        crate::store::remove_with_journals(&staging);
    }
    result
}
