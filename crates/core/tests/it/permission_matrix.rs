//! For every operation of the core and the right it needs: allowed with that right,
//! refused without it. The table below states the requirements independently of the
//! core's own list, and `expected` and `invoke` match every `Operation` exhaustively, so an
//! operation added without a row here does not compile.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::*;
use dpo_desk_core::access::operations::{Operation, Requirement};
use dpo_desk_core::access::roles::{Grant, RoleDefinition};
use dpo_desk_core::access::users::{NewUser, UserAccess};
use dpo_desk_core::domain::activities::{
    ActivityInput, ActivityRole, ActivityStatus, MassChange, MassField,
};
use dpo_desk_core::domain::areas::{AreaField, AreaInput};
use dpo_desk_core::domain::breaches::{BreachField, BreachInput, BreachStatus};
use dpo_desk_core::domain::companies::{CompanyField, CompanyInput};
use dpo_desk_core::domain::courses::{AnswerOption, CourseInput, CourseQuestion};
use dpo_desk_core::domain::documents::DocumentInput;
use dpo_desk_core::domain::dpias::check::CheckInput;
use dpo_desk_core::domain::dpias::must_list::MustEntry;
use dpo_desk_core::domain::dpias::{DpiaStatus, Validation};
use dpo_desk_core::domain::master_data::{MasterField, MasterItemInput, MasterKind};
use dpo_desk_core::domain::processor_agreements::AgreementInput;
use dpo_desk_core::domain::requests::{RequestField, RequestInput, RequestKind, RequestStatus};
use dpo_desk_core::domain::tenants::TenantField;
use dpo_desk_core::domain::toms::{
    ProtectionType, ReviewInput, TomCopyTarget, TomField, TomFilter, TomInput, TomStatus,
};
use dpo_desk_core::kernel::vocabulary::{ObjectType, Permission, Right};
use dpo_desk_core::services::backup::BackupModule;
use dpo_desk_core::services::data_copy::CopyRequest;
use dpo_desk_core::services::exports::ExportFormat;
use dpo_desk_core::services::generators::imprint::ImprintForm;
use dpo_desk_core::services::reports::ReportRequest;
use dpo_desk_core::store::settings::SettingKey;
use dpo_desk_core::{CoreError, CoreResult, Desk, Session};

const STAFF_PW: &str = "Mitarbeiter-2026!";
static SEQ: AtomicUsize = AtomicUsize::new(0);

fn unique(prefix: &str) -> String {
    format!("{prefix} {}", SEQ.fetch_add(1, Ordering::Relaxed))
}

struct Ctx {
    tenant: i64,
    role: String,
    role_id: i64,
    company: i64,
    area: i64,
    activity: i64,
}

fn activity_input(ctx: &Ctx, name: &str) -> ActivityInput {
    ActivityInput {
        responsible: "Personalleitung".into(),
        purposes: "Lohnabrechnung".into(),
        ..ActivityInput::new(ctx.area, name)
    }
}

fn item_input(kind: MasterKind, name: &str) -> MasterItemInput {
    MasterItemInput::named(kind, name)
}

/// Lets the staff user open one more tenant (as the administrator would).
fn give_tenant(desk: &mut Desk, staff: &str, tenant: i64) {
    let mut admin = desk_admin(desk);
    let user = desk
        .users(&mut admin)
        .unwrap()
        .into_iter()
        .find(|u| u.name == staff)
        .unwrap();
    let mut tenants = user.tenants.clone();
    tenants.push(tenant);
    desk.update_user_access(
        &mut admin,
        staff,
        &UserAccess {
            roles: user.roles,
            tenants,
        },
    )
    .unwrap();
}

/// A fresh record of the object type in the trash, put there by the administrator, that the
/// staff user can see; returns the trash entry.
fn trashed(desk: &mut Desk, ctx: &Ctx, staff: &str, object: ObjectType) -> i64 {
    let mut admin = desk_admin(desk);
    match object {
        ObjectType::Tenant => {
            let t = desk
                .create_tenant(&mut admin, &unique("Trashed tenant"), false)
                .unwrap()
                .id;
            give_tenant(desk, staff, t);
            desk.delete_tenant(&mut admin, t).unwrap()
        }
        ObjectType::Company => {
            let c = desk
                .create_company(
                    &mut admin,
                    ctx.tenant,
                    &company_input(&unique("Trashed GmbH")),
                )
                .unwrap()
                .id;
            desk.delete_company(&mut admin, c).unwrap()
        }
        ObjectType::Area => {
            let a = desk.create_area(
                &mut admin,
                &AreaInput {
                    company_id: ctx.company,
                    name: unique("Trashed"),
                    description: String::new(),
                },
            );
            desk.delete_area(&mut admin, a.unwrap().id).unwrap()
        }
        ObjectType::ProcessingActivity => {
            let a = desk
                .create_activity(&mut admin, &activity_input(ctx, &unique("Trashed")))
                .unwrap()
                .id;
            desk.delete_activities(&mut admin, &[a]).unwrap()[0]
        }
        ObjectType::Tom => {
            let t = fresh_tom(desk, ctx);
            desk.delete_toms(&mut admin, &[t], false).unwrap()[0]
        }
        ObjectType::Dpia => {
            let d = fresh_dpia(desk, ctx);
            desk.delete_dpias(&mut admin, &[d]).unwrap()[0]
        }
        ObjectType::Request => {
            let r = fresh_request(desk, ctx);
            desk.delete_requests(&mut admin, &[r]).unwrap()[0]
        }
        ObjectType::Breach => {
            let b = fresh_breach(desk, ctx);
            desk.delete_breaches(&mut admin, &[b]).unwrap()[0]
        }
        ObjectType::ProcessorAgreement => {
            let g = fresh_agreement(desk, ctx);
            desk.delete_processor_agreements(&mut admin, &[g]).unwrap()[0]
        }
        ObjectType::Course => {
            let c = fresh_course(desk, ctx);
            desk.delete_courses(&mut admin, &[c]).unwrap()[0]
        }
        ObjectType::Document => {
            let d = fresh_document(desk, ctx);
            desk.delete_documents(&mut admin, &[d]).unwrap()[0]
        }
        other => {
            let kind = MasterKind::parse(other.as_str()).unwrap();
            let i = desk
                .create_master_item(
                    &mut admin,
                    ctx.tenant,
                    &item_input(kind, &unique("Trashed")),
                )
                .unwrap()
                .id;
            desk.delete_master_item(&mut admin, kind, i).unwrap()
        }
    }
}

/// A file of its own in a scratch folder, for documents to be added from.
fn scratch_file(name: &str, content: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "dpo-desk-matrix-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    if !content.is_empty() {
        std::fs::write(&path, content).unwrap();
    }
    path
}

/// A new document at the root of the matrix tenant, added by the administrator.
fn fresh_document(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    let file = scratch_file(&format!("{}.pdf", unique("AVV")), b"%PDF-1.7 matrix");
    desk.add_document_file(&mut admin, ctx.tenant, None, &file)
        .unwrap()
        .document
        .id
}

/// A new top-level folder of the matrix tenant, made by the administrator.
fn fresh_folder(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    desk.create_document_folder(&mut admin, ctx.tenant, None, &unique("Ordner"))
        .unwrap()
        .id
}

/// A new own measure of the matrix tenant, made by the administrator.
fn fresh_tom(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    desk.create_tom(
        &mut admin,
        &TomInput::new(
            ctx.tenant,
            ProtectionType::Input,
            &unique("Protokollierung"),
        ),
    )
    .unwrap()
    .id
}

fn request_input(ctx: &Ctx) -> RequestInput {
    RequestInput::new(
        ctx.tenant,
        RequestKind::Access,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 20).unwrap(),
        &unique("Max Muster"),
    )
}

fn breach_input(ctx: &Ctx) -> BreachInput {
    BreachInput::new(
        ctx.tenant,
        t0() - chrono::Duration::hours(3),
        &unique("Laptop verloren"),
    )
}

fn agreement_input(desk: &mut Desk, ctx: &Ctx) -> AgreementInput {
    let mut admin = desk_admin(desk);
    let processor = desk
        .create_master_item(
            &mut admin,
            ctx.tenant,
            &item_input(MasterKind::Processor, &unique("Cloud GmbH")),
        )
        .unwrap()
        .id;
    AgreementInput {
        tenant_id: ctx.tenant,
        processor_id: processor,
        subject: unique("Hosting"),
        signed_on: None,
        sub_processors: String::new(),
        tom_check_on: None,
        tom_check_result: String::new(),
        next_review: None,
        notes: String::new(),
        editor_id: None,
        activity_ids: vec![],
        countries: vec![],
    }
}

fn fresh_request(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    desk.create_request(&mut admin, &request_input(ctx))
        .unwrap()
        .id
}

fn fresh_breach(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    desk.create_breach(&mut admin, &breach_input(ctx))
        .unwrap()
        .id
}

fn fresh_agreement(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let input = agreement_input(desk, ctx);
    let mut admin = desk_admin(desk);
    desk.create_processor_agreement(&mut admin, &input)
        .unwrap()
        .id
}

/// A new activity of the matrix area with a DPIA started by the administrator; returns the
/// DPIA's id.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn course_input(ctx: &Ctx) -> CourseInput {
    CourseInput {
        questions: vec![CourseQuestion {
            id: None,
            text: "Wer ist verantwortlich?".into(),
            explanation: String::new(),
            answers: vec![
                AnswerOption {
                    text: "Wir".into(),
                    correct: true,
                },
                AnswerOption {
                    text: "Niemand".into(),
                    correct: false,
                },
            ],
        }],
        ..CourseInput::new(ctx.tenant, &unique("Grundlagen"), "de")
    }
}

fn fresh_course(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    desk.create_course(&mut admin, &course_input(ctx))
        .unwrap()
        .id
}

/// A fresh course assigned to the user `name` by the administrator; returns the
/// assignment, or 0 when the user can no longer be given one (deactivated: the operation's
/// gate must then refuse before the id matters).
fn assigned_to(desk: &mut Desk, ctx: &Ctx, name: &str) -> i64 {
    let course = fresh_course(desk, ctx);
    let mut admin = desk_admin(desk);
    if desk
        .assign_course_by_name(&mut admin, course, &[name.to_string()], None)
        .is_err()
    {
        return 0;
    }
    desk.course_results(&mut admin, course).unwrap()[0].id
}

/// Takes the one-question course of the assignment and answers it right.
fn pass(desk: &mut Desk, s: &mut Session, assignment: i64) -> CoreResult<()> {
    let player = desk.start_course(s, assignment)?;
    let attempt = player.attempt.expect("an attempt");
    let question = attempt.questions[0].question_id;
    desk.answer_question(s, attempt.id, question, &[0])?;
    desk.finish_attempt(s, attempt.id).map(drop)
}

fn fresh_dpia(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    let activity = desk
        .create_activity(
            &mut admin,
            &activity_input(ctx, &unique("Videoüberwachung")),
        )
        .unwrap()
        .id;
    desk.start_dpia(&mut admin, activity).unwrap().id
}

fn fresh_activity(desk: &mut Desk, ctx: &Ctx) -> i64 {
    let mut admin = desk_admin(desk);
    desk.create_activity(&mut admin, &activity_input(ctx, &unique("Kundenkartei")))
        .unwrap()
        .id
}

/// A record of `object` made by the administrator and changed once, so its first version
/// differs from the current one; returns its id.
fn changed_once(desk: &mut Desk, ctx: &Ctx, object: ObjectType) -> i64 {
    let mut admin = desk_admin(desk);
    let a = &mut admin;
    match object {
        ObjectType::Company => {
            let id = desk
                .create_company(a, ctx.tenant, &company_input(&unique("Vorher GmbH")))
                .unwrap()
                .id;
            desk.update_company(a, id, &company_input(&unique("Nachher GmbH")))
                .unwrap();
            id
        }
        ObjectType::Area => {
            let area = |name: String| AreaInput {
                company_id: ctx.company,
                name,
                description: String::new(),
            };
            let id = desk.create_area(a, &area(unique("Vorher"))).unwrap().id;
            desk.update_area(a, id, &area(unique("Nachher"))).unwrap();
            id
        }
        ObjectType::ProcessingActivity => {
            let id = fresh_activity(desk, ctx);
            desk.update_activity(a, id, &activity_input(ctx, &unique("Nachher")))
                .unwrap();
            id
        }
        ObjectType::Tom => {
            let id = fresh_tom(desk, ctx);
            let input = TomInput::new(ctx.tenant, ProtectionType::Input, &unique("Nachher"));
            desk.update_tom(a, id, &input).unwrap();
            id
        }
        ObjectType::Dpia => {
            let id = fresh_dpia(desk, ctx);
            // Saved twice: the start logs only a part, the first save is the state to go back to.
            let mut input = desk.dpia(a, id).unwrap().data;
            input.description = unique("Vorher");
            desk.update_dpia(a, id, &input).unwrap();
            input.description = unique("Nachher");
            desk.update_dpia(a, id, &input).unwrap();
            id
        }
        ObjectType::Request => {
            let id = fresh_request(desk, ctx);
            desk.update_request(a, id, &request_input(ctx)).unwrap();
            id
        }
        ObjectType::Breach => {
            let id = fresh_breach(desk, ctx);
            desk.update_breach(a, id, &breach_input(ctx)).unwrap();
            id
        }
        ObjectType::ProcessorAgreement => {
            let input = agreement_input(desk, ctx);
            let id = desk.create_processor_agreement(a, &input).unwrap().id;
            let changed = AgreementInput {
                subject: unique("Nachher"),
                ..input
            };
            desk.update_processor_agreement(a, id, &changed).unwrap();
            id
        }
        other => {
            let kind = MasterKind::parse(other.as_str()).unwrap();
            let id = desk
                .create_master_item(a, ctx.tenant, &item_input(kind, &unique("Vorher")))
                .unwrap()
                .id;
            desk.update_master_item(a, id, &item_input(kind, &unique("Nachher")))
                .unwrap();
            id
        }
    }
}

fn company_input(name: &str) -> CompanyInput {
    CompanyInput {
        name: name.into(),
        is_controller: true,
        ..Default::default()
    }
}

/// What each operation must require (SPEC §8): the test's own statement, checked against
/// what the core enforces.
fn expected(op: Operation) -> Requirement {
    let right = |object, right| Requirement::Right(Permission::new(object, right));
    match op {
        Operation::TouchSession
        | Operation::SessionInfo
        | Operation::RefreshSession
        | Operation::ChangePassword
        | Operation::SetLanguage
        | Operation::Status
        | Operation::Dashboard
        | Operation::ListTenants
        | Operation::SetCurrentTenant
        | Operation::TenantOverview
        | Operation::Search
        | Operation::ListTrash
        | Operation::BackupReminder => Requirement::SignedIn,
        Operation::ViewSettings => right(ObjectType::Settings, Right::View),
        Operation::EditSettings => right(ObjectType::Settings, Right::Edit),
        Operation::ViewAuditLog => right(ObjectType::AuditLog, Right::View),
        Operation::ExportAuditLog => right(ObjectType::AuditLog, Right::Export),
        Operation::CreateTenant | Operation::ImportTenant => {
            right(ObjectType::Tenant, Right::Create)
        }
        Operation::UpdateTenant => right(ObjectType::Tenant, Right::Edit),
        Operation::DeleteTenant => right(ObjectType::Tenant, Right::Delete),
        Operation::ExportTenant | Operation::ExportTenantList => {
            right(ObjectType::Tenant, Right::Export)
        }
        Operation::MassChangeTenants => right(ObjectType::Tenant, Right::MassChange),
        Operation::UpdateArea => right(ObjectType::Area, Right::Edit),
        Operation::CopyAreas => right(ObjectType::Area, Right::Copy),
        Operation::MassChangeAreas => right(ObjectType::Area, Right::MassChange),
        Operation::ExportAreas => right(ObjectType::Area, Right::Export),
        Operation::DeleteCompany => right(ObjectType::Company, Right::Delete),
        Operation::CopyCompanies => right(ObjectType::Company, Right::Copy),
        Operation::MassChangeCompanies => right(ObjectType::Company, Right::MassChange),
        Operation::ExportCompanies => right(ObjectType::Company, Right::Export),
        Operation::ShowWebsiteTexts | Operation::GenerateWebsiteText => {
            right(ObjectType::Company, Right::View)
        }
        Operation::SaveWebsiteText => right(ObjectType::Company, Right::Edit),
        Operation::DeleteArea => right(ObjectType::Area, Right::Delete),
        Operation::DeleteActivities => right(ObjectType::ProcessingActivity, Right::Delete),
        Operation::CopyActivities => right(ObjectType::ProcessingActivity, Right::Copy),
        Operation::MassChangeActivities => right(ObjectType::ProcessingActivity, Right::MassChange),
        Operation::ExportActivities => right(ObjectType::ProcessingActivity, Right::Export),
        Operation::ListAttachments => right(ObjectType::ProcessingActivity, Right::View),
        Operation::AddAttachment | Operation::RemoveAttachment => {
            right(ObjectType::ProcessingActivity, Right::Edit)
        }
        Operation::ListMasterItems(kind) => right(kind.object(), Right::View),
        Operation::CreateMasterItem(kind) => right(kind.object(), Right::Create),
        Operation::UpdateMasterItem(kind) => right(kind.object(), Right::Edit),
        Operation::DeleteMasterItem(kind) => right(kind.object(), Right::Delete),
        Operation::ExportMasterItems(kind) => right(kind.object(), Right::Export),
        Operation::CopyMasterItems(kind) => right(kind.object(), Right::Copy),
        Operation::MassChangeMasterItems(kind) => right(kind.object(), Right::MassChange),
        Operation::RestoreFromTrash(object) => right(object, Right::Delete),
        Operation::ListToms | Operation::ShowTom => right(ObjectType::Tom, Right::View),
        Operation::CreateTom => right(ObjectType::Tom, Right::Create),
        Operation::UpdateTom | Operation::ReviewTom | Operation::LinkTomActivities => {
            right(ObjectType::Tom, Right::Edit)
        }
        Operation::DeleteToms => right(ObjectType::Tom, Right::Delete),
        Operation::CopyToms => right(ObjectType::Tom, Right::Copy),
        Operation::CopyTomsToTenant => right(ObjectType::Tom, Right::TenantCopy),
        Operation::MassChangeToms => right(ObjectType::Tom, Right::MassChange),
        Operation::ExportToms => right(ObjectType::Tom, Right::Export),
        Operation::DueTomReviews => Requirement::SignedIn,
        Operation::ListRequests | Operation::ShowRequest | Operation::ReadRequestAttachment => {
            right(ObjectType::Request, Right::View)
        }
        Operation::CreateRequest => right(ObjectType::Request, Right::Create),
        Operation::UpdateRequest
        | Operation::AddRequestAttachment
        | Operation::RemoveRequestAttachment => right(ObjectType::Request, Right::Edit),
        Operation::DeleteRequests => right(ObjectType::Request, Right::Delete),
        Operation::MassChangeRequests => right(ObjectType::Request, Right::MassChange),
        Operation::ExportRequests => right(ObjectType::Request, Right::Export),
        Operation::ListBreaches | Operation::ShowBreach | Operation::ReadBreachAttachment => {
            right(ObjectType::Breach, Right::View)
        }
        Operation::CreateBreach => right(ObjectType::Breach, Right::Create),
        Operation::UpdateBreach
        | Operation::AddBreachAttachment
        | Operation::RemoveBreachAttachment => right(ObjectType::Breach, Right::Edit),
        Operation::DeleteBreaches => right(ObjectType::Breach, Right::Delete),
        Operation::MassChangeBreaches => right(ObjectType::Breach, Right::MassChange),
        Operation::ExportBreaches => right(ObjectType::Breach, Right::Export),
        Operation::PrintBreach => right(ObjectType::Breach, Right::Print),
        Operation::ListDocuments | Operation::ShowDocument | Operation::OpenDocument => {
            right(ObjectType::Document, Right::View)
        }
        Operation::SaveDocumentCopy | Operation::ExportDocuments => {
            right(ObjectType::Document, Right::Export)
        }
        Operation::AddDocument | Operation::CreateFolder => {
            right(ObjectType::Document, Right::Create)
        }
        Operation::UpdateDocument
        | Operation::AddDocumentVersion
        | Operation::RestoreDocumentVersion
        | Operation::LinkDocument
        | Operation::RenameFolder
        | Operation::MoveFolder => right(ObjectType::Document, Right::Edit),
        Operation::DeleteDocuments | Operation::DeleteFolder => {
            right(ObjectType::Document, Right::Delete)
        }
        Operation::SetDocumentQuota => Requirement::Admin,
        Operation::ListAgreements
        | Operation::ShowAgreement
        | Operation::ReadAgreementAttachment => right(ObjectType::ProcessorAgreement, Right::View),
        Operation::CreateAgreement => right(ObjectType::ProcessorAgreement, Right::Create),
        Operation::UpdateAgreement
        | Operation::AddAgreementAttachment
        | Operation::RemoveAgreementAttachment => {
            right(ObjectType::ProcessorAgreement, Right::Edit)
        }
        Operation::DeleteAgreements => right(ObjectType::ProcessorAgreement, Right::Delete),
        Operation::ExportAgreements => right(ObjectType::ProcessorAgreement, Right::Export),
        Operation::Deadlines | Operation::DeadlineAlerts => Requirement::SignedIn,
        Operation::ListCourses
        | Operation::ShowCourse
        | Operation::CourseStatistics
        | Operation::VerifyCertificate => right(ObjectType::Course, Right::View),
        Operation::CreateCourse | Operation::AddShippedCourse => {
            right(ObjectType::Course, Right::Create)
        }
        Operation::UpdateCourse
        | Operation::AddCourseImage
        | Operation::AssignCourse
        | Operation::UnassignCourse => right(ObjectType::Course, Right::Edit),
        Operation::DeleteCourses => right(ObjectType::Course, Right::Delete),
        Operation::ExportCourses | Operation::ExportCourseResults => {
            right(ObjectType::Course, Right::Export)
        }
        Operation::PrintCertificates => right(ObjectType::Course, Right::Print),
        Operation::MyCourses
        | Operation::TakeCourse
        | Operation::SaveOwnCertificate
        | Operation::ReadCourseImage => Requirement::SignedIn,
        Operation::InviteLearner => Requirement::Admin,
        Operation::ShowDpiaCheck | Operation::ListDpias | Operation::ShowDpia => {
            right(ObjectType::Dpia, Right::View)
        }
        Operation::CheckDpia | Operation::UpdateDpia | Operation::ValidateDpia => {
            right(ObjectType::Dpia, Right::Edit)
        }
        Operation::StartDpia | Operation::NewDpiaVersion | Operation::ImportCnil => {
            right(ObjectType::Dpia, Right::Create)
        }
        Operation::DeleteDpias => right(ObjectType::Dpia, Right::Delete),
        Operation::ExportDpias | Operation::ExportCnil => right(ObjectType::Dpia, Right::Export),
        Operation::PrintRopa => right(ObjectType::ProcessingActivity, Right::Print),
        Operation::PrintToms => right(ObjectType::Tom, Right::Print),
        Operation::PrintDpia => right(ObjectType::Dpia, Right::Print),
        Operation::SaveMustEntry | Operation::RemoveMustEntry | Operation::UpdateRiskMatrix => {
            right(ObjectType::Settings, Right::Edit)
        }
        Operation::RiskMatrix | Operation::DpiaOverview => Requirement::SignedIn,
        Operation::CopyTenant => Requirement::Admin,
        Operation::CreateFromTemplate => right(ObjectType::Tenant, Right::Create),
        Operation::CopyToTenants(object) => right(object, Right::TenantCopy),
        Operation::ShowHistory(object) => right(object, Right::View),
        Operation::RestoreVersion(object) => right(object, Right::Edit),
        Operation::ListCompanies => right(ObjectType::Company, Right::View),
        Operation::CreateCompany => right(ObjectType::Company, Right::Create),
        Operation::UpdateCompany => right(ObjectType::Company, Right::Edit),
        Operation::ListAreas => right(ObjectType::Area, Right::View),
        Operation::CreateArea => right(ObjectType::Area, Right::Create),
        Operation::ListActivities | Operation::ShowActivity | Operation::ListEditors => {
            right(ObjectType::ProcessingActivity, Right::View)
        }
        Operation::CreateActivity => right(ObjectType::ProcessingActivity, Right::Create),
        Operation::UpdateActivity => right(ObjectType::ProcessingActivity, Right::Edit),
        Operation::CreateRole
        | Operation::UpdateRole
        | Operation::ListRoles
        | Operation::ShowRole
        | Operation::CreateUser
        | Operation::ListUsers
        | Operation::UpdateUserAccess
        | Operation::DeactivateUser
        | Operation::BrowseBackup => Requirement::Admin,
        Operation::ListBackups | Operation::VerifyBackup => right(ObjectType::Backup, Right::View),
        Operation::CreateBackup => right(ObjectType::Backup, Right::Create),
        Operation::DownloadBackup => right(ObjectType::Backup, Right::Export),
        Operation::DeleteBackup => right(ObjectType::Backup, Right::Delete),
        Operation::RestoreBackup | Operation::BackupCsv | Operation::RecoverySheet => {
            Requirement::Owner
        }
    }
}

/// One backup inside the app, made by the owner after the others were deleted (at most 7
/// are kept, and the matrix makes many).
fn fresh_backup(desk: &mut Desk) -> i64 {
    let mut owner = desk_admin(desk);
    for old in desk.backups(&mut owner).unwrap() {
        desk.delete_backup(&mut owner, old.id).unwrap();
    }
    desk.create_backup(&mut owner, &mut |_, _| {}).unwrap().id
}

/// A backup file outside the app, made by the owner.
fn outside_backup(desk: &mut Desk) -> std::path::PathBuf {
    let mut owner = desk_admin(desk);
    let folder = desk.data_dir().join("outside");
    std::fs::create_dir_all(&folder).unwrap();
    desk.create_backup_in(&mut owner, &folder, &mut |_, _| {})
        .unwrap()
}

/// Runs the operation the way a client would, with valid input, so only the gate can refuse.
fn invoke(desk: &mut Desk, s: &mut Session, op: Operation, ctx: &Ctx) -> CoreResult<()> {
    match op {
        Operation::TouchSession => desk.touch(s),
        Operation::SessionInfo => desk.session_info(s).map(drop),
        Operation::RefreshSession => desk.refresh_session(s).map(drop),
        Operation::ChangePassword => desk.change_password(s, STAFF_PW, "Ein-anderes-Passwort-1"),
        Operation::SetLanguage => desk.set_language(s, "de"),
        Operation::Status => desk.status(s).map(drop),
        Operation::Dashboard => desk.dashboard(s).map(drop),
        Operation::ListTenants => desk
            .tenants(s)
            .and_then(|_| desk.tenant_summaries(s))
            .map(drop),
        Operation::SetCurrentTenant => desk.set_current_tenant(s, ctx.tenant).map(drop),
        Operation::TenantOverview => desk.tenant_overview(s, ctx.tenant).map(drop),
        Operation::Search => desk.search(s, ctx.tenant, "Lohn").map(drop),
        Operation::ListTrash => desk.trash(s).map(drop),
        Operation::UpdateTenant => desk
            .update_tenant(s, ctx.tenant, "Matrix tenant", false)
            .map(drop),
        Operation::DeleteTenant => {
            let mut admin = desk_admin(desk);
            let t = desk
                .create_tenant(&mut admin, &unique("Doomed"), false)
                .unwrap()
                .id;
            give_tenant(desk, s.user_name(), t);
            desk.delete_tenant(s, t).map(drop)
        }
        Operation::ExportTenant => desk.export_tenant(s, ctx.tenant).map(drop),
        Operation::ExportTenantList => desk.export_tenant_list(s, ExportFormat::Csv).map(drop),
        Operation::MassChangeTenants => desk
            .mass_change_tenants(s, &[ctx.tenant], TenantField::IsTemplate(false))
            .map(drop),
        Operation::UpdateArea => desk
            .update_area(
                s,
                ctx.area,
                &AreaInput {
                    company_id: ctx.company,
                    name: "Personal".into(),
                    description: unique("Beschreibung"),
                },
            )
            .map(drop),
        Operation::CopyAreas => desk.copy_areas(s, &[ctx.area], " (copy)").map(drop),
        Operation::MassChangeAreas => desk
            .mass_change_areas(s, &[ctx.area], &AreaField::Description(unique("geprüft")))
            .map(drop),
        Operation::ExportAreas => desk
            .export_areas(s, ctx.tenant, ExportFormat::Json)
            .map(drop),
        Operation::ListToms => desk.toms(s, ctx.tenant, &TomFilter::default()).map(drop),
        Operation::ShowTom => {
            let t = fresh_tom(desk, ctx);
            desk.tom(s, t).map(drop)
        }
        Operation::CreateTom => desk
            .create_tom(
                s,
                &TomInput::new(
                    ctx.tenant,
                    ProtectionType::Transfer,
                    &unique("Verschlüsselung"),
                ),
            )
            .map(drop),
        Operation::UpdateTom => {
            let t = fresh_tom(desk, ctx);
            let input = TomInput {
                implementation: unique("So machen wir es"),
                ..TomInput::new(ctx.tenant, ProtectionType::Input, &unique("Protokolle"))
            };
            desk.update_tom(s, t, &input).map(drop)
        }
        Operation::ReviewTom => {
            let t = fresh_tom(desk, ctx);
            let review = ReviewInput {
                reviewed_on: None,
                reviewer: String::new(),
                result: "wirksam".into(),
                next_review: None,
            };
            desk.review_tom(s, t, &review).map(drop)
        }
        Operation::LinkTomActivities => {
            let t = fresh_tom(desk, ctx);
            desk.link_tom_activities(s, t, &[ctx.activity]).map(drop)
        }
        Operation::DeleteToms => {
            let t = fresh_tom(desk, ctx);
            desk.delete_toms(s, &[t], false).map(drop)
        }
        Operation::CopyToms => {
            let t = fresh_tom(desk, ctx);
            desk.copy_toms(s, &[t], " (copy)").map(drop)
        }
        Operation::CopyTomsToTenant => {
            let t = fresh_tom(desk, ctx);
            let mut admin = desk_admin(desk);
            let target = desk
                .create_tenant(&mut admin, &unique("Copy target"), false)
                .unwrap()
                .id;
            give_tenant(desk, s.user_name(), target);
            desk.copy_toms_to_tenant(
                s,
                &[t],
                &TomCopyTarget {
                    tenant_id: target,
                    company_id: None,
                },
            )
            .map(drop)
        }
        Operation::MassChangeToms => {
            let t = fresh_tom(desk, ctx);
            desk.mass_change_toms(s, &[t], &TomField::Status(TomStatus::Active))
                .map(drop)
        }
        Operation::ExportToms => desk.export_toms(s, ctx.tenant, ExportFormat::Csv).map(drop),
        Operation::DueTomReviews => desk.due_tom_reviews(s, 10).map(drop),
        Operation::ListRequests => desk.requests(s, ctx.tenant).map(drop),
        Operation::ShowRequest => {
            let r = fresh_request(desk, ctx);
            desk.request(s, r).map(drop)
        }
        Operation::CreateRequest => desk.create_request(s, &request_input(ctx)).map(drop),
        Operation::UpdateRequest => {
            let r = fresh_request(desk, ctx);
            let input = RequestInput {
                notes: unique("Rückruf"),
                ..request_input(ctx)
            };
            desk.update_request(s, r, &input).map(drop)
        }
        Operation::DeleteRequests => {
            let r = fresh_request(desk, ctx);
            desk.delete_requests(s, &[r]).map(drop)
        }
        Operation::MassChangeRequests => {
            let r = fresh_request(desk, ctx);
            desk.mass_change_requests(s, &[r], &RequestField::Status(RequestStatus::InProgress))
                .map(drop)
        }
        Operation::ExportRequests => desk
            .export_requests(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::ReadRequestAttachment => {
            let r = fresh_request(desk, ctx);
            let mut admin = desk_admin(desk);
            let f = desk
                .add_record_attachment(&mut admin, ObjectType::Request, r, "brief.pdf", b"%PDF")
                .unwrap();
            desk.record_attachment_content(s, ObjectType::Request, f.id)
                .map(drop)
        }
        Operation::AddRequestAttachment => {
            let r = fresh_request(desk, ctx);
            desk.add_record_attachment(s, ObjectType::Request, r, "brief.pdf", b"%PDF")
                .map(drop)
        }
        Operation::RemoveRequestAttachment => {
            let r = fresh_request(desk, ctx);
            let mut admin = desk_admin(desk);
            let f = desk
                .add_record_attachment(&mut admin, ObjectType::Request, r, "brief.pdf", b"%PDF")
                .unwrap();
            desk.remove_record_attachment(s, ObjectType::Request, f.id)
                .map(drop)
        }
        Operation::ListBreaches => desk.breaches(s, ctx.tenant).map(drop),
        Operation::ShowBreach => {
            let b = fresh_breach(desk, ctx);
            desk.breach(s, b).map(drop)
        }
        Operation::CreateBreach => desk.create_breach(s, &breach_input(ctx)).map(drop),
        Operation::UpdateBreach => {
            let b = fresh_breach(desk, ctx);
            let input = BreachInput {
                description: unique("Im Zug vergessen"),
                ..breach_input(ctx)
            };
            desk.update_breach(s, b, &input).map(drop)
        }
        Operation::DeleteBreaches => {
            let b = fresh_breach(desk, ctx);
            desk.delete_breaches(s, &[b]).map(drop)
        }
        Operation::MassChangeBreaches => {
            let b = fresh_breach(desk, ctx);
            desk.mass_change_breaches(s, &[b], &BreachField::Status(BreachStatus::Open))
                .and_then(|_| desk.mass_change_breaches(s, &[b], &BreachField::Editor(None)))
                .map(drop)
        }
        Operation::ExportBreaches => desk
            .export_breaches(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::PrintBreach => {
            let b = fresh_breach(desk, ctx);
            desk.prepare_report(
                s,
                &ReportRequest::Breach {
                    breach_id: b,
                    language: None,
                },
            )
            .map(drop)
        }
        Operation::ReadBreachAttachment => {
            let b = fresh_breach(desk, ctx);
            let mut admin = desk_admin(desk);
            let f = desk
                .add_record_attachment(&mut admin, ObjectType::Breach, b, "meldung.pdf", b"%PDF")
                .unwrap();
            desk.record_attachment_content(s, ObjectType::Breach, f.id)
                .map(drop)
        }
        Operation::AddBreachAttachment => {
            let b = fresh_breach(desk, ctx);
            desk.add_record_attachment(s, ObjectType::Breach, b, "meldung.pdf", b"%PDF")
                .map(drop)
        }
        Operation::RemoveBreachAttachment => {
            let b = fresh_breach(desk, ctx);
            let mut admin = desk_admin(desk);
            let f = desk
                .add_record_attachment(&mut admin, ObjectType::Breach, b, "meldung.pdf", b"%PDF")
                .unwrap();
            desk.remove_record_attachment(s, ObjectType::Breach, f.id)
                .map(drop)
        }
        Operation::ListDocuments => desk.documents(s, ctx.tenant, None, None).map(drop),
        Operation::ShowDocument => {
            let d = fresh_document(desk, ctx);
            desk.document(s, d).map(drop)
        }
        Operation::OpenDocument => {
            let d = fresh_document(desk, ctx);
            desk.read_document(s, d, None, &mut Vec::new()).map(drop)
        }
        Operation::SaveDocumentCopy => {
            let d = fresh_document(desk, ctx);
            let to = scratch_file(&unique("Kopie"), b"");
            desk.save_document_copy(s, d, None, &to).map(drop)
        }
        Operation::AddDocument => {
            let file = scratch_file(&format!("{}.pdf", unique("Vertrag")), b"%PDF-1.7");
            desk.add_document_file(s, ctx.tenant, None, &file).map(drop)
        }
        Operation::UpdateDocument => {
            let d = fresh_document(desk, ctx);
            let input = DocumentInput {
                name: unique("Umbenannt"),
                folder_id: None,
                description: "Unterschrieben".into(),
                tags: vec!["AVV".into()],
                links: vec![],
            };
            desk.update_document(s, d, &input).map(drop)
        }
        Operation::AddDocumentVersion => {
            let d = fresh_document(desk, ctx);
            let file = scratch_file("Neue Fassung.pdf", b"%PDF-1.7 neu");
            desk.add_document_version(s, d, &file).map(drop)
        }
        Operation::RestoreDocumentVersion => {
            let d = fresh_document(desk, ctx);
            let mut admin = desk_admin(desk);
            let name = desk.document(&mut admin, d).unwrap().row.name;
            let file = scratch_file(&name, b"%PDF-1.7 second");
            desk.add_document_file(&mut admin, ctx.tenant, None, &file)
                .unwrap();
            desk.restore_document_version(s, d, 1).map(drop)
        }
        Operation::LinkDocument => {
            let d = fresh_document(desk, ctx);
            desk.link_document(s, d, ObjectType::Company, ctx.company, true)
                .map(drop)
        }
        Operation::ExportDocuments => desk
            .export_documents(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::DeleteDocuments => {
            let d = fresh_document(desk, ctx);
            desk.delete_documents(s, &[d]).map(drop)
        }
        Operation::CreateFolder => desk
            .create_document_folder(s, ctx.tenant, None, &unique("Verträge"))
            .map(drop),
        Operation::RenameFolder => {
            let f = fresh_folder(desk, ctx);
            desk.rename_document_folder(s, f, &unique("Umbenannt"))
                .map(drop)
        }
        Operation::MoveFolder => {
            let f = fresh_folder(desk, ctx);
            let parent = fresh_folder(desk, ctx);
            desk.move_document_folder(s, f, Some(parent)).map(drop)
        }
        Operation::DeleteFolder => {
            let f = fresh_folder(desk, ctx);
            desk.delete_document_folder(s, f).map(drop)
        }
        Operation::SetDocumentQuota => desk
            .set_document_quota(s, ctx.tenant, Some(50 * 1024 * 1024))
            .map(drop),
        Operation::ListAgreements => desk.processor_agreements(s, ctx.tenant).map(drop),
        Operation::ShowAgreement => {
            let g = fresh_agreement(desk, ctx);
            desk.processor_agreement(s, g).map(drop)
        }
        Operation::CreateAgreement => {
            let input = agreement_input(desk, ctx);
            desk.create_processor_agreement(s, &input).map(drop)
        }
        Operation::UpdateAgreement => {
            let g = fresh_agreement(desk, ctx);
            let mut admin = desk_admin(desk);
            let mut input = desk.processor_agreement(&mut admin, g).unwrap().data;
            input.notes = unique("geprüft");
            desk.update_processor_agreement(s, g, &input).map(drop)
        }
        Operation::DeleteAgreements => {
            let g = fresh_agreement(desk, ctx);
            desk.delete_processor_agreements(s, &[g]).map(drop)
        }
        Operation::ExportAgreements => desk
            .export_processor_agreements(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::ReadAgreementAttachment => {
            let g = fresh_agreement(desk, ctx);
            let mut admin = desk_admin(desk);
            let f = desk
                .add_record_attachment(
                    &mut admin,
                    ObjectType::ProcessorAgreement,
                    g,
                    "avv.pdf",
                    b"%PDF",
                )
                .unwrap();
            desk.record_attachment_content(s, ObjectType::ProcessorAgreement, f.id)
                .map(drop)
        }
        Operation::AddAgreementAttachment => {
            let g = fresh_agreement(desk, ctx);
            desk.add_record_attachment(s, ObjectType::ProcessorAgreement, g, "avv.pdf", b"%PDF")
                .map(drop)
        }
        Operation::RemoveAgreementAttachment => {
            let g = fresh_agreement(desk, ctx);
            let mut admin = desk_admin(desk);
            let f = desk
                .add_record_attachment(
                    &mut admin,
                    ObjectType::ProcessorAgreement,
                    g,
                    "avv.pdf",
                    b"%PDF",
                )
                .unwrap();
            desk.remove_record_attachment(s, ObjectType::ProcessorAgreement, f.id)
                .map(drop)
        }
        Operation::Deadlines => desk.deadlines(s, Some(ctx.tenant)).map(drop),
        Operation::ListCourses => desk.courses(s, ctx.tenant).map(drop),
        Operation::ShowCourse => {
            let c = fresh_course(desk, ctx);
            desk.course(s, c).map(drop)
        }
        Operation::CreateCourse => desk.create_course(s, &course_input(ctx)).map(drop),
        Operation::AddShippedCourse => desk.add_shipped_course(s, ctx.tenant, "en").map(drop),
        Operation::UpdateCourse => {
            let c = fresh_course(desk, ctx);
            let mut input = course_input(ctx);
            input.description = unique("geändert");
            desk.update_course(s, c, &input).map(drop)
        }
        Operation::AddCourseImage => {
            let c = fresh_course(desk, ctx);
            desk.add_course_image(s, c, PNG).map(drop)
        }
        Operation::DeleteCourses => {
            let c = fresh_course(desk, ctx);
            desk.delete_courses(s, &[c]).map(drop)
        }
        Operation::ExportCourses => desk
            .export_courses(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::AssignCourse => {
            let c = fresh_course(desk, ctx);
            let name = s.user_name().to_string();
            desk.course_learners(s, c)?;
            desk.assign_course_by_name(s, c, &[name], None).map(drop)
        }
        Operation::UnassignCourse => {
            let a = assigned_to(desk, ctx, "Anna Meier");
            desk.unassign_course(s, a).map(drop)
        }
        Operation::CourseStatistics => {
            let c = fresh_course(desk, ctx);
            desk.course_statistics(s, c)?;
            desk.course_results_of_tenant(s, ctx.tenant)?;
            desk.course_results(s, c).map(drop)
        }
        Operation::ExportCourseResults => desk
            .export_course_results(s, ctx.tenant, None, ExportFormat::Xlsx)
            .map(drop),
        Operation::PrintCertificates => {
            let a = assigned_to(desk, ctx, "Anna Meier");
            let mut admin = desk_admin(desk);
            pass(desk, &mut admin, a).unwrap();
            desk.prepare_report(
                s,
                &ReportRequest::Certificates {
                    tenant_id: ctx.tenant,
                    language: None,
                },
            )
            .map(drop)
        }
        Operation::VerifyCertificate => desk.verify_certificate(s, "AAAA-BBBB-CCCC").map(drop),
        Operation::MyCourses => desk.my_courses(s).map(drop),
        Operation::TakeCourse => {
            let name = s.user_name().to_string();
            let a = assigned_to(desk, ctx, &name);
            desk.open_course(s, a)?;
            pass(desk, s, a)
        }
        Operation::SaveOwnCertificate => {
            let name = s.user_name().to_string();
            let a = assigned_to(desk, ctx, &name);
            pass(desk, s, a)?;
            desk.prepare_report(
                s,
                &ReportRequest::Certificate {
                    assignment_id: a,
                    language: None,
                },
            )
            .map(drop)
        }
        Operation::ReadCourseImage => {
            let name = s.user_name().to_string();
            let course = fresh_course(desk, ctx);
            let mut admin = desk_admin(desk);
            let _ = desk.assign_course_by_name(&mut admin, course, &[name], None);
            let image = desk.add_course_image(&mut admin, course, PNG).unwrap();
            desk.course_image(s, image.id).map(drop)
        }
        Operation::InviteLearner => desk
            .invite_learner(s, ctx.tenant, &unique("Lernende"), None)
            .map(drop),
        Operation::DeadlineAlerts => desk.deadline_alerts(s).map(drop),
        Operation::ShowDpiaCheck => desk.dpia_check_form(s, ctx.activity).map(drop),
        Operation::CheckDpia => {
            let a = fresh_activity(desk, ctx);
            let input = CheckInput {
                criteria: vec!["scoring".into()],
                note: String::new(),
            };
            desk.check_dpia(s, a, &input).map(drop)
        }
        Operation::ListDpias => desk.dpias(s, ctx.tenant).map(drop),
        Operation::ShowDpia => {
            let d = fresh_dpia(desk, ctx);
            desk.dpia(s, d).map(drop)
        }
        Operation::StartDpia => {
            let a = fresh_activity(desk, ctx);
            desk.start_dpia(s, a).map(drop)
        }
        Operation::UpdateDpia => {
            let d = fresh_dpia(desk, ctx);
            let mut admin = desk_admin(desk);
            let mut input = desk.dpia(&mut admin, d).unwrap().data;
            input.minimisation = unique("nur Name und Foto");
            desk.update_dpia(s, d, &input).map(drop)
        }
        Operation::ValidateDpia => {
            let d = fresh_dpia(desk, ctx);
            let v = Validation {
                decision: DpiaStatus::Validated,
                validator_name: String::new(),
                date: None,
                note: String::new(),
                review_date: None,
            };
            desk.validate_dpia(s, d, &v).map(drop)
        }
        Operation::NewDpiaVersion => {
            let d = fresh_dpia(desk, ctx);
            desk.new_dpia_version(s, d).map(drop)
        }
        Operation::DeleteDpias => {
            let d = fresh_dpia(desk, ctx);
            desk.delete_dpias(s, &[d]).map(drop)
        }
        Operation::ExportDpias => desk
            .export_dpias(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::ShowWebsiteTexts => desk.imprint(s, ctx.company).map(drop),
        Operation::GenerateWebsiteText => desk
            .generate_imprint(s, ctx.company, &ImprintForm::default(), "de")
            .map(drop),
        Operation::SaveWebsiteText => desk
            .save_imprint(s, ctx.company, &ImprintForm::default(), "# Impressum", "de")
            .map(drop),
        Operation::PrintRopa => desk
            .prepare_report(
                s,
                &ReportRequest::Ropa {
                    company_id: ctx.company,
                    role: ActivityRole::Controller,
                    only_active: false,
                    language: None,
                },
            )
            .map(drop),
        Operation::PrintToms => desk
            .prepare_report(
                s,
                &ReportRequest::Toms {
                    company_id: ctx.company,
                    language: None,
                },
            )
            .map(drop),
        Operation::PrintDpia => {
            let d = fresh_dpia(desk, ctx);
            desk.prepare_report(
                s,
                &ReportRequest::Dpia {
                    dpia_id: d,
                    language: None,
                },
            )
            .map(drop)
        }
        Operation::RecoverySheet => match desk.recovery_sheet(s, PASSWORD) {
            // A user other than the owner is refused before the password is looked at.
            Err(CoreError::Validation {
                field: "password", ..
            }) => desk.recovery_sheet(s, STAFF_PW).map(drop),
            other => other.map(drop),
        },
        Operation::ImportCnil => {
            let a = fresh_activity(desk, ctx);
            desk.import_cnil(s, a, br#"{"pia": {"name": "Kamera"}}"#)
                .map(drop)
        }
        Operation::ExportCnil => {
            let d = fresh_dpia(desk, ctx);
            desk.export_cnil(s, d).map(drop)
        }
        Operation::SaveMustEntry => desk
            .save_must_entry(
                s,
                &MustEntry {
                    number: 900 + (SEQ.fetch_add(1, Ordering::Relaxed) % 90) as i64,
                    title: unique("Eigene Fallgruppe"),
                    description: String::new(),
                    source: String::new(),
                },
            )
            .map(drop),
        Operation::RemoveMustEntry => desk.remove_must_entry(s, 17).map(drop),
        Operation::RiskMatrix => desk.risk_matrix(s).map(drop),
        Operation::UpdateRiskMatrix => {
            let m = dpo_desk_core::domain::dpias::RiskMatrix::shipped();
            desk.update_risk_matrix(s, &m).map(drop)
        }
        Operation::DpiaOverview => desk.dpia_overview(s).map(drop),
        Operation::CopyTenant => desk.copy_tenant(s, ctx.tenant, None).map(drop),
        Operation::CreateFromTemplate => {
            let mut admin = desk_admin(desk);
            let template = desk
                .create_tenant(&mut admin, &unique("Muster Bäckerei"), true)
                .unwrap()
                .id;
            give_tenant(desk, s.user_name(), template);
            desk.create_tenant_from_template(s, template, &unique("Bäckerei Neu"))
                .map(drop)
        }
        Operation::ShowHistory(object) => {
            let id = changed_once(desk, ctx, object);
            desk.record_history(s, object, id).map(drop)
        }
        Operation::RestoreVersion(object) => {
            let id = changed_once(desk, ctx, object);
            // The earliest saved state (a DPIA's start logs only a part of it).
            let mut admin = desk_admin(desk);
            let version = desk
                .record_history(&mut admin, object, id)
                .unwrap()
                .versions
                .iter()
                .find(|v| v.restorable)
                .map(|v| v.version)
                .unwrap_or_else(|| panic!("{object:?} has a version to restore"));
            desk.restore_version(s, object, id, version).map(drop)
        }
        Operation::CopyToTenants(object) => {
            let mut admin = desk_admin(desk);
            let target = desk
                .create_tenant(&mut admin, &unique("Copy target"), false)
                .unwrap()
                .id;
            give_tenant(desk, s.user_name(), target);
            let id = match object {
                ObjectType::Company => ctx.company,
                ObjectType::Area => ctx.area,
                ObjectType::ProcessingActivity => ctx.activity,
                ObjectType::Tom => fresh_tom(desk, ctx),
                ObjectType::Dpia => fresh_dpia(desk, ctx),
                ObjectType::Request => fresh_request(desk, ctx),
                ObjectType::Course => fresh_course(desk, ctx),
                ObjectType::Document => fresh_document(desk, ctx),
                other => {
                    let kind = MasterKind::parse(other.as_str()).unwrap();
                    desk.create_master_item(
                        &mut admin,
                        ctx.tenant,
                        &item_input(kind, &unique("Zu kopieren")),
                    )
                    .unwrap()
                    .id
                }
            };
            let request = CopyRequest {
                object,
                ids: vec![id],
                targets: vec![target],
                parent: None,
            };
            desk.copy_to_tenants(s, &request).map(drop)
        }
        Operation::ImportTenant => {
            let mut admin = desk_admin(desk);
            let (doc, _) = desk.export_tenant(&mut admin, ctx.tenant).unwrap();
            desk.import_tenant(s, &doc).map(drop)
        }
        Operation::DeleteCompany => {
            let mut admin = desk_admin(desk);
            let c = desk
                .create_company(
                    &mut admin,
                    ctx.tenant,
                    &company_input(&unique("Doomed GmbH")),
                )
                .unwrap()
                .id;
            desk.delete_company(s, c).map(drop)
        }
        Operation::CopyCompanies => desk.copy_companies(s, &[ctx.company], " (copy)").map(drop),
        Operation::MassChangeCompanies => desk
            .mass_change_companies(
                s,
                &[ctx.company],
                &CompanyField::Country("Deutschland".into()),
            )
            .map(drop),
        Operation::ExportCompanies => desk
            .export_companies(s, ctx.tenant, ExportFormat::Csv)
            .map(drop),
        Operation::DeleteArea => {
            let mut admin = desk_admin(desk);
            let a = desk.create_area(
                &mut admin,
                &AreaInput {
                    company_id: ctx.company,
                    name: unique("Doomed"),
                    description: String::new(),
                },
            );
            desk.delete_area(s, a.unwrap().id).map(drop)
        }
        Operation::DeleteActivities => {
            let mut admin = desk_admin(desk);
            let a = desk
                .create_activity(&mut admin, &activity_input(ctx, &unique("Doomed")))
                .unwrap()
                .id;
            desk.delete_activities(s, &[a]).map(drop)
        }
        Operation::CopyActivities => desk
            .copy_activities(s, &[ctx.activity], " (copy)")
            .map(drop),
        Operation::MassChangeActivities => desk
            .mass_change_activities(
                s,
                &MassChange {
                    ids: vec![ctx.activity],
                    change: MassField::Status(ActivityStatus::InReview),
                },
            )
            .map(drop),
        Operation::ExportActivities => desk
            .export_activities(s, ctx.tenant, None, None, ExportFormat::Csv)
            .map(drop),
        Operation::ListAttachments => {
            let mut admin = desk_admin(desk);
            let a = desk
                .add_attachment(&mut admin, ctx.activity, "vertrag.pdf", b"%PDF")
                .unwrap();
            desk.attachments(s, ctx.activity)
                .and_then(|_| desk.attachment_content(s, a.id))
                .map(drop)
        }
        Operation::AddAttachment => desk
            .add_attachment(s, ctx.activity, "skizze.png", b"PNG")
            .map(drop),
        Operation::RemoveAttachment => {
            let mut admin = desk_admin(desk);
            let a = desk
                .add_attachment(&mut admin, ctx.activity, "alt.txt", b"alt")
                .unwrap();
            desk.remove_attachment(s, a.id)
        }
        Operation::ListMasterItems(kind) => desk.master_items(s, ctx.tenant, kind).map(drop),
        Operation::CreateMasterItem(kind) => desk
            .create_master_item(s, ctx.tenant, &item_input(kind, &unique("Item")))
            .map(drop),
        Operation::UpdateMasterItem(kind) => {
            let mut admin = desk_admin(desk);
            let item = desk
                .create_master_item(&mut admin, ctx.tenant, &item_input(kind, &unique("Item")))
                .unwrap();
            desk.update_master_item(s, item.id, &item_input(kind, &unique("Renamed")))
                .map(drop)
        }
        Operation::DeleteMasterItem(kind) => {
            let mut admin = desk_admin(desk);
            let item = desk
                .create_master_item(&mut admin, ctx.tenant, &item_input(kind, &unique("Item")))
                .unwrap();
            desk.delete_master_item(s, kind, item.id).map(drop)
        }
        Operation::ExportMasterItems(kind) => desk
            .export_master_items(s, ctx.tenant, kind, ExportFormat::Json)
            .map(drop),
        Operation::CopyMasterItems(kind) => {
            let mut admin = desk_admin(desk);
            let item = desk
                .create_master_item(&mut admin, ctx.tenant, &item_input(kind, &unique("Item")))
                .unwrap();
            desk.copy_master_items(s, kind, &[item.id], " (copy)")
                .map(drop)
        }
        Operation::MassChangeMasterItems(kind) => {
            let mut admin = desk_admin(desk);
            let item = desk
                .create_master_item(&mut admin, ctx.tenant, &item_input(kind, &unique("Item")))
                .unwrap();
            desk.mass_change_master_items(
                s,
                kind,
                &[item.id],
                &MasterField::Description("geprüft".into()),
            )
            .map(drop)
        }
        Operation::RestoreFromTrash(object) => {
            let entry = trashed(desk, ctx, s.user_name(), object);
            desk.restore_from_trash(s, entry).map(drop)
        }
        Operation::ListCompanies => desk.companies(s, ctx.tenant).map(drop),
        Operation::CreateCompany => desk
            .create_company(s, ctx.tenant, &company_input(&unique("Firma")))
            .map(drop),
        Operation::UpdateCompany => desk
            .update_company(s, ctx.company, &company_input(&unique("Firma")))
            .map(drop),
        Operation::ListAreas => desk.areas(s, ctx.tenant).map(drop),
        Operation::CreateArea => desk
            .create_area(
                s,
                &AreaInput {
                    company_id: ctx.company,
                    name: unique("Bereich"),
                    description: String::new(),
                },
            )
            .map(drop),
        Operation::ListActivities => desk
            .activities(s, ctx.tenant, None)
            .and_then(|_| desk.activity_records(s, ctx.tenant, None))
            .and_then(|_| desk.activity_window(s, ctx.tenant, &Default::default(), 0, 50))
            .and_then(|_| desk.activity_ids(s, ctx.tenant, &Default::default()))
            .map(drop),
        Operation::ShowActivity => desk.activity(s, ctx.activity).map(drop),
        Operation::ListEditors => desk.editors(s, ctx.tenant).map(drop),
        Operation::CreateActivity => desk
            .create_activity(s, &activity_input(ctx, &unique("Verarbeitung")))
            .map(drop),
        Operation::UpdateActivity => desk
            .update_activity(
                s,
                ctx.activity,
                &activity_input(ctx, &unique("Verarbeitung")),
            )
            .map(drop),
        Operation::ViewSettings => desk.settings(s).map(drop),
        Operation::EditSettings => desk
            .update_settings(s, &[(SettingKey::BackupIntervalDays, 5)])
            .map(drop),
        Operation::ViewAuditLog => desk.audit_log(s, 10, None).map(drop),
        Operation::ExportAuditLog => desk
            .export_audit_log(
                s,
                &dpo_desk_core::services::audit_log::AuditFilter::default(),
                ExportFormat::Csv,
            )
            .map(drop),
        Operation::CreateTenant => desk.create_tenant(s, &unique("Tenant"), false).map(drop),
        Operation::CreateRole => desk
            .create_role(
                s,
                &RoleDefinition {
                    name: unique("Role"),
                    grants: vec![],
                    hidden_menus: vec![],
                    visibility: vec![],
                },
            )
            .map(drop),
        Operation::UpdateRole => desk
            .update_role(
                s,
                ctx.role_id,
                &RoleDefinition {
                    name: ctx.role.clone(),
                    grants: vec![],
                    hidden_menus: vec![],
                    visibility: vec![],
                },
            )
            .map(drop),
        Operation::ListRoles => desk.roles(s).and_then(|_| desk.role_catalogue(s)).map(drop),
        Operation::ShowRole => desk.role(s, &ctx.role).map(drop),
        Operation::CreateUser => desk
            .create_user(
                s,
                &NewUser {
                    name: unique("User"),
                    is_admin: false,
                    roles: vec![ctx.role.clone()],
                    tenants: vec![ctx.tenant],
                    password: None,
                },
            )
            .map(drop),
        Operation::ListUsers => desk.users(s).map(drop),
        Operation::UpdateUserAccess => {
            let name = unique("Moved");
            let mut admin = desk_admin(desk);
            desk.create_user(
                &mut admin,
                &NewUser {
                    name: name.clone(),
                    is_admin: false,
                    roles: vec![ctx.role.clone()],
                    tenants: vec![ctx.tenant],
                    password: None,
                },
            )?;
            desk.update_user_access(
                s,
                &name,
                &UserAccess {
                    roles: vec![ctx.role.clone()],
                    tenants: vec![ctx.tenant],
                },
            )
            .map(drop)
        }
        Operation::ListBackups => desk.backups(s).map(drop),
        Operation::BackupReminder => desk.backup_reminder(s).map(drop),
        Operation::VerifyBackup => {
            let file = outside_backup(desk);
            desk.verify_backup(s, &file, &mut |_, _| {}).map(drop)
        }
        Operation::CreateBackup => {
            fresh_backup(desk);
            desk.create_backup(s, &mut |_, _| {}).map(drop)
        }
        Operation::DownloadBackup => {
            let id = fresh_backup(desk);
            let target = desk.data_dir().join(unique("download").replace(' ', "-"));
            desk.download_backup(s, id, &target).map(drop)
        }
        Operation::DeleteBackup => {
            let id = fresh_backup(desk);
            desk.delete_backup(s, id)
        }
        Operation::BrowseBackup => {
            let file = outside_backup(desk);
            desk.browse_backup(s, &file, &mut |_, _| {}).map(drop)
        }
        Operation::RestoreBackup => {
            let file = outside_backup(desk);
            desk.restore_backup(
                s,
                &file,
                Some(BackupModule::Ropa(ctx.tenant)),
                &mut |_, _| {},
            )
            .map(drop)
        }
        Operation::BackupCsv => {
            let file = outside_backup(desk);
            let folder = desk.data_dir().join("csv");
            desk.backup_csv(
                s,
                &file,
                BackupModule::Ropa(ctx.tenant),
                &folder,
                &mut |_, _| {},
            )
            .map(drop)
        }
        Operation::DeactivateUser => {
            let victim = unique("Victim");
            let mut admin = desk_admin(desk);
            desk.create_user(
                &mut admin,
                &NewUser {
                    name: victim.clone(),
                    is_admin: false,
                    roles: vec![ctx.role.clone()],
                    tenants: vec![ctx.tenant],
                    password: None,
                },
            )?;
            desk.deactivate_user(s, &victim).map(drop)
        }
    }
}

fn desk_admin(desk: &mut Desk) -> Session {
    desk.sign_in(OWNER, PASSWORD).unwrap()
}

fn every_permission() -> Vec<Permission> {
    ObjectType::ALL
        .iter()
        .flat_map(|o| Right::ALL.iter().map(move |r| Permission::new(*o, *r)))
        .collect()
}

/// A fresh staff user whose only role grants exactly `grants`, signed in.
fn staff_with(desk: &mut Desk, ctx: &Ctx, grants: Vec<Permission>) -> Session {
    let mut admin = desk_admin(desk);
    let role = desk
        .create_role(
            &mut admin,
            &RoleDefinition {
                name: unique("Matrix role"),
                grants: grants
                    .into_iter()
                    .map(|p| Grant {
                        object: p.object,
                        right: p.right,
                    })
                    .collect(),
                hidden_menus: vec![],
                visibility: vec![],
            },
        )
        .unwrap();
    let name = unique("Staff");
    desk.create_user(
        &mut admin,
        &NewUser {
            name: name.clone(),
            is_admin: false,
            roles: vec![role.name],
            tenants: vec![ctx.tenant],
            password: Some(STAFF_PW.into()),
        },
    )
    .unwrap();
    desk.sign_in(&name, STAFF_PW).unwrap()
}

#[test]
fn every_operation_is_allowed_with_its_right_and_refused_without_it() {
    let f = Fixture::new();
    let mut desk = f.setup("Kanzlei Matrix").desk;
    let mut admin = desk_admin(&mut desk);
    let tenant = desk
        .create_tenant(&mut admin, "Matrix tenant", false)
        .unwrap()
        .id;
    let role = desk
        .create_role(
            &mut admin,
            &RoleDefinition {
                name: "Existing".into(),
                grants: vec![],
                hidden_menus: vec![],
                visibility: vec![],
            },
        )
        .unwrap();
    let company = desk
        .create_company(&mut admin, tenant, &company_input("Matrix GmbH"))
        .unwrap()
        .id;
    let area = desk
        .create_area(
            &mut admin,
            &AreaInput {
                company_id: company,
                name: "Personal".into(),
                description: String::new(),
            },
        )
        .unwrap()
        .id;
    let mut ctx = Ctx {
        tenant,
        role: role.name,
        role_id: role.id,
        company,
        area,
        activity: 0,
    };
    ctx.activity = desk
        .create_activity(&mut admin, &activity_input(&ctx, "Lohnabrechnung"))
        .unwrap()
        .id;

    for op in Operation::all() {
        assert_eq!(
            op.requirement(),
            expected(op),
            "the core's table disagrees for {op:?}"
        );
        match expected(op) {
            Requirement::SignedIn => {
                let mut s = staff_with(&mut desk, &ctx, vec![]);
                invoke(&mut desk, &mut s, op, &ctx).unwrap_or_else(|e| {
                    panic!("{op:?} must be open to every signed-in user: {e:?}")
                });
                // Without a (valid) session: the account is deactivated meanwhile.
                let mut s = staff_with(&mut desk, &ctx, vec![]);
                let name = s.user_name().to_string();
                let mut admin = desk_admin(&mut desk);
                desk.deactivate_user(&mut admin, &name).unwrap();
                assert!(
                    matches!(
                        invoke(&mut desk, &mut s, op, &ctx),
                        Err(CoreError::UserDeactivated)
                    ),
                    "{op:?} after deactivation"
                );
            }
            Requirement::Right(needed) => {
                let mut with = staff_with(&mut desk, &ctx, vec![needed]);
                invoke(&mut desk, &mut with, op, &ctx)
                    .unwrap_or_else(|e| panic!("{op:?} with {needed:?}: {e:?}"));
                let all_others = every_permission()
                    .into_iter()
                    .filter(|p| *p != needed)
                    .collect();
                let mut without = staff_with(&mut desk, &ctx, all_others);
                match invoke(&mut desk, &mut without, op, &ctx) {
                    Err(CoreError::PermissionDenied { object, right }) => {
                        assert_eq!(Permission::new(object, right), needed, "{op:?}")
                    }
                    other => panic!("{op:?} without {needed:?} must be refused, got {other:?}"),
                }
            }
            Requirement::Admin => {
                let mut admin = desk_admin(&mut desk);
                invoke(&mut desk, &mut admin, op, &ctx)
                    .unwrap_or_else(|e| panic!("{op:?} as administrator: {e:?}"));
                let mut everything = staff_with(&mut desk, &ctx, every_permission());
                assert!(
                    matches!(
                        invoke(&mut desk, &mut everything, op, &ctx),
                        Err(CoreError::AdminRequired)
                    ),
                    "{op:?} needs an administrator"
                );
            }
            Requirement::Owner => {
                let mut owner = desk_admin(&mut desk);
                invoke(&mut desk, &mut owner, op, &ctx)
                    .unwrap_or_else(|e| panic!("{op:?} as owner: {e:?}"));
                let mut everything = staff_with(&mut desk, &ctx, every_permission());
                assert!(
                    matches!(
                        invoke(&mut desk, &mut everything, op, &ctx),
                        Err(CoreError::OwnerRequired)
                    ),
                    "{op:?} needs the owner"
                );
                let name = unique("Second admin");
                let mut admin = desk_admin(&mut desk);
                desk.create_user(
                    &mut admin,
                    &NewUser {
                        name: name.clone(),
                        is_admin: true,
                        roles: vec![],
                        tenants: vec![],
                        password: Some(STAFF_PW.into()),
                    },
                )
                .unwrap();
                let mut second = desk.sign_in(&name, STAFF_PW).unwrap();
                assert!(
                    matches!(
                        invoke(&mut desk, &mut second, op, &ctx),
                        Err(CoreError::OwnerRequired)
                    ),
                    "{op:?}: an administrator is not the owner"
                );
            }
        }
    }
}
