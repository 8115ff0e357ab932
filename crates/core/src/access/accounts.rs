//! App accounts: the user table, sign-in with a growing delay after wrong passwords, and
//! password changes.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::json;

use crate::access::password;
use crate::kernel::error::{CoreError, CoreResult};
use crate::store::audit::{self, Actor, Change};

/// Wrong passwords allowed before each further attempt has to wait.
pub const FREE_ATTEMPTS: i64 = 5;
const FIRST_DELAY_SECS: i64 = 30;
const MAX_DELAY_SECS: i64 = 15 * 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub name: String,
    pub is_admin: bool,
    pub is_owner: bool,
    pub active: bool,
    pub language: Option<String>,
    password_hash: Option<String>,
    failed_attempts: i64,
    blocked_until: Option<DateTime<Utc>>,
}

impl UserRecord {
    /// Whether `password` is this user's (asked again before showing secrets).
    pub(crate) fn password_matches(&self, password: &str) -> bool {
        self.password_hash
            .as_deref()
            .is_some_and(|h| password::verify(password, h))
    }

    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.id,
            user_name: self.name.clone(),
        }
    }

    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(UserRecord {
            id: r.get("id")?,
            name: r.get("name")?,
            is_admin: r.get("is_admin")?,
            is_owner: r.get("is_owner")?,
            active: r.get("active")?,
            language: r.get("language")?,
            password_hash: r.get("password_hash")?,
            failed_attempts: r.get("failed_attempts")?,
            blocked_until: r.get("blocked_until")?,
        })
    }
}

const USER_COLUMNS: &str =
    "id, name, is_admin, is_owner, active, language, password_hash, failed_attempts, blocked_until";

pub fn by_id(conn: &Connection, id: i64) -> CoreResult<Option<UserRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"),
            [id],
            UserRecord::from_row,
        )
        .optional()?)
}

pub fn by_name(conn: &Connection, name: &str) -> CoreResult<Option<UserRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"),
            [name.trim()],
            UserRecord::from_row,
        )
        .optional()?)
}

/// Active users, owner and administrators first, then by name.
pub fn active(conn: &Connection) -> CoreResult<Vec<UserRecord>> {
    let mut stmt = conn.prepare(&format!("SELECT {USER_COLUMNS} FROM users WHERE active = 1 ORDER BY is_owner DESC, is_admin DESC, name"))?;
    let rows = stmt.query_map([], UserRecord::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn count_active(conn: &Connection) -> CoreResult<i64> {
    Ok(
        conn.query_row("SELECT count(*) FROM users WHERE active = 1", [], |r| {
            r.get(0)
        })?,
    )
}

pub fn validate_user_name(name: &str) -> CoreResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::validation(
            "user_name",
            "required",
            "a user name is required",
        ));
    }
    if name.chars().count() > 64 {
        return Err(CoreError::validation(
            "user_name",
            "too_long",
            "at most 64 characters",
        ));
    }
    if name.chars().any(|c| c.is_control()) {
        return Err(CoreError::validation(
            "user_name",
            "characters",
            "must not contain control characters",
        ));
    }
    Ok(name.to_string())
}

/// Creates the owner: the first administrator, who alone may restore backups.
pub(crate) fn create_owner(
    conn: &Connection,
    now: DateTime<Utc>,
    name: &str,
    password: &str,
) -> CoreResult<UserRecord> {
    let name = validate_user_name(name)?;
    password::check_new(password, &name)?;
    let hash = password::hash(password)?;
    conn.execute(
        "INSERT INTO users (name, password_hash, is_admin, is_owner, active, created_at, password_changed_at)
         VALUES (?1, ?2, 1, 1, 1, ?3, ?3)",
        params![name, hash, now],
    )?;
    let user = by_id(conn, conn.last_insert_rowid())?.expect("just inserted");
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "create",
            object_type: "user",
            object_id: Some(user.id.to_string()),
            old: None,
            new: Some(json!({ "name": user.name, "is_admin": true, "is_owner": true })),
        },
    )?;
    Ok(user)
}

fn delay_after(failed_attempts: i64) -> Duration {
    let steps = (failed_attempts - FREE_ATTEMPTS).clamp(0, 16) as u32;
    Duration::seconds((FIRST_DELAY_SECS << steps).min(MAX_DELAY_SECS))
}

/// Checks name and password. Each wrong password counts; from the fifth on, the account
/// waits 30 s, 60 s, 120 s … (at most 15 min) before it accepts another try.
pub(crate) fn sign_in(
    conn: &mut Connection,
    now: DateTime<Utc>,
    name: &str,
    password: &str,
) -> CoreResult<UserRecord> {
    let tx = conn.transaction()?;
    let Some(user) = by_name(&tx, name)? else {
        // Same work as a real check, so the answer time does not reveal which names exist.
        password::verify(password, DUMMY_HASH);
        audit::record(
            &tx,
            now,
            None,
            Change {
                action: "sign_in_failed",
                object_type: "session",
                object_id: Some(name.trim().to_string()),
                old: None,
                new: Some(json!({ "reason": "unknown_user" })),
            },
        )?;
        tx.commit()?;
        return Err(CoreError::InvalidCredentials);
    };
    if let Some(until) = user.blocked_until {
        if until > now {
            return Err(CoreError::RateLimited {
                retry_after_secs: (until - now).num_seconds().max(1),
            });
        }
    }
    let ok = user
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(password, h));
    if !ok {
        let failed = user.failed_attempts + 1;
        let blocked_until = (failed >= FREE_ATTEMPTS).then(|| now + delay_after(failed));
        tx.execute(
            "UPDATE users SET failed_attempts = ?1, blocked_until = ?2 WHERE id = ?3",
            params![failed, blocked_until, user.id],
        )?;
        audit::record(
            &tx,
            now,
            None,
            Change {
                action: "sign_in_failed",
                object_type: "session",
                object_id: Some(user.name.clone()),
                old: None,
                new: Some(json!({ "reason": "wrong_password", "failed_attempts": failed })),
            },
        )?;
        tx.commit()?;
        return Err(match blocked_until {
            Some(until) => CoreError::RateLimited {
                retry_after_secs: (until - now).num_seconds(),
            },
            None => CoreError::InvalidCredentials,
        });
    }
    if !user.active {
        return Err(CoreError::UserDeactivated);
    }
    tx.execute(
        "UPDATE users SET failed_attempts = 0, blocked_until = NULL WHERE id = ?1",
        [user.id],
    )?;
    audit::record(
        &tx,
        now,
        Some(&user.actor()),
        Change {
            action: "sign_in",
            object_type: "session",
            object_id: Some(user.name.clone()),
            old: None,
            new: None,
        },
    )?;
    tx.commit()?;
    Ok(user)
}

pub(crate) fn change_password(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    current: &str,
    new: &str,
) -> CoreResult<()> {
    if !user.password_matches(current) {
        return Err(CoreError::validation(
            "current_password",
            "wrong",
            "the current password is not correct",
        ));
    }
    password::check_new(new, &user.name)?;
    if current == new {
        return Err(CoreError::validation(
            "new_password",
            "unchanged",
            "the new password must differ from the current one",
        ));
    }
    let hash = password::hash(new)?;
    conn.execute(
        "UPDATE users SET password_hash = ?1, password_changed_at = ?2 WHERE id = ?3",
        params![hash, now, user.id],
    )?;
    // Never the hashes themselves: the log only says that it changed.
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "change_password",
            object_type: "user",
            object_id: Some(user.id.to_string()),
            old: None,
            new: Some(json!({ "password": "changed" })),
        },
    )?;
    Ok(())
}

pub(crate) fn set_language(
    conn: &Connection,
    now: DateTime<Utc>,
    user: &UserRecord,
    language: &str,
) -> CoreResult<()> {
    if !crate::SUPPORTED_LANGUAGES.contains(&language) {
        return Err(CoreError::validation(
            "language",
            "unsupported",
            format!("unsupported language '{language}'"),
        ));
    }
    conn.execute(
        "UPDATE users SET language = ?1 WHERE id = ?2",
        params![language, user.id],
    )?;
    audit::record(
        conn,
        now,
        Some(&user.actor()),
        Change {
            action: "update",
            object_type: "user",
            object_id: Some(user.id.to_string()),
            old: Some(json!({ "language": user.language })),
            new: Some(json!({ "language": language })),
        },
    )?;
    Ok(())
}

/// An Argon2id hash of a random string, used to spend the same time on unknown names.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Y1/mTHSPN2HVgFUhaJKyBp4fxqVqSe2c6ltLU+HYRyI";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_grows_and_is_capped() {
        assert_eq!(delay_after(5).num_seconds(), 30);
        assert_eq!(delay_after(6).num_seconds(), 60);
        assert_eq!(delay_after(7).num_seconds(), 120);
        assert_eq!(delay_after(30).num_seconds(), MAX_DELAY_SECS);
    }
}
