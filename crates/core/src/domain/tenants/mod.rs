//! Tenants: the clients of the DPO. A user sees only the tenants assigned to them;
//! administrators see all.

pub mod descriptor;
pub mod export;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::UserRecord;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::text::Language;
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Actor, Change};
use crate::store::trash::{self, Deleted};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Tenant {
    pub id: i64,
    pub name: String,
    pub is_template: bool,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Tenant {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Tenant {
            id: r.get(0)?,
            name: r.get(1)?,
            is_template: r.get(2)?,
            archived_at: r.get(3)?,
            created_at: r.get(4)?,
        })
    }
}

const COLUMNS: &str = "t.id, t.name, t.is_template, t.archived_at, t.created_at";

fn validate_name(name: &str) -> CoreResult<String> {
    CoreError::required_name("tenant_name", name, 200, "a tenant")
}

/// Creates a tenant with the starter catalogue in the creator's language; a
/// non-administrator who creates one may open it.
pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    creator: &UserRecord,
    name: &str,
    is_template: bool,
) -> CoreResult<Tenant> {
    let name = validate_name(name)?;
    conn.execute(
        "INSERT INTO tenants (name, is_template, created_at) VALUES (?1, ?2, ?3)",
        params![name, is_template, now],
    )?;
    let id = conn.last_insert_rowid();
    let language = Language::of(creator.language.as_deref());
    crate::domain::master_data::catalogue::seed(conn, now, id, language)?;
    crate::domain::toms::catalogue::seed(conn, now, id, language)?;
    if !creator.is_admin {
        conn.execute(
            "INSERT INTO user_tenants (user_id, tenant_id) VALUES (?1, ?2)",
            params![creator.id, id],
        )?;
    }
    let actor: Actor = creator.actor();
    audit::record(
        conn,
        now,
        Some(&actor),
        Change {
            action: "create",
            object_type: ObjectType::Tenant.as_str(),
            object_id: Some(id.to_string()),
            old: None,
            new: Some(json!({ "name": name, "is_template": is_template })),
        },
    )?;
    let tenant = by_id(conn, id)?.expect("just inserted");
    Ok(tenant)
}

pub(crate) fn by_id(conn: &Connection, id: i64) -> CoreResult<Option<Tenant>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM tenants t WHERE t.id = ?1 AND t.trash_id IS NULL"),
            [id],
            Tenant::from_row,
        )
        .optional()?)
}

/// The tenants this user may open, filtered in SQL.
pub(crate) fn visible_to(conn: &Connection, user: &UserRecord) -> CoreResult<Vec<Tenant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tenants t
         WHERE t.trash_id IS NULL
           AND (?1 OR EXISTS(SELECT 1 FROM user_tenants ut WHERE ut.tenant_id = t.id AND ut.user_id = ?2))
         ORDER BY t.name COLLATE NOCASE, t.id"
    ))?;
    let rows = stmt.query_map(params![user.is_admin, user.id], Tenant::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A tenant the user cannot open is reported as unknown, so ids of other clients reveal
/// nothing.
pub(crate) fn accessible(conn: &Connection, user: &UserRecord, id: i64) -> CoreResult<Tenant> {
    crate::access::scope::tenant(conn, user, id)?;
    by_id(conn, id)?.ok_or_else(|| {
        CoreError::validation("tenant", "unknown", format!("no tenant with id {id}"))
    })
}

/// The tenant the user works in: the remembered one while they may still open it, else
/// the first they may open.
pub(crate) fn current(conn: &Connection, user: &UserRecord) -> CoreResult<Option<Tenant>> {
    let remembered: Option<i64> = conn.query_row(
        "SELECT current_tenant_id FROM users WHERE id = ?1",
        [user.id],
        |r| r.get(0),
    )?;
    if let Some(id) = remembered {
        if let Ok(tenant) = accessible(conn, user, id) {
            return Ok(Some(tenant));
        }
    }
    Ok(visible_to(conn, user)?.into_iter().next())
}

pub(crate) fn set_current(
    conn: &Connection,
    user: &UserRecord,
    tenant_id: i64,
) -> CoreResult<Tenant> {
    let tenant = accessible(conn, user, tenant_id)?;
    conn.execute(
        "UPDATE users SET current_tenant_id = ?1 WHERE id = ?2",
        params![tenant_id, user.id],
    )?;
    Ok(tenant)
}

fn audit_tenant(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    old: serde_json::Value,
    new: serde_json::Value,
) -> CoreResult<()> {
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "update",
            object_type: ObjectType::Tenant.as_str(),
            object_id: Some(id.to_string()),
            old: Some(old),
            new: Some(new),
        },
    )
}

/// Renames a tenant and sets whether it is a template tenant.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    name: &str,
    is_template: bool,
) -> CoreResult<Tenant> {
    let name = validate_name(name)?;
    rename(conn, now, user, id, &name, is_template)?;
    let tenant = by_id(conn, id)?.expect("exists");
    Ok(tenant)
}

/// Writes and audits a tenant's name and template flag; whether anything changed.
fn rename(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    name: &str,
    is_template: bool,
) -> CoreResult<bool> {
    let old = accessible(conn, user, id)?;
    if old.name == name && old.is_template == is_template {
        return Ok(false);
    }
    conn.execute(
        "UPDATE tenants SET name = ?1, is_template = ?2 WHERE id = ?3",
        params![name, is_template, id],
    )?;
    audit_tenant(
        conn,
        now,
        user,
        id,
        json!({ "name": old.name, "is_template": old.is_template }),
        json!({ "name": name, "is_template": is_template }),
    )?;
    Ok(true)
}

/// Archives a tenant (kept, read as usual, marked as no longer served) or takes it back.
pub(crate) fn set_archived(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    archived: bool,
) -> CoreResult<Tenant> {
    archive(conn, now, user, id, archived)?;
    let tenant = by_id(conn, id)?.expect("exists");
    Ok(tenant)
}

/// Writes and audits the archive mark; whether anything changed.
fn archive(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
    archived: bool,
) -> CoreResult<bool> {
    let old = accessible(conn, user, id)?;
    if old.archived_at.is_some() == archived {
        return Ok(false);
    }
    let at = archived.then_some(now);
    conn.execute(
        "UPDATE tenants SET archived_at = ?1 WHERE id = ?2",
        params![at, id],
    )?;
    audit_tenant(
        conn,
        now,
        user,
        id,
        json!({ "archived_at": old.archived_at }),
        json!({ "archived_at": at }),
    )?;
    Ok(true)
}

/// One field set to one value over selected tenants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum TenantField {
    IsTemplate(bool),
    Archived(bool),
}

/// Applies the change to every selected tenant or to none; the number changed.
pub(crate) fn mass_change(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    ids: &[i64],
    field: TenantField,
) -> CoreResult<usize> {
    if ids.is_empty() {
        return Err(CoreError::validation(
            "selection",
            "required",
            "select at least one tenant",
        ));
    }
    let mut changed = 0;
    for &id in ids {
        let changed_one = match field {
            TenantField::IsTemplate(flag) => {
                let old = accessible(conn, user, id)?;
                rename(conn, now, user, id, &old.name, flag)?
            }
            TenantField::Archived(flag) => archive(conn, now, user, id, flag)?,
        };
        changed += usize::from(changed_one);
    }
    Ok(changed)
}

/// A tenant in the administration list, with how much it holds for this user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TenantSummary {
    #[serde(flatten)]
    pub tenant: Tenant,
    pub company_count: i64,
    /// Processing activities the user may see.
    pub activity_count: i64,
    /// Bytes the tenant's documents take and their quota (SPEC §11).
    pub documents: crate::domain::documents::StorageUse,
}

pub(crate) fn summaries(conn: &Connection, user: &UserRecord) -> CoreResult<Vec<TenantSummary>> {
    let mut list = Vec::new();
    for tenant in visible_to(conn, user)? {
        let company_count = crate::domain::companies::count(conn, tenant.id)?;
        let activity_count = crate::domain::activities::count(conn, user, tenant.id)?;
        let documents = crate::domain::documents::storage(conn, tenant.id)?;
        list.push(TenantSummary {
            tenant,
            company_count,
            activity_count,
            documents,
        });
    }
    Ok(list)
}

/// Moves the tenant with everything in it into the trash.
pub(crate) fn delete(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    id: i64,
) -> CoreResult<i64> {
    let tenant = accessible(conn, user, id)?;
    let trash_id = trash::put(
        conn,
        now,
        &user.actor(),
        Deleted {
            tenant_id: Some(id),
            object: ObjectType::Tenant,
            object_id: id,
            label: &tenant.name,
        },
        descriptor::CASCADE,
    )?;
    Ok(trash_id)
}
