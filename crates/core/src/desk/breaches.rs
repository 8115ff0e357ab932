//! Personal data breaches of a tenant. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::breaches::{self, Breach, BreachField, BreachInput, BreachRow};
use crate::domain::tenants;
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    /// The tenant's breaches, running clocks first.
    pub fn breaches(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<BreachRow>> {
        let (user, now) = self.gate(session, Operation::ListBreaches)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        breaches::list(self.store.conn(), &user, tenant_id, now)
    }

    pub fn breach(&self, session: &mut Session, id: i64) -> CoreResult<Breach> {
        let (user, now) = self.gate(session, Operation::ShowBreach)?;
        breaches::visible_by_id(self.store.conn(), &user, id, now)
    }

    pub fn create_breach(
        &mut self,
        session: &mut Session,
        input: &BreachInput,
    ) -> CoreResult<Breach> {
        self.write(session, Operation::CreateBreach, |conn, user, now| {
            breaches::create(conn, now, user, input)
        })
    }

    pub fn update_breach(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &BreachInput,
    ) -> CoreResult<Breach> {
        self.write(session, Operation::UpdateBreach, |conn, user, now| {
            breaches::update(conn, now, user, id, input)
        })
    }

    pub fn mass_change_breaches(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &BreachField,
    ) -> CoreResult<usize> {
        self.write(session, Operation::MassChangeBreaches, |conn, user, now| {
            breaches::mass_change(conn, now, user, ids, field)
        })
    }

    pub fn delete_breaches(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteBreaches, |conn, user, now| {
            breaches::delete(conn, now, user, ids)
        })
    }

    pub fn export_breaches(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportBreaches)?;
        let conn = self.store.conn();
        let tenant = tenants::accessible(conn, &user, tenant_id)?;
        let list = breaches::full_list(conn, &user, tenant_id, now)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &breaches::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: breaches::export::file(
                &list,
                format,
                crate::store::settings::table_style(conn, language)?,
            )?,
        })
    }
}
