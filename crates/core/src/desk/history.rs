//! The history of records: shown with the view right of the record's type, restored with
//! its edit right, inside the record's visibility like every other read and save.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::kernel::error::CoreResult;
use crate::kernel::vocabulary::ObjectType;
use crate::services::history::{self, RecordHistory};

impl Desk {
    pub fn record_history(
        &self,
        session: &mut Session,
        object: ObjectType,
        id: i64,
    ) -> CoreResult<RecordHistory> {
        let (user, now) = self.gate(session, Operation::ShowHistory(object))?;
        history::history(self.store.conn(), &user, now, object, id)
    }

    /// Saves an earlier version again as the newest one.
    pub fn restore_version(
        &mut self,
        session: &mut Session,
        object: ObjectType,
        id: i64,
        version: u32,
    ) -> CoreResult<RecordHistory> {
        self.write(
            session,
            Operation::RestoreVersion(object),
            |conn, user, now| history::restore(conn, now, user, object, id, version),
        )
    }
}
