//! The folder tree of a tenant's documents. Every folder keeps its full path, so a rename
//! or a move rewrites the paths below it in one statement.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::json;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Change};
use crate::store::trash::{self, Deleted};

use super::{names, visible, visible_folders, Folder};

/// The audit log's name for folder changes (folders are governed by the document rights).
pub(crate) const FOLDER: &str = "document_folder";

fn unknown(id: i64) -> CoreError {
    CoreError::validation("folder", "unknown", format!("no folder with id {id}"))
}

/// Every live folder of the tenant the user may see, by path.
pub(crate) fn tree(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<Folder>> {
    let folders = visible_folders(conn, user)?;
    let documents = visible(conn, user)?;
    let mut params: Vec<Value> = documents.params;
    params.push(tenant_id.into());
    params.extend(folders.params);
    let sql = format!(
        "SELECT f.id, f.tenant_id, f.parent_id, f.name, f.path,
                (SELECT COUNT(*) FROM documents d WHERE d.folder_id = f.id AND d.trash_id IS NULL AND {})
         FROM document_folders f
         WHERE f.tenant_id = ? AND f.trash_id IS NULL AND {}
         ORDER BY f.path COLLATE NOCASE",
        documents.sql, folders.sql
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(params_from_iter(params), |r| {
            Ok(Folder {
                id: r.get(0)?,
                tenant_id: r.get(1)?,
                parent_id: r.get(2)?,
                name: r.get(3)?,
                path: r.get(4)?,
                document_count: r.get(5)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// A live folder the user may see; `tenant_id` where the caller knows the tenant it must
/// belong to.
pub(crate) fn visible_folder(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    tenant_id: i64,
) -> CoreResult<Folder> {
    let folder_tenant: i64 = conn
        .query_row(
            "SELECT tenant_id FROM document_folders WHERE id = ?1 AND trash_id IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| unknown(id))?;
    if folder_tenant != tenant_id || !crate::access::scope::may_open_tenant(conn, user, tenant_id)?
    {
        return Err(unknown(id));
    }
    tree(conn, user, tenant_id)?
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| unknown(id))
}

/// The tenant of a live folder the user may see.
pub(crate) fn tenant_of(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Folder> {
    let tenant_id: i64 = conn
        .query_row(
            "SELECT tenant_id FROM document_folders WHERE id = ?1 AND trash_id IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| unknown(id))?;
    visible_folder(conn, user, id, tenant_id)
}

/// The folder at `path` ("/Verträge/2026", "Verträge/2026"; "/" is the root, `None`).
pub(crate) fn folder_by_path(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    path: &str,
) -> CoreResult<Option<i64>> {
    crate::access::scope::tenant(conn, user, tenant_id)?;
    let parts: Vec<&str> = path
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Ok(None);
    }
    let wanted = format!("/{}", parts.join("/"));
    // The same folding of case as the check that keeps sibling names apart (SQLite's).
    let id: Option<i64> = conn
        .query_row(
            "SELECT id FROM document_folders WHERE tenant_id = ?1 AND trash_id IS NULL AND path = ?2 COLLATE NOCASE",
            params![tenant_id, wanted],
            |r| r.get(0),
        )
        .optional()?;
    let unknown = || {
        CoreError::validation(
            "folder",
            "unknown",
            format!("no folder '{wanted}' in this tenant"),
        )
    };
    let id = id.ok_or_else(unknown)?;
    visible_folder(conn, user, id, tenant_id).map_err(|_| unknown())?;
    Ok(Some(id))
}

fn sibling_taken(
    conn: &Connection,
    tenant_id: i64,
    parent: Option<i64>,
    name: &str,
    except: Option<i64>,
) -> CoreResult<()> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM document_folders WHERE tenant_id = ?1 AND parent_id IS ?2
           AND name = ?3 COLLATE NOCASE AND trash_id IS NULL AND id IS NOT ?4)",
        params![tenant_id, parent, name, except],
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::validation(
            "folder_name",
            "duplicate",
            format!("a folder '{name}' is already there"),
        ));
    }
    Ok(())
}

/// Writes the paths of a folder and everything below it (trashed subfolders included: they
/// come back under it) from their parents and names.
pub(crate) fn repath(conn: &Connection, id: i64) -> CoreResult<()> {
    conn.execute(
        "WITH RECURSIVE p(id, path) AS (
             SELECT f.id, COALESCE((SELECT q.path FROM document_folders q WHERE q.id = f.parent_id), '') || '/' || f.name
             FROM document_folders f WHERE f.id = ?1
             UNION ALL
             SELECT f.id, p.path || '/' || f.name FROM document_folders f JOIN p ON f.parent_id = p.id)
         UPDATE document_folders SET path = (SELECT path FROM p WHERE p.id = document_folders.id)
         WHERE id IN (SELECT id FROM p)",
        [id],
    )?;
    Ok(())
}

fn path_under(conn: &Connection, parent: Option<i64>, name: &str) -> CoreResult<String> {
    let base: String = match parent {
        None => String::new(),
        Some(p) => conn.query_row(
            "SELECT path FROM document_folders WHERE id = ?1",
            [p],
            |r| r.get(0),
        )?,
    };
    Ok(format!("{base}/{name}"))
}

/// Refused where the result would be hidden from its maker by the "only folders …"
/// restriction: nobody files something they cannot find again.
fn still_visible(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    tenant_id: i64,
) -> CoreResult<Folder> {
    visible_folder(conn, user, id, tenant_id).map_err(|_| {
        CoreError::validation(
            "folder",
            "outside_reach",
            "your role shows only some folders; file it in one of them",
        )
    })
}

pub(crate) fn create_folder(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    parent: Option<i64>,
    name: &str,
) -> CoreResult<Folder> {
    crate::access::scope::tenant(conn, user, tenant_id)?;
    if let Some(p) = parent {
        visible_folder(conn, user, p, tenant_id)?;
    }
    let name = names::checked("folder_name", name, "a folder")?;
    sibling_taken(conn, tenant_id, parent, &name, None)?;
    let path = path_under(conn, parent, &name)?;
    conn.execute(
        "INSERT INTO document_folders (tenant_id, parent_id, name, path, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![tenant_id, parent, name, path, now],
    )?;
    let id = conn.last_insert_rowid();
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "create",
            object_type: FOLDER,
            object_id: Some(id.to_string()),
            old: None,
            new: Some(json!({ "name": name, "path": path })),
        },
    )?;
    still_visible(conn, user, id, tenant_id)
}

/// Gives a folder a new name and/or parent; the paths below it follow.
fn relocate(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    parent: Option<i64>,
    name: &str,
    action: &str,
) -> CoreResult<Folder> {
    let folder = tenant_of(conn, user, id)?;
    let name = names::checked("folder_name", name, "a folder")?;
    if let Some(p) = parent {
        let target = visible_folder(conn, user, p, folder.tenant_id)?;
        if target.path == folder.path || target.path.starts_with(&format!("{}/", folder.path)) {
            return Err(CoreError::validation(
                "folder",
                "into_itself",
                "a folder cannot move into itself or one of its subfolders",
            ));
        }
    }
    sibling_taken(conn, folder.tenant_id, parent, &name, Some(id))?;
    let path = path_under(conn, parent, &name)?;
    conn.execute(
        "UPDATE document_folders SET name = ?1, parent_id = ?2 WHERE id = ?3",
        params![name, parent, id],
    )?;
    repath(conn, id)?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action,
            object_type: FOLDER,
            object_id: Some(id.to_string()),
            old: Some(json!({ "path": folder.path })),
            new: Some(json!({ "path": path })),
        },
    )?;
    still_visible(conn, user, id, folder.tenant_id)
}

pub(crate) fn rename_folder(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    name: &str,
) -> CoreResult<Folder> {
    let parent = tenant_of(conn, user, id)?.parent_id;
    relocate(conn, now, user, id, parent, name, "update")
}

pub(crate) fn move_folder(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    parent: Option<i64>,
) -> CoreResult<Folder> {
    let name = tenant_of(conn, user, id)?.name;
    relocate(conn, now, user, id, parent, &name, "move")
}

/// A folder with everything below it, as one trash entry.
const FOLDER_CASCADE: crate::store::trash::Cascade = &[
    (
        "documents",
        "folder_id IN (WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT f.id FROM document_folders f JOIN sub ON f.parent_id = sub.id) SELECT id FROM sub)",
    ),
    (
        "document_folders",
        "id IN (WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT f.id FROM document_folders f JOIN sub ON f.parent_id = sub.id) SELECT id FROM sub)",
    ),
];

/// Moves the folder, its subfolders and their documents into the trash as one entry.
/// Refused while the user's restriction hides documents inside: they would go unseen.
pub(crate) fn delete_folder(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
) -> CoreResult<i64> {
    let folder = tenant_of(conn, user, id)?;
    let hidden: i64 = {
        let filter = visible(conn, user)?;
        let mut params: Vec<Value> = vec![folder.path.clone().into(), folder.tenant_id.into()];
        params.extend(filter.params);
        conn.query_row(
            &format!(
                "SELECT COUNT(*) FROM documents d JOIN document_folders f ON f.id = d.folder_id
                 WHERE (f.path = ?1 OR substr(f.path, 1, length(?1) + 1) = ?1 || '/') AND d.tenant_id = ?2
                   AND d.trash_id IS NULL AND NOT ({})",
                filter.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )?
    };
    if hidden > 0 {
        return Err(CoreError::validation(
            "folder",
            "holds_hidden",
            "the folder holds documents your role does not show; ask an administrator",
        ));
    }
    trash::put(
        conn,
        now,
        &user.actor(),
        Deleted {
            tenant_id: Some(folder.tenant_id),
            object: ObjectType::Document,
            object_id: id,
            label: &folder.path,
        },
        FOLDER_CASCADE,
    )
}
