//! E-learning: the DPO's courses, assignments and statistics, and the learner's own
//! courses. One line per operation: the gate, then the domain. Learners hold no right on
//! courses; the domain lets them reach only their own assignments.

use chrono::NaiveDate;

use crate::access::operations::Operation;
use crate::access::roles::{self, RoleDefinition};
use crate::access::session::Session;
use crate::access::users::{self, CreatedUser, NewUser};
use crate::desk::{export_name, list_name, Desk};
use crate::domain::courses::assignments::{self, AssignmentRow, Learner};
use crate::domain::courses::images::{self, CourseImage};
use crate::domain::courses::learning::{self, AttemptView, CoursePlayer};
use crate::domain::courses::statistics::{self, Certificate, CourseStatistics};
use crate::domain::courses::{self, catalogue, Course, CourseInput, CourseRow};
use crate::domain::tenants;
use crate::kernel::clock::local_day;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::{text, Language};
use crate::kernel::vocabulary::{MenuEntry, ObjectType, Right};
use crate::services::exports::{ExportFile, ExportFormat};

/// The role invited learners receive: no rights, every menu entry but their courses and
/// their account hidden.
pub const LEARNER_ROLE: &str = "E-Learning";

impl Desk {
    pub fn courses(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<CourseRow>> {
        let (user, _) = self.gate(session, Operation::ListCourses)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        courses::list(self.store.conn(), &user, tenant_id)
    }

    /// The courses of every tenant the user may open (the command line's `course list`).
    pub fn courses_everywhere(&self, session: &mut Session) -> CoreResult<Vec<CourseRow>> {
        let (user, _) = self.gate(session, Operation::ListCourses)?;
        let conn = self.store.conn();
        let mut out = Vec::new();
        for tenant in tenants::visible_to(conn, &user)? {
            out.extend(courses::list(conn, &user, tenant.id)?);
        }
        Ok(out)
    }

    pub fn course(&self, session: &mut Session, id: i64) -> CoreResult<Course> {
        let (user, _) = self.gate(session, Operation::ShowCourse)?;
        courses::visible_by_id(self.store.conn(), &user, id)
    }

    pub fn create_course(
        &mut self,
        session: &mut Session,
        input: &CourseInput,
    ) -> CoreResult<Course> {
        self.write(session, Operation::CreateCourse, |conn, user, now| {
            courses::create(conn, now, user, input)
        })
    }

    /// Adds the ready-made awareness course in "de" or "en" to a tenant.
    pub fn add_shipped_course(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        language: &str,
    ) -> CoreResult<Course> {
        self.write(session, Operation::AddShippedCourse, |conn, user, now| {
            catalogue::add(conn, now, user, tenant_id, Language::of(Some(language)))
        })
    }

    pub fn update_course(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &CourseInput,
    ) -> CoreResult<Course> {
        self.write(session, Operation::UpdateCourse, |conn, user, now| {
            courses::update(conn, now, user, id, input)
        })
    }

    /// Stores a picture for the course; the editor then uses its id as logo, result or page
    /// picture.
    pub fn add_course_image(
        &mut self,
        session: &mut Session,
        course_id: i64,
        bytes: &[u8],
    ) -> CoreResult<CourseImage> {
        self.write(session, Operation::AddCourseImage, |conn, user, _| {
            courses::visible_tenant(conn, user, course_id)?;
            let mime = images::checked(bytes)?;
            let id = images::insert(conn, course_id, mime, bytes)?;
            Ok(CourseImage {
                id,
                mime: mime.to_string(),
                bytes: Vec::new(),
            })
        })
    }

    /// A picture, for whom may see its course or has it assigned.
    pub fn course_image(&self, session: &mut Session, id: i64) -> CoreResult<CourseImage> {
        let (user, now) = self.gate(session, Operation::ReadCourseImage)?;
        let conn = self.store.conn();
        let (course_id, image) = images::by_id(conn, id)?;
        let editor = self.can(&user, ObjectType::Course, Right::View)?
            && courses::visible_tenant(conn, &user, course_id).is_ok();
        let learner = learning::my_courses(conn, &user, local_day(now))?
            .iter()
            .any(|a| a.course_id == course_id);
        if editor || learner {
            Ok(image)
        } else {
            Err(CoreError::validation(
                "image",
                "unknown",
                format!("no picture with id {id}"),
            ))
        }
    }

    pub fn delete_courses(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteCourses, |conn, user, now| {
            courses::delete(conn, now, user, ids)
        })
    }

    pub fn export_courses(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportCourses)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let list = courses::list(conn, &user, tenant_id)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &courses::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: courses::export::file(
                &list,
                format,
                crate::store::settings::table_style(conn, language)?,
            )?,
        })
    }

    /// Who may be given the course: active users who may open its tenant.
    pub fn course_learners(
        &self,
        session: &mut Session,
        course_id: i64,
    ) -> CoreResult<Vec<Learner>> {
        let (user, _) = self.gate(session, Operation::AssignCourse)?;
        assignments::candidates(self.store.conn(), &user, course_id)
    }

    /// Assigns the course to users by id; returns how many assignments are new.
    pub fn assign_course(
        &mut self,
        session: &mut Session,
        course_id: i64,
        user_ids: &[i64],
        due_on: Option<NaiveDate>,
    ) -> CoreResult<usize> {
        self.write(session, Operation::AssignCourse, |conn, user, now| {
            assignments::assign(conn, now, user, course_id, user_ids, due_on)
        })
    }

    /// The same by user names (`course assign ID --user NAME…`).
    pub fn assign_course_by_name(
        &mut self,
        session: &mut Session,
        course_id: i64,
        names: &[String],
        due_on: Option<NaiveDate>,
    ) -> CoreResult<usize> {
        self.write(session, Operation::AssignCourse, |conn, user, now| {
            let ids = assignments::learners_by_name(conn, user, course_id, names)?;
            assignments::assign(conn, now, user, course_id, &ids, due_on)
        })
    }

    /// Assigns the course to every user of its tenant.
    pub fn assign_course_to_tenant(
        &mut self,
        session: &mut Session,
        course_id: i64,
        due_on: Option<NaiveDate>,
    ) -> CoreResult<usize> {
        self.write(session, Operation::AssignCourse, |conn, user, now| {
            assignments::assign_tenant(conn, now, user, course_id, due_on)
        })
    }

    pub fn unassign_course(&mut self, session: &mut Session, assignment_id: i64) -> CoreResult<()> {
        self.write(session, Operation::UnassignCourse, |conn, user, now| {
            assignments::unassign(conn, now, user, assignment_id)
        })
    }

    pub fn course_statistics(
        &self,
        session: &mut Session,
        course_id: i64,
    ) -> CoreResult<CourseStatistics> {
        let (user, now) = self.gate(session, Operation::CourseStatistics)?;
        statistics::of_course(self.store.conn(), &user, course_id, local_day(now))
    }

    /// Every learner's results in a tenant: the statistics per user.
    pub fn course_results_of_tenant(
        &self,
        session: &mut Session,
        tenant_id: i64,
    ) -> CoreResult<Vec<AssignmentRow>> {
        let (user, now) = self.gate(session, Operation::CourseStatistics)?;
        assignments::of_tenant(self.store.conn(), &user, tenant_id, local_day(now))
    }

    /// The results of one course (`course results ID`).
    pub fn course_results(
        &self,
        session: &mut Session,
        course_id: i64,
    ) -> CoreResult<Vec<AssignmentRow>> {
        let (user, now) = self.gate(session, Operation::CourseStatistics)?;
        assignments::of_course(self.store.conn(), &user, course_id, local_day(now))
    }

    /// The learners' results of one course, or of every course of the tenant, as a file.
    pub fn export_course_results(
        &self,
        session: &mut Session,
        tenant_id: i64,
        course_id: Option<i64>,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportCourseResults)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let rows = match course_id {
            Some(id) => {
                if courses::visible_tenant(conn, &user, id)? != tenant_id {
                    return Err(CoreError::validation(
                        "course",
                        "unknown",
                        format!("no course with id {id} in this tenant"),
                    ));
                }
                assignments::of_course(conn, &user, id, local_day(now))?
            }
            None => assignments::of_tenant(conn, &user, tenant_id, local_day(now))?,
        };
        let language = Language::of(user.language.as_deref());
        Ok(ExportFile {
            suggested_name: export_name(
                &tenant.name,
                &text(language, "export-file-course-results"),
                now,
                format,
            ),
            bytes: courses::export::results_file(
                &rows,
                format,
                crate::store::settings::table_style(conn, language)?,
            )?,
        })
    }

    /// The certificate a code belongs to, in a tenant and course the user may see.
    pub fn verify_certificate(
        &self,
        session: &mut Session,
        code: &str,
    ) -> CoreResult<Option<Certificate>> {
        let (user, _) = self.gate(session, Operation::VerifyCertificate)?;
        let conn = self.store.conn();
        Ok(statistics::by_code(conn, code)?
            .filter(|c| courses::visible_tenant(conn, &user, c.course_id).is_ok()))
    }

    /// The courses assigned to the signed-in user.
    pub fn my_courses(&self, session: &mut Session) -> CoreResult<Vec<AssignmentRow>> {
        let (user, now) = self.gate(session, Operation::MyCourses)?;
        learning::my_courses(self.store.conn(), &user, local_day(now))
    }

    pub fn open_course(
        &self,
        session: &mut Session,
        assignment_id: i64,
    ) -> CoreResult<CoursePlayer> {
        let (user, now) = self.gate(session, Operation::TakeCourse)?;
        learning::open(self.store.conn(), &user, assignment_id, local_day(now))
    }

    /// Begins (or continues) an attempt with a fresh random order.
    pub fn start_course(
        &mut self,
        session: &mut Session,
        assignment_id: i64,
    ) -> CoreResult<CoursePlayer> {
        let seed: u64 = rand::random();
        self.write(session, Operation::TakeCourse, |conn, user, now| {
            learning::start(conn, now, user, assignment_id, seed, local_day(now))
        })
    }

    pub fn set_course_step(
        &mut self,
        session: &mut Session,
        attempt_id: i64,
        step: u32,
    ) -> CoreResult<()> {
        self.write(session, Operation::TakeCourse, |conn, user, now| {
            learning::set_step(conn, user, attempt_id, step, local_day(now))
        })
    }

    pub fn answer_question(
        &mut self,
        session: &mut Session,
        attempt_id: i64,
        question_id: i64,
        chosen: &[usize],
    ) -> CoreResult<AttemptView> {
        self.write(session, Operation::TakeCourse, |conn, user, now| {
            learning::answer(conn, user, attempt_id, question_id, chosen, local_day(now))
        })
    }

    pub fn finish_attempt(
        &mut self,
        session: &mut Session,
        attempt_id: i64,
    ) -> CoreResult<AttemptView> {
        self.write(session, Operation::TakeCourse, |conn, user, now| {
            learning::finish(conn, now, user, attempt_id, local_day(now))
        })
    }

    /// Creates a learner account for a tenant with a one-time invitation code (the role
    /// "E-Learning" is made on first use) and assigns a course if one is given.
    pub fn invite_learner(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        name: &str,
        course: Option<(i64, Option<NaiveDate>)>,
    ) -> CoreResult<CreatedUser> {
        self.write(session, Operation::InviteLearner, |conn, admin, now| {
            if roles::by_name(conn, LEARNER_ROLE)?.is_none() {
                let hidden = MenuEntry::ALL
                    .iter()
                    .copied()
                    .filter(|m| !matches!(m, MenuEntry::MyCourses | MenuEntry::Account))
                    .collect();
                roles::create(
                    conn,
                    now,
                    &admin.actor(),
                    &RoleDefinition {
                        name: LEARNER_ROLE.into(),
                        grants: Vec::new(),
                        hidden_menus: hidden,
                        visibility: Vec::new(),
                    },
                )?;
            }
            let created = users::create(
                conn,
                now,
                admin,
                &NewUser {
                    name: name.to_string(),
                    is_admin: false,
                    roles: vec![LEARNER_ROLE.into()],
                    tenants: vec![tenant_id],
                    password: None,
                },
            )?;
            if let Some((course_id, due_on)) = course {
                assignments::assign(conn, now, admin, course_id, &[created.user.id], due_on)?;
            }
            Ok(created)
        })
    }
}
