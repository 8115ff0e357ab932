//! How far a user reaches: which tenants they may open, and whether a company or area lies
//! in one of them. Every domain asks here instead of asking its parent domain, so children
//! never call up. An id out of reach is reported as unknown, so ids of other clients (or
//! of records in the trash) reveal nothing.

use rusqlite::{params, Connection, OptionalExtension};

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};

/// Where a company or area sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub tenant_id: i64,
    pub company_id: i64,
}

/// Whether the user may open the tenant: administrators all, everyone else theirs.
pub(crate) fn may_open_tenant(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM tenants t WHERE t.id = ?1 AND t.trash_id IS NULL
                       AND (?2 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = ?3 AND ut.tenant_id = t.id)))",
        params![id, user.is_admin, user.id],
        |r| r.get(0),
    )?)
}

/// A live tenant the user may open.
pub(crate) fn tenant(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<()> {
    if may_open_tenant(conn, user, id)? {
        Ok(())
    } else {
        Err(CoreError::validation(
            "tenant",
            "unknown",
            format!("no tenant with id {id}"),
        ))
    }
}

/// A live company in a tenant the user may open.
pub(crate) fn company(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Place> {
    let unknown =
        || CoreError::validation("company", "unknown", format!("no company with id {id}"));
    let tenant_id: i64 = conn
        .query_row(
            "SELECT tenant_id FROM companies WHERE id = ?1 AND trash_id IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    if !may_open_tenant(conn, user, tenant_id)? {
        return Err(unknown());
    }
    Ok(Place {
        tenant_id,
        company_id: id,
    })
}

/// A live area of a live company in a tenant the user may open. Visibility restrictions on
/// areas are the area domain's to apply on top.
pub(crate) fn area(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Place> {
    let unknown = || CoreError::validation("area", "unknown", format!("no area with id {id}"));
    let company_id: i64 = conn
        .query_row(
            "SELECT company_id FROM areas WHERE id = ?1 AND trash_id IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    company(conn, user, company_id).map_err(|_| unknown())
}

/// The condition on a tenants row `tn` for the records a user reaches across tenants (the
/// deadline dashboard): live tenants the user may open, or only `tenant_id` among them.
pub(crate) fn tenants_condition(
    user: &UserRecord,
    tenant_id: Option<i64>,
) -> (String, Vec<rusqlite::types::Value>) {
    let mut sql = String::from(
        "tn.trash_id IS NULL AND (? OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = ? AND ut.tenant_id = tn.id))",
    );
    let mut params: Vec<rusqlite::types::Value> =
        vec![i64::from(user.is_admin).into(), user.id.into()];
    if let Some(id) = tenant_id {
        sql.push_str(" AND tn.id = ?");
        params.push(id.into());
    }
    (sql, params)
}
