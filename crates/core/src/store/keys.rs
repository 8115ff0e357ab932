//! The recovery key and what is derived from it.
//!
//! The recovery key is 256 random bits plus a 16-bit checksum, written as 11 groups of
//! five base32 characters. The checksum lets us tell a typo ("not a valid key") apart
//! from a key of another installation ("does not open this database"). The database key
//! and (later) the backup key are derived with HKDF so that neither is the recovery key
//! itself and each can be rotated by changing the `info` label.

use data_encoding::BASE32_NOPAD;
use hkdf::Hkdf;
use rand::RngCore;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::kernel::error::{CoreError, CoreResult};

const KEY_LEN: usize = 32;
const CHECK_LEN: usize = 2;
const GROUP: usize = 5;

#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct RecoveryKey([u8; KEY_LEN]);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

impl RecoveryKey {
    pub fn generate() -> Self {
        let mut bytes = [0u8; KEY_LEN];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        RecoveryKey(bytes)
    }

    fn checksum(bytes: &[u8; KEY_LEN]) -> [u8; CHECK_LEN] {
        let digest = Sha256::digest(bytes);
        [digest[0], digest[1]]
    }

    /// The form shown to and typed by people: `ABCDE-FGHIJ-…` (11 groups).
    pub fn display(&self) -> String {
        let mut raw = Vec::with_capacity(KEY_LEN + CHECK_LEN);
        raw.extend_from_slice(&self.0);
        raw.extend_from_slice(&Self::checksum(&self.0));
        let encoded = BASE32_NOPAD.encode(&raw);
        raw.zeroize();
        encoded
            .as_bytes()
            .chunks(GROUP)
            .map(|c| std::str::from_utf8(c).expect("base32 is ascii"))
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Accepts the displayed form with any case, spaces or dashes, and the digits people
    /// type for look-alike letters (0 → O, 1 → I, 8 → B).
    pub fn parse(input: &str) -> CoreResult<Self> {
        let mut cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                other => other,
            })
            .collect();
        if cleaned.is_empty() {
            return Err(CoreError::InvalidRecoveryKey("empty"));
        }
        let decoded = BASE32_NOPAD.decode(cleaned.as_bytes());
        cleaned.zeroize();
        let mut raw = decoded.map_err(|_| CoreError::InvalidRecoveryKey("characters"))?;
        if raw.len() != KEY_LEN + CHECK_LEN {
            raw.zeroize();
            return Err(CoreError::InvalidRecoveryKey("length"));
        }
        let mut key = [0u8; KEY_LEN];
        key.copy_from_slice(&raw[..KEY_LEN]);
        let ok = raw[KEY_LEN..] == Self::checksum(&key);
        raw.zeroize();
        if !ok {
            key.zeroize();
            return Err(CoreError::InvalidRecoveryKey("checksum"));
        }
        Ok(RecoveryKey(key))
    }

    fn derive(&self, label: &[u8]) -> [u8; KEY_LEN] {
        let hk = Hkdf::<Sha256>::new(Some(b"dpo-desk"), &self.0);
        let mut out = [0u8; KEY_LEN];
        hk.expand(label, &mut out)
            .expect("32 bytes is a valid HKDF length");
        out
    }

    pub fn database_key(&self) -> DatabaseKey {
        DatabaseKey(self.derive(b"database key v1"))
    }

    /// The key of backup files: derived from the database key, so an open installation
    /// can write backups without the recovery key, and the recovery key alone opens them.
    pub fn backup_key(&self) -> BackupKey {
        self.database_key().backup_key()
    }
}

/// Encrypts and authenticates backup files (SPEC §10).
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct BackupKey(pub(crate) [u8; KEY_LEN]);

impl std::fmt::Debug for BackupKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BackupKey(…)")
    }
}

impl BackupKey {
    /// A short public fingerprint written into each backup's header: a file whose
    /// fingerprint differs was made with another recovery key, which tells "wrong key or
    /// foreign file" apart from "damaged".
    pub fn fingerprint(&self) -> String {
        let hk = Hkdf::<Sha256>::new(None, &self.0);
        let mut out = [0u8; 8];
        hk.expand(b"backup key fingerprint v1", &mut out)
            .expect("8 bytes is a valid HKDF length");
        hex::encode(out)
    }

    /// The key that seals a backup's metadata block (who made it, for which office, when):
    /// a key of its own, so the metadata's random nonce never meets the payload's stream.
    pub fn metadata_key(&self) -> zeroize::Zeroizing<[u8; KEY_LEN]> {
        let hk = Hkdf::<Sha256>::new(None, &self.0);
        let mut out = zeroize::Zeroizing::new([0u8; KEY_LEN]);
        hk.expand(b"backup metadata key v1", out.as_mut())
            .expect("32 bytes is a valid HKDF length");
        out
    }
}

/// The raw SQLCipher key. Kept in the OS keyring as hex; never written to disk by us.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct DatabaseKey([u8; KEY_LEN]);

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(…)")
    }
}

impl DatabaseKey {
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(s: &str) -> CoreResult<Self> {
        let mut bytes = hex::decode(s.trim())
            .map_err(|_| CoreError::Keyring("stored key is not hex".into()))?;
        if bytes.len() != KEY_LEN {
            bytes.zeroize();
            return Err(CoreError::Keyring("stored key has the wrong length".into()));
        }
        let mut key = [0u8; KEY_LEN];
        key.copy_from_slice(&bytes);
        bytes.zeroize();
        Ok(DatabaseKey(key))
    }

    pub fn backup_key(&self) -> BackupKey {
        let hk = Hkdf::<Sha256>::new(None, &self.0);
        let mut out = [0u8; KEY_LEN];
        hk.expand(b"backup file key v1", &mut out)
            .expect("32 bytes is a valid HKDF length");
        BackupKey(out)
    }

    /// SQLCipher's raw-key syntax: skips its own PBKDF2 because our key is already random.
    pub(crate) fn pragma_value(&self) -> String {
        format!("\"x'{}'\"", self.to_hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_round_trips_and_tolerates_typing_habits() {
        let key = RecoveryKey::generate();
        let shown = key.display();
        assert_eq!(shown.split('-').count(), 11);
        assert_eq!(RecoveryKey::parse(&shown).unwrap(), key);
        let sloppy = shown.to_lowercase().replace('-', " ").replace('o', "0");
        assert_eq!(RecoveryKey::parse(&sloppy).unwrap(), key);
    }

    #[test]
    fn typo_is_caught_by_checksum() {
        let shown = RecoveryKey::generate().display();
        let mut chars: Vec<char> = shown.chars().collect();
        chars[3] = if chars[3] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert!(matches!(
            RecoveryKey::parse(&typo),
            Err(CoreError::InvalidRecoveryKey("checksum"))
        ));
        assert!(matches!(
            RecoveryKey::parse("ABC"),
            Err(CoreError::InvalidRecoveryKey(_))
        ));
        assert!(matches!(
            RecoveryKey::parse(""),
            Err(CoreError::InvalidRecoveryKey("empty"))
        ));
    }

    #[test]
    fn derived_keys_differ_and_are_stable() {
        let key = RecoveryKey::generate();
        assert_eq!(key.database_key(), key.database_key());
        assert_ne!(key.database_key().0, key.backup_key().0);
        assert_ne!(key.0, key.backup_key().0);
        assert_eq!(key.backup_key(), key.backup_key());
        assert_ne!(key.backup_key(), RecoveryKey::generate().backup_key());
        assert_eq!(key.backup_key().fingerprint().len(), 16);
        let hex = key.database_key().to_hex();
        assert_eq!(DatabaseKey::from_hex(&hex).unwrap(), key.database_key());
    }
}
