//! Areas of a company: the collections processing activities are filed in (SPEC §2),
//! e.g. "Personnel" or "Sales".

pub mod descriptor;
pub mod export;
use chrono::{DateTime, Utc};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

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

const SELECT: &str =
    "SELECT a.id, a.company_id, c.name, c.tenant_id, a.name, a.description FROM areas a
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

const COLUMNS: Columns = Columns {
    editor: None,
    area_name: Some("a.name"),
    status: None,
    top_folder: None,
};

/// Areas of the tenant the user may see, with the number of activities each shows them.
pub(crate) fn list(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<Vec<Area>> {
    let filter = visibility::filter(conn, user, ObjectType::Area, &COLUMNS)?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE c.tenant_id = ? AND a.trash_id IS NULL AND {} ORDER BY c.name COLLATE NOCASE, a.name COLLATE NOCASE, a.id",
        filter.sql
    ))?;
    let mut params: Vec<rusqlite::types::Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let mut areas = stmt
        .query_map(params_from_iter(params), from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    let counts = crate::domain::activities::count_per_area(conn, user, tenant_id)?;
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
    let area = conn
        .query_row(
            &format!("{SELECT} WHERE a.id = ?1 AND a.trash_id IS NULL"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::company(conn, user, area.company_id).map_err(|_| unknown())?;
    Ok(area)
}

/// The row of an area, without checks or audit: for callers that create areas as part of a
/// larger change (a company's first area, copies, imports) and audit that change.
pub(crate) fn insert(
    conn: &Connection,
    now: DateTime<Utc>,
    company_id: i64,
    name: &str,
    description: &str,
) -> CoreResult<i64> {
    conn.execute(
        "INSERT INTO areas (company_id, name, description, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![company_id, name, description, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    input: &AreaInput,
) -> CoreResult<Area> {
    let description = input.description.trim().to_string();
    crate::access::scope::company(conn, user, input.company_id)?;
    let name = unique_name(conn, input.company_id, &input.name, None)?;
    let id = insert(conn, now, input.company_id, &name, &description)?;
    let values =
        json!({ "company_id": input.company_id, "name": name, "description": description });
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Area.as_str(),
        id,
        values,
    )?;
    let area = accessible(conn, user, id)?;
    Ok(area)
}

/// Moves the areas with their activities into the trash, one entry each, all or none. The
/// last area of a company stays: every company has at least one (SPEC §2).
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let area = accessible(conn, user, id)?;
        keep_one(conn, area.company_id)?;
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(area.tenant_id),
                object: ObjectType::Area,
                object_id: id,
                label: &area.name,
            },
            descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}

/// Checks an area name for a company: required, at most 200 characters, not taken by
/// another live area of that company.
fn unique_name(
    conn: &Connection,
    company_id: i64,
    name: &str,
    except: Option<i64>,
) -> CoreResult<String> {
    let name = CoreError::required_name("area_name", name, 200, "an area")?;
    let taken: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM areas WHERE company_id = ?1 AND name = ?2 COLLATE NOCASE AND trash_id IS NULL AND id IS NOT ?3)",
        params![company_id, name, except],
        |r| r.get(0),
    )?;
    if taken {
        return Err(CoreError::validation(
            "area_name",
            "taken",
            format!("the company has an area named '{name}' already"),
        ));
    }
    Ok(name)
}

/// Refuses to take the last live area away from a company (SPEC §2: at least one each).
fn keep_one(conn: &Connection, company_id: i64) -> CoreResult<()> {
    let live: i64 = conn.query_row(
        "SELECT COUNT(*) FROM areas WHERE company_id = ?1 AND trash_id IS NULL",
        [company_id],
        |r| r.get(0),
    )?;
    if live <= 1 {
        return Err(CoreError::validation(
            "area",
            "last",
            "a company keeps at least one area",
        ));
    }
    Ok(())
}

/// Writes one area's new state, moving it to another company of the same tenant when
/// `company_id` changes; the caller holds the transaction and audits.
fn rewrite(
    conn: &Connection,
    user: &UserRecord,
    old: &Area,
    input: &AreaInput,
) -> CoreResult<AreaInput> {
    let target = crate::access::scope::company(conn, user, input.company_id)?;
    if target.tenant_id != old.tenant_id {
        return Err(CoreError::validation(
            "company",
            "other_tenant",
            "an area moves only to a company of the same tenant",
        ));
    }
    if input.company_id != old.company_id {
        keep_one(conn, old.company_id)?;
    }
    let name = unique_name(conn, input.company_id, &input.name, Some(old.id))?;
    let new = AreaInput {
        company_id: input.company_id,
        name,
        description: input.description.trim().to_string(),
    };
    conn.execute(
        "UPDATE areas SET company_id = ?1, name = ?2, description = ?3 WHERE id = ?4",
        params![new.company_id, new.name, new.description, old.id],
    )?;
    Ok(new)
}

pub(crate) fn as_input(area: &Area) -> AreaInput {
    AreaInput {
        company_id: area.company_id,
        name: area.name.clone(),
        description: area.description.clone(),
    }
}

/// Renames an area, changes its description, or moves it (with its activities) to another
/// company of the tenant.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &AreaInput,
) -> CoreResult<Area> {
    let old = accessible(conn, user, id)?;
    let new = rewrite(conn, user, &old, input)?;
    if new != as_input(&old) {
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Area.as_str(),
            id,
            json!(as_input(&old)),
            json!(new),
        )?;
    }
    let mut area = accessible(conn, user, id)?;
    area.activity_count = crate::domain::activities::count_per_area(conn, user, area.tenant_id)?
        .get(&id)
        .copied()
        .unwrap_or(0);
    Ok(area)
}

/// A new area in `company_id` with copies of the source area's live activities (every
/// field and link, as they are). Returns the new area's id.
pub(crate) fn copy_into(
    conn: &Connection,
    now: DateTime<Utc>,
    source_area: i64,
    company_id: i64,
    tenant_id: i64,
    name: &str,
    description: &str,
) -> CoreResult<i64> {
    let new_area = insert(conn, now, company_id, name, description)?;
    let activities: Vec<i64> = conn
        .prepare("SELECT id FROM processing_activities WHERE area_id = ?1 AND trash_id IS NULL ORDER BY id")?
        .query_map([source_area], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for activity in activities {
        let mut copy = crate::domain::activities::load(conn, activity)?.data;
        copy.area_id = new_area;
        crate::domain::activities::write(conn, None, tenant_id, &copy, now)?;
    }
    Ok(new_area)
}

/// Copies of the selected areas in their companies, named with `suffix`, with their
/// processing activities.
pub(crate) fn copy(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    suffix: &str,
) -> CoreResult<Vec<i64>> {
    let mut created = Vec::new();
    for &id in ids {
        let source = accessible(conn, user, id)?;
        let base: String = format!("{}{suffix}", source.name)
            .chars()
            .take(190)
            .collect();
        // "Personal (Kopie)", then "Personal (Kopie) 2", … so a second copy is not refused.
        let mut name = base.clone();
        let mut n = 1;
        while unique_name(conn, source.company_id, &name, None).is_err() {
            n += 1;
            name = format!("{base} {n}");
        }
        let new_id = copy_into(
            conn,
            now,
            id,
            source.company_id,
            source.tenant_id,
            &name,
            &source.description,
        )?;
        let data = AreaInput {
            company_id: source.company_id,
            name,
            description: source.description.clone(),
        };
        audit::copied(
            conn,
            now,
            &user.actor(),
            ObjectType::Area.as_str(),
            new_id,
            id,
            json!(data),
        )?;
        created.push(new_id);
    }
    Ok(created)
}

/// One field set to one value over selected areas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum AreaField {
    /// Moves the areas with their activities to this company of the tenant.
    Company(i64),
    Description(String),
}

/// Applies the change to every selected area or to none.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    field: &AreaField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one area",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let old = accessible(conn, user, id)?;
        let mut input = as_input(&old);
        match field {
            AreaField::Company(company_id) => input.company_id = *company_id,
            AreaField::Description(description) => input.description = description.clone(),
        }
        let new = rewrite(conn, user, &old, &input)?;
        if new != as_input(&old) {
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                ObjectType::Area.as_str(),
                id,
                json!(as_input(&old)),
                json!(new),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}
