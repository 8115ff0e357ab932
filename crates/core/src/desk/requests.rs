//! Data subject requests of a tenant. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::requests::{self, DataSubjectRequest, RequestField, RequestInput, RequestRow};
use crate::domain::tenants;
use crate::kernel::clock::local_day;
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    /// The tenant's requests, overdue first.
    pub fn requests(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<RequestRow>> {
        let (user, now) = self.gate(session, Operation::ListRequests)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        requests::list(self.store.conn(), &user, tenant_id, local_day(now))
    }

    pub fn request(&self, session: &mut Session, id: i64) -> CoreResult<DataSubjectRequest> {
        let (user, now) = self.gate(session, Operation::ShowRequest)?;
        requests::visible_by_id(self.store.conn(), &user, id, local_day(now))
    }

    pub fn create_request(
        &mut self,
        session: &mut Session,
        input: &RequestInput,
    ) -> CoreResult<DataSubjectRequest> {
        self.write(session, Operation::CreateRequest, |conn, user, now| {
            requests::create(conn, now, local_day(now), user, input)
        })
    }

    pub fn update_request(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &RequestInput,
    ) -> CoreResult<DataSubjectRequest> {
        self.write(session, Operation::UpdateRequest, |conn, user, now| {
            requests::update(conn, now, local_day(now), user, id, input)
        })
    }

    pub fn mass_change_requests(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &RequestField,
    ) -> CoreResult<usize> {
        self.write(session, Operation::MassChangeRequests, |conn, user, now| {
            requests::mass_change(conn, now, local_day(now), user, ids, field)
        })
    }

    pub fn delete_requests(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteRequests, |conn, user, now| {
            requests::delete(conn, now, local_day(now), user, ids)
        })
    }

    pub fn export_requests(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportRequests)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let list = requests::full_list(conn, &user, tenant_id, local_day(now))?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &requests::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: requests::export::file(
                &list,
                format,
                crate::store::settings::table_style(conn, language)?,
            )?,
        })
    }
}
