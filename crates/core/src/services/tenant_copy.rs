//! Tenant copy 1:1 and new tenants from a template (SPEC §2, §9; seed 004 "Mandanten
//! kopieren"): the whole tenant — companies, areas, activities with their links,
//! attachments, checks and DPIAs, master data including persons, recipients and customers,
//! TOMs with their reviews — through the tenant document, in one transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde_json::json;

use crate::access::accounts::UserRecord;
use crate::domain::tenants::{self, Tenant};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::services::tenant_transfer;
use crate::store::audit::{self, Change};

/// The activities of a tenant in the tenant document's order (companies, areas, activities
/// as `tenant_transfer::export` walks them), so a copy's activities pair with the source's.
fn activity_order(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<i64>> {
    let mut ids = Vec::new();
    for company in crate::domain::companies::list(conn, tenant_id)? {
        let areas: Vec<i64> = conn
            .prepare(
                "SELECT id FROM areas WHERE company_id = ?1 AND trash_id IS NULL ORDER BY name, id",
            )?
            .query_map([company.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for area in areas {
            let activities: Vec<i64> = conn
                .prepare_cached("SELECT id FROM processing_activities WHERE area_id = ?1 AND trash_id IS NULL ORDER BY name, id")?
                .query_map([area], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            ids.extend(activities);
        }
    }
    Ok(ids)
}

/// How a copy is made: a tenant copy keeps who may open it; a tenant from a template is a
/// new client, not a template.
pub(crate) enum CopyOf {
    Tenant,
    Template,
}

/// Copies a tenant the user may open into a new one named `name`.
pub(crate) fn copy(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    source_id: i64,
    name: &str,
    kind: CopyOf,
) -> CoreResult<Tenant> {
    let source = tenants::accessible(conn, user, source_id)?;
    // The documents' bytes stay in the database: copied in SQL after the records.
    let (mut doc, order) = tenant_transfer::export_with(conn, &source, false)?;
    doc.tenant.name = name.to_string();
    doc.tenant.is_template = match kind {
        CopyOf::Tenant => source.is_template,
        CopyOf::Template => false,
    };
    let (copy, new_order) = tenant_transfer::import_with(conn, now, user, &doc)?;
    crate::services::document_transfer::copy_all(
        conn, now, source.id, copy.id, &order, &new_order,
    )?;
    // Attachments are files, not part of the document: they follow the activities in order.
    let pairs = activity_order(conn, source.id)?
        .into_iter()
        .zip(activity_order(conn, copy.id)?);
    for (old, new) in pairs {
        crate::domain::activities::attachments::copy_all(conn, old, new)?;
    }
    if let CopyOf::Tenant = kind {
        // Whoever may open the source may open the copy (seed 004).
        conn.execute(
            "INSERT OR IGNORE INTO user_tenants (user_id, tenant_id) SELECT user_id, ?1 FROM user_tenants WHERE tenant_id = ?2",
            params![copy.id, source.id],
        )?;
    }
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: match kind {
                CopyOf::Tenant => "tenant_copy",
                CopyOf::Template => "from_template",
            },
            object_type: ObjectType::Tenant.as_str(),
            object_id: Some(copy.id.to_string()),
            old: Some(json!({ "copied_from": source.id, "name": source.name })),
            new: Some(json!({ "name": copy.name })),
        },
    )?;
    Ok(tenants::by_id(conn, copy.id)?.expect("just made"))
}
