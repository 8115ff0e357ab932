//! `course list|assign|results|verify` (SPEC §14) and `course add-shipped` (extension).

use dpo_desk_core::domain::courses::assignments::AssignmentRow;
use dpo_desk_core::domain::courses::CourseRow;
use dpo_desk_core::CoreError;
use serde_json::{json, Value};

use crate::args::{Cli, CourseAction};
use crate::commands::Output;
use crate::context;
use crate::error::CliError;

fn course_json(c: &CourseRow) -> Value {
    json!({
        "id": c.id,
        "tenant_id": c.tenant_id,
        "name": c.name,
        "language": c.language,
        "active": c.active,
        "pass_percent": c.pass_percent,
        "price_cents": c.price_cents,
        "pages": c.pages,
        "questions": c.questions,
        "assigned": c.assigned,
        "passed": c.passed,
    })
}

fn course_line(c: &CourseRow) -> String {
    format!(
        "{:>6}  tenant {:<4} {:<2} {:>3} questions  {:>3} assigned  {:>3} passed  {}{}\n",
        c.id,
        c.tenant_id,
        c.language,
        c.questions,
        c.assigned,
        c.passed,
        c.name,
        if c.active { "" } else { " (inactive)" }
    )
}

fn result_json(r: &AssignmentRow) -> Value {
    json!({
        "assignment_id": r.id,
        "course_id": r.course_id,
        "user": r.user_name,
        "state": r.state,
        "due": r.due_on,
        "overdue": r.overdue,
        "attempts": r.attempts,
        "restarts_left": r.restarts_left,
        "best_score": r.best_score,
        "last_score": r.last_score,
        "passed_at": r.passed_at,
        "certificate_code": r.certificate_code,
    })
}

fn result_line(r: &AssignmentRow) -> String {
    format!(
        "{:<24} {:<18} attempts {:>2}  best {:>4}  {}{}\n",
        r.user_name,
        r.state.as_str(),
        r.attempts,
        r.best_score
            .map(|s| format!("{s} %"))
            .unwrap_or_else(|| "–".into()),
        r.certificate_code.as_deref().unwrap_or(""),
        if r.overdue { " OVERDUE" } else { "" }
    )
}

pub fn course(cli: &Cli, action: &CourseAction) -> Result<Output, CliError> {
    let mut desk = context::open(cli)?;
    let mut session = context::sign_in(cli, &mut desk)?;
    match action {
        CourseAction::List { tenant } => {
            let rows = match tenant {
                Some(t) => desk.courses(&mut session, *t)?,
                None => desk.courses_everywhere(&mut session)?,
            };
            Ok(Output {
                json: Value::Array(rows.iter().map(course_json).collect()),
                text: rows.iter().map(course_line).collect(),
            })
        }
        CourseAction::Assign {
            id,
            users,
            due,
            everyone,
        } => {
            let added = if *everyone {
                desk.assign_course_to_tenant(&mut session, *id, *due)?
            } else {
                desk.assign_course_by_name(&mut session, *id, users, *due)?
            };
            // From the assignment's own answer: assigning needs the edit right, not the view.
            Ok(Output {
                json: json!({ "course_id": id, "added": added }),
                text: format!("{added} new assignment(s)\n"),
            })
        }
        CourseAction::Results { id } => {
            let rows = desk.course_results(&mut session, *id)?;
            Ok(Output {
                json: Value::Array(rows.iter().map(result_json).collect()),
                text: rows.iter().map(result_line).collect(),
            })
        }
        CourseAction::Verify { code } => {
            let c = desk
                .verify_certificate(&mut session, code)?
                .ok_or_else(|| {
                    CoreError::validation(
                        "code",
                        "unknown",
                        format!("no certificate has the code '{code}'"),
                    )
                })?;
            Ok(Output {
                json: json!({
                    "valid": true,
                    "code": c.code,
                    "learner": c.learner,
                    "course_id": c.course_id,
                    "course": c.course_name,
                    "tenant_id": c.tenant_id,
                    "tenant": c.tenant_name,
                    "passed_at": c.passed_at,
                    "score_percent": c.score_percent,
                    "pass_percent": c.pass_percent,
                }),
                text: format!(
                    "VALID: {} passed \"{}\" ({}) on {} with {} %\n",
                    c.learner,
                    c.course_name,
                    c.tenant_name,
                    dpo_desk_core::kernel::clock::local_day(c.passed_at),
                    c.score_percent
                ),
            })
        }
        CourseAction::AddShipped { tenant, language } => {
            let c = desk.add_shipped_course(&mut session, *tenant, language)?;
            Ok(Output {
                json: json!({ "id": c.id, "name": c.data.name, "questions": c.data.questions.len() }),
                text: format!("Added course {} \"{}\"\n", c.id, c.data.name),
            })
        }
    }
}
