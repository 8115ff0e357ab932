//! Who has to take a course, by when, and how far they got: assignments to single users or
//! to everyone of the course's tenant, and their state read from the attempts.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use super::scoring;
use crate::access::accounts::{self, UserRecord};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;

/// Where a learner stands with an assigned course. Stable names (`course results`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum AssignmentState {
    NotStarted,
    InProgress,
    Passed,
    /// Failed, and another attempt is allowed.
    Failed,
    /// Failed with no restart left.
    FailedFinally,
}

crate::kernel::vocabulary::snake_names!(AssignmentState);

/// What the window asks for when it assigns a course: to the chosen users, or to everyone
/// of the course's tenant.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct AssignRequest {
    pub course_id: i64,
    pub user_ids: Vec<i64>,
    pub everyone: bool,
    pub due_on: Option<NaiveDate>,
}

/// A new learner for a tenant, invited with a one-time code and given the course.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct InviteRequest {
    pub tenant_id: i64,
    pub name: String,
    pub course_id: i64,
    pub due_on: Option<NaiveDate>,
}

/// One assignment with its results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AssignmentRow {
    pub id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub tenant_id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
    pub state: AssignmentState,
    pub attempts: u32,
    /// `None`: unlimited.
    pub restarts_left: Option<u32>,
    pub best_score: Option<u32>,
    pub last_score: Option<u32>,
    pub passed_at: Option<DateTime<Utc>>,
    pub certificate_code: Option<String>,
}

const SUMMARY: &str = "SELECT a.id, a.course_id, c.name, c.tenant_id, a.user_id, u.name, a.due_on, c.max_restarts,
        (SELECT COUNT(*) FROM course_attempts t WHERE t.assignment_id = a.id),
        (SELECT COUNT(*) FROM course_attempts t WHERE t.assignment_id = a.id AND t.finished_at IS NULL),
        (SELECT MAX(t.score_percent) FROM course_attempts t WHERE t.assignment_id = a.id AND t.finished_at IS NOT NULL),
        (SELECT t.score_percent FROM course_attempts t WHERE t.assignment_id = a.id AND t.finished_at IS NOT NULL
            ORDER BY t.number DESC LIMIT 1),
        (SELECT t.finished_at FROM course_attempts t WHERE t.assignment_id = a.id AND t.passed = 1
            ORDER BY t.number LIMIT 1),
        (SELECT t.certificate_code FROM course_attempts t WHERE t.assignment_id = a.id AND t.passed = 1
            ORDER BY t.number LIMIT 1)
    FROM course_assignments a JOIN courses c ON c.id = a.course_id JOIN users u ON u.id = a.user_id";

/// The assignments matching `condition` (over `a`, `c`, `u`), with their state on `today`.
pub(crate) fn summaries(
    conn: &Connection,
    condition: &str,
    params: Vec<Value>,
    today: NaiveDate,
) -> CoreResult<Vec<AssignmentRow>> {
    let rows = conn
        .prepare(&format!(
            "{SUMMARY} WHERE {condition} ORDER BY c.name COLLATE NOCASE, u.name COLLATE NOCASE, a.id"
        ))?
        .query_map(params_from_iter(params), |r| {
            let max_restarts: u32 = r.get(7)?;
            let attempts: u32 = r.get(8)?;
            let open: u32 = r.get(9)?;
            let passed_at: Option<DateTime<Utc>> = r.get(12)?;
            let due_on: Option<NaiveDate> = r.get(6)?;
            let state = if passed_at.is_some() {
                AssignmentState::Passed
            } else if open > 0 {
                AssignmentState::InProgress
            } else if attempts == 0 {
                AssignmentState::NotStarted
            } else if scoring::may_restart(max_restarts, attempts) {
                AssignmentState::Failed
            } else {
                AssignmentState::FailedFinally
            };
            Ok(AssignmentRow {
                id: r.get(0)?,
                course_id: r.get(1)?,
                course_name: r.get(2)?,
                tenant_id: r.get(3)?,
                user_id: r.get(4)?,
                user_name: r.get(5)?,
                due_on,
                overdue: passed_at.is_none() && due_on.is_some_and(|d| d < today),
                state,
                attempts,
                restarts_left: scoring::restarts_left(max_restarts, attempts.max(1)),
                best_score: r.get(10)?,
                last_score: r.get(11)?,
                passed_at,
                certificate_code: r.get(13)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The assignments of a course the user may see.
pub(crate) fn of_course(
    conn: &Connection,
    user: &UserRecord,
    course_id: i64,
    today: NaiveDate,
) -> CoreResult<Vec<AssignmentRow>> {
    super::visible_tenant(conn, user, course_id)?;
    summaries(conn, "a.course_id = ?", vec![course_id.into()], today)
}

/// The assignments of every visible course of a tenant (statistics per user, exports).
pub(crate) fn of_tenant(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
    today: NaiveDate,
) -> CoreResult<Vec<AssignmentRow>> {
    crate::access::scope::tenant(conn, user, tenant_id)?;
    let filter = super::visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    summaries(
        conn,
        &format!("c.tenant_id = ? AND c.trash_id IS NULL AND {}", filter.sql),
        params,
        today,
    )
}

/// A user who may be given the course: active and able to open its tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Learner {
    pub id: i64,
    pub name: String,
    pub is_admin: bool,
}

const REACHES_TENANT: &str = "u.active = 1 AND (u.is_admin = 1 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = u.id AND ut.tenant_id = ?1))";

pub(crate) fn candidates(
    conn: &Connection,
    user: &UserRecord,
    course_id: i64,
) -> CoreResult<Vec<Learner>> {
    let tenant_id = super::visible_tenant(conn, user, course_id)?;
    let rows = conn
        .prepare(&format!(
            "SELECT u.id, u.name, u.is_admin FROM users u WHERE {REACHES_TENANT} ORDER BY u.name COLLATE NOCASE"
        ))?
        .query_map([tenant_id], |r| {
            Ok(Learner {
                id: r.get(0)?,
                name: r.get(1)?,
                is_admin: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The ids of users named on the command line; every name must be a user who may be
/// given the course.
pub(crate) fn learners_by_name(
    conn: &Connection,
    user: &UserRecord,
    course_id: i64,
    names: &[String],
) -> CoreResult<Vec<i64>> {
    let candidates = candidates(conn, user, course_id)?;
    names
        .iter()
        .map(|name| {
            candidates
                .iter()
                .find(|c| c.name == name.trim())
                .map(|c| c.id)
                .ok_or_else(|| {
                    CoreError::validation(
                        "user",
                        "unknown",
                        format!("no active user '{name}' who may open the course's tenant"),
                    )
                })
        })
        .collect()
}

fn assignable(conn: &Connection, user: &UserRecord, course_id: i64) -> CoreResult<i64> {
    let tenant_id = super::visible_tenant(conn, user, course_id)?;
    let (active, questions): (bool, i64) = conn.query_row(
        "SELECT active, (SELECT COUNT(*) FROM course_questions q WHERE q.course_id = c.id) FROM courses c WHERE id = ?1",
        [course_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if !active {
        return Err(CoreError::validation(
            "course",
            "inactive",
            "the course is inactive; activate it before assigning it",
        ));
    }
    if questions == 0 {
        return Err(CoreError::validation(
            "course",
            "no_questions",
            "the course has no questions yet",
        ));
    }
    Ok(tenant_id)
}

/// Assigns the course to users (or moves the due date of an existing assignment); returns
/// how many assignments are new.
pub(crate) fn assign(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    course_id: i64,
    learner_ids: &[i64],
    due_on: Option<NaiveDate>,
) -> CoreResult<usize> {
    let tenant_id = assignable(conn, user, course_id)?;
    if learner_ids.is_empty() {
        return Err(CoreError::validation(
            "user",
            "required",
            "choose at least one person",
        ));
    }
    let mut added = 0;
    for &learner in learner_ids {
        let reaches: bool = conn.query_row(
            &format!("SELECT EXISTS(SELECT 1 FROM users u WHERE u.id = ?2 AND {REACHES_TENANT})"),
            params![tenant_id, learner],
            |r| r.get(0),
        )?;
        if !reaches {
            return Err(CoreError::validation(
                "user",
                "unknown",
                format!("user {learner} is not active or may not open the course's tenant"),
            ));
        }
        let existing: Option<i64> = conn
            .query_row(
                "SELECT id FROM course_assignments WHERE course_id = ?1 AND user_id = ?2",
                params![course_id, learner],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            // A new date moves the due date; assigning again without one keeps it.
            Some(id) => {
                if due_on.is_some() {
                    conn.execute(
                        "UPDATE course_assignments SET due_on = ?2 WHERE id = ?1",
                        params![id, due_on],
                    )?;
                }
            }
            None => {
                conn.execute(
                    "INSERT INTO course_assignments (course_id, user_id, due_on, assigned_at, assigned_by)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![course_id, learner, due_on, now, user.id],
                )?;
                added += 1;
            }
        }
    }
    let names: Vec<String> = learner_ids
        .iter()
        .filter_map(|id| accounts::by_id(conn, *id).ok().flatten().map(|u| u.name))
        .collect();
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        audit::Change {
            action: "assign",
            object_type: ObjectType::Course.as_str(),
            object_id: Some(course_id.to_string()),
            old: None,
            new: Some(json!({ "users": names, "due_on": due_on })),
        },
    )?;
    Ok(added)
}

/// Assigns the course to every active user of its tenant (administrators are the office's
/// staff, not the client's, and are assigned by name).
pub(crate) fn assign_tenant(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    course_id: i64,
    due_on: Option<NaiveDate>,
) -> CoreResult<usize> {
    let tenant_id = assignable(conn, user, course_id)?;
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT u.id FROM users u JOIN user_tenants ut ON ut.user_id = u.id
             WHERE ut.tenant_id = ?1 AND u.active = 1 AND u.is_admin = 0 ORDER BY u.id",
        )?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if ids.is_empty() {
        return Err(CoreError::validation(
            "user",
            "none",
            "no user belongs to this tenant yet; invite the learners first",
        ));
    }
    assign(conn, now, user, course_id, &ids, due_on)
}

/// Takes an assignment back, with its attempts; a passed one stays as proof.
pub(crate) fn unassign(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    assignment_id: i64,
) -> CoreResult<()> {
    let unknown = || {
        CoreError::validation(
            "assignment",
            "unknown",
            format!("no assignment with id {assignment_id}"),
        )
    };
    let (course_id, learner): (i64, String) = conn
        .query_row(
            "SELECT a.course_id, u.name FROM course_assignments a JOIN users u ON u.id = a.user_id WHERE a.id = ?1",
            [assignment_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(unknown)?;
    super::visible_tenant(conn, user, course_id).map_err(|_| unknown())?;
    let passed: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM course_attempts WHERE assignment_id = ?1 AND passed = 1)",
        [assignment_id],
        |r| r.get(0),
    )?;
    if passed {
        // The pass is the proof of the training (Art. 39(1)(b)); its certificate must keep
        // verifying.
        return Err(CoreError::validation(
            "assignment",
            "passed",
            format!("{learner} passed the course; the result stays as proof of the training"),
        ));
    }
    conn.execute(
        "DELETE FROM course_attempts WHERE assignment_id = ?1",
        [assignment_id],
    )?;
    conn.execute(
        "DELETE FROM course_assignments WHERE id = ?1",
        [assignment_id],
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        audit::Change {
            action: "unassign",
            object_type: ObjectType::Course.as_str(),
            object_id: Some(course_id.to_string()),
            old: Some(json!({ "user": learner })),
            new: None,
        },
    )?;
    Ok(())
}
