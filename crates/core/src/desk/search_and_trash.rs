//! The header search and the trash. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::domain::tenants::{self};
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::services::search::{self, SearchHit};
use crate::services::trash::{self, TrashEntry};

impl Desk {
    /// Full-text search over the tenant's records the user may see.
    pub fn search(
        &self,
        session: &mut Session,
        tenant_id: i64,
        text: &str,
    ) -> CoreResult<Vec<SearchHit>> {
        let (user, _) = self.gate(session, Operation::Search)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        search::run(self.store.conn(), &user, tenant_id, text)
    }

    pub fn trash(&self, session: &mut Session) -> CoreResult<Vec<TrashEntry>> {
        let (user, _) = self.gate(session, Operation::ListTrash)?;
        trash::list(self.store.conn(), &user)
    }

    /// Restoring needs the delete right of what is restored.
    pub fn restore_from_trash(&mut self, session: &mut Session, id: i64) -> CoreResult<TrashEntry> {
        let (user, _) = self.gate(session, Operation::ListTrash)?;
        let entry = trash::restorable(self.store.conn(), &user, id)?;
        let object = ObjectType::parse(&entry.object_type)
            .ok_or_else(|| CoreError::Corrupt(format!("trash entry {id}")))?;
        self.write(
            session,
            Operation::RestoreFromTrash(object),
            |conn, user, now| trash::restore(conn, now, user, id),
        )
    }
}
