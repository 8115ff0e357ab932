//! Files attached to register records (requests, breaches, processor agreements): one set
//! of operations for the three, gated by the record's object type and its visibility.

use rusqlite::Connection;

use crate::access::accounts::UserRecord;
use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::Desk;
use crate::domain::{breaches, processor_agreements, requests};
use crate::kernel::clock::local_day;
use crate::kernel::error::{CoreError, CoreResult};
use crate::kernel::vocabulary::ObjectType;
use crate::store::attachments::{self, RecordAttachment};

#[derive(Clone, Copy)]
enum FileAction {
    Read,
    Add,
    Remove,
}

fn operation(object: ObjectType, action: FileAction) -> CoreResult<Operation> {
    use FileAction::*;
    Ok(match (object, action) {
        (ObjectType::Request, Read) => Operation::ReadRequestAttachment,
        (ObjectType::Request, Add) => Operation::AddRequestAttachment,
        (ObjectType::Request, Remove) => Operation::RemoveRequestAttachment,
        (ObjectType::Breach, Read) => Operation::ReadBreachAttachment,
        (ObjectType::Breach, Add) => Operation::AddBreachAttachment,
        (ObjectType::Breach, Remove) => Operation::RemoveBreachAttachment,
        (ObjectType::ProcessorAgreement, Read) => Operation::ReadAgreementAttachment,
        (ObjectType::ProcessorAgreement, Add) => Operation::AddAgreementAttachment,
        (ObjectType::ProcessorAgreement, Remove) => Operation::RemoveAgreementAttachment,
        (other, _) => {
            return Err(CoreError::validation(
                "attachment",
                "unsupported",
                format!("{other} records have no files here"),
            ))
        }
    })
}

/// The record must be one the user may see.
fn reach_record(
    conn: &Connection,
    user: &UserRecord,
    object: ObjectType,
    record_id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    let today = local_day(now);
    match object {
        ObjectType::Request => requests::visible_by_id(conn, user, record_id, today).map(drop),
        ObjectType::Breach => breaches::visible_by_id(conn, user, record_id, now).map(drop),
        _ => processor_agreements::visible_by_id(conn, user, record_id, today).map(drop),
    }
}

/// The record of an attachment, if the user may see it; otherwise the attachment is unknown.
fn reach_attachment(
    conn: &Connection,
    user: &UserRecord,
    object: ObjectType,
    id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<()> {
    let record = attachments::owner(conn, object, id)?;
    reach_record(conn, user, object, record, now)
        .map_err(|_| CoreError::validation("attachment", "unknown", format!("no attachment {id}")))
}

impl Desk {
    pub fn record_attachments(
        &self,
        session: &mut Session,
        object: ObjectType,
        record_id: i64,
    ) -> CoreResult<Vec<RecordAttachment>> {
        let (user, now) = self.gate(session, operation(object, FileAction::Read)?)?;
        reach_record(self.store.conn(), &user, object, record_id, now)?;
        attachments::list(self.store.conn(), object, record_id)
    }

    /// The file's name and bytes.
    pub fn record_attachment_content(
        &self,
        session: &mut Session,
        object: ObjectType,
        id: i64,
    ) -> CoreResult<(String, Vec<u8>)> {
        let (user, now) = self.gate(session, operation(object, FileAction::Read)?)?;
        reach_attachment(self.store.conn(), &user, object, id, now)?;
        attachments::content(self.store.conn(), id)
    }

    pub fn add_record_attachment(
        &mut self,
        session: &mut Session,
        object: ObjectType,
        record_id: i64,
        file_name: &str,
        content: &[u8],
    ) -> CoreResult<RecordAttachment> {
        self.write(
            session,
            operation(object, FileAction::Add)?,
            |conn, user, now| {
                reach_record(conn, user, object, record_id, now)?;
                attachments::add(
                    conn,
                    now,
                    &user.actor(),
                    object,
                    record_id,
                    file_name,
                    content,
                )
            },
        )
    }

    pub fn remove_record_attachment(
        &mut self,
        session: &mut Session,
        object: ObjectType,
        id: i64,
    ) -> CoreResult<()> {
        self.write(
            session,
            operation(object, FileAction::Remove)?,
            |conn, user, now| {
                reach_attachment(conn, user, object, id, now)?;
                attachments::remove(conn, now, &user.actor(), id)
            },
        )
    }
}
