//! What the cross-cutting services need to know of master data: one table serves the
//! eleven kinds, each an object type of its own.

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{Descriptor, SearchClause, SearchSpec, TenantRows, TrashSpec};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::{MasterKind, ObjectType, Permission, Right};
use crate::store::trash::Cascade;

/// What a delete of one record takes along to the trash.
pub const CASCADE: Cascade = &[("master_items", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: None,
    name: "master_data",
    objects: &[
        ObjectType::BusinessProcess,
        ObjectType::Application,
        ObjectType::DataCategory,
        ObjectType::PersonGroup,
        ObjectType::LegalBasis,
        ObjectType::RetentionPeriod,
        ObjectType::Recipient,
        ObjectType::ThirdCountry,
        ObjectType::Person,
        ObjectType::Customer,
        ObjectType::Processor,
    ],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["master_items"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM activity_links WHERE item_id IN (SELECT id FROM master_items WHERE trash_id = ?1)",
            "UPDATE processing_activities SET business_process_id = NULL
             WHERE business_process_id IN (SELECT id FROM master_items WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: Some(SearchSpec {
        clause: search_clause,
        place: None,
    }),
    export_stem: Some("master-data"),
    tenant_rows: &[TenantRows { table: "master_items", condition: "tenant_id = ?1" }],
};

fn tiles(
    conn: &Connection,
    _user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    let counts = super::counts(conn, tenant_id)?;
    Ok(MasterKind::ALL
        .iter()
        .map(|k| (k.object(), counts.get(k.as_str()).copied().unwrap_or(0)))
        .collect())
}

/// Hits of the kinds the user may view.
fn search_clause(conn: &Connection, user: &UserRecord) -> CoreResult<Option<SearchClause>> {
    let mut kinds: Vec<Value> = Vec::new();
    for kind in MasterKind::ALL {
        if crate::access::permissions::granted(
            conn,
            user,
            Permission::new(kind.object(), Right::View),
        )? {
            kinds.push(Value::Text(kind.as_str().into()));
        }
    }
    if kinds.is_empty() {
        return Ok(None);
    }
    let marks = vec!["?"; kinds.len()].join(", ");
    Ok(Some(SearchClause {
        sql: format!(
            "(s.object_type IN ({marks}) AND EXISTS(SELECT 1 FROM master_items m WHERE m.id = s.object_id AND m.trash_id IS NULL))"
        ),
        params: kinds,
    }))
}
