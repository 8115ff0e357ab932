//! What the cross-cutting services need to know of companies.

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
        "activity_id IN (SELECT p.id FROM processing_activities p JOIN areas a ON a.id = p.area_id WHERE a.company_id = ?1)",
    ),
    (
        "processing_activities",
        "area_id IN (SELECT id FROM areas WHERE company_id = ?1)",
    ),
    ("areas", "company_id = ?1"),
    ("companies", "id = ?1"),
];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: None,
    name: "companies",
    objects: &[ObjectType::Company],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["companies"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM tom_companies WHERE company_id IN (SELECT id FROM companies WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("companies"),
    tenant_rows: &[TenantRows {
        table: "companies",
        condition: "tenant_id = ?1",
    }],
};

fn tiles(
    conn: &Connection,
    _user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(ObjectType::Company, super::count(conn, tenant_id)?)])
}
