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
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
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
    Request,
    Breach,
    ProcessorAgreement,
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
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
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

/// `ALL`, `as_str`, `parse` and `Display` for an enum whose stable snake_case names strum
/// derives from the variants (`#[strum(serialize_all = "snake_case")]`), the same names
/// serde writes.
macro_rules! snake_names {
    ($ty:ty) => {
        impl $ty {
            pub const ALL: &'static [$ty] = <$ty as strum::VariantArray>::VARIANTS;
            pub fn as_str(self) -> &'static str {
                self.into()
            }
            pub fn parse(s: &str) -> Option<Self> {
                <$ty as std::str::FromStr>::from_str(s).ok()
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

snake_names!(ObjectType);

snake_names!(Right);

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
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
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

snake_names!(MasterKind);

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
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ActivityStatus {
    Draft,
    InReview,
    Active,
    Inactive,
}

snake_names!(ActivityStatus);

/// The verdict of an activity's DPIA necessity check (SPEC §6): the activity list filters
/// and sorts by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum DpiaVerdict {
    Required,
    Recommended,
    NotNeeded,
}

snake_names!(DpiaVerdict);

/// Sections of the signed-in shell. Only sections the user may open are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum MenuEntry {
    Dashboard,
    Deadlines,
    Companies,
    Areas,
    ProcessingActivities,
    MasterData,
    Toms,
    Dpias,
    Requests,
    Breaches,
    ProcessorAgreements,
    Documents,
    Courses,
    MyCourses,
    Reports,
    WebsiteTexts,
    Trash,
    Backups,
    AuditLog,
    Administration,
    Settings,
    Account,
}

snake_names!(MenuEntry);

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
        for k in MasterKind::ALL {
            assert_eq!(MasterKind::parse(k.as_str()), Some(*k));
            assert_eq!(
                serde_json::to_string(k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        for s in ActivityStatus::ALL {
            assert_eq!(ActivityStatus::parse(s.as_str()), Some(*s));
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for m in MenuEntry::ALL {
            assert_eq!(MenuEntry::parse(m.as_str()), Some(*m));
            assert_eq!(
                serde_json::to_string(m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        assert_eq!(ObjectType::ALL.len(), 27);
        assert_eq!(MenuEntry::AuditLog.as_str(), "audit_log");
        assert_eq!(ActivityStatus::InReview.to_string(), "in_review");
        assert_eq!(ObjectType::parse("no_such_type"), None);
    }
}
