//! A document's file and its versions. The bytes stream from the file into the encrypted
//! database (SQLite's incremental blob I/O) and back out, so a large scan is never held
//! in memory whole; every version is kept until the document is purged from the trash.

use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, MAIN_DB};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{ObjectType, Permission, Right};
use crate::store::audit::{self, Change};
use crate::store::trash::{self, Deleted};

use super::{
    folders, links, names, visible_by_id, DocumentInput, DocumentRow, DocumentVersion, StorageUse,
};

/// The largest file a document takes: a long scanned contract or an exported mail thread
/// fits; video and disk images belong in an archive, not in the compliance database that
/// every backup copies whole.
pub const MAX_MIB: u64 = 100;
pub const MAX_BYTES: u64 = MAX_MIB * 1024 * 1024;

/// What adding one file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AddedFile {
    pub document: DocumentRow,
    /// False when the file became a new version of a document of the same name.
    pub new_document: bool,
}

/// Bytes the tenant's documents take (every version, also in the trash) and its quota.
pub(crate) fn storage(conn: &Connection, tenant_id: i64) -> CoreResult<StorageUse> {
    Ok(conn.query_row(
        "SELECT (SELECT COALESCE(SUM(v.size), 0) FROM document_versions v
                 JOIN documents d ON d.id = v.document_id WHERE d.tenant_id = ?1),
                (SELECT document_quota FROM tenants WHERE id = ?1)",
        [tenant_id],
        |r| {
            Ok(StorageUse {
                used: r.get(0)?,
                quota: r.get(1)?,
            })
        },
    )?)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

/// Refused before anything is written when `size` more bytes would pass the quota.
fn within_quota(conn: &Connection, tenant_id: i64, size: u64) -> CoreResult<()> {
    let use_ = storage(conn, tenant_id)?;
    if let Some(quota) = use_.quota {
        let free = (quota - use_.used).max(0) as u64;
        if size > free {
            return Err(CoreError::validation(
                "document",
                "quota",
                format!(
                    "the file has {}, but only {} of the tenant's {} for documents are free; ask an administrator to raise the quota or empty the trash",
                    mib(size),
                    mib(free),
                    mib(quota as u64)
                ),
            ));
        }
    }
    Ok(())
}

/// Sets or removes (`None`) a tenant's quota; administrators only (the desk's gate).
pub(crate) fn set_quota(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    quota: Option<i64>,
) -> CoreResult<StorageUse> {
    crate::access::scope::tenant(conn, user, tenant_id)?;
    if quota.is_some_and(|q| q <= 0) {
        return Err(CoreError::validation(
            "quota",
            "range",
            "a quota is more than 0 bytes",
        ));
    }
    let old = storage(conn, tenant_id)?.quota;
    conn.execute(
        "UPDATE tenants SET document_quota = ?1 WHERE id = ?2",
        params![quota, tenant_id],
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "update",
            object_type: ObjectType::Tenant.as_str(),
            object_id: Some(tenant_id.to_string()),
            old: Some(json!({ "document_quota": old })),
            new: Some(json!({ "document_quota": quota })),
        },
    )?;
    storage(conn, tenant_id)
}

fn size_checked(size: u64) -> CoreResult<()> {
    if size == 0 {
        return Err(CoreError::validation(
            "document",
            "empty",
            "the file is empty (0 bytes); choose the file with the content",
        ));
    }
    if size > MAX_BYTES {
        return Err(CoreError::validation(
            "document",
            "too_large",
            format!(
                "the file has {}; a document takes files up to {MAX_MIB} MB",
                mib(size)
            ),
        ));
    }
    Ok(())
}

fn media_type(name: &str) -> String {
    mime_guess::from_path(name)
        .first_or_octet_stream()
        .essence_str()
        .to_string()
}

/// Copies `reader` into the new content row of `version_id` (made `size` bytes long),
/// hashing on the way; fails when the source gives more or fewer bytes than announced.
fn stream_in(
    conn: &Connection,
    version_id: i64,
    size: u64,
    reader: &mut dyn Read,
) -> CoreResult<String> {
    conn.execute(
        "INSERT INTO document_contents (version_id, content) VALUES (?1, zeroblob(?2))",
        params![version_id, size as i64],
    )?;
    let mut blob = conn.blob_open(MAIN_DB, c"document_contents", c"content", version_id, false)?;
    let mut hash = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut written: u64 = 0;
    let changed = || {
        CoreError::validation(
            "document",
            "changed_while_adding",
            "the file changed while it was being added; add it again once it is saved",
        )
    };
    loop {
        let n = reader
            .read(&mut buffer)
            .map_err(|e| CoreError::io("document", e))?;
        if n == 0 {
            break;
        }
        if written + n as u64 > size {
            return Err(changed());
        }
        blob.write_all(&buffer[..n])
            .map_err(|e| CoreError::io("document", e))?;
        hash.update(&buffer[..n]);
        written += n as u64;
    }
    if written != size {
        return Err(changed());
    }
    Ok(format!("{:x}", hash.finalize()))
}

fn next_version(conn: &Connection, document_id: i64) -> CoreResult<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM document_versions WHERE document_id = ?1",
        [document_id],
        |r| r.get(0),
    )?)
}

/// The file at `path`, opened and checked (a file, not empty, within the limit and the
/// tenant's quota), with the name it is stored under.
struct Source {
    file: std::fs::File,
    name: String,
    size: u64,
    modified: Option<std::time::SystemTime>,
}

fn source(conn: &Connection, tenant_id: i64, path: &Path) -> CoreResult<Source> {
    let raw_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = names::checked(
        "document_name",
        &crate::store::attachments::file_name_of(&raw_name)?,
        "a document",
    )?;
    let file = std::fs::File::open(path).map_err(|e| CoreError::io(path, e))?;
    let meta = file.metadata().map_err(|e| CoreError::io(path, e))?;
    if !meta.is_file() {
        return Err(CoreError::validation(
            "document",
            "not_a_file",
            format!("'{name}' is a folder, not a file"),
        ));
    }
    size_checked(meta.len())?;
    within_quota(conn, tenant_id, meta.len())?;
    Ok(Source {
        file,
        name,
        size: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// Stores the source as the next version of `document_id` and logs it.
fn store_version(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    document_id: i64,
    path: &Path,
    mut source: Source,
    action: &str,
) -> CoreResult<i64> {
    let version = next_version(conn, document_id)?;
    conn.execute(
        "INSERT INTO document_versions (document_id, version, file_name, media_type, size, sha256, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7)",
        params![
            document_id,
            version,
            source.name,
            media_type(&source.name),
            source.size as i64,
            now,
            user.name
        ],
    )?;
    let version_id = conn.last_insert_rowid();
    let sha256 = stream_in(conn, version_id, source.size, &mut source.file)?;
    let after = std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?;
    if after.len() != source.size || after.modified().ok() != source.modified {
        return Err(CoreError::validation(
            "document",
            "changed_while_adding",
            "the file changed while it was being added; add it again once it is saved",
        ));
    }
    conn.execute(
        "UPDATE document_versions SET sha256 = ?1 WHERE id = ?2",
        params![sha256, version_id],
    )?;
    conn.execute(
        "UPDATE documents SET updated_at = ?1 WHERE id = ?2",
        params![now, document_id],
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action,
            object_type: ObjectType::Document.as_str(),
            object_id: Some(document_id.to_string()),
            old: None,
            new: Some(
                json!({ "name": source.name, "version": version, "size": source.size, "sha256": sha256 }),
            ),
        },
    )?;
    Ok(version)
}

fn may_edit(conn: &Connection, user: &UserRecord) -> CoreResult<()> {
    if !crate::access::permissions::granted(
        conn,
        user,
        Permission::new(ObjectType::Document, Right::Edit),
    )? {
        return Err(CoreError::PermissionDenied {
            object: ObjectType::Document,
            right: Right::Edit,
        });
    }
    Ok(())
}

/// Adds the file at `path` to a folder (`None`: the root): a new document, or a new version
/// of the document of the same name there. Refused, with nothing stored, when the file is
/// empty, too large, over the quota, or changes while it is read.
pub(crate) fn add_file(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    folder: Option<i64>,
    path: &Path,
) -> CoreResult<AddedFile> {
    crate::access::scope::tenant(conn, user, tenant_id)?;
    if let Some(f) = folder {
        folders::visible_folder(conn, user, f, tenant_id)?;
    }
    let source = source(conn, tenant_id, path)?;
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM documents WHERE tenant_id = ?1 AND folder_id IS ?2 AND name = ?3 COLLATE NOCASE AND trash_id IS NULL",
            params![tenant_id, folder, source.name],
            |r| r.get(0),
        )
        .optional()?;
    let (document_id, new_document) = match existing {
        Some(id) => {
            // A second file of the same name is a new version: a change of the document.
            visible_by_id(conn, user, now, id)?;
            may_edit(conn, user)?;
            (id, false)
        }
        None => {
            conn.execute(
                "INSERT INTO documents (tenant_id, folder_id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![tenant_id, folder, source.name, now],
            )?;
            (conn.last_insert_rowid(), true)
        }
    };
    let action = if new_document {
        "create"
    } else {
        "new_version"
    };
    store_version(conn, now, user, document_id, path, source, action)?;
    Ok(AddedFile {
        document: visible_by_id(conn, user, now, document_id)?.row,
        new_document,
    })
}

/// Stores the file at `path` as the next version of a document, whatever its name (the
/// document keeps its own).
pub(crate) fn add_version(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    path: &Path,
) -> CoreResult<AddedFile> {
    let document = visible_by_id(conn, user, now, id)?;
    let source = source(conn, document.row.tenant_id, path)?;
    store_version(conn, now, user, id, path, source, "new_version")?;
    Ok(AddedFile {
        document: visible_by_id(conn, user, now, id)?.row,
        new_document: false,
    })
}

pub(crate) fn versions(conn: &Connection, document_id: i64) -> CoreResult<Vec<DocumentVersion>> {
    let rows = conn
        .prepare_cached(
            "SELECT id, version, file_name, media_type, size, sha256, added_at, added_by, restored_from
             FROM document_versions WHERE document_id = ?1 ORDER BY version DESC",
        )?
        .query_map([document_id], |r| {
            Ok(DocumentVersion {
                id: r.get(0)?,
                version: r.get(1)?,
                file_name: r.get(2)?,
                media_type: r.get(3)?,
                size: r.get(4)?,
                sha256: r.get(5)?,
                added_at: r.get(6)?,
                added_by: r.get(7)?,
                restored_from: r.get(8)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

fn version_of(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    id: i64,
    version: Option<i64>,
) -> CoreResult<DocumentVersion> {
    let document = visible_by_id(conn, user, now, id)?;
    let wanted = version.unwrap_or(document.row.version);
    document
        .versions
        .into_iter()
        .find(|v| v.version == wanted)
        .ok_or_else(|| {
            CoreError::validation(
                "version",
                "not_found",
                format!("the document has no version {wanted}"),
            )
        })
}

/// Writes version `version` (the current one when `None`) of a document to `out`.
pub(crate) fn content_to(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    id: i64,
    version: Option<i64>,
    out: &mut dyn Write,
) -> CoreResult<DocumentVersion> {
    let v = version_of(conn, user, now, id, version)?;
    let mut blob = conn.blob_open(MAIN_DB, c"document_contents", c"content", v.id, true)?;
    std::io::copy(&mut blob, out).map_err(|e| CoreError::io(&v.file_name, e))?;
    Ok(v)
}

/// Makes an earlier version the current one again, as a new version (its bytes copied), so
/// nothing of the history is lost.
pub(crate) fn restore_version(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    version: i64,
) -> CoreResult<DocumentVersion> {
    let old = version_of(conn, user, now, id, Some(version))?;
    let document = visible_by_id(conn, user, now, id)?;
    if old.version == document.row.version {
        return Err(CoreError::validation(
            "version",
            "unchanged",
            "this version is the current one",
        ));
    }
    within_quota(conn, document.row.tenant_id, old.size as u64)?;
    let new_version = next_version(conn, id)?;
    conn.execute(
        "INSERT INTO document_versions (document_id, version, file_name, media_type, size, sha256, added_at, added_by, restored_from)
         SELECT document_id, ?1, file_name, media_type, size, sha256, ?2, ?3, version FROM document_versions WHERE id = ?4",
        params![new_version, now, user.name, old.id],
    )?;
    let version_id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO document_contents (version_id, content) SELECT ?1, content FROM document_contents WHERE version_id = ?2",
        params![version_id, old.id],
    )?;
    conn.execute(
        "UPDATE documents SET updated_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "restore_version",
            object_type: ObjectType::Document.as_str(),
            object_id: Some(id.to_string()),
            old: Some(json!({ "version": document.row.version })),
            new: Some(json!({ "version": new_version, "restored_from": old.version })),
        },
    )?;
    Ok(versions(conn, id)?.remove(0))
}

/// Renames, moves, describes, tags and links a document.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &DocumentInput,
) -> CoreResult<super::Document> {
    let old = visible_by_id(conn, user, now, id)?;
    let tenant_id = old.row.tenant_id;
    let name = names::checked("document_name", &input.name, "a document")?;
    if let Some(f) = input.folder_id {
        folders::visible_folder(conn, user, f, tenant_id)?;
    }
    let taken: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM documents WHERE tenant_id = ?1 AND folder_id IS ?2 AND name = ?3 COLLATE NOCASE
           AND trash_id IS NULL AND id <> ?4)",
        params![tenant_id, input.folder_id, name, id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::validation(
            "document_name",
            "duplicate",
            format!("a document '{name}' is already in that folder; add the file there to make a new version of it"),
        ));
    }
    let mut tags: Vec<String> = input
        .tags
        .iter()
        .map(|t| t.trim().replace('\n', " "))
        .filter(|t| !t.is_empty())
        .collect();
    tags.sort_by_key(|t| t.to_lowercase());
    tags.dedup_by_key(|t| t.to_lowercase());
    let description = input.description.trim().to_string();
    if description.chars().count() > 10_000 {
        return Err(CoreError::validation(
            "description",
            "too_long",
            "at most 10,000 characters",
        ));
    }
    conn.execute(
        "UPDATE documents SET name = ?1, folder_id = ?2, description = ?3, tags = ?4, updated_at = ?5 WHERE id = ?6",
        params![name, input.folder_id, description, tags.join("\n"), now, id],
    )?;
    links::replace(conn, user, now, id, tenant_id, &input.links)?;
    let new = visible_by_id(conn, user, now, id).map_err(|_| {
        CoreError::validation(
            "folder",
            "outside_reach",
            "your role shows only some folders; file it in one of them",
        )
    })?;
    let described = |d: &super::Document| {
        json!({
            "name": d.row.name, "folder": d.row.folder_path, "description": d.row.description,
            "tags": d.row.tags, "links": d.links.iter().map(|l| format!("{}:{}", l.object.as_str(), l.id)).collect::<Vec<_>>(),
        })
    };
    if described(&old) != described(&new) {
        audit::record(
            conn,
            now,
            Some(&user.actor()),
            Change {
                action: "update",
                object_type: ObjectType::Document.as_str(),
                object_id: Some(id.to_string()),
                old: Some(described(&old)),
                new: Some(described(&new)),
            },
        )?;
    }
    Ok(new)
}

/// A copy of a document in another tenant (SPEC §9): its current version, name,
/// description and tags, in `folder` there; a document of the same name in that folder
/// receives it as its next version instead. Answers the target document and whether it
/// was there already.
pub(crate) fn copy_into(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    source_id: i64,
    tenant_id: i64,
    folder: Option<i64>,
) -> CoreResult<(i64, bool)> {
    let source = visible_by_id(conn, user, now, source_id)?;
    crate::access::scope::tenant(conn, user, tenant_id)?;
    if let Some(f) = folder {
        folders::visible_folder(conn, user, f, tenant_id)?;
    }
    let current = source.versions[0].clone();
    within_quota(conn, tenant_id, current.size as u64)?;
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM documents WHERE tenant_id = ?1 AND folder_id IS ?2 AND name = ?3 COLLATE NOCASE AND trash_id IS NULL",
            params![tenant_id, folder, source.row.name],
            |r| r.get(0),
        )
        .optional()?;
    let id = match existing {
        Some(id) => {
            // A new version of the target's document is a change of it.
            visible_by_id(conn, user, now, id)?;
            may_edit(conn, user)?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO documents (tenant_id, folder_id, name, description, tags, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    tenant_id,
                    folder,
                    source.row.name,
                    source.row.description,
                    source.row.tags.join("\n"),
                    now
                ],
            )?;
            conn.last_insert_rowid()
        }
    };
    let version = next_version(conn, id)?;
    conn.execute(
        "INSERT INTO document_versions (document_id, version, file_name, media_type, size, sha256, added_at, added_by)
         SELECT ?1, ?2, file_name, media_type, size, sha256, ?3, ?4 FROM document_versions WHERE id = ?5",
        params![id, version, now, user.name, current.id],
    )?;
    conn.execute(
        "INSERT INTO document_contents (version_id, content) SELECT ?1, content FROM document_contents WHERE version_id = ?2",
        params![conn.last_insert_rowid(), current.id],
    )?;
    conn.execute(
        "UPDATE documents SET updated_at = ?1 WHERE id = ?2",
        params![now, id],
    )?;
    Ok((id, existing.is_some()))
}

/// The folder at `path` in a tenant, made with its parents where missing (a copy keeps
/// the folder it came from).
pub(crate) fn folder_path_in(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    path: &str,
) -> CoreResult<Option<i64>> {
    let mut parent = None;
    let mut so_far = String::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        so_far = format!("{so_far}/{part}");
        parent = match folders::folder_by_path(conn, user, tenant_id, &so_far) {
            Ok(found) => found,
            Err(CoreError::Validation {
                rule: "unknown", ..
            }) => Some(folders::create_folder(conn, now, user, tenant_id, parent, part)?.id),
            Err(e) => return Err(e),
        };
    }
    Ok(parent)
}

/// Moves documents into the trash, one entry each, all or none.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let document = visible_by_id(conn, user, now, id)?;
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(document.row.tenant_id),
                object: ObjectType::Document,
                object_id: id,
                label: &document.row.name,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE document_contents (version_id INTEGER PRIMARY KEY, content BLOB NOT NULL);")
            .unwrap();
        conn
    }

    #[test]
    fn a_file_that_grows_or_shrinks_while_it_is_read_is_refused() {
        let conn = store();
        let grew = stream_in(&conn, 1, 4, &mut &b"longer than announced"[..]);
        assert!(
            matches!(
                grew,
                Err(CoreError::Validation {
                    rule: "changed_while_adding",
                    ..
                })
            ),
            "{grew:?}"
        );
        let shrank = stream_in(&conn, 2, 40, &mut &b"short"[..]);
        assert!(
            matches!(
                shrank,
                Err(CoreError::Validation {
                    rule: "changed_while_adding",
                    ..
                })
            ),
            "{shrank:?}"
        );
    }

    #[test]
    fn the_bytes_stream_in_whole_with_their_hash() {
        let conn = store();
        let hash = stream_in(&conn, 7, 3, &mut &b"abc"[..]).unwrap();
        assert_eq!(
            hash,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let stored: Vec<u8> = conn
            .query_row(
                "SELECT content FROM document_contents WHERE version_id = 7",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(stored, b"abc");
    }
}
