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
            // The entry's top folder, when its parent is gone, moves to the root with
            // everything below it: first the paths, then the parent.
            "UPDATE document_folders SET path = (
                 SELECT '/' || t.name || substr(document_folders.path, length(t.path) + 1)
                 FROM document_folders t
                 WHERE t.trash_id = ?1
                   AND ((t.parent_id IS NULL AND t.path <> '/' || t.name)
                        OR t.parent_id NOT IN (SELECT id FROM document_folders WHERE trash_id IS NULL OR trash_id = ?1))
                   AND (document_folders.path = t.path OR substr(document_folders.path, 1, length(t.path) + 1) = t.path || '/'))
             WHERE trash_id = ?1 AND EXISTS (
                 SELECT 1 FROM document_folders t
                 WHERE t.trash_id = ?1
                   AND ((t.parent_id IS NULL AND t.path <> '/' || t.name)
                        OR t.parent_id NOT IN (SELECT id FROM document_folders WHERE trash_id IS NULL OR trash_id = ?1))
                   AND (document_folders.path = t.path OR substr(document_folders.path, 1, length(t.path) + 1) = t.path || '/'))",
            "UPDATE document_folders SET parent_id = NULL WHERE trash_id = ?1 AND parent_id IS NOT NULL
               AND parent_id NOT IN (SELECT id FROM document_folders WHERE trash_id IS NULL OR trash_id = ?1)",
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
    export_stem: None,
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
