//! Areas of a company: the collections processing activities are filed in (SPEC §2),
//! e.g. "Personnel" or "Sales".

use chrono::{DateTime, Utc};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::accounts::UserRecord;
use crate::audit;
use crate::companies;
use crate::error::{CoreError, CoreResult};
use crate::permissions::ObjectType;
use crate::visibility::{self, Columns};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AreaInput {
    pub company_id: i64,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Area {
    pub id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub tenant_id: i64,
    pub name: String,
    pub description: String,
    /// Activities in the area the user may see.
    pub activity_count: i64,
}

const SELECT: &str = "SELECT a.id, a.company_id, c.name, c.tenant_id, a.name, a.description FROM areas a
                      JOIN companies c ON c.id = a.company_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Area> {
    Ok(Area {
        id: r.get(0)?,
        company_id: r.get(1)?,
        company_name: r.get(2)?,
        tenant_id: r.get(3)?,
        name: r.get(4)?,
        description: r.get(5)?,
        activity_count: 0,
    })
}

const COLUMNS: Columns = Columns { editor: None, area_name: Some("a.name"), status: None };

/// Areas of the tenant the user may see, with the number of activities each shows them.
pub(crate) fn list(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<Vec<Area>> {
    let filter = visibility::filter(conn, user, ObjectType::Area, &COLUMNS)?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE c.tenant_id = ? AND a.trash_id IS NULL AND {} ORDER BY c.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id",
        filter.sql
    ))?;
    let mut params: Vec<rusqlite::types::Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let mut areas = stmt.query_map(params_from_iter(params), from_row)?.collect::<Result<Vec<_>, _>>()?;
    let counts = crate::activities::count_per_area(conn, user, tenant_id)?;
    for area in &mut areas {
        area.activity_count = counts.get(&area.id).copied().unwrap_or(0);
    }
    Ok(areas)
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    let filter = visibility::filter(conn, user, ObjectType::Area, &COLUMNS)?;
    let mut params: Vec<rusqlite::types::Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM areas a JOIN companies c ON c.id = a.company_id WHERE c.tenant_id = ? AND a.trash_id IS NULL AND {}", filter.sql),
        params_from_iter(params),
        |r| r.get(0),
    )?)
}

/// An area in a tenant the user may open; any other id is reported as unknown.
pub(crate) fn accessible(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Area> {
    let unknown = || CoreError::validation("area", "unknown", format!("no area with id {id}"));
    let area = conn.query_row(&format!("{SELECT} WHERE a.id = ?1 AND a.trash_id IS NULL"), [id], from_row).optional()?.ok_or_else(unknown)?;
    companies::accessible(conn, user, area.company_id).map_err(|_| unknown())?;
    Ok(area)
}

/// The row of an area, without checks or audit: for callers that create areas as part of a
/// larger change (a company's first area, copies, imports) and audit that change.
pub(crate) fn insert(conn: &Connection, now: DateTime<Utc>, company_id: i64, name: &str, description: &str) -> CoreResult<i64> {
    conn.execute(
        "INSERT INTO areas (company_id, name, description, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![company_id, name, description, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn create(conn: &mut Connection, now: DateTime<Utc>, user: &UserRecord, input: &AreaInput) -> CoreResult<Area> {
    let name = CoreError::required_name("area_name", &input.name, 200, "an area")?;
    let description = input.description.trim().to_string();
    let tx = conn.transaction()?;
    companies::accessible(&tx, user, input.company_id)?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM areas WHERE company_id = ?1 AND name = ?2 COLLATE NOCASE AND trash_id IS NULL)",
        params![input.company_id, name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::validation("area_name", "taken", format!("the company has an area named '{name}' already")));
    }
    let id = insert(&tx, now, input.company_id, &name, &description)?;
    let values = json!({ "company_id": input.company_id, "name": name, "description": description });
    audit::created(&tx, now, &user.actor(), ObjectType::Area.as_str(), id, values)?;
    let area = accessible(&tx, user, id)?;
    tx.commit()?;
    Ok(area)
}

/// Moves the area and its activities into the trash. The last area of a company stays:
/// every company has at least one (SPEC §2).
pub(crate) fn delete(conn: &mut Connection, now: DateTime<Utc>, user: &UserRecord, id: i64) -> CoreResult<i64> {
    let tx = conn.transaction()?;
    let area = accessible(&tx, user, id)?;
    let siblings: i64 = tx.query_row(
        "SELECT COUNT(*) FROM areas WHERE company_id = ?1 AND trash_id IS NULL",
        [area.company_id],
        |r| r.get(0),
    )?;
    if siblings <= 1 {
        return Err(CoreError::validation("area", "last", "a company keeps at least one area"));
    }
    let trash_id = crate::trash::delete(&tx, now, user, Some(area.tenant_id), ObjectType::Area.as_str(), id, &area.name)?;
    tx.commit()?;
    Ok(trash_id)
}
