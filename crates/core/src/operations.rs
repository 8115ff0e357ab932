//! Every operation a client can ask of the core, with what it requires. `Desk` lets an
//! operation through only by naming it here, and the permission-matrix test walks this
//! list: a new operation cannot skip the gate or the test.

use crate::permissions::{ObjectType, Permission, Right};

/// What an operation requires of the signed-in user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Any active user with a live session (their own account, overviews).
    SignedIn,
    /// A right from the user's roles (administrators hold all).
    Right(Permission),
    /// Administrators only, whatever roles grant (users and roles, SPEC §8).
    Admin,
}

const fn right(object: ObjectType, right: Right) -> Requirement {
    Requirement::Right(Permission::new(object, right))
}

macro_rules! operations {
    ($($name:ident => $requirement:expr),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Operation { $($name),* }

        impl Operation {
            pub const ALL: &'static [Operation] = &[$(Operation::$name),*];

            pub const fn requirement(self) -> Requirement {
                match self { $(Operation::$name => $requirement),* }
            }

            /// Whether the operation is the person working. The window's periodic re-read
            /// of rights is not, so it must not keep an idle session from locking.
            pub const fn counts_as_activity(self) -> bool {
                !matches!(self, Operation::RefreshSession)
            }
        }
    };
}

operations! {
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
    ViewSettings => right(ObjectType::Settings, Right::View),
    EditSettings => right(ObjectType::Settings, Right::Edit),
    ViewAuditLog => right(ObjectType::AuditLog, Right::View),
    CreateTenant => right(ObjectType::Tenant, Right::Create),
    ListCompanies => right(ObjectType::Company, Right::View),
    CreateCompany => right(ObjectType::Company, Right::Create),
    UpdateCompany => right(ObjectType::Company, Right::Edit),
    ListAreas => right(ObjectType::Area, Right::View),
    CreateArea => right(ObjectType::Area, Right::Create),
    ListActivities => right(ObjectType::ProcessingActivity, Right::View),
    ShowActivity => right(ObjectType::ProcessingActivity, Right::View),
    ListEditors => right(ObjectType::ProcessingActivity, Right::View),
    CreateActivity => right(ObjectType::ProcessingActivity, Right::Create),
    UpdateActivity => right(ObjectType::ProcessingActivity, Right::Edit),
    CreateRole => Requirement::Admin,
    UpdateRole => Requirement::Admin,
    ListRoles => Requirement::Admin,
    ShowRole => Requirement::Admin,
    CreateUser => Requirement::Admin,
    ListUsers => Requirement::Admin,
    UpdateUserAccess => Requirement::Admin,
    DeactivateUser => Requirement::Admin,
}
