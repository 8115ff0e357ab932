//! Where the database key lives between starts: the OS keyring. Behind a trait so the
//! core's tests and the "no keyring" path can be exercised without a desktop session.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::kernel::error::{CoreError, CoreResult};
use crate::store::keys::DatabaseKey;

pub trait KeyStore: Send + Sync {
    /// `Ok(None)` when the keyring works but holds no key for this installation.
    fn load(&self, installation_id: &str) -> CoreResult<Option<DatabaseKey>>;
    fn save(&self, installation_id: &str, key: &DatabaseKey) -> CoreResult<()>;
    fn delete(&self, installation_id: &str) -> CoreResult<()>;
}

const SERVICE: &str = "DPO Desk";

/// Windows Credential Manager, macOS Keychain, Secret Service on Linux.
#[derive(Debug, Default)]
pub struct OsKeyring;

impl OsKeyring {
    fn entry(installation_id: &str) -> CoreResult<keyring::Entry> {
        keyring::Entry::new(SERVICE, &format!("database-key:{installation_id}"))
            .map_err(|e| CoreError::Keyring(e.to_string()))
    }
}

impl KeyStore for OsKeyring {
    fn load(&self, installation_id: &str) -> CoreResult<Option<DatabaseKey>> {
        match Self::entry(installation_id)?.get_password() {
            Ok(hex) => DatabaseKey::from_hex(&hex).map(Some),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(CoreError::Keyring(e.to_string())),
        }
    }

    fn save(&self, installation_id: &str, key: &DatabaseKey) -> CoreResult<()> {
        Self::entry(installation_id)?
            .set_password(&key.to_hex())
            .map_err(|e| CoreError::Keyring(e.to_string()))
    }

    fn delete(&self, installation_id: &str) -> CoreResult<()> {
        match Self::entry(installation_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(CoreError::Keyring(e.to_string())),
        }
    }
}

/// A keyring that is simply not there (headless machines, the CLI with
/// `--recovery-key-env`): every call fails, as the OS keyring does without a session bus.
#[derive(Debug, Default)]
pub struct NoKeyStore;

impl KeyStore for NoKeyStore {
    fn load(&self, _: &str) -> CoreResult<Option<DatabaseKey>> {
        Err(CoreError::Keyring("no keyring is available".into()))
    }
    fn save(&self, _: &str, _: &DatabaseKey) -> CoreResult<()> {
        Err(CoreError::Keyring("no keyring is available".into()))
    }
    fn delete(&self, _: &str) -> CoreResult<()> {
        Err(CoreError::Keyring("no keyring is available".into()))
    }
}

/// An in-process keyring for tests.
#[derive(Debug, Default)]
pub struct MemoryKeyStore(Mutex<HashMap<String, String>>);

impl KeyStore for MemoryKeyStore {
    fn load(&self, id: &str) -> CoreResult<Option<DatabaseKey>> {
        let map = self.0.lock().expect("keystore mutex");
        map.get(id)
            .map(|hex| DatabaseKey::from_hex(hex))
            .transpose()
    }
    fn save(&self, id: &str, key: &DatabaseKey) -> CoreResult<()> {
        self.0
            .lock()
            .expect("keystore mutex")
            .insert(id.to_string(), key.to_hex());
        Ok(())
    }
    fn delete(&self, id: &str) -> CoreResult<()> {
        self.0.lock().expect("keystore mutex").remove(id);
        Ok(())
    }
}
