//! Creating, changing, copying and deleting courses, each inside the caller's transaction
//! with its audit entry. Pages and questions keep their ids across saves, so attempts that
//! stored answers to a question still find it after the course was edited.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, ToSql};
use serde_json::json;

use super::{stored, visible_by_id, Course, CourseInput};
use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult, Problems};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;
use crate::store::trash::{self, Deleted};

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 20_000;
pub const MAX_PAGES: usize = 100;
pub const MAX_QUESTIONS: usize = 200;
const MAX_ANSWERS: usize = 10;

fn too_long(problems: &mut Problems, field: &'static str, value: &str, max: usize) {
    if value.chars().count() > max {
        problems.push(CoreError::validation(
            field,
            "too_long",
            format!("at most {max} characters"),
        ));
    }
}

impl CourseInput {
    /// Checks every field; returns the normalised input. `own_images` are the pictures the
    /// course may use (its own).
    fn validated(
        &self,
        conn: &Connection,
        user: &UserRecord,
        own_images: &[i64],
    ) -> CoreResult<CourseInput> {
        let mut problems = Problems::default();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(CoreError::validation(
                "name",
                "required",
                "give the course a name",
            ));
        }
        too_long(&mut problems, "name", name, NAME_MAX);
        too_long(&mut problems, "description", &self.description, TEXT_MAX);
        if !crate::kernel::language::SUPPORTED_LANGUAGES.contains(&self.language.as_str()) {
            problems.push(CoreError::validation(
                "language",
                "unknown",
                "the course language is German (de) or English (en)",
            ));
        }
        if !(1..=100).contains(&self.pass_percent) {
            problems.push(CoreError::validation(
                "pass_percent",
                "range",
                "the pass mark is a percentage from 1 to 100",
            ));
        }
        if self.max_restarts > 1000 {
            problems.push(CoreError::validation(
                "max_restarts",
                "range",
                "at most 1000 restarts (0 = unlimited)",
            ));
        }
        if self
            .price_cents
            .is_some_and(|p| !(0..=100_000_000).contains(&p))
        {
            problems.push(CoreError::validation(
                "price",
                "range",
                "the price is an amount from 0 to 1,000,000 EUR",
            ));
        }
        if self.pages.len() > MAX_PAGES {
            problems.push(CoreError::validation(
                "pages",
                "too_many",
                format!("at most {MAX_PAGES} pages"),
            ));
        }
        for page in &self.pages {
            if page.title.trim().is_empty() {
                problems.push(CoreError::validation(
                    "page_title",
                    "required",
                    "every page needs a title",
                ));
                break;
            }
        }
        for page in &self.pages {
            too_long(&mut problems, "page_body", &page.body, TEXT_MAX);
        }
        if self.questions.len() > MAX_QUESTIONS {
            problems.push(CoreError::validation(
                "questions",
                "too_many",
                format!("at most {MAX_QUESTIONS} questions"),
            ));
        }
        for (n, q) in self.questions.iter().enumerate() {
            let n = n + 1;
            if q.text.trim().is_empty() {
                problems.push(CoreError::validation(
                    "question_text",
                    "required",
                    format!("question {n} has no text"),
                ));
            }
            if q.answers.len() < 2 || q.answers.len() > MAX_ANSWERS {
                problems.push(CoreError::validation(
                    "answers",
                    "count",
                    format!("question {n} needs 2 to {MAX_ANSWERS} answers"),
                ));
            } else if q.answers.iter().any(|a| a.text.trim().is_empty()) {
                problems.push(CoreError::validation(
                    "answers",
                    "required",
                    format!("an answer of question {n} has no text"),
                ));
            } else if !q.answers.iter().any(|a| a.correct) {
                problems.push(CoreError::validation(
                    "answers",
                    "no_correct",
                    format!("question {n} needs at least one correct answer"),
                ));
            }
        }
        if self.active && self.questions.is_empty() {
            problems.push(CoreError::validation(
                "questions",
                "required",
                "an active course needs at least one question (or save it as inactive)",
            ));
        }
        problems.finish()?;
        crate::access::scope::tenant(conn, user, self.tenant_id)?;
        let images = [
            self.logo_image_id,
            self.passed_image_id,
            self.failed_image_id,
        ]
        .into_iter()
        .chain(self.pages.iter().map(|p| p.image_id));
        for image in images.flatten() {
            if !own_images.contains(&image) {
                return Err(CoreError::validation(
                    "image",
                    "unknown",
                    format!("no picture {image} in this course"),
                ));
            }
        }
        let mut out = self.clone();
        out.name = name.to_string();
        out.description = self.description.trim().to_string();
        for page in &mut out.pages {
            page.title = page.title.trim().to_string();
        }
        for q in &mut out.questions {
            q.text = q.text.trim().to_string();
            q.explanation = q.explanation.trim().to_string();
            for a in &mut q.answers {
                a.text = a.text.trim().to_string();
            }
        }
        Ok(out)
    }
}

/// Writes the course row from one column list, then its pages and questions: rows whose id
/// is given are updated in place, new ones inserted, missing ones removed.
fn write(
    conn: &Connection,
    id: Option<i64>,
    data: &CourseInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    let values: [(&str, &dyn ToSql); 11] = [
        ("tenant_id", &data.tenant_id),
        ("name", &data.name),
        ("description", &data.description),
        ("language", &data.language),
        ("pass_percent", &data.pass_percent),
        ("max_restarts", &data.max_restarts),
        ("price_cents", &data.price_cents),
        ("active", &data.active),
        ("logo_image_id", &data.logo_image_id),
        ("passed_image_id", &data.passed_image_id),
        ("failed_image_id", &data.failed_image_id),
    ];
    let id = crate::store::rows::save(conn, "courses", id, &values, now)?;
    let mut kept_pages = Vec::new();
    for (position, page) in data.pages.iter().enumerate() {
        let existing = page
            .id
            .filter(|pid| belongs(conn, "course_pages", *pid, id));
        let page_id = match existing {
            Some(pid) => {
                conn.execute(
                    "UPDATE course_pages SET position = ?2, title = ?3, body = ?4, image_id = ?5 WHERE id = ?1",
                    params![pid, position as i64, page.title, page.body, page.image_id],
                )?;
                pid
            }
            None => {
                conn.execute(
                    "INSERT INTO course_pages (course_id, position, title, body, image_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, position as i64, page.title, page.body, page.image_id],
                )?;
                conn.last_insert_rowid()
            }
        };
        kept_pages.push(page_id);
    }
    remove_others(conn, "course_pages", id, &kept_pages)?;
    let mut kept_questions = Vec::new();
    for (position, q) in data.questions.iter().enumerate() {
        let answers = serde_json::to_string(&q.answers).expect("answers serialise");
        let existing =
            q.id.filter(|qid| belongs(conn, "course_questions", *qid, id));
        let question_id = match existing {
            Some(qid) => {
                conn.execute(
                    "UPDATE course_questions SET position = ?2, text = ?3, explanation = ?4, answers = ?5 WHERE id = ?1",
                    params![qid, position as i64, q.text, q.explanation, answers],
                )?;
                qid
            }
            None => {
                conn.execute(
                    "INSERT INTO course_questions (course_id, position, text, explanation, answers) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, position as i64, q.text, q.explanation, answers],
                )?;
                conn.last_insert_rowid()
            }
        };
        kept_questions.push(question_id);
    }
    remove_others(conn, "course_questions", id, &kept_questions)?;
    Ok(id)
}

fn belongs(conn: &Connection, table: &str, row_id: i64, course_id: i64) -> bool {
    conn.query_row(
        &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1 AND course_id = ?2)"),
        params![row_id, course_id],
        |r| r.get(0),
    )
    .unwrap_or(false)
}

fn remove_others(conn: &Connection, table: &str, course_id: i64, kept: &[i64]) -> CoreResult<()> {
    let kept = serde_json::to_string(kept).expect("ids serialise");
    conn.execute(
        &format!(
            "DELETE FROM {table} WHERE course_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))"
        ),
        params![course_id, kept],
    )?;
    Ok(())
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    input: &CourseInput,
) -> CoreResult<Course> {
    let data = input.validated(conn, user, &[])?;
    let id = write(conn, None, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        ObjectType::Course.as_str(),
        id,
        json!(data),
    )?;
    visible_by_id(conn, user, id)
}

pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &CourseInput,
) -> CoreResult<Course> {
    let old = visible_by_id(conn, user, id)?;
    if input.tenant_id != old.data.tenant_id {
        return Err(CoreError::validation(
            "tenant",
            "moved",
            "a course stays in its tenant; copy it to another",
        ));
    }
    let data = input.validated(conn, user, &super::images::ids_of(conn, id)?)?;
    if data != old.data {
        write(conn, Some(id), &data, now)?;
        let new = stored(conn, id)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            ObjectType::Course.as_str(),
            id,
            json!(old.data),
            json!(new.data),
        )?;
    }
    visible_by_id(conn, user, id)
}

/// Moves the courses into the trash, one entry each, all or none. Assignments and results
/// stay with the course and come back with it.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let course = visible_by_id(conn, user, id)?;
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(course.data.tenant_id),
                object: ObjectType::Course,
                object_id: id,
                label: &course.data.name,
            },
            super::descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}

/// Writes a course's content into a tenant as a new course with its pictures, without
/// assignments or results (SPEC §9: a copy is the content, not who took it). Returns the id.
pub(crate) fn insert_copy(
    conn: &Connection,
    now: DateTime<Utc>,
    source: &Course,
    tenant_id: i64,
    images: &[super::images::CourseImage],
) -> CoreResult<i64> {
    let mut data = source.data.clone();
    data.tenant_id = tenant_id;
    data.logo_image_id = None;
    data.passed_image_id = None;
    data.failed_image_id = None;
    for p in &mut data.pages {
        p.id = None;
        p.image_id = None;
    }
    for q in &mut data.questions {
        q.id = None;
    }
    let id = write(conn, None, &data, now)?;
    // The pictures get new ids in the copy; every reference is mapped.
    let mut map = std::collections::HashMap::new();
    for image in images {
        map.insert(
            image.id,
            super::images::insert(conn, id, &image.mime, &image.bytes)?,
        );
    }
    let mapped = |old: Option<i64>| old.and_then(|o| map.get(&o).copied());
    conn.execute(
        "UPDATE courses SET logo_image_id = ?2, passed_image_id = ?3, failed_image_id = ?4 WHERE id = ?1",
        params![
            id,
            mapped(source.data.logo_image_id),
            mapped(source.data.passed_image_id),
            mapped(source.data.failed_image_id)
        ],
    )?;
    let page_ids: Vec<i64> = conn
        .prepare("SELECT id FROM course_pages WHERE course_id = ?1 ORDER BY position, id")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for (page_id, page) in page_ids.iter().zip(&source.data.pages) {
        conn.execute(
            "UPDATE course_pages SET image_id = ?2 WHERE id = ?1",
            params![page_id, mapped(page.image_id)],
        )?;
    }
    Ok(id)
}

/// Writes a course read from a tenant file into a tenant after the same checks as a save;
/// its pictures' ids are the file's.
pub(crate) fn import(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    data: &CourseInput,
    images: &[super::images::CourseImage],
) -> CoreResult<i64> {
    for image in images {
        super::images::checked(&image.bytes)?;
    }
    let ids: Vec<i64> = images.iter().map(|i| i.id).collect();
    let data = CourseInput {
        tenant_id,
        ..data.clone()
    }
    .validated(conn, user, &ids)?;
    let course = Course {
        id: 0,
        data,
        created_at: now,
        updated_at: now,
    };
    insert_copy(conn, now, &course, tenant_id, images)
}
