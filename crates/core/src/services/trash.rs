//! The trash (SPEC §11): a delete moves a record and its children into the trash, marked
//! with one trash entry (`store::trash`, with the cascade the domain's descriptor names);
//! a restore puts back exactly what that delete took; entries older than 30 days are
//! purged for good. Which tables hold trashed rows and what must go before them is read
//! from the domain registry.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::domain::registry::trash_specs;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{ObjectType, Permission, Right};
use crate::store::audit::{self, Change};

pub const RETENTION_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TrashEntry {
    pub id: i64,
    pub tenant_id: Option<i64>,
    pub tenant_name: Option<String>,
    pub object_type: String,
    pub object_id: i64,
    pub label: String,
    pub deleted_at: DateTime<Utc>,
    pub deleted_by: String,
    /// When it is purged for good.
    pub purge_at: DateTime<Utc>,
}

fn entry(conn: &Connection, id: i64) -> CoreResult<Option<TrashEntry>> {
    Ok(conn
        .query_row(
            "SELECT t.id, t.tenant_id, tn.name, t.object_type, t.object_id, t.label, t.deleted_at, t.deleted_by
             FROM trash t LEFT JOIN tenants tn ON tn.id = t.tenant_id WHERE t.id = ?1",
            [id],
            row,
        )
        .optional()?)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TrashEntry> {
    let deleted_at: DateTime<Utc> = r.get(6)?;
    Ok(TrashEntry {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        tenant_name: r.get(2)?,
        object_type: r.get(3)?,
        object_id: r.get(4)?,
        label: r.get(5)?,
        deleted_at,
        deleted_by: r.get(7)?,
        purge_at: deleted_at + Duration::days(RETENTION_DAYS),
    })
}

/// What the user may see of the trash: entries of tenants they may open, of object types
/// they may view or delete.
pub(crate) fn list(conn: &Connection, user: &UserRecord) -> CoreResult<Vec<TrashEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.tenant_id, tn.name, t.object_type, t.object_id, t.label, t.deleted_at, t.deleted_by
         FROM trash t LEFT JOIN tenants tn ON tn.id = t.tenant_id
         WHERE ?1 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = ?2 AND ut.tenant_id = t.tenant_id)
         ORDER BY t.deleted_at DESC, t.id DESC",
    )?;
    let entries = stmt
        .query_map(params![user.is_admin, user.id], row)?
        .collect::<Result<Vec<_>, _>>()?;
    // The rights are asked once per object type, not once per entry.
    let mut allowed: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut visible = Vec::new();
    for e in entries {
        let may = match allowed.get(&e.object_type) {
            Some(may) => *may,
            None => {
                let may = match ObjectType::parse(&e.object_type) {
                    Some(object) => {
                        crate::access::permissions::granted(
                            conn,
                            user,
                            Permission::new(object, Right::View),
                        )? || crate::access::permissions::granted(
                            conn,
                            user,
                            Permission::new(object, Right::Delete),
                        )?
                    }
                    None => false,
                };
                allowed.insert(e.object_type.clone(), may);
                may
            }
        };
        if may {
            visible.push(e);
        }
    }
    Ok(visible)
}

/// The entry the user may restore (one of their list); the object type decides the right
/// the gate asks for.
pub(crate) fn restorable(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<TrashEntry> {
    list(conn, user)?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| CoreError::validation("trash", "unknown", format!("no trash entry {id}")))
}

/// Puts back everything the entry's delete took. A record whose parent is still in the
/// trash cannot come back alone.
pub(crate) fn restore(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
) -> CoreResult<TrashEntry> {
    let entry = entry(conn, id)?
        .ok_or_else(|| CoreError::validation("trash", "unknown", format!("no trash entry {id}")))?;
    let parent_checks: Vec<&str> = trash_specs().filter_map(|t| t.parent_in_trash).collect();
    let parent_in_trash: bool = conn.query_row(
        &format!("SELECT {}", parent_checks.join(" OR ")),
        params![id, entry.tenant_id],
        |r| r.get(0),
    )?;
    if parent_in_trash {
        return Err(CoreError::validation(
            "trash",
            "parent_in_trash",
            "restore the area, company or tenant it belongs to first",
        ));
    }
    for statement in trash_specs().flat_map(|t| t.before_restore) {
        conn.execute(statement, [id])?;
    }
    for table in trashed_tables() {
        conn.execute(
            &format!("UPDATE {table} SET trash_id = NULL WHERE trash_id = ?1"),
            [id],
        )?;
    }
    conn.execute("DELETE FROM trash WHERE id = ?1", [id])?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "restore",
            object_type: &entry.object_type,
            object_id: Some(entry.object_id.to_string()),
            old: Some(json!({ "trash_id": id })),
            new: Some(json!({ "label": entry.label })),
        },
    )?;
    Ok(entry)
}

/// Deletes for good what has been in the trash longer than 30 days. Returns the number of
/// entries purged.
pub(crate) fn purge(conn: &mut Connection, now: DateTime<Utc>) -> CoreResult<usize> {
    let cutoff = now - Duration::days(RETENTION_DAYS);
    let tx = conn.transaction()?;
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM trash WHERE deleted_at < ?1")?
        .query_map([cutoff], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for id in &ids {
        for statement in trash_specs().flat_map(|t| t.before_purge) {
            tx.execute(statement, [id])?;
        }
        for table in trashed_tables() {
            tx.execute(&format!("DELETE FROM {table} WHERE trash_id = ?1"), [id])?;
        }
        tx.execute("DELETE FROM trash WHERE id = ?1", [id])?;
    }
    if !ids.is_empty() {
        audit::record(
            &tx,
            now,
            None,
            Change {
                action: "purge",
                object_type: "trash",
                object_id: None,
                old: Some(json!({ "entries": ids })),
                new: None,
            },
        )?;
    }
    tx.commit()?;
    Ok(ids.len())
}

/// Tables whose rows carry a trash mark, children before parents.
fn trashed_tables() -> impl Iterator<Item = &'static str> {
    trash_specs().flat_map(|t| t.tables.iter().copied())
}
