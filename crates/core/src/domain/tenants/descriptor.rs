//! What the cross-cutting services need to know of tenants.

use crate::domain::descriptor::{Descriptor, TrashSpec};
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

/// What a delete of one record takes along to the trash.
pub const CASCADE: Cascade = &[
    ("documents", "tenant_id = ?1"),
    ("document_folders", "tenant_id = ?1"),
    ("courses", "tenant_id = ?1"),
    ("data_subject_requests", "tenant_id = ?1"),
    ("processor_agreements", "tenant_id = ?1"),
    ("data_breaches", "tenant_id = ?1"),
    ("dpias", "tenant_id = ?1"),
    ("processing_activities", "tenant_id = ?1"),
    (
        "areas",
        "company_id IN (SELECT id FROM companies WHERE tenant_id = ?1)",
    ),
    ("toms", "tenant_id = ?1"),
    ("companies", "tenant_id = ?1"),
    ("master_items", "tenant_id = ?1"),
    ("tenants", "id = ?1"),
];

pub const DESCRIPTOR: Descriptor = Descriptor {
    deadlines: None,
    name: "tenants",
    objects: &[ObjectType::Tenant],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["tenants"],
        // Nothing of a tenant in the trash comes back before the tenant does.
        parent_in_trash: Some("EXISTS(SELECT 1 FROM tenants WHERE id = ?2 AND trash_id IS NOT NULL AND trash_id <> ?1)"),
        before_restore: &[],
        before_purge: &[
            "DELETE FROM user_tenants WHERE tenant_id IN (SELECT id FROM tenants WHERE trash_id = ?1)",
            "UPDATE users SET current_tenant_id = NULL WHERE current_tenant_id IN (SELECT id FROM tenants WHERE trash_id = ?1)",
        ],
    }),
    tiles: None,
    search: None,
    export_stem: Some("tenants"),
    // The tenant's own row is restored by the backup module itself (an upsert).
    tenant_rows: &[],
};
