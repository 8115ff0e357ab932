//! The history of a record, read from the audit log: every save writes one audit row with
//! the record's old and new values, so the log and the history are the same writes and
//! read in the same words. A version is such a row; restoring one saves its values again
//! through the domain's own update, with the same validation and links as a save from the
//! form.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::operations::VERSIONED;
use crate::domain::{
    activities, areas, breaches, companies, dpias, master_data, processor_agreements, requests,
    toms,
};
use crate::kernel::clock::local_day;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::Language;
use crate::kernel::vocabulary::{MasterKind, ObjectType};
use crate::services::audit_log::{self, FieldChange, FieldValue};

/// Audit actions whose new value is the whole record as saved; other actions (a
/// validation, a DPIA check, links, the trash) changed a part and are listed, not restored.
const SNAPSHOTS: &[&str] = &["create", "copy", "update", "mass_change", "restore_version"];

/// The action a restore is logged under.
const RESTORE: &str = "restore_version";

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RecordVersion {
    /// 1 for the oldest entry, counting every entry of the record.
    pub version: u32,
    pub at: DateTime<Utc>,
    pub by: Option<String>,
    /// The audit action: create, update, mass_change, copy, restore_version, delete, …
    pub action: String,
    pub action_label: String,
    /// The fields this entry changed, in words ("In review → Active").
    pub changes: Vec<FieldChange>,
    /// The whole record as this version saved it, field by field, where the entry holds
    /// it; empty for entries that changed a part (these cannot be restored).
    pub fields: Vec<FieldValue>,
    pub restorable: bool,
    /// The stored values of this version, as the CLI hands them to scripts.
    #[ts(type = "Record<string, unknown> | null")]
    pub snapshot: Option<Value>,
}

#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct RecordHistory {
    pub object_type: ObjectType,
    pub id: i64,
    /// Oldest first.
    pub versions: Vec<RecordVersion>,
    /// The record as it is now, in the same form as the snapshots.
    #[ts(type = "Record<string, unknown>")]
    pub current: Value,
}

fn versioned(object: ObjectType) -> CoreResult<()> {
    if VERSIONED.contains(&object) {
        Ok(())
    } else {
        Err(CoreError::validation(
            "type",
            "not_versioned",
            format!("records of type {} keep no history", object.as_str()),
        ))
    }
}

/// A record type as scripts name it: the object type's snake_case name (SPEC §8), or the
/// short names of `copy --type` (`activity`, `master:KIND`).
pub fn parse_type(text: &str) -> CoreResult<ObjectType> {
    let text = text.trim();
    let object = match text {
        "activity" => Some(ObjectType::ProcessingActivity),
        "agreement" => Some(ObjectType::ProcessorAgreement),
        other => other
            .strip_prefix("master:")
            .and_then(MasterKind::parse)
            .map(|k| k.object())
            .or_else(|| other.parse::<ObjectType>().ok()),
    };
    match object.filter(|o| VERSIONED.contains(o)) {
        Some(object) => Ok(object),
        None => Err(CoreError::validation(
            "type",
            "not_versioned",
            format!(
                "'{text}' keeps no history (company, area, activity, tom, dpia, request, breach, processor_agreement, master:KIND)"
            ),
        )),
    }
}

fn master_kind(object: ObjectType) -> Option<MasterKind> {
    MasterKind::ALL
        .iter()
        .copied()
        .find(|k| k.object() == object)
}

/// The record as the user may see it now, in its snapshot form; refused like the record
/// itself where it is out of the user's reach.
fn current(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    object: ObjectType,
    id: i64,
) -> CoreResult<Value> {
    let today = local_day(now);
    let value = match object {
        ObjectType::Company => serde_json::to_value(companies::accessible(conn, user, id)?.data),
        ObjectType::Area => {
            serde_json::to_value(areas::as_input(&areas::accessible(conn, user, id)?))
        }
        ObjectType::ProcessingActivity => {
            serde_json::to_value(activities::visible_by_id(conn, user, id)?.data)
        }
        ObjectType::Tom => serde_json::to_value(toms::visible_by_id(conn, user, id)?.data),
        ObjectType::Dpia => serde_json::to_value(dpias::visible_by_id(conn, user, id)?.data),
        ObjectType::Request => {
            serde_json::to_value(requests::visible_by_id(conn, user, id, today)?.data)
        }
        ObjectType::Breach => {
            serde_json::to_value(breaches::visible_by_id(conn, user, id, now)?.data)
        }
        ObjectType::ProcessorAgreement => {
            serde_json::to_value(processor_agreements::visible_by_id(conn, user, id, today)?.data)
        }
        other => match master_kind(other) {
            Some(kind) => serde_json::to_value(master_data::accessible(conn, user, id, kind)?.data),
            None => return versioned(other).map(|()| Value::Null),
        },
    };
    Ok(value.expect("records serialise"))
}

/// The table a versioned record lives in.
fn table_of(object: ObjectType) -> &'static str {
    match object {
        ObjectType::Company => "companies",
        ObjectType::Area => "areas",
        ObjectType::ProcessingActivity => "processing_activities",
        ObjectType::Tom => "toms",
        ObjectType::Dpia => "dpias",
        ObjectType::Request => "data_subject_requests",
        ObjectType::Breach => "data_breaches",
        ObjectType::ProcessorAgreement => "processor_agreements",
        _ => "master_items",
    }
}

/// Every version of a record the user can see, oldest first, in the user's language.
pub fn history(
    conn: &Connection,
    user: &UserRecord,
    now: DateTime<Utc>,
    object: ObjectType,
    id: i64,
) -> CoreResult<RecordHistory> {
    versioned(object)?;
    let current = current(conn, user, now, object, id)?;
    let language = Language::of(user.language.as_deref());
    // SQLite gives a purged record's id to the next new one: the log of the earlier record
    // with that id ends before this one was created.
    let created: DateTime<Utc> = conn.query_row(
        &format!("SELECT created_at FROM {} WHERE id = ?1", table_of(object)),
        [id],
        |r| r.get(0),
    )?;
    let mut versions = Vec::new();
    let entries = audit_log::record_entries(conn, language, object.as_str(), id)?
        .into_iter()
        .filter(|(line, _)| line.at >= created);
    for (n, (line, written)) in entries.enumerate() {
        // A saved state holds the record's own fields; a copy between tenants logs only
        // where it went, which is no state of the record.
        let snapshot = written
            .filter(|_| SNAPSHOTS.contains(&line.action.as_str()))
            .filter(|w| shares_fields(w, &current));
        let fields = match &snapshot {
            Some(state) => audit_log::described(
                conn,
                language,
                object.as_str(),
                &known(state, &current),
                &current,
            )?,
            None => Vec::new(),
        };
        let restorable = snapshot
            .as_ref()
            .is_some_and(|s| over(&current, s) != current);
        versions.push(RecordVersion {
            version: n as u32 + 1,
            at: line.at,
            by: line.user_name,
            restorable,
            action: line.action,
            action_label: line.action_label,
            changes: line.changes,
            fields,
            snapshot,
        });
    }
    Ok(RecordHistory {
        object_type: object,
        id,
        versions,
        current,
    })
}

/// The saved state's fields the record still has (a field dropped since is not shown).
fn known(state: &Value, current: &Value) -> Value {
    match (state, current) {
        (Value::Object(saved), Value::Object(now)) => Value::Object(
            saved
                .iter()
                .filter(|(k, _)| now.contains_key(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// Whether a logged value is a state of the record: most of its fields are the record's.
fn shares_fields(state: &Value, current: &Value) -> bool {
    match (state, current) {
        (Value::Object(saved), Value::Object(now)) => {
            let shared = saved.keys().filter(|k| now.contains_key(*k)).count();
            shared * 2 > now.len()
        }
        _ => false,
    }
}

/// Values of a saved state over the record as it is now: fields the record gained since
/// that version keep their present value instead of failing the restore, and keys the
/// record does not have are ignored.
fn over(current: &Value, snapshot: &Value) -> Value {
    let mut merged = current.clone();
    if let (Value::Object(base), Value::Object(saved)) = (&mut merged, snapshot) {
        for (k, v) in saved {
            if base.contains_key(k) {
                base.insert(k.clone(), v.clone());
            }
        }
    }
    merged
}

fn input<T: serde::de::DeserializeOwned>(value: Value) -> CoreResult<T> {
    serde_json::from_value(value).map_err(|_| {
        CoreError::validation(
            "version",
            "unreadable",
            "this version was saved in a form the app can no longer restore",
        )
    })
}

/// Saves version `version` of a record again, as a new version logged as a restore.
/// Refused where the entry holds no whole record or equals the record as it is now.
pub(crate) fn restore(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    object: ObjectType,
    id: i64,
    version: u32,
) -> CoreResult<RecordHistory> {
    let before = history(conn, user, now, object, id)?;
    let entry = before
        .versions
        .iter()
        .find(|v| v.version == version)
        .ok_or_else(|| {
            CoreError::validation(
                "version",
                "not_found",
                format!("the record has no version {version}"),
            )
        })?;
    let snapshot = entry.snapshot.as_ref().ok_or_else(|| {
        CoreError::validation(
            "version",
            "partial",
            "this entry changed only a part of the record; restore a saved version instead",
        )
    })?;
    let values = over(&before.current, snapshot);
    if values == before.current {
        return Err(CoreError::validation(
            "version",
            "unchanged",
            "the record already has the values of this version",
        ));
    }
    let last: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) FROM audit_log", [], |r| {
        r.get(0)
    })?;
    let today = local_day(now);
    match object {
        ObjectType::Company => companies::update(conn, now, user, id, &input(values)?).map(drop),
        ObjectType::Area => areas::update(conn, now, user, id, &input(values)?).map(drop),
        ObjectType::ProcessingActivity => {
            activities::update(conn, now, user, id, &input(values)?).map(drop)
        }
        ObjectType::Tom => toms::update(conn, now, user, id, &input(values)?).map(drop),
        ObjectType::Dpia => dpias::update(conn, now, user, id, &input(values)?).map(drop),
        ObjectType::Request => {
            requests::update(conn, now, today, user, id, &input(values)?).map(drop)
        }
        ObjectType::Breach => breaches::update(conn, now, user, id, &input(values)?).map(drop),
        ObjectType::ProcessorAgreement => {
            processor_agreements::update(conn, now, today, user, id, &input(values)?).map(drop)
        }
        _ => master_data::update(conn, now, user, id, &input(values)?).map(drop),
    }?;
    // The domain logged its save as an update; the history names it for what it was.
    conn.execute(
        "UPDATE audit_log SET action = ?1
         WHERE id > ?2 AND object_type = ?3 AND object_id = ?4 AND action = 'update'",
        params![RESTORE, last, object.as_str(), id.to_string()],
    )?;
    history(conn, user, now, object, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_saved_state_keeps_fields_added_since() {
        let merged = over(&json!({"name": "B", "tom_ids": [3]}), &json!({"name": "A"}));
        assert_eq!(merged, json!({"name": "A", "tom_ids": [3]}));
    }

    #[test]
    fn keys_the_record_does_not_have_are_no_state_of_it() {
        let current = json!({"name": "B", "city": "Köln", "notes": ""});
        let copy_log = json!({"tenant_id": 4, "label": "B"});
        assert!(!shares_fields(&copy_log, &current));
        assert_eq!(over(&current, &copy_log), current);
        assert!(shares_fields(
            &json!({"name": "A", "city": "Bonn"}),
            &current
        ));
    }
}
