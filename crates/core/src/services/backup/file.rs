//! The backup file (SPEC §10): one self-contained file with a versioned header, encrypted
//! and authenticated with a key derived from the recovery key. The layout is documented
//! in `docs/backup-format.md`.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::stream::{NewStream, StreamBE32, StreamPrimitive};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;
use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};
use crate::store::keys::BackupKey;

pub const MAGIC: &[u8; 16] = b"DPO-DESK-BACKUP\n";
/// 2: names and dates moved into an encrypted metadata block (version 1 is still read).
pub const FORMAT_VERSION: u16 = 2;
pub const EXTENSION: &str = "dpobackup";
/// Plaintext bytes per encrypted chunk; each chunk carries a 16-byte tag.
const CHUNK: usize = 1 << 20;
const TAG: usize = 16;
/// XChaCha20's 24-byte nonce less the STREAM construction's 5 bytes of counter and flag.
const NONCE: usize = 19;
/// Chunks read, sealed or opened and written per round; the chunks of a round are sealed
/// or opened on all cores at once (each chunk has its own position in the STREAM
/// construction, so the file is the same as one sealed in order).
const ROUND: usize = 8;
/// A header larger than this is not one of ours.
const MAX_HEADER: u32 = 64 * 1024;

/// What a backup says about itself, once its key opened it: the clear part (format, key
/// fingerprint, how the payload is cut) and the sealed metadata (installation, office,
/// creator, dates, versions) together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupHeader {
    pub installation_id: String,
    pub office_name: String,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub schema_version: i64,
    pub app_version: String,
    pub automatic: bool,
    /// Tells a file made with another recovery key apart from a damaged one.
    pub key_fingerprint: String,
    pub nonce: String,
    pub chunk_size: u32,
    pub payload_size: u64,
}

/// The part of a format-2 header anyone can read: only what recognises the format and the
/// key and lets the payload be decrypted. Nothing in it names the office, the user or a
/// tenant.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClearHeader {
    key_fingerprint: String,
    nonce: String,
    chunk_size: u32,
    payload_size: u64,
    metadata_nonce: String,
    /// The metadata, sealed with XChaCha20-Poly1305 under the metadata key, hex.
    metadata: String,
}

/// The sealed part of a format-2 header.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Metadata {
    installation_id: String,
    office_name: String,
    created_at: DateTime<Utc>,
    created_by: String,
    schema_version: i64,
    app_version: String,
    automatic: bool,
}

const METADATA_AAD: &[u8] = b"DPO-DESK-BACKUP metadata v2";

fn seal_metadata(key: &BackupKey, metadata: &Metadata) -> (String, String) {
    use chacha20poly1305::aead::Aead;
    let mut nonce = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new((&*key.metadata_key()).into());
    let plain = serde_json::to_vec(metadata).expect("metadata serialises");
    let sealed = cipher
        .encrypt(
            (&nonce).into(),
            Payload {
                msg: &plain,
                aad: METADATA_AAD,
            },
        )
        .expect("sealing in memory cannot fail");
    (hex::encode(nonce), hex::encode(sealed))
}

fn open_metadata(key: &BackupKey, clear: &ClearHeader) -> CoreResult<Metadata> {
    use chacha20poly1305::aead::Aead;
    let nonce: [u8; 24] = hex::decode(&clear.metadata_nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or(CoreError::BackupDamaged("header"))?;
    let sealed = hex::decode(&clear.metadata).map_err(|_| CoreError::BackupDamaged("header"))?;
    let cipher = XChaCha20Poly1305::new((&*key.metadata_key()).into());
    let plain = cipher
        .decrypt(
            (&nonce).into(),
            Payload {
                msg: &sealed,
                aad: METADATA_AAD,
            },
        )
        .map_err(|_| CoreError::BackupDamaged("header"))?;
    serde_json::from_slice(&plain).map_err(|_| CoreError::BackupDamaged("header"))
}

/// What the caller knows about a backup before it is written.
pub struct NewBackup<'a> {
    pub installation_id: &'a str,
    pub office_name: &'a str,
    pub created_at: DateTime<Utc>,
    pub created_by: &'a str,
    pub schema_version: i64,
    pub automatic: bool,
}

/// A hidden name beside `target` for a file that belongs to it while it is made,
/// `.<name>.<suffix>`; `tidy` removes such files an interrupted run left.
pub fn beside(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{suffix}"))
}

/// The temporary name a file is written under before it is renamed into place.
pub fn partial_name(target: &Path) -> PathBuf {
    beside(target, "part")
}

fn prefix(version: u16, header_json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(MAGIC.len() + 6 + header_json.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(header_json.len() as u32).to_le_bytes());
    out.extend_from_slice(header_json);
    out
}

/// Encrypts `payload` (a file) into the backup file `target`: written under a temporary
/// name, synced, then renamed, so `target` is either absent or complete. Returns the
/// header and the file's size. `progress` hears (done, total) bytes of the payload.
pub fn write(
    target: &Path,
    key: &BackupKey,
    new: &NewBackup<'_>,
    payload: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> CoreResult<(BackupHeader, u64)> {
    let payload_size = std::fs::metadata(payload)
        .map_err(|e| CoreError::io(payload, e))?
        .len();
    let mut nonce = [0u8; NONCE];
    rand::thread_rng().fill_bytes(&mut nonce);
    let header = BackupHeader {
        installation_id: new.installation_id.into(),
        office_name: new.office_name.into(),
        created_at: new.created_at,
        created_by: new.created_by.into(),
        schema_version: new.schema_version,
        app_version: env!("CARGO_PKG_VERSION").into(),
        automatic: new.automatic,
        key_fingerprint: key.fingerprint(),
        nonce: hex::encode(nonce),
        chunk_size: CHUNK as u32,
        payload_size,
    };
    let (metadata_nonce, metadata) = seal_metadata(
        key,
        &Metadata {
            installation_id: header.installation_id.clone(),
            office_name: header.office_name.clone(),
            created_at: header.created_at,
            created_by: header.created_by.clone(),
            schema_version: header.schema_version,
            app_version: header.app_version.clone(),
            automatic: header.automatic,
        },
    );
    let clear = ClearHeader {
        key_fingerprint: header.key_fingerprint.clone(),
        nonce: header.nonce.clone(),
        chunk_size: header.chunk_size,
        payload_size: header.payload_size,
        metadata_nonce,
        metadata,
    };
    let head = prefix(
        FORMAT_VERSION,
        &serde_json::to_vec(&clear).expect("header serialises"),
    );
    let temp = partial_name(target);
    let result = (|| -> CoreResult<u64> {
        let mut input = BufReader::new(File::open(payload).map_err(|e| CoreError::io(payload, e))?);
        let file = File::create(&temp).map_err(|e| CoreError::io(&temp, e))?;
        let mut out = BufWriter::new(file);
        let io = |e| CoreError::io(&temp, e);
        out.write_all(&head).map_err(io)?;
        let stream =
            StreamBE32::from_aead(XChaCha20Poly1305::new((&key.0).into()), (&nonce).into());
        let mut round = Chunk::round();
        let mut position = 0u32;
        let mut done = 0u64;
        let mut last = false;
        while !last {
            let mut filled = 0;
            for chunk in round.iter_mut() {
                // Never more than the header announced, even if the file grew meanwhile.
                let wanted = (payload_size - done).min(CHUNK as u64) as usize;
                chunk.data.resize(wanted, 0);
                let len = read_full(&mut input, &mut chunk.data)
                    .map_err(|e| CoreError::io(payload, e))?;
                if len < wanted {
                    return Err(CoreError::io(
                        payload,
                        std::io::Error::new(
                            std::io::ErrorKind::UnexpectedEof,
                            "the file became shorter while it was read",
                        ),
                    ));
                }
                done += len as u64;
                last = done >= payload_size;
                chunk.position = position;
                chunk.last = last;
                filled += 1;
                if last {
                    break;
                }
                // The STREAM nonce holds a 32-bit position: 4 PiB, never reused.
                position = position.checked_add(1).ok_or_else(|| {
                    CoreError::Corrupt("the file is too large for a backup".into())
                })?;
            }
            on_all_cores(&mut round[..filled], |chunk| {
                stream.encrypt_in_place(chunk.position, chunk.last, &head, &mut chunk.data)
            })
            .map_err(|_| CoreError::Corrupt("encryption failed".into()))?;
            for chunk in &round[..filled] {
                out.write_all(&chunk.data).map_err(io)?;
            }
            progress(done, payload_size);
        }
        let file = out
            .into_inner()
            .map_err(|e| CoreError::io(&temp, e.into_error()))?;
        file.sync_all().map_err(io)?;
        Ok(file.metadata().map_err(io)?.len())
    })();
    match result {
        Ok(size) => {
            std::fs::rename(&temp, target).map_err(|e| CoreError::io(target, e))?;
            sync_dir(target);
            Ok((header, size))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Makes a rename durable where the platform allows it.
pub(crate) fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// One chunk of the payload on its way through the cipher, with its place in the stream.
struct Chunk {
    data: Vec<u8>,
    position: u32,
    last: bool,
}

impl Chunk {
    /// The buffers of one round, reused from round to round.
    fn round() -> Vec<Chunk> {
        (0..ROUND)
            .map(|_| Chunk {
                data: Vec::with_capacity(CHUNK + TAG),
                position: 0,
                last: false,
            })
            .collect()
    }
}

/// Runs `work` on every chunk, the chunks shared out between the machine's cores (a backup
/// spends most of its time in the cipher); the first error, if any.
fn on_all_cores<E: Send>(
    chunks: &mut [Chunk],
    work: impl Fn(&mut Chunk) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = chunks.len().div_ceil(cores.clamp(1, ROUND)).max(1);
    let work = &work;
    std::thread::scope(|threads| {
        let mut parts = chunks.chunks_mut(share);
        let here = parts.next();
        let others: Vec<_> = parts
            .map(|part| threads.spawn(move || part.iter_mut().try_for_each(work)))
            .collect();
        let mine = here.map_or(Ok(()), |part| part.iter_mut().try_for_each(work));
        others
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .fold(mine, Result::and)
    })
}

fn read_full(input: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match input.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Reads and opens the header with the key: the magic, the format version, a well-formed
/// header made with this key (another key is `BackupForeign`), its sealed metadata.
pub fn read_header(path: &Path, key: &BackupKey) -> CoreResult<BackupHeader> {
    let mut input = BufReader::new(File::open(path).map_err(|e| CoreError::io(path, e))?);
    let (version, json, _) = read_prefix(&mut input)?;
    open_header(version, &json, key)
}

/// The header of either format, checked against the key.
fn open_header(version: u16, json: &[u8], key: &BackupKey) -> CoreResult<BackupHeader> {
    if version == 1 {
        // Format 1 kept everything in the clear; it is still read.
        let header: BackupHeader =
            serde_json::from_slice(json).map_err(|_| CoreError::BackupDamaged("header"))?;
        if header.key_fingerprint != key.fingerprint() {
            return Err(CoreError::BackupForeign);
        }
        return Ok(header);
    }
    let clear: ClearHeader =
        serde_json::from_slice(json).map_err(|_| CoreError::BackupDamaged("header"))?;
    // Before the metadata is opened: another key is "foreign", not "damaged".
    if clear.key_fingerprint != key.fingerprint() {
        return Err(CoreError::BackupForeign);
    }
    let m = open_metadata(key, &clear)?;
    Ok(BackupHeader {
        installation_id: m.installation_id,
        office_name: m.office_name,
        created_at: m.created_at,
        created_by: m.created_by,
        schema_version: m.schema_version,
        app_version: m.app_version,
        automatic: m.automatic,
        key_fingerprint: clear.key_fingerprint,
        nonce: clear.nonce,
        chunk_size: clear.chunk_size,
        payload_size: clear.payload_size,
    })
}

/// The fixed part and the header's bytes: (format version, header JSON, the whole prefix
/// every chunk authenticates).
fn read_prefix(input: &mut impl Read) -> CoreResult<(u16, Vec<u8>, Vec<u8>)> {
    let mut fixed = [0u8; 22];
    if read_full(input, &mut fixed).map_err(|e| CoreError::io("backup", e))? < fixed.len()
        || &fixed[..16] != MAGIC
    {
        return Err(CoreError::BackupNotABackup);
    }
    let version = u16::from_le_bytes([fixed[16], fixed[17]]);
    if version > FORMAT_VERSION {
        return Err(CoreError::BackupTooNew {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version == 0 {
        return Err(CoreError::BackupDamaged("header"));
    }
    let len = u32::from_le_bytes([fixed[18], fixed[19], fixed[20], fixed[21]]);
    if len > MAX_HEADER {
        return Err(CoreError::BackupDamaged("header"));
    }
    let mut json = vec![0u8; len as usize];
    if read_full(input, &mut json).map_err(|e| CoreError::io("backup", e))? < json.len() {
        return Err(CoreError::BackupDamaged("truncated"));
    }
    let head = prefix(version, &json);
    Ok((version, json, head))
}

/// Checks every chunk of the backup and writes the decrypted payload to `out` (when
/// given); a wrong key, a changed byte, a truncated or extended file is an error, and
/// `out` is then removed.
pub fn decrypt(
    path: &Path,
    key: &BackupKey,
    out: Option<&Path>,
    progress: &mut dyn FnMut(u64, u64),
) -> CoreResult<BackupHeader> {
    let result = decrypt_inner(path, key, out, progress);
    if result.is_err() {
        if let Some(out) = out {
            let _ = std::fs::remove_file(out);
        }
    }
    result
}

fn decrypt_inner(
    path: &Path,
    key: &BackupKey,
    out: Option<&Path>,
    progress: &mut dyn FnMut(u64, u64),
) -> CoreResult<BackupHeader> {
    let mut input = BufReader::new(File::open(path).map_err(|e| CoreError::io(path, e))?);
    let (version, json, head) = read_prefix(&mut input)?;
    let header = open_header(version, &json, key)?;
    let nonce: [u8; NONCE] = hex::decode(&header.nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or(CoreError::BackupDamaged("header"))?;
    if header.chunk_size as usize != CHUNK {
        return Err(CoreError::BackupDamaged("header"));
    }
    let mut writer = match out {
        Some(out) => Some(BufWriter::new(
            File::create(out).map_err(|e| CoreError::io(out, e))?,
        )),
        None => None,
    };
    let stream = StreamBE32::from_aead(XChaCha20Poly1305::new((&key.0).into()), (&nonce).into());
    let chunks = header.payload_size.div_ceil(CHUNK as u64).max(1);
    let mut round = Chunk::round();
    let mut done = 0u64;
    let mut position = 0u64;
    while position < chunks {
        let mut filled = 0;
        let mut expected = done;
        for chunk in round.iter_mut().take((chunks - position) as usize) {
            let plain = (header.payload_size - expected).min(CHUNK as u64) as usize;
            chunk.data.resize(plain + TAG, 0);
            if read_full(&mut input, &mut chunk.data).map_err(|e| CoreError::io(path, e))?
                < chunk.data.len()
            {
                return Err(CoreError::BackupDamaged("truncated"));
            }
            chunk.position =
                u32::try_from(position).map_err(|_| CoreError::BackupDamaged("header"))?;
            // A chunk sealed as "not the last" fails as the last one, so a file cut at a
            // chunk boundary is detected as well as one cut inside a chunk.
            chunk.last = position == chunks - 1;
            expected += plain as u64;
            position += 1;
            filled += 1;
        }
        on_all_cores(&mut round[..filled], |chunk| {
            stream.decrypt_in_place(chunk.position, chunk.last, &head, &mut chunk.data)
        })
        .map_err(|_| CoreError::BackupDamaged("integrity"))?;
        for chunk in &round[..filled] {
            if let Some(w) = writer.as_mut() {
                w.write_all(&chunk.data)
                    .map_err(|e| CoreError::io(path, e))?;
            }
            done += chunk.data.len() as u64;
            progress(done, header.payload_size);
        }
    }
    let mut extra = [0u8; 1];
    if input.read(&mut extra).map_err(|e| CoreError::io(path, e))? != 0 {
        return Err(CoreError::BackupDamaged("trailing data"));
    }
    if let (Some(w), Some(out)) = (writer, out) {
        let file = w
            .into_inner()
            .map_err(|e| CoreError::io(out, e.into_error()))?;
        file.sync_all().map_err(|e| CoreError::io(out, e))?;
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};

    /// Bytes that differ from chunk to chunk, so a chunk in the wrong place shows.
    fn payload(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i % 251 + i / CHUNK) as u8).collect()
    }

    fn new_backup() -> NewBackup<'static> {
        NewBackup {
            installation_id: "installation",
            office_name: "Kanzlei",
            created_at: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            created_by: "Anna",
            schema_version: 17,
            automatic: false,
        }
    }

    /// The sizes where rounds and chunks meet: empty, inside the first chunk, exactly one
    /// round, a second round ending inside a chunk.
    const SIZES: [usize; 4] = [0, 1000, ROUND * CHUNK, ROUND * CHUNK + CHUNK / 2 + 1];

    /// `plain` cut into chunks as the format does: at least one, the last maybe empty.
    fn cut(plain: &[u8], size: usize) -> Vec<&[u8]> {
        let parts: Vec<&[u8]> = plain.chunks(size).collect();
        if parts.is_empty() {
            vec![&[][..]]
        } else {
            parts
        }
    }

    #[test]
    fn a_backup_sealed_on_all_cores_opens_chunk_by_chunk_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let key = BackupKey([3; 32]);
        for size in SIZES {
            let plain = payload(size);
            let source = dir.path().join("payload.db");
            std::fs::write(&source, &plain).unwrap();
            let target = dir.path().join("backup.dpobackup");
            let (header, _) = write(&target, &key, &new_backup(), &source, &mut |_, _| {}).unwrap();

            // The reference reader: the STREAM decryptor, one chunk after the other.
            let bytes = std::fs::read(&target).unwrap();
            let (_, _, head) = read_prefix(&mut bytes.as_slice()).unwrap();
            let nonce: [u8; NONCE] = hex::decode(&header.nonce).unwrap().try_into().unwrap();
            let mut stream =
                DecryptorBE32::from_aead(XChaCha20Poly1305::new((&key.0).into()), (&nonce).into());
            let sealed = cut(&bytes[head.len()..], CHUNK + TAG);
            let (last, rest) = sealed.split_last().unwrap();
            let mut opened = Vec::new();
            for (i, chunk) in rest.iter().enumerate() {
                let part = stream.decrypt_next(Payload {
                    msg: chunk,
                    aad: &head,
                });
                opened.extend(part.unwrap_or_else(|_| panic!("size {size}, chunk {i}")));
            }
            let part = stream.decrypt_last(Payload {
                msg: last,
                aad: &head,
            });
            opened.extend(part.unwrap_or_else(|_| panic!("size {size}, last chunk")));
            assert!(opened == plain, "size {size}");
        }
    }

    #[test]
    fn a_backup_sealed_chunk_by_chunk_in_order_opens_on_all_cores() {
        let dir = tempfile::tempdir().unwrap();
        let key = BackupKey([4; 32]);
        let source = dir.path().join("empty.db");
        std::fs::write(&source, b"").unwrap();
        let reference = dir.path().join("reference.dpobackup");
        let (header, _) = write(&reference, &key, &new_backup(), &source, &mut |_, _| {}).unwrap();
        let (_, json, _) = read_prefix(&mut std::fs::read(&reference).unwrap().as_slice()).unwrap();
        let nonce: [u8; NONCE] = hex::decode(&header.nonce).unwrap().try_into().unwrap();
        for size in SIZES {
            let plain = payload(size);
            // A file as a sequential writer makes it: our header for this size, then the
            // STREAM encryptor, one chunk after the other.
            let mut clear: ClearHeader = serde_json::from_slice(&json).unwrap();
            clear.payload_size = size as u64;
            let head = prefix(FORMAT_VERSION, &serde_json::to_vec(&clear).unwrap());
            let mut stream =
                EncryptorBE32::from_aead(XChaCha20Poly1305::new((&key.0).into()), (&nonce).into());
            let mut file = head.clone();
            let parts = cut(&plain, CHUNK);
            let (last, rest) = parts.split_last().unwrap();
            for part in rest {
                file.extend(
                    stream
                        .encrypt_next(Payload {
                            msg: part,
                            aad: &head,
                        })
                        .unwrap(),
                );
            }
            file.extend(
                stream
                    .encrypt_last(Payload {
                        msg: last,
                        aad: &head,
                    })
                    .unwrap(),
            );
            let sealed = dir.path().join("sequential.dpobackup");
            std::fs::write(&sealed, &file).unwrap();

            let out = dir.path().join("opened.db");
            let opened = decrypt(&sealed, &key, Some(&out), &mut |_, _| {}).unwrap();
            assert_eq!(opened.payload_size, size as u64);
            assert!(std::fs::read(&out).unwrap() == plain, "size {size}");

            // One changed byte in the last chunk is still found, after the earlier rounds.
            let mut changed = file.clone();
            let at = changed.len() - 1;
            changed[at] ^= 1;
            std::fs::write(&sealed, &changed).unwrap();
            let err = decrypt(&sealed, &key, Some(&out), &mut |_, _| {}).unwrap_err();
            assert_eq!(err.code(), "backup_damaged", "size {size}");
            assert!(!out.exists(), "no half-opened file is left");
        }
    }
}
