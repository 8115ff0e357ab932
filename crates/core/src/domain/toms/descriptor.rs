//! What the cross-cutting services need to know of measures.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{
    day_deadlines, Deadline, DeadlineKind, DeadlineQuery, Descriptor, TenantRows, TrashSpec,
};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

const OF_TENANT: &str = "tom_id IN (SELECT id FROM {db}.toms WHERE tenant_id = ?1)";

// The links to activities are the activities' rows (their descriptor lists them).

/// What a delete of one measure takes along: the measure only. Its companies, reviews and
/// activity links stay with the row, hidden while it is in the trash, so a restore brings
/// them back.
pub const CASCADE: Cascade = &[("toms", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: Some(deadlines),
    name: "toms",
    objects: &[ObjectType::Tom],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["toms"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM activity_toms WHERE tom_id IN (SELECT id FROM toms WHERE trash_id = ?1)",
            "DELETE FROM tom_companies WHERE tom_id IN (SELECT id FROM toms WHERE trash_id = ?1)",
            "DELETE FROM tom_reviews WHERE tom_id IN (SELECT id FROM toms WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("toms"),
    tenant_rows: &[
        TenantRows {
            table: "tom_reviews",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "tom_companies",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "toms",
            condition: "tenant_id = ?1",
        },
    ],
};

fn tiles(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(
        ObjectType::Tom,
        super::count(conn, user, tenant_id)?,
    )])
}

/// Next reviews of the visible measures in use.
fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params: Vec<rusqlite::types::Value> = vec![q.horizon.to_string().into()];
    params.extend(tenant_params);
    params.extend(filter.params);
    day_deadlines(
        conn,
        DeadlineKind::TomReview,
        &format!(
            "SELECT t.id, t.tenant_id, tn.name, t.title, t.next_review FROM toms t JOIN tenants tn ON tn.id = t.tenant_id
             WHERE t.trash_id IS NULL AND t.status <> 'inactive' AND t.next_review IS NOT NULL
               AND t.next_review <= ? AND {tenants} AND {}",
            filter.sql
        ),
        params,
        q.today,
    )
}
