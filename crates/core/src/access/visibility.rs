//! Visibility restrictions of roles (SPEC §8, seed 004 "Was ist die Sichtbarkeitsbeschränkung?"):
//! per object type, "only records where I am the editor", "only in area X", "only with
//! status Y". They narrow what a list or a lookup returns and are applied in SQL. Several
//! roles' restrictions combine with AND; restrictions are not inherited, so restricting
//! activities leaves their areas visible.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ActivityStatus;
use crate::kernel::vocabulary::ObjectType;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Restriction {
    /// Only records whose editor is the signed-in user.
    OwnRecords,
    /// Only records in an area of one of these names (in any company of any tenant, since
    /// rights are the same in every tenant).
    InAreas { areas: Vec<String> },
    /// Only records with one of these statuses.
    WithStatus { statuses: Vec<ActivityStatus> },
    /// Only documents filed in a top-level folder of one of these names (and its
    /// subfolders), in every tenant.
    InFolders { folders: Vec<String> },
}

impl Restriction {
    fn kind(&self) -> &'static str {
        match self {
            Restriction::OwnRecords => "own_records",
            Restriction::InAreas { .. } => "in_areas",
            Restriction::WithStatus { .. } => "with_status",
            Restriction::InFolders { .. } => "in_folders",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VisibilityRule {
    pub object: ObjectType,
    pub restriction: Restriction,
}

impl VisibilityRule {
    /// Parses the command line's `OBJECT:own_records`, `OBJECT:area=NAME[|NAME…]`,
    /// `OBJECT:status=STATUS[|STATUS…]` and `document:folder=NAME[|NAME…]`.
    pub fn parse(text: &str) -> CoreResult<Self> {
        let invalid = || {
            CoreError::validation(
                "restriction",
                "format",
                format!(
                    "'{text}' is not OBJECT:own_records, OBJECT:area=NAME, OBJECT:status=STATUS or document:folder=NAME"
                ),
            )
        };
        let (object, rest) = text.trim().split_once(':').ok_or_else(invalid)?;
        let object = ObjectType::parse(object).ok_or_else(|| {
            CoreError::validation(
                "restriction",
                "object",
                format!("unknown object type '{object}'"),
            )
        })?;
        let values = |v: &str| {
            v.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        };
        let restriction = match rest.split_once('=') {
            None if rest == "own_records" => Restriction::OwnRecords,
            Some(("area", v)) => Restriction::InAreas { areas: values(v) },
            Some(("folder", v)) => Restriction::InFolders { folders: values(v) },
            Some(("status", v)) => Restriction::WithStatus {
                statuses: values(v)
                    .iter()
                    .map(|s| {
                        ActivityStatus::parse(s).ok_or_else(|| {
                            CoreError::validation(
                                "restriction",
                                "status",
                                format!("unknown status '{s}'"),
                            )
                        })
                    })
                    .collect::<CoreResult<_>>()?,
            },
            _ => return Err(invalid()),
        };
        let rule = VisibilityRule {
            object,
            restriction,
        };
        rule.validate()?;
        Ok(rule)
    }

    pub(crate) fn validate(&self) -> CoreResult<()> {
        if !supports(self.object, self.restriction.kind()) {
            return Err(CoreError::validation(
                "restriction",
                "unsupported",
                format!(
                    "{} records cannot be restricted by {}",
                    self.object,
                    self.restriction.kind()
                ),
            ));
        }
        if let (ObjectType::Tom, Restriction::WithStatus { statuses }) =
            (self.object, &self.restriction)
        {
            // A measure is in review, active or inactive; it is never a draft.
            if statuses.contains(&ActivityStatus::Draft) {
                return Err(CoreError::validation(
                    "restriction",
                    "status",
                    "a measure is never a draft: use in_review, active or inactive",
                ));
            }
        }
        let empty = match &self.restriction {
            Restriction::OwnRecords => false,
            Restriction::InAreas { areas } => areas.iter().all(|a| a.trim().is_empty()),
            Restriction::WithStatus { statuses } => statuses.is_empty(),
            Restriction::InFolders { folders } => folders.iter().all(|f| f.trim().is_empty()),
        };
        if empty {
            return Err(CoreError::validation(
                "restriction",
                "required",
                "a restriction needs at least one value",
            ));
        }
        Ok(())
    }
}

impl std::fmt::Display for VisibilityRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.restriction {
            Restriction::OwnRecords => write!(f, "{}:own_records", self.object),
            Restriction::InAreas { areas } => write!(f, "{}:area={}", self.object, areas.join("|")),
            Restriction::InFolders { folders } => {
                write!(f, "{}:folder={}", self.object, folders.join("|"))
            }
            Restriction::WithStatus { statuses } => {
                write!(
                    f,
                    "{}:status={}",
                    self.object,
                    statuses
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                )
            }
        }
    }
}

/// Which restrictions an object type knows: those whose records have the column.
fn supports(object: ObjectType, kind: &str) -> bool {
    matches!(
        (object, kind),
        (
            ObjectType::ProcessingActivity,
            "own_records" | "in_areas" | "with_status"
        ) | (ObjectType::Area, "in_areas")
            | (ObjectType::Tom, "own_records" | "with_status")
            | (ObjectType::Dpia, "own_records")
            | (
                ObjectType::Request | ObjectType::Breach | ObjectType::ProcessorAgreement,
                "own_records"
            )
            | (ObjectType::Document, "in_folders")
    )
}

pub(crate) fn store(conn: &Connection, role_id: i64, rules: &[VisibilityRule]) -> CoreResult<()> {
    conn.execute(
        "DELETE FROM role_restrictions WHERE role_id = ?1",
        [role_id],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO role_restrictions (role_id, object_type, kind, value) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for rule in rules {
        rule.validate()?;
        let kind = rule.restriction.kind();
        let values: Vec<String> = match &rule.restriction {
            Restriction::OwnRecords => vec![String::new()],
            Restriction::InAreas { areas: names } | Restriction::InFolders { folders: names } => {
                names
                    .iter()
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect()
            }
            Restriction::WithStatus { statuses } => {
                statuses.iter().map(|s| s.as_str().to_string()).collect()
            }
        };
        for value in values {
            insert.execute(params![role_id, rule.object.as_str(), kind, value])?;
        }
    }
    Ok(())
}

pub(crate) fn of_role(conn: &Connection, role_id: i64) -> CoreResult<Vec<VisibilityRule>> {
    let mut stmt = conn.prepare_cached(
        "SELECT object_type, kind, value FROM role_restrictions WHERE role_id = ?1 ORDER BY object_type, kind, value",
    )?;
    let rows = stmt.query_map([role_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut grouped: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for row in rows {
        let (object, kind, value) = row?;
        grouped.entry((object, kind)).or_default().push(value);
    }
    grouped
        .into_iter()
        .map(|((object, kind), values)| {
            let corrupt = || {
                CoreError::Corrupt(format!(
                    "role {role_id} has an unknown restriction {object}:{kind}"
                ))
            };
            let object = ObjectType::parse(&object).ok_or_else(corrupt)?;
            let restriction = match kind.as_str() {
                "own_records" => Restriction::OwnRecords,
                "in_areas" => Restriction::InAreas { areas: values },
                "in_folders" => Restriction::InFolders { folders: values },
                "with_status" => Restriction::WithStatus {
                    statuses: values
                        .iter()
                        .map(|s| ActivityStatus::parse(s).ok_or_else(corrupt))
                        .collect::<CoreResult<_>>()?,
                },
                _ => return Err(corrupt()),
            };
            Ok(VisibilityRule {
                object,
                restriction,
            })
        })
        .collect()
}

/// The SQL expressions of a query that the restrictions test; `None` where the record has
/// no such property.
#[derive(Default)]
pub(crate) struct Columns {
    pub editor: Option<&'static str>,
    pub area_name: Option<&'static str>,
    pub status: Option<&'static str>,
    /// The name of the top-level folder a record is filed under (NULL at the root).
    pub top_folder: Option<&'static str>,
}

/// A condition for a WHERE clause with its parameters (positional `?`).
pub(crate) struct Filter {
    pub sql: String,
    pub params: Vec<Value>,
}

/// What the user may see of an object type, as SQL: every (role, kind) group of their
/// restrictions becomes one condition, and all of them must hold. Administrators see all.
pub(crate) fn filter(
    conn: &Connection,
    user: &UserRecord,
    object: ObjectType,
    columns: &Columns,
) -> CoreResult<Filter> {
    let mut filter = Filter {
        sql: "1".into(),
        params: Vec::new(),
    };
    if user.is_admin {
        return Ok(filter);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT rr.role_id, rr.kind, rr.value FROM role_restrictions rr JOIN user_roles ur ON ur.role_id = rr.role_id
         WHERE ur.user_id = ?1 AND rr.object_type = ?2 ORDER BY rr.role_id, rr.kind",
    )?;
    let rows = stmt.query_map(params![user.id, object.as_str()], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut groups: BTreeMap<(i64, String), Vec<String>> = BTreeMap::new();
    for row in rows {
        let (role, kind, value) = row?;
        groups.entry((role, kind)).or_default().push(value);
    }
    for ((_, kind), values) in groups {
        let column = match kind.as_str() {
            "own_records" => columns.editor,
            "in_areas" => columns.area_name,
            "with_status" => columns.status,
            "in_folders" => columns.top_folder,
            _ => None,
        };
        // A restriction the query cannot test hides everything rather than nothing.
        let Some(column) = column else {
            filter.sql.push_str(" AND 0");
            continue;
        };
        if kind == "own_records" {
            filter.sql.push_str(&format!(" AND {column} = ?"));
            filter.params.push(Value::Integer(user.id));
        } else {
            let marks = vec!["?"; values.len()].join(", ");
            let collate = if kind == "in_areas" || kind == "in_folders" {
                " COLLATE NOCASE"
            } else {
                ""
            };
            filter
                .sql
                .push_str(&format!(" AND {column}{collate} IN ({marks})"));
            filter.params.extend(values.into_iter().map(Value::Text));
        }
    }
    Ok(filter)
}
