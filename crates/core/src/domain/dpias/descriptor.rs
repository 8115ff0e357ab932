//! What the cross-cutting services need to know of DPIAs.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{
    day_deadlines, Deadline, DeadlineKind, DeadlineQuery, Descriptor, TenantRows, TrashSpec,
};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

const RISKS_OF_TENANT: &str = "dpia_id IN (SELECT id FROM {db}.dpias WHERE tenant_id = ?1)";

/// A delete takes every version of the activity's assessment; risks and their measures
/// stay with their rows until the entry is purged.
pub const CASCADE: Cascade = &[(
    "dpias",
    "activity_id = (SELECT activity_id FROM dpias WHERE id = ?1)",
)];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: Some(deadlines),
    name: "dpias",
    objects: &[ObjectType::Dpia],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["dpias"],
        parent_in_trash: Some(
            "EXISTS(SELECT 1 FROM dpias d JOIN processing_activities p ON p.id = d.activity_id
                    WHERE d.trash_id = ?1 AND p.trash_id IS NOT NULL AND p.trash_id <> ?1)",
        ),
        before_restore: &[],
        before_purge: &[
            "DELETE FROM dpia_risk_toms WHERE risk_id IN (SELECT r.id FROM dpia_risks r JOIN dpias d ON d.id = r.dpia_id WHERE d.trash_id = ?1)",
            "DELETE FROM dpia_risks WHERE dpia_id IN (SELECT id FROM dpias WHERE trash_id = ?1)",
            "DELETE FROM dpia_risk_toms WHERE tom_id IN (SELECT id FROM toms WHERE trash_id = ?1)",
            "DELETE FROM dpia_checks WHERE activity_id IN (SELECT id FROM processing_activities WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("dpias"),
    tenant_rows: &[
        TenantRows {
            table: "dpia_checks",
            condition: "activity_id IN (SELECT id FROM {db}.processing_activities WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "dpia_risk_toms",
            condition: "risk_id IN (SELECT id FROM {db}.dpia_risks WHERE dpia_id IN (SELECT id FROM {db}.dpias WHERE tenant_id = ?1))",
        },
        TenantRows { table: "dpia_risks", condition: RISKS_OF_TENANT },
        TenantRows { table: "dpias", condition: "tenant_id = ?1" },
    ],
};

fn tiles(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(
        ObjectType::Dpia,
        super::count(conn, user, tenant_id)?,
    )])
}

/// Review dates of the current assessments of live activities.
fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params: Vec<rusqlite::types::Value> = vec![q.horizon.to_string().into()];
    params.extend(tenant_params);
    params.extend(filter.params);
    day_deadlines(
        conn,
        DeadlineKind::DpiaReview,
        &format!(
            "SELECT d.id, d.tenant_id, tn.name, p.name, d.review_date FROM dpias d
             JOIN processing_activities p ON p.id = d.activity_id JOIN tenants tn ON tn.id = d.tenant_id
             WHERE d.is_current = 1 AND d.trash_id IS NULL AND p.trash_id IS NULL
               AND d.review_date IS NOT NULL AND d.review_date <= ? AND {tenants} AND {}",
            filter.sql
        ),
        params,
        q.today,
    )
}
