//! The learner's side: the courses assigned to me, and taking one — pages in order, then
//! the questions in the attempt's shuffled order, each answered once with its explanation
//! shown, then the result against the pass mark. Every step is stored, so closing the
//! window keeps the place. A learner needs no right for their own assignments; anyone
//! else's are unknown to them.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::assignments::{summaries, AssignmentRow};
use super::scoring::{self, PlannedQuestion};
use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PlayerPage {
    pub title: String,
    pub body: String,
    pub image_id: Option<i64>,
}

/// An answer as shown: `position` is its place in the stored list (what is sent back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PlayerAnswer {
    pub position: usize,
    pub text: String,
}

/// Shown once the question is answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Feedback {
    pub correct: bool,
    pub correct_positions: Vec<usize>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PlayerQuestion {
    pub question_id: i64,
    pub text: String,
    /// More than one answer is right (the window shows check boxes).
    pub multiple: bool,
    pub answers: Vec<PlayerAnswer>,
    pub chosen: Option<Vec<usize>>,
    pub feedback: Option<Feedback>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AttemptResult {
    pub correct: u32,
    pub total: u32,
    pub score_percent: u32,
    pub passed: bool,
    pub certificate_code: Option<String>,
    pub finished_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AttemptView {
    pub id: i64,
    pub number: u32,
    /// Pages first (0 … pages-1), then the questions.
    pub step: u32,
    pub questions: Vec<PlayerQuestion>,
    pub result: Option<AttemptResult>,
}

/// A course as its learner takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CoursePlayer {
    pub assignment: AssignmentRow,
    pub name: String,
    pub description: String,
    pub language: String,
    pub pass_percent: u32,
    pub logo_image_id: Option<i64>,
    pub passed_image_id: Option<i64>,
    pub failed_image_id: Option<i64>,
    pub pages: Vec<PlayerPage>,
    pub attempt: Option<AttemptView>,
    /// Whether "start" (or "restart") begins a new attempt now.
    pub can_start: bool,
}

/// My assignments of live courses in tenants I may still open, inactive ones only once
/// passed (their certificate).
pub(crate) fn my_courses(
    conn: &Connection,
    user: &UserRecord,
    today: NaiveDate,
) -> CoreResult<Vec<AssignmentRow>> {
    summaries(
        conn,
        "a.user_id = ? AND c.trash_id IS NULL
         AND EXISTS(SELECT 1 FROM tenants tn WHERE tn.id = c.tenant_id AND tn.trash_id IS NULL)
         AND (u.is_admin = 1 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.user_id = u.id AND ut.tenant_id = c.tenant_id))
         AND (c.active = 1 OR EXISTS(SELECT 1 FROM course_attempts t WHERE t.assignment_id = a.id AND t.passed = 1))",
        vec![user.id.into()],
        today,
    )
}

fn own_assignment(
    conn: &Connection,
    user: &UserRecord,
    assignment_id: i64,
    today: NaiveDate,
) -> CoreResult<AssignmentRow> {
    my_courses(conn, user, today)?
        .into_iter()
        .find(|a| a.id == assignment_id)
        .ok_or_else(|| {
            CoreError::validation(
                "assignment",
                "unknown",
                format!("no course of yours with id {assignment_id}"),
            )
        })
}

/// A question as the attempt took it at its start: the order of its answers and the
/// question itself (text, answers, which are right, explanation). An edit of the course
/// while someone takes it changes nothing of a running attempt, and a finished one keeps
/// what was asked and what was right.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct PlannedItem {
    #[serde(flatten)]
    pub order: PlannedQuestion,
    pub text: String,
    pub explanation: String,
    pub answers: Vec<super::AnswerOption>,
}

impl PlannedItem {
    pub fn correct_positions(&self) -> Vec<usize> {
        self.answers
            .iter()
            .enumerate()
            .filter(|(_, a)| a.correct)
            .map(|(i, _)| i)
            .collect()
    }
}

/// The planned questions of a stored attempt (statistics read finished ones).
pub(crate) fn parse_plan(plan: &str) -> CoreResult<Vec<PlannedItem>> {
    serde_json::from_str(plan).map_err(|e| corrupt("question order", e))
}

struct StoredAttempt {
    id: i64,
    assignment_id: i64,
    number: u32,
    plan: Vec<PlannedItem>,
    answers: BTreeMap<i64, Vec<usize>>,
    step: u32,
    result: Option<AttemptResult>,
}

fn corrupt(what: &str, e: serde_json::Error) -> CoreError {
    CoreError::Corrupt(format!("the {what} of an attempt do not parse: {e}"))
}

const ATTEMPT: &str =
    "SELECT id, assignment_id, number, plan, answers, step, finished_at, correct, total,
        score_percent, passed, certificate_code FROM course_attempts";

fn attempt_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(StoredAttempt, String, String)> {
    let finished_at: Option<DateTime<Utc>> = r.get(6)?;
    let result = match finished_at {
        Some(finished_at) => Some(AttemptResult {
            correct: r.get(7)?,
            total: r.get(8)?,
            score_percent: r.get(9)?,
            passed: r.get(10)?,
            certificate_code: r.get(11)?,
            finished_at,
        }),
        None => None,
    };
    Ok((
        StoredAttempt {
            id: r.get(0)?,
            assignment_id: r.get(1)?,
            number: r.get(2)?,
            plan: Vec::new(),
            answers: BTreeMap::new(),
            step: r.get(5)?,
            result,
        },
        r.get(3)?,
        r.get(4)?,
    ))
}

fn parse_attempt(
    (mut a, plan, answers): (StoredAttempt, String, String),
) -> CoreResult<StoredAttempt> {
    a.plan = parse_plan(&plan)?;
    a.answers = serde_json::from_str(&answers).map_err(|e| corrupt("answers", e))?;
    Ok(a)
}

fn latest_attempt(conn: &Connection, assignment_id: i64) -> CoreResult<Option<StoredAttempt>> {
    conn.query_row(
        &format!("{ATTEMPT} WHERE assignment_id = ?1 ORDER BY number DESC LIMIT 1"),
        [assignment_id],
        attempt_from_row,
    )
    .optional()?
    .map(parse_attempt)
    .transpose()
}

/// The learner's unfinished attempt `attempt_id`.
fn own_open_attempt(
    conn: &Connection,
    user: &UserRecord,
    attempt_id: i64,
    today: NaiveDate,
) -> CoreResult<StoredAttempt> {
    let unknown = || {
        CoreError::validation(
            "attempt",
            "unknown",
            format!("no attempt of yours with id {attempt_id}"),
        )
    };
    let attempt = conn
        .query_row(
            &format!("{ATTEMPT} WHERE id = ?1"),
            [attempt_id],
            attempt_from_row,
        )
        .optional()?
        .map(parse_attempt)
        .transpose()?
        .ok_or_else(unknown)?;
    own_assignment(conn, user, attempt.assignment_id, today).map_err(|_| unknown())?;
    if attempt.result.is_some() {
        return Err(CoreError::validation(
            "attempt",
            "finished",
            "this attempt is finished; start a new one",
        ));
    }
    Ok(attempt)
}

fn view(attempt: &StoredAttempt) -> AttemptView {
    let questions = attempt
        .plan
        .iter()
        .map(|planned| {
            let id = planned.order.question_id;
            let chosen = attempt.answers.get(&id).cloned();
            let correct = planned.correct_positions();
            PlayerQuestion {
                question_id: id,
                text: planned.text.clone(),
                multiple: correct.len() > 1,
                answers: planned
                    .order
                    .answer_order
                    .iter()
                    .filter_map(|&p| {
                        planned.answers.get(p).map(|a| PlayerAnswer {
                            position: p,
                            text: a.text.clone(),
                        })
                    })
                    .collect(),
                feedback: chosen.as_ref().map(|c| Feedback {
                    correct: scoring::is_correct(&correct, c),
                    correct_positions: correct.clone(),
                    explanation: planned.explanation.clone(),
                }),
                chosen,
            }
        })
        .collect();
    AttemptView {
        id: attempt.id,
        number: attempt.number,
        step: attempt.step,
        questions,
        result: attempt.result.clone(),
    }
}

/// One of my courses, ready to take.
pub(crate) fn open(
    conn: &Connection,
    user: &UserRecord,
    assignment_id: i64,
    today: NaiveDate,
) -> CoreResult<CoursePlayer> {
    let assignment = own_assignment(conn, user, assignment_id, today)?;
    let course = super::stored(conn, assignment.course_id)?;
    let attempt = latest_attempt(conn, assignment_id)?.map(|a| view(&a));
    let can_start = course.data.active
        && matches!(
            assignment.state,
            super::assignments::AssignmentState::NotStarted
                | super::assignments::AssignmentState::Failed
        );
    Ok(CoursePlayer {
        name: course.data.name,
        description: course.data.description,
        language: course.data.language,
        pass_percent: course.data.pass_percent,
        logo_image_id: course.data.logo_image_id,
        passed_image_id: course.data.passed_image_id,
        failed_image_id: course.data.failed_image_id,
        pages: course
            .data
            .pages
            .into_iter()
            .map(|p| PlayerPage {
                title: p.title,
                body: p.body,
                image_id: p.image_id,
            })
            .collect(),
        assignment,
        attempt,
        can_start,
    })
}

/// Begins an attempt (the first, or a restart after a failed one) with the order drawn
/// from `seed`; an attempt already running is simply continued.
pub(crate) fn start(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    assignment_id: i64,
    seed: u64,
    today: NaiveDate,
) -> CoreResult<CoursePlayer> {
    let player = open(conn, user, assignment_id, today)?;
    if player.attempt.as_ref().is_some_and(|a| a.result.is_none()) {
        return Ok(player);
    }
    if !player.can_start {
        return Err(CoreError::validation(
            "attempt",
            "not_allowed",
            match player.assignment.state {
                super::assignments::AssignmentState::Passed => "you passed this course already",
                _ => "no further attempt is allowed for this course",
            },
        ));
    }
    let questions = super::questions(conn, player.assignment.course_id)?;
    if questions.is_empty() {
        return Err(CoreError::validation(
            "course",
            "no_questions",
            "the course has no questions yet",
        ));
    }
    let shape: Vec<(i64, usize)> = questions
        .iter()
        .filter_map(|q| q.id.map(|id| (id, q.answers.len())))
        .collect();
    let plan: Vec<PlannedItem> = scoring::plan(seed, &shape)
        .into_iter()
        .filter_map(|order| {
            let q = questions.iter().find(|q| q.id == Some(order.question_id))?;
            Some(PlannedItem {
                order,
                text: q.text.clone(),
                explanation: q.explanation.clone(),
                answers: q.answers.clone(),
            })
        })
        .collect();
    conn.execute(
        "INSERT INTO course_attempts (assignment_id, number, seed, plan, started_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            assignment_id,
            player.assignment.attempts + 1,
            // SQLite integers are signed; the seed's bits are what matter.
            seed as i64,
            serde_json::to_string(&plan).expect("plan serialises"),
            now
        ],
    )?;
    open(conn, user, assignment_id, today)
}

fn course_of_assignment(conn: &Connection, assignment_id: i64) -> CoreResult<i64> {
    Ok(conn.query_row(
        "SELECT course_id FROM course_assignments WHERE id = ?1",
        [assignment_id],
        |r| r.get(0),
    )?)
}

/// Keeps the learner's place (a page or a question).
pub(crate) fn set_step(
    conn: &Connection,
    user: &UserRecord,
    attempt_id: i64,
    step: u32,
    today: NaiveDate,
) -> CoreResult<()> {
    let attempt = own_open_attempt(conn, user, attempt_id, today)?;
    let pages: u32 = conn.query_row(
        "SELECT COUNT(*) FROM course_pages WHERE course_id = ?1",
        [course_of_assignment(conn, attempt.assignment_id)?],
        |r| r.get(0),
    )?;
    let last = pages + attempt.plan.len() as u32;
    conn.execute(
        "UPDATE course_attempts SET step = ?2 WHERE id = ?1",
        params![attempt_id, step.min(last)],
    )?;
    Ok(())
}

/// Records the answer to one question (once) and returns the attempt with its feedback.
pub(crate) fn answer(
    conn: &Connection,
    user: &UserRecord,
    attempt_id: i64,
    question_id: i64,
    chosen: &[usize],
    today: NaiveDate,
) -> CoreResult<AttemptView> {
    let mut attempt = own_open_attempt(conn, user, attempt_id, today)?;
    let question = attempt
        .plan
        .iter()
        .find(|p| p.order.question_id == question_id)
        .cloned()
        .ok_or_else(|| {
            CoreError::validation(
                "question",
                "unknown",
                format!("no question {question_id} in this attempt"),
            )
        })?;
    if attempt.answers.contains_key(&question_id) {
        return Err(CoreError::validation(
            "question",
            "answered",
            "this question is answered already",
        ));
    }
    let mut chosen = chosen.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    if chosen.is_empty() {
        return Err(CoreError::validation(
            "answer",
            "required",
            "choose an answer",
        ));
    }
    if chosen.iter().any(|&p| p >= question.answers.len()) {
        return Err(CoreError::validation(
            "answer",
            "unknown",
            "this answer is not one of the question's",
        ));
    }
    attempt.answers.insert(question_id, chosen);
    conn.execute(
        "UPDATE course_attempts SET answers = ?2 WHERE id = ?1",
        params![
            attempt_id,
            serde_json::to_string(&attempt.answers).expect("answers serialise")
        ],
    )?;
    Ok(view(&attempt))
}

/// Scores a fully answered attempt; a pass gets its certificate code.
pub(crate) fn finish(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    attempt_id: i64,
    today: NaiveDate,
) -> CoreResult<AttemptView> {
    let attempt = own_open_attempt(conn, user, attempt_id, today)?;
    let course_id = course_of_assignment(conn, attempt.assignment_id)?;
    let pass_percent: u32 = conn.query_row(
        "SELECT pass_percent FROM courses WHERE id = ?1",
        [course_id],
        |r| r.get(0),
    )?;
    let shown = view(&attempt);
    let open = shown
        .questions
        .iter()
        .filter(|q| q.chosen.is_none())
        .count();
    if open > 0 {
        return Err(CoreError::validation(
            "attempt",
            "unanswered",
            format!("{open} question(s) still need an answer"),
        ));
    }
    let total = shown.questions.len() as u32;
    if total == 0 {
        return Err(CoreError::validation(
            "course",
            "no_questions",
            "the course has no questions yet",
        ));
    }
    let correct = shown
        .questions
        .iter()
        .filter(|q| q.feedback.as_ref().is_some_and(|f| f.correct))
        .count() as u32;
    let passed = scoring::passed(correct, total, pass_percent);
    let code = passed.then(crate::kernel::codes::readable_code);
    conn.execute(
        "UPDATE course_attempts SET finished_at = ?2, correct = ?3, total = ?4, score_percent = ?5, passed = ?6,
                certificate_code = ?7 WHERE id = ?1",
        params![attempt_id, now, correct, total, scoring::percent(correct, total), passed, code],
    )?;
    let attempt = conn
        .query_row(
            &format!("{ATTEMPT} WHERE id = ?1"),
            [attempt_id],
            attempt_from_row,
        )
        .map_err(CoreError::from)
        .and_then(parse_attempt)?;
    Ok(view(&attempt))
}
