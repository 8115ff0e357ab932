//! What the cross-cutting services need to know of processing activities.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns};
use crate::domain::descriptor::{
    day_deadlines, Deadline, DeadlineKind, DeadlineQuery, Descriptor, SearchClause, SearchSpec,
    TenantRows, TrashSpec,
};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::{ObjectType, Permission, Right};
use crate::store::trash::Cascade;

const OF_TENANT: &str =
    "activity_id IN (SELECT id FROM {db}.processing_activities WHERE tenant_id = ?1)";

/// What a delete of one record takes along to the trash.
pub const CASCADE: Cascade = &[
    ("dpias", "activity_id = ?1"),
    ("processing_activities", "id = ?1"),
];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: Some(deadlines),
    name: "activities",
    objects: &[ObjectType::ProcessingActivity],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["processing_activities"],
        parent_in_trash: Some(
            "EXISTS(SELECT 1 FROM processing_activities p JOIN areas a ON a.id = p.area_id
                    WHERE p.trash_id = ?1 AND a.trash_id IS NOT NULL AND a.trash_id <> ?1)",
        ),
        before_restore: &[],
        before_purge: &[
            "DELETE FROM activity_attachments WHERE activity_id IN (SELECT id FROM processing_activities WHERE trash_id = ?1)",
            "DELETE FROM activity_links WHERE activity_id IN (SELECT id FROM processing_activities WHERE trash_id = ?1)",
            "DELETE FROM activity_toms WHERE activity_id IN (SELECT id FROM processing_activities WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: Some(SearchSpec {
        clause: search_clause,
        place: Some(
            "(SELECT a.name || ' · ' || c.name FROM processing_activities p
              JOIN areas a ON a.id = p.area_id JOIN companies c ON c.id = a.company_id
              WHERE s.object_type = 'processing_activity' AND p.id = s.object_id)",
        ),
    }),
    export_stem: Some("processing-activities"),
    tenant_rows: &[
        TenantRows { table: "activity_attachments", condition: OF_TENANT },
        TenantRows { table: "activity_links", condition: OF_TENANT },
        TenantRows { table: "activity_toms", condition: OF_TENANT },
        TenantRows { table: "processing_activities", condition: "tenant_id = ?1" },
    ],
};

fn tiles(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(
        ObjectType::ProcessingActivity,
        super::count(conn, user, tenant_id)?,
    )])
}

/// Hits of activities the user may see, with their visibility restrictions applied.
fn search_clause(conn: &Connection, user: &UserRecord) -> CoreResult<Option<SearchClause>> {
    if !crate::access::permissions::granted(
        conn,
        user,
        Permission::new(ObjectType::ProcessingActivity, Right::View),
    )? {
        return Ok(None);
    }
    let filter = visibility::filter(
        conn,
        user,
        ObjectType::ProcessingActivity,
        &Columns {
            editor: Some("p.editor_id"),
            area_name: Some("a.name"),
            status: Some("p.status"),
            top_folder: None,
        },
    )?;
    Ok(Some(SearchClause {
        sql: format!(
            "(s.object_type = 'processing_activity' AND EXISTS(
                SELECT 1 FROM processing_activities p JOIN areas a ON a.id = p.area_id
                WHERE p.id = s.object_id AND p.trash_id IS NULL AND {}))",
            filter.sql
        ),
        params: filter.params,
    }))
}

/// Planned reviews of the visible activities that are not inactive and not reviewed since.
fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params: Vec<rusqlite::types::Value> = vec![q.horizon.to_string().into()];
    params.extend(tenant_params);
    params.extend(filter.params);
    day_deadlines(
        conn,
        DeadlineKind::ActivityReview,
        &format!(
            "SELECT p.id, p.tenant_id, tn.name, p.name, p.review_planned {} JOIN tenants tn ON tn.id = p.tenant_id
             WHERE p.trash_id IS NULL AND p.status <> 'inactive' AND p.review_planned IS NOT NULL
               AND p.review_planned <= ? AND (p.review_done IS NULL OR p.review_done < p.review_planned)
               AND {tenants} AND {}",
            super::FROM,
            filter.sql
        ),
        params,
        q.today,
    )
}
