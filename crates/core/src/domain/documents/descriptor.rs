//! What the cross-cutting services need to know of documents.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{Descriptor, TenantRows, TrashSpec};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

const OF_TENANT: &str = "document_id IN (SELECT id FROM {db}.documents WHERE tenant_id = ?1)";

/// A document goes to the trash with its versions and links, which stay with its row.
pub const CASCADE: Cascade = &[("documents", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    name: "documents",
    objects: &[ObjectType::Document],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        // Documents before folders: a purge deletes the files before the folders they are in.
        tables: &["documents", "document_folders"],
        // A document or folder whose folder is gone comes back at the root (seed 002).
        parent_in_trash: None,
        before_restore: &[
            "UPDATE documents SET folder_id = NULL WHERE trash_id = ?1 AND folder_id IS NOT NULL
               AND folder_id NOT IN (SELECT id FROM document_folders WHERE trash_id IS NULL OR trash_id = ?1)",
            // The entry's top folders whose parent is gone come back at the root.
            "UPDATE document_folders SET parent_id = NULL WHERE trash_id = ?1 AND parent_id IS NOT NULL
               AND parent_id NOT IN (SELECT id FROM document_folders WHERE trash_id IS NULL OR trash_id = ?1)",
            // A folder or document made meanwhile under the same name keeps it; the one that
            // comes back is marked, so no two share a place (a same name means a new version).
            "UPDATE document_folders SET name = '(2) ' || name WHERE trash_id = ?1
               AND (parent_id IS NULL OR parent_id NOT IN (SELECT id FROM document_folders WHERE trash_id = ?1))
               AND EXISTS (SELECT 1 FROM document_folders o WHERE o.trash_id IS NULL AND o.tenant_id = document_folders.tenant_id
                           AND o.parent_id IS document_folders.parent_id AND o.name = document_folders.name COLLATE NOCASE)",
            "UPDATE documents SET name = '(2) ' || name WHERE trash_id = ?1
               AND EXISTS (SELECT 1 FROM documents o WHERE o.trash_id IS NULL AND o.tenant_id = documents.tenant_id
                           AND o.folder_id IS documents.folder_id AND o.name = documents.name COLLATE NOCASE)",
            // Every path of the entry written again from its parents and names.
            "WITH RECURSIVE p(id, path) AS (
                 SELECT f.id, COALESCE((SELECT q.path FROM document_folders q WHERE q.id = f.parent_id), '') || '/' || f.name
                 FROM document_folders f WHERE f.trash_id = ?1
                   AND (f.parent_id IS NULL OR f.parent_id NOT IN (SELECT id FROM document_folders WHERE trash_id = ?1))
                 UNION ALL
                 SELECT f.id, p.path || '/' || f.name FROM document_folders f JOIN p ON f.parent_id = p.id)
             UPDATE document_folders SET path = (SELECT path FROM p WHERE p.id = document_folders.id)
             WHERE id IN (SELECT id FROM p)",
        ],
        before_purge: &[
            "DELETE FROM document_links WHERE document_id IN (SELECT id FROM documents WHERE trash_id = ?1)",
            "DELETE FROM document_contents WHERE version_id IN
               (SELECT id FROM document_versions WHERE document_id IN (SELECT id FROM documents WHERE trash_id = ?1))",
            "DELETE FROM document_versions WHERE document_id IN (SELECT id FROM documents WHERE trash_id = ?1)",
            // Files and folders of other entries lose a purged folder: the root takes them.
            "UPDATE documents SET folder_id = NULL
               WHERE folder_id IN (SELECT id FROM document_folders WHERE trash_id = ?1) AND trash_id IS NOT ?1",
            "UPDATE document_folders SET parent_id = NULL
               WHERE parent_id IN (SELECT id FROM document_folders WHERE trash_id = ?1) AND trash_id IS NOT ?1",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("documents"),
    tenant_rows: &[
        TenantRows {
            table: "document_links",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "document_contents",
            condition: "version_id IN (SELECT v.id FROM {db}.document_versions v JOIN {db}.documents d ON d.id = v.document_id WHERE d.tenant_id = ?1)",
        },
        TenantRows {
            table: "document_versions",
            condition: OF_TENANT,
        },
        TenantRows {
            table: "documents",
            condition: "tenant_id = ?1",
        },
        TenantRows {
            table: "document_folders",
            condition: "tenant_id = ?1",
        },
    ],
    deadlines: None,
};

fn tiles(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<(ObjectType, i64)>> {
    Ok(vec![(
        ObjectType::Document,
        super::count(conn, user, tenant_id)?,
    )])
}
