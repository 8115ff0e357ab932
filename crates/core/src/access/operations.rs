//! Every operation a client can ask of the core, with what it requires. `Desk` lets an
//! operation through only by naming it here, and the permission-matrix test walks this
//! list: a new operation cannot skip the gate or the test.

use crate::kernel::vocabulary::MasterKind;
use crate::kernel::vocabulary::{ObjectType, Permission, Right};

/// What an operation requires of the signed-in user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Any active user with a live session (their own account, overviews).
    SignedIn,
    /// A right from the user's roles (administrators hold all).
    Right(Permission),
    /// Administrators only, whatever roles grant (users and roles, SPEC §8).
    Admin,
    /// The owner of the installation only (restores, SPEC §10).
    Owner,
}

const fn right(object: ObjectType, right: Right) -> Requirement {
    Requirement::Right(Permission::new(object, right))
}

/// Object types a data copy between tenants supports (SPEC §9), each under its own
/// `tenant_copy` right.
pub const COPYABLE: &[ObjectType] = &[
    ObjectType::Company,
    ObjectType::Area,
    ObjectType::ProcessingActivity,
    ObjectType::Tom,
    ObjectType::Dpia,
    ObjectType::Request,
    ObjectType::Course,
    ObjectType::Document,
    ObjectType::BusinessProcess,
    ObjectType::Application,
    ObjectType::DataCategory,
    ObjectType::PersonGroup,
    ObjectType::LegalBasis,
    ObjectType::RetentionPeriod,
    ObjectType::Recipient,
    ObjectType::ThirdCountry,
    ObjectType::Person,
    ObjectType::Customer,
    ObjectType::Processor,
];

/// Object types whose deletes go to the trash, so restoring them is an operation.
pub const TRASHABLE: &[ObjectType] = &[
    ObjectType::Tenant,
    ObjectType::Company,
    ObjectType::Area,
    ObjectType::ProcessingActivity,
    ObjectType::BusinessProcess,
    ObjectType::Application,
    ObjectType::DataCategory,
    ObjectType::PersonGroup,
    ObjectType::LegalBasis,
    ObjectType::RetentionPeriod,
    ObjectType::Recipient,
    ObjectType::ThirdCountry,
    ObjectType::Person,
    ObjectType::Customer,
    ObjectType::Processor,
    ObjectType::Tom,
    ObjectType::Dpia,
    ObjectType::Request,
    ObjectType::Breach,
    ObjectType::ProcessorAgreement,
    ObjectType::Course,
    ObjectType::Document,
];

/// Object types whose records keep a history that can be shown and restored (SPEC §11).
pub const VERSIONED: &[ObjectType] = &[
    ObjectType::Company,
    ObjectType::Area,
    ObjectType::ProcessingActivity,
    ObjectType::BusinessProcess,
    ObjectType::Application,
    ObjectType::DataCategory,
    ObjectType::PersonGroup,
    ObjectType::LegalBasis,
    ObjectType::RetentionPeriod,
    ObjectType::Recipient,
    ObjectType::ThirdCountry,
    ObjectType::Person,
    ObjectType::Customer,
    ObjectType::Processor,
    ObjectType::Tom,
    ObjectType::Dpia,
    ObjectType::Request,
    ObjectType::Breach,
    ObjectType::ProcessorAgreement,
];

macro_rules! operations {
    (
        simple { $($name:ident => $requirement:expr),* $(,)? }
        per_kind { $($kname:ident($kind:ident) => $krequirement:expr),* $(,)? }
        per_object { $($oname:ident($object:ident) => $orequirement:expr),* $(,)? }
        per_copyable { $($cname:ident($cobject:ident) => $crequirement:expr),* $(,)? }
        per_versioned { $($vname:ident($vobject:ident) => $vrequirement:expr),* $(,)? }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Operation {
            $($name,)*
            $($kname(MasterKind),)*
            $($oname(ObjectType),)*
            $($cname(ObjectType),)*
            $($vname(ObjectType),)*
        }

        impl Operation {
            /// Every operation, the master-data ones once per kind and the trash ones once
            /// per object type that can be in the trash.
            pub fn all() -> Vec<Operation> {
                let mut all = vec![$(Operation::$name),*];
                for kind in MasterKind::ALL {
                    $(all.push(Operation::$kname(*kind));)*
                }
                for object in TRASHABLE {
                    $(all.push(Operation::$oname(*object));)*
                }
                for object in crate::access::operations::COPYABLE {
                    $(all.push(Operation::$cname(*object));)*
                }
                for object in crate::access::operations::VERSIONED {
                    $(all.push(Operation::$vname(*object));)*
                }
                all
            }

            pub const fn requirement(self) -> Requirement {
                match self {
                    $(Operation::$name => $requirement,)*
                    $(Operation::$kname($kind) => $krequirement,)*
                    $(Operation::$oname($object) => $orequirement,)*
                    $(Operation::$cname($cobject) => $crequirement,)*
                    $(Operation::$vname($vobject) => $vrequirement,)*
                }
            }

            /// Whether the operation is the person working. The window's periodic re-read
            /// of rights and its minute-by-minute look for deadline alerts are not, so they
            /// must not keep an idle session from locking.
            pub const fn counts_as_activity(self) -> bool {
                !matches!(self, Operation::RefreshSession | Operation::DeadlineAlerts)
            }

            /// What is still possible while the app is locked for a missing backup: the
            /// session itself and the backups (SPEC §10).
            pub const fn allowed_while_locked(self) -> bool {
                matches!(
                    self,
                    Operation::TouchSession
                        | Operation::SessionInfo
                        | Operation::RefreshSession
                        | Operation::Status
                        | Operation::SetLanguage
                        | Operation::ChangePassword
                        | Operation::BackupReminder
                        | Operation::ListBackups
                        | Operation::CreateBackup
                        | Operation::DownloadBackup
                        | Operation::DeleteBackup
                        | Operation::VerifyBackup
                        | Operation::BrowseBackup
                        | Operation::RestoreBackup
                        | Operation::BackupCsv
                )
            }
        }
    };
}

operations! {
    simple {
        TouchSession => Requirement::SignedIn,
        SessionInfo => Requirement::SignedIn,
        RefreshSession => Requirement::SignedIn,
        ChangePassword => Requirement::SignedIn,
        SetLanguage => Requirement::SignedIn,
        Status => Requirement::SignedIn,
        Dashboard => Requirement::SignedIn,
        ListTenants => Requirement::SignedIn,
        SetCurrentTenant => Requirement::SignedIn,
        TenantOverview => Requirement::SignedIn,
        Search => Requirement::SignedIn,
        ListTrash => Requirement::SignedIn,
        ViewSettings => right(ObjectType::Settings, Right::View),
        EditSettings => right(ObjectType::Settings, Right::Edit),
        ViewAuditLog => right(ObjectType::AuditLog, Right::View),
        ExportAuditLog => right(ObjectType::AuditLog, Right::Export),
        CreateTenant => right(ObjectType::Tenant, Right::Create),
        UpdateTenant => right(ObjectType::Tenant, Right::Edit),
        DeleteTenant => right(ObjectType::Tenant, Right::Delete),
        ExportTenant => right(ObjectType::Tenant, Right::Export),
        MassChangeTenants => right(ObjectType::Tenant, Right::MassChange),
        ExportTenantList => right(ObjectType::Tenant, Right::Export),
        ImportTenant => right(ObjectType::Tenant, Right::Create),
        ListCompanies => right(ObjectType::Company, Right::View),
        CreateCompany => right(ObjectType::Company, Right::Create),
        UpdateCompany => right(ObjectType::Company, Right::Edit),
        DeleteCompany => right(ObjectType::Company, Right::Delete),
        CopyCompanies => right(ObjectType::Company, Right::Copy),
        MassChangeCompanies => right(ObjectType::Company, Right::MassChange),
        ExportCompanies => right(ObjectType::Company, Right::Export),
        ShowWebsiteTexts => right(ObjectType::Company, Right::View),
        GenerateWebsiteText => right(ObjectType::Company, Right::View),
        SaveWebsiteText => right(ObjectType::Company, Right::Edit),
        ListAreas => right(ObjectType::Area, Right::View),
        CreateArea => right(ObjectType::Area, Right::Create),
        UpdateArea => right(ObjectType::Area, Right::Edit),
        DeleteArea => right(ObjectType::Area, Right::Delete),
        CopyAreas => right(ObjectType::Area, Right::Copy),
        MassChangeAreas => right(ObjectType::Area, Right::MassChange),
        ExportAreas => right(ObjectType::Area, Right::Export),
        ListActivities => right(ObjectType::ProcessingActivity, Right::View),
        ShowActivity => right(ObjectType::ProcessingActivity, Right::View),
        ListEditors => right(ObjectType::ProcessingActivity, Right::View),
        CreateActivity => right(ObjectType::ProcessingActivity, Right::Create),
        UpdateActivity => right(ObjectType::ProcessingActivity, Right::Edit),
        DeleteActivities => right(ObjectType::ProcessingActivity, Right::Delete),
        CopyActivities => right(ObjectType::ProcessingActivity, Right::Copy),
        MassChangeActivities => right(ObjectType::ProcessingActivity, Right::MassChange),
        ExportActivities => right(ObjectType::ProcessingActivity, Right::Export),
        PrintRopa => right(ObjectType::ProcessingActivity, Right::Print),
        ListAttachments => right(ObjectType::ProcessingActivity, Right::View),
        AddAttachment => right(ObjectType::ProcessingActivity, Right::Edit),
        RemoveAttachment => right(ObjectType::ProcessingActivity, Right::Edit),
        ListToms => right(ObjectType::Tom, Right::View),
        ShowTom => right(ObjectType::Tom, Right::View),
        CreateTom => right(ObjectType::Tom, Right::Create),
        UpdateTom => right(ObjectType::Tom, Right::Edit),
        ReviewTom => right(ObjectType::Tom, Right::Edit),
        LinkTomActivities => right(ObjectType::Tom, Right::Edit),
        DeleteToms => right(ObjectType::Tom, Right::Delete),
        CopyToms => right(ObjectType::Tom, Right::Copy),
        CopyTomsToTenant => right(ObjectType::Tom, Right::TenantCopy),
        MassChangeToms => right(ObjectType::Tom, Right::MassChange),
        ExportToms => right(ObjectType::Tom, Right::Export),
        PrintToms => right(ObjectType::Tom, Right::Print),
        DueTomReviews => Requirement::SignedIn,
        ShowDpiaCheck => right(ObjectType::Dpia, Right::View),
        CheckDpia => right(ObjectType::Dpia, Right::Edit),
        ListDpias => right(ObjectType::Dpia, Right::View),
        ShowDpia => right(ObjectType::Dpia, Right::View),
        StartDpia => right(ObjectType::Dpia, Right::Create),
        UpdateDpia => right(ObjectType::Dpia, Right::Edit),
        ValidateDpia => right(ObjectType::Dpia, Right::Edit),
        NewDpiaVersion => right(ObjectType::Dpia, Right::Create),
        DeleteDpias => right(ObjectType::Dpia, Right::Delete),
        ExportDpias => right(ObjectType::Dpia, Right::Export),
        PrintDpia => right(ObjectType::Dpia, Right::Print),
        ImportCnil => right(ObjectType::Dpia, Right::Create),
        ExportCnil => right(ObjectType::Dpia, Right::Export),
        SaveMustEntry => right(ObjectType::Settings, Right::Edit),
        RemoveMustEntry => right(ObjectType::Settings, Right::Edit),
        RiskMatrix => Requirement::SignedIn,
        UpdateRiskMatrix => right(ObjectType::Settings, Right::Edit),
        DpiaOverview => Requirement::SignedIn,
        ListRequests => right(ObjectType::Request, Right::View),
        ShowRequest => right(ObjectType::Request, Right::View),
        CreateRequest => right(ObjectType::Request, Right::Create),
        UpdateRequest => right(ObjectType::Request, Right::Edit),
        DeleteRequests => right(ObjectType::Request, Right::Delete),
        MassChangeRequests => right(ObjectType::Request, Right::MassChange),
        ExportRequests => right(ObjectType::Request, Right::Export),
        ReadRequestAttachment => right(ObjectType::Request, Right::View),
        AddRequestAttachment => right(ObjectType::Request, Right::Edit),
        RemoveRequestAttachment => right(ObjectType::Request, Right::Edit),
        ListBreaches => right(ObjectType::Breach, Right::View),
        ShowBreach => right(ObjectType::Breach, Right::View),
        CreateBreach => right(ObjectType::Breach, Right::Create),
        UpdateBreach => right(ObjectType::Breach, Right::Edit),
        DeleteBreaches => right(ObjectType::Breach, Right::Delete),
        MassChangeBreaches => right(ObjectType::Breach, Right::MassChange),
        ExportBreaches => right(ObjectType::Breach, Right::Export),
        PrintBreach => right(ObjectType::Breach, Right::Print),
        ReadBreachAttachment => right(ObjectType::Breach, Right::View),
        AddBreachAttachment => right(ObjectType::Breach, Right::Edit),
        RemoveBreachAttachment => right(ObjectType::Breach, Right::Edit),
        ListAgreements => right(ObjectType::ProcessorAgreement, Right::View),
        ListDocuments => right(ObjectType::Document, Right::View),
        ShowDocument => right(ObjectType::Document, Right::View),
        OpenDocument => right(ObjectType::Document, Right::View),
        SaveDocumentCopy => right(ObjectType::Document, Right::Export),
        AddDocument => right(ObjectType::Document, Right::Create),
        UpdateDocument => right(ObjectType::Document, Right::Edit),
        AddDocumentVersion => right(ObjectType::Document, Right::Edit),
        RestoreDocumentVersion => right(ObjectType::Document, Right::Edit),
        LinkDocument => right(ObjectType::Document, Right::Edit),
        DeleteDocuments => right(ObjectType::Document, Right::Delete),
        ExportDocuments => right(ObjectType::Document, Right::Export),
        CreateFolder => right(ObjectType::Document, Right::Create),
        RenameFolder => right(ObjectType::Document, Right::Edit),
        MoveFolder => right(ObjectType::Document, Right::Edit),
        DeleteFolder => right(ObjectType::Document, Right::Delete),
        SetDocumentQuota => Requirement::Admin,
        ShowAgreement => right(ObjectType::ProcessorAgreement, Right::View),
        CreateAgreement => right(ObjectType::ProcessorAgreement, Right::Create),
        UpdateAgreement => right(ObjectType::ProcessorAgreement, Right::Edit),
        DeleteAgreements => right(ObjectType::ProcessorAgreement, Right::Delete),
        ExportAgreements => right(ObjectType::ProcessorAgreement, Right::Export),
        ReadAgreementAttachment => right(ObjectType::ProcessorAgreement, Right::View),
        AddAgreementAttachment => right(ObjectType::ProcessorAgreement, Right::Edit),
        RemoveAgreementAttachment => right(ObjectType::ProcessorAgreement, Right::Edit),
        ListCourses => right(ObjectType::Course, Right::View),
        ShowCourse => right(ObjectType::Course, Right::View),
        CreateCourse => right(ObjectType::Course, Right::Create),
        AddShippedCourse => right(ObjectType::Course, Right::Create),
        UpdateCourse => right(ObjectType::Course, Right::Edit),
        AddCourseImage => right(ObjectType::Course, Right::Edit),
        DeleteCourses => right(ObjectType::Course, Right::Delete),
        ExportCourses => right(ObjectType::Course, Right::Export),
        AssignCourse => right(ObjectType::Course, Right::Edit),
        UnassignCourse => right(ObjectType::Course, Right::Edit),
        CourseStatistics => right(ObjectType::Course, Right::View),
        ExportCourseResults => right(ObjectType::Course, Right::Export),
        PrintCertificates => right(ObjectType::Course, Right::Print),
        VerifyCertificate => right(ObjectType::Course, Right::View),
        // Learners need no right: the core lets them reach only their own assignments.
        MyCourses => Requirement::SignedIn,
        TakeCourse => Requirement::SignedIn,
        SaveOwnCertificate => Requirement::SignedIn,
        // Course pictures are shown to editors and learners; the domain checks which.
        ReadCourseImage => Requirement::SignedIn,
        InviteLearner => Requirement::Admin,
        Deadlines => Requirement::SignedIn,
        DeadlineAlerts => Requirement::SignedIn,
        CopyTenant => Requirement::Admin,
        CreateFromTemplate => right(ObjectType::Tenant, Right::Create),
        BackupReminder => Requirement::SignedIn,
        ListBackups => right(ObjectType::Backup, Right::View),
        VerifyBackup => right(ObjectType::Backup, Right::View),
        CreateBackup => right(ObjectType::Backup, Right::Create),
        DownloadBackup => right(ObjectType::Backup, Right::Export),
        DeleteBackup => right(ObjectType::Backup, Right::Delete),
        BrowseBackup => Requirement::Admin,
        RestoreBackup => Requirement::Owner,
        RecoverySheet => Requirement::Owner,
        BackupCsv => Requirement::Owner,
        CreateRole => Requirement::Admin,
        UpdateRole => Requirement::Admin,
        ListRoles => Requirement::Admin,
        ShowRole => Requirement::Admin,
        CreateUser => Requirement::Admin,
        ListUsers => Requirement::Admin,
        UpdateUserAccess => Requirement::Admin,
        DeactivateUser => Requirement::Admin,
    }
    per_kind {
        ListMasterItems(kind) => right(kind.object(), Right::View),
        CreateMasterItem(kind) => right(kind.object(), Right::Create),
        UpdateMasterItem(kind) => right(kind.object(), Right::Edit),
        DeleteMasterItem(kind) => right(kind.object(), Right::Delete),
        ExportMasterItems(kind) => right(kind.object(), Right::Export),
        CopyMasterItems(kind) => right(kind.object(), Right::Copy),
        MassChangeMasterItems(kind) => right(kind.object(), Right::MassChange),
    }
    per_object {
        RestoreFromTrash(object) => right(object, Right::Delete),
    }
    per_copyable {
        CopyToTenants(object) => right(object, Right::TenantCopy),
    }
    per_versioned {
        ShowHistory(object) => right(object, Right::View),
        RestoreVersion(object) => right(object, Right::Edit),
    }
}
