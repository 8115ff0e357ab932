//! The documents' part of the tenant document (format version 7): folders by path, each
//! document with every version's bytes in Base64 and its links as positions of the file's
//! records, so an export, an import and a tenant copy carry the evidence with the records
//! it proves. Links to DPIAs are not carried: an assessment is its activity's, and the
//! activity's links are.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::documents;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// "/" for the root, else "/Verträge/2026".
    pub folder: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Oldest first.
    pub versions: Vec<VersionRecord>,
    #[serde(default)]
    pub links: Vec<LinkRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRecord {
    pub file_name: String,
    pub media_type: String,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
    #[serde(default)]
    pub restored_from: Option<i64>,
    /// The bytes, Base64.
    pub data: String,
}

/// A linked record by its kind and its position (from 1) among the file's records of that
/// kind (activities counted across companies, as everywhere in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkRecord {
    pub object: ObjectType,
    pub position: i64,
}

/// Ids of the tenant's records in the order the tenant document lists them, per kind.
#[derive(Default)]
pub struct Order {
    pub companies: Vec<i64>,
    pub activities: Vec<i64>,
    pub toms: Vec<i64>,
    pub requests: Vec<i64>,
    pub breaches: Vec<i64>,
    pub agreements: Vec<i64>,
}

impl Order {
    fn of(&self, object: ObjectType) -> Option<&[i64]> {
        Some(match object {
            ObjectType::Company => &self.companies,
            ObjectType::ProcessingActivity => &self.activities,
            ObjectType::Tom => &self.toms,
            ObjectType::Request => &self.requests,
            ObjectType::Breach => &self.breaches,
            ObjectType::ProcessorAgreement => &self.agreements,
            _ => return None,
        })
    }
}

/// The tenant's live folders (parents first) and documents.
pub(crate) fn export(
    conn: &Connection,
    tenant_id: i64,
    order: &Order,
) -> CoreResult<(Vec<String>, Vec<DocumentRecord>)> {
    let folders: Vec<String> = conn
        .prepare("SELECT path FROM document_folders WHERE tenant_id = ?1 AND trash_id IS NULL ORDER BY length(path) - length(replace(path, '/', '')), path")?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let positions: HashMap<(ObjectType, i64), i64> = crate::domain::documents::LINKABLE
        .iter()
        .filter_map(|o| order.of(*o).map(|ids| (*o, ids)))
        .flat_map(|(o, ids)| {
            ids.iter()
                .enumerate()
                .map(move |(i, id)| ((o, *id), i as i64 + 1))
        })
        .collect();
    let rows: Vec<(i64, String, String, String, String)> = conn
        .prepare(
            "SELECT d.id, COALESCE(f.path, '/'), d.name, d.description, d.tags FROM documents d
             LEFT JOIN document_folders f ON f.id = d.folder_id
             WHERE d.tenant_id = ?1 AND d.trash_id IS NULL ORDER BY d.id",
        )?
        .query_map([tenant_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut records = Vec::with_capacity(rows.len());
    for (id, folder, name, description, tags) in rows {
        let mut versions = Vec::new();
        let mut stmt = conn.prepare_cached(
            "SELECT v.file_name, v.media_type, v.added_at, v.added_by, v.restored_from, c.content
             FROM document_versions v JOIN document_contents c ON c.version_id = v.id
             WHERE v.document_id = ?1 ORDER BY v.version",
        )?;
        let mut rows = stmt.query([id])?;
        while let Some(r) = rows.next()? {
            let bytes: Vec<u8> = r.get(5)?;
            versions.push(VersionRecord {
                file_name: r.get(0)?,
                media_type: r.get(1)?,
                added_at: r.get(2)?,
                added_by: r.get(3)?,
                restored_from: r.get(4)?,
                data: data_encoding::BASE64.encode(&bytes),
            });
        }
        let links: Vec<(String, i64)> = conn
            .prepare_cached("SELECT object_type, object_id FROM document_links WHERE document_id = ?1 ORDER BY object_type, object_id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        records.push(DocumentRecord {
            folder,
            name,
            description,
            tags: tags
                .split('\n')
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            versions,
            links: links
                .into_iter()
                .filter_map(|(o, id)| {
                    let object = ObjectType::parse(&o)?;
                    positions
                        .get(&(object, id))
                        .map(|&position| LinkRecord { object, position })
                })
                .collect(),
        });
    }
    Ok((folders, records))
}

fn invalid(message: impl Into<String>) -> CoreError {
    CoreError::validation("tenant_file", "invalid", message)
}

/// The folder at `path`, made with its parents where missing.
fn folder_at(
    conn: &Connection,
    now: DateTime<Utc>,
    tenant_id: i64,
    path: &str,
    made: &mut HashMap<String, i64>,
) -> CoreResult<Option<i64>> {
    let mut parent: Option<i64> = None;
    let mut so_far = String::new();
    for part in path.split('/').filter(|p| !p.trim().is_empty()) {
        let name = documents::checked_name("folder_name", part, "a folder")?;
        so_far = format!("{so_far}/{name}");
        parent = Some(match made.get(&so_far) {
            Some(id) => *id,
            None => {
                conn.execute(
                    "INSERT INTO document_folders (tenant_id, parent_id, name, path, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![tenant_id, parent, name, so_far, now],
                )?;
                let id = conn.last_insert_rowid();
                made.insert(so_far.clone(), id);
                id
            }
        });
    }
    Ok(parent)
}

/// Writes the file's folders and documents into the new tenant; `order` holds the new
/// records' ids in the file's order, for the links.
pub(crate) fn import(
    conn: &Connection,
    now: DateTime<Utc>,
    tenant_id: i64,
    folders: &[String],
    records: &[DocumentRecord],
    order: &Order,
) -> CoreResult<()> {
    let mut made = HashMap::new();
    for path in folders {
        folder_at(conn, now, tenant_id, path, &mut made)?;
    }
    for record in records {
        let folder = folder_at(conn, now, tenant_id, &record.folder, &mut made)?;
        let name = documents::checked_name("document_name", &record.name, "a document")?;
        if record.versions.is_empty() {
            return Err(invalid(format!("the document '{name}' has no file")));
        }
        let created = record.versions[0].added_at;
        let updated = record.versions.last().map_or(created, |v| v.added_at);
        conn.execute(
            "INSERT INTO documents (tenant_id, folder_id, name, description, tags, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![tenant_id, folder, name, record.description, record.tags.join("\n"), created, updated],
        )?;
        let document_id = conn.last_insert_rowid();
        for (i, v) in record.versions.iter().enumerate() {
            let bytes = data_encoding::BASE64
                .decode(v.data.as_bytes())
                .map_err(|e| invalid(format!("a version of '{name}' is not Base64: {e}")))?;
            if bytes.is_empty() || bytes.len() as u64 > documents::MAX_BYTES {
                return Err(invalid(format!(
                    "a version of '{name}' is empty or larger than {} MB",
                    documents::MAX_MIB
                )));
            }
            let file_name = documents::checked_name("document_name", &v.file_name, "a document")?;
            conn.execute(
                "INSERT INTO document_versions (document_id, version, file_name, media_type, size, sha256, added_at, added_by, restored_from)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    document_id,
                    i as i64 + 1,
                    file_name,
                    v.media_type,
                    bytes.len() as i64,
                    format!("{:x}", Sha256::digest(&bytes)),
                    v.added_at,
                    v.added_by,
                    v.restored_from
                ],
            )?;
            conn.execute(
                "INSERT INTO document_contents (version_id, content) VALUES (?1, ?2)",
                params![conn.last_insert_rowid(), bytes],
            )?;
        }
        for link in &record.links {
            let id = order
                .of(link.object)
                .and_then(|ids| {
                    usize::try_from(link.position - 1)
                        .ok()
                        .and_then(|i| ids.get(i))
                })
                .ok_or_else(|| {
                    invalid(format!(
                        "'{name}' is linked to {} {}, which the file does not hold",
                        link.object.as_str(),
                        link.position
                    ))
                })?;
            conn.execute(
                "INSERT OR IGNORE INTO document_links (document_id, object_type, object_id) VALUES (?1, ?2, ?3)",
                params![document_id, link.object.as_str(), id],
            )?;
        }
    }
    Ok(())
}

/// A tenant copy's documents, row by row in SQL: folders by path, every version with its
/// bytes copied inside the database (never through memory), links to the copy's records.
pub(crate) fn copy_all(
    conn: &Connection,
    now: DateTime<Utc>,
    source: i64,
    target: i64,
    from: &Order,
    to: &Order,
) -> CoreResult<()> {
    let folders: Vec<(i64, Option<i64>, String, String)> = conn
        .prepare(
            "SELECT id, parent_id, name, path FROM document_folders WHERE tenant_id = ?1 AND trash_id IS NULL
             ORDER BY length(path) - length(replace(path, '/', '')), path",
        )?
        .query_map([source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    let mut folder_of: HashMap<i64, i64> = HashMap::new();
    for (id, parent, name, path) in folders {
        conn.execute(
            "INSERT INTO document_folders (tenant_id, parent_id, name, path, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![target, parent.and_then(|p| folder_of.get(&p).copied()), name, path, now],
        )?;
        folder_of.insert(id, conn.last_insert_rowid());
    }
    let documents: Vec<(i64, Option<i64>)> = conn
        .prepare("SELECT id, folder_id FROM documents WHERE tenant_id = ?1 AND trash_id IS NULL ORDER BY id")?
        .query_map([source], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let position: HashMap<(ObjectType, i64), usize> = documents::LINKABLE
        .iter()
        .filter_map(|o| from.of(*o).map(|ids| (*o, ids)))
        .flat_map(|(o, ids)| ids.iter().enumerate().map(move |(i, id)| ((o, *id), i)))
        .collect();
    for (id, folder) in documents {
        conn.execute(
            "INSERT INTO documents (tenant_id, folder_id, name, description, tags, created_at, updated_at)
             SELECT ?1, ?2, name, description, tags, created_at, updated_at FROM documents WHERE id = ?3",
            params![target, folder.and_then(|f| folder_of.get(&f).copied()), id],
        )?;
        let copy = conn.last_insert_rowid();
        let versions: Vec<i64> = conn
            .prepare_cached(
                "SELECT id FROM document_versions WHERE document_id = ?1 ORDER BY version",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for version in versions {
            conn.execute(
                "INSERT INTO document_versions (document_id, version, file_name, media_type, size, sha256, added_at, added_by, restored_from)
                 SELECT ?1, version, file_name, media_type, size, sha256, added_at, added_by, restored_from
                 FROM document_versions WHERE id = ?2",
                params![copy, version],
            )?;
            conn.execute(
                "INSERT INTO document_contents (version_id, content) SELECT ?1, content FROM document_contents WHERE version_id = ?2",
                params![conn.last_insert_rowid(), version],
            )?;
        }
        let links: Vec<(String, i64)> = conn
            .prepare_cached(
                "SELECT object_type, object_id FROM document_links WHERE document_id = ?1",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (object, record) in links {
            let Some(object) = ObjectType::parse(&object) else {
                continue;
            };
            let target_id = position
                .get(&(object, record))
                .and_then(|i| to.of(object).and_then(|ids| ids.get(*i)));
            if let Some(target_id) = target_id {
                conn.execute(
                    "INSERT OR IGNORE INTO document_links (document_id, object_type, object_id) VALUES (?1, ?2, ?3)",
                    params![copy, object.as_str(), target_id],
                )?;
            }
        }
    }
    Ok(())
}
