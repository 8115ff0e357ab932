//! Processing activities (SPEC §3, Art. 30 GDPR): what the records of processing list.
//! Every read goes through the user's visibility restrictions in SQL, so an activity the
//! user may not see is as unknown to them as one that does not exist.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::accounts::{self, UserRecord};
use crate::areas;
use crate::audit::{self, Change};
use crate::error::{CoreError, CoreResult};
use crate::permissions::ObjectType;
use crate::visibility::{self, Columns, Filter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActivityStatus {
    Draft,
    InReview,
    Active,
    Inactive,
}

crate::permissions::snake_names!(ActivityStatus {
    Draft => "draft", InReview => "in_review", Active => "active", Inactive => "inactive",
});

/// What a person fills in for an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActivityInput {
    pub area_id: i64,
    pub name: String,
    pub status: ActivityStatus,
    pub responsible: String,
    /// The app user who maintains the record ("only where I am the editor").
    pub editor_id: Option<i64>,
    pub purposes: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Activity {
    pub id: i64,
    pub tenant_id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub area_name: String,
    pub editor_name: Option<String>,
    #[serde(flatten)]
    pub data: ActivityInput,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT p.id, p.tenant_id, c.id, c.name, a.name, u.name, p.area_id, p.name, p.status, p.responsible,
                             p.editor_id, p.purposes, p.notes, p.created_at, p.updated_at
                      FROM processing_activities p
                      JOIN areas a ON a.id = p.area_id
                      JOIN companies c ON c.id = a.company_id
                      LEFT JOIN users u ON u.id = p.editor_id";

const COLUMNS: Columns = Columns { editor: Some("p.editor_id"), area_name: Some("a.name"), status: Some("p.status") };

fn from_row(r: &Row<'_>) -> rusqlite::Result<Activity> {
    let status: String = r.get(8)?;
    Ok(Activity {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        company_id: r.get(2)?,
        company_name: r.get(3)?,
        area_name: r.get(4)?,
        editor_name: r.get(5)?,
        data: ActivityInput {
            area_id: r.get(6)?,
            name: r.get(7)?,
            status: ActivityStatus::parse(&status).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, format!("status {status}").into())
            })?,
            responsible: r.get(9)?,
            editor_id: r.get(10)?,
            purposes: r.get(11)?,
            notes: r.get(12)?,
        },
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::ProcessingActivity, &COLUMNS)
}

/// The activities of a tenant the user may see, optionally only those whose name, purposes
/// or responsible person contain `search`.
pub(crate) fn list(conn: &Connection, user: &UserRecord, tenant_id: i64, search: Option<&str>) -> CoreResult<Vec<Activity>> {
    let filter = visible(conn, user)?;
    let mut sql = format!("{SELECT} WHERE p.tenant_id = ? AND {}", filter.sql);
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    if let Some(search) = search.map(str::trim).filter(|s| !s.is_empty()) {
        sql.push_str(" AND (p.name LIKE ? ESCAPE '\\' OR p.purposes LIKE ? ESCAPE '\\' OR p.responsible LIKE ? ESCAPE '\\')");
        let pattern = format!("%{}%", search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        params.extend(std::iter::repeat_n(Value::Text(pattern), 3));
    }
    sql.push_str(" ORDER BY p.name COLLATE NOCASE, p.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(params), from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    Ok(conn.query_row(
        &format!(
            "SELECT COUNT(*) FROM processing_activities p JOIN areas a ON a.id = p.area_id
             WHERE p.tenant_id = ? AND {}",
            filter.sql
        ),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// Visible activities per area id.
pub(crate) fn count_per_area(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<HashMap<i64, i64>> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let mut stmt = conn.prepare(&format!(
        "SELECT p.area_id, COUNT(*) FROM processing_activities p JOIN areas a ON a.id = p.area_id
         WHERE p.tenant_id = ? AND {} GROUP BY p.area_id",
        filter.sql
    ))?;
    let rows = stmt.query_map(params_from_iter(params), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One activity the user may see, in a tenant they may open; anything else is unknown.
pub(crate) fn visible_by_id(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Activity> {
    let unknown = || CoreError::validation("processing_activity", "unknown", format!("no processing activity with id {id}"));
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(filter.params);
    let activity = conn
        .query_row(&format!("{SELECT} WHERE p.id = ? AND {}", filter.sql), params_from_iter(params), from_row)
        .optional()?
        .ok_or_else(unknown)?;
    crate::tenants::accessible(conn, user, activity.tenant_id).map_err(|_| unknown())?;
    Ok(activity)
}

impl ActivityInput {
    fn validated(&self, conn: &Connection, user: &UserRecord) -> CoreResult<(ActivityInput, areas::Area)> {
        let area = areas::accessible(conn, user, self.area_id)?;
        if let Some(editor) = self.editor_id {
            let known = accounts::by_id(conn, editor)?.is_some_and(|u| u.active);
            if !known {
                return Err(CoreError::validation("editor", "unknown", format!("no active user with id {editor}")));
            }
        }
        let data = ActivityInput {
            area_id: self.area_id,
            name: CoreError::required_name("activity_name", &self.name, 300, "a processing activity")?,
            status: self.status,
            responsible: self.responsible.trim().to_string(),
            editor_id: self.editor_id,
            purposes: self.purposes.trim().to_string(),
            notes: self.notes.trim().to_string(),
        };
        Ok((data, area))
    }
}

fn write(conn: &Connection, id: Option<i64>, tenant_id: i64, data: &ActivityInput, now: DateTime<Utc>) -> CoreResult<i64> {
    crate::store::rows::save(conn, "processing_activities", id, &[
        ("tenant_id", &tenant_id),
        ("area_id", &data.area_id),
        ("name", &data.name),
        ("status", &data.status.as_str()),
        ("responsible", &data.responsible),
        ("editor_id", &data.editor_id),
        ("purposes", &data.purposes),
        ("notes", &data.notes),
    ], now)
}

pub(crate) fn create(conn: &mut Connection, now: DateTime<Utc>, user: &UserRecord, input: &ActivityInput) -> CoreResult<Activity> {
    let tx = conn.transaction()?;
    let (data, area) = input.validated(&tx, user)?;
    let id = write(&tx, None, area.tenant_id, &data, now)?;
    audit::record(&tx, now, Some(&user.actor()), Change {
        action: "create",
        object_type: ObjectType::ProcessingActivity.as_str(),
        object_id: Some(id.to_string()),
        old: None,
        new: Some(json!(data)),
    })?;
    // Read back without the visibility filter: the creator may have filed it where they
    // cannot see it, and the answer still has to describe what was stored.
    let activity = tx.query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], from_row)?;
    tx.commit()?;
    Ok(activity)
}

/// Changes an activity the user can see; moving it to an area of another company keeps it
/// in that company's tenant, and only to areas the user may reach.
pub(crate) fn update(conn: &mut Connection, now: DateTime<Utc>, user: &UserRecord, id: i64, input: &ActivityInput) -> CoreResult<Activity> {
    let tx = conn.transaction()?;
    let old = visible_by_id(&tx, user, id)?;
    let (data, area) = input.validated(&tx, user)?;
    if area.tenant_id != old.tenant_id {
        return Err(CoreError::validation("area", "other_tenant", "an activity stays in its tenant; copy it to move it"));
    }
    if data != old.data {
        write(&tx, Some(id), old.tenant_id, &data, now)?;
        audit::record(&tx, now, Some(&user.actor()), Change {
            action: "update",
            object_type: ObjectType::ProcessingActivity.as_str(),
            object_id: Some(id.to_string()),
            old: Some(json!(old.data)),
            new: Some(json!(data)),
        })?;
    }
    let activity = tx.query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], from_row)?;
    tx.commit()?;
    Ok(activity)
}
