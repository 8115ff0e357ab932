//! What the cross-cutting services need to know of breaches.

use chrono::Local;
use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{
    Deadline, DeadlineKind, DeadlineQuery, Descriptor, TenantRows, TrashSpec,
};
use crate::kernel::deadline::breach_deadline;
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

pub const CASCADE: Cascade = &[("data_breaches", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    name: "breaches",
    objects: &[ObjectType::Breach],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["data_breaches"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM deadline_alerts WHERE kind = 'breach' AND record_id IN (SELECT id FROM data_breaches WHERE trash_id = ?1)",
            "DELETE FROM record_attachments WHERE object_type = 'breach'
               AND record_id IN (SELECT id FROM data_breaches WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("breaches"),
    tenant_rows: &[
        TenantRows {
            table: "record_attachments",
            condition: "object_type = 'breach' AND record_id IN (SELECT id FROM {db}.data_breaches WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "data_breaches",
            condition: "tenant_id = ?1",
        },
    ],
    deadlines: Some(deadlines),
};

fn tiles(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(
        ObjectType::Breach,
        super::count(conn, user, tenant_id)?,
    )])
}

/// Notifications to the authority still due: notifiable, not notified, open. The clock
/// runs in hours, so the item carries the instant.
fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params: Vec<rusqlite::types::Value> = tenant_params;
    params.extend(filter.params);
    let mut stmt = conn.prepare(&format!(
        "SELECT b.id, b.tenant_id, tn.name, b.title, b.discovered_at
         FROM data_breaches b JOIN tenants tn ON tn.id = b.tenant_id
         WHERE b.trash_id IS NULL AND b.risk <> 'no_risk' AND b.authority_notified_at IS NULL
           AND b.status = 'open' AND {tenants} AND {}",
        filter.sql
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        let due_at = breach_deadline(r.get(4)?);
        Ok(Deadline {
            kind: DeadlineKind::Breach,
            id: r.get(0)?,
            tenant_id: Some(r.get(1)?),
            tenant_name: r.get(2)?,
            title: r.get(3)?,
            due: due_at.with_timezone(&Local).date_naive(),
            due_at: Some(due_at),
            overdue: due_at < q.now,
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        let row = row?;
        if row.due <= q.horizon {
            out.push(row);
        }
    }
    Ok(out)
}
