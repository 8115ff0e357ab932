//! Activities as other records show them (a request, a processor agreement): by id, and by
//! the master data they process. Only activities the user may see are named.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::tom_links::LinkedActivity;
use crate::access::accounts::UserRecord;
use crate::kernel::error::CoreResult;

fn named(conn: &Connection, sql: &str, params: Vec<Value>) -> CoreResult<Vec<LinkedActivity>> {
    let mut stmt = conn.prepare(sql)?;
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

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// The visible, live activities among `ids`, by name.
pub(crate) fn visible_among(
    conn: &Connection,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<LinkedActivity>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let filter = super::visible(conn, user)?;
    let mut params: Vec<Value> = ids.iter().map(|id| Value::from(*id)).collect();
    params.extend(filter.params);
    named(
        conn,
        &format!(
            "SELECT p.id, p.name, c.name, a.name {} WHERE p.id IN ({}) AND p.trash_id IS NULL AND {}
             ORDER BY p.name COLLATE NOCASE, p.id",
            super::FROM,
            placeholders(ids.len()),
            filter.sql
        ),
        params,
    )
}

/// The visible, live activities of a tenant linked to any of the master data `item_ids`
/// (the person groups of a request: what is processed about such a person).
pub(crate) fn visible_with_items(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    item_ids: &[i64],
) -> CoreResult<Vec<LinkedActivity>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    let filter = super::visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(item_ids.iter().map(|id| Value::from(*id)));
    params.extend(filter.params);
    named(
        conn,
        &format!(
            "SELECT p.id, p.name, c.name, a.name {} WHERE p.tenant_id = ? AND p.trash_id IS NULL
               AND p.id IN (SELECT l.activity_id FROM activity_links l WHERE l.item_id IN ({}))
               AND {} ORDER BY p.name COLLATE NOCASE, p.id",
            super::FROM,
            placeholders(item_ids.len()),
            filter.sql
        ),
        params,
    )
}

/// Whether the user may see processing activities at all (their own right): other records
/// name and link activities only for such users.
pub(crate) fn viewable(conn: &Connection, user: &UserRecord) -> CoreResult<bool> {
    crate::access::permissions::granted(
        conn,
        user,
        crate::kernel::vocabulary::Permission::new(
            crate::kernel::vocabulary::ObjectType::ProcessingActivity,
            crate::kernel::vocabulary::Right::View,
        ),
    )
}

/// The activities another record of `tenant_id` links, checked and normalised (sorted, each
/// once): linking needs the activities' view right, and each must be visible to the user and
/// of that tenant.
pub(crate) fn linkable(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() && !viewable(conn, user)? {
        return Err(crate::kernel::error::CoreError::PermissionDenied {
            object: crate::kernel::vocabulary::ObjectType::ProcessingActivity,
            right: crate::kernel::vocabulary::Right::View,
        });
    }
    for &id in &ids {
        if super::visible_by_id(conn, user, id)?.tenant_id != tenant_id {
            return Err(crate::kernel::error::CoreError::validation(
                "processing_activity",
                "other_tenant",
                format!("processing activity {id} belongs to another tenant"),
            ));
        }
    }
    Ok(ids)
}
