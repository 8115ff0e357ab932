//! The ready-made course DPO Desk ships ("Datenschutz-Grundlagen für Beschäftigte" / "Data
//! protection basics for staff"): data files, one per language
//! (`crates/core/catalogue/courses/<lang>.json`), written in our own words. A DPO adds it
//! to a tenant with one click and adapts it like any course.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::json;

use super::{AnswerOption, Course, CourseInput, CoursePage, CourseQuestion};
use crate::access::accounts::UserRecord;
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShippedCourse {
    pub name: String,
    pub description: String,
    pub pass_percent: u32,
    pub max_restarts: u32,
    pub pages: Vec<ShippedPage>,
    pub questions: Vec<ShippedQuestion>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShippedPage {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShippedQuestion {
    pub text: String,
    pub explanation: String,
    pub answers: Vec<AnswerOption>,
}

const GERMAN: &str = include_str!("../../../catalogue/courses/de.json");
const ENGLISH: &str = include_str!("../../../catalogue/courses/en.json");

/// The course in a language; the files are part of the binary and checked by tests.
pub fn shipped(language: Language) -> &'static ShippedCourse {
    static GERMAN_COURSE: OnceLock<ShippedCourse> = OnceLock::new();
    static ENGLISH_COURSE: OnceLock<ShippedCourse> = OnceLock::new();
    let (cell, text) = match language {
        Language::German => (&GERMAN_COURSE, GERMAN),
        Language::English => (&ENGLISH_COURSE, ENGLISH),
    };
    cell.get_or_init(|| serde_json::from_str(text).expect("the shipped course parses"))
}

impl ShippedCourse {
    pub fn input(&self, tenant_id: i64, language: Language) -> CourseInput {
        CourseInput {
            description: self.description.clone(),
            pass_percent: self.pass_percent,
            max_restarts: self.max_restarts,
            pages: self
                .pages
                .iter()
                .map(|p| CoursePage {
                    id: None,
                    title: p.title.clone(),
                    body: p.body.clone(),
                    image_id: None,
                })
                .collect(),
            questions: self
                .questions
                .iter()
                .map(|q| CourseQuestion {
                    id: None,
                    text: q.text.clone(),
                    explanation: q.explanation.clone(),
                    answers: q.answers.clone(),
                })
                .collect(),
            ..CourseInput::new(tenant_id, &self.name, language.code())
        }
    }
}

/// Adds the ready-made course in `language` to a tenant.
pub(crate) fn add(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    language: Language,
) -> CoreResult<Course> {
    let course = super::create(
        conn,
        now,
        user,
        &shipped(language).input(tenant_id, language),
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        audit::Change {
            action: "add_shipped",
            object_type: ObjectType::Course.as_str(),
            object_id: Some(course.id.to_string()),
            old: None,
            new: Some(json!({ "language": language.code() })),
        },
    )?;
    Ok(course)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_hold_the_same_course_with_at_least_ten_questions() {
        let (de, en) = (shipped(Language::German), shipped(Language::English));
        assert!(de.questions.len() >= 10, "{} questions", de.questions.len());
        assert!(de.pages.len() >= 6);
        assert_eq!(de.pages.len(), en.pages.len());
        assert_eq!(de.questions.len(), en.questions.len());
        assert_eq!(de.pass_percent, en.pass_percent);
        for (d, e) in de.questions.iter().zip(&en.questions) {
            let flags =
                |q: &ShippedQuestion| q.answers.iter().map(|a| a.correct).collect::<Vec<_>>();
            assert_eq!(flags(d), flags(e), "{} / {}", d.text, e.text);
            assert!(d.answers.iter().any(|a| a.correct), "{}", d.text);
            assert!(!d.explanation.trim().is_empty(), "{}", d.text);
        }
        assert!(
            de.questions
                .iter()
                .filter(|q| q.answers.iter().filter(|a| a.correct).count() > 1)
                .count()
                >= 1,
            "at least one question has several correct answers"
        );
        for page in de.pages.iter().chain(&en.pages) {
            assert!(!page.body.contains('<'), "no raw HTML in {}", page.title);
        }
    }
}
