//! The names the layers share: object types, rights, menu entries, the kinds of master
//! data and the statuses of an activity, each with its stable snake_case name (SPEC §8),
//! used by the CLI, role exports and the UI, so never rename one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Object types with their stable snake_case names (SPEC §8); used by the CLI and in role
/// exports, so never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ObjectType {
    Tenant,
    Company,
    Area,
    ProcessingActivity,
    BusinessProcess,
    Application,
    DataCategory,
    PersonGroup,
    LegalBasis,
    RetentionPeriod,
    Recipient,
    ThirdCountry,
    Person,
    Customer,
    Processor,
    Tom,
    Dpia,
    DataSubjectRequest,
    DataBreach,
    Document,
    Course,
    Backup,
    Settings,
    User,
    Role,
    AuditLog,
}

/// Rights per object type with their stable snake_case names (SPEC §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Right {
    View,
    Create,
    Edit,
    Delete,
    Copy,
    MassChange,
    TenantCopy,
    Export,
    Print,
}

macro_rules! snake_names {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $name),* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($name => Some(<$ty>::$variant),)* _ => None }
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use snake_names;

snake_names!(ObjectType {
    Tenant => "tenant", Company => "company", Area => "area",
    ProcessingActivity => "processing_activity", BusinessProcess => "business_process",
    Application => "application", DataCategory => "data_category", PersonGroup => "person_group",
    LegalBasis => "legal_basis", RetentionPeriod => "retention_period", Recipient => "recipient",
    ThirdCountry => "third_country", Person => "person", Customer => "customer",
    Processor => "processor", Tom => "tom", Dpia => "dpia",
    DataSubjectRequest => "data_subject_request", DataBreach => "data_breach",
    Document => "document", Course => "course", Backup => "backup", Settings => "settings",
    User => "user", Role => "role", AuditLog => "audit_log",
});

snake_names!(Right {
    View => "view", Create => "create", Edit => "edit", Delete => "delete", Copy => "copy",
    MassChange => "mass_change", TenantCopy => "tenant_copy", Export => "export", Print => "print",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Permission {
    pub object: ObjectType,
    pub right: Right,
}

impl Permission {
    pub const fn new(object: ObjectType, right: Right) -> Self {
        Permission { object, right }
    }
}

/// The eleven kinds of master data (SPEC §4); each is an object type of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MasterKind {
    BusinessProcess,
    Application,
    DataCategory,
    PersonGroup,
    LegalBasis,
    RetentionPeriod,
    Recipient,
    ThirdCountry,
    Person,
    Customer,
    Processor,
}

snake_names!(MasterKind {
    BusinessProcess => "business_process", Application => "application", DataCategory => "data_category",
    PersonGroup => "person_group", LegalBasis => "legal_basis", RetentionPeriod => "retention_period",
    Recipient => "recipient", ThirdCountry => "third_country", Person => "person", Customer => "customer",
    Processor => "processor",
});

impl MasterKind {
    /// The object type whose rights govern this kind (the same snake_case name).
    pub const fn object(self) -> ObjectType {
        match self {
            MasterKind::BusinessProcess => ObjectType::BusinessProcess,
            MasterKind::Application => ObjectType::Application,
            MasterKind::DataCategory => ObjectType::DataCategory,
            MasterKind::PersonGroup => ObjectType::PersonGroup,
            MasterKind::LegalBasis => ObjectType::LegalBasis,
            MasterKind::RetentionPeriod => ObjectType::RetentionPeriod,
            MasterKind::Recipient => ObjectType::Recipient,
            MasterKind::ThirdCountry => ObjectType::ThirdCountry,
            MasterKind::Person => ObjectType::Person,
            MasterKind::Customer => ObjectType::Customer,
            MasterKind::Processor => ObjectType::Processor,
        }
    }
}

/// The status of a processing activity (SPEC §3); visibility restrictions filter by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActivityStatus {
    Draft,
    InReview,
    Active,
    Inactive,
}

snake_names!(ActivityStatus {
    Draft => "draft", InReview => "in_review", Active => "active", Inactive => "inactive",
});

/// Sections of the signed-in shell. Only sections the user may open are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MenuEntry {
    Dashboard,
    Companies,
    Areas,
    ProcessingActivities,
    MasterData,
    Trash,
    Backups,
    AuditLog,
    Administration,
    Settings,
    Account,
}

snake_names!(MenuEntry {
    Dashboard => "dashboard", Companies => "companies", Areas => "areas", ProcessingActivities => "processing_activities",
    MasterData => "master_data", Trash => "trash", Backups => "backups",
    AuditLog => "audit_log", Administration => "administration", Settings => "settings", Account => "account",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_names_round_trip_and_match_serde() {
        for o in ObjectType::ALL {
            assert_eq!(ObjectType::parse(o.as_str()), Some(*o));
            assert_eq!(
                serde_json::to_string(o).unwrap(),
                format!("\"{}\"", o.as_str())
            );
        }
        for r in Right::ALL {
            assert_eq!(Right::parse(r.as_str()), Some(*r));
            assert_eq!(
                serde_json::to_string(r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
        assert_eq!(
            ObjectType::ProcessingActivity.as_str(),
            "processing_activity"
        );
        assert_eq!(Right::TenantCopy.as_str(), "tenant_copy");
    }
}
