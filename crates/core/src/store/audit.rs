//! The audit log: who changed what, when, from which value to which. Written by the core
//! in the same transaction as the change it describes.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::kernel::error::CoreResult;

/// The user a change is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub user_name: String,
}

pub struct Change<'a> {
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<String>,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// A record created, with its values.
pub(crate) fn created(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: &Actor,
    object_type: &str,
    id: i64,
    data: Value,
) -> CoreResult<()> {
    record(
        conn,
        at,
        Some(actor),
        Change {
            action: "create",
            object_type,
            object_id: Some(id.to_string()),
            old: None,
            new: Some(data),
        },
    )
}

/// A record copied from another (copies of activities, companies, master data).
pub(crate) fn copied(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: &Actor,
    object_type: &str,
    new_id: i64,
    from: i64,
    data: Value,
) -> CoreResult<()> {
    record(
        conn,
        at,
        Some(actor),
        Change {
            action: "copy",
            object_type,
            object_id: Some(new_id.to_string()),
            old: Some(serde_json::json!({ "copied_from": from })),
            new: Some(data),
        },
    )
}

/// A record changed by `action` ("update", "mass_change"), with its old and new values.
// Every argument is a column of the audit row; a struct would only rename them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn changed(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: &Actor,
    action: &str,
    object_type: &str,
    id: i64,
    old: Value,
    new: Value,
) -> CoreResult<()> {
    record(
        conn,
        at,
        Some(actor),
        Change {
            action,
            object_type,
            object_id: Some(id.to_string()),
            old: Some(old),
            new: Some(new),
        },
    )
}

pub fn record(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: Option<&Actor>,
    change: Change<'_>,
) -> CoreResult<()> {
    conn.execute(
        "INSERT INTO audit_log (at, user_id, user_name, action, object_type, object_id, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            at,
            actor.map(|a| a.user_id),
            actor.map(|a| a.user_name.as_str()),
            change.action,
            change.object_type,
            change.object_id,
            change.old.map(|v| v.to_string()),
            change.new.map(|v| v.to_string()),
        ],
    )?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub user_name: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub old_value: Option<Value>,
    pub new_value: Option<Value>,
}

/// Newest first; `before_id` pages backwards through a long log without OFFSET scans.
pub fn list(conn: &Connection, limit: u32, before_id: Option<i64>) -> CoreResult<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, user_name, action, object_type, object_id, old_value, new_value
         FROM audit_log WHERE (?1 IS NULL OR id < ?1) ORDER BY id DESC LIMIT ?2",
    )?;
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    let rows = stmt.query_map(params![before_id, limit], |r| {
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            user_name: r.get(2)?,
            action: r.get(3)?,
            object_type: r.get(4)?,
            object_id: r.get(5)?,
            old_value: parse(r.get(6)?),
            new_value: parse(r.get(7)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count(conn: &Connection) -> CoreResult<i64> {
    Ok(conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
}
