//! Tenants: create, switch, rename, archive, delete, list, export and import. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::tenants::{self, Tenant, TenantField, TenantSummary};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};
use crate::services::tenant_transfer::{self, TenantDocument};

impl Desk {
    pub fn create_tenant(
        &mut self,
        session: &mut Session,
        name: &str,
        is_template: bool,
    ) -> CoreResult<Tenant> {
        self.write(session, Operation::CreateTenant, |conn, user, now| {
            tenants::create(conn, now, user, name, is_template)
        })
    }

    /// The tenants the user may open (all for administrators).
    pub fn tenants(&self, session: &mut Session) -> CoreResult<Vec<Tenant>> {
        let (user, _) = self.gate(session, Operation::ListTenants)?;
        tenants::visible_to(self.store.conn(), &user)
    }

    pub fn set_current_tenant(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
    ) -> CoreResult<Tenant> {
        let (user, _) = self.gate(session, Operation::SetCurrentTenant)?;
        tenants::set_current(self.store.conn(), &user, tenant_id)
    }

    pub fn update_tenant(
        &mut self,
        session: &mut Session,
        id: i64,
        name: &str,
        is_template: bool,
    ) -> CoreResult<Tenant> {
        self.write(session, Operation::UpdateTenant, |conn, user, now| {
            tenants::update(conn, now, user, id, name, is_template)
        })
    }

    pub fn set_tenant_archived(
        &mut self,
        session: &mut Session,
        id: i64,
        archived: bool,
    ) -> CoreResult<Tenant> {
        self.write(session, Operation::UpdateTenant, |conn, user, now| {
            tenants::set_archived(conn, now, user, id, archived)
        })
    }

    pub fn delete_tenant(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        self.write(session, Operation::DeleteTenant, |conn, user, now| {
            tenants::delete(conn, now, user, id)
        })
    }

    /// The tenants the user may open, with how many companies and (visible) activities each holds.
    pub fn tenant_summaries(&self, session: &mut Session) -> CoreResult<Vec<TenantSummary>> {
        let (user, _) = self.gate(session, Operation::ListTenants)?;
        tenants::summaries(self.store.conn(), &user)
    }

    pub fn mass_change_tenants(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: TenantField,
    ) -> CoreResult<usize> {
        self.write(session, Operation::MassChangeTenants, |conn, user, now| {
            tenants::mass_change(conn, now, user, ids, field)
        })
    }

    pub fn export_tenant_list(
        &self,
        session: &mut Session,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportTenantList)?;
        let list = tenants::summaries(self.store.conn(), &user)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &crate::domain::tenants::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&self.office_name()?, &what, now, format),
            bytes: crate::domain::tenants::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }

    pub fn export_tenant(
        &self,
        session: &mut Session,
        id: i64,
    ) -> CoreResult<(TenantDocument, String)> {
        let (user, now) = self.gate(session, Operation::ExportTenant)?;
        let tenant = tenants::accessible(self.store.conn(), &user, id)?;
        let doc = tenant_transfer::export(self.store.conn(), &tenant)?;
        Ok((
            doc,
            export_name(&tenant.name, "tenant", now, ExportFormat::Json),
        ))
    }

    pub fn import_tenant(
        &mut self,
        session: &mut Session,
        doc: &TenantDocument,
    ) -> CoreResult<Tenant> {
        self.write(session, Operation::ImportTenant, |conn, user, now| {
            tenant_transfer::import(conn, now, user, doc)
        })
    }
}
