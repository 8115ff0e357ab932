//! User management by administrators: new users with roles, tenants and a one-time
//! invitation code; deactivation (users are never deleted, the audit log names them).

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::access::accounts::{self, UserRecord};
use crate::access::password;
use crate::access::roles;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::audit::{self, Change};

pub const INVITATION_DAYS: i64 = 7;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewUser {
    pub name: String,
    pub is_admin: bool,
    /// Role names; at least one unless the user is an administrator.
    pub roles: Vec<String>,
    /// Tenant ids; at least one unless the user is an administrator.
    pub tenants: Vec<i64>,
    /// Without a password the user gets an invitation code.
    pub password: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UserSummary {
    pub id: i64,
    pub name: String,
    pub is_admin: bool,
    pub is_owner: bool,
    pub active: bool,
    pub roles: Vec<String>,
    pub tenants: Vec<i64>,
    pub invitation_expires_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CreatedUser {
    pub user: UserSummary,
    /// Shown once to the administrator, who hands it over.
    pub invitation_code: Option<String>,
}

pub(crate) fn create(
    conn: &Connection,
    now: DateTime<Utc>,
    admin: &UserRecord,
    new: &NewUser,
) -> CoreResult<CreatedUser> {
    let name = accounts::validate_user_name(&new.name)?;
    let access = UserAccess {
        roles: new.roles.clone(),
        tenants: new.tenants.clone(),
    };
    access.check_required(new.is_admin)?;
    if let Some(pw) = &new.password {
        password::check_new(pw, &name)?;
    }
    if accounts::by_name(conn, &name)?.is_some() {
        return Err(CoreError::validation(
            "user_name",
            "taken",
            format!("a user named '{name}' exists already"),
        ));
    }
    let (role_ids, tenant_ids) = access.resolve(conn, admin)?;
    let (hash, code, expires) = match &new.password {
        Some(pw) => (Some(password::hash(pw)?), None, None),
        None => {
            let code = crate::kernel::codes::readable_code();
            (
                None,
                Some(code.clone()),
                Some((
                    password::hash(&crate::kernel::codes::normalise_code(&code))?,
                    now + Duration::days(INVITATION_DAYS),
                )),
            )
        }
    };
    conn.execute(
        "INSERT INTO users (name, password_hash, is_admin, is_owner, active, created_at, password_changed_at,
                            invitation_hash, invitation_expires_at)
         VALUES (?1, ?2, ?3, 0, 1, ?4, ?5, ?6, ?7)",
        params![
            name,
            hash,
            new.is_admin,
            now,
            hash.as_ref().map(|_| now),
            expires.as_ref().map(|(h, _)| h.clone()),
            expires.as_ref().map(|(_, at)| *at),
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_access(conn, id, &role_ids, &tenant_ids)?;
    let user = summary(conn, id)?;
    audit::record(
        conn,
        now,
        Some(&admin.actor()),
        Change {
            action: "create",
            object_type: ObjectType::User.as_str(),
            object_id: Some(id.to_string()),
            old: None,
            new: Some(json!({
                "name": user.name, "is_admin": user.is_admin, "roles": user.roles, "tenants": user.tenants,
                "invitation": code.is_some(),
            })),
        },
    )?;
    Ok(CreatedUser {
        user,
        invitation_code: code,
    })
}

/// The roles and tenants of a user, as an administrator assigns them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UserAccess {
    pub roles: Vec<String>,
    pub tenants: Vec<i64>,
}

impl UserAccess {
    /// A user without a role has no rights and one without a tenant sees nothing, so both
    /// are required (administrators hold everything anyway).
    fn check_required(&self, is_admin: bool) -> CoreResult<()> {
        if !is_admin && self.roles.is_empty() {
            return Err(CoreError::validation(
                "roles",
                "required",
                "a user needs at least one role",
            ));
        }
        if !is_admin && self.tenants.is_empty() {
            return Err(CoreError::validation(
                "tenants",
                "required",
                "a user needs at least one tenant",
            ));
        }
        Ok(())
    }

    /// Role ids and tenant ids, sorted and without repeats; unknown names and ids refused.
    fn resolve(&self, conn: &Connection, admin: &UserRecord) -> CoreResult<(Vec<i64>, Vec<i64>)> {
        let mut role_ids = Vec::new();
        for role_name in &self.roles {
            let role = roles::by_name(conn, role_name)?.ok_or_else(|| {
                CoreError::validation(
                    "roles",
                    "unknown",
                    format!("no role named '{}'", role_name.trim()),
                )
            })?;
            role_ids.push(role.id);
        }
        for tenant in &self.tenants {
            crate::access::scope::tenant(conn, admin, *tenant)?;
        }
        let mut tenant_ids = self.tenants.clone();
        for ids in [&mut role_ids, &mut tenant_ids] {
            ids.sort_unstable();
            ids.dedup();
        }
        Ok((role_ids, tenant_ids))
    }
}

fn write_access(
    conn: &Connection,
    user_id: i64,
    role_ids: &[i64],
    tenant_ids: &[i64],
) -> CoreResult<()> {
    conn.execute("DELETE FROM user_roles WHERE user_id = ?1", [user_id])?;
    conn.execute("DELETE FROM user_tenants WHERE user_id = ?1", [user_id])?;
    for role_id in role_ids {
        conn.execute(
            "INSERT INTO user_roles (user_id, role_id) VALUES (?1, ?2)",
            params![user_id, role_id],
        )?;
    }
    for tenant_id in tenant_ids {
        conn.execute(
            "INSERT INTO user_tenants (user_id, tenant_id) VALUES (?1, ?2)",
            params![user_id, tenant_id],
        )?;
    }
    Ok(())
}

fn existing(conn: &Connection, name: &str) -> CoreResult<UserRecord> {
    accounts::by_name(conn, name)?.ok_or_else(|| {
        CoreError::validation(
            "user_name",
            "unknown",
            format!("no user named '{}'", name.trim()),
        )
    })
}

/// Gives a user other roles and tenants; applies at their next action.
pub(crate) fn update_access(
    conn: &Connection,
    now: DateTime<Utc>,
    admin: &UserRecord,
    name: &str,
    access: &UserAccess,
) -> CoreResult<UserSummary> {
    let user = existing(conn, name)?;
    access.check_required(user.is_admin)?;
    let (role_ids, tenant_ids) = access.resolve(conn, admin)?;
    let before = summary(conn, user.id)?;
    write_access(conn, user.id, &role_ids, &tenant_ids)?;
    let after = summary(conn, user.id)?;
    if (&before.roles, &before.tenants) != (&after.roles, &after.tenants) {
        audit::record(
            conn,
            now,
            Some(&admin.actor()),
            Change {
                action: "update",
                object_type: ObjectType::User.as_str(),
                object_id: Some(user.id.to_string()),
                old: Some(json!({ "roles": before.roles, "tenants": before.tenants })),
                new: Some(json!({ "roles": after.roles, "tenants": after.tenants })),
            },
        )?;
    }
    Ok(after)
}

pub(crate) fn summary(conn: &Connection, id: i64) -> CoreResult<UserSummary> {
    let (name, is_admin, is_owner, active, invitation_expires_at) = conn.query_row(
        "SELECT name, is_admin, is_owner, active, invitation_expires_at FROM users WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let roles = conn
        .prepare_cached("SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ?1 ORDER BY r.name")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let tenants = conn
        .prepare_cached("SELECT tenant_id FROM user_tenants WHERE user_id = ?1 ORDER BY tenant_id")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(UserSummary {
        id,
        name,
        is_admin,
        is_owner,
        active,
        roles,
        tenants,
        invitation_expires_at,
    })
}

pub(crate) fn list(conn: &Connection) -> CoreResult<Vec<UserSummary>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM users ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| summary(conn, id)).collect()
}

/// Ends the user's access at once (every command re-reads `active`). The owner stays.
pub(crate) fn deactivate(
    conn: &Connection,
    now: DateTime<Utc>,
    admin: &UserRecord,
    name: &str,
) -> CoreResult<UserSummary> {
    let user = existing(conn, name)?;
    if user.is_owner {
        return Err(CoreError::validation(
            "user_name",
            "owner",
            "the owner cannot be deactivated",
        ));
    }
    if user.active {
        conn.execute("UPDATE users SET active = 0 WHERE id = ?1", [user.id])?;
        audit::record(
            conn,
            now,
            Some(&admin.actor()),
            Change {
                action: "deactivate",
                object_type: ObjectType::User.as_str(),
                object_id: Some(user.id.to_string()),
                old: Some(json!({ "active": true })),
                new: Some(json!({ "active": false })),
            },
        )?;
    }
    let summary = summary(conn, user.id)?;
    Ok(summary)
}

/// A user row as an invitation is checked: id, name, code hash, expiry, active.
type InvitationRow = (i64, String, Option<String>, Option<DateTime<Utc>>, bool);

/// First sign-in of an invited user: the code must fit and be fresh; the user chooses a
/// password, and the code is used up.
pub(crate) fn accept_invitation(
    conn: &mut Connection,
    now: DateTime<Utc>,
    name: &str,
    code: &str,
    new_password: &str,
) -> CoreResult<UserRecord> {
    let tx = conn.transaction()?;
    let row: Option<InvitationRow> = {
        use rusqlite::OptionalExtension;
        tx.query_row(
            "SELECT id, name, invitation_hash, invitation_expires_at, active FROM users WHERE name = ?1",
            [name.trim()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?
    };
    let Some((id, name, Some(hash), Some(expires_at), active)) = row else {
        return Err(CoreError::InvalidInvitation);
    };
    if !password::verify(&crate::kernel::codes::normalise_code(code), &hash) {
        return Err(CoreError::InvalidInvitation);
    }
    if now > expires_at {
        return Err(CoreError::InvitationExpired);
    }
    if !active {
        return Err(CoreError::UserDeactivated);
    }
    password::check_new(new_password, &name)?;
    tx.execute(
        "UPDATE users SET password_hash = ?1, password_changed_at = ?2, invitation_hash = NULL, invitation_expires_at = NULL,
                          failed_attempts = 0, blocked_until = NULL
         WHERE id = ?3",
        params![password::hash(new_password)?, now, id],
    )?;
    let user = accounts::by_id(&tx, id)?.expect("exists");
    audit::record(
        &tx,
        now,
        Some(&user.actor()),
        Change {
            action: "accept_invitation",
            object_type: ObjectType::User.as_str(),
            object_id: Some(id.to_string()),
            old: None,
            new: Some(json!({ "password": "set" })),
        },
    )?;
    tx.commit()?;
    Ok(user)
}
