//! What the cross-cutting services need to know of areas.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{Descriptor, TenantRows, TrashSpec};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

/// What a delete of one record takes along to the trash.
pub const CASCADE: Cascade = &[
    (
        "dpias",
        "activity_id IN (SELECT id FROM processing_activities WHERE area_id = ?1)",
    ),
    ("processing_activities", "area_id = ?1"),
    ("areas", "id = ?1"),
];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: None,
    name: "areas",
    objects: &[ObjectType::Area],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["areas"],
        parent_in_trash: Some(
            "EXISTS(SELECT 1 FROM areas a JOIN companies c ON c.id = a.company_id
                    WHERE a.trash_id = ?1 AND c.trash_id IS NOT NULL AND c.trash_id <> ?1)",
        ),
        before_restore: &[],
        before_purge: &[],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("areas"),
    tenant_rows: &[TenantRows {
        table: "areas",
        condition: "company_id IN (SELECT id FROM {db}.companies WHERE tenant_id = ?1)",
    }],
};

fn tiles(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(
        ObjectType::Area,
        super::count(conn, user, tenant_id)?,
    )])
}
