//! Companies of a tenant. One line per operation: the gate, then the domain.

use crate::access::operations::Operation;
use crate::access::session::Session;
use crate::desk::{export_name, list_name, Desk};
use crate::domain::companies::{self, Company, CompanyField, CompanyInput};
use crate::domain::tenants::{self};
use crate::kernel::error::CoreResult;
use crate::kernel::text::Language;
use crate::services::exports::{ExportFile, ExportFormat};

impl Desk {
    pub fn companies(&self, session: &mut Session, tenant_id: i64) -> CoreResult<Vec<Company>> {
        let (user, _) = self.gate(session, Operation::ListCompanies)?;
        tenants::accessible(self.store.conn(), &user, tenant_id)?;
        companies::list(self.store.conn(), tenant_id)
    }

    pub fn create_company(
        &mut self,
        session: &mut Session,
        tenant_id: i64,
        input: &CompanyInput,
    ) -> CoreResult<Company> {
        self.write(session, Operation::CreateCompany, |conn, user, now| {
            companies::create(conn, now, user, tenant_id, input)
        })
    }

    pub fn update_company(
        &mut self,
        session: &mut Session,
        id: i64,
        input: &CompanyInput,
    ) -> CoreResult<Company> {
        self.write(session, Operation::UpdateCompany, |conn, user, now| {
            companies::update(conn, now, user, id, input)
        })
    }

    pub fn delete_company(&mut self, session: &mut Session, id: i64) -> CoreResult<i64> {
        Ok(self.delete_companies(session, &[id])?[0])
    }

    pub fn delete_companies(&mut self, session: &mut Session, ids: &[i64]) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::DeleteCompany, |conn, user, now| {
            companies::delete(conn, now, user, ids)
        })
    }

    /// Copies with their areas and activities; `suffix` is added to each name.
    pub fn copy_companies(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        suffix: &str,
    ) -> CoreResult<Vec<i64>> {
        self.write(session, Operation::CopyCompanies, |conn, user, now| {
            companies::copy(conn, now, user, ids, suffix)
        })
    }

    pub fn mass_change_companies(
        &mut self,
        session: &mut Session,
        ids: &[i64],
        field: &CompanyField,
    ) -> CoreResult<usize> {
        self.write(
            session,
            Operation::MassChangeCompanies,
            |conn, user, now| companies::mass_change(conn, now, user, ids, field),
        )
    }

    pub fn export_companies(
        &self,
        session: &mut Session,
        tenant_id: i64,
        format: ExportFormat,
    ) -> CoreResult<ExportFile> {
        let (user, now) = self.gate(session, Operation::ExportCompanies)?;
        let tenant = tenants::accessible(self.store.conn(), &user, tenant_id)?;
        let list = companies::list(self.store.conn(), tenant_id)?;
        let language = Language::of(user.language.as_deref());
        let what = list_name(language, &crate::domain::companies::descriptor::DESCRIPTOR);
        Ok(ExportFile {
            suggested_name: export_name(&tenant.name, &what, now, format),
            bytes: crate::domain::companies::export::file(
                &list,
                format,
                crate::store::settings::table_style(self.store.conn(), language)?,
            )?,
        })
    }
}
