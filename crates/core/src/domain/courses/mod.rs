//! E-learning (SPEC §13, Art. 39(1)(b) GDPR): awareness courses of a tenant — content pages
//! and multiple-choice questions — assigned to users with a due date, taken in scored
//! attempts, proven by certificates with a verification code. The rules of an attempt are
//! pure functions (`scoring`); the learner's side is `learning`, the DPO's overview
//! `statistics`.

pub mod assignments;
pub mod catalogue;
pub mod descriptor;
pub mod export;
pub mod images;
pub mod learning;
pub mod scoring;
pub mod statistics;
mod write;

pub(crate) use write::{create, delete, import, insert_copy, update};

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::access::visibility::{self, Columns, Filter};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;

/// One answer of a multiple-choice question; known by its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerOption {
    pub text: String,
    pub correct: bool,
}

/// A content page. `id` is None for a page new in this save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CoursePage {
    pub id: Option<i64>,
    pub title: String,
    /// Markdown: headings, lists, emphasis, links.
    pub body: String,
    pub image_id: Option<i64>,
}

/// A multiple-choice question with one or several correct answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CourseQuestion {
    pub id: Option<i64>,
    pub text: String,
    /// Shown after the learner answered.
    pub explanation: String,
    pub answers: Vec<AnswerOption>,
}

impl CourseQuestion {
    pub fn correct_positions(&self) -> Vec<usize> {
        self.answers
            .iter()
            .enumerate()
            .filter(|(_, a)| a.correct)
            .map(|(i, _)| i)
            .collect()
    }
}

/// What a course editor fills in: the course, its pages and its questions, saved together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CourseInput {
    pub tenant_id: i64,
    pub name: String,
    pub description: String,
    /// "de" or "en": the language the course is written in.
    pub language: String,
    /// The share of right answers needed to pass, 1–100.
    pub pass_percent: u32,
    /// Restarts after the first attempt; 0 = unlimited.
    pub max_restarts: u32,
    /// For the DPO's own invoicing, in euro cents; shown, never charged.
    pub price_cents: Option<i64>,
    pub active: bool,
    pub logo_image_id: Option<i64>,
    pub passed_image_id: Option<i64>,
    pub failed_image_id: Option<i64>,
    pub pages: Vec<CoursePage>,
    pub questions: Vec<CourseQuestion>,
}

impl CourseInput {
    /// An empty, active course in a language with the usual threshold.
    pub fn new(tenant_id: i64, name: &str, language: &str) -> Self {
        CourseInput {
            tenant_id,
            name: name.to_string(),
            description: String::new(),
            language: language.to_string(),
            pass_percent: 80,
            max_restarts: 0,
            price_cents: None,
            active: true,
            logo_image_id: None,
            passed_image_id: None,
            failed_image_id: None,
            pages: Vec::new(),
            questions: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Course {
    pub id: i64,
    pub data: CourseInput,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A line of the course list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CourseRow {
    pub id: i64,
    pub tenant_id: i64,
    pub name: String,
    pub language: String,
    pub active: bool,
    pub pass_percent: u32,
    pub price_cents: Option<i64>,
    pub pages: i64,
    pub questions: i64,
    pub assigned: i64,
    pub passed: i64,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: Columns = Columns {
    editor: None,
    area_name: None,
    status: None,
    top_folder: None,
};

pub(crate) fn visible(conn: &Connection, user: &UserRecord) -> CoreResult<Filter> {
    visibility::filter(conn, user, ObjectType::Course, &COLUMNS)
}

const ROW: &str = "SELECT c.id, c.tenant_id, c.name, c.language, c.active, c.pass_percent, c.price_cents,
        (SELECT COUNT(*) FROM course_pages p WHERE p.course_id = c.id),
        (SELECT COUNT(*) FROM course_questions q WHERE q.course_id = c.id),
        (SELECT COUNT(*) FROM course_assignments a WHERE a.course_id = c.id),
        (SELECT COUNT(*) FROM course_assignments a WHERE a.course_id = c.id
            AND EXISTS(SELECT 1 FROM course_attempts t WHERE t.assignment_id = a.id AND t.passed = 1)),
        c.updated_at
    FROM courses c";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CourseRow> {
    Ok(CourseRow {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        name: r.get(2)?,
        language: r.get(3)?,
        active: r.get(4)?,
        pass_percent: r.get(5)?,
        price_cents: r.get(6)?,
        pages: r.get(7)?,
        questions: r.get(8)?,
        assigned: r.get(9)?,
        passed: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

/// The tenant's courses the user may see, by name.
pub(crate) fn list(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Vec<CourseRow>> {
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![tenant_id.into()];
    params.extend(filter.params);
    let rows = conn
        .prepare(&format!(
            "{ROW} WHERE c.tenant_id = ? AND c.trash_id IS NULL AND {} ORDER BY c.name COLLATE NOCASE, c.id",
            filter.sql
        ))?
        .query_map(params_from_iter(params), row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

pub(crate) fn count(conn: &Connection, user: &UserRecord, tenant_id: i64) -> CoreResult<i64> {
    Ok(list(conn, user, tenant_id)?.len() as i64)
}

/// The ids of all live courses of a tenant, without visibility (tenant files).
pub(crate) fn ids_of_tenant(conn: &Connection, tenant_id: i64) -> CoreResult<Vec<i64>> {
    let ids = conn
        .prepare("SELECT id FROM courses WHERE tenant_id = ?1 AND trash_id IS NULL ORDER BY id")?
        .query_map([tenant_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids)
}

/// A course as stored, with its pages and questions in order.
pub(crate) fn stored(conn: &Connection, id: i64) -> CoreResult<Course> {
    let (mut course, created_at, updated_at) = conn.query_row(
        "SELECT tenant_id, name, description, language, pass_percent, max_restarts, price_cents, active,
                logo_image_id, passed_image_id, failed_image_id, created_at, updated_at
         FROM courses WHERE id = ?1",
        [id],
        |r| {
            Ok((
                CourseInput {
                    tenant_id: r.get(0)?,
                    name: r.get(1)?,
                    description: r.get(2)?,
                    language: r.get(3)?,
                    pass_percent: r.get(4)?,
                    max_restarts: r.get(5)?,
                    price_cents: r.get(6)?,
                    active: r.get(7)?,
                    logo_image_id: r.get(8)?,
                    passed_image_id: r.get(9)?,
                    failed_image_id: r.get(10)?,
                    pages: Vec::new(),
                    questions: Vec::new(),
                },
                r.get(11)?,
                r.get(12)?,
            ))
        },
    )?;
    course.pages = conn
        .prepare_cached(
            "SELECT id, title, body, image_id FROM course_pages WHERE course_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| {
            Ok(CoursePage {
                id: Some(r.get(0)?),
                title: r.get(1)?,
                body: r.get(2)?,
                image_id: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    course.questions = questions(conn, id)?;
    Ok(Course {
        id,
        data: course,
        created_at,
        updated_at,
    })
}

pub(crate) fn questions(conn: &Connection, course_id: i64) -> CoreResult<Vec<CourseQuestion>> {
    let rows: Vec<(i64, String, String, String)> = conn
        .prepare_cached(
            "SELECT id, text, explanation, answers FROM course_questions WHERE course_id = ?1 ORDER BY position, id",
        )?
        .query_map([course_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<_, _>>()?;
    rows.into_iter()
        .map(|(id, text, explanation, answers)| {
            Ok(CourseQuestion {
                id: Some(id),
                text,
                explanation,
                answers: serde_json::from_str(&answers).map_err(|e| {
                    CoreError::Corrupt(format!("the answers of question {id} do not parse: {e}"))
                })?,
            })
        })
        .collect()
}

/// The tenant of a live course the user may see, or "unknown".
pub(crate) fn visible_tenant(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<i64> {
    let unknown = || CoreError::validation("course", "unknown", format!("no course with id {id}"));
    let filter = visible(conn, user)?;
    let mut params: Vec<Value> = vec![id.into()];
    params.extend(filter.params);
    let tenant_id: i64 = conn
        .query_row(
            &format!(
                "SELECT c.tenant_id FROM courses c WHERE c.id = ? AND c.trash_id IS NULL AND {}",
                filter.sql
            ),
            params_from_iter(params),
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, tenant_id).map_err(|_| unknown())?;
    Ok(tenant_id)
}

/// One course the user may see, in a tenant they may open and not deleted.
pub(crate) fn visible_by_id(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Course> {
    visible_tenant(conn, user, id)?;
    stored(conn, id)
}
