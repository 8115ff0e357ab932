//! Files attached to a register record (a request, a breach, a processor agreement), kept in
//! the encrypted database beside the record. The record's domain decides who may reach the
//! record; this module only stores, lists and audits the files of `(object, record)`.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Actor, Change};

/// Large enough for a scanned, signed contract, small enough to keep backups quick.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecordAttachment {
    pub id: i64,
    pub object: ObjectType,
    pub record_id: i64,
    pub file_name: String,
    pub size: i64,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
}

pub(crate) fn list(
    conn: &Connection,
    object: ObjectType,
    record_id: i64,
) -> CoreResult<Vec<RecordAttachment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, file_name, size, added_at, added_by FROM record_attachments
         WHERE object_type = ?1 AND record_id = ?2 ORDER BY added_at, id",
    )?;
    let rows = stmt.query_map(params![object.as_str(), record_id], |r| {
        Ok(RecordAttachment {
            id: r.get(0)?,
            object,
            record_id,
            file_name: r.get(1)?,
            size: r.get(2)?,
            added_at: r.get(3)?,
            added_by: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The name an attached file is stored under: only the last part of what the dialog gave
/// (never a path), without control characters; one rule for every kind of record.
pub(crate) fn file_name_of(name: &str) -> CoreResult<String> {
    let base: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let base = base.trim();
    // Found by the fuzzer: "../.. " kept ".." as its last part, a name that means a folder
    // wherever the file is saved again.
    if base == "." || base == ".." {
        return Err(CoreError::validation(
            "file_name",
            "format",
            format!("'{base}' names a folder, not a file"),
        ));
    }
    CoreError::required_name("file_name", base, 255, "an attachment")
}

/// Refuses a file over the limit, before anything is written (and before the window reads
/// a huge file into memory: it asks with the file's size first).
pub fn check_size(size: u64) -> CoreResult<()> {
    if size > MAX_BYTES as u64 {
        return Err(CoreError::validation(
            "attachment",
            "too_large",
            format!(
                "the file has {:.0} MB; a record takes files up to {} MB",
                size as f64 / 1_048_576.0,
                MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok(())
}

/// Stores a file for the record; refused before anything is written when it is too large.
pub(crate) fn add(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    object: ObjectType,
    record_id: i64,
    name: &str,
    content: &[u8],
) -> CoreResult<RecordAttachment> {
    let file_name = file_name_of(name)?;
    check_size(content.len() as u64)?;
    conn.execute(
        "INSERT INTO record_attachments (object_type, record_id, file_name, content, size, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![object.as_str(), record_id, file_name, content, content.len() as i64, now, actor.user_name],
    )?;
    let id = conn.last_insert_rowid();
    audit::record(
        conn,
        now,
        Some(actor),
        Change {
            action: "attach",
            object_type: object.as_str(),
            object_id: Some(record_id.to_string()),
            old: None,
            new: Some(json!({ "file_name": file_name, "size": content.len() })),
        },
    )?;
    Ok(RecordAttachment {
        id,
        object,
        record_id,
        file_name,
        size: content.len() as i64,
        added_at: now,
        added_by: actor.user_name.clone(),
    })
}

/// The record an attachment belongs to, for the domain's visibility check; an attachment
/// of another object type is unknown.
pub(crate) fn owner(conn: &Connection, object: ObjectType, id: i64) -> CoreResult<i64> {
    conn.query_row(
        "SELECT record_id FROM record_attachments WHERE id = ?1 AND object_type = ?2",
        params![id, object.as_str()],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| CoreError::validation("attachment", "unknown", format!("no attachment {id}")))
}

/// The file's name and bytes.
pub(crate) fn content(conn: &Connection, id: i64) -> CoreResult<(String, Vec<u8>)> {
    Ok(conn.query_row(
        "SELECT file_name, content FROM record_attachments WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

pub(crate) fn remove(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i64,
) -> CoreResult<()> {
    let (object, record_id, file_name): (String, i64, String) = conn.query_row(
        "SELECT object_type, record_id, file_name FROM record_attachments WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    conn.execute("DELETE FROM record_attachments WHERE id = ?1", [id])?;
    audit::record(
        conn,
        now,
        Some(actor),
        Change {
            action: "detach",
            object_type: &object,
            object_id: Some(record_id.to_string()),
            old: Some(json!({ "file_name": file_name })),
            new: None,
        },
    )?;
    Ok(())
}
