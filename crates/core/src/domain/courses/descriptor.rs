//! What the cross-cutting services need to know of courses.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::domain::descriptor::{
    Deadline, DeadlineKind, DeadlineQuery, Descriptor, TenantRows, TrashSpec,
};
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::store::trash::Cascade;

/// A delete takes the course; its pages, questions, pictures, assignments and results stay
/// with the row, hidden while it is in the trash, so a restore brings them back.
pub const CASCADE: Cascade = &[("courses", "id = ?1")];

pub const DESCRIPTOR: Descriptor = Descriptor {
    name: "courses",
    objects: &[ObjectType::Course],
    trash: Some(TrashSpec {
        cascade: CASCADE,
        tables: &["courses"],
        parent_in_trash: None,
        before_restore: &[],
        before_purge: &[
            "DELETE FROM deadline_alerts WHERE kind = 'course_assignment' AND record_id IN (SELECT id FROM courses WHERE trash_id = ?1)",
            "DELETE FROM course_attempts WHERE assignment_id IN
               (SELECT id FROM course_assignments WHERE course_id IN (SELECT id FROM courses WHERE trash_id = ?1))",
            "DELETE FROM course_assignments WHERE course_id IN (SELECT id FROM courses WHERE trash_id = ?1)",
            "DELETE FROM course_pages WHERE course_id IN (SELECT id FROM courses WHERE trash_id = ?1)",
            "DELETE FROM course_questions WHERE course_id IN (SELECT id FROM courses WHERE trash_id = ?1)",
            "DELETE FROM course_images WHERE course_id IN (SELECT id FROM courses WHERE trash_id = ?1)",
        ],
    }),
    tiles: Some(tiles),
    search: None,
    export_stem: Some("courses"),
    tenant_rows: &[
        TenantRows {
            table: "course_attempts",
            condition: "assignment_id IN (SELECT a.id FROM {db}.course_assignments a JOIN {db}.courses c ON c.id = a.course_id WHERE c.tenant_id = ?1)",
        },
        TenantRows {
            table: "course_assignments",
            condition: "course_id IN (SELECT id FROM {db}.courses WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "course_pages",
            condition: "course_id IN (SELECT id FROM {db}.courses WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "course_questions",
            condition: "course_id IN (SELECT id FROM {db}.courses WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "course_images",
            condition: "course_id IN (SELECT id FROM {db}.courses WHERE tenant_id = ?1)",
        },
        TenantRows {
            table: "courses",
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
        ObjectType::Course,
        super::count(conn, user, tenant_id)?,
    )])
}

/// Assigned courses not passed yet whose due date has passed or comes by the horizon, one
/// item per learner; the item leads to the course (its id), where the learners are.
fn deadlines(conn: &Connection, user: &UserRecord, q: &DeadlineQuery) -> CoreResult<Vec<Deadline>> {
    let filter = super::visible(conn, user)?;
    let (tenants, tenant_params) = crate::access::scope::tenants_condition(user, q.tenant_id);
    let mut params = tenant_params;
    params.extend(filter.params);
    params.push(q.horizon.to_string().into());
    crate::domain::descriptor::day_deadlines(
        conn,
        DeadlineKind::CourseAssignment,
        &format!(
            "SELECT c.id, c.tenant_id, tn.name, c.name || ' — ' || u.name, a.due_on
             FROM course_assignments a JOIN courses c ON c.id = a.course_id JOIN users u ON u.id = a.user_id
             JOIN tenants tn ON tn.id = c.tenant_id
             WHERE c.trash_id IS NULL AND c.active = 1 AND u.active = 1 AND a.due_on IS NOT NULL AND {tenants} AND {}
               AND NOT EXISTS(SELECT 1 FROM course_attempts t WHERE t.assignment_id = a.id AND t.passed = 1)
               AND a.due_on <= ?",
            filter.sql
        ),
        params,
        q.today,
    )
}
