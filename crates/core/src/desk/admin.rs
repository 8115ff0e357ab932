//! Users and roles (administrators). One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::roles::{self, Role, RoleDefinition};
use crate::access::session::Session;
use crate::access::users::{self, CreatedUser, NewUser, UserAccess, UserSummary};
use crate::desk::{Desk, MenuEntry, RoleCatalogue};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::{ObjectType, Right};

impl Desk {
    pub fn create_role(
        &mut self,
        session: &mut Session,
        definition: &RoleDefinition,
    ) -> CoreResult<Role> {
        self.write(session, Operation::CreateRole, |conn, user, now| {
            roles::create(conn, now, &user.actor(), definition)
        })
    }

    pub fn update_role(
        &mut self,
        session: &mut Session,
        id: i64,
        definition: &RoleDefinition,
    ) -> CoreResult<Role> {
        self.write(session, Operation::UpdateRole, |conn, user, now| {
            roles::update(conn, now, &user.actor(), id, definition)
        })
    }

    pub fn role_catalogue(&self, session: &mut Session) -> CoreResult<RoleCatalogue> {
        self.gate(session, Operation::ListRoles)?;
        Ok(RoleCatalogue {
            // Sections a later version adds (TOMs, DPIAs, …) are not offered before they exist.
            objects: ObjectType::ALL
                .iter()
                .copied()
                .filter(|o| crate::domain::registry::exists(*o))
                .collect(),
            rights: Right::ALL.to_vec(),
            menus: MenuEntry::ALL.to_vec(),
            statuses: crate::domain::activities::ActivityStatus::ALL.to_vec(),
        })
    }

    pub fn roles(&self, session: &mut Session) -> CoreResult<Vec<Role>> {
        self.gate(session, Operation::ListRoles)?;
        roles::list(self.store.conn())
    }

    pub fn role(&self, session: &mut Session, name: &str) -> CoreResult<Role> {
        self.gate(session, Operation::ShowRole)?;
        roles::by_name(self.store.conn(), name)?.ok_or_else(|| {
            CoreError::validation(
                "role_name",
                "unknown",
                format!("no role named '{}'", name.trim()),
            )
        })
    }

    pub fn create_user(&mut self, session: &mut Session, new: &NewUser) -> CoreResult<CreatedUser> {
        self.write(session, Operation::CreateUser, |conn, admin, now| {
            users::create(conn, now, admin, new)
        })
    }

    pub fn users(&self, session: &mut Session) -> CoreResult<Vec<UserSummary>> {
        self.gate(session, Operation::ListUsers)?;
        users::list(self.store.conn())
    }

    pub fn update_user_access(
        &mut self,
        session: &mut Session,
        name: &str,
        access: &UserAccess,
    ) -> CoreResult<UserSummary> {
        self.write(session, Operation::UpdateUserAccess, |conn, admin, now| {
            users::update_access(conn, now, admin, name, access)
        })
    }

    pub fn deactivate_user(
        &mut self,
        session: &mut Session,
        name: &str,
    ) -> CoreResult<UserSummary> {
        self.write(session, Operation::DeactivateUser, |conn, admin, now| {
            users::deactivate(conn, now, admin, name)
        })
    }

    /// First sign-in with an invitation code: sets the password and starts a session.
    pub fn accept_invitation(
        &mut self,
        user_name: &str,
        code: &str,
        new_password: &str,
    ) -> CoreResult<Session> {
        let now = self.now()?;
        let user =
            users::accept_invitation(self.store.conn_mut(), now, user_name, code, new_password)
                .map_err(|e| self.store.explain(e))?;
        Ok(Session::start(user.id, user.name, now))
    }
}
