//! E-learning (SPEC §13): the shipped course added to a tenant, a learner invited with a
//! one-time code who sees only their courses, attempts scored against the pass mark with
//! the restart limit, certificates and their verification, statistics, overdue
//! assignments on the deadline board, and courses in the trash, tenant files, copies and
//! backup modules. The clock is an input throughout.

use chrono::{Duration, NaiveDate};

use crate::common::*;
use dpo_desk_core::domain::courses::assignments::AssignmentState;
use dpo_desk_core::domain::courses::learning::CoursePlayer;
use dpo_desk_core::domain::courses::{AnswerOption, CourseInput, CoursePage, CourseQuestion};
use dpo_desk_core::domain::descriptor::DeadlineKind;
use dpo_desk_core::kernel::vocabulary::{MenuEntry, ObjectType, Right};
use dpo_desk_core::services::backup::BackupModule;
use dpo_desk_core::services::data_copy::CopyRequest;
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::services::reports::ReportRequest;
use dpo_desk_core::{Desk, Session};

const LEARNER_PW: &str = "Lernen-macht-Spass-2026";

struct Office {
    f: Fixture,
    desk: Desk,
    owner: Session,
    tenant: i64,
}

fn office() -> Office {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Sicher").desk;
    let mut owner = desk.sign_in(OWNER, PASSWORD).unwrap();
    let tenant = desk
        .create_tenant(&mut owner, "Bäckerei Schmidt", false)
        .unwrap()
        .id;
    Office {
        f,
        desk,
        owner,
        tenant,
    }
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn question(text: &str, answers: &[(&str, bool)]) -> CourseQuestion {
    CourseQuestion {
        id: None,
        text: text.into(),
        explanation: format!("Weil {text}"),
        answers: answers
            .iter()
            .map(|(t, c)| AnswerOption {
                text: (*t).into(),
                correct: *c,
            })
            .collect(),
    }
}

/// Four questions, one with two correct answers; pass mark 75 %, one restart.
fn small_course(o: &mut Office) -> i64 {
    let input = CourseInput {
        pass_percent: 75,
        max_restarts: 1,
        pages: vec![CoursePage {
            id: None,
            title: "Grundsätze".into(),
            body: "## Rechtmäßigkeit\n- *fair*\n- **transparent**".into(),
            image_id: None,
        }],
        questions: vec![
            question("Q1", &[("a", true), ("b", false)]),
            question("Q2", &[("a", false), ("b", true), ("c", true)]),
            question("Q3", &[("a", true), ("b", false), ("c", false)]),
            question("Q4", &[("a", false), ("b", true)]),
        ],
        ..CourseInput::new(o.tenant, "Datenschutz kompakt", "de")
    };
    o.desk.create_course(&mut o.owner, &input).unwrap().id
}

/// Invites a learner for the tenant, assigns the course and lets them set their password.
fn learner(o: &mut Office, name: &str, course: i64, due: Option<NaiveDate>) -> Session {
    let created = o
        .desk
        .invite_learner(&mut o.owner, o.tenant, name, Some((course, due)))
        .unwrap();
    let code = created.invitation_code.expect("an invitation code");
    o.desk.accept_invitation(name, &code, LEARNER_PW).unwrap()
}

/// Answers every question of the running attempt, `right` of them correctly (in the order
/// the attempt shows them), and finishes it.
fn answer_all(
    o: &mut Office,
    s: &mut Session,
    player: &CoursePlayer,
    course: i64,
    right: usize,
) -> u32 {
    let attempt = player.attempt.as_ref().expect("an attempt");
    let stored = o.desk.course(&mut o.owner, course).unwrap();
    for (i, q) in attempt.questions.iter().enumerate() {
        let correct = stored
            .data
            .questions
            .iter()
            .find(|s| s.id == Some(q.question_id))
            .unwrap()
            .correct_positions();
        let chosen: Vec<usize> = if i < right {
            correct
        } else {
            (0..q.answers.len())
                .filter(|p| !correct.contains(p))
                .take(1)
                .collect()
        };
        o.desk
            .answer_question(s, attempt.id, q.question_id, &chosen)
            .unwrap();
    }
    let done = o.desk.finish_attempt(s, attempt.id).unwrap();
    done.result.unwrap().score_percent
}

#[test]
fn an_invited_learner_sees_only_their_courses_fails_once_restarts_and_passes_with_a_verifiable_certificate(
) {
    let mut o = office();
    let course = small_course(&mut o);
    let mut lea = learner(&mut o, "Lea Lernt", course, Some(day("2026-03-20")));

    let info = o.desk.session_info(&mut lea).unwrap();
    assert_eq!(info.menu, vec![MenuEntry::MyCourses, MenuEntry::Account]);
    assert!(
        o.desk.courses(&mut lea, o.tenant).is_err(),
        "no right on courses"
    );

    let mine = o.desk.my_courses(&mut lea).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].state, AssignmentState::NotStarted);
    let assignment = mine[0].id;

    let player = o.desk.start_course(&mut lea, assignment).unwrap();
    let attempt = player.attempt.clone().unwrap();
    assert_eq!(attempt.number, 1);
    assert_eq!(player.pages.len(), 1);
    assert!(
        attempt.questions.iter().all(|q| q.feedback.is_none()),
        "nothing revealed before answering"
    );
    assert_eq!(attempt.questions.iter().filter(|q| q.multiple).count(), 1);

    // The place is kept: a step stored, the window closed, the course opened again.
    o.desk.set_course_step(&mut lea, attempt.id, 2).unwrap();
    let again = o.desk.open_course(&mut lea, assignment).unwrap();
    assert_eq!(again.attempt.as_ref().unwrap().step, 2);
    assert_eq!(
        again.attempt.as_ref().unwrap().questions,
        attempt.questions,
        "same order after reopening"
    );

    // 2 of 4 = 50 % < 75 %: failed, one restart left.
    assert_eq!(answer_all(&mut o, &mut lea, &again, course, 2), 50);
    let mine = o.desk.my_courses(&mut lea).unwrap();
    assert_eq!(mine[0].state, AssignmentState::Failed);
    assert_eq!(mine[0].restarts_left, Some(1));

    // 3 of 4 = 75 %: passed exactly at the mark.
    let second = o.desk.start_course(&mut lea, assignment).unwrap();
    assert_eq!(second.attempt.as_ref().unwrap().number, 2);
    assert_eq!(answer_all(&mut o, &mut lea, &second, course, 3), 75);
    let mine = o.desk.my_courses(&mut lea).unwrap();
    assert_eq!(mine[0].state, AssignmentState::Passed);
    let code = mine[0].certificate_code.clone().unwrap();
    assert!(
        o.desk.start_course(&mut lea, assignment).is_err(),
        "passed is final"
    );

    let verified = o
        .desk
        .verify_certificate(&mut o.owner, &code.to_lowercase().replace('-', " "))
        .unwrap()
        .expect("the code verifies");
    assert_eq!(verified.learner, "Lea Lernt");
    assert_eq!(verified.course_name, "Datenschutz kompakt");
    assert_eq!(verified.score_percent, 75);
    assert!(o
        .desk
        .verify_certificate(&mut o.owner, "AAAA-BBBB-CCCC")
        .unwrap()
        .is_none());

    // The learner saves their own certificate without any right; it is a real PDF.
    let job = o
        .desk
        .prepare_report(
            &mut lea,
            &ReportRequest::Certificate {
                assignment_id: assignment,
                language: None,
            },
        )
        .unwrap();
    let pdf = job.render(Box::new(|_, _| true)).unwrap();
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert!(
        pdf.suggested_name.contains("Zertifikat"),
        "{}",
        pdf.suggested_name
    );

    let stats = o.desk.course_statistics(&mut o.owner, course).unwrap();
    assert_eq!(
        (stats.assigned, stats.started, stats.passed, stats.failed),
        (1, 1, 1, 0)
    );
    assert_eq!(stats.average_score, Some(62.5));
    assert_eq!(stats.hardest.len(), 4);
    assert!(stats.hardest[0].wrong >= stats.hardest[3].wrong);
}

#[test]
fn the_restart_limit_ends_a_course_that_was_failed_too_often() {
    let mut o = office();
    let course = small_course(&mut o);
    let mut ben = learner(&mut o, "Ben Bald", course, None);
    let assignment = o.desk.my_courses(&mut ben).unwrap()[0].id;
    for _ in 0..2 {
        let player = o.desk.start_course(&mut ben, assignment).unwrap();
        answer_all(&mut o, &mut ben, &player, course, 0);
    }
    let mine = o.desk.my_courses(&mut ben).unwrap();
    assert_eq!(mine[0].state, AssignmentState::FailedFinally);
    assert_eq!(mine[0].restarts_left, Some(0));
    let err = o.desk.start_course(&mut ben, assignment).unwrap_err();
    assert!(err.to_string().contains("no further attempt"), "{err}");
    assert!(!o.desk.open_course(&mut ben, assignment).unwrap().can_start);
}

#[test]
fn a_learner_reaches_no_one_elses_course_and_cannot_answer_twice_or_finish_early() {
    let mut o = office();
    let course = small_course(&mut o);
    let mut lea = learner(&mut o, "Lea Lernt", course, None);
    let mut ben = learner(&mut o, "Ben Bald", course, None);
    let leas = o.desk.my_courses(&mut lea).unwrap()[0].id;
    assert!(o.desk.open_course(&mut ben, leas).is_err());
    assert!(o.desk.start_course(&mut ben, leas).is_err());
    let player = o.desk.start_course(&mut lea, leas).unwrap();
    let attempt = player.attempt.unwrap();
    let q = &attempt.questions[0];
    assert!(o
        .desk
        .answer_question(&mut ben, attempt.id, q.question_id, &[0])
        .is_err());
    assert!(
        o.desk.finish_attempt(&mut lea, attempt.id).is_err(),
        "questions are open"
    );
    assert!(o
        .desk
        .answer_question(&mut lea, attempt.id, q.question_id, &[])
        .is_err());
    assert!(o
        .desk
        .answer_question(&mut lea, attempt.id, q.question_id, &[9])
        .is_err());
    let view = o
        .desk
        .answer_question(&mut lea, attempt.id, q.question_id, &[0])
        .unwrap();
    let feedback = view.questions[0].feedback.clone().unwrap();
    assert!(!feedback.explanation.is_empty());
    assert!(
        o.desk
            .answer_question(&mut lea, attempt.id, q.question_id, &[1])
            .is_err(),
        "answered once"
    );
    // Ben's certificate of Lea's course does not exist.
    assert!(o
        .desk
        .prepare_report(
            &mut ben,
            &ReportRequest::Certificate {
                assignment_id: leas,
                language: None
            }
        )
        .is_err());
}

#[test]
fn assigning_needs_the_edit_right_and_an_active_course_with_questions() {
    let mut o = office();
    let course = small_course(&mut o);
    let tenant = o.tenant;
    let mut viewer = staff_user(
        &mut o.desk,
        &mut o.owner,
        "Vera Viewer",
        "Nur-ansehen-2026!",
        &[(ObjectType::Course, Right::View)],
        vec![tenant],
    );
    assert_eq!(o.desk.courses(&mut viewer, tenant).unwrap().len(), 1);
    let err = o
        .desk
        .assign_course_to_tenant(&mut viewer, course, None)
        .unwrap_err();
    assert_eq!(err.code(), "permission_denied");

    let draft = o
        .desk
        .create_course(
            &mut o.owner,
            &CourseInput {
                active: false,
                ..CourseInput::new(tenant, "Entwurf", "en")
            },
        )
        .unwrap()
        .id;
    let err = o
        .desk
        .assign_course_by_name(&mut o.owner, draft, &["Vera Viewer".into()], None)
        .unwrap_err();
    assert!(err.to_string().contains("inactive"), "{err}");
    let err = o
        .desk
        .create_course(&mut o.owner, &CourseInput::new(tenant, "Ohne Fragen", "de"))
        .unwrap_err();
    assert!(err.to_string().contains("at least one question"), "{err}");
    let err = o
        .desk
        .assign_course_by_name(&mut o.owner, course, &["Niemand".into()], None)
        .unwrap_err();
    assert!(err.to_string().contains("Niemand"), "{err}");
    // Everyone of the tenant: Vera (the administrators are assigned by name).
    assert_eq!(
        o.desk
            .assign_course_to_tenant(&mut o.owner, course, None)
            .unwrap(),
        1
    );
    assert_eq!(
        o.desk.course_results(&mut o.owner, course).unwrap()[0].user_name,
        "Vera Viewer"
    );
}

#[test]
fn the_shipped_course_comes_in_both_languages_and_an_overdue_assignment_is_on_the_deadline_board() {
    let mut o = office();
    let de = o
        .desk
        .add_shipped_course(&mut o.owner, o.tenant, "de")
        .unwrap();
    let en = o
        .desk
        .add_shipped_course(&mut o.owner, o.tenant, "en")
        .unwrap();
    assert_eq!(de.data.name, "Datenschutz-Grundlagen für Beschäftigte");
    assert_eq!(en.data.language, "en");
    assert!(de.data.questions.len() >= 10);
    let _lea = learner(&mut o, "Lea Lernt", de.id, Some(day("2026-03-04")));

    let board = o.desk.deadlines(&mut o.owner, Some(o.tenant)).unwrap();
    let item = board
        .items
        .iter()
        .find(|i| i.kind == DeadlineKind::CourseAssignment)
        .unwrap();
    assert!(!item.overdue);
    assert!(item.title.contains("Lea Lernt"));

    o.f.clock.advance(Duration::days(3));
    o.owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
    let board = o.desk.deadlines(&mut o.owner, Some(o.tenant)).unwrap();
    let item = board
        .items
        .iter()
        .find(|i| i.kind == DeadlineKind::CourseAssignment)
        .unwrap();
    assert!(item.overdue, "due 4 March, today 5 March");
    let stats = o.desk.course_statistics(&mut o.owner, de.id).unwrap();
    assert_eq!(stats.overdue, 1);

    let csv = o
        .desk
        .export_course_results(&mut o.owner, o.tenant, Some(de.id), ExportFormat::Csv)
        .unwrap();
    let csv = String::from_utf8(csv.bytes).unwrap();
    assert!(csv.contains("Lea Lernt"), "{csv}");
    assert!(
        csv.contains("not started") || csv.contains("nicht begonnen"),
        "{csv}"
    );
}

#[test]
fn a_course_travels_in_tenant_files_and_copies_without_its_learners_and_comes_back_from_the_trash_with_them(
) {
    let mut o = office();
    let course = small_course(&mut o);
    let logo = o
        .desk
        .add_course_image(&mut o.owner, course, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .unwrap();
    assert!(o
        .desk
        .add_course_image(&mut o.owner, course, b"<svg/>")
        .is_err());
    let mut input = o.desk.course(&mut o.owner, course).unwrap().data;
    input.logo_image_id = Some(logo.id);
    input.pages[0].image_id = Some(logo.id);
    o.desk.update_course(&mut o.owner, course, &input).unwrap();
    let mut lea = learner(&mut o, "Lea Lernt", course, None);
    let assignment = o.desk.my_courses(&mut lea).unwrap()[0].id;
    o.desk.start_course(&mut lea, assignment).unwrap();

    // Tenant file: the content and the picture, not the assignment.
    let (doc, _) = o.desk.export_tenant(&mut o.owner, o.tenant).unwrap();
    assert_eq!(doc.courses.len(), 1);
    let imported = o.desk.import_tenant(&mut o.owner, &doc).unwrap();
    let copies = o.desk.courses(&mut o.owner, imported.id).unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!((copies[0].questions, copies[0].assigned), (4, 0));
    let copy = o.desk.course(&mut o.owner, copies[0].id).unwrap();
    let copied_logo = copy.data.logo_image_id.unwrap();
    assert_ne!(copied_logo, logo.id);
    assert_eq!(copy.data.pages[0].image_id, Some(copied_logo));

    // Data copy into a third tenant.
    let third = o
        .desk
        .create_tenant(&mut o.owner, "Drittes", false)
        .unwrap()
        .id;
    let summary = o
        .desk
        .copy_to_tenants(
            &mut o.owner,
            &CopyRequest {
                object: ObjectType::Course,
                ids: vec![course],
                targets: vec![third],
                parent: None,
            },
        )
        .unwrap();
    let new_id = summary.targets[0].ids[0];
    assert_eq!(
        o.desk.course_results(&mut o.owner, new_id).unwrap().len(),
        0
    );

    // Trash: the course goes with its assignment hidden, and both come back.
    o.desk.delete_courses(&mut o.owner, &[course]).unwrap();
    assert!(o.desk.my_courses(&mut lea).unwrap().is_empty());
    let entry = o
        .desk
        .trash(&mut o.owner)
        .unwrap()
        .into_iter()
        .find(|e| e.object_type == "course")
        .unwrap();
    o.desk.restore_from_trash(&mut o.owner, entry.id).unwrap();
    assert_eq!(
        o.desk.my_courses(&mut lea).unwrap()[0].state,
        AssignmentState::InProgress
    );
}

#[test]
fn the_courses_module_of_a_backup_brings_back_the_courses_and_results_of_its_day() {
    let mut o = office();
    let course = small_course(&mut o);
    let mut lea = learner(&mut o, "Lea Lernt", course, None);
    let assignment = o.desk.my_courses(&mut lea).unwrap()[0].id;
    let player = o.desk.start_course(&mut lea, assignment).unwrap();
    answer_all(&mut o, &mut lea, &player, course, 4);
    let folder = o.f.path().join("nas");
    std::fs::create_dir_all(&folder).unwrap();
    let file = o
        .desk
        .create_backup_in(&mut o.owner, &folder, &mut |_, _| {})
        .unwrap();

    // Afterwards: another learner assigned and a new course.
    let _ben = learner(&mut o, "Ben Bald", course, None);
    o.desk
        .create_course(
            &mut o.owner,
            &CourseInput {
                active: false,
                ..CourseInput::new(o.tenant, "Später", "de")
            },
        )
        .unwrap();
    o.desk
        .restore_backup(
            &mut o.owner,
            &file,
            Some(BackupModule::Courses(o.tenant)),
            &mut |_, _| {},
        )
        .unwrap();
    let list = o.desk.courses(&mut o.owner, o.tenant).unwrap();
    assert_eq!(list.len(), 1, "the later course is gone");
    assert_eq!(
        (list[0].assigned, list[0].passed),
        (1, 1),
        "the assignments of its day"
    );
    let code = o.desk.my_courses(&mut lea).unwrap()[0]
        .certificate_code
        .clone()
        .unwrap();
    assert!(o
        .desk
        .verify_certificate(&mut o.owner, &code)
        .unwrap()
        .is_some());
}

/// What poppler reads out of a PDF, with runs of white space as one space.
fn pdf_text(bytes: &[u8], dir: &std::path::Path, name: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf is installed");
    assert!(
        check.status.success(),
        "qpdf --check: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let fonts = std::process::Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout).to_string();
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "every font embedded: {fonts}"
    );
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_tenants_certificates_print_as_one_pdf_one_page_each_in_the_courses_language() {
    let mut o = office();
    let course = small_course(&mut o);
    let mut codes = Vec::new();
    for name in ["Lea Lernt", "Ben Bald"] {
        let mut s = learner(&mut o, name, course, None);
        let assignment = o.desk.my_courses(&mut s).unwrap()[0].id;
        let player = o.desk.start_course(&mut s, assignment).unwrap();
        answer_all(&mut o, &mut s, &player, course, 4);
        codes.push(
            o.desk.my_courses(&mut s).unwrap()[0]
                .certificate_code
                .clone()
                .unwrap(),
        );
    }
    let _nobody = learner(&mut o, "Nora Neu", course, None);
    let job = o
        .desk
        .prepare_report(
            &mut o.owner,
            &ReportRequest::Certificates {
                tenant_id: o.tenant,
                language: None,
            },
        )
        .unwrap();
    let file = job.render(Box::new(|_, _| true)).unwrap();
    let text = pdf_text(&file.bytes, o.f.path(), "certificates.pdf");
    for needle in [
        "Lea Lernt",
        "Ben Bald",
        "Datenschutz kompakt",
        "Kanzlei Sicher",
        "Bäckerei Schmidt",
        &codes[0],
        &codes[1],
    ] {
        assert!(text.contains(needle), "{needle} missing: {text}");
    }
    assert!(
        !text.contains("Nora Neu"),
        "only passed learners have a certificate"
    );
    // The owner's language is English; the tenant's certificates are in the user's
    // language, a learner's own in the course's.
    assert!(
        text.contains("Certificate") && text.contains("Page 2 of 2"),
        "{text}"
    );
    let mut lea = o.desk.sign_in("Lea Lernt", LEARNER_PW).unwrap();
    let assignment = o.desk.my_courses(&mut lea).unwrap()[0].id;
    let own = o
        .desk
        .prepare_report(
            &mut lea,
            &ReportRequest::Certificate {
                assignment_id: assignment,
                language: None,
            },
        )
        .unwrap()
        .render(Box::new(|_, _| true))
        .unwrap();
    let text = pdf_text(&own.bytes, o.f.path(), "own.pdf");
    assert!(
        text.contains("Zertifikat") && text.contains("Hiermit wird bestätigt"),
        "{text}"
    );
    assert!(!text.contains("Ben Bald"));
}

#[test]
fn a_deleted_tenant_with_courses_and_results_is_purged_after_30_days_and_the_app_opens() {
    let mut o = office();
    let course = small_course(&mut o);
    o.desk
        .add_course_image(&mut o.owner, course, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .unwrap();
    let mut lea = learner(&mut o, "Lea Lernt", course, None);
    let assignment = o.desk.my_courses(&mut lea).unwrap()[0].id;
    let player = o.desk.start_course(&mut lea, assignment).unwrap();
    answer_all(&mut o, &mut lea, &player, course, 4);
    o.desk.delete_tenant(&mut o.owner, o.tenant).unwrap();
    assert!(
        o.desk.my_courses(&mut lea).unwrap().is_empty(),
        "hidden with its tenant"
    );

    o.f.clock.advance(Duration::days(31));
    reopen(&o.f, &mut o.desk);
    let left: i64 = {
        let mut owner = o.desk.sign_in(OWNER, PASSWORD).unwrap();
        let folder = o.f.path().join("nas");
        std::fs::create_dir_all(&folder).unwrap();
        o.desk
            .create_backup_in(&mut owner, &folder, &mut |_, _| {})
            .unwrap();
        assert!(o.desk.trash(&mut owner).unwrap().is_empty(), "purged");
        o.desk.courses_everywhere(&mut owner).unwrap().len() as i64
    };
    assert_eq!(left, 0);
}

#[test]
fn a_learner_taken_off_the_tenant_no_longer_reaches_its_courses_or_certificates() {
    let mut o = office();
    let course = small_course(&mut o);
    let mut lea = learner(&mut o, "Lea Lernt", course, None);
    let assignment = o.desk.my_courses(&mut lea).unwrap()[0].id;
    let player = o.desk.start_course(&mut lea, assignment).unwrap();
    answer_all(&mut o, &mut lea, &player, course, 4);
    let other = o
        .desk
        .create_tenant(&mut o.owner, "Anderer Mandant", false)
        .unwrap()
        .id;
    o.desk
        .update_user_access(
            &mut o.owner,
            "Lea Lernt",
            &dpo_desk_core::access::users::UserAccess {
                roles: vec!["E-Learning".into()],
                tenants: vec![other],
            },
        )
        .unwrap();
    assert!(o.desk.my_courses(&mut lea).unwrap().is_empty());
    assert!(o.desk.open_course(&mut lea, assignment).is_err());
    assert!(o
        .desk
        .prepare_report(
            &mut lea,
            &ReportRequest::Certificate {
                assignment_id: assignment,
                language: None
            }
        )
        .is_err());
}

#[test]
fn editing_a_course_while_someone_takes_it_changes_nothing_of_their_attempt() {
    let mut o = office();
    let course = small_course(&mut o);
    let mut lea = learner(&mut o, "Lea Lernt", course, Some(day("2026-03-20")));
    let assignment = o.desk.my_courses(&mut lea).unwrap()[0].id;
    let player = o.desk.start_course(&mut lea, assignment).unwrap();
    let before = player.attempt.clone().unwrap();

    // The editor puts a new answer first in every question (every position moves) and then
    // drops every question but one.
    let mut input = o.desk.course(&mut o.owner, course).unwrap().data;
    for q in &mut input.questions {
        q.answers.insert(
            0,
            AnswerOption {
                text: "neu".into(),
                correct: true,
            },
        );
    }
    input.questions.truncate(1);
    o.desk.update_course(&mut o.owner, course, &input).unwrap();

    let again = o.desk.open_course(&mut lea, assignment).unwrap();
    assert_eq!(
        again.attempt.as_ref().unwrap().questions,
        before.questions,
        "asked as at the start"
    );
    // Answered right as the attempt asked them: 4 of 4 although the course changed.
    let mut s = lea;
    for q in &before.questions {
        let right: Vec<usize> = match q.text.as_str() {
            "Q1" => vec![0],
            "Q2" => vec![1, 2],
            "Q3" => vec![0],
            _ => vec![1],
        };
        o.desk
            .answer_question(&mut s, before.id, q.question_id, &right)
            .unwrap();
    }
    let done = o.desk.finish_attempt(&mut s, before.id).unwrap();
    assert_eq!(done.result.unwrap().score_percent, 100);
    let stats = o.desk.course_statistics(&mut o.owner, course).unwrap();
    assert_eq!(
        stats.hardest.len(),
        4,
        "the removed questions are still counted as asked"
    );
    assert!(stats.hardest.iter().all(|q| q.wrong == 0));

    // Assigning again without a date keeps the due date; a passed assignment stays.
    o.desk
        .assign_course_by_name(&mut o.owner, course, &["Lea Lernt".into()], None)
        .unwrap();
    let row = &o.desk.course_results(&mut o.owner, course).unwrap()[0];
    assert_eq!(row.due_on, Some(day("2026-03-20")));
    let err = o.desk.unassign_course(&mut o.owner, row.id).unwrap_err();
    assert!(err.to_string().contains("proof"), "{err}");
}
