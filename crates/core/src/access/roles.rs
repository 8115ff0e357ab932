//! Roles: named sets of rights (object type × right) and of menu entries to hide. Only
//! administrators define them (SPEC §8, seed 004 "FAQ zum Berechtigungskonzept").

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::visibility::{self, VisibilityRule};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::MenuEntry;
use crate::kernel::vocabulary::{ObjectType, Permission, Right};
use crate::store::audit::{self, Actor, Change};

/// One right on one object type, written `object:right` on the command line
/// (e.g. `processing_activity:view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Grant {
    pub object: ObjectType,
    pub right: Right,
}

impl Grant {
    pub fn parse(text: &str) -> CoreResult<Self> {
        let invalid = || {
            CoreError::validation(
                "grant",
                "format",
                format!("'{text}' is not OBJECT:RIGHT (e.g. processing_activity:view)"),
            )
        };
        let (object, right) = text.trim().split_once(':').ok_or_else(invalid)?;
        let object = ObjectType::parse(object).ok_or_else(|| {
            CoreError::validation("grant", "object", format!("unknown object type '{object}'"))
        })?;
        let right = Right::parse(right).ok_or_else(|| {
            CoreError::validation("grant", "right", format!("unknown right '{right}'"))
        })?;
        Ok(Grant { object, right })
    }

    pub fn permission(self) -> Permission {
        Permission::new(self.object, self.right)
    }
}

impl std::fmt::Display for Grant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.object, self.right)
    }
}

/// What an administrator defines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleDefinition {
    pub name: String,
    pub grants: Vec<Grant>,
    pub hidden_menus: Vec<MenuEntry>,
    #[serde(default)]
    pub visibility: Vec<VisibilityRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Role {
    pub id: i64,
    pub name: String,
    pub grants: Vec<Grant>,
    pub hidden_menus: Vec<MenuEntry>,
    pub visibility: Vec<VisibilityRule>,
    pub created_at: DateTime<Utc>,
}

fn validate_name(name: &str) -> CoreResult<String> {
    CoreError::required_name("role_name", name, 80, "a role")
}

fn describe(definition: &RoleDefinition, name: &str) -> serde_json::Value {
    let grants: BTreeSet<Grant> = definition.grants.iter().copied().collect();
    let hidden: BTreeSet<&'static str> =
        definition.hidden_menus.iter().map(|m| m.as_str()).collect();
    json!({
        "name": name,
        "grants": grants.iter().map(|g| g.to_string()).collect::<Vec<_>>(),
        "hidden_menus": hidden,
        "visibility": definition.visibility.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
    })
}

/// Replaces the role's rights, hidden menus and restrictions with the definition's.
fn write_contents(tx: &Connection, id: i64, definition: &RoleDefinition) -> CoreResult<()> {
    tx.execute("DELETE FROM role_rights WHERE role_id = ?1", [id])?;
    tx.execute("DELETE FROM role_hidden_menus WHERE role_id = ?1", [id])?;
    let grants: BTreeSet<Grant> = definition.grants.iter().copied().collect();
    for grant in &grants {
        tx.execute(
            "INSERT INTO role_rights (role_id, object_type, right_name) VALUES (?1, ?2, ?3)",
            params![id, grant.object.as_str(), grant.right.as_str()],
        )?;
    }
    let hidden: BTreeSet<&'static str> =
        definition.hidden_menus.iter().map(|m| m.as_str()).collect();
    for menu in &hidden {
        tx.execute(
            "INSERT INTO role_hidden_menus (role_id, menu) VALUES (?1, ?2)",
            params![id, menu],
        )?;
    }
    visibility::store(tx, id, &definition.visibility)
}

fn ensure_name_free(tx: &Connection, name: &str, except: Option<i64>) -> CoreResult<()> {
    match by_name(tx, name)? {
        Some(existing) if Some(existing.id) != except => Err(CoreError::validation(
            "role_name",
            "taken",
            format!("a role named '{name}' exists already"),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    definition: &RoleDefinition,
) -> CoreResult<Role> {
    let name = validate_name(&definition.name)?;
    ensure_name_free(conn, &name, None)?;
    conn.execute(
        "INSERT INTO roles (name, created_at) VALUES (?1, ?2)",
        params![name, now],
    )?;
    let id = conn.last_insert_rowid();
    write_contents(conn, id, definition)?;
    audit::record(
        conn,
        now,
        Some(actor),
        Change {
            action: "create",
            object_type: ObjectType::Role.as_str(),
            object_id: Some(id.to_string()),
            old: None,
            new: Some(describe(definition, &name)),
        },
    )?;
    let role = load(conn, id)?.expect("just inserted");
    Ok(role)
}

/// Changes a role; it applies to its holders at their next action, since every command
/// reads the rights afresh.
pub(crate) fn update(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &Actor,
    id: i64,
    definition: &RoleDefinition,
) -> CoreResult<Role> {
    let name = validate_name(&definition.name)?;
    let old = load(conn, id)?
        .ok_or_else(|| CoreError::validation("role", "unknown", format!("no role with id {id}")))?;
    ensure_name_free(conn, &name, Some(id))?;
    conn.execute(
        "UPDATE roles SET name = ?1 WHERE id = ?2",
        params![name, id],
    )?;
    write_contents(conn, id, definition)?;
    let old_definition = RoleDefinition {
        name: old.name.clone(),
        grants: old.grants.clone(),
        hidden_menus: old.hidden_menus.clone(),
        visibility: old.visibility.clone(),
    };
    let (before, after) = (
        describe(&old_definition, &old.name),
        describe(definition, &name),
    );
    if before != after {
        audit::record(
            conn,
            now,
            Some(actor),
            Change {
                action: "update",
                object_type: ObjectType::Role.as_str(),
                object_id: Some(id.to_string()),
                old: Some(before),
                new: Some(after),
            },
        )?;
    }
    let role = load(conn, id)?.expect("exists");
    Ok(role)
}

fn load(conn: &Connection, id: i64) -> CoreResult<Option<Role>> {
    let Some((name, created_at)) = conn
        .query_row(
            "SELECT name, created_at FROM roles WHERE id = ?1",
            [id],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let grants = read_grants(
        conn,
        "SELECT object_type, right_name FROM role_rights WHERE role_id = ?1 ORDER BY 1, 2",
        id,
    )?;
    let mut stmt =
        conn.prepare_cached("SELECT menu FROM role_hidden_menus WHERE role_id = ?1 ORDER BY 1")?;
    let hidden_menus = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .map(|row| {
            let menu = row?;
            MenuEntry::parse(&menu)
                .ok_or_else(|| CoreError::Corrupt(format!("role {id} hides unknown menu {menu}")))
        })
        .collect::<CoreResult<Vec<_>>>()?;
    let visibility = visibility::of_role(conn, id)?;
    Ok(Some(Role {
        id,
        name,
        grants,
        hidden_menus,
        visibility,
        created_at,
    }))
}

pub fn by_name(conn: &Connection, name: &str) -> CoreResult<Option<Role>> {
    let id: Option<i64> = conn
        .query_row("SELECT id FROM roles WHERE name = ?1", [name.trim()], |r| {
            r.get(0)
        })
        .optional()?;
    match id {
        Some(id) => load(conn, id),
        None => Ok(None),
    }
}

pub fn list(conn: &Connection) -> CoreResult<Vec<Role>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM roles ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter()
        .map(|id| load(conn, id).map(|r| r.expect("listed")))
        .collect()
}

fn read_grants(conn: &Connection, sql: &str, id: i64) -> CoreResult<Vec<Grant>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    rows.map(|row| {
        let (o, r) = row?;
        match (ObjectType::parse(&o), Right::parse(&r)) {
            (Some(object), Some(right)) => Ok(Grant { object, right }),
            _ => Err(CoreError::Corrupt(format!("unknown right {o}:{r} stored"))),
        }
    })
    .collect()
}

/// Every right the user's roles grant together (without the administrator's).
pub(crate) fn grants_of(conn: &Connection, user_id: i64) -> CoreResult<Vec<Grant>> {
    read_grants(
        conn,
        "SELECT DISTINCT rr.object_type, rr.right_name FROM user_roles ur JOIN role_rights rr ON rr.role_id = ur.role_id
         WHERE ur.user_id = ?1 ORDER BY 1, 2",
        user_id,
    )
}

/// Whether any of the user's roles grants the permission: rights add up across roles.
pub(crate) fn user_holds(
    conn: &Connection,
    user_id: i64,
    permission: Permission,
) -> CoreResult<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM user_roles ur JOIN role_rights rr ON rr.role_id = ur.role_id
                       WHERE ur.user_id = ?1 AND rr.object_type = ?2 AND rr.right_name = ?3)",
        params![
            user_id,
            permission.object.as_str(),
            permission.right.as_str()
        ],
        |r| r.get(0),
    )?)
}

/// Menu entries hidden for the user: a restriction of any of their roles applies, as
/// visibility restrictions combine with AND.
pub(crate) fn hidden_menus_of(conn: &Connection, user_id: i64) -> CoreResult<BTreeSet<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT hm.menu FROM user_roles ur JOIN role_hidden_menus hm ON hm.role_id = ur.role_id WHERE ur.user_id = ?1",
    )?;
    let menus = stmt
        .query_map([user_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(menus)
}
