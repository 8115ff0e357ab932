//! Files attached to a processing activity (a contract, a data-flow diagram …), stored in
//! the encrypted database. Reading one needs the view right on the activity, adding or
//! removing one the edit right; the activity must be visible to the user.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use super::visible_by_id;
use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Change};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Attachment {
    pub id: i64,
    pub activity_id: i64,
    pub file_name: String,
    pub size: i64,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
}

pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    activity_id: i64,
) -> CoreResult<Vec<Attachment>> {
    visible_by_id(conn, user, activity_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, activity_id, file_name, size, added_at, added_by FROM activity_attachments WHERE activity_id = ?1 ORDER BY added_at, id",
    )?;
    let rows = stmt.query_map([activity_id], |r| {
        Ok(Attachment {
            id: r.get(0)?,
            activity_id: r.get(1)?,
            file_name: r.get(2)?,
            size: r.get(3)?,
            added_at: r.get(4)?,
            added_by: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn add(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    activity_id: i64,
    name: &str,
    content: &[u8],
) -> CoreResult<Attachment> {
    let file_name = crate::store::attachments::file_name_of(name)?;
    crate::store::attachments::check_size(content.len() as u64)?;
    visible_by_id(conn, user, activity_id)?;
    conn.execute(
        "INSERT INTO activity_attachments (activity_id, file_name, content, size, added_at, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![activity_id, file_name, content, content.len() as i64, now, user.name],
    )?;
    let id = conn.last_insert_rowid();
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "attach",
            object_type: ObjectType::ProcessingActivity.as_str(),
            object_id: Some(activity_id.to_string()),
            old: None,
            new: Some(json!({ "file_name": file_name, "size": content.len() })),
        },
    )?;
    Ok(Attachment {
        id,
        activity_id,
        file_name,
        size: content.len() as i64,
        added_at: now,
        added_by: user.name.clone(),
    })
}

fn owned(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<(i64, String)> {
    let unknown = || CoreError::validation("attachment", "unknown", format!("no attachment {id}"));
    let (activity_id, file_name): (i64, String) = conn
        .query_row(
            "SELECT activity_id, file_name FROM activity_attachments WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(unknown)?;
    visible_by_id(conn, user, activity_id).map_err(|_| unknown())?;
    Ok((activity_id, file_name))
}

/// The file's name and bytes.
pub(crate) fn content(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
) -> CoreResult<(String, Vec<u8>)> {
    let (_, file_name) = owned(conn, user, id)?;
    let bytes: Vec<u8> = conn.query_row(
        "SELECT content FROM activity_attachments WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok((file_name, bytes))
}

pub(crate) fn remove(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
) -> CoreResult<()> {
    let (activity_id, file_name) = owned(conn, user, id)?;
    conn.execute("DELETE FROM activity_attachments WHERE id = ?1", [id])?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "detach",
            object_type: ObjectType::ProcessingActivity.as_str(),
            object_id: Some(activity_id.to_string()),
            old: Some(json!({ "file_name": file_name })),
            new: None,
        },
    )?;
    Ok(())
}

/// Copies every attachment of one activity to another, as they are (tenant and data
/// copies); the caller audits the copy.
pub(crate) fn copy_all(conn: &Connection, from_activity: i64, to_activity: i64) -> CoreResult<()> {
    conn.prepare_cached(
        "INSERT INTO activity_attachments (activity_id, file_name, content, size, added_at, added_by)
         SELECT ?1, file_name, content, size, added_at, added_by FROM activity_attachments WHERE activity_id = ?2",
    )?
    .execute(params![to_activity, from_activity])?;
    Ok(())
}
