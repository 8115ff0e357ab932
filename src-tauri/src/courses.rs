//! Commands for e-learning: the DPO's courses, pictures, assignments, statistics and
//! exports, and the learner's own courses. The session, the core call, the error mapping;
//! pictures are chosen in the native open dialog, exports saved through the save dialog.

use dpo_desk_core::access::users::CreatedUser;
use dpo_desk_core::domain::courses::assignments::{
    AssignRequest, AssignmentRow, InviteRequest, Learner,
};
use dpo_desk_core::domain::courses::images::{self, CourseImage};
use dpo_desk_core::domain::courses::learning::{AttemptView, CoursePlayer};
use dpo_desk_core::domain::courses::statistics::{Certificate, CourseStatistics};
use dpo_desk_core::domain::courses::{Course, CourseInput, CourseRow};
use dpo_desk_core::services::exports::ExportFormat;
use tauri::State;

use crate::error::ShellResult;
use crate::files::{save_export, Picker};
use crate::state::AppState;

#[tauri::command(async)]
pub fn courses(state: State<'_, AppState>, tenant_id: i64) -> ShellResult<Vec<CourseRow>> {
    state.with_session(|desk, session| desk.courses(session, tenant_id))
}

#[tauri::command(async)]
pub fn course(state: State<'_, AppState>, id: i64) -> ShellResult<Course> {
    state.with_session(|desk, session| desk.course(session, id))
}

#[tauri::command(async)]
pub fn create_course(state: State<'_, AppState>, course: CourseInput) -> ShellResult<Course> {
    state.with_session(|desk, session| desk.create_course(session, &course))
}

#[tauri::command(async)]
pub fn add_shipped_course(
    state: State<'_, AppState>,
    tenant_id: i64,
    language: String,
) -> ShellResult<Course> {
    state.with_session(|desk, session| desk.add_shipped_course(session, tenant_id, &language))
}

#[tauri::command(async)]
pub fn update_course(
    state: State<'_, AppState>,
    id: i64,
    course: CourseInput,
) -> ShellResult<Course> {
    state.with_session(|desk, session| desk.update_course(session, id, &course))
}

#[tauri::command(async)]
pub fn delete_courses(state: State<'_, AppState>, ids: Vec<i64>) -> ShellResult<Vec<i64>> {
    state.with_session(|desk, session| desk.delete_courses(session, &ids))
}

/// Lets the person choose a picture for the course and stores it; `None` when they
/// cancelled the dialog.
#[tauri::command(async)]
pub fn add_course_image(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    course_id: i64,
    title: String,
) -> ShellResult<Option<CourseImage>> {
    // Checked before the dialog opens, so nobody picks a file only to be refused.
    state.with_session(|desk, session| desk.course(session, course_id))?;
    let Some(path) = picker.0.open(&title, "") else {
        return Ok(None);
    };
    let bytes = crate::files::read_checked(&path, images::check_size)?;
    state
        .with_session(|desk, session| desk.add_course_image(session, course_id, &bytes))
        .map(Some)
}

/// A course picture as a `data:` URL.
#[tauri::command(async)]
pub fn course_image(state: State<'_, AppState>, id: i64) -> ShellResult<String> {
    state.with_session(|desk, session| desk.course_image(session, id).map(|i| i.data_url()))
}

#[tauri::command(async)]
pub fn export_courses(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file =
        state.with_session(|desk, session| desk.export_courses(session, tenant_id, format))?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn course_learners(state: State<'_, AppState>, course_id: i64) -> ShellResult<Vec<Learner>> {
    state.with_session(|desk, session| desk.course_learners(session, course_id))
}

/// Assigns the course to the chosen users or to everyone of its tenant; returns how many
/// assignments are new.
#[tauri::command(async)]
pub fn assign_course(state: State<'_, AppState>, request: AssignRequest) -> ShellResult<usize> {
    state.with_session(|desk, session| {
        if request.everyone {
            desk.assign_course_to_tenant(session, request.course_id, request.due_on)
        } else {
            desk.assign_course(
                session,
                request.course_id,
                &request.user_ids,
                request.due_on,
            )
        }
    })
}

#[tauri::command(async)]
pub fn unassign_course(state: State<'_, AppState>, assignment_id: i64) -> ShellResult<()> {
    state.with_session(|desk, session| desk.unassign_course(session, assignment_id))
}

/// A learner account for the tenant with a one-time code, assigned the course.
#[tauri::command(async)]
pub fn invite_learner(
    state: State<'_, AppState>,
    invitation: InviteRequest,
) -> ShellResult<CreatedUser> {
    state.with_session(|desk, session| {
        desk.invite_learner(
            session,
            invitation.tenant_id,
            &invitation.name,
            Some((invitation.course_id, invitation.due_on)),
        )
    })
}

#[tauri::command(async)]
pub fn course_statistics(
    state: State<'_, AppState>,
    course_id: i64,
) -> ShellResult<CourseStatistics> {
    state.with_session(|desk, session| desk.course_statistics(session, course_id))
}

#[tauri::command(async)]
pub fn course_results_of_tenant(
    state: State<'_, AppState>,
    tenant_id: i64,
) -> ShellResult<Vec<AssignmentRow>> {
    state.with_session(|desk, session| desk.course_results_of_tenant(session, tenant_id))
}

#[tauri::command(async)]
pub fn export_course_results(
    state: State<'_, AppState>,
    picker: State<'_, Picker>,
    tenant_id: i64,
    course_id: Option<i64>,
    format: ExportFormat,
    title: String,
) -> ShellResult<Option<String>> {
    let file = state.with_session(|desk, session| {
        desk.export_course_results(session, tenant_id, course_id, format)
    })?;
    save_export(&picker, &title, file, format.extension())
}

#[tauri::command(async)]
pub fn verify_certificate(
    state: State<'_, AppState>,
    code: String,
) -> ShellResult<Option<Certificate>> {
    state.with_session(|desk, session| desk.verify_certificate(session, &code))
}

#[tauri::command(async)]
pub fn my_courses(state: State<'_, AppState>) -> ShellResult<Vec<AssignmentRow>> {
    state.with_session(|desk, session| desk.my_courses(session))
}

#[tauri::command(async)]
pub fn open_course(state: State<'_, AppState>, assignment_id: i64) -> ShellResult<CoursePlayer> {
    state.with_session(|desk, session| desk.open_course(session, assignment_id))
}

#[tauri::command(async)]
pub fn start_course(state: State<'_, AppState>, assignment_id: i64) -> ShellResult<CoursePlayer> {
    state.with_session(|desk, session| desk.start_course(session, assignment_id))
}

#[tauri::command(async)]
pub fn set_course_step(state: State<'_, AppState>, attempt_id: i64, step: u32) -> ShellResult<()> {
    state.with_session(|desk, session| desk.set_course_step(session, attempt_id, step))
}

#[tauri::command(async)]
pub fn answer_question(
    state: State<'_, AppState>,
    attempt_id: i64,
    question_id: i64,
    chosen: Vec<usize>,
) -> ShellResult<AttemptView> {
    state.with_session(|desk, session| {
        desk.answer_question(session, attempt_id, question_id, &chosen)
    })
}

#[tauri::command(async)]
pub fn finish_attempt(state: State<'_, AppState>, attempt_id: i64) -> ShellResult<AttemptView> {
    state.with_session(|desk, session| desk.finish_attempt(session, attempt_id))
}
