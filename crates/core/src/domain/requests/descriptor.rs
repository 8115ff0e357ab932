//! What the cross-cutting services need to know of data subject requests.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{
    Deadline, DeadlineKind, DeadlineQuery, Descriptor, TenantRows, TrashSpec,
};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

const OF_TENANT: &str =
    "request_id IN (SELECT id FROM {db}.data_subject_requests WHERE tenant_id = ?1)";

/// A delete takes the request only; its links and files stay with the row, hidden while it
/// is in the trash, so a restore brings them back.
pub const CASCADE: Cascade = &[("data_subject_requests", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    name: "requests",
    objects: &[ObjectType::Request],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["data_subject_requests"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM deadline_alerts WHERE kind = 'request' AND record_id IN (SELECT id FROM data_subject_requests WHERE trash_id = ?1)",
            "DELETE FROM request_activities WHERE request_id IN (SELECT id FROM data_subject_requests WHERE trash_id = ?1)",
            "DELETE FROM request_items WHERE request_id IN (SELECT id FROM data_subject_requests WHERE trash_id = ?1)",
            "DELETE FROM record_attachments WHERE object_type = 'request'
               AND record_id IN (SELECT id FROM data_subject_requests WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("requests"),
    tenant_rows: &[
        TenantRows {
            table: "record_attachments",
            condition: "object_type = 'request' AND record_id IN (SELECT id FROM {db}.data_subject_requests WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "request_activities",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "request_items",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "data_subject_requests",
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
        ObjectType::Request,
        super::count(conn, user, tenant_id)?,
    )])
}

/// The answers still due: pending requests whose deadline has passed or comes by the
/// horizon. The deadline is month arithmetic SQLite does not do the same way, so the
/// pending requests are read and the rule decides.
fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params: Vec<rusqlite::types::Value> = tenant_params;
    params.extend(filter.params);
    let mut stmt = conn.prepare(&format!(
        "SELECT r.id, r.tenant_id, tn.name, r.requester, r.kind, r.received_on, r.extension_months
         FROM data_subject_requests r JOIN tenants tn ON tn.id = r.tenant_id
         WHERE r.trash_id IS NULL AND r.status NOT IN ('answered', 'refused') AND {tenants} AND {}",
        filter.sql
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        let received: chrono::NaiveDate = r.get(5)?;
        let extension: u8 = r.get(6)?;
        let requester: String = r.get(3)?;
        let due = crate::kernel::deadline::request_deadline(received, extension);
        Ok(Deadline {
            kind: DeadlineKind::Request,
            id: r.get(0)?,
            tenant_id: Some(r.get(1)?),
            tenant_name: r.get(2)?,
            title: requester,
            due,
            due_at: None,
            overdue: due < q.today,
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
