//! Master data of a tenant (SPEC §4, seed 004 "Stammdaten"): the pick lists processing
//! activities link to. One table serves the eleven kinds; `MasterKind` says which fields a
//! kind uses and what they mean.

pub mod catalogue;
pub mod descriptor;
pub mod export;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::store::audit;
use crate::store::trash::{self, Deleted};

pub use crate::kernel::vocabulary::MasterKind;

impl MasterKind {
    /// The values `category` may take for this kind; empty where the kind has none.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            MasterKind::Recipient => &["internal", "external", "processor"],
            MasterKind::ThirdCountry => &["eu_eea", "adequacy_decision", "no_adequacy"],
            MasterKind::Person => &["employee", "contact"],
            MasterKind::Processor => &["none", "requested", "signed", "expired"],
            MasterKind::BusinessProcess
            | MasterKind::Application
            | MasterKind::DataCategory
            | MasterKind::PersonGroup
            | MasterKind::LegalBasis
            | MasterKind::RetentionPeriod
            | MasterKind::Customer => &[],
        }
    }
}

/// What a person fills in for a master data item; the kind decides which fields count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MasterItemInput {
    pub kind: MasterKind,
    pub name: String,
    pub description: String,
    /// Article (legal basis), ISO code (country), duration (retention period).
    pub code: String,
    /// Special category of Art. 9/10 (data category).
    pub special_category: bool,
    /// Recipient type, person kind, country adequacy, Art. 28 agreement status.
    pub category: String,
    /// Date of the Art. 28 agreement (processor).
    pub date: Option<NaiveDate>,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MasterItem {
    pub id: i64,
    pub tenant_id: i64,
    #[serde(flatten)]
    pub data: MasterItemInput,
    /// Processing activities that link to it.
    pub usage_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT: &str = "SELECT m.id, m.tenant_id, m.kind, m.name, m.description, m.code, m.flag, m.category, m.date, m.email,
                             m.phone, m.created_at, m.updated_at,
                             (SELECT COUNT(*) FROM activity_links l JOIN processing_activities p ON p.id = l.activity_id
                              WHERE l.item_id = m.id AND p.trash_id IS NULL)
                      FROM master_items m";

fn from_row(r: &Row<'_>) -> rusqlite::Result<MasterItem> {
    let kind: String = r.get(2)?;
    Ok(MasterItem {
        id: r.get(0)?,
        tenant_id: r.get(1)?,
        data: MasterItemInput {
            kind: MasterKind::parse(&kind).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    2,
                    rusqlite::types::Type::Text,
                    format!("kind {kind}").into(),
                )
            })?,
            name: r.get(3)?,
            description: r.get(4)?,
            code: r.get(5)?,
            special_category: r.get(6)?,
            category: r.get(7)?,
            date: r.get(8)?,
            email: r.get(9)?,
            phone: r.get(10)?,
        },
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        usage_count: r.get(13)?,
    })
}

impl MasterItemInput {
    /// An item with only its kind and name.
    pub fn named(kind: MasterKind, name: &str) -> Self {
        MasterItemInput {
            kind,
            name: name.into(),
            description: String::new(),
            code: String::new(),
            special_category: false,
            category: String::new(),
            date: None,
            email: String::new(),
            phone: String::new(),
        }
    }

    pub(crate) fn validated(&self) -> CoreResult<MasterItemInput> {
        let kind = self.kind;
        let categories = kind.categories();
        let mut category = self.category.trim().to_string();
        if categories.is_empty() {
            category.clear();
        } else if category.is_empty() {
            category = categories[0].to_string();
        } else if !categories.contains(&category.as_str()) {
            return Err(CoreError::validation(
                "category",
                "unknown",
                format!("'{category}' is not one of {}", categories.join(", ")),
            ));
        }
        let email = self.email.trim().to_string();
        if !email.is_empty() && !crate::kernel::validate::valid_email(&email) {
            return Err(CoreError::validation(
                "email",
                "format",
                format!("'{email}' is not an e-mail address"),
            ));
        }
        Ok(MasterItemInput {
            kind,
            name: CoreError::required_name("item_name", &self.name, 300, "a master data item")?,
            description: self.description.trim().to_string(),
            code: self.code.trim().to_string(),
            special_category: kind == MasterKind::DataCategory && self.special_category,
            category,
            date: if kind == MasterKind::Processor {
                self.date
            } else {
                None
            },
            email,
            phone: self.phone.trim().to_string(),
        })
    }
}

pub(crate) fn list(
    conn: &Connection,
    tenant_id: i64,
    kind: MasterKind,
) -> CoreResult<Vec<MasterItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.tenant_id = ?1 AND m.kind = ?2 AND m.trash_id IS NULL ORDER BY m.name COLLATE NOCASE, m.id"
    ))?;
    let rows = stmt.query_map(params![tenant_id, kind.as_str()], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Items per kind in a tenant, for the tiles.
pub(crate) fn counts(conn: &Connection, tenant_id: i64) -> CoreResult<HashMap<String, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, COUNT(*) FROM master_items WHERE tenant_id = ?1 AND trash_id IS NULL GROUP BY kind",
    )?;
    let rows = stmt.query_map([tenant_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> CoreResult<Option<MasterItem>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE m.id = ?1 AND m.trash_id IS NULL"),
            [id],
            from_row,
        )
        .optional()?)
}

/// An item of the given kind in a tenant the user may open; anything else is unknown.
pub(crate) fn accessible(
    conn: &Connection,
    user: &UserRecord,
    id: i64,
    kind: MasterKind,
) -> CoreResult<MasterItem> {
    let unknown =
        || CoreError::validation("master_item", "unknown", format!("no {kind} with id {id}"));
    let item = by_id(conn, id)?
        .filter(|i| i.data.kind == kind)
        .ok_or_else(unknown)?;
    crate::access::scope::tenant(conn, user, item.tenant_id).map_err(|_| unknown())?;
    Ok(item)
}

fn write(
    conn: &Connection,
    id: Option<i64>,
    tenant_id: i64,
    data: &MasterItemInput,
    now: DateTime<Utc>,
) -> CoreResult<i64> {
    crate::store::rows::save(
        conn,
        "master_items",
        id,
        &[
            ("tenant_id", &tenant_id),
            ("kind", &data.kind.as_str()),
            ("name", &data.name),
            ("description", &data.description),
            ("code", &data.code),
            ("flag", &data.special_category),
            ("category", &data.category),
            ("date", &data.date),
            ("email", &data.email),
            ("phone", &data.phone),
        ],
        now,
    )
}

/// Inserts without an audit entry of its own: the catalogue copied into a new tenant and
/// imports, which their caller audits as one change.
pub(crate) fn insert_unaudited(
    conn: &Connection,
    now: DateTime<Utc>,
    tenant_id: i64,
    input: &MasterItemInput,
) -> CoreResult<i64> {
    write(conn, None, tenant_id, &input.validated()?, now)
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    tenant_id: i64,
    input: &MasterItemInput,
) -> CoreResult<MasterItem> {
    let data = input.validated()?;
    crate::access::scope::tenant(conn, user, tenant_id)?;
    let id = write(conn, None, tenant_id, &data, now)?;
    audit::created(
        conn,
        now,
        &user.actor(),
        data.kind.as_str(),
        id,
        json!(data),
    )?;
    let item = by_id(conn, id)?.expect("just inserted");
    Ok(item)
}

pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    input: &MasterItemInput,
) -> CoreResult<MasterItem> {
    let data = input.validated()?;
    let old = accessible(conn, user, id, data.kind)?;
    if old.data != data {
        write(conn, Some(id), old.tenant_id, &data, now)?;
        audit::changed(
            conn,
            now,
            &user.actor(),
            "update",
            data.kind.as_str(),
            id,
            json!(old.data),
            json!(data),
        )?;
    }
    let item = by_id(conn, id)?.expect("exists");
    Ok(item)
}

/// An activity that uses a master data item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Usage {
    pub activity_id: i64,
    pub activity_name: String,
}

pub(crate) fn usages(conn: &Connection, item_id: i64) -> CoreResult<Vec<Usage>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name FROM activity_links l JOIN processing_activities p ON p.id = l.activity_id
         WHERE l.item_id = ?1 AND p.trash_id IS NULL
         UNION
         SELECT p.id, p.name FROM processing_activities p WHERE p.business_process_id = ?1 AND p.trash_id IS NULL
         ORDER BY 2",
    )?;
    let rows = stmt.query_map([item_id], |r| {
        Ok(Usage {
            activity_id: r.get(0)?,
            activity_name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves unused items into the trash, all or none; items in use are refused with the
/// activities using them, so nothing disappears from a record silently.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    kind: MasterKind,
    ids: &[i64],
) -> CoreResult<Vec<i64>> {
    let mut entries = Vec::new();
    for &id in ids {
        let item = accessible(conn, user, id, kind)?;
        let mut used_by: Vec<String> = usages(conn, id)?
            .into_iter()
            .map(|u| u.activity_name)
            .collect();
        // A live processor agreement names its processor: the processor stays while it does
        // (the agreement is the register's row; only its reference is read here).
        let agreements: Vec<String> = conn
            .prepare_cached(
                "SELECT subject FROM processor_agreements WHERE processor_id = ?1 AND trash_id IS NULL
                 ORDER BY subject COLLATE NOCASE",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        used_by.extend(agreements);
        if !used_by.is_empty() {
            return Err(CoreError::InUse { used_by });
        }
        entries.push(trash::put(
            conn,
            now,
            &user.actor(),
            Deleted {
                tenant_id: Some(item.tenant_id),
                object: kind.object(),
                object_id: id,
                label: &item.data.name,
            },
            descriptor::CASCADE,
        )?);
    }
    Ok(entries)
}

/// Copies of the selected items in the same tenant, named with `suffix`.
pub(crate) fn copy(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    kind: MasterKind,
    ids: &[i64],
    suffix: &str,
) -> CoreResult<Vec<i64>> {
    let mut created = Vec::new();
    for &id in ids {
        let source = accessible(conn, user, id, kind)?;
        let mut data = source.data.clone();
        data.name = format!("{}{suffix}", data.name).chars().take(300).collect();
        let new_id = write(conn, None, source.tenant_id, &data.validated()?, now)?;
        audit::copied(
            conn,
            now,
            &user.actor(),
            kind.as_str(),
            new_id,
            id,
            json!(data),
        )?;
        created.push(new_id);
    }
    Ok(created)
}

/// One field set to one value over selected master data items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum MasterField {
    /// Recipient type, country adequacy, person kind, Art. 28 agreement status.
    Category(String),
    Description(String),
    /// The Art. 28 agreement's date (processors).
    Date(Option<NaiveDate>),
}

/// Applies the change to every selected item or to none.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    kind: MasterKind,
    ids: &[i64],
    field: &MasterField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one entry",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let old = accessible(conn, user, id, kind)?;
        let mut data = old.data.clone();
        match field {
            MasterField::Category(c) => data.category = c.clone(),
            MasterField::Description(d) => data.description = d.clone(),
            MasterField::Date(d) => data.date = *d,
        }
        let data = data.validated()?;
        if data != old.data {
            write(conn, Some(id), old.tenant_id, &data, now)?;
            audit::changed(
                conn,
                now,
                &user.actor(),
                "mass_change",
                kind.as_str(),
                id,
                json!(old.data),
                json!(data),
            )?;
            changed += 1;
        }
    }
    Ok(changed)
}
