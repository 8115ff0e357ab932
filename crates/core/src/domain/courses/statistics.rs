//! What the DPO sees of a course: how many were assigned, started, passed, failed and are
//! overdue, the average score, the questions answered wrong most often; and the
//! certificates with their verification.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::assignments::{self, AssignmentRow, AssignmentState};
use super::{learning, scoring};
use crate::access::accounts::UserRecord;
use crate::kernel::error::CoreResult;

/// A question with how often it was answered wrong in finished attempts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct QuestionStatistics {
    pub question_id: i64,
    pub text: String,
    pub answered: u32,
    pub wrong: u32,
    pub wrong_percent: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CourseStatistics {
    pub course_id: i64,
    pub course_name: String,
    pub assigned: u32,
    pub started: u32,
    pub passed: u32,
    /// Failed at the last attempt and not passed (whether or not a restart is left).
    pub failed: u32,
    pub overdue: u32,
    /// The mean of every finished attempt's score.
    pub average_score: Option<f64>,
    /// Questions by share of wrong answers, the hardest first.
    pub hardest: Vec<QuestionStatistics>,
    pub learners: Vec<AssignmentRow>,
}

pub(crate) fn of_course(
    conn: &Connection,
    user: &UserRecord,
    course_id: i64,
    today: NaiveDate,
) -> CoreResult<CourseStatistics> {
    let learners = assignments::of_course(conn, user, course_id, today)?;
    let course = super::stored(conn, course_id)?;
    let count =
        |f: &dyn Fn(&AssignmentRow) -> bool| learners.iter().filter(|a| f(a)).count() as u32;
    let mut scores = conn.prepare(
        "SELECT t.score_percent, t.plan, t.answers FROM course_attempts t JOIN course_assignments a ON a.id = t.assignment_id
         WHERE a.course_id = ?1 AND t.finished_at IS NOT NULL",
    )?;
    let finished: Vec<(u32, String, String)> = scores
        .query_map([course_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let average_score = (!finished.is_empty())
        .then(|| finished.iter().map(|f| f64::from(f.0)).sum::<f64>() / finished.len() as f64);
    // Each finished attempt is judged by the questions as it asked them (its plan).
    let mut tally: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    let mut asked: HashMap<i64, String> = HashMap::new();
    for (_, plan, answers) in &finished {
        let answers: BTreeMap<i64, Vec<usize>> = serde_json::from_str(answers).unwrap_or_default();
        for item in learning::parse_plan(plan)? {
            let id = item.order.question_id;
            let Some(chosen) = answers.get(&id) else {
                continue;
            };
            asked.entry(id).or_insert_with(|| item.text.clone());
            let entry = tally.entry(id).or_default();
            entry.0 += 1;
            if !scoring::is_correct(&item.correct_positions(), chosen) {
                entry.1 += 1;
            }
        }
    }
    // Named as the course asks them now, or as they were asked if removed since.
    let mut hardest: Vec<QuestionStatistics> = tally
        .iter()
        .map(|(&id, &(answered, wrong))| QuestionStatistics {
            question_id: id,
            text: course
                .data
                .questions
                .iter()
                .find(|q| q.id == Some(id))
                .map(|q| q.text.clone())
                .unwrap_or_else(|| asked.get(&id).cloned().unwrap_or_default()),
            answered,
            wrong,
            wrong_percent: scoring::percent(wrong, answered),
        })
        .collect();
    hardest.sort_by(|a, b| {
        (b.wrong * a.answered.max(1))
            .cmp(&(a.wrong * b.answered.max(1)))
            .then(b.wrong.cmp(&a.wrong))
            .then(a.question_id.cmp(&b.question_id))
    });
    Ok(CourseStatistics {
        course_id,
        course_name: course.data.name,
        assigned: learners.len() as u32,
        started: count(&|a| a.attempts > 0),
        passed: count(&|a| a.state == AssignmentState::Passed),
        failed: count(&|a| {
            matches!(
                a.state,
                AssignmentState::Failed | AssignmentState::FailedFinally
            )
        }),
        overdue: count(&|a| a.overdue),
        average_score,
        hardest,
        learners,
    })
}

/// What a certificate states and `course verify` confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Certificate {
    pub code: String,
    pub learner: String,
    pub course_id: i64,
    pub course_name: String,
    pub course_language: String,
    pub tenant_id: i64,
    pub tenant_name: String,
    pub passed_at: DateTime<Utc>,
    pub score_percent: u32,
    pub pass_percent: u32,
}

/// The first passed attempt of each assignment (a later pass cannot be: a pass ends the
/// assignment), with what its certificate states.
const CERTIFICATE: &str = "SELECT t.certificate_code, u.name, c.id, c.name, c.language, c.tenant_id, tn.name,
        t.finished_at, t.score_percent, c.pass_percent
    FROM course_attempts t JOIN course_assignments a ON a.id = t.assignment_id
    JOIN courses c ON c.id = a.course_id JOIN users u ON u.id = a.user_id JOIN tenants tn ON tn.id = c.tenant_id
    WHERE t.passed = 1 AND t.certificate_code IS NOT NULL";

fn certificate_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Certificate> {
    Ok(Certificate {
        code: r.get(0)?,
        learner: r.get(1)?,
        course_id: r.get(2)?,
        course_name: r.get(3)?,
        course_language: r.get(4)?,
        tenant_id: r.get(5)?,
        tenant_name: r.get(6)?,
        passed_at: r.get(7)?,
        score_percent: r.get(8)?,
        pass_percent: r.get(9)?,
    })
}

/// The certificate a code belongs to, if any; typed codes may differ in case, spaces and
/// dashes.
pub(crate) fn by_code(conn: &Connection, code: &str) -> CoreResult<Option<Certificate>> {
    use crate::kernel::codes::{format_code, normalise_code};
    let code = format_code(&normalise_code(code));
    Ok(conn
        .query_row(
            &format!("{CERTIFICATE} AND t.certificate_code = ?1"),
            [code],
            certificate_from_row,
        )
        .optional()?)
}

/// My certificate of an assignment I passed, of a live course in a tenant I may open.
pub(crate) fn own(
    conn: &Connection,
    user: &UserRecord,
    assignment_id: i64,
) -> CoreResult<Option<Certificate>> {
    let certificate = conn
        .query_row(
            &format!(
                "{CERTIFICATE} AND a.id = ?1 AND a.user_id = ?2 AND c.trash_id IS NULL ORDER BY t.number LIMIT 1"
            ),
            rusqlite::params![assignment_id, user.id],
            certificate_from_row,
        )
        .optional()?;
    match certificate {
        Some(c) if crate::access::scope::may_open_tenant(conn, user, c.tenant_id)? => Ok(Some(c)),
        _ => Ok(None),
    }
}

/// Every certificate of a tenant's courses the user may see, by course and learner.
pub(crate) fn of_tenant(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<Certificate>> {
    let visible: Vec<i64> = super::list(conn, user, tenant_id)?
        .iter()
        .map(|c| c.id)
        .collect();
    let all: Vec<Certificate> = conn
        .prepare(&format!(
            "{CERTIFICATE} AND c.tenant_id = ?1 AND c.trash_id IS NULL
             ORDER BY c.name COLLATE NOCASE, u.name COLLATE NOCASE, t.id"
        ))?
        .query_map([tenant_id], certificate_from_row)?
        .collect::<Result<_, _>>()?;
    Ok(all
        .into_iter()
        .filter(|c| visible.contains(&c.course_id))
        .collect())
}
