//! Putting records into the trash: one trash entry, and every row the delete takes marked
//! with it. What a delete takes (its cascade) is the deleting domain's to say, in its
//! descriptor; listing, restoring and purging are the trash service's.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde_json::json;

use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Actor, Change};

/// The rows a delete takes along: (table, SQL condition on that table's rows with `?1` =
/// the deleted record's id), children first.
pub type Cascade = &'static [(&'static str, &'static str)];

/// What is deleted, as the trash entry and the audit log name it.
pub struct Deleted<'a> {
    pub tenant_id: Option<i64>,
    pub object: ObjectType,
    pub object_id: i64,
    pub label: &'a str,
}

/// Moves the record and its cascade into the trash under one new entry; rows already in
/// the trash keep their own entry. Returns the entry's id.
pub(crate) fn put(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    deleted: Deleted<'_>,
    cascade: Cascade,
) -> CoreResult<i64> {
    let Deleted {
        tenant_id,
        object,
        object_id,
        label,
    } = deleted;
    conn.execute(
        "INSERT INTO trash (tenant_id, object_type, object_id, label, deleted_at, deleted_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![tenant_id, object.as_str(), object_id, label, now, actor.user_name],
    )?;
    let trash_id = conn.last_insert_rowid();
    for (table, condition) in cascade {
        let condition = condition.replace("?1", "?2");
        conn.execute(
            &format!("UPDATE {table} SET trash_id = ?1 WHERE trash_id IS NULL AND {condition}"),
            params![trash_id, object_id],
        )?;
    }
    audit::record(
        conn,
        now,
        Some(actor),
        Change {
            action: "delete",
            object_type: object.as_str(),
            object_id: Some(object_id.to_string()),
            old: Some(json!({ "label": label })),
            new: Some(json!({ "trash_id": trash_id })),
        },
    )?;
    Ok(trash_id)
}
