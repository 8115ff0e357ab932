//! Documents of a tenant (SPEC §11): a folder tree, files whose every version is kept in
//! the encrypted database, links to the records they prove, and a storage quota.
//! Who may see a document is the `document` object type's rights and its "only folders …"
//! restriction, applied in SQL.

pub mod descriptor;
pub mod export;
mod files;
mod folders;
mod links;
mod names;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;

pub use files::AddedFile;
pub(crate) use files::{
    add_file, add_version, content_to, copy_into, delete, folder_path_in, restore_version,
    set_quota, storage, update,
};
pub use files::{MAX_BYTES, MAX_MIB};
pub(crate) use folders::{
    create_folder, delete_folder, folder_by_path, move_folder, rename_folder,
};
pub use links::LINKABLE;
pub(crate) use links::{documents_of, link};
pub(crate) use names::checked as checked_name;

/// A folder of a tenant's document tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Folder {
    pub id: i64,
    pub tenant_id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    /// "/Verträge/2026".
    pub path: String,
    /// Documents directly in the folder the user may see.
    pub document_count: i64,
}

/// One document as lists show it: its current version's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentRow {
    pub id: i64,
    pub tenant_id: i64,
    pub folder_id: Option<i64>,
    /// "/" at the root.
    pub folder_path: String,
    pub name: String,
    pub description: String,
    pub tags: Vec<String>,
    pub version: i64,
    pub size: i64,
    pub media_type: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentVersion {
    pub id: i64,
    pub version: i64,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
    /// The version this one brought back, when it is a restore.
    pub restored_from: Option<i64>,
}

/// A record a document is linked to, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentLink {
    pub object: ObjectType,
    pub id: i64,
    #[serde(default)]
    pub label: String,
}

/// A document with its versions (newest first) and links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Document {
    #[serde(flatten)]
    pub row: DocumentRow,
    pub versions: Vec<DocumentVersion>,
    pub links: Vec<DocumentLink>,
}

/// What a person edits of a document besides its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentInput {
    pub name: String,
    pub folder_id: Option<i64>,
    pub description: String,
    pub tags: Vec<String>,
    /// The records it proves; replaces the links the user can see.
    pub links: Vec<DocumentLink>,
}

/// Bytes a tenant's documents take (every version, the trash until it is purged) and the
/// quota an administrator set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StorageUse {
    pub used: i64,
    pub quota: Option<i64>,
}

/// One folder's view: its subfolders and documents, the whole tree for the side panel,
/// and the tenant's storage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DocumentListing {
    pub folders: Vec<Folder>,
    pub documents: Vec<DocumentRow>,
    pub storage: StorageUse,
}

/// The top-level folder a document is filed under, for the "only folders …" restriction.
const DOCUMENT_COLUMNS: Columns = Columns {
    editor: None,
    area_name: None,
    status: None,
    top_folder: Some(
        "(SELECT substr(fo.path, 2, instr(substr(fo.path, 2) || '/', '/') - 1)
          FROM document_folders fo WHERE fo.id = d.folder_id)",
    ),
};

const FOLDER_COLUMNS: Columns = Columns {
    editor: None,
    area_name: None,
    status: None,
    top_folder: Some("substr(f.path, 2, instr(substr(f.path, 2) || '/', '/') - 1)"),
};

pub(crate) fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Document, &DOCUMENT_COLUMNS)
}

pub(crate) fn visible_folders(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Document, &FOLDER_COLUMNS)
}

const ROW: &str =
    "SELECT d.id, d.tenant_id, d.folder_id, COALESCE(fo.path, '/'), d.name, d.description,
        d.tags, v.version, v.size, v.media_type, v.added_at, v.added_by
   FROM documents d
   JOIN document_versions v ON v.document_id = d.id
        AND v.version = (SELECT MAX(version) FROM document_versions WHERE document_id = d.id)
   LEFT JOIN document_folders fo ON fo.id = d.folder_id";

fn tags_of(text: String) -> Vec<String> {
    text.split('\n')
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentRow> {
    Ok(DocumentRow {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        folder_id: r.get(2)?,
        folder_path: r.get(3)?,
        name: r.get(4)?,
        description: r.get(5)?,
        tags: tags_of(r.get(6)?),
        version: r.get(7)?,
        size: r.get(8)?,
        media_type: r.get(9)?,
        updated_at: r.get(10)?,
        updated_by: r.get(11)?,
    })
}

/// A folder's subfolders and documents the user may see (`folder` None: the root), the
/// whole visible tree and the tenant's storage. `text` narrows the documents to those
/// whose name, description or tags hold every word, in every folder.
pub(crate) fn listing(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    folder: Option<i64>,
    text: Option<&str>,
) -> CoreResult<DocumentListing> {
    crate::access::scope::tenant(conn, user, tenant_id)?;
    if let Some(id) = folder {
        folders::visible_folder(conn, user, id, tenant_id)?;
    }
    let filter = visible(conn, user)?;
    let mut sql = format!(
        "{ROW} WHERE d.tenant_id = ? AND d.trash_id IS NULL AND {}",
        filter.sql
    );
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let words: Vec<&str> = text.unwrap_or("").split_whitespace().collect();
    if words.is_empty() {
        sql.push_str(" AND d.folder_id IS ?");
        params.push(folder.map_or(Value::Null, Value::Integer));
    }
    for word in &words {
        sql.push_str(
            " AND (d.name || ' ' || d.description || ' ' || d.tags) LIKE ? ESCAPE '\\' COLLATE NOCASE",
        );
        let escaped = word
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        params.push(format!("%{escaped}%").into());
    }
    sql.push_str(" ORDER BY d.name COLLATE NOCASE, d.id");
    let documents = conn
        .prepare(&sql)?
        .query_map(params_from_iter(params), row)?
        .collect::<Result<_, _>>()?;
    Ok(DocumentListing {
        folders: folders::tree(conn, user, tenant_id)?,
        documents,
        storage: storage(conn, tenant_id)?,
    })
}

/// Every live document of the tenant the user may see, by folder and name (exports).
pub(crate) fn full_list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<DocumentRow>> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let rows = conn
        .prepare(&format!(
            "{ROW} WHERE d.tenant_id = ? AND d.trash_id IS NULL AND {}
             ORDER BY COALESCE(fo.path, '/') COLLATE NOCASE, d.name COLLATE NOCASE",
            filter.sql
        ))?
        .query_map(params_from_iter(params), row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A live document the user may see.
pub(crate) fn visible_by_id(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    id: i64,
) -> CoreResult<Document> {
    let unknown =
        || CoreError::validation("document", "unknown", format!("no document with id {id}"));
    let tenant_id: i64 = conn
        .query_row(
            "SELECT tenant_id FROM documents WHERE id = ?1 AND trash_id IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    if !crate::access::scope::may_open_tenant(conn, user, tenant_id)? {
        return Err(unknown());
    }
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(filter.params);
    let row = conn
        .prepare(&format!("{ROW} WHERE d.id = ? AND {}", filter.sql))?
        .query_row(params_from_iter(params), row)
        .optional()?
        .ok_or_else(unknown)?;
    Ok(Document {
        versions: files::versions(conn, id)?,
        links: links::of_document(conn, user, now, id)?,
        row,
    })
}

/// Documents the user sees in a tenant, for the dashboard tile.
pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    Ok(conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM documents d WHERE d.tenant_id = ? AND d.trash_id IS NULL AND {}",
            filter.sql
        ),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}
