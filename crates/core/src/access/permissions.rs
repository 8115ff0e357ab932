//! The one place that decides whether a user holds a right. Every operation of every
//! client passes the gate, which asks `granted`.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::Permission;

/// Administrators hold every right whatever their roles. Everyone else holds exactly the
/// union of their roles' rights, and no right without a role (SPEC §8).
pub(crate) fn granted(
    conn: &Connection,
    user: &UserRecord,
    permission: Permission,
) -> CoreResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    crate::access::roles::user_holds(conn, user.id, permission)
}
