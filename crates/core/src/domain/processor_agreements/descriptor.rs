//! What the cross-cutting services need to know of processor agreements.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{
    day_deadlines, Deadline, DeadlineKind, DeadlineQuery, Descriptor, TenantRows, TrashSpec,
};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

const OF_TENANT: &str =
    "agreement_id IN (SELECT id FROM {db}.processor_agreements WHERE tenant_id = ?1)";

pub const CASCADE: Cascade = &[("processor_agreements", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    name: "processor_agreements",
    objects: &[ObjectType::ProcessorAgreement],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["processor_agreements"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM agreement_activities WHERE agreement_id IN (SELECT id FROM processor_agreements WHERE trash_id = ?1)",
            "DELETE FROM agreement_countries WHERE agreement_id IN (SELECT id FROM processor_agreements WHERE trash_id = ?1)",
            "DELETE FROM record_attachments WHERE object_type = 'processor_agreement'
               AND record_id IN (SELECT id FROM processor_agreements WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("processor-agreements"),
    tenant_rows: &[
        TenantRows {
            table: "record_attachments",
            condition: "object_type = 'processor_agreement' AND record_id IN (SELECT id FROM {db}.processor_agreements WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "agreement_activities",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "agreement_countries",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "processor_agreements",
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
        ObjectType::ProcessorAgreement,
        super::count(conn, user, tenant_id)?,
    )])
}

fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params: Vec<rusqlite::types::Value> = vec![q.horizon.to_string().into()];
    params.extend(tenant_params);
    params.extend(filter.params);
    day_deadlines(
        conn,
        DeadlineKind::ProcessorAgreementReview,
        &format!(
            "SELECT g.id, g.tenant_id, tn.name, m.name || ' – ' || g.subject, g.next_review
             FROM processor_agreements g JOIN master_items m ON m.id = g.processor_id
             JOIN tenants tn ON tn.id = g.tenant_id
             WHERE g.trash_id IS NULL AND g.next_review IS NOT NULL AND g.next_review <= ?
               AND {tenants} AND {}",
            filter.sql
        ),
        params,
        q.today,
    )
}
