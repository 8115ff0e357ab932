//! The supervisory authority's list of processing that always needs a DPIA (Art. 35(4)):
//! the DSK list for the non-public sector ships as data (`catalogue/dpia/must_list_dsk.<lang>.json`)
//! with only the entries checked against the DSK's publication; the office adds or edits the
//! rest. One list for the whole office, seeded once.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::Language;
use crate::store::{audit, settings};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MustEntry {
    pub number: i64,
    pub title: String,
    pub description: String,
    pub source: String,
}

#[derive(Deserialize)]
struct Shipped {
    source: String,
    entries: Vec<ShippedEntry>,
}

#[derive(Deserialize)]
struct ShippedEntry {
    number: i64,
    title: String,
    description: String,
}

fn shipped(language: Language) -> Vec<MustEntry> {
    let text = match language {
        Language::German => include_str!("../../../catalogue/dpia/must_list_dsk.de.json"),
        Language::English => include_str!("../../../catalogue/dpia/must_list_dsk.en.json"),
    };
    let list: Shipped = serde_json::from_str(text).expect("the shipped must list parses");
    list.entries
        .into_iter()
        .map(|e| MustEntry {
            number: e.number,
            title: e.title,
            description: e.description,
            source: list.source.clone(),
        })
        .collect()
}

const SEEDED: &str = "dpia.must_list_seeded";

/// Puts the shipped entries into an office's list once (in the owner's language).
pub(crate) fn seed_once(conn: &Connection, now: DateTime<Utc>) -> CoreResult<()> {
    if settings::get_raw(conn, SEEDED)?.is_some() {
        return Ok(());
    }
    let language: Option<String> = conn
        .query_row(
            "SELECT language FROM users WHERE is_owner = 1 ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    // The DSK list is a German authority's: German unless the owner chose another language.
    let language = language.map_or(Language::German, |l| Language::of(Some(&l)));
    for entry in shipped(language) {
        conn.execute(
            "INSERT OR IGNORE INTO dpia_must_entries (number, title, description, source, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![entry.number, entry.title, entry.description, entry.source, now],
        )?;
    }
    settings::put_raw(conn, SEEDED, "1")?;
    Ok(())
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<MustEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, title, description, source FROM dpia_must_entries ORDER BY number",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(MustEntry {
            number: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            source: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn exists(conn: &Connection, number: i64) -> CoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM dpia_must_entries WHERE number = ?1)",
        [number],
        |r| r.get(0),
    )?)
}

/// Adds an entry or changes the one with its number.
pub(crate) fn save(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    entry: &MustEntry,
) -> CoreResult<MustEntry> {
    let title = entry.title.trim();
    if title.is_empty() {
        return Err(CoreError::validation(
            "must_title",
            "required",
            "an entry of the must list needs a title",
        ));
    }
    if !(1..=999).contains(&entry.number) {
        return Err(CoreError::validation(
            "must_number",
            "range",
            "entries are numbered 1 to 999",
        ));
    }
    conn.execute(
        "INSERT INTO dpia_must_entries (number, title, description, source, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT(number) DO UPDATE SET title = excluded.title, description = excluded.description,
           source = excluded.source, updated_at = excluded.updated_at",
        params![entry.number, title, entry.description.trim(), entry.source.trim(), now],
    )?;
    audit::created(
        conn,
        now,
        &user.actor(),
        "dpia_must_entry",
        entry.number,
        json!(entry),
    )?;
    Ok(MustEntry {
        title: title.into(),
        ..entry.clone()
    })
}

/// Removes an entry no check refers to.
pub(crate) fn remove(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    number: i64,
) -> CoreResult<()> {
    let used: Vec<String> = conn
        .prepare_cached(
            "SELECT p.name FROM dpia_checks c JOIN processing_activities p ON p.id = c.activity_id
             WHERE ',' || c.criteria || ',' LIKE '%,must:' || ?1 || ',%' AND p.trash_id IS NULL ORDER BY p.name",
        )?
        .query_map([number], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if !used.is_empty() {
        return Err(CoreError::InUse { used_by: used });
    }
    conn.execute("DELETE FROM dpia_must_entries WHERE number = ?1", [number])?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        audit::Change {
            action: "delete",
            object_type: "dpia_must_entry",
            object_id: Some(number.to_string()),
            old: None,
            new: None,
        },
    )?;
    Ok(())
}
