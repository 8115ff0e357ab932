//! The specific TOMs of a processing activity (SPEC §3, §5): a link both sides show. The
//! activity owns the link; the measure's side asks here for the activities it serves.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::domain::toms::{self, ProtectionType, TomStatus};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::rows::parsed;

/// A measure as an activity shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkedTom {
    pub id: i64,
    pub title: String,
    pub protection_type: ProtectionType,
    pub status: TomStatus,
}

/// An activity as a measure shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkedActivity {
    pub id: i64,
    pub name: String,
    pub company_name: String,
    pub area_name: String,
}

/// The live measures linked to an activity, in catalogue order.
pub(crate) fn of_activity(conn: &Connection, activity_id: i64) -> CoreResult<Vec<LinkedTom>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.title, t.protection_type, t.status FROM activity_toms l JOIN toms t ON t.id = l.tom_id
         WHERE l.activity_id = ?1 AND t.trash_id IS NULL ORDER BY t.protection_type, t.title COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([activity_id], |r| {
        Ok(LinkedTom {
            id: r.get(0)?,
            title: r.get(1)?,
            protection_type: parsed(2, r.get(2)?, ProtectionType::parse)?,
            status: parsed(3, r.get(3)?, TomStatus::parse)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The live measures per activity of a tenant (for exports and tenant files).
pub(crate) fn of_tenant(
    conn: &Connection,
    tenant_id: i64,
) -> CoreResult<HashMap<i64, Vec<LinkedTom>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.activity_id, t.id, t.title, t.protection_type, t.status
         FROM activity_toms l JOIN toms t ON t.id = l.tom_id
         WHERE t.tenant_id = ?1 AND t.trash_id IS NULL
         ORDER BY l.activity_id, t.protection_type, t.title COLLATE NOCASE",
    )?;
    let mut map: HashMap<i64, Vec<LinkedTom>> = HashMap::new();
    for row in stmt.query_map([tenant_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            LinkedTom {
                id: r.get(1)?,
                title: r.get(2)?,
                protection_type: parsed(3, r.get(3)?, ProtectionType::parse)?,
                status: parsed(4, r.get(4)?, TomStatus::parse)?,
            },
        ))
    })? {
        let (activity, tom) = row?;
        map.entry(activity).or_default().push(tom);
    }
    Ok(map)
}

/// Checks the measures an activity of `tenant_id` is to link: each must be a live measure
/// of that tenant the user can see; those in `kept` (linked already) pass as they are, so
/// a user with a narrower view does not lose links they cannot see.
pub(crate) fn validated(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    ids: &[i64],
    kept: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for &id in &ids {
        if kept.contains(&id) {
            continue;
        }
        let tom = toms::visible_by_id(conn, user, id)?;
        if tom.data.tenant_id != tenant_id {
            return Err(CoreError::validation(
                "tom",
                "other_tenant",
                format!("measure {id} belongs to another tenant"),
            ));
        }
    }
    Ok(ids)
}

/// Replaces an activity's measure links; the caller has validated them.
pub(crate) fn replace(conn: &Connection, activity_id: i64, tom_ids: &[i64]) -> CoreResult<()> {
    // Links to measures in the trash stay: they come back with the measure.
    conn.prepare_cached(
        "DELETE FROM activity_toms WHERE activity_id = ?1
         AND EXISTS(SELECT 1 FROM toms t WHERE t.id = activity_toms.tom_id AND t.trash_id IS NULL)",
    )?
    .execute([activity_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO activity_toms (activity_id, tom_id) VALUES (?1, ?2)",
    )?;
    for tom in tom_ids {
        insert.execute(params![activity_id, tom])?;
    }
    Ok(())
}

fn visible_activities_sql(
    conn: &Connection,
    user: &UserRecord,
) -> CoreResult<(String, Vec<Value>)> {
    let filter = super::visible(conn, user)?;
    Ok((
        format!("p.trash_id IS NULL AND {}", filter.sql),
        filter.params,
    ))
}

/// The activities a measure serves that the user may see.
pub(crate) fn activities_of_tom(
    conn: &Connection,
    user: &UserRecord,
    tom_id: i64,
) -> CoreResult<Vec<LinkedActivity>> {
    let (condition, filter_params) = visible_activities_sql(conn, user)?;
    let mut params: Vec<Value> = vec![tom_id.into()];
    params.extend(filter_params);
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.name, c.name, a.name {} JOIN activity_toms l ON l.activity_id = p.id
         WHERE l.tom_id = ? AND {condition} ORDER BY p.name COLLATE NOCASE, p.id",
        super::FROM
    ))?;
    let rows = stmt.query_map(params_from_iter(params), |r| {
        Ok(LinkedActivity {
            id: r.get(0)?,
            name: r.get(1)?,
            company_name: r.get(2)?,
            area_name: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sets, from the measure's side, which of the activities the user can see it serves;
/// links to activities they cannot see stay. An activity they cannot see, or of another
/// tenant, refuses the whole change.
pub(crate) fn set_for_tom(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tom_id: i64,
    activity_ids: &[i64],
) -> CoreResult<Vec<LinkedActivity>> {
    let tom = toms::visible_by_id(conn, user, tom_id)?;
    for &id in activity_ids {
        let activity = super::visible_by_id(conn, user, id)?;
        if activity.tenant_id != tom.data.tenant_id {
            return Err(CoreError::validation(
                "processing_activity",
                "other_tenant",
                format!("processing activity {id} belongs to another tenant"),
            ));
        }
    }
    let old: Vec<i64> = activities_of_tom(conn, user, tom_id)?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut new = activity_ids.to_vec();
    new.sort_unstable();
    new.dedup();
    for id in old.iter().filter(|id| !new.contains(id)) {
        conn.execute(
            "DELETE FROM activity_toms WHERE activity_id = ?1 AND tom_id = ?2",
            params![id, tom_id],
        )?;
    }
    for id in new.iter().filter(|id| !old.contains(id)) {
        conn.execute(
            "INSERT OR IGNORE INTO activity_toms (activity_id, tom_id) VALUES (?1, ?2)",
            params![id, tom_id],
        )?;
    }
    if old != new {
        audit::changed(
            conn,
            now,
            &user.actor(),
            "link_activities",
            ObjectType::Tom.as_str(),
            tom_id,
            json!({ "activities": old }),
            json!({ "activities": new }),
        )?;
    }
    activities_of_tom(conn, user, tom_id)
}
